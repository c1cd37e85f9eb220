/**
 * Proofreading flags (校对): what a rule reports, where (a block id and an offset in its text, see model.ts blockText),
 * and a key that stays the same while the flagged text and its surroundings are unchanged, so a dismissed flag stays
 * dismissed until the writer edits that spot.
 */
import { blockText, type ReportContent } from './model';

export const PROOF_RULES = [
  'halfWidthPunctuation',
  'unbalancedPairs',
  'mixedDateForms',
  'headingLevelSkipped',
  'typedHeadingNumber',
  'mixedHeadingNumerals',
  'repeatedCharacters',
  'placeholderLeft',
  'staleFigure',
] as const;
export type ProofRule = (typeof PROOF_RULES)[number];

export const PROOF_RULE_LABELS: Record<ProofRule, string> = {
  halfWidthPunctuation: '中文中的半角标点',
  unbalancedPairs: '引号、括号不成对',
  mixedDateForms: '日期写法不统一',
  headingLevelSkipped: '标题跳级',
  typedHeadingNumber: '标题中手打的序号',
  mixedHeadingNumerals: '标题中数字写法不统一',
  repeatedCharacters: '重复的字',
  placeholderLeft: '待补充的内容',
  staleFigure: '数据已变化',
};

/** The pseudo block id of the report's title (its flags point there). */
export const TITLE_BLOCK_ID = 'title';

export interface ProofFlag {
  rule: ProofRule;
  blockId: string;
  /** UTF-16 offset and length in the block's text (blockText). */
  offset: number;
  length: number;
  /** Chinese, naming what is wrong. */
  message: string;
  /** The replacement text, when there is one. */
  suggestion?: string;
  /** Stable while the flagged text and its surroundings are unchanged: what a dismissal keeps. */
  key: string;
}

export type UnkeyedFlag = Omit<ProofFlag, 'key'>;

/** A piece of text proofread on its own: the title, or the text of one block. */
export interface Segment {
  blockId: string;
  text: string;
}

/** The title and every block's text, in document order; placeholders show only 待补充 and are left to their rule. */
export function segments(report: ReportContent): Segment[] {
  const out: Segment[] = [{ blockId: TITLE_BLOCK_ID, text: report.title }];
  for (const b of report.blocks) if (b.kind !== 'placeholder') out.push({ blockId: b.id, text: blockText(b) });
  return out;
}

/** FNV-1a, 32 bits, as 8 hex digits: short keys, the same in main and renderer. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const CONTEXT = 6;

/**
 * Gives each flag its key: the rule, the block, the flagged text with up to six characters either side, and which
 * occurrence of that same context in the block it is. `anchor` overrides the context (a stale figure is keyed by the
 * figure and the fingerprint that made it stale).
 */
export function keyFlags(flags: readonly (UnkeyedFlag & { anchor?: string })[], textOf: (blockId: string) => string): ProofFlag[] {
  const seen = new Map<string, number>();
  return flags.map(({ anchor, ...flag }) => {
    const text = textOf(flag.blockId);
    const context = anchor ?? text.slice(Math.max(0, flag.offset - CONTEXT), flag.offset + flag.length + CONTEXT);
    const base = `${flag.rule}|${flag.blockId}|${context}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...flag, key: `${flag.rule}:${flag.blockId}:${hash(`${base}|${n}`)}` };
  });
}

/** The flags not dismissed. Keys of flags that no longer occur can be dropped from the dismissed set (pruneDismissed). */
export function withoutDismissed(flags: readonly ProofFlag[], dismissed: ReadonlySet<string>): ProofFlag[] {
  return flags.filter((f) => !dismissed.has(f.key));
}

/** The dismissed keys still matching a flag: what is worth keeping with the report. */
export function pruneDismissed(flags: readonly ProofFlag[], dismissed: ReadonlySet<string>): string[] {
  return flags.filter((f) => dismissed.has(f.key)).map((f) => f.key);
}
