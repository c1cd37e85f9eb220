/**
 * Report templates: the usual structure of each kind of report, with a prompt in each section saying what belongs
 * there and which facts fit (shown as 待补充 until written). A user can make a template of their own report.
 */
import { z } from 'zod';
import { allIds, REPORT_KINDS, reportBlockSchema, type InlineRun, type ReportBlock, type ReportContent, type ReportKind, type ReportPeriod } from './model';

export const reportTemplateSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, { error: '请填写模板名称' }).max(60, { error: '模板名称不能超过 60 个字' }),
  kind: z.enum(REPORT_KINDS, { error: '请选择报告类型' }),
  /** The title of a report made from it; {year} is the year of the report's period. */
  title: z.string().trim().min(1).max(100),
  builtIn: z.boolean(),
  blocks: z.array(reportBlockSchema).max(2000),
});
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

/** A section of a built-in template: a heading, its prompt and fitting facts, and its sub-sections. */
interface Outline {
  heading?: string;
  prompt?: string;
  facts?: string[];
  children?: Outline[];
}

const ROSTER = ['roster.members.total', 'roster.members.byCategory', 'roster.members.byGroup', 'roster.members.byGender', 'roster.members.byAge', 'roster.members.byEducation', 'roster.members.byStanding'];
const CHANGES = ['roster.members.admitted', 'roster.members.turnedFull', 'roster.members.leftByKind'];
const PIPELINE = ['pipeline.applicants.byStage', 'pipeline.applications.received', 'pipeline.activists.determined', 'pipeline.targets.determined', 'roster.members.admitted'];
const MEETINGS = ['meetings.calendar.heldVsRequired'];
const TALKS = ['meetings.talks.coverage'];
const TARGETS = ['targets.assessments.byGrade', 'targets.assessments.topScorers', 'targets.zones.records'];
const PROJECTS = ['targets.projects.finished', 'targets.projects.yuanSaved', 'targets.projects.daysWon'];
const GAPS = ['meetings.calendar.missing', 'pipeline.probation.overdue'];

const OUTLINES: Record<ReportKind, { name: string; title: string; outline: Outline[] }> = {
  annual: {
    name: '年度工作总结',
    title: '{year}年度党支部工作总结',
    outline: [
      { prompt: '开头一段：概述本年度支部工作的总体情况和主要成绩，末句写“现将有关情况总结如下”。' },
      { heading: '基本情况', prompt: '支部概况：党员人数及构成、党小组设置，本年度发展党员、转正、转出等增减变化。', facts: [...ROSTER, ...CHANGES] },
      {
        heading: '主要做法和成效',
        children: [
          { heading: '加强思想政治建设', prompt: '三会一课、主题党日和专题学习的开展情况，写清已开与应开的次数。', facts: MEETINGS },
          { heading: '加强党员队伍建设', prompt: '发展党员各阶段的人数、党员教育管理、谈心谈话的覆盖情况。', facts: [...PIPELINE, ...TALKS] },
          { heading: '推动党建与生产经营深度融合', prompt: '党员目标管理考核结果、示范责任区履责情况、立项攻关项目及其节约的费用和时间。', facts: [...TARGETS, ...PROJECTS] },
        ],
      },
      { heading: '存在的问题', prompt: '对照年初目标，实事求是写出差距和不足，一般写二至三条，如缺开的组织生活、逾期未转正的预备党员。', facts: GAPS },
      { heading: '下一步打算', prompt: '针对存在的问题，写明明年的工作思路和具体措施，与上文问题一一对应。' },
    ],
  },
  halfYear: {
    name: '半年工作总结',
    title: '{year}年上半年党支部工作总结',
    outline: [
      { prompt: '开头一段：上半年支部工作的总体情况，末句写“现将有关情况总结如下”。' },
      {
        heading: '上半年工作开展情况',
        children: [
          { heading: '组织生活', prompt: '上半年三会一课、主题党日的召开情况，已开与应开的次数。', facts: [...MEETINGS, ...TALKS] },
          { heading: '队伍建设', prompt: '党员人数变化、发展党员各阶段进展。', facts: [...CHANGES, ...PIPELINE.slice(0, 4)] },
          { heading: '中心工作', prompt: '党员目标管理、示范责任区和立项攻关的进展及效益。', facts: [...TARGETS, ...PROJECTS] },
        ],
      },
      { heading: '存在的问题', prompt: '上半年工作的差距和不足。', facts: GAPS },
      { heading: '下半年工作打算', prompt: '下半年的重点工作和措施，写明完成时间。' },
    ],
  },
  secretaryReview: {
    name: '书记抓党建述职报告',
    title: '{year}年度党支部书记抓基层党建工作述职报告',
    outline: [
      { prompt: '开头一段：按照上级党委的要求，以第一人称概述本人履行党建第一责任人职责的总体情况，末句写“现将有关情况报告如下”。' },
      {
        heading: '履行抓党建工作责任情况',
        children: [
          { heading: '抓思想政治建设', prompt: '本人带头学习、讲党课，组织三会一课和主题党日的情况，写清次数。', facts: MEETINGS },
          { heading: '抓组织建设和党员队伍建设', prompt: '党小组设置、发展党员、党员教育管理，本人开展谈心谈话的情况。', facts: ['roster.members.byGroup', ...PIPELINE, ...TALKS] },
          { heading: '抓党建与中心工作融合', prompt: '以党员目标管理、示范责任区、立项攻关推动生产经营任务完成的情况和效益。', facts: [...TARGETS, ...PROJECTS] },
        ],
      },
      { heading: '存在的问题及原因分析', prompt: '本人抓党建工作的不足，从主观上分析原因，不写客观理由。', facts: GAPS },
      { heading: '下一步工作思路和措施', prompt: '针对问题提出改进措施，写明完成时限。' },
    ],
  },
  experience: {
    name: '经验交流材料',
    title: '（经验交流材料标题：用一句话概括做法和成效）',
    outline: [
      { prompt: '开头一段：支部基本情况（党员人数、所在单位的生产任务）和近年取得的主要成绩，引出本文的做法。', facts: ['roster.members.total', ...PROJECTS.slice(1)] },
      {
        heading: '主要做法',
        children: [
          { heading: '以目标管理激发党员干事创业活力', prompt: '党员目标管理和示范责任区怎样设、怎样考、怎样用考核结果，举出具体事例。小标题可改为本支部的提法。', facts: TARGETS },
          { heading: '以立项攻关破解生产难题', prompt: '攻关项目怎样立项、怎样组织党员攻关，写清项目个数和节约的费用、时间。', facts: PROJECTS },
          { heading: '以严格的组织生活锤炼党性', prompt: '三会一课、民主评议党员、谈心谈话的具体做法和特色。', facts: [...MEETINGS, ...TALKS] },
        ],
      },
      { heading: '取得的成效', prompt: '用数据说明成效：生产指标、节约的费用和时间、党员队伍的变化。', facts: [...PROJECTS, ...CHANGES] },
      { heading: '几点体会', prompt: '从做法中提炼二至三条可推广的体会，每条一句话概括、一段话阐述。' },
    ],
  },
  topic: {
    name: '专题报告',
    title: '关于（专题名称）的报告',
    outline: [
      { prompt: '开头一段：报告的缘由（依据上级的什么通知或要求）和报告的事项。' },
      { heading: '基本情况', prompt: '与专题有关的基本情况和数据。', facts: [...ROSTER.slice(0, 2), ...MEETINGS] },
      { heading: '主要做法', prompt: '围绕专题开展的工作和取得的进展。' },
      { heading: '存在的问题', prompt: '专题工作中发现的问题和困难。', facts: GAPS },
      { heading: '意见建议', prompt: '需要上级协调解决的事项和下一步建议。' },
    ],
  },
};

/** Every fact key a built-in template suggests (they must exist among the capabilities' facts). */
export function templateFactKeys(): string[] {
  const keys = new Set<string>();
  const walk = (outline: Outline[]) => outline.forEach((o) => (o.facts?.forEach((k) => keys.add(k)), o.children && walk(o.children)));
  Object.values(OUTLINES).forEach((t) => walk(t.outline));
  return [...keys];
}

function outlineBlocks(kind: ReportKind, outline: Outline[]): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const walk = (items: Outline[], level: number, path: string) =>
    items.forEach((o, i) => {
      const id = `${kind}-${path}${i + 1}`;
      if (o.heading) blocks.push({ id, kind: 'heading', level: level as 1 | 2 | 3 | 4, text: o.heading });
      if (o.prompt) blocks.push({ id: `${id}-prompt`, kind: 'placeholder', prompt: o.prompt, factKeys: o.facts ?? [] });
      if (o.children) walk(o.children, level + 1, `${path}${i + 1}.`);
    });
  walk(outline, 1, '');
  return blocks;
}

export function builtInTemplate(kind: ReportKind): ReportTemplate {
  const { name, title, outline } = OUTLINES[kind];
  return { id: `builtin:${kind}`, name, kind, title, builtIn: true, blocks: outlineBlocks(kind, outline) };
}

export const BUILT_IN_TEMPLATES: readonly ReportTemplate[] = REPORT_KINDS.map(builtInTemplate);

function reIdRuns(runs: readonly InlineRun[], newId: () => string): InlineRun[] {
  return runs.map((r) => (r.kind === 'text' ? r : { ...r, id: newId() }));
}

/** The blocks with fresh ids (a report made from a template must not share ids with it or another report). */
export function withNewIds(blocks: readonly ReportBlock[], newId: () => string): ReportBlock[] {
  return blocks.map((b) => {
    if (b.kind === 'paragraph') return { ...b, id: newId(), runs: reIdRuns(b.runs, newId) };
    if (b.kind === 'list') return { ...b, id: newId(), items: b.items.map((item) => ({ id: newId(), runs: reIdRuns(item.runs, newId) })) };
    return { ...b, id: newId() };
  });
}

export interface NewReportInput {
  period: ReportPeriod;
  issuer: string;
  issueDate: string;
  newId: () => string;
}

/** A new report from a template: its structure and prompts, the title with the period's year. */
export function reportFromTemplate(template: ReportTemplate, input: NewReportInput): ReportContent {
  return {
    title: template.title.replaceAll('{year}', input.period.to.slice(0, 4)),
    kind: template.kind,
    period: input.period,
    issuer: input.issuer,
    issueDate: input.issueDate,
    blocks: withNewIds(template.blocks, input.newId),
  };
}

export interface TemplateFromReportInput {
  id: string;
  name: string;
  /** Keep the writer's paragraphs and lists (figures become slots to fill); otherwise each section keeps a prompt. */
  keepText: boolean;
  /** The Chinese title of a fact, for the prompts of the slots and placeholders it leaves. */
  factTitle?: (key: string) => string | undefined;
}

/**
 * A template made from a report: its headings and prompts always; its text when `keepText`, with every figure turned
 * into a slot for the same fact and every fact table or chart into a placeholder for it (a template holds no figures:
 * they belong to a period). Without the text, the content of each section becomes one placeholder naming the facts
 * it used. The year of the report's period in the title becomes {year}.
 */
export function templateFromReport(report: ReportContent, input: TemplateFromReportInput): ReportTemplate {
  const title = (key: string) => input.factTitle?.(key) ?? key;
  const blocks: ReportBlock[] = [];
  let pending: { prompts: string[]; facts: Set<string>; id: string } | null = null;
  const flush = () => {
    if (pending) blocks.push({ id: pending.id, kind: 'placeholder', prompt: pending.prompts.join('\n') || '按本节标题撰写。', factKeys: [...pending.facts] });
    pending = null;
  };
  const toSlots = (runs: readonly InlineRun[]): InlineRun[] =>
    runs.map((r) => (r.kind === 'figure' ? { kind: 'slot', id: r.id, prompt: title(r.link.factKey), factKey: r.link.factKey } : r));
  for (const b of report.blocks) {
    if (b.kind === 'heading') {
      flush();
      blocks.push(b);
      continue;
    }
    const link = b.kind === 'table' ? b.link : b.kind === 'chart' ? b.chart.link : null;
    if (input.keepText) {
      if (b.kind === 'paragraph') blocks.push({ ...b, runs: toSlots(b.runs) });
      else if (b.kind === 'list') blocks.push({ ...b, items: b.items.map((item) => ({ ...item, runs: toSlots(item.runs) })) });
      else if (link && (b.kind === 'table' || b.kind === 'chart'))
        blocks.push({ id: b.id, kind: 'placeholder', prompt: `插入${b.kind === 'table' ? '表格' : '图表'}：${b.caption || title(link.factKey)}`, factKeys: [link.factKey] });
      else blocks.push(b);
      continue;
    }
    pending ??= { prompts: [], facts: new Set(), id: b.id };
    if (b.kind === 'placeholder') {
      pending.prompts.push(b.prompt);
      b.factKeys.forEach((k) => pending!.facts.add(k));
    }
    if (link) pending.facts.add(link.factKey);
    if (b.kind === 'paragraph' || b.kind === 'list') {
      const runs = b.kind === 'paragraph' ? b.runs : b.items.flatMap((item) => item.runs);
      for (const r of runs) {
        const key = r.kind === 'figure' ? r.link.factKey : r.kind === 'slot' ? r.factKey : null;
        if (key) pending.facts.add(key);
      }
    }
  }
  flush();
  const year = report.period.to.slice(0, 4);
  return { id: input.id, name: input.name, kind: report.kind, title: report.title.replaceAll(year, '{year}'), builtIn: false, blocks };
}

/** Ids a template's blocks use (for a check that a report made from it shares none). */
export const templateIds = (template: ReportTemplate) => allIds(template.blocks);
