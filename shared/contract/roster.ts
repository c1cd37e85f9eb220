/** The member roster: search, records, their history and status changes. */
import { z } from 'zod';
import { AGE_BANDS, GENDERS, MEMBER_CATEGORIES, MEMBER_FIELD_LABELS, MEMBER_STATUSES, memberFieldsSchema, type Member, type MemberRow } from '../domain/member';
import { normalizeIdNumber } from '../domain/idNumber';
import { EVENT_FIELD_LABELS, memberEventSchema, transferInSchema, type MemberEventRecord } from '../domain/memberEvents';
import { defineOperations, op } from './define';
import { branchRef, id } from './common';

export const SORTABLE_MEMBER_FIELDS = ['name', 'birthDate', 'joinDate', 'fullDate', 'partyGroup', 'category', 'education', 'branch'] as const;

export const memberSearchSchema = z.object({
  query: z.string().max(50).default(''),
  partyGroupId: z.union([id, z.literal('none')]).nullish(),
  category: z.enum(MEMBER_CATEGORIES).nullish(),
  /** 'active' (正常 + 停止党籍) unless a single status or 'all' is asked for. */
  status: z.union([z.enum(MEMBER_STATUSES), z.literal('active'), z.literal('all')]).default('active'),
  educationGroup: z.string().max(4).nullish(),
  gender: z.enum(GENDERS).nullish(),
  ageBand: z.enum(AGE_BANDS.map((b) => b.key) as [string, ...string[]]).nullish(),
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

export const rosterOperations = defineOperations('roster', MEMBER_FIELD_LABELS, {
  'members.search': op<MemberSearchResult>()(memberSearchSchema),
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
