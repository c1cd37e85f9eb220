/**
 * Target management (目标管理, issue 13): the yearly plan, post templates, the members' responsibility letters,
 * demonstration zones, tackling projects, the assessment, commendations and the branch's own letter.
 *
 * Item lists (plan items, template and letter items, a branch letter's items) are edited and saved as a whole:
 * their points must total 100 (shared/domain/targets.ts). Each item has a stable `key` (a UUID given on first
 * save); an assessment's scores name the items of the letter by it.
 */
import { z } from 'zod';
import {
  ASSESSMENT_PERIODS,
  COMMENDATION_STATUSES,
  PROJECT_STATUSES,
  TARGETS_INPUT_LABELS,
  branchLetterItemSchema,
  itemScoreSchema,
  letterItemSchema,
  planItemSchema,
  rewardRuleSchema,
  targetYear,
  type AssessmentPeriod,
  type AssessmentTotals,
  type BranchLetterItem,
  type CommendationStatus,
  type ItemScore,
  type LetterItem,
  type PlanItem,
  type ProjectStatus,
  type RewardRule,
} from '../domain/targets';
import { isIsoDate } from '../domain/dates';
import { defineOperations, op } from './define';
import type { DocumentPreview, ExportedFile } from './rosterFiles';
import { id } from './common';

export {
  ASSESSMENT_PERIODS,
  PERIOD_LABELS,
  TARGET_CATEGORIES,
  TARGETS_FIELD_LABELS,
  TARGETS_INPUT_LABELS,
  TOTAL_POINTS,
  targetsFieldLabel,
  type AssessmentPeriod,
  type BranchLetterItem,
  type ItemScore,
  type LetterItem,
  type PlanItem,
  type RewardRule,
} from '../domain/targets';

// ---------------------------------------------------------------------------------------------------------
// Results

/** 年度党建目标: the branch's plan for one year. */
export interface TargetPlan {
  id: string;
  year: number;
  title: string;
  items: PlanItem[];
  /** Sum of the items' points (100 once saved). */
  total: number;
  note: string;
  updatedAt: string;
}

/** The template of target items for one post (岗位, from the code list). */
export interface PostTemplate {
  id: string;
  post: string;
  items: LetterItem[];
  total: number;
  assessmentMethod: string;
  /** From the highest threshold down. */
  rewardRules: RewardRule[];
  otherTerms: string;
  note: string;
  /** Live members whose post this template serves (the 通用 template: those with no template of their own). */
  memberCount: number;
  updatedAt: string;
}

/** A row of the letters list. */
export interface LetterSummary {
  id: string;
  year: number;
  memberId: string;
  /** As signed (the member's name and post when the letter was generated or adjusted). */
  memberName: string;
  post: string;
  partyGroupName: string | null;
  total: number;
  itemCount: number;
  /** 已调整: changed by hand after generation from the template. */
  adjusted: boolean;
  templateId: string | null;
  signedDate: string | null;
  /** Periods with an assessment recorded. */
  assessed: AssessmentPeriod[];
  updatedAt: string;
}

/** 党员目标管理责任书 (domain.md 4.2). */
export interface Letter extends LetterSummary {
  title: string;
  /** 甲方: the branch (its name) and its secretary. */
  branchName: string;
  secretary: string;
  periodStart: string;
  periodEnd: string;
  items: LetterItem[];
  assessmentMethod: string;
  rewardRules: RewardRule[];
  otherTerms: string;
  adjustedAt: string | null;
}

export interface GenerateLettersResult {
  year: number;
  /** Letters written now. */
  created: number;
  /** Members who already had a letter for the year (kept as they are). */
  existing: number;
  /** Members left without a letter: no template for their post and no 通用 template. */
  missingTemplate: { memberId: string; name: string; post: string }[];
}

export interface ZoneRecord {
  id: string;
  zoneId: string;
  date: string;
  content: string;
}

/** 党员示范责任区. */
export interface Zone {
  id: string;
  name: string;
  memberId: string;
  memberName: string;
  scopeEquipment: string;
  scopeArea: string;
  scopeCrew: string;
  commitments: string;
  startDate: string;
  endDate: string | null;
  note: string;
  /** Newest first. */
  records: ZoneRecord[];
  updatedAt: string;
}

export interface ProjectNote {
  id: string;
  projectId: string;
  date: string;
  content: string;
}

/** 立项攻关. */
export interface Project {
  id: string;
  title: string;
  problem: string;
  leaderId: string;
  leaderName: string;
  memberIds: string[];
  memberNames: string[];
  startDate: string;
  plannedEnd: string;
  status: ProjectStatus;
  finishedDate: string | null;
  outcome: string;
  /** Measured benefit in whole yuan saved and whole days won; null when not measured. */
  benefitYuan: number | null;
  benefitDays: number | null;
  note: string;
  /** Newest first. */
  notes: ProjectNote[];
  updatedAt: string;
}

/** One member's assessment for a period, with the letter's items it scores. */
export interface Assessment {
  id: string;
  letterId: string;
  memberId: string;
  memberName: string;
  post: string;
  year: number;
  period: AssessmentPeriod;
  items: LetterItem[];
  scores: ItemScore[];
  totals: AssessmentTotals;
  /** The total that counts (sum of branch scores; null while an item has none). */
  total: number | null;
  /** Within the branch, for the year and period (1, 1, 3 on ties); null without a total. */
  rank: number | null;
  /** From the letter's reward rules. */
  grade: string | null;
  outcome: string;
  amount: number | null;
  note: string;
  assessedDate: string | null;
  updatedAt: string;
}

export type AssessmentStatus = '未考核' | '未完成' | '已完成';

/** A row of 考核汇总表: every letter of the year, assessed or not. */
export interface AssessmentSummaryRow {
  letterId: string;
  assessmentId: string | null;
  memberId: string;
  memberName: string;
  post: string;
  partyGroupName: string | null;
  status: AssessmentStatus;
  selfTotal: number | null;
  groupTotal: number | null;
  total: number | null;
  rank: number | null;
  grade: string | null;
  outcome: string;
  amount: number | null;
}

export interface AssessmentSummary {
  year: number;
  period: AssessmentPeriod;
  /** By rank, then unranked by name. */
  rows: AssessmentSummaryRow[];
  letters: number;
  completed: number;
  average: number | null;
  /** Completed assessments per grade, in the order of the grades' thresholds. */
  byGrade: { grade: string; count: number }[];
}

/** 评先评优 for a member and year. */
export interface Commendation {
  id: string;
  memberId: string;
  memberName: string;
  year: number;
  title: string;
  basis: string;
  status: CommendationStatus;
  decidedDate: string | null;
  note: string;
  updatedAt: string;
}

/** A proposal the assessment, zones and projects suggest (not stored until saved as a commendation). */
export interface CommendationProposal {
  memberId: string;
  memberName: string;
  title: string;
  basis: string;
  /** The record it is drawn from. */
  source: { table: 'target_assessments' | 'target_projects' | 'target_zones'; id: string };
  /** Already recorded for the member, year and title. */
  recorded: boolean;
}

/** The branch's own responsibility letter with the higher committee (支部达标创先). */
export interface BranchLetter {
  id: string;
  year: number;
  committee: string;
  items: BranchLetterItem[];
  total: number;
  assessmentMethod: string;
  rewardsText: string;
  otherTerms: string;
  signedDate: string | null;
  /** Sums when every item has the score; the committee's (review) total is the one that counts. */
  selfTotal: number | null;
  reviewTotal: number | null;
  note: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

const date = z.string().refine(isIsoDate, { error: '请填写有效日期（如 2026-03-12）' });
const optionalDate = z
  .union([z.literal(''), date])
  .nullish()
  .transform((v) => v || null);
const text = (max: number) => z.string().trim().max(max, { error: `不能超过 ${max} 个字` });
const required = (max: number, what: string) => text(max).min(1, { error: `请填写${what}` });
const expectedUpdatedAt = z.string().max(40).nullish();
const period = z.enum(ASSESSMENT_PERIODS, { error: '考核期应为半年考核或年终考核' });
const memberId = z.string().uuid({ error: '请选择党员' });
const items = <T extends z.ZodType>(item: T) => z.array(item).max(60, { error: '条目不能超过 60 项' });
const rewardRules = z.array(rewardRuleSchema).max(10, { error: '奖惩档次不能超过 10 个' }).default([]);
const benefit = (what: string, unit: string) =>
  z
    .number({ error: `${what}应为数字` })
    .int({ error: `${what}请填写整数（${unit}）` })
    .min(0, { error: `${what}不能为负` })
    .max(1e10, { error: `${what}过大` })
    .nullish()
    .transform((v) => v ?? null);

export const planSaveSchema = z
  .object({
    year: targetYear,
    title: text(60).default(''),
    items: items(planItemSchema),
    note: text(500).default(''),
    expectedUpdatedAt,
  })
  .strict();

export const templateSaveSchema = z
  .object({
    id: id.nullish(),
    post: required(20, '岗位'),
    items: items(letterItemSchema),
    assessmentMethod: text(1000).default(''),
    rewardRules,
    otherTerms: text(1000).default(''),
    note: text(200).default(''),
    expectedUpdatedAt,
  })
  .strict();

export const letterUpdateSchema = z
  .object({
    id,
    secretary: text(30).default(''),
    periodStart: date,
    periodEnd: date,
    items: items(letterItemSchema),
    assessmentMethod: text(1000).default(''),
    rewardRules,
    otherTerms: text(1000).default(''),
    signedDate: optionalDate,
    expectedUpdatedAt,
  })
  .strict();

export const zoneSaveSchema = z
  .object({
    id: id.nullish(),
    name: required(40, '责任区名称'),
    memberId,
    scopeEquipment: text(200).default(''),
    scopeArea: text(200).default(''),
    scopeCrew: text(200).default(''),
    commitments: text(1000).default(''),
    startDate: date,
    endDate: optionalDate,
    note: text(200).default(''),
    expectedUpdatedAt,
  })
  .strict();

export const datedEntrySchema = z.object({ date, content: required(1000, '内容') });

export const projectSaveSchema = z
  .object({
    id: id.nullish(),
    title: required(60, '项目名称'),
    problem: text(1000).default(''),
    leaderId: z.string().uuid({ error: '请选择项目负责人' }),
    memberIds: z.array(memberId).max(20, { error: '成员不能超过 20 人' }).default([]),
    startDate: date,
    plannedEnd: date,
    status: z.enum(PROJECT_STATUSES, { error: '状态应为进行中、已完成或已中止' }).default('进行中'),
    finishedDate: optionalDate,
    outcome: text(1000).default(''),
    benefitYuan: benefit('节约费用', '元'),
    benefitDays: benefit('节约时间', '天'),
    note: text(200).default(''),
    expectedUpdatedAt,
  })
  .strict();

export const assessmentSaveSchema = z
  .object({
    letterId: id,
    period,
    scores: z.array(itemScoreSchema).max(60),
    note: text(500).default(''),
    assessedDate: optionalDate,
    expectedUpdatedAt,
  })
  .strict();

export const commendationSaveSchema = z
  .object({
    id: id.nullish(),
    memberId,
    year: targetYear,
    title: required(30, '表彰称号'),
    basis: text(500).default(''),
    status: z.enum(COMMENDATION_STATUSES, { error: '状态应为拟推荐或已表彰' }).default('拟推荐'),
    decidedDate: optionalDate,
    note: text(200).default(''),
    expectedUpdatedAt,
  })
  .strict();

export const branchLetterSaveSchema = z
  .object({
    year: targetYear,
    committee: text(60).default(''),
    items: items(branchLetterItemSchema),
    assessmentMethod: text(1000).default(''),
    rewardsText: text(1000).default(''),
    otherTerms: text(1000).default(''),
    signedDate: optionalDate,
    note: text(500).default(''),
    expectedUpdatedAt,
  })
  .strict();

const year = z.object({ year: targetYear }).strict();
const lettersPrintSchema = z.object({ year: targetYear, ids: z.array(id).max(5000).nullish() }).strict();
const byId = z.object({ id }).strict();

// ---------------------------------------------------------------------------------------------------------
// Operations

export const targetsOperations = defineOperations('targets', TARGETS_INPUT_LABELS, {
  /** Years that have a plan, newest first. */
  'targetPlans.years': op<number[]>()(z.object({}).strict()),
  /** The year's plan; null when none is saved. */
  'targetPlans.get': op<TargetPlan | null>()(year),
  /** Creates or replaces the year's plan; the items' points must total 100. */
  'targetPlans.save': op<TargetPlan>()(planSaveSchema),
  /** Copies the plan of year − 1 into `year` (which must have none); deadlines move on by a year. */
  'targetPlans.copyLastYear': op<TargetPlan>()(year),

  'postTemplates.list': op<PostTemplate[]>()(z.object({}).strict()),
  /** Creates (no id) or edits a template; points total 100, one template per post. Letters already generated keep their copy. */
  'postTemplates.save': op<PostTemplate>()(templateSaveSchema),
  'postTemplates.delete': op<void>()(byId),

  'targetLetters.list': op<LetterSummary[]>()(year),
  'targetLetters.get': op<Letter>()(byId),
  /** A letter for every live member of the branch who has none for the year, from the template of their post. */
  'targetLetters.generate': op<GenerateLettersResult>()(year),
  /** Adjusts one letter by hand (marked 已调整). Items cannot change once the letter has been assessed. */
  'targetLetters.update': op<Letter>()(letterUpdateSchema),
  /** Replaces the letter's content with its post's current template (no longer 已调整); refused once assessed. */
  'targetLetters.regenerate': op<Letter>()(byId),
  'targetLetters.delete': op<void>()(byId),

  'zones.list': op<Zone[]>()(z.object({}).strict()),
  'zones.save': op<Zone>()(zoneSaveSchema),
  'zones.delete': op<void>()(byId),
  'zones.addRecord': op<Zone>()(datedEntrySchema.extend({ zoneId: id }).strict()),
  'zones.deleteRecord': op<Zone>()(byId),

  /** Projects running at some time in the year (started by its end, not finished before its start). */
  'projects.list': op<Project[]>()(year),
  'projects.get': op<Project>()(byId),
  'projects.save': op<Project>()(projectSaveSchema),
  'projects.delete': op<void>()(byId),
  'projects.addNote': op<Project>()(datedEntrySchema.extend({ projectId: id }).strict()),
  'projects.deleteNote': op<Project>()(byId),

  /** The assessment of a letter for a period; null when not yet recorded. */
  'assessments.get': op<Assessment | null>()(z.object({ letterId: id, period }).strict()),
  /** Records (or replaces) the scores of a letter for a period. */
  'assessments.save': op<Assessment>()(assessmentSaveSchema),
  'assessments.delete': op<void>()(byId),
  /** 考核汇总表: every letter of the year with its assessment for the period, ranked. */
  'assessments.summary': op<AssessmentSummary>()(z.object({ year: targetYear, period }).strict()),

  'commendations.list': op<Commendation[]>()(year),
  /** What the year-end assessment, the zones and the finished projects suggest. */
  'commendations.propose': op<CommendationProposal[]>()(year),
  'commendations.save': op<Commendation>()(commendationSaveSchema),
  'commendations.delete': op<void>()(byId),

  'branchLetters.get': op<BranchLetter | null>()(year),
  'branchLetters.save': op<BranchLetter>()(branchLetterSaveSchema),

  /** The year's letters (all, or those named) as one document, one letter per page: 打印预览. */
  'targetLetters.preview': op<DocumentPreview>()(lettersPrintSchema),
  /** The same as a Word file (`count`: the letters in it). */
  'targetLetters.export': op<ExportedFile>()(lettersPrintSchema),
  /** The same letters as a zip of Word files, one per member named by the member (`count`: the files in it). */
  'targetLetters.exportEach': op<ExportedFile>()(lettersPrintSchema),
  /** 考核汇总表 as pages to preview. */
  'assessments.previewSummary': op<DocumentPreview>()(z.object({ year: targetYear, period }).strict()),
  /** 考核汇总表 as a Word or Excel file (`count`: its rows). */
  'assessments.exportSummary': op<ExportedFile>()(
    z.object({ year: targetYear, period, format: z.enum(['docx', 'xlsx'], { error: '格式应为 Word 或 Excel' }).default('docx') }).strict(),
  ),
});
