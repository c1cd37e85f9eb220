/** What each status change asks for, which changes a member may have now, and checking a change with the shared rules. */
import { zodProblems } from '../../../../shared/contract/validate';
import { localToday } from '../../../../shared/domain/dates';
import { ACTIVE_STATUSES, type FieldProblem, type Member } from '../../../../shared/domain/member';
import { eventProblems, memberEventSchema, type MemberEventInput, type MemberEventKind } from '../../../../shared/domain/memberEvents';

export type ChangeKind = Exclude<MemberEventKind, '转入'>;

/** The button and dialog title of each change, and what saving it does, in words. */
export const KIND_INFO: Record<ChangeKind, { action: string; dateLabel: string; effect: string }> = {
  转出: { action: '组织关系转出', dateLabel: '转出日期', effect: '保存后，该党员不再显示在在册名单中；在“党籍状态”选“转出”可以查到。' },
  转正: { action: '转正', dateLabel: '转正日期', effect: '保存后，人员类别改为正式党员，转正日期为上面填写的日期。' },
  延长预备期: { action: '延长预备期', dateLabel: '决定日期', effect: '保存后，预备期满日期按延长的月数推后。' },
  停止党籍: { action: '停止党籍', dateLabel: '停止党籍日期', effect: '保存后，党籍状态改为停止党籍（仍在册），以后可以恢复党籍。' },
  恢复党籍: { action: '恢复党籍', dateLabel: '恢复日期', effect: '保存后，党籍状态恢复为正常。' },
  出党: { action: '出党', dateLabel: '出党日期', effect: '保存后，该党员不再显示在在册名单中；在“党籍状态”选“出党”可以查到。' },
  去世: { action: '去世', dateLabel: '去世日期', effect: '保存后，该党员不再显示在在册名单中；在“党籍状态”选“去世”可以查到。' },
};

/** Only the changes the member's present state allows (the same rules main applies). */
export function allowedKinds(m: Pick<Member, 'status' | 'category'>): ChangeKind[] {
  if (!ACTIVE_STATUSES.includes(m.status)) return [];
  if (m.status === '停止党籍') return ['恢复党籍', '转出', '出党', '去世'];
  const kinds: ChangeKind[] = [];
  if (m.category === '预备党员') kinds.push('转正', '延长预备期');
  kinds.push('转出', '停止党籍', '出党', '去世');
  return kinds;
}

export interface EventValues {
  date: string;
  meetingDate: string;
  docNumber: string;
  counterpart: string;
  months: number | null;
  subtype: string | undefined;
  reason: string;
}

export function toEventInput(kind: ChangeKind, v: EventValues): MemberEventInput {
  const base = { date: v.date, docNumber: v.docNumber ?? '', reason: v.reason ?? '' };
  switch (kind) {
    case '转出':
      return { kind, ...base, counterpart: v.counterpart ?? '' };
    case '转正':
      return { kind, ...base, meetingDate: v.meetingDate || null };
    case '延长预备期':
      return { kind, ...base, months: v.months as number, meetingDate: v.meetingDate || null };
    case '停止党籍':
    case '恢复党籍':
      return { kind, ...base };
    case '出党':
      return { kind, ...base, subtype: v.subtype as never };
    case '去世':
      return { kind, date: v.date, reason: v.reason ?? '' };
  }
}

/** Problems of the change: required fields, the shared schema, then the shared rules against the member as stored. */
export function changeProblems(kind: ChangeKind, v: EventValues, m: Member, today = localToday()): FieldProblem[] {
  const required: FieldProblem[] = [];
  if (!v.date) required.push({ field: 'date', message: `请填写${KIND_INFO[kind].dateLabel}` });
  if (kind === '延长预备期' && (v.months === null || v.months === undefined)) required.push({ field: 'months', message: '请填写延长的月数（6 至 12 个月）' });
  if (kind === '出党' && !v.subtype) required.push({ field: 'subtype', message: '请选择出党方式' });
  const state = { category: m.category, status: m.status, joinDate: m.joinDate, probationExtensionMonths: m.probationExtensionMonths };
  const parsed = memberEventSchema.safeParse(toEventInput(kind, v));
  if (!parsed.success) {
    const taken = new Set(required.map((p) => p.field));
    const problems = [...required, ...zodProblems(parsed.error).filter((p) => !taken.has(p.field))];
    // The dates are checked against the member even while another field is still missing.
    const stand = { counterpart: v.counterpart || '—', reason: v.reason || '—', months: v.months ?? 6, subtype: v.subtype || '除名' };
    const lenient = memberEventSchema.safeParse(toEventInput(kind, { ...v, ...stand }));
    if (lenient.success) {
      const bad = new Set(problems.map((p) => p.field));
      problems.push(...eventProblems(state, lenient.data, today).filter((p) => (p.field === 'date' || p.field === 'meetingDate') && !bad.has(p.field)));
    }
    return problems;
  }
  return [...required, ...eventProblems(state, parsed.data, today)];
}

/** Server issues name fields as the contract does ('event.date'); the form names them plainly. */
export function plainField(p: FieldProblem, prefix: string): FieldProblem {
  return p.field.startsWith(prefix) ? { ...p, field: p.field.slice(prefix.length) } : p;
}
