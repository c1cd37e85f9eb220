/** Hostile and broken packages, each built from a valid one: refused with its own message, database untouched. */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHandover } from '../../../main/services/handover/handover';
import { readZip, writeZip } from '../../../main/services/handover/zip';
import { testContext, type TestContext } from '../../helpers/context';
import { packageOf, seededContext } from '../../helpers/handover';
import { databaseBytes } from '../../helpers/trust';

let source: TestContext;
let target: TestContext;
let valid: Buffer;
let validEncrypted: Buffer;

beforeAll(async () => {
  source = await seededContext(15);
  target = await seededContext(5, 99);
  valid = await packageOf(source);
  validEncrypted = await packageOf(source, { password: 'pw-1' });
});
afterAll(() => {
  source.cleanup();
  target.cleanup();
});

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');


/** Rewrites a valid package: `change` edits entries (as JSON where it can); checksums are fixed up unless asked not to. */
async function tamper(
  change: (entries: Map<string, Buffer>, manifest: any) => void,
  { fixChecksums = true } = {},
): Promise<Buffer> {
  const entries = await readZip(valid);
  const manifest = JSON.parse(entries.get('manifest.json')!.toString());
  change(entries, manifest);
  if (fixChecksums) {
    for (const part of [...manifest.tables, manifest.changeLog]) {
      const data = entries.get(part.file);
      if (data) Object.assign(part, { sha256: sha(data), bytes: data.length });
    }
  }
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return writeZip([...entries].map(([name, data]) => ({ name, data })));
}

const editJson = (entries: Map<string, Buffer>, file: string, edit: (v: any) => any) => {
  entries.set(file, Buffer.from(JSON.stringify(edit(JSON.parse(entries.get(file)!.toString())))));
};

/** A zip whose one entry is named `name` (written with a same-length placeholder, then patched). */
async function zipWithName(name: string): Promise<Buffer> {
  const placeholder = 'x'.repeat(name.length);
  const zip = await writeZip([{ name: 'header.json', data: Buffer.from('{}') }, { name: placeholder, data: Buffer.from('{}') }]);
  return Buffer.from(zip.toString('latin1').split(placeholder).join(name), 'latin1');
}

const HEADER = Buffer.from('{"format":"branch-desk-handover","formatVersion":1,"encrypted":false}');

/** A zip bomb: 200 MB of zeros squeezed into a small entry. */
async function zipBomb(): Promise<Buffer> {
  return buildRawZip([
    { name: 'header.json', raw: zlib.deflateRawSync(HEADER), size: HEADER.length, crc: 0 },
    { name: 'manifest.json', raw: zlib.deflateRawSync(Buffer.alloc(200 * 1024 * 1024)), size: 200 * 1024 * 1024, crc: 0 },
  ]);
}

/** CRC-32, compressed size, declared size and name length: the run of fields both zip headers hold, from `at` on. */
function writeEntryFields(header: Buffer, at: number, f: { raw: Buffer; size: number; crc: number }, nameLength: number): void {
  header.writeUInt32LE(f.crc, at);
  header.writeUInt32LE(f.raw.length, at + 4);
  header.writeUInt32LE(f.size, at + 8);
  header.writeUInt16LE(nameLength, at + 12);
}

/** A minimal zip writer, so sizes can be declared as the test wants. */
function buildRawZip(files: { name: string; raw: Buffer; size: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    writeEntryFields(local, 14, f, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    writeEntryFields(central, 16, f, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, f.raw);
    centrals.push(central, name);
    offset += 30 + name.length + f.raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const cases: [string, string, () => Promise<Buffer>, string?][] = [
  ['not a package (text)', 'not-package', async () => Buffer.from('这不是交接包\n')],
  ['not a package (a zip of something else)', 'not-package', async () => writeZip([{ name: 'readme.txt', data: Buffer.from('hi') }])],
  ['truncated', 'truncated', async () => valid.subarray(0, Math.floor(valid.length / 2))],
  ['changed data, stale checksum', 'checksum', () => tamper((e) => editJson(e, 'data/members.json', (rows) => rows.map((r: any) => ({ ...r, remark: '改过' }))), { fixChecksums: false })],
  ['wrong password', 'wrong-password', async () => validEncrypted, 'wrong'],
  ['a changed byte in an encrypted package', 'checksum', async () => {
    const entries = await readZip(validEncrypted);
    const payload = Buffer.from(entries.get('payload.bin')!);
    payload[100] = payload[100]! ^ 1;
    entries.set('payload.bin', payload);
    return writeZip([...entries].map(([name, data]) => ({ name, data })));
  }, 'pw-1'],
  ['newer format version', 'newer-format', () => tamper((e) => editJson(e, 'header.json', (h) => ({ ...h, formatVersion: 99 })))],
  ['newer schema version', 'newer-format', () => tamper((_e, m) => (m.schemaVersion = 999))],
  ['manifest row count disagrees', 'manifest-mismatch', () => tamper((_e, m) => (m.tables.find((t: any) => t.name === 'members').rows += 1))],
  ['a file the manifest does not list', 'manifest-mismatch', () => tamper((e) => e.set('data/extra.json', Buffer.from('[]')))],
  ['a row failing the schema (bad ID number)', 'invalid-rows', () => tamper((e) => editJson(e, 'data/members.json', (rows) => [{ ...rows[0], id_number: '110105194912310021' }, ...rows.slice(1)]))],
  ['a row with an unknown column', 'invalid-rows', () => tamper((e) => editJson(e, 'data/members.json', (rows) => [{ ...rows[0], salary: 1 }, ...rows.slice(1)]))],
  ['a row with a wrong type', 'invalid-rows', () => tamper((e) => editJson(e, 'data/members.json', (rows) => [{ ...rows[0], lost_contact: 'yes' }, ...rows.slice(1)]))],
  ['a reference to a record that does not exist', 'missing-reference', () => tamper((e) => editJson(e, 'data/members.json', (rows) => [{ ...rows[0], party_group_id: crypto.randomUUID() }, ...rows.slice(1)]))],
  ['an entry name leaving the folder', 'unsafe-entry-name', () => zipWithName('../../../evil.json')],
  ['an absolute entry name', 'unsafe-entry-name', () => zipWithName('/etc/cron.d/evil')],
  ['a zip bomb', 'too-large', zipBomb],
  ['an absurd declared size', 'too-large', async () => buildRawZip([{ name: 'header.json', raw: zlib.deflateRawSync(Buffer.from('{}')), size: 0xfffffff0, crc: 0 }])],
];

describe('hostile and broken packages', () => {
  it.each(cases)('%s is refused with its own reason and the database is unchanged', async (_label, reason, make, password) => {
    const file = await make();
    const before = databaseBytes(target);
    const error = await importHandover(target, file, { password, resolutions: { all: 'package' } }).then(
      () => null,
      (e) => e,
    );
    expect(error, 'must be refused').not.toBeNull();
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(databaseBytes(target)).toBe(before);
  });

  it('gives a different message for every kind of problem', async () => {
    const messages = new Map<string, string>();
    for (const [, reason, make, password] of cases) {
      const e = await importHandover(target, await make(), { password }).catch((x) => x);
      messages.set(reason, e.message);
    }
    expect(new Set(messages.values()).size).toBe(messages.size);
  });

  it('survives random corruption of a valid package without a crash or a partial write', async () => {
    const countRows = () => (target.db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (changes, cut) => {
          const bytes = Buffer.from(valid);
          for (const c of changes) bytes[c.at % bytes.length] = c.value;
          const file = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          const before = countRows();
          const outcome = await importHandover(target, file, { resolutions: { all: 'local' } }).then(
            () => 'imported',
            (e) => (e.code === 'E_PACKAGE' ? 'refused' : `crash: ${e.stack}`),
          );
          expect(outcome).not.toMatch(/^crash/);
          // Refused: nothing written. Imported (the change missed every checked byte, e.g. zip padding): all of it.
          if (outcome === 'refused') expect(countRows()).toBe(before);
          else expect([before, before + 15]).toContain(countRows());
        },
      ),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
