/** The branch profile (支部概况) and its party groups (党小组). */
import { z } from 'zod';
import { isIsoDate } from './dates';

export const OFFICER_ROLES = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '委员'] as const;

export const BRANCH_FIELD_LABELS: Record<string, string> = {
  name: '支部名称',
  parentCommittee: '所属党委',
  foundedDate: '成立时间',
  address: '地址',
  officers: '支部委员',
  'officers.name': '委员姓名',
  'officers.role': '委员职务',
};

export const officerSchema = z.object({
  name: z.string().trim().min(1, { error: '请填写委员姓名' }).max(30),
  role: z.enum(OFFICER_ROLES, { error: '请选择职务' }),
  duties: z.string().trim().max(200).default(''),
  memberId: z.string().uuid().nullish().transform((v) => v ?? null),
});

export const branchFieldsSchema = z.object({
  name: z.string().trim().min(2, { error: '请填写支部名称（如：中共××钻井队支部委员会）' }).max(60),
  parentCommittee: z.string().trim().max(60).default(''),
  foundedDate: z
    .union([z.literal(''), z.string().refine(isIsoDate, { error: '请填写有效日期' })])
    .nullish()
    .transform((v) => v || null),
  address: z.string().trim().max(120).default(''),
  officers: z.array(officerSchema).max(9, { error: '支部委员最多 9 人' }).default([]),
});
export type BranchFieldsInput = z.input<typeof branchFieldsSchema>;
export type BranchFields = z.output<typeof branchFieldsSchema>;
export type Officer = z.output<typeof officerSchema>;

export interface Branch extends BranchFields {
  id: string;
  /** False for branches imported from other databases (the committee roll-up). */
  isLocal: boolean;
  createdAt: string;
  updatedAt: string;
}

export const partyGroupFieldsSchema = z.object({
  name: z.string().trim().min(1, { error: '请填写党小组名称' }).max(30),
  leaderMemberId: z.string().uuid().nullish().transform((v) => v ?? null),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
export type PartyGroupFieldsInput = z.input<typeof partyGroupFieldsSchema>;

export interface PartyGroup {
  id: string;
  branchId: string;
  name: string;
  leaderMemberId: string | null;
  leaderName: string | null;
  sortOrder: number;
  memberCount: number;
}
