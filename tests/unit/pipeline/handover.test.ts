import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../main/db/migrations';
import { registeredTables, tableSpec } from '../../../main/db/registry';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import { seedDemo } from '../../../main/services/demo/seed';
import { pipelineBoard } from '../../../main/services/pipeline/board';
import { getApplicant } from '../../../main/services/pipeline/records';
import { idCheckChar } from '../../../shared/domain/idNumber';
import { databaseAtVersion } from '../../helpers/migrations';
import { sampleMember, testContext, type TestContext, trackContexts } from '../../helpers/context';
import { packageOf, snapshot } from '../../helpers/handover';

const track = trackContexts();

function idNumber(birth: string, n: number): string {
  const first17 = `130982${birth.replaceAll('-', '')}${String(n * 2 + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function applicant(name: string, n: number, applicationDate: string) {
  return {
    name, gender: '男', ethnicity: '回族', idNumber: idNumber('1996-10-01', n), birthDate: '1996-10-01', education: '本科',
    politicalStatus: '群众', applicationDate, remark: '备注里有"引号"和\\反斜杠',
  } as const;
}

async function record(t: TestContext, id: string, dates: Record<number, string>, people: string[]) {
  for (const [step, date] of Object.entries(dates)) {
    const s = Number(step);
    await t.call('pipeline.recordStep', {
      id, step: s, date, note: `第${s}步`,
      ...(s === 5 ? { cultivatorIds: [people[0]!] } : {}),
      ...(s === 9 ? { introducerIds: people.slice(0, 2) } : {}),
      ...(s === 11 ? { trainingDays: 5, trainingHours: 40 } : {}),
    });
  }
}

const TO_ADMISSION: Record<number, string> = {
  2: '2023-03-28', 3: '2023-05-10', 4: '2023-05-20', 5: '2023-05-22', 6: '2023-11-30', 7: '2024-05-15', 8: '2024-05-25', 9: '2024-06-01',
  10: '2024-06-20', 11: '2024-07-05', 12: '2024-07-15', 13: '2024-07-25', 14: '2024-08-05', 15: '2024-08-20', 16: '2024-09-02', 17: '2024-09-25',
};

describe('development records in hand-over packages', () => {
  it('registers both tables with their references, period column and row checks', () => {
    const names = registeredTables().map((t) => t.name);
    expect(names.indexOf('applicants')).toBeGreaterThan(names.indexOf('members'));
    expect(names.indexOf('applicant_steps')).toBeGreaterThan(names.indexOf('applicants'));
    expect(tableSpec('applicant_steps')).toMatchObject({ periodColumn: 'done_date', references: [{ column: 'applicant_id', table: 'applicants' }] });
    expect(tableSpec('applicants')!.references).toEqual(expect.arrayContaining([{ column: 'member_id', table: 'members' }]));
    expect(tableSpec('applicant_steps')!.validateRow!({ step: 26, done_date: '2024-02-30' }).map((p) => p.field)).toEqual(['step', 'done_date']);
  });

  it('an exported branch with applicants at every stage imports into an empty database with identical rows', async () => {
    const source = track(await testContext());
    await source.call('branch.save', { name: '中共测试支部委员会' });
    const people: string[] = [];
    for (let i = 0; i < 2; i++) people.push((await source.call('members.create', sampleMember({ name: `介绍人${'甲乙'[i]}`, idNumber: idNumber('1970-01-01', 40 + i), gender: '男', birthDate: '1970-01-01', joinDate: '2000-07-01', fullDate: '2001-07-01' }))).id);
    const admitted = await source.call('pipeline.create', applicant('马骏', 1, '2023-03-06'));
    await record(source, admitted.id, TO_ADMISSION, people);
    const activist = await source.call('pipeline.create', applicant('马良', 2, '2025-01-06'));
    await record(source, activist.id, { 2: '2025-01-20', 3: '2025-03-01', 4: '2025-03-02' }, people);
    await source.call('pipeline.undoStep', { id: activist.id }); // a step in the trash travels too
    const stopped = await source.call('pipeline.create', applicant('马超', 3, '2025-01-06'));
    await source.call('pipeline.terminate', { id: stopped.id, date: '2025-02-01', reason: '不符合条件' });
    const deleted = await source.call('pipeline.create', applicant('马岱', 4, '2025-05-06'));
    await source.call('pipeline.delete', { id: deleted.id });

    const target = track(await testContext());
    const pkg = await packageOf(source);
    const preview = await previewHandover(target, pkg);
    expect(preview.tables.applicants).toMatchObject({ new: 4, updated: 0, conflicts: 0 });
    expect(preview.tables.applicant_steps).toMatchObject({ new: 17 + 4 + 1 + 1 });
    await importHandover(target, pkg, {});
    const a = snapshot(source);
    const b = snapshot(target);
    for (const t of registeredTables()) expect(b[t.name], t.name).toEqual(a[t.name]);
    expect(b.applicants).toHaveLength(4);

    expect(await target.call('pipeline.get', { id: admitted.id })).toEqual(await source.call('pipeline.get', { id: admitted.id }));
    const board = await target.call('pipeline.board', {});
    expect(board.stages.map((s) => s.total)).toEqual([0, 1, 0, 1, 0, 1]);
  });
});

describe('migration 3 (development records)', () => {
  it('adds the two tables to a database with members, leaving the members alone', () => {
    const { db, dir, now } = databaseAtVersion(2);
    const before = db.prepare('SELECT * FROM members').all();
    expect(applyMigrations(db, 3)).toEqual([3]);
    expect(db.prepare('SELECT * FROM members').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM applicants').get()).toEqual({ n: 0 });
    const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    expect(columns('applicants')).toEqual(expect.arrayContaining(['id', 'branch_id', 'rev', 'deleted_at', 'stage', 'member_id', 'cultivator_ids', 'introducer_ids', 'training_days', 'training_hours', 'political_status']));
    expect(columns('applicant_steps')).toEqual(expect.arrayContaining(['applicant_id', 'step', 'done_date', 'note']));
    // The admitted member's record is referenced by key: a dangling reference is refused.
    const insert = db.prepare(
      `INSERT INTO applicants (id, branch_id, created_at, updated_at, rev, name, gender, ethnicity, id_number, birth_date, education, political_status, stage, member_id)
       VALUES (?, 'b', ?, ?, 'r', '李四', '男', '汉族', '34052419800101001X', '1980-01-01', '21', '群众', '预备党员', ?)`,
    );
    insert.run('a1', now, now, 'm');
    expect(() => insert.run('a2', now, now, 'no-such-member')).toThrow(/FOREIGN KEY/);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('demo data', () => {
  it('holds applicants at every stage, written through the rules, linked to the roster’s recent members', async () => {
    const t = track(await testContext());
    const today = '2026-11-25';
    const summary = seedDemo(t.db, { members: 60, seed: 1 }, { today });
    expect(summary.counts).toMatchObject({ members: 60, applicantsSkipped: 0 });
    expect(summary.counts.applicants).toBeGreaterThan(10);
    expect(t.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 60 }); // no member made twice
    const board = pipelineBoard(t.db, { includeFinished: true }, today);
    for (const s of board.stages) expect(s.total, s.stage).toBeGreaterThan(0);
    const entries = board.stages.flatMap((s) => s.entries);
    // Stage-entry dates in the previous or the current year (the 发展对象 of today became activists earlier).
    for (const e of entries.filter((e) => e.stage !== '正式党员')) expect(e.stageSince! >= '2025-01-01' && e.stageSince! <= today, `${e.name} ${e.stageSince}`).toBe(true);
    expect(entries.some((e) => e.next?.step === 2 && e.next.overdue)).toBe(true);
    // Each admitted record points at the member with its ID number, whose join date is the step-15 date.
    for (const e of entries.filter((e) => e.memberId)) {
      const a = getApplicant(t.db, e.id, today);
      const m = t.db.prepare('SELECT id_number, join_date FROM members WHERE id = ?').get(e.memberId) as { id_number: string; join_date: string };
      expect([m.id_number, m.join_date]).toEqual([a.idNumber, a.admissionDate]);
    }
    // Same seed, same records.
    const again = track(await testContext());
    seedDemo(again.db, { members: 60, seed: 1 }, { today });
    const names = (db: typeof t.db) => db.prepare('SELECT name, stage FROM applicants ORDER BY id_number').all();
    expect(names(again.db)).toEqual(names(t.db));
  });
});
