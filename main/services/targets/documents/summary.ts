/**
 * 考核汇总表: every letter of the year with its assessment for the period, by rank, as a PrintDocument (表册, A4
 * landscape, the header repeated on every page) and as rows for the .xlsx. The same rows feed both.
 */
import type { AssessmentSummary } from '../../../../shared/contract/targets';
import type { PrintDocument, TableColumn } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { CELL_PADDING } from '../../../../shared/documents/fit';
import { formatAmount, formatPoints, PERIOD_LABELS, shortBranchName } from '../../../../shared/domain/targets';

export const SUMMARY_HEADER = ['序号', '姓名', '岗位', '党小组', '自评分', '小组评分', '支部评定', '名次', '档次', '奖惩'] as const;
/** Relative widths in characters of 五号 text; 党小组 and 奖惩 take what is left. */
const FIXED_CHARS = [2.5, 4.5, 5, 0, 3.5, 4.5, 4.5, 2.5, 4.5, 0];
const TABLE_SIZE = 10.5;

const points = (n: number | null) => (n === null ? '' : formatPoints(n));

export function summaryTitle(branchName: string, s: Pick<AssessmentSummary, 'year' | 'period'>): string {
  return `${shortBranchName(branchName)}${s.year}年度党员目标考核汇总表（${PERIOD_LABELS[s.period]}）`;
}

/** One row per letter, as both files print it. */
export function summaryRows(s: AssessmentSummary): string[][] {
  return s.rows.map((r, i) => [
    String(i + 1),
    r.memberName,
    r.post,
    r.partyGroupName ?? '',
    points(r.selfTotal),
    points(r.groupTotal),
    r.status === '已完成' ? points(r.total) : r.status,
    r.rank === null ? '' : String(r.rank),
    r.grade ?? '',
    [r.outcome, formatAmount(r.amount)].filter((t, k) => t && !(k === 1 && r.outcome.includes(t))).join('，'),
  ]);
}

export function summaryLine(s: AssessmentSummary): string {
  const grades = s.byGrade.map((g) => `${g.grade} ${g.count} 人`).join('，');
  const average = s.average === null ? '' : `，平均 ${formatPoints(s.average)} 分`;
  return `责任书 ${s.letters} 份，完成考核 ${s.completed} 人${average}${grades ? `；${grades}` : ''}`;
}

function columns(): TableColumn[] {
  const width = textWidth(RECORD, 'landscape');
  const charWidth = (chars: number) => Math.ceil(chars * TABLE_SIZE * 20 + 2 * CELL_PADDING);
  const fixed = FIXED_CHARS.map((c) => (c ? charWidth(c) : 0));
  const rest = width - fixed.reduce((a, b) => a + b, 0);
  const group = Math.round(rest * 0.4);
  return fixed.map((w, i) => ({
    width: i === 3 ? group : i === 9 ? rest - group : w,
    align: i === 1 || i === 3 || i === 9 || i === 2 ? 'left' : 'center',
    nowrap: i === 0 || (i >= 4 && i <= 7),
  }));
}

export function buildSummaryDocument(s: AssessmentSummary, branchName: string): PrintDocument {
  const title = summaryTitle(branchName, s);
  return {
    preset: 'record',
    orientation: 'landscape',
    title,
    fileStem: title,
    blocks: [
      { kind: 'title', lines: [`${shortBranchName(branchName)}${s.year}年度`, `党员目标考核汇总表（${PERIOD_LABELS[s.period]}）`] },
      { kind: 'subtitle', text: summaryLine(s) },
      { kind: 'table', columns: columns(), header: [[...SUMMARY_HEADER]], rows: summaryRows(s), fontSize: TABLE_SIZE },
      { kind: 'note', text: '注：总分为支部评定分（各项支部评分之和）；名次按总分排列，同分并列；档次和奖惩按各人责任书的奖惩规则确定。', style: { size: TABLE_SIZE } },
      { kind: 'fillLine', labels: ['填表人：', '审核人（书记）：', '日期：'], style: { size: 12 } },
    ],
  };
}
