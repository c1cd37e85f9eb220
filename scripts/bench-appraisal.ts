/**
 * `npm run bench` line: 民主评议 ballot entry and tally through the service — 200 sheets for 300 members on the ballot
 * (60,000 marks), each sheet one enterSheet call (checks, change log, one transaction), then the tally (results) —
 * against one SQL aggregate counting the same ballot cells by member and grade. Median of 3 runs each, each run in
 * a fresh campaign.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import '../main/capabilities'; // the table registry: inserts write the change log
import { openDatabase } from '../main/db/open';
import { enterSheet, results } from '../main/services/appraisal/ballots';
import { createCampaign, updateCampaign } from '../main/services/appraisal/campaigns';
import { saveBranch } from '../main/services/branch/branch';
import { generateDemoMembers } from '../main/services/demo/members';
import { createRng } from '../main/services/demo/random';
import { addMembers } from '../main/services/roster/members';
import { branchFieldsSchema } from '../shared/domain/branch';
import { GRADES, type Grade } from '../shared/domain/appraisal';
import { median, type BenchRow } from './bench-row';

const TODAY = '2026-11-25';
const MEMBERS = 300;
const SHEETS = 200;
const RUNS = 3;

/** A campaign with exactly MEMBERS on the ballot (the others excluded), for the given year. */
function campaignOf(db: Database.Database, year: number): { id: string; ballot: string[] } {
  const c = createCampaign(db, { year, issuedMembers: SHEETS, issuedMasses: 0, doubleEntry: false, rules: null, stages: [], exclusions: [], note: '' });
  const graded = c.members.filter((m) => m.graded).map((m) => m.memberId);
  if (graded.length < MEMBERS) throw new Error(`only ${graded.length} members can be graded`);
  const keep = new Set(graded.slice(0, MEMBERS));
  const exclusions = c.members.filter((m) => !keep.has(m.memberId) && m.graded).map((m) => ({ memberId: m.memberId, reason: '基准测试不参加' }));
  const stopped = c.members.filter((m) => m.excluded).map((m) => ({ memberId: m.memberId, reason: m.exclusionReason }));
  updateCampaign(db, { campaignId: c.id, exclusions: [...stopped, ...exclusions] });
  return { id: c.id, ballot: [...keep] };
}

/** The sheets, drawn once so every run enters the same marks. */
function drawSheets(ballot: readonly string[]): Record<string, Grade>[] {
  const rng = createRng(14, 'bench-appraisal');
  return Array.from({ length: SHEETS }, () => {
    const grades: Record<string, Grade> = {};
    for (const id of ballot) if (!rng.chance(0.05)) grades[id] = GRADES[Math.min(3, Math.floor(rng.next() * rng.next() * 4))]!;
    return grades;
  });
}

function timed(run: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  const d = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (d.user + d.system) / 1000 };
}

export async function benchAppraisal(dir: string): Promise<BenchRow[]> {
  const db = await openDatabase(path.join(dir, 'appraisal.sqlite'));
  saveBranch(db, branchFieldsSchema.parse({ name: '中共渤海钻探第一钻井队支部委员会' }));
  addMembers(db, generateDemoMembers(Math.ceil(MEMBERS * 1.6), 5, TODAY), { today: TODAY });
  const aggregate = db.prepare(
    `SELECT m.member_id, m.grade, s.voter_type, count(*) AS n FROM appraisal_marks m JOIN appraisal_sheets s ON s.id = m.sheet_id
     WHERE m.campaign_id = ? AND m.deleted_at IS NULL AND s.deleted_at IS NULL AND s.spoilt = 0 AND s.entry = 1 GROUP BY m.member_id, m.grade, s.voter_type`,
  );
  const service: { wall: number; cpu: number }[] = [];
  const tallyOnly: { wall: number; cpu: number }[] = [];
  const raw: { wall: number; cpu: number }[] = [];
  let checked = false;
  for (let run = 0; run < RUNS; run++) {
    const { id, ballot } = campaignOf(db, 2000 + run);
    const sheets = drawSheets(ballot);
    let tallied: ReturnType<typeof results> | null = null;
    service.push(
      timed(() => {
        sheets.forEach((grades, i) => enterSheet(db, { campaignId: id, serial: String(i + 1), entry: 1, voterType: '党员', spoilt: false, grades }));
        tallied = results(db, id);
      }),
    );
    tallyOnly.push(timed(() => void results(db, id)));
    aggregate.all(id); // warm-up of the statement
    let counted: { member_id: string; grade: number; n: number }[] = [];
    raw.push(timed(() => void (counted = aggregate.all(id) as typeof counted)));
    if (!checked) {
      // The two must agree, or the ratio means nothing.
      const total = (tallied as ReturnType<typeof results> | null)!.members.reduce((n, m) => n + m.votes, 0);
      if (total !== counted.reduce((n, c) => n + c.n, 0)) throw new Error('appraisal bench: the service tally and the SQL aggregate differ');
      checked = true;
    }
  }
  db.close();
  const fmt = (xs: { wall: number; cpu: number }[], digits: number) =>
    `${median(xs.map((x) => x.wall)).toFixed(digits)} ms (CPU ${median(xs.map((x) => x.cpu)).toFixed(digits)} ms)`;
  const r = median(raw.map((x) => x.wall));
  return [
    {
      size: MEMBERS,
      measure: `appraisal: enter ${SHEETS} sheets + tally (${SHEETS * MEMBERS} cells)`,
      value: fmt(service, 0),
      baseline: fmt(raw, 1),
      ratio: `${(median(service.map((x) => x.wall)) / r).toFixed(0)}x one SQL aggregate`,
      target: '',
      verdict: '',
    },
    {
      size: MEMBERS,
      measure: `appraisal: tally alone (${SHEETS} sheets)`,
      value: fmt(tallyOnly, 1),
      baseline: fmt(raw, 1),
      ratio: `${(median(tallyOnly.map((x) => x.wall)) / r).toFixed(1)}x one SQL aggregate`,
      target: '',
      verdict: '',
    },
  ];
}
