/** Proofreading rules that read the whole report: date forms, the heading outline, placeholders, stale figures. */
import type { FactData, FactValue } from '../facts';
import { blockRuns, factRefKey, formatFigureValue, PLACEHOLDER_TEXT, runText, type FactLink, type ReportContent } from './model';
import type { Segment, UnkeyedFlag } from './proofFlags';

type DateForm = 'chinese' | 'dash' | 'dot' | 'slash';

const DATE_FORMS: { form: DateForm; re: RegExp; sample: string }[] = [
  { form: 'chinese', re: /(\d{4})年(\d{1,2})月(\d{1,2})日/g, sample: '2026年3月12日' },
  { form: 'dash', re: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g, sample: '2026-03-12' },
  { form: 'dot', re: /(?<![\d.])(\d{4})\.(\d{1,2})\.(\d{1,2})(?![\d.])/g, sample: '2026.3.12' },
  { form: 'slash', re: /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g, sample: '2026/3/12' },
];

function writeDate(form: DateForm, y: string, m: string, d: string): string {
  const pad = (s: string) => s.padStart(2, '0');
  switch (form) {
    case 'chinese':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'dash':
      return `${y}-${pad(m)}-${pad(d)}`;
    case 'dot':
      return `${y}.${Number(m)}.${Number(d)}`;
    case 'slash':
      return `${y}/${Number(m)}/${Number(d)}`;
  }
}

/**
 * Dates written in more than one form (2026年3月12日, 2026-03-12, 2026.3.12, 2026/3/12). The form used most wins
 * (on a tie 年月日, the official form); every date in another form is flagged with its rewriting. The 落款 date is
 * printed as 年月日 and counts as one such date.
 */
export function mixedDateForms(segs: readonly Segment[]): UnkeyedFlag[] {
  const found: { seg: Segment; form: DateForm; at: number; text: string; parts: [string, string, string] }[] = [];
  for (const seg of segs)
    for (const { form, re } of DATE_FORMS)
      for (const m of seg.text.matchAll(re)) found.push({ seg, form, at: m.index, text: m[0], parts: [m[1]!, m[2]!, m[3]!] });
  const counts = new Map<DateForm, number>([['chinese', 1]]);
  for (const f of found) counts.set(f.form, (counts.get(f.form) ?? 0) + 1);
  if (counts.size < 2) return [];
  const max = Math.max(...counts.values());
  const main = counts.get('chinese') === max ? 'chinese' : [...counts].find(([, n]) => n === max)![0];
  const sample = DATE_FORMS.find((d) => d.form === main)!.sample;
  return found
    .filter((f) => f.form !== main)
    .map((f) => ({
      rule: 'mixedDateForms' as const,
      blockId: f.seg.blockId,
      offset: f.at,
      length: f.text.length,
      message: `日期写法不统一：全文多用“${sample}”的写法，此处为“${f.text}”`,
      suggestion: writeDate(main, ...f.parts),
    }));
}

/** A heading more than one level below the heading before it (一、 then 1.), or a first heading below level 1. */
export function headingLevelSkipped(report: ReportContent): UnkeyedFlag[] {
  const flags: UnkeyedFlag[] = [];
  let previous = 0;
  for (const b of report.blocks) {
    if (b.kind !== 'heading') continue;
    if (b.level > previous + 1)
      flags.push({
        rule: 'headingLevelSkipped',
        blockId: b.id,
        offset: 0,
        length: b.text.length,
        message: previous === 0 ? `第一个标题应为一级标题，此处为${b.level}级标题` : `标题跳级：上一个标题为${previous}级，此处为${b.level}级，应为${previous + 1}级`,
      });
    previous = b.level;
  }
  return flags;
}

const TYPED_NUMBER = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．](?!\d)|[（(]\d+[）)])\s*/;

/** A heading that starts with a number typed by hand: the numbers are applied automatically, so it would print twice. */
export function typedHeadingNumber(report: ReportContent): UnkeyedFlag[] {
  return report.blocks.flatMap((b) => {
    const m = b.kind === 'heading' ? TYPED_NUMBER.exec(b.text) : null;
    if (!m || b.kind !== 'heading') return [];
    const typed = m[0].trim();
    return [{ rule: 'typedHeadingNumber' as const, blockId: b.id, offset: 0, length: m[0].length, message: `标题序号自动编排，请删去手打的“${typed}”`, suggestion: '' }];
  });
}

/** Fixed expressions written in Chinese numerals whatever the style (never counted as a numeral style). */
export const NUMERAL_IDIOMS = ['三会一课', '两学一做', '一岗双责', '四个意识', '四个自信', '两个维护', '两个确立', '第一书记', '第一议题', '一把手', '进一步', '二十大', '十九大'];

const MEASURE = '(?:个|次|项|条|名|人|场|期|批|篇|件|家|所|类|种|位|户|天|轮|届|年|方面|季度)';
const CHINESE_COUNT = new RegExp(`第[一二三四五六七八九十百千两]+|[一二三四五六七八九十百千两]+${MEASURE}`, 'g');
const ARABIC_COUNT = new RegExp(`第\\d+|(?<![\\d.])\\d+${MEASURE}`, 'g');

/**
 * Counts and ordinals written in Arabic numerals in some headings and in Chinese numerals in others (三项措施 and
 * 3次活动). The style used less is flagged (on a tie, the one that appeared second). Years (2026年) and fixed
 * expressions (三会一课, 两个维护 …) are neither.
 */
export function mixedHeadingNumerals(report: ReportContent): UnkeyedFlag[] {
  const found: { blockId: string; at: number; text: string; chinese: boolean }[] = [];
  for (const b of report.blocks) {
    if (b.kind !== 'heading') continue;
    let text = b.text;
    for (const idiom of NUMERAL_IDIOMS) text = text.replaceAll(idiom, '□'.repeat(idiom.length));
    const inHeading: typeof found = [];
    for (const m of text.matchAll(CHINESE_COUNT)) inHeading.push({ blockId: b.id, at: m.index, text: m[0], chinese: true });
    for (const m of text.matchAll(ARABIC_COUNT)) if (!/^\d{4}年$/.test(m[0])) inHeading.push({ blockId: b.id, at: m.index, text: m[0], chinese: false });
    found.push(...inHeading.sort((x, y) => x.at - y.at));
  }
  const chinese = found.filter((f) => f.chinese).length;
  const arabic = found.length - chinese;
  if (!chinese || !arabic) return [];
  const flagChinese = chinese < arabic || (chinese === arabic && !found[0]!.chinese);
  return found
    .filter((f) => f.chinese === flagChinese)
    .map((f) => ({
      rule: 'mixedHeadingNumerals' as const,
      blockId: f.blockId,
      offset: f.at,
      length: f.text.length,
      message: `标题中的数字写法不统一：多数标题用${flagChinese ? '阿拉伯数字' : '汉字数字'}，此处为“${f.text}”`,
    }));
}

/** 待补充 left in: placeholder blocks, open slots in sentences, and the words typed as a reminder. */
export function placeholderLeft(report: ReportContent, segs: readonly Segment[]): UnkeyedFlag[] {
  const flags: UnkeyedFlag[] = [];
  const push = (blockId: string, offset: number, message: string) => flags.push({ rule: 'placeholderLeft', blockId, offset, length: PLACEHOLDER_TEXT.length, message });
  for (const b of report.blocks) {
    if (b.kind === 'placeholder') push(b.id, 0, `此处待补充：${b.prompt}`);
    for (const { run, offset } of blockRuns(b)) {
      if (run.kind === 'slot') push(b.id, offset, `句中待补充：${run.prompt}`);
      if (run.kind !== 'text') continue;
      for (const m of run.text.matchAll(new RegExp(PLACEHOLDER_TEXT, 'g'))) push(b.id, offset + m.index, '正文中写有“待补充”');
    }
  }
  for (const seg of segs) {
    const block = report.blocks.find((b) => b.id === seg.blockId);
    if (block && (block.kind === 'paragraph' || block.kind === 'list')) continue;
    for (const m of seg.text.matchAll(new RegExp(PLACEHOLDER_TEXT, 'g'))) push(seg.blockId, m.index, '文中写有“待补充”');
  }
  return flags.sort((a, b) => a.offset - b.offset);
}

/** What the proofreader needs of a fact as it is now. */
export type CurrentFact = Pick<FactValue, 'fingerprint' | 'title' | 'unit' | 'data'>;

/** The number a figure shows from a fact's data: a figure's value, a series' total, or one point (null if gone). */
export function figureValue(data: FactData, pointKey: string | null): number | null {
  if (data.kind === 'figure') return pointKey === null ? data.value : null;
  if (data.kind === 'series') return pointKey === null ? data.total : (data.points.find((p) => p.key === pointKey)?.value ?? null);
  return pointKey === null ? data.rows.length : null;
}

/**
 * Figures, tables and charts whose fact has changed since insertion: the current fingerprint (by factRefKey) differs.
 * A fact not in `current` (not computed) is not flagged. Keyed by the element and the new fingerprint, so a dismissal
 * holds until the fact changes again.
 */
export function staleFigures(report: ReportContent, current: ReadonlyMap<string, CurrentFact>): (UnkeyedFlag & { anchor: string })[] {
  const flags: (UnkeyedFlag & { anchor: string })[] = [];
  const changed = (link: FactLink) => {
    const now = current.get(factRefKey(link.factKey, link.period));
    return now && now.fingerprint !== link.fingerprint ? now : null;
  };
  for (const b of report.blocks) {
    for (const { run, offset } of blockRuns(b)) {
      if (run.kind !== 'figure') continue;
      const now = changed(run.link);
      if (!now) continue;
      const value = figureValue(now.data, run.pointKey);
      const shown = runText(run);
      flags.push({
        rule: 'staleFigure',
        blockId: b.id,
        offset,
        length: shown.length,
        message: value === null ? `“${now.title}”已没有这一项，请核对“${shown}”` : `“${now.title}”的数据已变化：插入时为${shown}，现为${formatFigureValue(value)}${run.unit}`,
        ...(value === null ? {} : { suggestion: formatFigureValue(value) + run.unit }),
        anchor: `${run.id}|${now.fingerprint}`,
      });
    }
    const link = b.kind === 'table' ? b.link : b.kind === 'chart' ? b.chart.link : null;
    const now = link && changed(link);
    if (now)
      flags.push({
        rule: 'staleFigure',
        blockId: b.id,
        offset: 0,
        length: b.kind === 'table' || b.kind === 'chart' ? b.caption.length : 0,
        message: `${b.kind === 'table' ? '表格' : '图表'}“${now.title}”的数据已变化，可刷新`,
        anchor: `${b.id}|${now.fingerprint}`,
      });
  }
  return flags;
}
