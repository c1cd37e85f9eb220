/**
 * 评议结果汇总表 (results): per graded member the votes, the share of favourable votes, the grade the rules proposed,
 * the grade the branch decided and, where they differ, the reason; then the members taking part without a grade
 * (预备党员) and those not appraised, with why; the counts of each grade against the 优秀 limit; signatures. 表册 portrait.
 */
import type { Results } from '../../../../shared/contract/appraisal';
import type { Block, PrintDocument, TableCell, TableRowData } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { GRADES } from '../../../../shared/domain/appraisal';
import { ballotsLine } from './tally';
import { documentStem, formTitleLines, percent, spreadColumns } from './common';

export interface ResultsInput {
  branchName: string;
  results: Results;
  date: string;
}

export const RESULTS_SIZE = 10.5;
/** Two header rows: the votes under 得票数, one column per grade. */
export const RESULTS_HEADER: TableRowData[] = [
  [...['序号', '姓名'].map((text): TableCell => ({ text, rowSpan: 2 })), { text: '得票数', colSpan: 4 }, ...['好评率', '提议等次', '评定等次', '备注'].map((text): TableCell => ({ text, rowSpan: 2 }))],
  [...GRADES],
];

export function resultsHeading(year: number): string {
  return `${year}年度民主评议党员结果汇总表`;
}

export function resultsRows(r: Results): string[][] {
  return r.members.map((m, i) => [
    String(i + 1),
    m.name,
    ...GRADES.map((g) => String(m.counts[g])),
    percent(m.favourableShare),
    m.proposed ?? '—',
    m.final ?? '未评定',
    [m.reason && `理由：${m.reason}`, m.note].filter(Boolean).join('；'),
  ]);
}

/** 评定优秀 3 人（上限 10 人），合格 25 人，基本合格 1 人，不合格 0 人，未评定 1 人. */
export function gradesLine(r: Results): string {
  const count = (g: string | null) => r.members.filter((m) => m.final === g).length;
  const undecided = count(null);
  const parts = GRADES.map((g) => `${g} ${count(g)} 人${g === '优秀' ? `（上限 ${r.excellentCap} 人）` : ''}`);
  return `参加评定 ${r.members.length} 人：${parts.join('，')}${undecided ? `，未评定 ${undecided} 人` : ''}`;
}

function notGradedLines(r: Results): Block[] {
  const probationary = r.notGraded.filter((m) => !m.excluded);
  const excluded = r.notGraded.filter((m) => m.excluded);
  const style = { size: 12 };
  return [
    ...(probationary.length ? [{ kind: 'note', text: `预备党员参加评议、不评定等次（${probationary.length} 人）：${probationary.map((m) => m.name).join('、')}`, style } as Block] : []),
    ...(excluded.length ? [{ kind: 'note', text: `不参加评议（${excluded.length} 人）：${excluded.map((m) => `${m.name}（${m.exclusionReason}）`).join('、')}`, style } as Block] : []),
  ];
}

export function buildResultsDocument(input: ResultsInput): PrintDocument {
  const r = input.results;
  const heading = resultsHeading(r.year);
  return {
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: 'ofTotal',
    title: `${input.branchName}${heading}`,
    fileStem: documentStem(`${input.branchName}${heading}`, input.date),
    blocks: [
      { kind: 'title', lines: formTitleLines(input.branchName, heading) },
      { kind: 'subtitle', text: ballotsLine(r) },
      {
        kind: 'table',
        columns: spreadColumns(textWidth(RECORD), RESULTS_SIZE, [2, 4, 2.5, 2.5, 4, 3, 3.5, 4, 4, 0], ['center', 'center', 'center', 'center', 'center', 'center', 'center', 'center', 'center', 'left']),
        header: RESULTS_HEADER,
        rows: resultsRows(r),
        fontSize: RESULTS_SIZE,
      },
      { kind: 'note', text: gradesLine(r), style: { size: 12 } },
      ...notGradedLines(r),
      { kind: 'fillLine', labels: ['支部书记（签字）：', '日期：　　年　　月　　日'], style: { size: 12 } },
    ],
  };
}
