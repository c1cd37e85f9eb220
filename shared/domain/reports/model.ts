/**
 * The report model (工作报告): a title, the issuing branch and date (落款), the period it reports on, its kind, and a
 * body of blocks with stable ids. Heading numbers are never stored: numbering.ts computes them from the block order.
 * A figure, table or chart taken from a fact keeps the fact key, the period, the value and the fingerprint at
 * insertion, so the report can tell when it has gone stale (see docs/reports.md). Text the writer typed is kept as
 * typed; nothing here rewrites it.
 */
import { z } from 'zod';
import { isoDate } from '../fieldSchemas';
import type { FactPeriod } from '../facts';

export const REPORT_KINDS = ['annual', 'halfYear', 'secretaryReview', 'experience', 'topic'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  annual: '年度工作总结',
  halfYear: '半年工作总结',
  secretaryReview: '书记抓党建述职报告',
  experience: '经验交流材料',
  topic: '专题报告',
};

/** What a placeholder shows until the writer (or a fact) fills it; proofreading flags it before export. */
export const PLACEHOLDER_TEXT = '待补充';

export const MAX_BLOCKS = 2000;
export const MAX_TEXT = 20000;

const blockId = z.string().trim().min(1, { error: '块编号不能为空' }).max(64, { error: '块编号过长' });
const factKey = z.string().trim().regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, { error: '数据项编号无效' }).max(100);

export const factPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('at'), at: isoDate }),
  z
    .object({ kind: z.literal('range'), from: isoDate, to: isoDate })
    .refine((p) => p.from <= p.to, { error: '起始日期不能晚于截止日期', path: ['to'] }),
]) satisfies z.ZodType<FactPeriod>;

/** The link every fact-backed element keeps: which fact, for which period, and its fingerprint when inserted. */
export const factLinkSchema = z.object({
  factKey,
  period: factPeriodSchema,
  fingerprint: z.string().min(1).max(128),
  /** ISO timestamp of the insertion or the last refresh. */
  insertedAt: z.string().min(1).max(40),
});
export type FactLink = z.infer<typeof factLinkSchema>;

/** Text the writer typed. Never changed by a refresh. */
export const textRunSchema = z.object({ kind: z.literal('text'), text: z.string().max(MAX_TEXT, { error: `段落不能超过 ${MAX_TEXT} 个字` }) });

/**
 * A number taken from a fact, shown as its value and unit (12次). `pointKey` names the point of a series (a band, a
 * stage) or is null for a figure's value or a series' total.
 */
export const figureRunSchema = z.object({
  kind: z.literal('figure'),
  id: blockId,
  link: factLinkSchema,
  pointKey: z.string().max(100).nullable(),
  value: z.number().finite(),
  unit: z.string().max(10),
});

/** A gap in a sentence of a template (全年召开支部党员大会[待补充]次), filled by a fact or by typing. */
export const slotRunSchema = z.object({
  kind: z.literal('slot'),
  id: blockId,
  prompt: z.string().max(200),
  factKey: factKey.nullable(),
});

export const inlineRunSchema = z.discriminatedUnion('kind', [textRunSchema, figureRunSchema, slotRunSchema]);
export type TextRun = z.infer<typeof textRunSchema>;
export type FigureRun = z.infer<typeof figureRunSchema>;
export type SlotRun = z.infer<typeof slotRunSchema>;
export type InlineRun = z.infer<typeof inlineRunSchema>;

const runs = z.array(inlineRunSchema).max(500);

export const headingBlockSchema = z.object({
  id: blockId,
  kind: z.literal('heading'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '标题级别应为 1–4' }),
  /** The heading's words alone: 一、 （一） 1. （1） are computed (numbering.ts). */
  text: z.string().trim().max(200, { error: '标题不能超过 200 个字' }),
});

export const paragraphBlockSchema = z.object({ id: blockId, kind: z.literal('paragraph'), runs });

export const listItemSchema = z.object({ id: blockId, runs });
export const listBlockSchema = z.object({ id: blockId, kind: z.literal('list'), items: z.array(listItemSchema).min(1).max(200) });

export const tableColumnSchema = z.object({ key: z.string().max(60), label: z.string().max(60) });
/** A table: typed by the writer (link null) or a snapshot of a table fact (its rows as they were at insertion). */
export const tableBlockSchema = z.object({
  id: blockId,
  kind: z.literal('table'),
  caption: z.string().trim().max(200),
  link: factLinkSchema.nullable(),
  columns: z.array(tableColumnSchema).min(1).max(30),
  rows: z.array(z.array(z.string().max(2000))).max(1000),
});

export const CHART_TYPES = ['bar', 'pie', 'line'] as const;
export const chartPointSchema = z.object({ key: z.string().max(100), label: z.string().max(100), value: z.number().finite() });
/** A chart drawn from a series fact: the points as they were at insertion, rendered to an image on export. */
export const chartBlockSchema = z.object({
  id: blockId,
  kind: z.literal('chart'),
  caption: z.string().trim().max(200),
  chart: z.object({
    type: z.enum(CHART_TYPES, { error: '图表类型应为柱状图、饼图或折线图' }),
    link: factLinkSchema,
    unit: z.string().max(10),
    points: z.array(chartPointSchema).max(100),
  }),
});

/** A template's prompt for what belongs here (shown as 待补充 until replaced), with the facts that fit. */
export const placeholderBlockSchema = z.object({
  id: blockId,
  kind: z.literal('placeholder'),
  prompt: z.string().trim().max(500),
  factKeys: z.array(factKey).max(20),
});

export const reportBlockSchema = z.discriminatedUnion('kind', [
  headingBlockSchema,
  paragraphBlockSchema,
  listBlockSchema,
  tableBlockSchema,
  chartBlockSchema,
  placeholderBlockSchema,
]);
export type HeadingBlock = z.infer<typeof headingBlockSchema>;
export type ParagraphBlock = z.infer<typeof paragraphBlockSchema>;
export type ListItem = z.infer<typeof listItemSchema>;
export type ListBlock = z.infer<typeof listBlockSchema>;
export type TableBlock = z.infer<typeof tableBlockSchema>;
export type ChartBlock = z.infer<typeof chartBlockSchema>;
export type PlaceholderBlock = z.infer<typeof placeholderBlockSchema>;
export type ReportBlock = z.infer<typeof reportBlockSchema>;
export type HeadingLevel = HeadingBlock['level'];

export const reportPeriodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: '起始日期不能晚于截止日期', path: ['to'] });

/** The contents of a report (what the writer edits); the service adds its id and timestamps. */
export const reportContentSchema = z
  .object({
    title: z.string().trim().min(1, { error: '请填写标题' }).max(100, { error: '标题不能超过 100 个字' }),
    kind: z.enum(REPORT_KINDS, { error: '请选择报告类型' }),
    period: reportPeriodSchema,
    /** 落款: the issuing branch's name as printed, and the date under it. */
    issuer: z.string().trim().min(1, { error: '请填写落款单位' }).max(100, { error: '落款单位不能超过 100 个字' }),
    issueDate: isoDate,
    blocks: z.array(reportBlockSchema).max(MAX_BLOCKS, { error: `正文不能超过 ${MAX_BLOCKS} 段` }),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    for (const id of allIds(r.blocks)) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `块编号重复：${id}`, path: ['blocks'] });
      seen.add(id);
    }
  });
export type ReportContent = z.infer<typeof reportContentSchema>;
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** Every id of the body: blocks, list items, figures and slots (they share one space so a flag can name any). */
export function allIds(blocks: readonly ReportBlock[]): string[] {
  const ids: string[] = [];
  const ofRuns = (rs: readonly InlineRun[]) => rs.forEach((r) => r.kind !== 'text' && ids.push(r.id));
  for (const b of blocks) {
    ids.push(b.id);
    if (b.kind === 'paragraph') ofRuns(b.runs);
    if (b.kind === 'list') b.items.forEach((item) => (ids.push(item.id), ofRuns(item.runs)));
  }
  return ids;
}

/** The number a figure shows: whole numbers as they are, others with at most two decimals. */
export function formatFigureValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** What an inline run shows in the text: typed text, a figure with its unit, or 待补充 for an open slot. */
export function runText(run: InlineRun): string {
  switch (run.kind) {
    case 'text':
      return run.text;
    case 'figure':
      return formatFigureValue(run.value) + run.unit;
    case 'slot':
      return PLACEHOLDER_TEXT;
  }
}

export function runsText(rs: readonly InlineRun[]): string {
  return rs.map(runText).join('');
}

/**
 * The plain text of a block as shown (without its heading number): the text proofreading offsets point into.
 * List items are joined by line breaks; a table or chart is its caption; a placeholder shows 待补充.
 */
export function blockText(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return block.text;
    case 'paragraph':
      return runsText(block.runs);
    case 'list':
      return block.items.map((item) => runsText(item.runs)).join('\n');
    case 'table':
    case 'chart':
      return block.caption;
    case 'placeholder':
      return PLACEHOLDER_TEXT;
  }
}

/** Where each run of a list of runs starts in their text, with the run. */
export function runOffsets(rs: readonly InlineRun[], start = 0): { run: InlineRun; offset: number }[] {
  let offset = start;
  return rs.map((run) => {
    const at = { run, offset };
    offset += runText(run).length;
    return at;
  });
}

/** The runs of a paragraph or list block with their offsets in blockText (list items after their line breaks). */
export function blockRuns(block: ReportBlock): { run: InlineRun; offset: number }[] {
  if (block.kind === 'paragraph') return runOffsets(block.runs);
  if (block.kind !== 'list') return [];
  const out: { run: InlineRun; offset: number }[] = [];
  let start = 0;
  for (const item of block.items) {
    out.push(...runOffsets(item.runs, start));
    start += runsText(item.runs).length + 1;
  }
  return out;
}

/** The key a fact value is looked up by: the same fact over another period is another figure. */
export function factRefKey(factKey: string, period: FactPeriod): string {
  return period.kind === 'at' ? `${factKey}@${period.at}` : `${factKey}@${period.from}..${period.to}`;
}
