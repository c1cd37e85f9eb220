/** Unique keys inside a package and against local rows: the dry run reports what the import would refuse, and a refused import makes no backup. */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../main/services/backup/backups';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import type { TestContext } from '../../helpers/context';
import { packageOf, seededContext } from '../../helpers/handover';
import { databaseBytes, rewritePackage } from '../../helpers/trust';
import { idNumber } from '../../helpers/sheets';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
async function seeded(members: number, seed?: number) {
  const t = await seededContext(members, seed);
  cleanups.push(() => t.cleanup());
  return t;
}


/** Rewrites one table of a valid package, checksums fixed up and signed again by the branch that made it. */
async function withRows(pkg: Buffer, table: string, edit: (rows: any[]) => any[], signAs: TestContext): Promise<Buffer> {
  return rewritePackage(
    pkg,
    (entries) => {
      const part = entries.get('manifest.json').tables.find((t: any) => t.name === table);
      entries.set(part.file, edit(entries.get(part.file)));
    },
    { signAs },
  );
}


async function expectRefusedEverywhere(target: TestContext, pkg: Buffer, message: RegExp) {
  const backups = listBackups(target.databasePath).length;
  const before = databaseBytes(target);
  const dry = await previewHandover(target, pkg).catch((e) => e);
  expect(dry.reason, 'the dry run reports it').toBe('invalid-rows');
  expect(dry.message).toMatch(message);
  const real = await importHandover(target, pkg, { resolutions: { all: 'package' } }).catch((e) => e);
  expect(real.code).toBe('E_PACKAGE');
  expect(real.message).toBe(dry.message);
  expect(real.message).not.toMatch(/UNIQUE|程序内部错误/);
  expect(listBackups(target.databasePath).length, 'no backup made').toBe(backups);
  expect(databaseBytes(target)).toBe(before);
}

describe('unique keys of a package', () => {
  it('a duplicate ID number inside the package is refused by the dry run and the import, naming both rows', async () => {
    const source = await seeded(6);
    const target = await seeded(3, 99);
    const pkg = await withRows(await packageOf(source), 'members', (rows) => [rows[0], { ...rows[0], id: rows[1].id, name: rows[1].name, rev: rows[1].rev }, ...rows.slice(2)], source);
    await expectRefusedEverywhere(target, pkg, /党员表第 1 行（.+）与第 2 行（.+）的身份证号相同/);
  });

  it('a duplicate code-list item inside the package is refused too (every unique key the registry declares)', async () => {
    const source = await seeded(4);
    const target = await seeded(3, 99);
    const pkg = await withRows(await packageOf(source), 'code_items', (rows) => [...rows, { ...rows[0], id: crypto.randomUUID(), rev: 'aaaaaaaa-dup' }], source);
    await expectRefusedEverywhere(target, pkg, /字典.*表第 1 行.*与第 \d+ 行.*相同/);
  });

  it('a deleted row may share an ID number with a live one', async () => {
    const source = await seeded(6);
    const target = await seeded(3, 99);
    const pkg = await withRows(await packageOf(source), 'members', (rows) => [...rows, { ...rows[0], id: crypto.randomUUID(), deleted_at: rows[0].updated_at }], source);
    await expect(importHandover(target, pkg, {})).resolves.toBeTruthy();
  });

  it('an updated row taking the ID number of another local record is refused before any backup', async () => {
    const source = await seeded(6);
    const target = await seeded(0, 99);
    const first = await packageOf(source);
    await importHandover(target, first, {});
    // rows[0] takes rows[1]'s fields (ID number included) and rows[1] leaves the package, with its history.
    let moved = '';
    const pkg = await rewritePackage(
      first,
      (entries) => {
        const manifest = entries.get('manifest.json');
        const part = manifest.tables.find((t: any) => t.name === 'members');
        const rows = entries.get(part.file);
        moved = rows[1].id;
        entries.set(part.file, [{ ...rows[1], id: rows[0].id, created_at: rows[0].created_at, rev: 'ffffffff-forged' }, ...rows.slice(2)]);
        entries.set(manifest.changeLog.file, entries.get(manifest.changeLog.file).filter((h: any) => h.row_id !== moved));
      },
      { signAs: source },
    );
    await expectRefusedEverywhere(target, pkg, /与本机另一条记录“.+”的身份证号相同/);
  });

  it('a record deleted in the package frees its ID number for another record of the same package', async () => {
    const source = await seeded(6);
    const target = await seeded(0, 99);
    await importHandover(target, await packageOf(source), {});
    // a is written before b (rows travel in id order): b's deletion must come first.
    const [a, b] = source.db.prepare('SELECT id, id_number FROM members WHERE deleted_at IS NULL ORDER BY id LIMIT 2').all() as any[];
    const { id: _id, branchId, partyGroup, createdAt, updatedAt, ...fieldsOfB } = (await source.call('members.get', { id: b.id })) as any;
    await source.call('members.delete', { id: b.id });
    await source.call('members.update', { id: a.id, fields: { ...fieldsOfB, name: '换号者' } });
    await importHandover(target, await packageOf(source), {});
    const live = target.db.prepare('SELECT id FROM members WHERE id_number = ? AND deleted_at IS NULL').all(b.id_number) as { id: string }[];
    expect(live.map((r) => r.id)).toEqual([a.id]);
    expect(target.db.prepare('SELECT deleted_at FROM members WHERE id = ?').get(b.id)).toMatchObject({ deleted_at: expect.any(String) });
  });

  it('a row failing a domain rule names the field by its Chinese label', async () => {
    const source = await seeded(4);
    const target = await seeded(0, 99);
    const pkg = await withRows(await packageOf(source), 'members', (rows) => [{ ...rows[0], birth_date: '1950-01-01' }, ...rows.slice(1)], source);
    const e = await previewHandover(target, pkg).catch((x) => x);
    expect(e.reason).toBe('invalid-rows');
    expect(e.message).toContain('出生日期');
    expect(e.message).not.toMatch(/birthDate|birth_date/);
  });
});

describe('the end state decides: two rows may swap a unique key in one package', () => {
  /** In the source, members a and b swap their identities (ID number, birth date, gender…), each keeping its name, through a third number. */
  async function swapped(source: TestContext) {
    const [a, b] = source.db.prepare('SELECT id, id_number FROM members WHERE deleted_at IS NULL ORDER BY id LIMIT 2').all() as { id: string; id_number: string }[];
    const fields = async (id: string) => {
      const { id: _id, branchId, partyGroup, createdAt, updatedAt, ...rest } = (await source.call('members.get', { id })) as any;
      return rest;
    };
    const [fa, fb] = [await fields(a!.id), await fields(b!.id)];
    await source.call('members.update', { id: b!.id, fields: { ...fb, idNumber: idNumber(fb.birthDate, fb.gender, 77, '120101') } });
    await source.call('members.update', { id: a!.id, fields: { ...fb, name: fa.name } });
    await source.call('members.update', { id: b!.id, fields: { ...fa, name: fb.name } });
    return { a: a!, b: b! };
  }

  const numberOf = (t: TestContext, id: string) => (t.db.prepare('SELECT id_number FROM members WHERE id = ?').get(id) as { id_number: string }).id_number;

  it('imports the swap: previewed as two updates, written in one transaction', async () => {
    const source = await seeded(6);
    const target = await seeded(0, 99);
    await importHandover(target, await packageOf(source), {});
    const { a, b } = await swapped(source);
    const pkg = await packageOf(source);
    expect((await previewHandover(target, pkg)).tables.members).toMatchObject({ updated: 2, conflicts: 0 });
    await importHandover(target, pkg, {});
    expect([numberOf(target, a.id), numberOf(target, b.id)]).toEqual([b.id_number, a.id_number]);
  });

  it('a swap that a conflict kept locally would break is refused at import, before any backup, naming both rows and the key', async () => {
    const source = await seeded(6);
    const target = await seeded(0, 99);
    await importHandover(target, await packageOf(source), {});
    const { a, b } = await swapped(source);
    // The target edits a too: a is a conflict; keeping the local a keeps its old number, which the package gives b.
    const { id: _id, branchId, partyGroup, createdAt, updatedAt, ...fieldsOfA } = (await target.call('members.get', { id: a.id })) as any;
    await target.call('members.update', { id: a.id, fields: { ...fieldsOfA, remark: '本机改过' } });
    const pkg = await packageOf(source);
    expect((await previewHandover(target, pkg)).tables.members).toMatchObject({ updated: 1, conflicts: 1 });
    const backups = listBackups(target.databasePath).length;
    const before = databaseBytes(target);
    const refused = await importHandover(target, pkg, { resolutions: { all: 'local' } }).catch((e) => e);
    expect(refused.reason).toBe('invalid-rows');
    expect(refused.message).toMatch(/党员表的“.+”与本机保留的“.+”的身份证号在导入后相同/);
    expect(listBackups(target.databasePath).length).toBe(backups);
    expect(databaseBytes(target)).toBe(before);
    await importHandover(target, pkg, { resolutions: { all: 'package' } });
    expect([numberOf(target, a.id), numberOf(target, b.id)]).toEqual([b.id_number, a.id_number]);
  });
});
