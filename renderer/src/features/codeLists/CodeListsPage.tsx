/**
 * 字典管理: one tab per code list (岗位, 缺席原因, …), each a table in its order with 上移/下移, 在用/停用,
 * 修改 and 删除; 新增 and 修改 in a dialog that checks the name as it is typed.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space, Table, Tabs, Tag } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { NOTE_MAX_LENGTH, duplicateProblem, labelProblems, type CodeItem, type CodeList } from '../../../../shared/domain/codeLists';
import type { FieldProblem } from '../../../../shared/domain/member';
import { ApiError, errorText } from '../../api';
import { FormModal } from '../../components/FormModal';
import { PageTitle } from '../../components/PageTitle';
import { useInlineChecks } from '../../components/useInlineChecks';
import { useCodeListsStore } from './codeListsStore';
import './codeLists.css';

interface Values {
  label: string;
  note: string;
}
const ORDER = ['label', 'note'] as const;

function ItemDialog({ list, item, open, onClose }: { list: CodeList; item: CodeItem | null; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const save = useCodeListsStore((s) => s.save);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);

  const problemsOf = (): FieldProblem[] => {
    const v = form.getFieldsValue(true) as Values;
    const label = v.label ?? '';
    const problems = labelProblems(list, label);
    if (problems.length) return problems;
    const clash = duplicateProblem(list, label, list.items.filter((i) => i.id !== item?.id));
    return clash ? [clash] : [];
  };
  const checks = useInlineChecks(form, ORDER, problemsOf, () => undefined);

  useEffect(() => {
    if (!open) return;
    setSummary(null);
    checks.reset(item ? { label: item.label, note: item.note } : { label: '', note: '' });
  }, [open, item, form]);

  const onFinish = async () => {
    if (!checks.trySave()) return;
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    setSummary(null);
    try {
      const saved = await save({ id: item?.id ?? null, kind: list.kind, label: v.label, note: v.note ?? '', expectedUpdatedAt: item?.updatedAt ?? null });
      message.success(item ? `已保存${list.label}“${saved.label}”` : `已添加${list.label}“${saved.label}”`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      setSummary(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      open={open}
      title={item ? `修改${list.label}：${item.label}` : `新增${list.label}`}
      width={520}
      saving={saving}
      onCancel={onClose}
      form={form}
      name="code-item"
      onFinish={onFinish}
      onValuesChange={checks.onValuesChange}
    >
      {summary ? <Alert type="error" showIcon role="alert" title={summary} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="label" label={`${list.label}名称`} required extra={`不超过 ${list.maxLength} 个字；同一字典中不能重名`}>
        <Input autoFocus maxLength={list.maxLength + 10} onBlur={checks.leave('label')} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea maxLength={NOTE_MAX_LENGTH} autoSize={{ minRows: 2, maxRows: 4 }} onBlur={checks.leave('note')} />
      </Form.Item>
    </FormModal>
  );
}

/** After a move the focus follows the moved item's button (or its other one at the top or bottom of the list). */
function useFocusAfterMove(busy: boolean) {
  const pending = useRef<string[] | null>(null);
  const lists = useCodeListsStore((s) => s.lists);
  // The buttons are disabled while the move is saved (and lose the focus): it is given back once they are enabled.
  useLayoutEffect(() => {
    if (busy || !pending.current) return;
    for (const name of pending.current) {
      const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(name)}"]:not([disabled])`);
      if (button) {
        button.focus();
        break;
      }
    }
    pending.current = null;
  }, [lists, busy]);
  return (names: string[]) => (pending.current = names);
}

function ListTab({ list, onAdd, onEdit }: { list: CodeList; onAdd: () => void; onEdit: (item: CodeItem) => void }) {
  const { message, modal } = App.useApp();
  const move = useCodeListsStore((s) => s.move);
  const setInUse = useCodeListsStore((s) => s.setInUse);
  const remove = useCodeListsStore((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const focusAfter = useFocusAfterMove(busy);
  const last = list.items.length - 1;

  const act = async (work: () => Promise<unknown>, failTitle: string) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      modal.error({ title: failTitle, content: errorText(e), okText: '知道了' });
    } finally {
      setBusy(false);
    }
  };

  const moveBy = (item: CodeItem, by: -1 | 1) => {
    focusAfter(by < 0 ? [`上移${item.label}`, `下移${item.label}`] : [`下移${item.label}`, `上移${item.label}`]);
    void act(() => move(list.kind, item.id, by), '未能调整顺序');
  };

  const toggle = (item: CodeItem) =>
    void act(async () => {
      await setInUse(item.id, !item.inUse);
      message.success(item.inUse ? `已停用“${item.label}”，它不再出现在选择列表中` : `已启用“${item.label}”`);
    }, item.inUse ? '未能停用' : '未能启用');

  const confirmDelete = (item: CodeItem) =>
    modal.confirm({
      title: `删除${list.label}“${item.label}”？`,
      content: '已填写了它的记录仍显示原来的名称。删除后可以在回收站中恢复；只是暂时不用的，请用“停用”。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => act(async () => {
        await remove(item.id);
        message.success(`已删除“${item.label}”`);
      }, '未能删除'),
    });

  const inUse = list.items.filter((i) => i.inUse).length;
  return (
    <section aria-label={`${list.label}列表`}>
      <div className="code-list-head">
        <p className="muted">
          用于{list.usedBy}。共 {list.items.length} 项，在用 {inUse} 项；停用的不再出现在选择列表中，已有记录照常显示。
        </p>
        <Button type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={onAdd}>
          新增{list.label}
        </Button>
      </div>
      <Table<CodeItem>
        aria-label={list.label}
        rowKey="id"
        size="middle"
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: `还没有${list.label}，请点“新增${list.label}”` }}
        rowClassName={(item) => (item.inUse ? '' : 'code-item-retired')}
        columns={[
          {
            title: '顺序',
            key: 'order',
            width: 150,
            render: (_, item, i) => (
              <Space size={4}>
                <span style={{ display: 'inline-block', width: 28, textAlign: 'right' }}>{i + 1}</span>
                <Button size="small" icon={<ArrowUpOutlined aria-hidden="true" />} aria-label={`上移${item.label}`} title="上移" disabled={busy || i === 0} onClick={() => moveBy(item, -1)} />
                <Button size="small" icon={<ArrowDownOutlined aria-hidden="true" />} aria-label={`下移${item.label}`} title="下移" disabled={busy || i === last} onClick={() => moveBy(item, 1)} />
              </Space>
            ),
          },
          { title: '名称', dataIndex: 'label', render: (v: string) => <span style={{ fontSize: 16 }}>{v}</span> },
          {
            title: '状态',
            dataIndex: 'inUse',
            width: 90,
            render: (v: boolean) => (v ? <Tag color="success" style={{ fontSize: 14 }}>在用</Tag> : <Tag style={{ fontSize: 14 }}>停用</Tag>),
          },
          { title: '备注', dataIndex: 'note', ellipsis: true, render: (v: string) => v || <span className="muted">—</span> },
          {
            title: '操作',
            key: 'actions',
            width: 290,
            render: (_, item) => (
              <Space size={8}>
                <Button icon={<EditOutlined aria-hidden="true" />} aria-label={`修改${item.label}`} onClick={() => onEdit(item)} disabled={busy}>
                  修改
                </Button>
                <Button
                  icon={item.inUse ? <StopOutlined aria-hidden="true" /> : <UndoOutlined aria-hidden="true" />}
                  aria-label={`${item.inUse ? '停用' : '启用'}${item.label}`}
                  onClick={() => toggle(item)}
                  disabled={busy}
                >
                  {item.inUse ? '停用' : '启用'}
                </Button>
                <Button danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={`删除${item.label}`} onClick={() => confirmDelete(item)} disabled={busy}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}

export function CodeListsPage() {
  const { lists, loading, loaded, error } = useCodeListsStore();
  const [active, setActive] = useState<string>('posts');
  const [dialog, setDialog] = useState<{ open: boolean; kind: string; item: CodeItem | null }>({ open: false, kind: 'posts', item: null });

  useEffect(() => {
    void useCodeListsStore.getState().load();
  }, []);

  const dialogList = lists.find((l) => l.kind === dialog.kind);
  return (
    <div className="code-lists">
      <PageTitle title="字典管理" />
      <p style={{ marginTop: 0, fontSize: 15 }}>
        这里维护各项记录中可选的名称（岗位、缺席原因、谈话类型等）。顺序即选择列表中的先后；交接包和备份都包含这些字典。
      </p>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      {!loaded && loading ? <p className="muted">正在读取字典…</p> : null}
      {loaded ? (
        <Tabs
          activeKey={active}
          onChange={setActive}
          size="large"
          items={lists.map((list) => ({
            key: list.kind,
            label: `${list.label}（${list.items.length}）`,
            children: (
              <ListTab
                list={list}
                onAdd={() => setDialog({ open: true, kind: list.kind, item: null })}
                onEdit={(item) => setDialog({ open: true, kind: list.kind, item })}
              />
            ),
          }))}
        />
      ) : null}
      {dialogList ? (
        <ItemDialog list={dialogList} item={dialog.item} open={dialog.open} onClose={() => setDialog((d) => ({ ...d, open: false }))} />
      ) : null}
    </div>
  );
}

export default CodeListsPage;
