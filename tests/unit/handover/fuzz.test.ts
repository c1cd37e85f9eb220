/**
 * Structural fuzzing of package parsing: a valid package's rows are mutated (a field set to another
 * value, a row duplicated or dropped) with checksums fixed up, so the mutation reaches the row checks.
 * Each package must be refused with a typed error and the database unchanged, or imported whole.
 * 200 cases per run.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHandover } from '../../../main/services/handover/handover';
import { readZip, writeZip } from '../../../main/services/handover/zip';
import { installationKey, signManifest } from '../../../main/services/handover/keys';
import type { TestContext } from '../../helpers/context';
import { packageOf, seededContext } from '../../helpers/handover';
import { databaseBytes } from '../../helpers/trust';

export const FUZZ_CASES = 200;
let source: TestContext;
let target: TestContext;
let entries: Map<string, Buffer>;
/** The source's signing key: a mutated package is signed again, as the branch itself (or a thief of its key) could. */
let signingKey: crypto.KeyObject;
let tableNames: string[];

beforeAll(async () => {
  source = await seededContext(6);
  target = await seededContext(3, 99);
  entries = await readZip(await packageOf(source));
  signingKey = installationKey(source.db);
  const manifest = JSON.parse(entries.get('manifest.json')!.toString());
  tableNames = manifest.tables.filter((t: any) => t.rows > 0).map((t: any) => t.name);
});
afterAll(() => {
  source.cleanup();
  target.cleanup();
});

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constant(null),
  fc.constant('\uFFFD'),
  fc.uuid(),
  fc.constant('2026-01-01T00:00:00.000Z'),
  fc.constant(''),
  fc.boolean(),
);
const mutation = fc.record({
  table: fc.nat(),
  row: fc.nat(),
  kind: fc.constantFrom('set', 'copy-field', 'duplicate', 'drop'),
  column: fc.nat(),
  value,
});

function mutate(m: { table: number; row: number; kind: string; column: number; value: unknown }): Promise<Buffer> {
  const copy = new Map(entries);
  const manifest = JSON.parse(copy.get('manifest.json')!.toString());
  const part = manifest.tables.find((t: any) => t.name === tableNames[m.table % tableNames.length]);
  const rows: any[] = JSON.parse(copy.get(part.file)!.toString());
  const i = m.row % rows.length;
  const columns = Object.keys(rows[i]);
  const column = columns[m.column % columns.length]!;
  if (m.kind === 'set') rows[i] = { ...rows[i], [column]: m.value };
  else if (m.kind === 'copy-field') rows[i] = { ...rows[i], [column]: rows[(i + 1) % rows.length][column] };
  else if (m.kind === 'duplicate') rows.push({ ...rows[i], id: crypto.randomUUID() });
  else rows.splice(i, 1);
  const data = Buffer.from(JSON.stringify(rows));
  copy.set(part.file, data);
  Object.assign(part, { sha256: sha(data), bytes: data.length, rows: rows.length });
  const manifestData = Buffer.from(JSON.stringify(manifest));
  copy.set('manifest.json', manifestData);
  copy.set('manifest.sig', Buffer.from(signManifest(signingKey, manifestData).toString('base64')));
  return writeZip([...copy].map(([name, d]) => ({ name, data: d })));
}

describe('fuzzing package rows', () => {
  it(`${FUZZ_CASES} mutated packages: each refused with a typed error and nothing written, or imported whole`, async () => {
    let refused = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const pkg = await mutate(m);
        const before = databaseBytes(target);
        const outcome = await importHandover(target, pkg, { resolutions: { all: 'package' } }).then(
          () => 'imported',
          (e) => (e.code === 'E_PACKAGE' && typeof e.reason === 'string' && /[\u4e00-\u9fff]/.test(e.message) ? 'refused' : `untyped: ${e.code} ${e.message}`),
        );
        expect(outcome).not.toMatch(/^untyped/);
        if (outcome === 'refused') {
          refused++;
          expect(databaseBytes(target)).toBe(before);
        } else {
          imported++;
          // Whole: every row of every table of the package is in the database.
          const parsed = await readZip(pkg);
          const manifest = JSON.parse(parsed.get('manifest.json')!.toString());
          for (const t of manifest.tables) {
            const ids = (JSON.parse(parsed.get(t.file)!.toString()) as { id: string }[]).map((r) => r.id);
            const found = ids.filter((id) => target.db.prepare(`SELECT 1 FROM ${t.name} WHERE id = ?`).get(id)).length;
            expect(found, t.name).toBe(ids.length);
          }
        }
      }),
      { numRuns: FUZZ_CASES, seed: 20261207 },
    );
    // Both outcomes occur: the mutations reach the row checks, not only the signature.
    expect(refused).toBeGreaterThan(0);
    expect(imported).toBeGreaterThan(0);
    console.log(`fuzz: ${FUZZ_CASES} cases, ${refused} refused, ${imported} imported whole`);
  });
});
