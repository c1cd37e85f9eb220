/**
 * `npm run bench`: roster search latency and bulk insert speed through the services, each next to a
 * raw better-sqlite3 baseline measured in the same run, for 10,000 and 100,000 members in temporary
 * databases. Prints a table with figures, ratios, targets and PASS/MISS; exits 0 either way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { memberSearchSchema } from '../shared/contract/operations';
import { normalizeSearchQuery } from '../shared/domain/pinyin';
import { openDatabase } from '../main/db/open';
import { saveBranch } from '../main/services/branch/branch';
import { addMembers, searchMembers } from '../main/services/roster/members';
import { insertRows } from '../main/db/rows';
import type { MembersTable, PartyGroupsTable } from '../main/services/roster/tables';
import { generateDemoMembers } from '../main/services/demo/members';
import { createRng, type Rng } from '../main/services/demo/random';
import { branchFieldsSchema } from '../shared/domain/branch';
import ExcelJS from 'exceljs';
import { closeContext, createContext } from '../main/app/context';
import { seedDemo } from '../main/services/demo/seed';
import { buildPackage } from '../main/services/handover/export';
import { importHandover } from '../main/services/handover/handover';
import { applyImport, exportRosterXlsx, previewImport, readSpreadsheetFile } from '../main/services/spreadsheet';
import { benchCliStartup } from './bench-cli';
import type { BenchRow } from './bench-row';
import { benchRenderer } from './bench-renderer';
import { benchDocxRoster } from './bench-docx';
import { benchMeetingsCalendar } from './bench-meetings';
import { benchLetters } from './bench-letters';
import { benchAppraisal } from './bench-appraisal';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const TODAY = '2026-11-25';
const QUERIES = 240;
const SEARCH_P95_TARGET_MS = 30;
const INSERT_SPEED_TARGET = 0.5;

const ms = (x: number) => `${x.toFixed(2)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

interface Timing {
  median: number;
  p95: number;
  /** p95 of the CPU time, which a busy machine inflates much less than wall time. */
  cpuP95: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function timeEach(queries: string[], run: (q: string) => unknown): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    run(q);
    wall.push(performance.now() - t);
    cpu.push(cpuMs(c));
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: percentile(wall, 0.5), p95: percentile(wall, 0.95), cpuP95: percentile(cpu, 0.95) };
}

/** Wall and CPU time of one call. */
function timeOnce(run: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  return { wall: performance.now() - t, cpu: cpuMs(c) };
}

async function freshDatabase(dir: string, name: string): Promise<Database.Database> {
  const db = await openDatabase(path.join(dir, `${name}.sqlite`));
  saveBranch(db, branchFieldsSchema.parse({ name: '中共渤海钻探第一钻井队支部委员会' }));
  return db;
}

/** The roster screen's mix: empty, surnames, pinyin initials, two-character names, ID fragments, no hits. */
function queryMix(rng: Rng, names: string[], ids: string[]): string[] {
  const surnames = ['张', '王', '李', '刘', '陈', '杨', '赵'];
  const kinds: ((r: Rng) => string)[] = [
    () => '',
    (r) => r.pick(surnames),
    (r) => r.pick(names).slice(0, 2).split('').map(initialOf).join(''),
    (r) => r.pick(names).slice(0, 2),
    (r) => {
      const id = r.pick(ids);
      const len = r.int(4, 6);
      const at = r.int(0, id.length - len);
      return id.slice(at, at + len);
    },
    (r) => r.pick(['xyzq', '欧阳修竹', '9999999', 'qqq']),
  ];
  const weights = [1, 2, 2, 2, 2, 1];
  const flat = kinds.flatMap((k, i) => Array<typeof k>(weights[i]!).fill(k));
  return Array.from({ length: QUERIES }, () => rng.pick(flat)(rng));
}

const INITIALS = new Map<string, string>();
function initialOf(ch: string): string {
  return INITIALS.get(ch) ?? ch;
}

const cpuNotes: string[] = [];

/** One small import first, so one-time costs (JIT, the pinyin dictionary) are not counted as insert time. */
async function warmUp(dir: string, size: number): Promise<void> {
  const db = await freshDatabase(dir, `warm-up-${size}`);
  addMembers(db, generateDemoMembers(500, 99, TODAY), { today: TODAY });
  db.close();
}

type Stored = Record<string, unknown>;

/** One prepared INSERT per table, taking stored rows as they are (branch_id mapped to the target's branch). */
function rawInserter(db: Database.Database, table: string, sample: Stored): (row: Stored) => void {
  const branchId = (db.prepare('SELECT id FROM branches').get() as { id: string }).id;
  const cols = Object.keys(sample);
  const stmt = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  return (row) => void stmt.run(...cols.map((c) => (c === 'branch_id' ? branchId : row[c])));
}

interface InsertFigures {
  service: { wall: number; cpu: number };
  raw: { wall: number; cpu: number };
  /** Raw inserts of the same rows plus the same change-log entries: what the service must write at least. */
  rawWithLog: number;
  /** insertRows alone on rows already validated and derived: the store layer's share. */
  storeOnly: number;
}

async function benchInsert(size: number, dir: string, items: ReturnType<typeof generateDemoMembers>, serviceDb: Database.Database): Promise<InsertFigures> {
  await warmUp(dir, size);
  const service = timeOnce(() => addMembers(serviceDb, items, { today: TODAY }));

  const members = serviceDb.prepare('SELECT * FROM members').all() as Stored[];
  const groups = serviceDb.prepare('SELECT * FROM party_groups').all() as Stored[];
  const log = serviceDb.prepare("SELECT * FROM change_log WHERE table_name IN ('members', 'party_groups') ORDER BY seq").all() as Stored[];

  const rawDb = await freshDatabase(dir, `raw-${size}`);
  const insertGroup = rawInserter(rawDb, 'party_groups', groups[0]!);
  const insertMember = rawInserter(rawDb, 'members', members[0]!);
  const raw = timeOnce(() =>
    rawDb.transaction(() => {
      for (const g of groups) insertGroup(g);
      for (const m of members) insertMember(m);
    })(),
  );
  rawDb.close();

  const logDb = await freshDatabase(dir, `raw-log-${size}`);
  const logGroup = rawInserter(logDb, 'party_groups', groups[0]!);
  const logMember = rawInserter(logDb, 'members', members[0]!);
  const logEntry = rawInserter(logDb, 'change_log', { ...log[0]!, seq: undefined });
  const rawWithLog = timeOnce(() =>
    logDb.transaction(() => {
      for (const g of groups) logGroup(g);
      for (const m of members) logMember(m);
      for (const e of log) logEntry({ ...e, seq: null });
    })(),
  ).wall;
  logDb.close();

  const storeDb = await freshDatabase(dir, `store-${size}`);
  const storeBranch = (storeDb.prepare('SELECT id FROM branches').get() as { id: string }).id;
  const rebranch = <T>(rows: Stored[]) => rows.map((r) => ({ ...r, branch_id: storeBranch }) as T);
  const groupRows = rebranch<PartyGroupsTable>(groups);
  const memberRows = rebranch<MembersTable>(members);
  const storeOnly = timeOnce(() => {
    insertRows(storeDb, 'party_groups', groupRows);
    insertRows(storeDb, 'members', memberRows);
  }).wall;
  storeDb.close();
  return { service, raw, rawWithLog, storeOnly };
}

async function benchSize(size: number, dir: string): Promise<BenchRow[]> {
  const items = generateDemoMembers(size, 7, TODAY);
  const serviceDb = await freshDatabase(dir, `service-${size}`);
  const insert = await benchInsert(size, dir, items, serviceDb);
  const serviceTimes = insert.service;
  const rawTimes = insert.raw;
  const serviceInsert = serviceTimes.wall;
  const rawInsert = rawTimes.wall;
  const rows = serviceDb.prepare('SELECT * FROM members').all() as Stored[];

  // Initials of the generated names, from the stored search text (name, initials, full pinyin, id).
  for (const row of rows.slice(0, 2000)) {
    const [name, initials] = String(row.search_text).split(' ');
    if (name && initials && name.length === initials.length) [...name].forEach((ch, i) => INITIALS.set(ch, initials[i]!));
  }
  const rng = createRng(size, 'bench');
  const queries = queryMix(
    rng,
    rows.map((r) => String(r.name)),
    rows.map((r) => String(r.id_number)),
  );
  const service = (q: string) => searchMembers(serviceDb, memberSearchSchema.parse({ query: q }), TODAY);
  const count = serviceDb.prepare('SELECT count(*) AS n FROM members WHERE instr(search_text, ?) > 0');
  const raw = (q: string) => count.get(normalizeSearchQuery(q));
  for (const q of queries.slice(0, 60)) (service(q), raw(q));
  const s = timeEach(queries, service);
  const b = timeEach(queries, raw);
  serviceDb.close();

  cpuNotes.push(
    `${size.toLocaleString('en')}: search p95 ${ms(s.cpuP95)} (raw ${ms(b.cpuP95)}); ` +
      `insert ${(serviceTimes.cpu / 1000).toFixed(2)} s (raw ${(rawTimes.cpu / 1000).toFixed(2)} s, ${(rawTimes.cpu / serviceTimes.cpu).toFixed(2)}x raw speed)`,
  );
  const speed = rawInsert / serviceInsert;
  const searchTarget = `p95 < ${SEARCH_P95_TARGET_MS} ms`;
  const perSec = (n: number, t: number) => `${Math.round((n / t) * 1000).toLocaleString('en')} rows/s`;
  return [
    { size, measure: 'search median', value: ms(s.median), baseline: ms(b.median), ratio: `${(s.median / b.median).toFixed(2)}x`, target: '', verdict: '' },
    {
      size,
      measure: 'search p95',
      value: ms(s.p95),
      baseline: ms(b.p95),
      ratio: `${(s.p95 / b.p95).toFixed(2)}x`,
      target: searchTarget,
      verdict: s.p95 < SEARCH_P95_TARGET_MS ? 'PASS' : 'MISS',
    },
    {
      size,
      measure: 'bulk insert',
      value: `${(serviceInsert / 1000).toFixed(2)} s (${perSec(size, serviceInsert)})`,
      baseline: `${(rawInsert / 1000).toFixed(2)} s (${perSec(size, rawInsert)})`,
      ratio: `${speed.toFixed(2)}x raw speed`,
      target: `>= ${INSERT_SPEED_TARGET}x raw speed`,
      verdict: speed >= INSERT_SPEED_TARGET ? 'PASS' : 'MISS',
    },
    {
      size,
      measure: 'bulk insert vs raw rows + change log',
      value: `${(serviceInsert / 1000).toFixed(2)} s`,
      baseline: `${(insert.rawWithLog / 1000).toFixed(2)} s`,
      ratio: `${(insert.rawWithLog / serviceInsert).toFixed(2)}x raw speed`,
      target: '',
      verdict: '',
    },
    {
      size,
      measure: 'store layer alone (rows + change log)',
      value: `${(insert.storeOnly / 1000).toFixed(2)} s`,
      baseline: `${(rawInsert / 1000).toFixed(2)} s`,
      ratio: `${(rawInsert / insert.storeOnly).toFixed(2)}x raw speed`,
      target: '',
      verdict: '',
    },
  ];
}

/** Hand-over: export and import of a 10,000-member database seeded with everything, against SQLite's own backup of it. */
async function benchHandover(dir: string): Promise<BenchRow[]> {
  const size = 10_000;
  const source = await openDatabase(path.join(dir, 'handover-source.sqlite'));
  seedDemo(source, { members: size, seed: 5 }, { today: TODAY });
  const backupTime = await timeAsync(() => source.backup(path.join(dir, 'handover-backup.sqlite')));
  let buffer: Buffer = Buffer.alloc(0);
  const exportTime = await timeAsync(async () => {
    buffer = (await buildPackage(source, { appVersion: 'bench' })).buffer;
  });
  source.close();
  const target = await createContext({ db: path.join(dir, 'handover-target.sqlite') });
  const importTime = await timeAsync(() => importHandover(target, buffer, {}));
  closeContext(target);
  const row = (measure: string, t: number): BenchRow => ({
    size,
    measure,
    value: `${(t / 1000).toFixed(2)} s`,
    baseline: `${(backupTime / 1000).toFixed(2)} s`,
    ratio: `${(t / backupTime).toFixed(1)}x backup time`,
    target: '< 5 s',
    verdict: t < 5000 ? 'PASS' : 'MISS',
  });
  return [row('hand-over export', exportTime), row('hand-over import', importTime)];
}

/** Spreadsheet import: preview and write of a 10,000-row roster, against ExcelJS's own read of the same file. */
async function benchSpreadsheet(dir: string): Promise<BenchRow[]> {
  const size = 10_000;
  const source = await openDatabase(path.join(dir, 'sheet-source.sqlite'));
  seedDemo(source, { members: size, seed: 6 }, { today: TODAY });
  const file = path.join(dir, 'roster.xlsx');
  await exportRosterXlsx(source, file, { filter: { status: 'all' }, today: TODAY });
  source.close();
  const rawRead = await timeAsync(async () => {
    await new ExcelJS.Workbook().xlsx.readFile(file);
  });
  const target = await freshDatabase(dir, 'sheet-target');
  const targetPath = path.join(dir, 'sheet-target.sqlite');
  const total = await timeAsync(async () => {
    const preview = previewImport(target, await readSpreadsheetFile(file), { today: TODAY });
    await applyImport(target, targetPath, preview);
  });
  const written = (target.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  target.close();
  return [
    {
      size: written,
      measure: 'spreadsheet import (read, preview, write)',
      value: `${(total / 1000).toFixed(2)} s`,
      baseline: `${(rawRead / 1000).toFixed(2)} s`,
      ratio: `${(total / rawRead).toFixed(1)}x ExcelJS read`,
      target: '< 3 s',
      verdict: total < 3000 ? 'PASS' : 'MISS',
    },
  ];
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

function printTable(rows: BenchRow[]): void {
  const head: BenchRow = { size: 0, measure: 'measure', value: 'service', baseline: 'raw baseline', ratio: 'ratio', target: 'target', verdict: '' };
  const cells = (r: BenchRow) => [r === head ? 'members' : r.size.toLocaleString('en'), r.measure, r.value, r.baseline, r.ratio, r.target, r.verdict];
  const all = [head, ...rows].map(cells);
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(all[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of all.slice(1)) console.log(line(c));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-bench-'));
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Roster benchmark (${QUERIES} search queries per size after a warm-up; Node ${process.versions.node}, ${os.cpus().length} CPUs, load average ${load})`);
  console.log('search: searchMembers as the roster screen calls it (page of 200, active members, sorted by name);');
  console.log('        baseline: SELECT count(*) FROM members WHERE instr(search_text, ?) > 0 on the same table.');
  console.log('insert: addMembers (validation, pinyin, change log, one transaction) vs raw prepared inserts of the same rows.\n');
  const rows: BenchRow[] = [];
  try {
    if (process.env.BENCH_ONLY_APPRAISAL) {
      rows.push(...(await benchAppraisal(dir)));
      printTable(rows);
      return;
    }
    if (process.env.BENCH_ONLY_MEETINGS) {
      rows.push(...(await benchMeetingsCalendar(dir)));
      printTable(rows);
      return;
    }
    for (const size of SIZES) rows.push(...(await benchSize(size, dir)));
    if (!process.env.BENCH_ONLY_ROSTER) {
      rows.push(...(await benchHandover(dir)));
      rows.push(...(await benchSpreadsheet(dir)));
      rows.push(...(await benchRenderer()));
      rows.push(...benchDocxRoster());
      rows.push(...(await benchMeetingsCalendar(dir)));
      rows.push(...benchLetters());
      rows.push(...(await benchAppraisal(dir)));
    }
    rows.push(...benchCliStartup());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
  const loadNow = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\nCPU time of the same runs (busy machines inflate wall time; load average now ${loadNow} on ${os.cpus().length} CPUs):`);
  for (const note of cpuNotes) console.log(`  ${note}`);
  const missed = rows.filter((r) => r.verdict === 'MISS').length;
  console.log(missed ? `\n${missed} target(s) missed.` : '\nAll targets met.');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
