/** Target management's tables (migration 008): row types, registry entries (trash, history, hand-over) and row checks. */
import { z } from 'zod';
import { zodProblems } from '../../../shared/contract/validate';
import { isIsoDate } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import {
  ASSESSMENT_PERIODS,
  COMMENDATION_STATUSES,
  PERIOD_LABELS,
  PROJECT_STATUSES,
  branchLetterItemSchema,
  itemScoreSchema,
  letterItemSchema,
  planItemSchema,
  pointsTotalProblems,
  rewardRuleSchema,
  type AssessmentPeriod,
} from '../../../shared/domain/targets';
import type { TableSpec } from '../../db/registry';
import type { CommonColumns } from '../../db/schema';

export interface TargetPlansTable extends CommonColumns {
  year: number;
  title: string;
  /** JSON PlanItem[] (keys set). */
  items_json: string;
  note: string;
}

export interface PostTemplatesTable extends CommonColumns {
  /** A label of the 岗位 code list (or 通用). */
  post: string;
  /** JSON LetterItem[]. */
  items_json: string;
  assessment_method: string;
  /** JSON RewardRule[], highest threshold first. */
  reward_rules_json: string;
  other_terms: string;
  note: string;
}

export interface TargetLettersTable extends CommonColumns {
  year: number;
  member_id: string;
  /** The template it was generated from (its content is copied: later template edits do not change it). */
  template_id: string | null;
  member_name: string;
  post: string;
  title: string;
  secretary: string;
  period_start: string;
  period_end: string;
  items_json: string;
  assessment_method: string;
  reward_rules_json: string;
  other_terms: string;
  /** 1: changed by hand after generation (已调整). */
  adjusted: number;
  adjusted_at: string | null;
  signed_date: string | null;
}

export interface TargetAssessmentsTable extends CommonColumns {
  letter_id: string;
  member_id: string;
  year: number;
  period: AssessmentPeriod;
  /** JSON ItemScore[]. */
  scores_json: string;
  note: string;
  assessed_date: string | null;
}

export interface TargetZonesTable extends CommonColumns {
  name: string;
  member_id: string;
  scope_equipment: string;
  scope_area: string;
  scope_crew: string;
  commitments: string;
  start_date: string;
  end_date: string | null;
  note: string;
}

export interface TargetZoneRecordsTable extends CommonColumns {
  zone_id: string;
  record_date: string;
  content: string;
}

export interface TargetProjectsTable extends CommonColumns {
  title: string;
  problem: string;
  leader_id: string;
  /** JSON array of member ids (the team besides the leader). */
  member_ids: string;
  start_date: string;
  planned_end: string;
  status: string;
  finished_date: string | null;
  outcome: string;
  benefit_yuan: number | null;
  benefit_days: number | null;
  note: string;
}

export interface TargetProjectNotesTable extends CommonColumns {
  project_id: string;
  note_date: string;
  content: string;
}

export interface TargetCommendationsTable extends CommonColumns {
  member_id: string;
  year: number;
  title: string;
  basis: string;
  status: string;
  decided_date: string | null;
  note: string;
}

export interface TargetBranchLettersTable extends CommonColumns {
  year: number;
  committee: string;
  /** JSON BranchLetterItem[]. */
  items_json: string;
  assessment_method: string;
  rewards_text: string;
  other_terms: string;
  signed_date: string | null;
  note: string;
}

declare module '../../db/schema' {
  interface UserTables {
    target_plans: TargetPlansTable;
    post_templates: PostTemplatesTable;
    target_letters: TargetLettersTable;
    target_assessments: TargetAssessmentsTable;
    target_zones: TargetZonesTable;
    target_zone_records: TargetZoneRecordsTable;
    target_projects: TargetProjectsTable;
    target_project_notes: TargetProjectNotesTable;
    target_commendations: TargetCommendationsTable;
    target_branch_letters: TargetBranchLettersTable;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Row checks (rows arriving in a hand-over package)

const keyedItems = <T extends z.ZodObject>(item: T) => z.array(item.extend({ key: z.string().uuid() }));

/** Problems of a JSON column: it must parse, and match the schema. */
function jsonProblems(value: unknown, schema: z.ZodType, field: string): { problems: FieldProblem[]; data?: unknown } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch {
    return { problems: [{ field, message: '数据格式无效' }] };
  }
  const r = schema.safeParse(parsed);
  if (!r.success) return { problems: zodProblems(r.error).map((p) => ({ field, message: `${p.field}：${p.message}` })) };
  return { problems: [], data: r.data };
}

function itemsProblems(value: unknown, schema: z.ZodType, field = 'items_json'): FieldProblem[] {
  const { problems, data } = jsonProblems(value, schema, field);
  if (problems.length) return problems;
  return pointsTotalProblems(data as { points: number }[], field);
}

const isYear = (v: unknown) => Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100;
const yearProblems = (r: Record<string, unknown>): FieldProblem[] => (isYear(r.year) ? [] : [{ field: 'year', message: '年度无效' }]);
function dateProblems(r: Record<string, unknown>, columns: string[], optional: string[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const c of columns) if (!isIsoDate(String(r[c]))) problems.push({ field: c, message: '日期无效' });
  for (const c of optional) if (r[c] !== null && !isIsoDate(String(r[c]))) problems.push({ field: c, message: '日期无效' });
  return problems;
}
function oneOf(r: Record<string, unknown>, column: string, values: readonly string[]): FieldProblem[] {
  return values.includes(String(r[column])) ? [] : [{ field: column, message: `应为${values.join('、')}之一` }];
}
function idListProblems(value: unknown, field: string): FieldProblem[] {
  return jsonProblems(value, z.array(z.string().uuid()).max(20), field).problems;
}
function benefitProblems(r: Record<string, unknown>): FieldProblem[] {
  return ['benefit_yuan', 'benefit_days'].flatMap((c) =>
    r[c] === null || (Number.isSafeInteger(r[c]) && (r[c] as number) >= 0) ? [] : [{ field: c, message: '应为非负整数' }],
  );
}

// ---------------------------------------------------------------------------------------------------------
// Specs

const LIVE = { deleted_at: '删除时间' };
const LETTER_TEXT_LABELS = { assessment_method: '考核办法', reward_rules_json: '奖惩规则', other_terms: '其他约定', items_json: '目标条目' };
const periodLabel = (v: unknown) => PERIOD_LABELS[v as AssessmentPeriod] ?? String(v);

const targetPlansTable: TableSpec = {
  name: 'target_plans',
  label: '年度党建目标',
  describe: (r) => `${String(r.year)}年度党建目标`,
  dependsOn: ['branches'],
  columnLabels: { year: '年度', title: '标题', items_json: '目标条目', note: '备注', ...LIVE },
  validateRow: (r) => [...yearProblems(r), ...itemsProblems(r.items_json, keyedItems(planItemSchema))],
  uniqueKeys: [{ columns: ['branch_id', 'year'], clash: '该年度已有党建目标' }],
};

const postTemplatesTable: TableSpec = {
  name: 'post_templates',
  label: '岗位目标模板',
  describe: (r) => `${String(r.post)}岗位目标模板`,
  dependsOn: ['branches'],
  columnLabels: { post: '岗位', note: '备注', ...LETTER_TEXT_LABELS, ...LIVE },
  validateRow: (r) => [
    ...(String(r.post ?? '').trim() ? [] : [{ field: 'post', message: '岗位为空' }]),
    ...itemsProblems(r.items_json, keyedItems(letterItemSchema)),
    ...jsonProblems(r.reward_rules_json, z.array(rewardRuleSchema), 'reward_rules_json').problems,
  ],
  uniqueKeys: [{ columns: ['branch_id', 'post'], clash: '该岗位已有目标模板' }],
};

const targetLettersTable: TableSpec = {
  name: 'target_letters',
  label: '目标管理责任书',
  describe: (r) => `${String(r.member_name)} ${String(r.year)}年度目标管理责任书`,
  dependsOn: ['members', 'post_templates'],
  columnLabels: {
    year: '年度', member_id: '党员', template_id: '模板', member_name: '姓名', post: '岗位', title: '标题', secretary: '甲方代表（书记）',
    period_start: '责任期限起', period_end: '责任期限止', adjusted: '已调整', adjusted_at: '调整时间', signed_date: '签订日期',
    ...LETTER_TEXT_LABELS, ...LIVE,
  },
  references: [
    { column: 'member_id', table: 'members' },
    { column: 'template_id', table: 'post_templates' },
  ],
  validateRow: (r) => [
    ...yearProblems(r),
    ...(String(r.member_name ?? '').trim() ? [] : [{ field: 'member_name', message: '姓名为空' }]),
    ...dateProblems(r, ['period_start', 'period_end'], ['signed_date']),
    ...(r.adjusted === 0 || r.adjusted === 1 ? [] : [{ field: 'adjusted', message: '应为 0 或 1' }]),
    ...itemsProblems(r.items_json, keyedItems(letterItemSchema)),
    ...jsonProblems(r.reward_rules_json, z.array(rewardRuleSchema), 'reward_rules_json').problems,
  ],
  uniqueKeys: [{ columns: ['branch_id', 'member_id', 'year'], clash: '该党员本年度已有目标管理责任书' }],
  showValue: (_db, column, value) => (column === 'adjusted' ? (value ? '是' : '否') : value),
};

const targetAssessmentsTable: TableSpec = {
  name: 'target_assessments',
  label: '目标考核',
  describe: (r) => `${String(r.year)}年${periodLabel(r.period)}`,
  dependsOn: ['target_letters', 'members'],
  columnLabels: { letter_id: '责任书', member_id: '党员', year: '年度', period: '考核期', scores_json: '评分', note: '备注', assessed_date: '考核日期', ...LIVE },
  references: [
    { column: 'letter_id', table: 'target_letters' },
    { column: 'member_id', table: 'members' },
  ],
  validateRow: (r) => [
    ...yearProblems(r),
    ...oneOf(r, 'period', ASSESSMENT_PERIODS),
    ...dateProblems(r, [], ['assessed_date']),
    ...jsonProblems(r.scores_json, z.array(itemScoreSchema), 'scores_json').problems,
  ],
  uniqueKeys: [{ columns: ['letter_id', 'period'], clash: '该责任书本考核期已有考核记录' }],
  showValue: (_db, column, value) => (column === 'period' ? periodLabel(value) : value),
};

const targetZonesTable: TableSpec = {
  name: 'target_zones',
  label: '党员示范责任区',
  describe: (r) => String(r.name),
  dependsOn: ['members'],
  columnLabels: {
    name: '名称', member_id: '责任人', scope_equipment: '责任范围（设备）', scope_area: '责任范围（区域）', scope_crew: '责任范围（班组/人员）',
    commitments: '承诺事项', start_date: '开始日期', end_date: '结束日期', note: '备注', ...LIVE,
  },
  references: [{ column: 'member_id', table: 'members' }],
  validateRow: (r) => [
    ...(String(r.name ?? '').trim() ? [] : [{ field: 'name', message: '名称为空' }]),
    ...dateProblems(r, ['start_date'], ['end_date']),
  ],
};

const targetZoneRecordsTable: TableSpec = {
  name: 'target_zone_records',
  label: '责任区记录',
  describe: (r) => `${String(r.record_date)} ${String(r.content).slice(0, 20)}`,
  dependsOn: ['target_zones'],
  columnLabels: { zone_id: '示范责任区', record_date: '日期', content: '内容', ...LIVE },
  references: [{ column: 'zone_id', table: 'target_zones' }],
  periodColumn: 'record_date',
  validateRow: (r) => dateProblems(r, ['record_date']),
};

const targetProjectsTable: TableSpec = {
  name: 'target_projects',
  label: '立项攻关',
  describe: (r) => String(r.title),
  dependsOn: ['members'],
  columnLabels: {
    title: '项目名称', problem: '生产难题', leader_id: '项目负责人', member_ids: '项目成员', start_date: '开始日期', planned_end: '计划完成日期',
    status: '状态', finished_date: '完成日期', outcome: '攻关成果', benefit_yuan: '节约费用（元）', benefit_days: '节约时间（天）', note: '备注', ...LIVE,
  },
  references: [{ column: 'leader_id', table: 'members' }],
  validateRow: (r) => [
    ...(String(r.title ?? '').trim() ? [] : [{ field: 'title', message: '项目名称为空' }]),
    ...dateProblems(r, ['start_date', 'planned_end'], ['finished_date']),
    ...oneOf(r, 'status', PROJECT_STATUSES),
    ...idListProblems(r.member_ids, 'member_ids'),
    ...benefitProblems(r),
  ],
};

const targetProjectNotesTable: TableSpec = {
  name: 'target_project_notes',
  label: '攻关进展',
  describe: (r) => `${String(r.note_date)} ${String(r.content).slice(0, 20)}`,
  dependsOn: ['target_projects'],
  columnLabels: { project_id: '攻关项目', note_date: '日期', content: '内容', ...LIVE },
  references: [{ column: 'project_id', table: 'target_projects' }],
  periodColumn: 'note_date',
  validateRow: (r) => dateProblems(r, ['note_date']),
};

const targetCommendationsTable: TableSpec = {
  name: 'target_commendations',
  label: '评先评优',
  describe: (r) => `${String(r.year)}年 ${String(r.title)}`,
  dependsOn: ['members'],
  columnLabels: { member_id: '党员', year: '年度', title: '称号', basis: '推荐依据', status: '状态', decided_date: '表彰日期', note: '备注', ...LIVE },
  references: [{ column: 'member_id', table: 'members' }],
  validateRow: (r) => [
    ...yearProblems(r),
    ...(String(r.title ?? '').trim() ? [] : [{ field: 'title', message: '称号为空' }]),
    ...oneOf(r, 'status', COMMENDATION_STATUSES),
    ...dateProblems(r, [], ['decided_date']),
  ],
  uniqueKeys: [{ columns: ['member_id', 'year', 'title'], clash: '该党员本年度已有同一称号' }],
};

const targetBranchLettersTable: TableSpec = {
  name: 'target_branch_letters',
  label: '支部目标责任书',
  describe: (r) => `${String(r.year)}年度支部目标责任书`,
  dependsOn: ['branches'],
  columnLabels: {
    year: '年度', committee: '上级党委', items_json: '目标条目', assessment_method: '考核办法', rewards_text: '奖惩', other_terms: '其他约定',
    signed_date: '签订日期', note: '备注', ...LIVE,
  },
  validateRow: (r) => [
    ...yearProblems(r),
    ...dateProblems(r, [], ['signed_date']),
    ...itemsProblems(r.items_json, keyedItems(branchLetterItemSchema)),
  ],
  uniqueKeys: [{ columns: ['branch_id', 'year'], clash: '该年度已有支部目标责任书' }],
};

/** This capability's tables, in the order they are created (main/capabilities.ts hands them to the registry). */
export const targetsTables: readonly TableSpec[] = [
  targetPlansTable,
  postTemplatesTable,
  targetLettersTable,
  targetAssessmentsTable,
  targetZonesTable,
  targetZoneRecordsTable,
  targetProjectsTable,
  targetProjectNotesTable,
  targetCommendationsTable,
  targetBranchLettersTable,
];
