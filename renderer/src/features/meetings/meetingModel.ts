/**
 * The meeting form's values and checks. The sign-in list holds one row per expected member with its state
 * (到会, or the reason of absence); the rules (fields, quorum, votes, 定稿) are the shared ones main enforces.
 */
import type { Dayjs } from 'dayjs';
import type { ExpectedMember, MeetingDetail } from '../../../../shared/contract/meetings';
import { zodProblems } from '../../../../shared/contract/validate';
import {
  countAttendance,
  finalizeProblems,
  kindInfo,
  meetingFieldProblems,
  meetingFieldsSchema,
  type AbsenceReason,
  type Attendance,
  type MeetingFields,
  type MeetingFieldsInput,
  type MeetingKind,
  type VoteMethod,
} from '../../../../shared/domain/meetings';
import type { FieldProblem, MemberCategory } from '../../../../shared/domain/member';
import { fromDayjs, toDayjs, type RefusedDate } from '../../components/dates';

/** A member on the sign-in list: present, or absent with a reason. */
export type Presence = 'present' | AbsenceReason;
export const PRESENCE_OPTIONS: { value: Presence; label: string }[] = [
  { value: 'present', label: '到会' },
  { value: '公差', label: '公差' },
  { value: '病假', label: '病假' },
  { value: '事假', label: '事假' },
  { value: '其他', label: '其他' },
];

export interface SignInRow {
  memberId: string | null;
  name: string;
  category: MemberCategory;
  /** 书记, 组织委员 … on a 支委会's list; '' otherwise. */
  role: string;
  presence: Presence;
  absenceNote: string;
}

export interface ResolutionValues {
  text: string;
  responsible: string;
  deadline: Dayjs | RefusedDate | null;
  vote: { method: VoteMethod; for: number | null; against: number | null; abstain: number | null };
}

export interface MeetingValues {
  kind: MeetingKind;
  groupId: string | null;
  alsoCounts: MeetingKind[];
  title: string;
  date: Dayjs | RefusedDate | null;
  /** 'HH:mm' as typed (9:30 and 9：30 are taken too). */
  startTime: string;
  endTime: string;
  place: string;
  hostName: string;
  recorderName: string;
  lecturer: string;
  classHours: number | null;
  attendance: SignInRow[];
  guests: { name: string; unit: string }[];
  topics: string[];
  content: string;
  speeches: { speaker: string; text: string }[];
  resolutions: ResolutionValues[];
  /** 修订 only: why the final record is changed. */
  reason: string;
}

export const MEETING_FIELD_ORDER = [
  'kind', 'groupId', 'alsoCounts', 'title', 'date', 'startTime', 'endTime', 'place', 'hostName', 'recorderName', 'lecturer',
  'classHours', 'reason', 'attendance', 'guests', 'topics', 'content', 'speeches', 'resolutions',
] as const;

export function emptyMeeting(kind: MeetingKind = 'committee', date: string | null = null, groupId: string | null = null): MeetingValues {
  return {
    kind,
    groupId: kind === 'groupMeeting' ? groupId : null,
    alsoCounts: [],
    title: '',
    date: toDayjs(date),
    startTime: '',
    endTime: '',
    place: '',
    hostName: '',
    recorderName: '',
    lecturer: '',
    classHours: 0,
    attendance: [],
    guests: [],
    topics: [''],
    content: '',
    speeches: [],
    resolutions: [],
    reason: '',
  };
}

export function signInRows(expected: readonly ExpectedMember[], before: readonly SignInRow[] = []): SignInRow[] {
  // A member already on the list keeps what was marked for them (the date or the kind changed).
  const kept = new Map(before.map((r) => [r.memberId ?? `name:${r.name}`, r]));
  return expected.map((m) => {
    const old = kept.get(m.memberId ?? `name:${m.name}`);
    return { memberId: m.memberId, name: m.name, category: m.category, role: m.role, presence: old?.presence ?? 'present', absenceNote: old?.absenceNote ?? '' };
  });
}

function presenceOf(a: Attendance): Presence {
  return a.attended ? 'present' : ((a.absenceReason || '其他') as AbsenceReason);
}

export function meetingValues(m: MeetingDetail): MeetingValues {
  return {
    kind: m.kind,
    groupId: m.groupId,
    alsoCounts: m.alsoCounts,
    title: m.title,
    date: toDayjs(m.date),
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    hostName: m.hostName,
    recorderName: m.recorderName,
    lecturer: m.lecturer,
    classHours: m.classHours,
    attendance: m.attendance.map((a) => ({ memberId: a.memberId, name: a.name, category: a.category, role: '', presence: presenceOf(a), absenceNote: a.absenceNote })),
    guests: m.guests.map((g) => ({ ...g })),
    topics: m.topics.length ? [...m.topics] : [''],
    content: m.content,
    speeches: m.speeches.map((s) => ({ speaker: s.speaker, text: s.text })),
    resolutions: m.resolutions.map((r) => ({ text: r.text, responsible: r.responsible, deadline: toDayjs(r.deadline), vote: { ...r.vote } })),
    reason: '',
  };
}

const trim = (s: string | null | undefined) => (s ?? '').trim();
/** '9:30', '9：30' -> '09:30'; anything else is left for the schema to refuse. */
export function timeText(t: string | null | undefined): string {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(trim(t));
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : trim(t);
}

/** The member named (host, recorder, speaker) when the name is one on the sign-in list. */
function memberIdOf(name: string, rows: readonly SignInRow[]): string | null {
  return rows.find((r) => r.name === trim(name))?.memberId ?? null;
}

export function attendanceOf(rows: readonly SignInRow[]): Attendance[] {
  return rows.map((r) => ({
    memberId: r.memberId,
    name: r.name,
    category: r.category,
    attended: r.presence === 'present',
    absenceReason: r.presence === 'present' ? '' : r.presence,
    absenceNote: r.presence === 'present' ? '' : trim(r.absenceNote),
  }));
}

/** The form's values as the contract's fields (empty rows of the lists left out). */
export function meetingInput(v: MeetingValues): MeetingFieldsInput {
  const rows = v.attendance ?? [];
  return {
    kind: v.kind,
    groupId: v.kind === 'groupMeeting' ? (v.groupId ?? null) : null,
    alsoCounts: v.alsoCounts ?? [],
    title: trim(v.title),
    date: fromDayjs(v.date),
    startTime: timeText(v.startTime),
    endTime: timeText(v.endTime),
    place: trim(v.place),
    hostMemberId: memberIdOf(v.hostName, rows),
    hostName: trim(v.hostName),
    recorderMemberId: memberIdOf(v.recorderName, rows),
    recorderName: trim(v.recorderName),
    lecturer: v.kind === 'lecture' ? trim(v.lecturer) : '',
    classHours: v.classHours ?? 0,
    topics: (v.topics ?? []).map(trim).filter(Boolean),
    content: v.content ?? '',
    speeches: (v.speeches ?? [])
      .filter((s) => trim(s?.speaker) || trim(s?.text))
      .map((s) => ({ speaker: trim(s.speaker), memberId: memberIdOf(s.speaker, rows), text: trim(s.text) })),
    resolutions: (v.resolutions ?? [])
      .filter((r) => trim(r?.text) || r?.vote?.method !== 'none')
      .map((r) => ({
        text: trim(r.text),
        responsible: trim(r.responsible),
        deadline: fromDayjs(r.deadline),
        vote: { method: r.vote?.method ?? 'none', for: r.vote?.for ?? 0, against: r.vote?.against ?? 0, abstain: r.vote?.abstain ?? 0 },
      })),
    guests: (v.guests ?? []).filter((g) => trim(g?.name) || trim(g?.unit)).map((g) => ({ name: trim(g.name), unit: trim(g.unit) })),
    attendance: attendanceOf(rows),
  };
}

/**
 * A problem of the contract's fields named as the form names it: the sign-in list's reason is its presence,
 * a list row keeps its index only where the form shows the same rows (speeches and resolutions drop empty ones,
 * so their problems are shown at the list).
 */
function formField(field: string): string {
  const m = /^attendance\.(\d+)\.(absenceReason|attended)$/.exec(field);
  if (m) return `attendance.${m[1]}.presence`;
  if (/^(speeches|resolutions|guests|topics)\.\d+/.test(field)) return field.split('.')[0]!;
  if (field === 'hostMemberId') return 'hostName';
  if (field === 'recorderMemberId') return 'recorderName';
  return field;
}

/** The record's fields parsed, or the problems that keep them from being saved. */
export function parseMeeting(v: MeetingValues): { fields: MeetingFields; problems: FieldProblem[] } | { fields: null; problems: FieldProblem[] } {
  const input = meetingInput(v);
  const missing: FieldProblem[] = [];
  if (!v.kind) missing.push({ field: 'kind', message: '请选择会议类型' });
  if (!input.date) missing.push({ field: 'date', message: '请填写会议日期' });
  const parsed = meetingFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error).filter((p) => !(p.field === 'date' && missing.some((m) => m.field === 'date')));
    return { fields: null, problems: [...missing, ...problems.map((p) => ({ ...p, field: formField(p.field) }))] };
  }
  const problems = [...missing, ...meetingFieldProblems(parsed.data).map((p) => ({ ...p, field: formField(p.field) }))];
  return problems.length ? { fields: null, problems } : { fields: parsed.data, problems: [] };
}

/** The checks of a draft (and of an amendment, which must also give its reason). */
export function meetingProblems(v: MeetingValues, amending: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [...parseMeeting(v).problems];
  if (amending && trim(v.reason).length < 2) problems.push({ field: 'reason', message: '请填写修订原因（至少 2 个字）' });
  return problems;
}

/** What else 定稿 (and an amendment of a final record) needs: host, recorder, quorum, valid votes. */
export function finalProblems(fields: MeetingFields): FieldProblem[] {
  return finalizeProblems({ ...fields, attendance: fields.attendance ?? [] }).map((p) => ({ ...p, field: formField(p.field) }));
}

/** Expected, present and absent counts of the sign-in list as it is now. */
export function signInCounts(rows: readonly SignInRow[] | undefined) {
  return countAttendance((rows ?? []).map((r) => ({ category: r.category, attended: r.presence === 'present' })));
}

/** Where the expected members come from, in words for the sign-in list's heading. */
export function expectedSource(kind: MeetingKind): string {
  const source = kindInfo(kind).expected;
  return source === 'committee' ? '支部委员（支部信息中的委员）' : source === 'group' ? '所选党小组在会议当日的党员' : '会议当日名册上的全体党员';
}
