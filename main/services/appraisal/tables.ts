/** The appraisal's tables: row types and registry entries (hand-over, trash, history). */
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATES, GRADES, STAGES, VOTER_TYPES, followUpProblem, gradeOfDigit, type FollowUpKind, type FollowUpState } from '../../../shared/domain/appraisal';
import { isIsoDate } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import type { TableSpec } from '../../db/registry';
import type { CommonColumns } from '../../db/schema';

export interface AppraisalCampaignsTable extends CommonColumns {
  year: number;
  /** JSON: StageDate[] */
  stages_json: string;
  issued_members: number;
  issued_masses: number;
  double_entry: number;
  excellent_cap_num: number;
  excellent_cap_den: number;
  unqualified_pct: number;
  basic_pct: number;
  excellent_pct: number;
  note: string;
}

export interface AppraisalMembersTable extends CommonColumns {
  campaign_id: string;
  year: number;
  member_id: string;
  /** Name and category (正式党员 / 预备党员) when the campaign was made or last updated. */
  name: string;
  category: string;
  excluded: number;
  exclusion_reason: string;
  sort_order: number;
}

/** One entry (1, or 2 with double entry) of one ballot sheet. */
export interface AppraisalSheetsTable extends CommonColumns {
  campaign_id: string;
  year: number;
  serial: string;
  entry: number;
  voter_type: string;
  spoilt: number;
}

export interface AppraisalMarksTable extends CommonColumns {
  sheet_id: string;
  campaign_id: string;
  year: number;
  member_id: string;
  /** 1 优秀, 2 合格, 3 基本合格, 4 不合格 */
  grade: number;
}

export interface AppraisalGradesTable extends CommonColumns {
  campaign_id: string;
  year: number;
  member_id: string;
  grade: string;
  /** The grade the rules proposed when it was decided. */
  proposed: string;
  /** Why the grade differs from the proposal ('' when it does not). */
  reason: string;
  note: string;
}

/** The follow-up of a 不合格 grade (domain.md 3.3). */
export interface AppraisalFollowupsTable extends CommonColumns {
  campaign_id: string;
  year: number;
  member_id: string;
  /** 限期改正 / 劝其退党 / 除名 */
  kind: string;
  decided_date: string;
  /** 限期改正 only: 6–12 months after decided_date. */
  deadline: string | null;
  /** 进行中 / 已改正 / 已处置 */
  state: string;
  note: string;
}

declare module '../../db/schema' {
  interface UserTables {
    appraisal_campaigns: AppraisalCampaignsTable;
    appraisal_members: AppraisalMembersTable;
    appraisal_sheets: AppraisalSheetsTable;
    appraisal_marks: AppraisalMarksTable;
    appraisal_grades: AppraisalGradesTable;
    appraisal_followups: AppraisalFollowupsTable;
  }
}

const COMMON_LABELS = { deleted_at: '删除时间' };
const isInt = (v: unknown, min: number, max: number) => Number.isInteger(v) && Number(v) >= min && Number(v) <= max;
const yearProblem = (r: Record<string, unknown>): FieldProblem[] => (isInt(r.year, 1921, 2200) ? [] : [{ field: 'year', message: '年份无效' }]);
const flag = (r: Record<string, unknown>, column: string): FieldProblem[] => (r[column] === 0 || r[column] === 1 ? [] : [{ field: column, message: '应为 0 或 1' }]);

function validateCampaignRow(r: Record<string, unknown>): FieldProblem[] {
  const problems = [...yearProblem(r), ...flag(r, 'double_entry')];
  for (const c of ['issued_members', 'issued_masses']) if (!isInt(r[c], 0, 100000)) problems.push({ field: c, message: '应为非负整数' });
  for (const c of ['unqualified_pct', 'basic_pct', 'excellent_pct']) if (!isInt(r[c], 0, 100)) problems.push({ field: c, message: '应为 0 至 100 的整数' });
  if (!isInt(r.excellent_cap_den, 1, 100) || !isInt(r.excellent_cap_num, 0, Number(r.excellent_cap_den))) {
    problems.push({ field: 'excellent_cap_num', message: '优秀比例上限无效' });
  }
  let stages: unknown;
  try {
    stages = JSON.parse(String(r.stages_json));
  } catch {
    stages = null;
  }
  if (!Array.isArray(stages) || stages.some((s) => !(STAGES as readonly string[]).includes((s as { stage?: string })?.stage ?? ''))) {
    problems.push({ field: 'stages_json', message: '评议环节数据无效' });
  }
  return problems;
}

const campaignsTable: TableSpec = {
  name: 'appraisal_campaigns',
  label: '民主评议',
  describe: (r) => `${String(r.year)}年度民主评议党员`,
  dependsOn: ['branches'],
  columnLabels: {
    ...COMMON_LABELS, year: '年度', stages_json: '评议环节', issued_members: '发放党员测评表', issued_masses: '发放群众测评表', double_entry: '两遍录入',
    excellent_cap_num: '优秀比例上限（分子）', excellent_cap_den: '优秀比例上限（分母）', unqualified_pct: '提议不合格的不合格票比例',
    basic_pct: '提议基本合格的基本合格及不合格票比例', excellent_pct: '提议优秀的优秀票比例', note: '备注',
  },
  uniqueKeys: [{ columns: ['branch_id', 'year'], clash: '这一年度已有民主评议' }],
  validateRow: validateCampaignRow,
  showValue: (_db, column, value) => (column === 'double_entry' ? (value ? '是' : '否') : value),
};

const membersTable: TableSpec = {
  name: 'appraisal_members',
  label: '参评党员',
  describe: (r) => `${String(r.year)}年度参评 ${String(r.name)}${r.excluded ? '（不参加）' : ''}`,
  dependsOn: ['appraisal_campaigns', 'members'],
  columnLabels: {
    ...COMMON_LABELS, campaign_id: '民主评议', year: '年度', member_id: '党员', name: '姓名', category: '人员类别', excluded: '不参加评议',
    exclusion_reason: '不参加原因', sort_order: '排序',
  },
  references: [
    { column: 'campaign_id', table: 'appraisal_campaigns' },
    { column: 'member_id', table: 'members' },
  ],
  inTrash: false,
  uniqueKeys: [{ columns: ['campaign_id', 'member_id'], clash: '这次评议中已有这名党员' }],
  validateRow: (r) => {
    const problems = [...yearProblem(r), ...flag(r, 'excluded')];
    if (typeof r.name !== 'string' || !r.name.trim()) problems.push({ field: 'name', message: '姓名为空' });
    if (r.category !== '正式党员' && r.category !== '预备党员') problems.push({ field: 'category', message: '应为正式党员或预备党员' });
    if (r.excluded === 1 && !String(r.exclusion_reason ?? '').trim()) problems.push({ field: 'exclusion_reason', message: '不参加评议应写明原因' });
    return problems;
  },
  showValue: (_db, column, value) => (column === 'excluded' ? (value ? '是' : '否') : value),
};

const sheetsTable: TableSpec = {
  name: 'appraisal_sheets',
  label: '民主测评表',
  describe: (r) => `${String(r.year)}年度测评表 ${String(r.serial)}（第${String(r.entry)}遍录入${r.spoilt ? '，废票' : ''}）`,
  dependsOn: ['appraisal_campaigns'],
  columnLabels: { ...COMMON_LABELS, campaign_id: '民主评议', year: '年度', serial: '编号', entry: '录入遍次', voter_type: '投票人类别', spoilt: '废票' },
  references: [{ column: 'campaign_id', table: 'appraisal_campaigns' }],
  inTrash: false,
  uniqueKeys: [{ columns: ['campaign_id', 'serial', 'entry'], clash: '这张测评表的这一遍已录入' }],
  validateRow: (r) => {
    const problems = [...yearProblem(r), ...flag(r, 'spoilt')];
    if (!/^\d{3,}$/.test(String(r.serial))) problems.push({ field: 'serial', message: '编号应为数字' });
    if (r.entry !== 1 && r.entry !== 2) problems.push({ field: 'entry', message: '录入遍次应为 1 或 2' });
    if (!(VOTER_TYPES as readonly string[]).includes(String(r.voter_type))) problems.push({ field: 'voter_type', message: '应为党员或群众' });
    return problems;
  },
  showValue: (_db, column, value) => (column === 'spoilt' ? (value ? '是' : '否') : value),
};

const marksTable: TableSpec = {
  name: 'appraisal_marks',
  label: '测评表评价',
  describe: (r) => `${String(r.year)}年度测评表评价：${isInt(r.grade, 1, 4) ? gradeOfDigit(Number(r.grade)) : String(r.grade)}`,
  dependsOn: ['appraisal_sheets', 'members'],
  columnLabels: { ...COMMON_LABELS, sheet_id: '测评表', campaign_id: '民主评议', year: '年度', member_id: '党员', grade: '评价' },
  references: [
    { column: 'sheet_id', table: 'appraisal_sheets' },
    { column: 'campaign_id', table: 'appraisal_campaigns' },
    { column: 'member_id', table: 'members' },
  ],
  inTrash: false,
  uniqueKeys: [{ columns: ['sheet_id', 'member_id'], clash: '这张测评表上已有对这名党员的评价' }],
  validateRow: (r) => [...yearProblem(r), ...(isInt(r.grade, 1, 4) ? [] : [{ field: 'grade', message: '评价应为 1 至 4' }])],
  showValue: (_db, column, value) => (column === 'grade' && isInt(value, 1, 4) ? gradeOfDigit(Number(value)) : value),
};

const gradesTable: TableSpec = {
  name: 'appraisal_grades',
  label: '评定等次',
  describe: (r) => `${String(r.year)}年度评定：${String(r.grade)}`,
  dependsOn: ['appraisal_campaigns', 'members'],
  columnLabels: { ...COMMON_LABELS, campaign_id: '民主评议', year: '年度', member_id: '党员', grade: '评定等次', proposed: '按规则提议的等次', reason: '与提议不同的理由', note: '备注' },
  references: [
    { column: 'campaign_id', table: 'appraisal_campaigns' },
    { column: 'member_id', table: 'members' },
  ],
  inTrash: false,
  uniqueKeys: [{ columns: ['campaign_id', 'member_id'], clash: '这次评议中已评定这名党员的等次' }],
  validateRow: (r) => {
    const problems = yearProblem(r);
    if (!(GRADES as readonly string[]).includes(String(r.grade))) problems.push({ field: 'grade', message: '等次应为优秀、合格、基本合格或不合格' });
    if (r.proposed !== '' && !(GRADES as readonly string[]).includes(String(r.proposed))) problems.push({ field: 'proposed', message: '提议等次无效' });
    return problems;
  },
};

function validateFollowupRow(r: Record<string, unknown>): FieldProblem[] {
  const problems = yearProblem(r);
  if (!(FOLLOW_UP_KINDS as readonly string[]).includes(String(r.kind))) problems.push({ field: 'kind', message: '处置方式应为限期改正、劝其退党或除名' });
  if (!(FOLLOW_UP_STATES as readonly string[]).includes(String(r.state))) problems.push({ field: 'state', message: '状态应为进行中、已改正或已处置' });
  if (!isIsoDate(String(r.decided_date))) problems.push({ field: 'decided_date', message: '决定日期无效' });
  if (r.deadline !== null && !isIsoDate(String(r.deadline))) problems.push({ field: 'deadline', message: '改正期限无效' });
  if (problems.length === 0) {
    const p = followUpProblem({ kind: r.kind as FollowUpKind, decidedDate: String(r.decided_date), deadline: (r.deadline as string | null) ?? null, state: r.state as FollowUpState });
    if (p) problems.push(p);
  }
  return problems;
}

const followupsTable: TableSpec = {
  name: 'appraisal_followups',
  label: '不合格党员处置',
  describe: (r) => `${String(r.year)}年度评议不合格的处置：${String(r.kind)}（${String(r.state)}）`,
  dependsOn: ['appraisal_campaigns', 'members'],
  columnLabels: { ...COMMON_LABELS, campaign_id: '民主评议', year: '年度', member_id: '党员', kind: '处置方式', decided_date: '决定日期', deadline: '改正期限', state: '状态', note: '情况记录' },
  references: [
    { column: 'campaign_id', table: 'appraisal_campaigns' },
    { column: 'member_id', table: 'members' },
  ],
  inTrash: false,
  uniqueKeys: [{ columns: ['campaign_id', 'member_id'], clash: '这次评议中这名党员已有处置记录' }],
  validateRow: validateFollowupRow,
};

/** This capability's tables, in the order they are created (main/capabilities.ts hands them to the registry). */
export const appraisalTables: readonly TableSpec[] = [campaignsTable, membersTable, sheetsTable, marksTable, gradesTable, followupsTable];
