/** The member roster: search, records, their history and status changes. */
import { z } from 'zod';
import { ETHNICITIES } from '../domain/codes';
import { isIsoDate } from '../domain/dates';
import {
  AGE_BANDS,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_CHANGES,
  MEMBER_FIELD_LABELS,
  MEMBER_STATUSES,
  MINORITIES,
  memberFieldsSchema,
  type Member,
  type MemberRow,
} from '../domain/member';
import { STANDING_BANDS } from '../domain/statistics';
import { normalizeIdNumber } from '../domain/idNumber';
import { EVENT_FIELD_LABELS, memberEventSchema, transferInSchema, type MemberEventRecord } from '../domain/memberEvents';
import { defineOperations, op } from './define';
import { branchRef, id } from './common';

export const SORTABLE_MEMBER_FIELDS = ['name', 'birthDate', 'joinDate', 'fullDate', 'partyGroup', 'category', 'education', 'branch'] as const;

const searchDate = z.string().refine(isIsoDate, { error: '请填写有效日期（如 2026-03-12）' }).nullish();

export const memberSearchSchema = z.object({
  query: z.string().max(50).default(''),
  partyGroupId: z.union([id, z.literal('none')]).nullish(),
  category: z.enum(MEMBER_CATEGORIES).nullish(),
  /** 'active' (正常 + 停止党籍) unless a single status or 'all' is asked for. */
  status: z.union([z.enum(MEMBER_STATUSES), z.literal('active'), z.literal('all')]).default('active'),
  educationGroup: z.string().max(4).nullish(),
  gender: z.enum(GENDERS).nullish(),
  ageBand: z.enum(AGE_BANDS.map((b) => b.key) as [string, ...string[]]).nullish(),
  /** One of the 56, or 少数民族 (all but 汉族). */
  ethnicity: z.union([z.enum(ETHNICITIES), z.literal(MINORITIES)]).nullish(),
  /** 党龄 band, counted today as the statistics count it (probationary: no 党龄 yet). */
  standing: z.enum(STANDING_BANDS.map((b) => b.key) as [string, ...string[]]).nullish(),
  /** Members with this change between changeFrom (default 1 January) and changeTo (default today). */
  change: z.enum(MEMBER_CHANGES.map((c) => c.key) as [string, ...string[]]).nullish(),
  changeFrom: searchDate,
  changeTo: searchDate,
  /** Omitted or null: the local branch; a branch id: that branch; 'all': every branch in the database (committee roll-up). */
  branchId: z.union([id, z.literal('all')]).nullish(),
  sort: z.enum(SORTABLE_MEMBER_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type MemberSearch = z.input<typeof memberSearchSchema>;

export interface MemberSearchResult {
  total: number;
  rows: MemberRow[];
}

export interface ChangeEntry {
  seq: number;
  table: string;
  rowId: string;
  action: 'insert' | 'update' | 'delete' | 'restore' | 'import' | 'conflict';
  changedAt: string;
  /** Only the fields that changed, old and new (ID numbers are masked). */
  changes: { field: string; label: string; before: unknown; after: unknown }[];
}

/** Who already holds an ID number. */
export interface IdNumberHolder {
  id: string;
  name: string;
}

const SEARCH_LABELS = { ...MEMBER_FIELD_LABELS, standing: '党龄', change: '变动', changeFrom: '变动起始日期', changeTo: '变动截止日期' };

export const rosterOperations = defineOperations('roster', MEMBER_FIELD_LABELS, {
  'members.search': op<MemberSearchResult>()(memberSearchSchema, SEARCH_LABELS),
  'members.get': op<Member>()(z.object({ id })),
  /** branchId: the branch the member joins (a committee adding to an imported branch); omitted: the local branch. */
  'members.create': op<Member>()(memberFieldsSchema.extend({ branchId: branchRef })),
  'members.update': op<Member>()(z.object({ id, fields: memberFieldsSchema, expectedUpdatedAt: z.string().optional() })),
  'members.delete': op<void>()(z.object({ id })),
  'members.history': op<ChangeEntry[]>()(z.object({ id })),
  /**
   * The member of a branch (omitted: the local one) holding an ID number, or null: the member form asks on leaving
   * the 身份证号 field. excludeId: the member being edited.
   */
  'members.findByIdNumber': op<IdNumberHolder | null>()(
    z.object({ idNumber: z.string().max(30).transform(normalizeIdNumber), branchId: branchRef, excludeId: id.nullish() }),
    { idNumber: '身份证号', branchId: '所属支部', excludeId: '党员' },
  ),
  'members.events': op<MemberEventRecord[]>()(z.object({ id })),
  'members.recordEvent': op<Member>()(z.object({ memberId: id, event: memberEventSchema }), EVENT_FIELD_LABELS),
  /** branchId: the branch the member is transferred into (as for members.create); omitted: the local branch. */
  'members.transferIn': op<Member>()(
    z.object({ fields: memberFieldsSchema, transfer: transferInSchema, branchId: branchRef }),
    { ...EVENT_FIELD_LABELS, ...MEMBER_FIELD_LABELS },
  ),
});
