/**
 * 岗位目标模板: one template of target items per post (岗位, from the code list; 通用 serves members whose post has
 * none). The posts are listed on the left with the members each template serves; the chosen post's template is
 * edited on the right. Letters already generated keep their own copy.
 */
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_ASSESSMENT_METHOD,
  DEFAULT_OTHER_TERMS,
  DEFAULT_REWARD_RULES,
  GENERAL_POST,
} from '../../../../shared/domain/targets';
import type { PostTemplate } from '../../../../shared/contract/targets';
import { errorText } from '../../api';
import { saveShortcutProps } from '../../components/formKeys';
import { PageTitle } from '../../components/PageTitle';
import { contentInput, contentProblems, draftOf, LetterContentEditor, type ContentDraft } from './LetterContent';
import { useTemplatesStore } from './targetsStore';
import './targets.css';
import { StatusTag } from './StatusTag';

function emptyDraft(): ContentDraft {
  return draftOf({ items: [], assessmentMethod: DEFAULT_ASSESSMENT_METHOD, rewardRules: DEFAULT_REWARD_RULES, otherTerms: DEFAULT_OTHER_TERMS });
}

/** The posts to show: 通用 first, then the code list's, then any post a template has that the list no longer holds. */
function postsOf(posts: readonly string[], templates: readonly PostTemplate[]): string[] {
  const all = [GENERAL_POST, ...posts, ...templates.map((t) => t.post)];
  return [...new Set(all)];
}

export function TemplatesPage() {
  const { templates, posts, loading, error } = useTemplatesStore();
  const { message, modal } = App.useApp();
  const [post, setPost] = useState<string>(GENERAL_POST);
  const [draft, setDraft] = useState<ContentDraft>(emptyDraft);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const template = templates.find((t) => t.post === post) ?? null;
  const allPosts = useMemo(() => postsOf(posts, templates), [posts, templates]);

  useEffect(() => void useTemplatesStore.getState().load(), []);
  useEffect(() => {
    setDraft(template ? draftOf(template) : emptyDraft());
    setDirty(false);
    setProblems([]);
  }, [template, post]);

  const change = (d: ContentDraft) => {
    setDraft(d);
    setDirty(true);
    if (problems.length) setProblems(contentProblems(d));
  };

  const choose = (p: string) => {
    if (p === post) return;
    if (!dirty) return setPost(p);
    modal.confirm({
      title: `放弃对“${post}”模板的修改？`,
      content: '刚才的修改还没有保存。',
      okText: '放弃修改',
      cancelText: '继续修改',
      onOk: () => setPost(p),
    });
  };

  const save = async () => {
    const found = contentProblems(draft);
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    try {
      await useTemplatesStore.getState().save({ id: template?.id ?? null, post, note: template?.note ?? '', ...contentInput(draft), expectedUpdatedAt: template?.updatedAt ?? null });
      message.success(`“${post}”岗位的目标模板已保存`);
    } catch (e) {
      setProblems([`未能保存：${errorText(e)}`]);
    } finally {
      setSaving(false);
    }
  };

  const remove = () =>
    template &&
    modal.confirm({
      title: `删除“${post}”岗位的目标模板？`,
      content: '已经生成的责任书不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await useTemplatesStore.getState().remove(template.id);
          message.success(`已删除“${post}”岗位的目标模板`);
        } catch (e) {
          message.error(`删除失败：${errorText(e)}`);
        }
      },
    });

  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <PageTitle
        title="岗位目标模板"
        extra={
          <>
            {template ? (
              <Button size="large" danger icon={<DeleteOutlined aria-hidden="true" />} onClick={remove}>
                删除模板
              </Button>
            ) : null}
            <Button type="primary" size="large" icon={<SaveOutlined aria-hidden="true" />} loading={saving} disabled={!dirty} onClick={() => void save()} {...saveShortcutProps}>
              保存模板
            </Button>
          </>
        }
      />
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <div className="targets-split">
        <nav className="targets-panel" aria-label="岗位">
          <h3>岗位</h3>
          <ul className="targets-list">
            {allPosts.map((p) => {
              const t = templates.find((x) => x.post === p);
              return (
                <li key={p}>
                  <Button
                    type="text"
                    className={p === post ? 'targets-list-current' : undefined}
                    aria-current={p === post ? 'true' : undefined}
                    onClick={() => choose(p)}
                  >
                    <span>{p}</span>
                    {t ? <span className="muted">（{t.memberCount} 人）</span> : <StatusTag tone="grey" className="targets-tag">未建</StatusTag>}
                  </Button>
                </li>
              );
            })}
          </ul>
          {loading && templates.length === 0 ? <p className="muted">正在读取…</p> : null}
        </nav>
        <section className="targets-panel" aria-labelledby="template-title">
          <h3 id="template-title">
            {post === GENERAL_POST ? '通用模板（岗位没有自己模板的党员用它）' : `${post}岗位的目标模板`}
            {template ? null : <span className="muted">　尚未建立，保存后即可用于生成责任书</span>}
          </h3>
          {problems.length ? (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title="还不能保存" description={<ul className="targets-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
          ) : null}
          <LetterContentEditor draft={draft} onChange={change} label={`${post}岗位`} />
        </section>
      </div>
    </div>
  );
}

export default TemplatesPage;
