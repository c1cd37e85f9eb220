/** Status changes of a member (组织关系转接, 转正, 延长预备期, 停止/恢复党籍, 出党, 去世): inputs and rules. */
import { z } from 'zod';
import { isIsoDate, localToday } from './dates';
import { ACTIVE_STATUSES, probationEnd, type FieldProblem, type MemberCategory, type MemberStatus } from './member';

export const MEMBER_EVENT_KINDS = ['转入', '转出', '转正', '延长预备期', '停止党籍', '恢复党籍', '出党', '去世'] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

/** 出党 forms (Party Constitution Art. 9; 不合格党员组织处置办法). */
export const LEAVING_FORMS = ['除名', '劝其退党', '开除党籍', '退党', '取消预备党员资格'] as const;

export const EVENT_FIELD_LABELS: Record<string, string> = {
  kind: '变动类型',
  date: '日期',
  meetingDate: '支部大会日期',
  docNumber: '文号',
  counterpart: '转往（转自）单位',
  months: '延长时间',
  subtype: '出党方式',
  reason: '原因/说明',
};

const date = z.string().refine(isIsoDate, { error: '请填写有效日期' });
const optionalDate = z.union([z.literal(''), date]).nullish().transform((v) => v || null);
const docNumber = z.string().trim().max(60).default('');
const reason = z.string().trim().max(500).default('');

export const memberEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('转出'), date, docNumber, counterpart: z.string().trim().min(1, { error: '请填写转往的党组织' }).max(100), reason }),
  z.object({ kind: z.literal('转正'), date, meetingDate: optionalDate, docNumber, reason }),
  z.object({
    kind: z.literal('延长预备期'),
    date,
    months: z.number().int().min(6, { error: '延长预备期不能少于半年' }).max(12, { error: '延长预备期最长不超过一年' }),
    meetingDate: optionalDate,
    docNumber,
    reason: z.string().trim().min(1, { error: '请填写延长预备期的原因' }).max(500),
  }),
  z.object({ kind: z.literal('停止党籍'), date, docNumber, reason: z.string().trim().min(1, { error: '请填写停止党籍的原因' }).max(500) }),
  z.object({ kind: z.literal('恢复党籍'), date, docNumber, reason }),
  z.object({ kind: z.literal('出党'), subtype: z.enum(LEAVING_FORMS, { error: '请选择出党方式' }), date, docNumber, reason }),
  z.object({ kind: z.literal('去世'), date, reason }),
]);
export type MemberEventInput = z.input<typeof memberEventSchema>;
export type MemberEvent = z.output<typeof memberEventSchema>;

export interface MemberState {
  category: MemberCategory;
  status: MemberStatus;
  joinDate: string;
  probationExtensionMonths: number;
}

/** What a status change may not do, given the member as stored now. `today` is YYYY-MM-DD. */
export function eventProblems(m: MemberState, e: MemberEvent, today: string = localToday()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (e.date > today) add('date', '日期不能晚于今天');
  if (e.date < m.joinDate) add('date', `日期不能早于入党日期（${m.joinDate}）`);
  const active = ACTIVE_STATUSES.includes(m.status);
  const probationer = m.category === '预备党员';
  switch (e.kind) {
    case '恢复党籍':
      if (m.status !== '停止党籍') add('kind', '只有停止党籍的党员才能恢复党籍');
      break;
    case '停止党籍':
      if (m.status !== '正常') add('kind', `该党员当前状态为“${m.status}”，不能停止党籍`);
      break;
    default:
      if (!active) add('kind', `该党员当前状态为“${m.status}”，不在册，不能办理${e.kind}`);
  }
  if (e.kind === '转正' || e.kind === '延长预备期') {
    if (!probationer) add('kind', `只有预备党员才能办理${e.kind}`);
  }
  if (e.kind === '转正' && probationer) {
    const end = probationEnd(m)!;
    if (e.date < end) add('date', `预备期到 ${end} 才满，转正日期不能早于预备期满之日`);
  }
  if (e.kind === '延长预备期' && probationer && m.probationExtensionMonths + e.months > 12) {
    add('months', `预备期已延长 ${m.probationExtensionMonths} 个月，延长合计不能超过一年`);
  }
  if (e.kind === '出党' && e.subtype === '取消预备党员资格' && !probationer) add('subtype', '只有预备党员才能取消预备党员资格');
  if ('meetingDate' in e && e.meetingDate && e.meetingDate > today) add('meetingDate', '支部大会日期不能晚于今天');
  return problems;
}

/** A transfer in: a member arriving from another branch, with the transfer's details. */
export const transferInSchema = z.object({
  date,
  counterpart: z.string().trim().min(1, { error: '请填写转出的党组织' }).max(100),
  docNumber,
  reason,
});
export type TransferIn = z.output<typeof transferInSchema>;

export interface MemberEventRecord {
  id: string;
  memberId: string;
  kind: MemberEventKind;
  subtype: string;
  date: string;
  meetingDate: string | null;
  docNumber: string;
  counterpart: string;
  months: number | null;
  reason: string;
  createdAt: string;
}
