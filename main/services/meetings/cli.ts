/** `meeting list`, `meeting add` and `talk list`: meeting records and talks through the same services and checks as the app. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, validationError } from '../../../shared/contract/errors';
import type { MeetingSummary, Talk } from '../../../shared/contract/meetings';
import {
  ABSENCE_REASONS,
  kindFromText,
  kindLabel,
  MEETING_FIELD_LABELS,
  MEETING_KINDS,
  MEETING_STATUS_LABELS,
  meetingFieldsSchema,
  TALK_KIND_LABELS,
  VOTE_METHOD_LABELS,
  type Attendance,
  type MeetingFields,
  type MeetingKind,
  type VoteMethod,
} from '../../../shared/domain/meetings';
import { integerOption, optionalString, requiredString, UsageError } from '../../cli/args';
import type { CliCommand } from '../../cli/command';
import { formatTable } from '../../cli/output';
import { all, qb, type Sqlite } from '../../db/query';
import { requireBranchId } from '../branch/branch';
import { listGroups } from '../roster/groups';
import { saveAndFinalizeMeeting, saveMeeting } from './meetings';
import { expectedFor, listMeetings } from './records';
import { listTalks } from './talks';

// ---------------------------------------------------------------------------------------------------------
// meeting list

/** A meeting as `meeting list --json` prints it: the kind by its Chinese name (支部党员大会 …). */
export function meetingJson(m: MeetingSummary) {
  return {
    id: m.id,
    type: kindLabel(m.kind),
    alsoCounts: m.alsoCounts.map(kindLabel),
    partyGroup: m.groupName,
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    host: m.hostName,
    status: m.status,
    version: m.version,
    expected: m.expected,
    present: m.present,
    attachments: m.attachmentCount,
  };
}

interface MeetingListOptions {
  year: number | null;
  kind: MeetingKind | null;
  status: 'draft' | 'final' | null;
}

function kindOption(text: string | null, command: CliCommand): MeetingKind | null {
  if (text === null) return null;
  const kind = kindFromText(text);
  if (!kind) throw new UsageError(`选项 --type 应为 ${MEETING_KINDS.map((k) => k.label).join('、')} 之一`, command);
  return kind;
}

export const meetingListCommand: CliCommand<MeetingListOptions> = {
  path: ['meeting', 'list'],
  summary: '列出三会一课会议记录（新的在前）',
  usage: '[--year 年份] [--type 会议类型] [--status draft|final]',
  details: [
    '--year 年份      只列出这一年的会议，如 2026',
    `--type 会议类型   ${MEETING_KINDS.map((k) => k.label).join('、')}（也列出同时计为这一类型的会议）`,
    '--status         draft：草稿；final：已定稿',
    '加 --json 时每项有 type（会议类型）、date、status、expected（应到）、present（实到）等字段。',
  ],
  options: { year: { type: 'string' }, type: { type: 'string' }, status: { type: 'string' } },
  database: 'existing',
  prepare({ values }) {
    const command = meetingListCommand;
    const year = values.year === undefined ? null : integerOption(values, 'year', command);
    if (year !== null && (year < 1921 || year > 2200)) throw new UsageError('选项 --year 应为 1921 到 2200 之间的年份', command);
    const status = optionalString(values, 'status', command);
    if (status !== null && status !== 'draft' && status !== 'final') throw new UsageError('选项 --status 应为 draft 或 final', command);
    return { year, kind: kindOption(optionalString(values, 'type', command), command), status };
  },
  run({ options, ctx }) {
    const db = ctx!.db;
    const meetings = listMeetings(db, requireBranchId(db), options);
    const text =
      meetings.length === 0
        ? `没有${options.year ? `${options.year}年的` : ''}会议记录。`
        : `${formatTable(
            ['序号', '日期', '会议类型', '会议名称', '主持人', '应到', '实到', '状态'],
            meetings.map((m, i) => [
              String(i + 1), m.date, kindLabel(m.kind), m.title, m.hostName, String(m.expected), String(m.present),
              m.status === 'final' && m.version > 1 ? `已定稿（第 ${m.version} 版）` : MEETING_STATUS_LABELS[m.status],
            ]),
          )}\n\n共 ${meetings.length} 次会议。`;
    return { data: meetings.map(meetingJson), text };
  },
};

// ---------------------------------------------------------------------------------------------------------
// meeting add

const VOTE_METHOD_BY_LABEL: Record<string, VoteMethod> = { 举手: 'show', 举手表决: 'show', 无记名投票: 'secret', 投票: 'secret', 不表决: 'none', show: 'show', secret: 'secret', none: 'none' };

const ref = z.string().trim().min(1).max(60);
const meetingFileSchema = z.object({
  type: z.string({ error: '请填写会议类型（type）' }),
  partyGroup: z.string().trim().max(30).nullish(),
  alsoCounts: z.array(z.string()).max(5).default([]),
  title: z.string().max(80).default(''),
  date: z.string({ error: '请填写会议日期（date）' }),
  startTime: z.string().default(''),
  endTime: z.string().default(''),
  place: z.string().default(''),
  host: ref.nullish(),
  recorder: ref.nullish(),
  lecturer: z.string().default(''),
  classHours: z.number().default(0),
  attendees: z.array(ref).max(500).default([]),
  absentees: z.array(z.object({ memberId: ref, reason: z.string().default('其他'), note: z.string().default('') })).max(500).default([]),
  guests: z.array(z.union([z.string(), z.object({ name: z.string(), unit: z.string().default('') })])).max(50).default([]),
  topics: z.array(z.string()).max(30).default([]),
  content: z.string().default(''),
  speeches: z.array(z.object({ speaker: z.string(), text: z.string() })).max(100).default([]),
  resolutions: z
    .array(
      z.union([
        z.string(),
        z.object({
          text: z.string(),
          responsible: z.string().default(''),
          deadline: z.string().default(''),
          vote: z.object({ method: z.string().default('举手'), for: z.number().default(0), against: z.number().default(0), abstain: z.number().default(0) }).nullish(),
        }),
      ]),
    )
    .max(50)
    .default([]),
  final: z.boolean().default(false),
});
type MeetingFile = z.output<typeof meetingFileSchema>;

function readMeetingFile(file: string): MeetingFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('E_NOT_FOUND', `无法读取选项 --file 指定的文件：${path.resolve(file)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AppError('E_VALIDATION', `选项 --file 指定的文件不是有效的 JSON：${(e as Error).message}`, [{ field: 'file', message: '不是有效的 JSON' }]);
  }
  const parsed = meetingFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '(文件)';
    const message = /^[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不正确';
    throw new AppError('E_VALIDATION', `选项 --file 指定的文件中 ${where}：${message}`, [{ field: where, message }]);
  }
  return parsed.data;
}

/** A member named by id or by name (unique on the roster). */
function memberRef(db: Sqlite, branchId: string, text: string, field: string): { id: string; name: string } {
  const rows = all(db, qb.selectFrom('members').select(['id', 'name']).where('branch_id', '=', branchId).where('deleted_at', 'is', null).where((eb) => eb.or([eb('id', '=', text), eb('name', '=', text)])));
  if (rows.length === 1) return rows[0]!;
  const message = rows.length === 0 ? `名册中没有“${text}”` : `名册中有 ${rows.length} 名“${text}”，请写党员编号`;
  throw validationError([{ field, message }], { ...MEETING_FIELD_LABELS, attendees: '出席人员', absentees: '缺席人员' });
}

/**
 * The file's attendance against those expected on the date: each expected member must be listed as present or
 * absent (with a reason), and no one else.
 */
function attendanceFromFile(db: Sqlite, branchId: string, f: MeetingFile, kind: MeetingKind, groupId: string | null): Attendance[] {
  const labels = { ...MEETING_FIELD_LABELS, attendees: '出席人员', absentees: '缺席人员' };
  const present = new Set(f.attendees.map((a, i) => memberRef(db, branchId, a, `attendees.${i}`).id));
  const absent = new Map(f.absentees.map((a, i) => [memberRef(db, branchId, a.memberId, `absentees.${i}`).id, a]));
  const expected = expectedFor(db, branchId, kind, f.date, groupId);
  const expectedIds = new Set(expected.map((e) => e.memberId));
  const unexpected = [...present, ...absent.keys()].filter((id) => !expectedIds.has(id));
  if (unexpected.length) {
    const names = all(db, qb.selectFrom('members').select('name').where('id', 'in', unexpected)).map((r) => r.name);
    throw validationError([{ field: 'attendees', message: `${names.join('、')}不在这次会议的应到人员中（${f.date} 的名册${kind === 'groupMeeting' ? '、本党小组' : ''}）` }], labels);
  }
  const missing = expected.filter((e) => e.memberId && !present.has(e.memberId) && !absent.has(e.memberId));
  if (missing.length) {
    throw validationError([{ field: 'attendees', message: `应到人员中${missing.map((m) => m.name).join('、')}既未列为出席，也未列为缺席` }], labels);
  }
  return expected.map((e) => {
    const away = e.memberId ? absent.get(e.memberId) : undefined;
    const reason = away && (ABSENCE_REASONS as readonly string[]).includes(away.reason) ? (away.reason as Attendance['absenceReason']) : '其他';
    return {
      memberId: e.memberId, name: e.name, category: e.category, attended: !away && (e.memberId ? present.has(e.memberId) : true),
      absenceReason: away ? reason : '', absenceNote: away ? (reason === '其他' && away.reason !== '其他' ? away.reason : away.note) : '',
    };
  });
}

function fieldsFromFile(db: Sqlite, branchId: string, f: MeetingFile): MeetingFields {
  const kind = kindFromText(f.type);
  if (!kind) throw validationError([{ field: 'kind', message: `应为${MEETING_KINDS.map((k) => k.label).join('、')}之一，不是“${f.type}”` }], MEETING_FIELD_LABELS);
  let groupId: string | null = null;
  if (f.partyGroup) {
    const group = listGroups(db, branchId).find((g) => g.name === f.partyGroup || g.id === f.partyGroup);
    if (!group) throw validationError([{ field: 'groupId', message: `没有名为“${f.partyGroup}”的党小组` }], MEETING_FIELD_LABELS);
    groupId = group.id;
  }
  const host = f.host ? memberRef(db, branchId, f.host, 'hostMemberId') : null;
  const recorder = f.recorder ? memberRef(db, branchId, f.recorder, 'recorderMemberId') : null;
  const parsed = meetingFieldsSchema.safeParse({
    kind,
    groupId,
    alsoCounts: f.alsoCounts.map((k) => kindFromText(k) ?? k),
    title: f.title,
    date: f.date,
    startTime: f.startTime,
    endTime: f.endTime,
    place: f.place,
    hostMemberId: host?.id ?? null,
    recorderMemberId: recorder?.id ?? null,
    lecturer: f.lecturer,
    classHours: f.classHours,
    topics: f.topics,
    content: f.content,
    speeches: f.speeches,
    resolutions: f.resolutions.map((r) =>
      typeof r === 'string'
        ? { text: r }
        : { ...r, vote: r.vote ? { ...r.vote, method: VOTE_METHOD_BY_LABEL[r.vote.method] ?? r.vote.method } : undefined },
    ),
    guests: f.guests.map((g) => (typeof g === 'string' ? { name: g } : g)),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw validationError([{ field, message: /^[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不正确' }], MEETING_FIELD_LABELS);
  }
  return { ...parsed.data, attendance: attendanceFromFile(db, branchId, f, kind, groupId) };
}

export const meetingAddCommand: CliCommand<MeetingFile> = {
  path: ['meeting', 'add'],
  summary: '从 JSON 文件添加一次会议记录（与界面相同的检查；"final": true 时同时定稿）',
  usage: '--file 会议.json',
  details: [
    '--file 文件   一个 JSON 对象，例如：',
    '  {"type": "支部党员大会", "date": "2026-03-12", "startTime": "09:00", "endTime": "10:30", "place": "井队会议室",',
    '   "host": "<党员编号或姓名>", "recorder": "<党员编号或姓名>", "attendees": ["<党员编号>", …],',
    '   "absentees": [{"memberId": "<党员编号>", "reason": "病假"}], "topics": ["…"], "content": "…",',
    '   "resolutions": ["…" 或 {"text": "…", "vote": {"method": "举手", "for": 20, "against": 0, "abstain": 1}}], "final": true}',
    `  type：${MEETING_KINDS.map((k) => k.label).join('、')}；党小组会另填 "partyGroup": "党小组名称"`,
    `  应到人员（会议当日的名册、党小组或支委）每人须列为出席或缺席；缺席原因：${ABSENCE_REASONS.join('、')}`,
    `  表决方式：${Object.values(VOTE_METHOD_LABELS).join('、')}；定稿时检查到会人数和表决是否有效`,
  ],
  options: { file: { type: 'string' } },
  database: 'existing',
  prepare({ values }) {
    return readMeetingFile(requiredString(values, 'file', meetingAddCommand));
  },
  run({ options: file, ctx }) {
    const db = ctx!.db;
    const branchId = requireBranchId(db);
    // One transaction: a record that fails 定稿 is not left behind as a draft.
    const fields = fieldsFromFile(db, branchId, file);
    const meeting = file.final ? saveAndFinalizeMeeting(db, { fields }) : saveMeeting(db, { fields });
    const status = meeting.status === 'final' ? '已定稿' : '草稿';
    return {
      data: { id: meeting.id, type: kindLabel(meeting.kind), title: meeting.title, date: meeting.date, status: meeting.status, expected: meeting.counts.expected, present: meeting.counts.present },
      text: `已添加“${meeting.title}”（${meeting.date}，${status}）：应到 ${meeting.counts.expected} 人，实到 ${meeting.counts.present} 人。`,
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// talk list

export function talkJson(t: Talk) {
  return {
    id: t.id, type: TALK_KIND_LABELS[t.kind], date: t.date, form: t.form, talkers: t.talkerNames, memberId: t.memberId, person: t.personName,
    trigger: t.trigger, topic: t.topic, summary: t.summary, followUpDate: t.followUpDate || null, resolved: t.resolved,
  };
}

export const talkListCommand: CliCommand<{ year: number | null }> = {
  path: ['talk', 'list'],
  summary: '列出谈心谈话和家访记录（新的在前）',
  usage: '[--year 年份]',
  details: ['--year 年份   只列出这一年的谈话，如 2026'],
  options: { year: { type: 'string' } },
  database: 'existing',
  prepare({ values }) {
    return { year: values.year === undefined ? null : integerOption(values, 'year', talkListCommand) };
  },
  run({ options, ctx }) {
    const db = ctx!.db;
    const talks = listTalks(db, requireBranchId(db), options);
    const text =
      talks.length === 0
        ? `没有${options.year ? `${options.year}年的` : ''}谈话记录。`
        : `${formatTable(
            ['序号', '日期', '类型', '谈话对象', '谈话人', '起因', '是否解决'],
            talks.map((t, i) => [String(i + 1), t.date, TALK_KIND_LABELS[t.kind], t.personName, t.talkerNames.join('、'), t.trigger, t.resolved ? '是' : '否']),
          )}\n\n共 ${talks.length} 次。`;
    return { data: talks.map(talkJson), text };
  },
};

export const meetingsCliCommands: readonly CliCommand<any>[] = [meetingListCommand, meetingAddCommand, talkListCommand];
