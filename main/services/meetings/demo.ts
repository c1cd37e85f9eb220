/**
 * 三会一课 and talks of the demo seeder: from 1 January of last year to today, meetings of every kind with their
 * attendance (as the roster stood on each date), some months deliberately missing (the calendar shows them),
 * drafts (one still to come), an amended record, sign-in sheet photos, and talks and home visits.
 * Everything is written through the services, so every record passes the rules.
 */
import zlib from 'node:zlib';
import { AppError } from '../../../shared/contract/errors';
import { addDays } from '../../../shared/domain/dates';
import type { Member } from '../../../shared/domain/member';
import {
  expectedMembers,
  meetingFieldsSchema,
  talkFieldsSchema,
  type Attendance,
  type CommitteeMember,
  type MeetingKind,
  type TalkKind,
  type TalkTrigger,
} from '../../../shared/domain/meetings';
import type { Sqlite } from '../../db/query';
import { getLocalBranch } from '../branch/branch';
import { crewTeams } from '../demo/crew';
import { createRng, type Rng } from '../demo/random';
import type { DemoCapability, DemoCounts, DemoPlan, DemoState } from '../demo/types';
import { listGroups } from '../roster/groups';
import { addAttachment } from './attachments';
import { amendMeeting, finalizeMeeting, saveMeeting } from './meetings';
import { rosterAt, rosterHistory, type RosterHistory } from '../roster/asOf';
import { saveTalk } from './talks';
import { reportPeriod, type ReportKind } from '../../../shared/domain/memberReports';
import { reportsDueNow, saveReport } from './reports';

/** A real branch has at most ~50 members (domain.md 1.7); the demo default is 200 and larger rosters exist for the roster's performance: meetings are seeded up to 1000 (each branch-wide meeting lists the whole roster). */
export const MEETINGS_DEMO_MAX_MEMBERS = 1000;

interface MeetingSlot {
  kind: MeetingKind;
  date: string;
  groupIndex: number | null;
  alsoCounts: MeetingKind[];
  draft: boolean;
  startTime: string;
  endTime: string;
  /** Random numbers for the content and the absences, drawn in prepare. */
  pick: number;
  absence: number[];
  amend: boolean;
  photo: boolean;
}

interface TalkSlot {
  kind: TalkKind;
  date: string;
  trigger: TalkTrigger;
  /** Index into the active members; null: a visit to a worker's family. */
  memberPick: number | null;
  pick: number;
  resolved: boolean;
}

export interface PreparedMeetings {
  meetings: MeetingSlot[];
  talks: TalkSlot[];
}

// ---------------------------------------------------------------------------------------------------------
// What is said

const TOPICS: Record<MeetingKind, string[][]> = {
  committee: [
    ['研究本月党建工作安排', '讨论确定入党积极分子培养联系人'],
    ['传达公司党委会议精神', '研究井控安全专项检查中党员责任区工作'],
    ['研究党费收缴情况', '讨论困难职工帮扶名单'],
    ['研究主题党日活动方案', '分析班组思想动态'],
  ],
  memberMeeting: [
    ['传达学习上级党委文件精神', '讨论接收预备党员'],
    ['通报上半年支部工作', '表决党员先锋岗评选结果'],
    ['学习党章和支部工作条例', '讨论预备党员转正'],
  ],
  groupMeeting: [
    ['学习党的创新理论', '交流本班组安全生产情况'],
    ['开展谈心谈话', '讨论班组“党员身边无事故”活动'],
    ['学习公司安全生产规定', '党员作用发挥情况交流'],
  ],
  lecture: [
    ['党课：传承石油精神，争做新时代石油工人'],
    ['党课：严守纪律规矩，筑牢井场安全防线'],
    ['党课：学习党章，做合格党员'],
  ],
  themeDay: [
    ['重温入党誓词', '开展“党员先锋岗”井场安全隐患排查'],
    ['集中学习', '志愿服务：井场周边环境整治'],
    ['交纳党费', '观看警示教育片并交流'],
  ],
  lifeMeeting: [['书记通报支部班子对照检查情况', '党员逐一开展批评和自我批评', '民主评议党员']],
};

const CONTENT: Record<MeetingKind, string> = {
  committee: '书记主持会议，传达上级党委工作部署，支委逐项研究议题，形成决定，明确责任人和完成时限。',
  memberMeeting: '书记主持会议并讲话，通报支部近期工作，组织党员学习有关文件，按议程进行讨论和表决。',
  groupMeeting: '党小组长组织学习，结合本班组生产任务交流思想和工作情况，党员逐一发言。',
  lecture: '讲课人围绕主题讲授党课，结合钻井生产实际，引导党员在急难险重任务中发挥先锋模范作用。',
  themeDay: '全体党员参加主题党日活动，按活动方案完成学习、交流和实践环节。',
  lifeMeeting: '会前开展谈心谈话、征求意见；会上书记代表支委会对照检查，党员逐一发言，开展批评和自我批评，会后制定整改措施。',
};

const SPEECHES = [
  '结合井队搬迁安装任务，党员要在关键岗位带头，确保安全。',
  '本班组近期设备检修任务重，党员主动加班，起到了带头作用。',
  '建议在主题党日中增加井控技能比武内容。',
  '要加强对新入职员工的思想引导，做好传帮带。',
];

const TALK_SUMMARIES: Record<TalkTrigger, string> = {
  日常: '了解近期工作和思想情况，交流对支部工作的意见建议。',
  岗位变动: '调整岗位后思想稳定，表示尽快熟悉新岗位工作。',
  受到表彰: '勉励其戒骄戒躁，继续发挥党员先锋模范作用。',
  家庭困难或生病: '了解家属病情和家庭实际困难，转达组织关心。',
  犯错误或受处分: '帮助其认识错误原因，提出改进要求。',
  发生矛盾: '了解与班组同事之间的矛盾起因，做好疏导化解。',
  政治生日: '在入党纪念日重温入党初心，赠送政治生日贺卡。',
  其他: '交流思想和工作情况。',
};

const VISITED_FAMILIES = ['井架工张师傅家属', '司机王师傅家属', '泥浆工刘师傅家属', '场地工陈师傅家属'];

// ---------------------------------------------------------------------------------------------------------
// The schedule (pure)

const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/**
 * Months (1–12) with no meeting of a kind, by year offset (0 = last year, 1 = this year): the gaps the calendar must show.
 * 党小组会 of the first group only; 党课 by quarter.
 */
const GAPS = {
  committee: [[7, 8], [2]],
  themeDay: [[2], []],
  groupMeeting: [[5], [1]],
  lectureQuarters: [[3], []],
} as const;

function slot(rng: Rng, kind: MeetingKind, date: string, extra: Partial<MeetingSlot> = {}): MeetingSlot {
  const start = kind === 'lecture' || kind === 'themeDay' ? rng.pick(['14:00', '14:30', '15:00']) : rng.pick(['08:30', '09:00', '19:00']);
  const [h, m] = start.split(':').map(Number) as [number, number];
  const end = `${pad(h + (kind === 'lifeMeeting' ? 3 : kind === 'groupMeeting' ? 1 : 2))}:${pad(m)}`;
  return {
    kind, date, groupIndex: null, alsoCounts: [], draft: false, startTime: start, endTime: end,
    pick: rng.int(0, 1000), absence: Array.from({ length: 8 }, () => rng.next()), amend: false, photo: rng.chance(0.25), ...extra,
  };
}

function schedule(rng: Rng, plan: DemoPlan): MeetingSlot[] {
  const thisYear = Number(plan.today.slice(0, 4));
  const groups = crewTeams(plan.members).length;
  const slots: MeetingSlot[] = [];
  for (const [offset, year] of [[0, thisYear - 1], [1, thisYear]] as const) {
    for (let month = 1; month <= 12; month++) {
      const quarterMonth = (month - 1) % 3;
      if (!(GAPS.committee[offset] as readonly number[]).includes(month)) slots.push(slot(rng, 'committee', dateIn(year, month, rng.int(3, 8))));
      // The quarter's 党员大会 is held on its theme day (and counts as both) every other quarter.
      const themeDay = dateIn(year, month, rng.int(10, 12));
      const meetingOnThemeDay = quarterMonth === 1 && month % 2 === 1;
      if (quarterMonth === 1) slots.push(slot(rng, 'memberMeeting', meetingOnThemeDay ? themeDay : dateIn(year, month, rng.int(18, 22)), meetingOnThemeDay ? { alsoCounts: ['themeDay'] } : {}));
      if (!meetingOnThemeDay && !(GAPS.themeDay[offset] as readonly number[]).includes(month)) slots.push(slot(rng, 'themeDay', themeDay));
      for (let g = 0; g < groups; g++) {
        if (g === 0 && (GAPS.groupMeeting[offset] as readonly number[]).includes(month)) continue;
        slots.push(slot(rng, 'groupMeeting', dateIn(year, month, rng.int(14, 20)), { groupIndex: g }));
      }
      const quarter = Math.ceil(month / 3);
      if (quarterMonth === 2 && !(GAPS.lectureQuarters[offset] as readonly number[]).includes(quarter)) slots.push(slot(rng, 'lecture', dateIn(year, month, rng.int(22, 26))));
    }
  }
  // Last year's 组织生活会, held as a 党员大会 in December.
  slots.push(slot(rng, 'lifeMeeting', dateIn(thisYear - 1, 12, 28), { alsoCounts: ['memberMeeting'] }));
  const past = slots.filter((s) => s.date <= plan.today).sort((a, b) => a.date.localeCompare(b.date));
  // The latest meetings are still drafts, as is one planned for next week (its sign-in sheet is printed beforehand).
  past.slice(-2).forEach((s) => (s.draft = true));
  const amended = past.filter((s) => s.kind === 'committee' && !s.draft).at(-3);
  if (amended) amended.amend = true;
  return [...past, slot(rng, 'memberMeeting', addDays(plan.today, 6), { draft: true, photo: false })];
}

function talkSchedule(rng: Rng, plan: DemoPlan): TalkSlot[] {
  const thisYear = Number(plan.today.slice(0, 4));
  const talks: TalkSlot[] = [];
  const triggers: TalkTrigger[] = ['日常', '日常', '日常', '岗位变动', '受到表彰', '家庭困难或生病', '发生矛盾', '政治生日'];
  // Last year most members were talked with; this year, so far, about half.
  for (const [year, share] of [[thisYear - 1, 0.85], [thisYear, 0.45]] as const) {
    const end = year === thisYear ? plan.today : `${year}-12-31`;
    const days = Math.max(1, Math.round((Date.parse(end) - Date.parse(`${year}-01-01`)) / 86_400_000));
    for (let i = 0; i < plan.members; i++) {
      if (!rng.chance(share)) continue;
      talks.push({ kind: rng.chance(0.1) ? 'reminder' : 'talk', date: addDays(`${year}-01-01`, rng.int(0, days - 1)), trigger: rng.pick(triggers), memberPick: i, pick: rng.int(0, 1000), resolved: rng.chance(0.8) });
    }
    for (const family of VISITED_FAMILIES.slice(0, year === thisYear ? 2 : 4)) {
      talks.push({ kind: 'visit', date: addDays(`${year}-01-01`, rng.int(0, days - 1)), trigger: '家庭困难或生病', memberPick: null, pick: VISITED_FAMILIES.indexOf(family), resolved: rng.chance(0.5) });
    }
  }
  return talks.filter((t) => t.date <= plan.today).sort((a, b) => a.date.localeCompare(b.date));
}

// ---------------------------------------------------------------------------------------------------------
// A sign-in sheet "photo": a small real PNG (grey lines on white), so the minutes can show it as a figure.

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function signInSheetPng(width = 240, height = 160): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1, 0xf8);
    row[0] = 0; // filter: none
    const ruled = y % 16 === 0 || y === height - 1;
    for (let x = 0; x < width; x++) if (ruled || x % 60 === 0 || x === width - 1) row[x + 1] = 0x60;
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const ABSENCE: Attendance['absenceReason'][] = ['公差', '公差', '病假', '事假'];

/** Most expected members attend; mobile members (外出) are away on duty; a few are absent with a reason. The committee meets in full. */
function attendanceFor(roster: Roster, s: MeetingSlot, groupId: string | null, mobile: Set<string>): Attendance[] {
  const onDate = rosterAt(roster.history, s.date).map((m) => ({ id: m.id, name: m.name, category: m.category, partyGroupId: m.partyGroupId }));
  return expectedMembers(s.kind, onDate, { groupId, committee: roster.committee }).map((e, i) => {
    const away = s.kind !== 'committee' && ((e.memberId && mobile.has(e.memberId)) || (s.absence[i % s.absence.length]! < 0.08 && i % 4 === s.pick % 4));
    return {
      memberId: e.memberId, name: e.name, category: e.category, attended: !away,
      absenceReason: away ? (e.memberId && mobile.has(e.memberId) ? '公差' : ABSENCE[i % ABSENCE.length]!) : '',
      absenceNote: away && e.memberId && mobile.has(e.memberId) ? '外出务工' : '',
    };
  });
}

function fieldsFor(s: MeetingSlot, host: Member | undefined, recorder: Member | undefined, groupId: string | null, attendance: Attendance[]) {
  const topics = TOPICS[s.kind][s.pick % TOPICS[s.kind].length]!;
  const present = attendance.filter((a) => a.attended);
  const presentVoting = present.filter((a) => a.category === '正式党员').length;
  const voted = s.kind === 'memberMeeting' || s.kind === 'committee';
  const resolutions = voted
    ? [{
        text: s.kind === 'committee' ? `同意${topics[1] ?? topics[0]}的安排` : `通过：${topics.at(-1)}`,
        responsible: recorder?.name ?? '',
        deadline: addDays(s.date, 30),
        vote: { method: 'show' as const, for: s.kind === 'committee' ? present.length : presentVoting, against: 0, abstain: 0 },
      }]
    : [];
  const speakers = present.slice(0, 3);
  return meetingFieldsSchema.parse({
    kind: s.kind,
    groupId,
    alsoCounts: s.alsoCounts,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    place: s.kind === 'groupMeeting' ? '值班房' : s.kind === 'themeDay' ? '井场党员活动室' : '井队会议室',
    hostMemberId: host?.id ?? null,
    recorderMemberId: recorder?.id ?? null,
    lecturer: s.kind === 'lecture' ? (host?.name ?? '') : '',
    classHours: s.kind === 'lecture' ? 2 : s.kind === 'themeDay' ? 2 : s.kind === 'groupMeeting' ? 1 : 0,
    topics,
    content: CONTENT[s.kind],
    speeches: speakers.map((a, i) => ({ speaker: a.name, memberId: a.memberId, text: SPEECHES[(s.pick + i) % SPEECHES.length]! })),
    resolutions,
    guests: s.kind === 'lifeMeeting' ? [{ name: '公司党委组织部干事', unit: '上级党组织派员指导' }] : [],
    attendance,
  });
}

/** The roster's history, read once for all the meetings (records.ts expectedFor reads it per meeting). */
interface Roster {
  history: RosterHistory;
  committee: CommitteeMember[];
}

/** Runs a rule-checked write; false when the rules refuse it (an AppError), nothing of it kept. */
function tryRule(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

function writeMeetings(db: Sqlite, slots: readonly MeetingSlot[], state: DemoState, plan: DemoPlan): DemoCounts {
  const groups = listGroups(db, state.branchId);
  const byId = new Map(state.members.map((m) => [m.id, m]));
  const officers = getLocalBranch(db)?.officers ?? [];
  const officer = (role: string) => officers.find((o) => o.role === role && o.memberId)?.memberId;
  const secretary = byId.get(officer('书记') ?? '') ?? state.members[0];
  const recorder = byId.get(officer('组织委员') ?? officer('宣传委员') ?? '') ?? state.members[1] ?? secretary;
  const mobile = new Set(state.members.filter((m) => m.mobileMember).map((m) => m.id));
  const photo = signInSheetPng();
  const roster: Roster = { history: rosterHistory(db, state.branchId), committee: officers.map((o) => ({ name: o.name, role: o.role, memberId: o.memberId })) };
  let meetings = 0;
  let drafts = 0;
  let photos = 0;
  for (const s of slots) {
    const group = s.groupIndex === null ? null : groups[s.groupIndex];
    if (s.groupIndex !== null && !group) continue;
    const leader = group?.leaderMemberId ? byId.get(group.leaderMemberId) : undefined;
    const attendance = attendanceFor(roster, s, group?.id ?? null, mobile);
    if (attendance.length === 0) continue;
    // A group without a leader: the first member present chairs and records.
    const firstPresent = byId.get(attendance.find((a) => a.attended)?.memberId ?? '');
    const host = s.kind === 'groupMeeting' ? (leader ?? firstPresent ?? secretary) : secretary;
    const fields = fieldsFor(s, host, s.kind === 'groupMeeting' ? (leader ?? firstPresent ?? recorder) : recorder, group?.id ?? null, attendance);
    const saved = saveMeeting(db, { fields });
    meetings++;
    if (s.photo) {
      addAttachment(db, { meetingId: saved.id, fileName: `${saved.title}签到表.png`, data: photo.toString('base64'), caption: '签到表' });
      photos++;
    }
    if (s.draft) {
      drafts++;
      continue;
    }
    // A tiny demo roster may miss the quorum: that record stays a draft, as it would in real life.
    if (!tryRule(() => finalizeMeeting(db, saved.id, undefined, plan.today))) {
      drafts++;
      continue;
    }
    if (s.amend) {
      const note = { ...fields, content: `${fields.content}（补记：会议决定的责任人已落实到人。）` };
      amendMeeting(db, { id: saved.id, reason: '补记决议落实情况', fields: note }, plan.today);
    }
  }
  return { meetings, meetingDrafts: drafts, meetingAttachments: photos };
}

function writeTalks(db: Sqlite, slots: readonly TalkSlot[], state: DemoState, plan: DemoPlan): number {
  const active = state.members.filter((m) => m.status === '正常');
  const officers = (getLocalBranch(db)?.officers ?? []).filter((o) => o.memberId).map((o) => o.memberId!);
  if (active.length === 0 || officers.length === 0) return 0;
  let written = 0;
  for (const s of slots) {
    const member = s.memberPick === null ? null : active[s.memberPick % active.length]!;
    if (member && member.joinDate > s.date) continue;
    const talker = officers.find((id) => id !== member?.id);
    if (!talker) continue;
    const fields = talkFieldsSchema.parse({
      kind: s.kind,
      date: s.date,
      form: s.kind === 'visit' ? '上门' : s.pick % 5 === 0 ? '电话' : '当面',
      place: s.kind === 'visit' ? '职工家中' : '井队会议室',
      talkerIds: [talker],
      memberId: member?.id ?? null,
      personName: member ? '' : VISITED_FAMILIES[s.pick % VISITED_FAMILIES.length],
      familyMet: s.kind === 'visit' ? '配偶、父母' : '',
      trigger: s.kind === 'reminder' ? '其他' : s.trigger,
      topic: s.kind === 'visit' ? '走访慰问' : s.kind === 'reminder' ? '提醒谈话' : '谈心谈话',
      summary: TALK_SUMMARIES[s.kind === 'reminder' ? '其他' : s.trigger],
      problems: s.trigger === '家庭困难或生病' ? '家属住院，医疗费用负担较重' : '',
      help: s.trigger === '家庭困难或生病' ? '协调工会送去慰问金，安排轮休照顾家属' : '',
      outcome: s.resolved ? '思想稳定，问题已解决' : '持续关注',
      followUpDate: s.resolved ? '' : addDays(s.date, 30) <= plan.today ? addDays(s.date, 30) : '',
      resolved: s.resolved,
    });
    saveTalk(db, { fields }, plan.today);
    written++;
  }
  return written;
}

const REPORT_TEXTS: Record<ReportKind, { title: string; summary: string; comment: string }> = {
  thought: { title: '学习党的理论的思想汇报', summary: '本季度认真学习党章和党的创新理论，对照党员标准查找差距，在岗位上带头做好安全生产。', comment: '认识较深刻，继续加强理论学习。' },
  work: { title: '岗位工作情况汇报', summary: '本季度完成钻井进尺任务，带领班组开展隐患排查，参加井队志愿服务。', comment: '工作积极，发挥了带头作用。' },
};

/**
 * 党内汇报: the activists and probationary members report in the current and the last period of their rhythm, a few
 * only in the last one (本期待交), and one probationary member sent nothing last period (逾期未交 on the screen).
 */
function writeReports(db: Sqlite, plan: DemoPlan): number {
  const due = reportsDueNow(db, getLocalBranch(db)!.id, plan.today);
  const overdueId = due.find((r) => r.role === 'probationary' && r.since <= reportPeriod(r.frequency, plan.today, 1).to)?.id;
  let written = 0;
  due.forEach((r, i) => {
    if (r.id === overdueId) return;
    const periods = i % 3 === 1 ? [1] : [1, 0];
    for (const back of periods) {
      const p = reportPeriod(r.frequency, plan.today, back);
      const date = [p.from, r.since].reduce((a, b) => (a > b ? a : b));
      const day = addDays(date, 10 + (i % 15));
      const at = day <= p.to && day <= plan.today ? day : date;
      if (at > plan.today || at > p.to) continue;
      const kind: ReportKind = (i + back) % 2 === 0 ? 'thought' : 'work';
      const fields = { kind, date: at, memberId: r.source === 'member' ? r.id : null, applicantId: r.source === 'applicant' ? r.id : null, ...REPORT_TEXTS[kind] };
      saveReport(db, { fields }, plan.today);
      written++;
    }
  });
  return written;
}

export const meetingsDemo: DemoCapability<PreparedMeetings> = {
  key: 'meetings',
  label: '三会一课记录',
  // A few hundred small records: preparing them takes no time worth reporting or slicing.
  size: () => 0,
  *prepare(plan: DemoPlan) {
    if (plan.members > MEETINGS_DEMO_MAX_MEMBERS) return { meetings: [], talks: [] };
    const rng = createRng(plan.seed, 'meetings');
    return { meetings: schedule(rng, plan), talks: talkSchedule(rng, plan) };
  },
  write(db: Sqlite, prepared: PreparedMeetings, state: DemoState, plan: DemoPlan): DemoCounts {
    if (state.members.length === 0 || prepared.meetings.length === 0) return { meetings: 0, meetingDrafts: 0, meetingAttachments: 0, talks: 0, memberReports: 0 };
    return { ...writeMeetings(db, prepared.meetings, state, plan), talks: writeTalks(db, prepared.talks, state, plan), memberReports: writeReports(db, plan) };
  },
};
