/**
 * 考核汇总: every letter of the year with its assessment for the period — totals, rank within the branch (ties share a
 * rank), grade and the reward or penalty of the letter's thresholds — with the counts per grade above it.
 */
import { Statistic } from 'antd';
import { useEffect } from 'react';
import type { AssessmentSummaryRow } from '../../../../shared/contract/targets';
import { formatPoints, PERIOD_LABELS } from '../../../../shared/domain/targets';
import { openScreen, screenHref } from '../../app/screens';
import { api } from '../../api';
import { DocumentButtons } from './DocumentButtons';
import { DataTable } from '../../components/table/DataTable';
import { useColumnChoice, type ChoosableColumn } from '../../components/table/useColumnChoice';
import { TargetsTitle } from './TargetsTitle';
import { useSummaryStore } from './targetsStore';
import { PeriodSwitch, useTargetPeriod, useYearFromRoute } from './year';
import { STATUS_TONE, StatusTag } from './StatusTag';

const points = (v: number | null) => (v === null ? <span className="muted">—</span> : formatPoints(v));

const ALL: ChoosableColumn<AssessmentSummaryRow>[] = [
  { key: 'rank', title: '名次', dataIndex: 'rank', width: 64, align: 'center', fixed: 'left', render: (v: number | null) => (v === null ? <span className="muted">—</span> : <strong>{v}</strong>) },
  {
    key: 'memberName',
    title: '姓名',
    dataIndex: 'memberName',
    width: 100,
    fixed: 'left',
    // To the member's scores: the link also gives the scrolling table a place for the keyboard.
    render: (v: string, r) => (
      <a
        href={screenHref('targetAssessment', { letter: r.letterId })}
        onClick={(e) => {
          e.preventDefault();
          openScreen('targetAssessment', { letter: r.letterId });
        }}
        aria-label={`${v}的评分`}
      >
        {v}
      </a>
    ),
  },
  { key: 'post', title: '岗位', dataIndex: 'post', width: 100 },
  { key: 'partyGroupName', title: '党小组', dataIndex: 'partyGroupName', width: 130, ellipsis: true, render: (v: string | null) => v ?? <span className="muted">未分组</span> },
  {
    key: 'status',
    title: '考核情况',
    dataIndex: 'status',
    width: 96,
    render: (v: AssessmentSummaryRow['status']) => <StatusTag tone={STATUS_TONE[v]}>{v}</StatusTag>,
  },
  { key: 'selfTotal', title: '自评合计', dataIndex: 'selfTotal', width: 84, align: 'right', render: points },
  { key: 'groupTotal', title: '小组评合计', dataIndex: 'groupTotal', width: 96, align: 'right', render: points },
  { key: 'total', title: '总分', dataIndex: 'total', width: 80, align: 'right', render: (v: number | null) => (v === null ? <span className="muted">—</span> : <strong>{formatPoints(v)}</strong>) },
  { key: 'grade', title: '档次', dataIndex: 'grade', width: 80, render: (v: string | null) => v ?? <span className="muted">—</span> },
  { key: 'outcome', title: '奖惩', dataIndex: 'outcome', ellipsis: { showTitle: true } },
  { key: 'amount', title: '奖惩金额', dataIndex: 'amount', width: 110, render: (v: number | null) => (v ? `${v > 0 ? '+' : '−'}${Math.abs(v)} 元` : <span className="muted">—</span>) },
];

export function SummaryPage() {
  const year = useYearFromRoute();
  const period = useTargetPeriod((s) => s.period);
  const { summary, loading, error } = useSummaryStore();
  const { columns, chooser } = useColumnChoice('targetSummary', ALL, []);
  useEffect(() => void useSummaryStore.getState().load(year, period), [year, period]);
  const current = summary?.year === year && summary.period === period ? summary : null;
  const rows = current?.rows ?? [];

  return (
    <>
      <TargetsTitle
        title="考核汇总"
        error={error}
        extra={
          <>
            <PeriodSwitch />
            <DocumentButtons
              what={`${year} 年${PERIOD_LABELS[period]}汇总表`}
              disabled={rows.length === 0}
              preview={async () => (await api().call('assessments.previewSummary', { year, period })).document}
              exportWord={() => api().call('assessments.exportSummary', { year, period, format: 'docx' })}
              exportExcel={() => api().call('assessments.exportSummary', { year, period, format: 'xlsx' })}
            />
          </>
        }
      />
      <div className="targets-bar targets-stats" aria-label={`${year} 年${PERIOD_LABELS[period]}概况`} role="group">
        <Statistic title="责任书" value={current?.letters ?? 0} suffix="份" />
        <Statistic title="已完成考核" value={current?.completed ?? 0} suffix="人" />
        <Statistic title="平均分" value={current?.average !== null && current?.average !== undefined ? formatPoints(Math.round(current.average * 10) / 10) : '—'} />
        {(current?.byGrade ?? []).map((g) => (
          <Statistic key={g.grade} title={g.grade} value={g.count} suffix="人" />
        ))}
        <span className="spacer" />
        {chooser}
      </div>
      {rows.length === 0 && !loading ? (
        <div className="roster-empty">
          <p>
            {year} 年还没有责任书。
            <a
              href={screenHref('targetLetters')}
              onClick={(e) => {
                e.preventDefault();
                openScreen('targetLetters');
              }}
            >
              去生成责任书
            </a>
          </p>
        </div>
      ) : (
        <DataTable<AssessmentSummaryRow>
          aria-label={`${year} 年${PERIOD_LABELS[period]}汇总`}
          rowKey="letterId"
          fillHeight
          columns={columns}
          dataSource={rows}
          loading={loading && rows.length === 0}
          pagination={false}
        />
      )}
    </>
  );
}

export default SummaryPage;
