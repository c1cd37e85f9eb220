/**
 * 党员目标管理责任书 as a PrintDocument (domain.md 4.2 and 6.3), in the 表册 preset: the title; the parties (甲方: the
 * branch and its secretary, 乙方: the member and post) and the period; 一、目标任务 with the scoring table
 * (类别 | 目标内容 | 分值 | 考核标准/扣分办法); 二、考核办法; 三、奖惩 with the thresholds; 四、其他; the signatures in two
 * columns with their date lines. Several letters make one document, each after a page break; the compact sizes
 * (text 小四, tables 五号) keep a usual letter of six to eight items on one page.
 */
import type { Block, PrintDocument, TableColumn, TableRowData } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { measureTextSafe } from '../../../../shared/documents/metrics';
import { CELL_PADDING } from '../../../../shared/documents/fit';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { formatAmount, formatPoints, shortBranchName, sortRewardRules, sumPoints, type LetterItem, type RewardRule } from '../../../../shared/domain/targets';
import { titleLines } from '../../../documents/titleLines';

/** What one letter prints: the stored letter as the contract gives it (Letter), or the same fields. */
export interface LetterData {
  year: number;
  branchName: string;
  secretary: string;
  memberName: string;
  post: string;
  periodStart: string;
  periodEnd: string;
  items: readonly LetterItem[];
  assessmentMethod: string;
  rewardRules: readonly RewardRule[];
  otherTerms: string;
  signedDate: string | null;
}

/** 小四 for the text, 五号 (the smallest a 表册 table takes unasked) for the tables. */
export const LETTER_TEXT_SIZE = 12;
export const LETTER_TABLE_SIZE = 10.5;

const TEXT = { size: LETTER_TEXT_SIZE } as const;
const WIDTH = textWidth(RECORD);

/** Width of a column holding `chars` characters of table text, with the cell's padding. */
function columnFor(chars: number): number {
  return Math.ceil(chars * LETTER_TABLE_SIZE * 20 + 2 * CELL_PADDING + 40);
}

/** 类别 (its longest value, 4–6 characters a line), 分值 (3), and the rest shared 11 : 9 by 目标内容 and 考核标准. */
function itemColumns(items: readonly LetterItem[]): TableColumn[] {
  const longest = Math.max(...items.map((i) => measureTextSafe(i.category, 'fangsong', 1) / 20), 4);
  const category = columnFor(Math.min(6, Math.ceil(longest)));
  const points = columnFor(3);
  const rest = WIDTH - category - points;
  const content = Math.round((rest * 11) / 20);
  return [
    { width: category, align: 'center' },
    { width: content, align: 'left' },
    { width: points, align: 'center', nowrap: true },
    { width: rest - content, align: 'left' },
  ];
}

function itemsTable(items: readonly LetterItem[]): Block {
  const rows: TableRowData[] = items.map((i) => [i.category, i.content, formatPoints(i.points), i.rule]);
  rows.push([{ text: '合计', align: 'center' }, '', formatPoints(sumPoints(items.map((i) => i.points))), '']);
  return { kind: 'table', columns: itemColumns(items), header: [['类别', '目标内容', '分值', '考核标准/扣分办法']], rows, fontSize: LETTER_TABLE_SIZE };
}

/** 90 分及以上 / 70—89.5 分 / 低于 51 分: the range of each threshold up to the next one above it. */
function rangeText(rules: readonly RewardRule[], i: number): string {
  const above = rules[i - 1];
  const min = rules[i]!.minScore;
  if (!above) return `${formatPoints(min)} 分及以上`;
  const top = above.minScore - 0.5;
  return min === 0 ? `${formatPoints(top)} 分及以下` : `${formatPoints(min)}—${formatPoints(top)} 分`;
}

/** The outcome, with the amount unless the outcome already says it. */
function rewardText(r: RewardRule): string {
  const amount = formatAmount(r.amount);
  const parts = [r.outcome, amount && !r.outcome.includes(amount) ? amount : ''].filter(Boolean);
  return parts.join('，') || '—';
}

function rewardsTable(rules: readonly RewardRule[]): Block {
  const sorted = sortRewardRules(rules);
  const rows: TableRowData[] = sorted.map((r, i) => [r.grade, rangeText(sorted, i), rewardText(r)]);
  const grade = columnFor(5);
  const range = columnFor(9);
  return {
    kind: 'table',
    columns: [
      { width: grade, align: 'center' },
      { width: range, align: 'center', nowrap: true },
      { width: WIDTH - grade - range, align: 'left' },
    ],
    header: [['档次', '考核得分', '奖惩']],
    rows,
    fontSize: LETTER_TABLE_SIZE,
  };
}

function dateLine(date: string | null): string {
  return date ? formatChineseDate(date) : '　　　　年　　月　　日';
}

/** The blocks of one letter (no page break). */
export function letterBlocks(l: LetterData): Block[] {
  const branch = shortBranchName(l.branchName);
  const total = formatPoints(sumPoints(l.items.map((i) => i.points)));
  const blocks: Block[] = [
    { kind: 'title', lines: titleLines(branch, `${l.year}年度党员目标管理责任书`, RECORD.title.size, WIDTH) },
    { kind: 'paragraph', text: `甲方：${branch}${l.secretary ? `（书记：${l.secretary}）` : ''}`, indent: false, style: TEXT },
    { kind: 'paragraph', text: `乙方：${l.memberName}${l.post ? `（岗位：${l.post}）` : ''}`, indent: false, style: TEXT },
    { kind: 'paragraph', text: `责任期限：${formatChineseDate(l.periodStart)}至${formatChineseDate(l.periodEnd)}`, indent: false, style: TEXT },
    { kind: 'heading', level: 1, text: `目标任务（共 ${total} 分）` },
    itemsTable(l.items),
    { kind: 'heading', level: 1, text: '考核办法' },
    { kind: 'paragraph', text: l.assessmentMethod || '由党支部按本责任书逐项考核评分。', style: TEXT },
    { kind: 'heading', level: 1, text: '奖惩' },
  ];
  blocks.push(l.rewardRules.length ? rewardsTable(l.rewardRules) : { kind: 'paragraph', text: '按支部有关规定执行。', style: TEXT });
  blocks.push({ kind: 'heading', level: 1, text: '其他' }, { kind: 'paragraph', text: l.otherTerms || '本责任书一式两份，甲乙双方各执一份。', style: TEXT });
  blocks.push(
    { kind: 'fillLine', labels: ['甲方：党支部（盖章）　书记签字：', '乙方：党员签字：'], style: TEXT },
    { kind: 'fillLine', labels: [dateLine(l.signedDate), dateLine(l.signedDate)], style: TEXT },
  );
  return blocks;
}

/** Several letters as one document: one letter per page (a page break between letters). */
export function buildLettersDocument(letters: readonly LetterData[], options: { year: number; branchName: string }): PrintDocument {
  const blocks: Block[] = [];
  letters.forEach((l, i) => {
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(...letterBlocks(l));
  });
  const branch = shortBranchName(options.branchName);
  const one = letters.length === 1 ? letters[0]! : null;
  return {
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: false,
    title: `${branch}${options.year}年度党员目标管理责任书`,
    fileStem: one ? `${options.year}年度党员目标管理责任书-${one.memberName}` : `${branch}${options.year}年度党员目标管理责任书（${letters.length}份）`,
    blocks,
  };
}
