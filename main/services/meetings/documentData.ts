/**
 * The meeting documents from the records: a meeting (or one version of it from its history) or a talk read through the
 * core services and handed to the builders of ./documents as their plain inputs, and the Word files written from them.
 */
import type { DocumentPreview, ExportedFile } from '../../../shared/contract/rosterFiles';
import type { MeetingDetail, Talk } from '../../../shared/contract/meetings';
import { AppError } from '../../../shared/contract/errors';
import type { PrintDocument } from '../../../shared/documents/model';
import { localToday } from '../../../shared/domain/dates';
import { kindInfo, kindLabel, TALK_KIND_LABELS, VOTE_METHOD_LABELS, type MeetingKind } from '../../../shared/domain/meetings';
import type { Sqlite } from '../../db/query';
import { renderDocx } from '../../documents';
import { getBranch, requireBranchId } from '../branch/branch';
import { listGroups } from '../roster/groups';
import { attachmentFiles } from './attachments';
import { meetingHistory } from './meetings';
import { expectedFor, getMeeting, rosterOnDate } from './records';
import { getTalk } from './talks';
import {
  buildMinutesDocument,
  buildNoticeDocument,
  buildSignInDocument,
  buildTalkDocument,
  type AttachmentInput,
  type MinutesInput,
  type NoticeInput,
  type SignInMember,
} from './documents';

/** The header block's 会议类型: the full name, and the kinds it also counts as. */
const FULL_KIND: Partial<Record<MeetingKind, string>> = { committee: '支部委员会会议' };

/** The line under the branch in a record's title: <title>会议记录, 党课记录, 主题党日活动记录. */
const RECORD_SUFFIX: Partial<Record<MeetingKind, string>> = { lecture: '记录', themeDay: '活动记录' };

function branchOf(db: Sqlite) {
  const branch = getBranch(db, requireBranchId(db));
  if (!branch) throw new AppError('E_NO_BRANCH', '尚未建立支部信息');
  return branch;
}

/** How the branch signs a record of this kind: a 支委会 is the 支部委员会's own (中共…支部 → 中共…支部委员会). */
function signingName(name: string, kind: MeetingKind): string {
  return kind === 'committee' && /支部$/.test(name) ? `${name}委员会` : name;
}

function kindLine(m: Pick<MeetingDetail, 'kind' | 'alsoCounts' | 'groupName'>): string {
  const own = (FULL_KIND[m.kind] ?? kindLabel(m.kind)) + (m.kind === 'groupMeeting' && m.groupName ? `（${m.groupName}）` : '');
  const also = m.alsoCounts.map(kindLabel);
  return `${own}${also.length ? `（同时为${also.join('、')}）` : ''}`;
}

/**
 * A party group meeting's title names its group (2026年第3次钻井一班党小组会): the printed title sets the group on a
 * line of its own, so the heading under it says 党小组会.
 */
function groupParts(m: Pick<MeetingDetail, 'kind' | 'title' | 'groupName'>): { groupName: string | null; title: string } {
  if (m.kind !== 'groupMeeting' || !m.groupName) return { groupName: null, title: m.title };
  return { groupName: m.groupName, title: m.title.replace(`${m.groupName}会`, '党小组会') };
}

export function recordHeading(title: string, kind: MeetingKind): string {
  if (/记录$/.test(title)) return title;
  return `${title}${RECORD_SUFFIX[kind] ?? '会议记录'}`;
}

/** 事假（家中老人住院）; 其他 with a note is the note alone. */
function absenceText(reason: string, note: string): string {
  if (!note) return reason || '未说明原因';
  if (!reason || reason === '其他') return note;
  return `${reason}：${note}`;
}

function attachmentsFor(db: Sqlite, meetingId: string): AttachmentInput[] {
  return attachmentFiles(db, meetingId).map(({ info, data }) => ({ name: info.caption || info.fileName, mimeType: info.mimeType, data }));
}

/** The minutes' input from a meeting as stored (or as one version of its history). */
export function minutesInput(db: Sqlite, m: MeetingDetail, version: { number: number; date: string | null; reason: string }): MinutesInput {
  const branch = branchOf(db);
  const post = (memberId: string | null, name: string) => branch.officers.find((o) => (memberId && o.memberId === memberId) || o.name === name)?.role ?? null;
  const voting = m.kind === 'committee' ? { expected: m.counts.expected, present: m.counts.present } : { expected: m.counts.expectedVoting, present: m.counts.presentVoting };
  return {
    branchName: signingName(branch.name, m.kind),
    kindLabel: kindLine(m),
    heading: recordHeading(groupParts(m).title, m.kind),
    groupName: groupParts(m).groupName,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    host: { name: m.hostName || '（未填写）', post: m.hostName ? post(m.hostMemberId, m.hostName) : null },
    recorder: { name: m.recorderName || '（未填写）', post: m.recorderName ? post(m.recorderMemberId, m.recorderName) : null },
    expected: m.counts.expected,
    present: m.counts.present,
    absentees: m.attendance.filter((a) => !a.attended).map((a) => ({ name: a.name, reason: absenceText(a.absenceReason, a.absenceNote) })),
    guests: m.guests.map((g) => ({ name: g.name, note: g.unit })),
    topics: m.topics,
    lecturer: m.lecturer || null,
    classHours: m.classHours,
    content: m.content,
    speeches: m.speeches.map((s) => ({ speaker: s.speaker, text: s.text })),
    resolutions: m.resolutions.map((r) => ({
      text: r.text,
      responsible: r.responsible,
      deadline: r.deadline || null,
      vote:
        r.vote.method === 'none' || !r.result
          ? null
          : {
              method: VOTE_METHOD_LABELS[r.vote.method],
              votingExpected: voting.expected,
              votingPresent: voting.present,
              for: r.vote.for,
              against: r.vote.against,
              abstain: r.vote.abstain,
              valid: r.result.valid,
              passed: r.result.passed,
            },
    })),
    status: m.status,
    version: { number: version.number, date: version.date, reason: version.reason },
    attachments: attachmentsFor(db, m.id),
  };
}

/** The minutes of meeting `id`: as it stands, or version `version` from its history. */
export function minutesDocument(db: Sqlite, id: string, version?: number | null): PrintDocument {
  const current = getMeeting(db, id);
  if (!version || version === current.version) {
    const date = current.version > 1 && current.finalizedAt ? localToday(new Date(current.finalizedAt)) : null;
    return buildMinutesDocument(minutesInput(db, current, { number: current.version, date, reason: current.amendReason }));
  }
  const found = meetingHistory(db, id).find((v) => v.version === version);
  if (!found) throw new AppError('E_NOT_FOUND', `这份会议记录没有第${version}版`, [{ field: 'version', message: `没有第${version}版` }]);
  const date = found.version > 1 && found.finalizedAt ? localToday(new Date(found.finalizedAt)) : null;
  return buildMinutesDocument(minutesInput(db, found.meeting, { number: found.version, date, reason: found.reason }));
}

/** The members to sign: the meeting's attendance rows, or (none yet) who is expected on its date. */
function signInMembers(db: Sqlite, m: MeetingDetail): SignInMember[] {
  const branchId = requireBranchId(db);
  const groups = new Map(listGroups(db, branchId).map((g) => [g.id, g.name]));
  const groupOf = new Map(rosterOnDate(db, branchId, m.date).map((r) => [r.id, r.partyGroupId ? (groups.get(r.partyGroupId) ?? '') : '']));
  const officers = branchOf(db).officers;
  // The committee's posts (书记, 组织委员 …) in 备注 on a 支委会's sheet.
  const role = (memberId: string | null, name: string) =>
    m.kind === 'committee' ? (officers.find((o) => (memberId && o.memberId === memberId) || o.name === name)?.role ?? '') : '';
  const people = m.attendance.length
    ? m.attendance.map((a) => ({ memberId: a.memberId, name: a.name, category: a.category, role: role(a.memberId, a.name) }))
    : expectedFor(db, branchId, m.kind, m.date, m.groupId);
  return people.map((p) => ({
    name: p.name,
    groupName: p.memberId ? (groupOf.get(p.memberId) ?? '') : '',
    remark: [p.role, p.category === '预备党员' ? '预备党员' : ''].filter(Boolean).join('，'),
  }));
}

export function signInDocument(db: Sqlite, id: string): PrintDocument {
  const m = getMeeting(db, id);
  return buildSignInDocument({
    branchName: signingName(branchOf(db).name, m.kind),
    heading: groupParts(m).title,
    groupName: groupParts(m).groupName,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place || '（待定）',
    members: signInMembers(db, m),
    guests: m.guests.map((g) => ({ name: g.name, note: g.unit })),
  });
}

export interface NoticeOptions {
  id: string;
  audience?: string | null;
  attendees?: string | null;
  requirements?: readonly string[] | null;
  noticeDate?: string | null;
}

const AUDIENCE: Record<'roster' | 'group' | 'committee', string> = { roster: '各党小组、全体党员', group: '本小组全体党员', committee: '各位支部委员' };
const ATTENDEES: Record<'roster' | 'group' | 'committee', string> = { roster: '支部全体党员', group: '本小组全体党员', committee: '支部委员会全体委员' };

/** What the notice says unless the secretary changes it: to whom, who attends, the requirements, today's date. */
export function noticeInput(db: Sqlite, o: NoticeOptions, today = localToday()): NoticeInput {
  const m = getMeeting(db, o.id);
  const expected = kindInfo(m.kind).expected;
  const group = m.groupName ?? '';
  return {
    branchName: signingName(branchOf(db).name, m.kind),
    heading: m.title,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place || '另行通知',
    audience: o.audience?.trim() || (expected === 'group' && group ? `${group}全体党员` : AUDIENCE[expected]),
    attendees: o.attendees?.trim() || (expected === 'group' && group ? `${group}全体党员` : ATTENDEES[expected]),
    guests: m.guests.map((g) => (g.unit ? `${g.unit}${g.name}同志` : `${g.name}同志`)).join('、') || null,
    topics: m.topics,
    requirements: [...(o.requirements ?? [])],
    noticeDate: o.noticeDate || today,
  };
}

export function noticeDocument(db: Sqlite, o: NoticeOptions): PrintDocument {
  return buildNoticeDocument(noticeInput(db, o));
}

export function talkDocument(db: Sqlite, id: string): PrintDocument {
  const t: Talk = getTalk(db, id);
  return buildTalkDocument({
    branchName: branchOf(db).name,
    kind: t.kind,
    date: t.date,
    place: t.place,
    form: t.form,
    talkers: t.talkerNames,
    subject: t.personUnit ? `${t.personLabel}（${t.personUnit}）` : t.personLabel,
    familyMet: t.familyMet,
    trigger: t.trigger,
    topic: t.topic,
    summary: t.summary,
    problems: t.problems,
    help: t.help,
    outcome: t.outcome,
    followUpDate: t.followUpDate || null,
    resolved: t.resolved,
    fileStem: `${TALK_KIND_LABELS[t.kind]}记录-${t.personLabel}-${t.date}`.replace(/[\\/:*?"<>|\s]/g, ''),
  });
}

export function preview(document: PrintDocument): DocumentPreview {
  return { document };
}

export async function exportWord(document: PrintDocument): Promise<ExportedFile> {
  return { fileName: `${document.fileStem}.docx`, data: (await renderDocx(document)).toString('base64') };
}
