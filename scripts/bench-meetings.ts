/**
 * `npm run bench` line: the 三会一课 台账 of a committee database — 20 branches, 5 years, about 12,000 meetings with
 * their attendance — computed through the service (branchCalendar for every branch and year), against one SQL query
 * that only counts those meetings by branch, kind and month. Median of 3 runs each.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import '../main/capabilities'; // the table registry: inserts write the change log
import { openDatabase } from '../main/db/open';
import { insertRows, newCommon } from '../main/db/rows';
import { saveBranch } from '../main/services/branch/branch';
import { generateDemoMembers } from '../main/services/demo/members';
import { createRng } from '../main/services/demo/random';
import { branchCalendar } from '../main/services/meetings/calendarService';
import type { MeetingAttendanceTable, MeetingsTable, TalksTable } from '../main/services/meetings/tables';
import { addMembers } from '../main/services/roster/members';
import { branchFieldsSchema } from '../shared/domain/branch';
import { median, type BenchRow } from './bench-row';

const TODAY = '2026-11-25';
const BRANCHES = 20;
const GROUPS_PER_BRANCH = 8;
const MEMBERS_PER_GROUP = 10;
const YEARS = [2022, 2023, 2024, 2025, 2026];

interface BenchBranch {
  id: string;
  groups: { id: string; members: { id: string; name: string }[] }[];
}

/** 20 branches (the local one and 19 taken in), 8 party groups of 10 members each. */
function committeeBranches(db: Database.Database): BenchBranch[] {
  const local = (db.prepare('SELECT id FROM branches').get() as { id: string }).id;
  const ids = [local];
  for (let i = 1; i < BRANCHES; i++) {
    const id = crypto.randomUUID();
    db.prepare(
      `INSERT INTO branches (id, branch_id, created_at, updated_at, deleted_at, rev, name, parent_committee, founded_date, address, officers_json)
       VALUES (?, ?, ?, ?, NULL, ?, ?, '', NULL, '', '[]')`,
    ).run(id, id, TODAY, TODAY, crypto.randomUUID(), `中共第${i + 1}钻井队支部委员会`);
    ids.push(id);
  }
  addMembers(db, generateDemoMembers(BRANCHES * GROUPS_PER_BRANCH * MEMBERS_PER_GROUP, 3, TODAY), { today: TODAY });
  const members = db.prepare("SELECT id, name FROM members WHERE status = '正常' ORDER BY id").all() as { id: string; name: string }[];
  const setGroup = db.prepare('UPDATE members SET branch_id = ?, party_group_id = ? WHERE id = ?');
  const addGroup = db.prepare(
    `INSERT INTO party_groups (id, branch_id, created_at, updated_at, deleted_at, rev, name, leader_member_id, sort_order) VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?)`,
  );
  let next = 0;
  // The demo's own party groups go: each branch has exactly its 8.
  db.prepare('UPDATE party_groups SET deleted_at = ?').run(TODAY);
  return db.transaction(() =>
    ids.map((id) => ({
      id,
      groups: Array.from({ length: GROUPS_PER_BRANCH }, (_, g) => {
        const groupId = crypto.randomUUID();
        addGroup.run(groupId, id, TODAY, TODAY, crypto.randomUUID(), `第${g + 1}党小组`, g);
        const own = members.slice(next, next + MEMBERS_PER_GROUP);
        next += MEMBERS_PER_GROUP;
        for (const m of own) setGroup.run(id, groupId, m.id);
        return { id: groupId, members: own };
      }),
    })),
  )();
}

/** Every required meeting of five years, about 1 in 14 left out and 1 in 30 left as a draft, with attendance and talks. */
function seedMeetings(db: Database.Database, branches: BenchBranch[]): number {
  const rng = createRng(12, 'bench-meetings');
  const meetings: MeetingsTable[] = [];
  const attendance: MeetingAttendanceTable[] = [];
  const talks: TalksTable[] = [];
  const add = (b: BenchBranch, kind: string, date: string, groupId: string | null, expected: { id: string; name: string }[]) => {
    if (date > TODAY || rng.int(1, 14) === 1) return;
    const meeting: MeetingsTable = {
      ...newCommon(b.id),
      kind,
      group_id: groupId,
      also_counts: '[]',
      title: `${date} ${kind}`,
      meeting_date: date,
      start_time: '09:00',
      end_time: '10:30',
      place: '会议室',
      host_member_id: null,
      host_name: '',
      recorder_member_id: null,
      recorder_name: '',
      lecturer: '',
      class_hours: 0,
      topics_json: '[]',
      content: '',
      speeches_json: '[]',
      resolutions_json: '[]',
      guests_json: '[]',
      status: rng.int(1, 30) === 1 ? 'draft' : 'final',
      version: 1,
      finalized_at: null,
      amend_reason: '',
    };
    meetings.push(meeting);
    expected.forEach((m, i) =>
      attendance.push({
        ...newCommon(b.id),
        meeting_id: meeting.id,
        meeting_date: date,
        member_id: m.id,
        name: m.name,
        category: '正式党员',
        attended: rng.int(1, 10) === 1 ? 0 : 1,
        absence_reason: '',
        absence_note: '',
        sort_order: i,
      }),
    );
  };
  for (const b of branches) {
    const everyone = b.groups.flatMap((g) => g.members);
    const committee = everyone.slice(0, 5);
    for (const year of YEARS) {
      for (let month = 1; month <= 12; month++) {
        const day = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        add(b, 'committee', day(5), null, committee);
        add(b, 'themeDay', day(15), null, everyone);
        for (const g of b.groups) add(b, 'groupMeeting', day(20), g.id, g.members);
        if (month % 3 === 2) {
          add(b, 'memberMeeting', day(10), null, everyone);
          add(b, 'lecture', day(12), null, everyone);
        }
        if (month === 12) add(b, 'lifeMeeting', day(18), null, everyone);
        const talkDate = day(rng.int(1, 28));
        if (talkDate <= TODAY) {
          for (const m of [rng.pick(everyone), rng.pick(everyone)]) {
            talks.push({
              ...newCommon(b.id),
              kind: 'talk',
              talk_date: talkDate,
              form: '当面',
              place: '',
              talker_ids: '[]',
              talker_names: '["书记"]',
              member_id: m.id,
              person_name: '',
              person_unit: '',
              family_met: '',
              talk_trigger: '日常',
              topic: '',
              summary: '',
              problems: '',
              help: '',
              outcome: '',
              follow_up_date: null,
              resolved: 0,
            } as TalksTable);
          }
        }
      }
    }
  }
  insertRows(db, 'meetings', meetings);
  insertRows(db, 'meeting_attendance', attendance);
  insertRows(db, 'talks', talks);
  return meetings.length;
}

/** Wall and CPU time of one run, in ms. */
function timed(run: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  const d = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (d.user + d.system) / 1000 };
}

/** The committee database of the bench: its branches and the number of meetings. */
export async function committeeDatabase(dir: string): Promise<{ db: Database.Database; branches: BenchBranch[]; count: number }> {
  const db = await openDatabase(path.join(dir, 'meetings-committee.sqlite'));
  saveBranch(db, branchFieldsSchema.parse({ name: '中共第1钻井队支部委员会' }));
  const branches = committeeBranches(db);
  return { db, branches, count: seedMeetings(db, branches) };
}

export async function benchMeetingsCalendar(dir: string): Promise<BenchRow[]> {
  const { db, branches, count } = await committeeDatabase(dir);
  const service = () => {
    for (const b of branches) for (const year of YEARS) branchCalendar(db, b.id, year, TODAY);
  };
  const countQuery = db.prepare(
    `SELECT branch_id, kind, substr(meeting_date, 1, 7) AS month, count(*) AS n FROM meetings WHERE deleted_at IS NULL GROUP BY branch_id, kind, month`,
  );
  const raw = () => void countQuery.all();
  service();
  raw(); // warm-up: statement cache, JIT
  const serviceTimes: { wall: number; cpu: number }[] = [];
  const rawTimes: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++) {
    serviceTimes.push(timed(service));
    rawTimes.push(timed(raw));
  }
  db.close();
  const [s, sCpu] = [median(serviceTimes.map((x) => x.wall)), median(serviceTimes.map((x) => x.cpu))];
  const [r, rCpu] = [median(rawTimes.map((x) => x.wall)), median(rawTimes.map((x) => x.cpu))];
  return [
    {
      size: count,
      measure: `meetings calendar (${BRANCHES} branches x ${YEARS.length} years, meetings)`,
      value: `${s.toFixed(0)} ms (CPU ${sCpu.toFixed(0)} ms)`,
      baseline: `${r.toFixed(1)} ms (CPU ${rCpu.toFixed(1)} ms)`,
      ratio: `${(s / r).toFixed(1)}x one count query`,
      target: '',
      verdict: '',
    },
  ];
}
