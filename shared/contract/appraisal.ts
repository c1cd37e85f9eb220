/**
 * 民主评议党员 (issue 14), core operations: the campaign, ballot entry (with optional double entry), the tally, the
 * grades decided, the results. Documents (ballots, tally sheet, results, 公示) and screens add theirs at the END.
 */
import { z } from 'zod';
import {
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATES,
  GRADES,
  RULE_LABELS,
  STAGES,
  VOTER_TYPES,
  rulesSchema,
  stageDatesSchema,
  type AppraisalRules,
  type EntryDifference,
  type FollowUpKind,
  type FollowUpState,
  type Grade,
  type GradeCounts,
  type StageDate,
  type VoterType,
} from '../domain/appraisal';
import { isoDate } from '../domain/fieldSchemas';
import { defineOperations, op } from './define';
import { id } from './common';
import type { DocumentPreview, ExportedFile } from './rosterFiles';
import { isIsoDate } from '../domain/dates';

export type { AppraisalRules, EntryDifference, FollowUpKind, FollowUpState, Grade, GradeCounts, StageDate, VoterType };

// ---------------------------------------------------------------------------------------------------------
// Results

export interface AppraisedMember {
  memberId: string;
  name: string;
  category: string;
  excluded: boolean;
  exclusionReason: string;
  /** false for 预备党员 and the excluded: not on the ballot, not graded. */
  graded: boolean;
}

export interface BallotCounts {
  issued: number;
  /** Sheets entered (first entries), spoilt included. */
  collected: number;
  /** Tallied sheets that are not spoilt. */
  valid: number;
  /** Tallied sheets that are spoilt. */
  spoilt: number;
  /** With double entry: sheets not yet entered twice, or whose entries differ. Else 0. */
  pending: number;
}

export interface Campaign {
  id: string;
  year: number;
  stages: StageDate[];
  issuedMembers: number;
  issuedMasses: number;
  doubleEntry: boolean;
  rules: AppraisalRules;
  note: string;
  members: AppraisedMember[];
  /** Collected sheets by voter type (first entries). */
  collected: Record<VoterType, number>;
  updatedAt: string;
}

export interface CampaignSummary {
  id: string;
  year: number;
  appraised: number;
  graded: number;
  issued: number;
  collected: number;
  decided: number;
}

/** One sheet as entered (an entry), marks by member id as grades. */
export interface Sheet {
  serial: string;
  entry: 1 | 2;
  voterType: VoterType;
  spoilt: boolean;
  grades: Record<string, Grade>;
  updatedAt: string;
}

export interface SheetStatus {
  serial: string;
  voterType: VoterType;
  spoilt: boolean;
  entered: 1 | 2;
  /** Double entry: both entries agree (always true without double entry). */
  agreed: boolean;
  differences: number;
}

export interface Differences {
  doubleEntry: boolean;
  /** Sheets entered once only (double entry on). */
  awaitingSecond: string[];
  differences: EntryDifference[];
}

export interface MemberResult {
  memberId: string;
  name: string;
  counts: GradeCounts;
  byVoterType: Record<VoterType, GradeCounts>;
  votes: number;
  favourableShare: number | null;
  proposed: Grade | null;
  final: Grade | null;
  reason: string;
  note: string;
}

export interface Results {
  year: number;
  ballots: BallotCounts;
  members: MemberResult[];
  /** 预备党员 and excluded members: listed, not graded. */
  notGraded: AppraisedMember[];
  excellentCap: number;
  excellentFinal: number;
}

/** The follow-up a 不合格 grade opens (domain.md 3.3). */
export interface FollowUp {
  id: string;
  campaignId: string;
  year: number;
  memberId: string;
  name: string;
  kind: FollowUpKind;
  decidedDate: string;
  /** 限期改正 only. */
  deadline: string | null;
  state: FollowUpState;
  note: string;
  updatedAt: string;
}

/** One year of a member's grade history. */
export interface HistoryEntry {
  year: number;
  campaignId: string;
  grade: Grade | null;
  graded: boolean;
  /** Not appraised that year, and why ('' otherwise). */
  excluded: boolean;
  exclusionReason: string;
  /** The follow-up of a 不合格 grade, or null. */
  followUp: Pick<FollowUp, 'id' | 'kind' | 'deadline' | 'state'> | null;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

export const APPRAISAL_FIELD_LABELS: Record<string, string> = {
  campaignId: '民主评议',
  year: '年度',
  stages: '评议环节',
  'stages.stage': '评议环节',
  'stages.date': '环节日期',
  issuedMembers: '发放党员测评表张数',
  issuedMasses: '发放群众测评表张数',
  doubleEntry: '两遍录入',
  rules: '评定规则',
  ...Object.fromEntries(Object.entries(RULE_LABELS).map(([k, v]) => [`rules.${k}`, v])),
  note: '备注',
  exclusions: '不参加评议的党员',
  'exclusions.memberId': '党员',
  'exclusions.reason': '不参加原因',
  serial: '编号',
  entry: '录入遍次',
  voterType: '投票人类别',
  spoilt: '废票',
  grades: '评价',
  decisions: '评定等次',
  'decisions.memberId': '党员',
  'decisions.grade': '评定等次',
  'decisions.reason': '与提议不同的理由',
  'decisions.note': '备注',
  followUpId: '处置记录',
  kind: '处置方式',
  decidedDate: '决定日期',
  deadline: '改正期限',
  state: '处置状态',
};

const year = z.number({ error: '请填写年份' }).int().min(1921, { error: '年份无效' }).max(2200, { error: '年份无效' });
const count = z.number({ error: '请填写张数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }).max(10000, { error: '不能超过 10000' });
const memberId = z.string().uuid({ error: '所选党员无效' });
const serial = z.string().trim().min(1, { error: '请填写编号' }).max(20, { error: '编号过长' });
const exclusions = z.array(z.object({ memberId, reason: z.string().trim().min(2, { error: '请写明不参加评议的原因' }).max(100, { error: '不能超过 100 个字' }) })).max(2000);

export const campaignCreateSchema = z.object({
  year,
  issuedMembers: count.default(0),
  issuedMasses: count.default(0),
  doubleEntry: z.boolean().default(false),
  rules: rulesSchema.nullish(),
  stages: stageDatesSchema.default([]),
  exclusions: exclusions.default([]),
  note: z.string().trim().max(500, { error: '不能超过 500 个字' }).default(''),
});

export const campaignUpdateSchema = z.object({
  campaignId: id,
  issuedMembers: count.optional(),
  issuedMasses: count.optional(),
  doubleEntry: z.boolean().optional(),
  rules: rulesSchema.optional(),
  stages: stageDatesSchema.optional(),
  /** The whole list of members excluded, with reasons (the others take part). */
  exclusions: exclusions.optional(),
  note: z.string().trim().max(500, { error: '不能超过 500 个字' }).optional(),
  expectedUpdatedAt: z.string().max(40).optional(),
});

export const sheetInputSchema = z.object({
  campaignId: id,
  serial,
  entry: z.union([z.literal(1), z.literal(2)], { error: '录入遍次应为 1 或 2' }).default(1),
  voterType: z.enum(VOTER_TYPES, { error: '投票人类别应为党员或群众' }),
  spoilt: z.boolean().default(false),
  /** By member id; a member left out is unmarked on this sheet. */
  grades: z.record(memberId, z.enum(GRADES, { error: '评价应为优秀、合格、基本合格或不合格' })).default({}),
});

export const decideSchema = z.object({
  campaignId: id,
  decisions: z
    .array(
      z.object({
        memberId,
        /** null clears the decision. */
        grade: z.enum(GRADES, { error: '等次应为优秀、合格、基本合格或不合格' }).nullable(),
        reason: z.string().trim().max(200, { error: '不能超过 200 个字' }).default(''),
        note: z.string().trim().max(200, { error: '不能超过 200 个字' }).default(''),
      }),
    )
    .min(1, { error: '请至少评定一名党员' })
    .max(2000),
});

const campaignRef = z.object({ campaignId: id });
const sheetRef = z.object({ campaignId: id, serial, entry: z.union([z.literal(1), z.literal(2)], { error: '录入遍次应为 1 或 2' }).default(1) });

const labelledDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isIsoDate, { error: '请填写有效日期（年-月-日）' });

export const followUpUpdateSchema = z.object({
  followUpId: id,
  kind: z.enum(FOLLOW_UP_KINDS, { error: '处置方式应为限期改正、劝其退党或除名' }).optional(),
  decidedDate: labelledDate('决定日期').optional(),
  /** null: none (劝其退党, 除名). */
  deadline: labelledDate('改正期限').nullable().optional(),
  state: z.enum(FOLLOW_UP_STATES, { error: '状态应为进行中、已改正或已处置' }).optional(),
  note: z.string().trim().max(1000, { error: '不能超过 1000 个字' }).optional(),
  expectedUpdatedAt: z.string().max(40).optional(),
});

export { STAGES };

// ---- documents
export const selfEvaluationDocumentSchema = z.object({ campaignId: id, memberId: memberId.nullish() });

export const PUBLICITY_LABELS: Record<string, string> = { campaignId: '民主评议', from: '公示开始日期', to: '公示结束日期', noticeDate: '落款日期', contact: '联系人及电话' };

export const publicityDocumentSchema = z.object({
  campaignId: id,
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  noticeDate: isoDate.nullish(),
  contact: z.string().trim().max(60, { error: '不能超过 60 个字' }).nullish(),
});

export const appraisalOperations = defineOperations('appraisal', APPRAISAL_FIELD_LABELS, {
  // ---- core: campaigns
  'appraisal.list': op<CampaignSummary[]>()(z.object({})),
  'appraisal.get': op<Campaign>()(campaignRef),
  /** A campaign for a year over the active members (预备党员 included, ungraded), with the default rules unless given. */
  'appraisal.create': op<Campaign>()(campaignCreateSchema),
  'appraisal.update': op<Campaign>()(campaignUpdateSchema),
  /** The serials to print on the sheets issued (001 …, 党员 and 群众 sheets together). */
  'appraisal.serials': op<string[]>()(campaignRef),
  // ---- core: ballot entry
  'appraisal.sheets': op<SheetStatus[]>()(campaignRef),
  'appraisal.getSheet': op<Sheet>()(sheetRef),
  /** A new entry of a sheet; refused when this entry of the serial was already entered. */
  'appraisal.enterSheet': op<Sheet>()(sheetInputSchema),
  /** Replaces an entered entry of a sheet. */
  'appraisal.correctSheet': op<Sheet>()(sheetInputSchema),
  /** Marks an entered sheet spoilt (废票) or valid again; a spoilt sheet keeps no marks. */
  'appraisal.markSpoilt': op<Sheet>()(sheetRef.extend({ spoilt: z.boolean() })),
  'appraisal.differences': op<Differences>()(campaignRef),
  // ---- core: tally and grades
  'appraisal.tally': op<Results>()(campaignRef),
  'appraisal.decide': op<Results>()(decideSchema),
  'appraisal.results': op<Results>()(campaignRef),
  /** A member's grades across the years. */
  'appraisal.history': op<HistoryEntry[]>()(z.object({ memberId }), { memberId: '党员' }),
  // ---- follow-ups of 不合格 grades
  /** The follow-ups of one campaign, or of every campaign when none is given. */
  'appraisal.followUps': op<FollowUp[]>()(z.object({ campaignId: id.optional() })),
  'appraisal.updateFollowUp': op<FollowUp>()(followUpUpdateSchema),
  // ---- documents: 打印预览 (pages) and 导出 Word of each printed document, both from the same builder
  /** 民主测评表: one sheet per ballot issued, serials 001 … */
  'appraisal.previewBallots': op<DocumentPreview>()(campaignRef),
  'appraisal.exportBallots': op<ExportedFile>()(campaignRef),
  /** 党员自评表: one page per member taking part, or for one member. */
  'appraisal.previewSelfEvaluation': op<DocumentPreview>()(selfEvaluationDocumentSchema, { memberId: '党员' }),
  'appraisal.exportSelfEvaluation': op<ExportedFile>()(selfEvaluationDocumentSchema, { memberId: '党员' }),
  /** 测评统计表. */
  'appraisal.previewTally': op<DocumentPreview>()(campaignRef),
  'appraisal.exportTally': op<ExportedFile>()(campaignRef),
  /** 评议结果汇总表. */
  'appraisal.previewResults': op<DocumentPreview>()(campaignRef),
  'appraisal.exportResults': op<ExportedFile>()(campaignRef),
  /** 公示 (公文): refused while a graded member has no final grade. */
  'appraisal.previewPublicity': op<DocumentPreview>()(publicityDocumentSchema, PUBLICITY_LABELS),
  'appraisal.exportPublicity': op<ExportedFile>()(publicityDocumentSchema, PUBLICITY_LABELS),
});
