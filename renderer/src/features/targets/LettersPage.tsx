/**
 * 目标责任书: the year's letters, one per member, generated at once from the templates of the members' posts;
 * each opens to be adjusted by hand (marked 已调整). 生成责任书 writes letters only for members who have none yet.
 */
import { FileAddOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { PERIOD_LABELS, type LetterSummary } from '../../../../shared/contract/targets';
import { formatPoints } from '../../../../shared/domain/targets';
import { api, errorText } from '../../api';
import { DataTable } from '../../components/table/DataTable';
import { useColumnChoice, type ChoosableColumn } from '../../components/table/useColumnChoice';
import { DocumentButtons } from './DocumentButtons';
import { LetterDrawer } from './LetterDrawer';
import { useSavedRow } from './useSavedRow';
import { TargetsTitle } from './TargetsTitle';
import { useLettersStore } from './targetsStore';
import { useYearFromRoute } from './year';
import { StatusTag } from './StatusTag';

export function LettersPage() {
  const [savedId, markSaved] = useSavedRow();
  const year = useYearFromRoute();
  const { letters, loading, error } = useLettersStore();
  const { message, modal } = App.useApp();
  const [openId, setOpenId] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);

  useEffect(() => void useLettersStore.getState().load(year), [year]);

  const generate = async () => {
    setGenerating(true);
    try {
      const r = await useLettersStore.getState().generate(year);
      const parts = [`新生成 ${r.created} 份`];
      if (r.existing) parts.push(`${r.existing} 名党员已有责任书，保持不变`);
      if (r.missingTemplate.length) {
        modal.warning({
          title: `已生成 ${r.created} 份责任书；${r.missingTemplate.length} 名党员没有可用的模板`,
          content: (
            <>
              <p>下列党员的岗位没有目标模板，也没有“通用”模板。请在“岗位目标模板”中建立后再点“生成责任书”：</p>
              <p>{r.missingTemplate.map((m) => `${m.name}（${m.post || '未填岗位'}）`).join('、')}</p>
            </>
          ),
          okText: '知道了',
        });
      } else {
        message.success(`${year} 年责任书：${parts.join('，')}`);
      }
    } catch (e) {
      modal.error({ title: '未能生成责任书', content: errorText(e), okText: '知道了' });
    } finally {
      setGenerating(false);
    }
  };

  const regenerate = (l: LetterSummary) =>
    modal.confirm({
      title: `按“${l.post}”岗位的现行模板重新生成${l.memberName}的责任书？`,
      content: '手工调整的内容会被模板的内容代替。',
      okText: '重新生成',
      cancelText: '取消',
      onOk: async () => {
        try {
          await useLettersStore.getState().regenerate(l.id);
          message.success(`已按模板重新生成${l.memberName}的责任书`);
        } catch (e) {
          message.error(`未能重新生成：${errorText(e)}`);
        }
      },
    });

  const all: ChoosableColumn<LetterSummary>[] = [
    {
      key: 'memberName',
      title: '姓名',
      dataIndex: 'memberName',
      width: 110,
      fixed: 'left',
      render: (v: string, l) => (
        <Button type="link" className="targets-name-link" onClick={() => setOpenId(l.id)} aria-label={`打开${v}的责任书`}>
          {v}
        </Button>
      ),
    },
    { key: 'post', title: '岗位', dataIndex: 'post', width: 110, render: (v: string) => v || <span className="muted">未填</span> },
    { key: 'partyGroupName', title: '党小组', dataIndex: 'partyGroupName', width: 160, ellipsis: true, render: (v: string | null) => v ?? <span className="muted">未分组</span> },
    { key: 'itemCount', title: '条目', dataIndex: 'itemCount', width: 70, align: 'right', render: (v: number) => `${v} 项` },
    { key: 'total', title: '总分', dataIndex: 'total', width: 70, align: 'right', render: (v: number) => formatPoints(v) },
    {
      key: 'adjusted',
      title: '内容',
      dataIndex: 'adjusted',
      width: 110,
      render: (v: boolean) => (v ? <StatusTag tone="orange">已调整</StatusTag> : <span className="muted">按模板</span>),
    },
    { key: 'signedDate', title: '签订日期', dataIndex: 'signedDate', width: 110, render: (v: string | null) => v ?? <span className="muted">未签</span> },
    {
      key: 'assessed',
      title: '考核',
      dataIndex: 'assessed',
      width: 170,
      render: (v: LetterSummary['assessed']) => (v.length ? v.map((p) => PERIOD_LABELS[p]).join('、') : <span className="muted">未评分</span>),
    },
    {
      key: 'actions',
      title: '操作',
      width: 190,
      fixed: 'right',
      render: (_v, l) => (
        <span className="row-actions">
          <Button type="link" size="small" onClick={() => setOpenId(l.id)} aria-label={`查看或调整${l.memberName}的责任书`}>
            查看/调整
          </Button>
          {l.adjusted && l.assessed.length === 0 ? (
            <Button type="link" size="small" onClick={() => regenerate(l)} aria-label={`按模板重新生成${l.memberName}的责任书`}>
              按模板重置
            </Button>
          ) : null}
        </span>
      ),
    },
  ];
  const { columns, chooser } = useColumnChoice('targetLetters', all, []);
  const adjusted = letters.filter((l) => l.adjusted).length;

  return (
    <>
      <TargetsTitle
        title="目标责任书"
        error={error}
        extra={
          <>
          <DocumentButtons
            what={`${year} 年责任书`}
            disabled={letters.length === 0}
            preview={async () => (await api().call('targetLetters.preview', { year })).document}
            exportWord={() => api().call('targetLetters.export', { year })}
            exportEach={() => api().call('targetLetters.exportEach', { year })}
          />
          <Button id="letters-generate" type="primary" size="large" icon={<FileAddOutlined aria-hidden="true" />} loading={generating} onClick={() => void generate()}>
            生成责任书
          </Button>
          </>
        }
      />
      <div className="targets-bar">
        <span className="roster-count" role="status" aria-live="polite" data-testid="letters-count">
          {year} 年共 {letters.length} 份责任书{adjusted ? `，其中 ${adjusted} 份已调整` : ''}
        </span>
        <span className="spacer" />
        {chooser}
      </div>
      {letters.length === 0 && !loading ? (
        <div className="roster-empty">
          <p>{year} 年还没有责任书。先在“岗位目标模板”中建好各岗位的模板，再点右上角的“生成责任书”。</p>
        </div>
      ) : (
        <DataTable<LetterSummary> highlightKey={savedId} aria-label={`${year} 年目标责任书`} fillHeight columns={columns} dataSource={letters} loading={loading && letters.length === 0} pagination={false} />
      )}
      <LetterDrawer letterId={openId} onClose={() => setOpenId(null)} onSaved={markSaved} />
    </>
  );
}

export default LettersPage;
