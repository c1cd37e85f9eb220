/**
 * The query rule of docs/capabilities.md ("Queries"): services and CLI commands write typed kysely
 * queries; a raw query (prepare(db, …), db.prepare(…), db.exec(…), storedRow(s)(db, sql)) is allowed only in the functions
 * that section's allow-list names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const SCANNED = ['main/services', 'main/cli'];

/** A raw query: the statement cache or better-sqlite3 called with a connection or SQL text, or a generic StoredRow read. */
const RAW_QUERY = /\bprepare\(\s*(?:[\w.]*\bdb\b|['"`])|\bdb\.(?:prepare|exec)\(|\bstoredRows?\(/g;
/** A top-level declaration: the function (or constant) a raw query belongs to. */
const DECLARATION = /^(?:export\s+)?(?:async\s+)?(?:function\*?\s+(\w+)|const\s+(\w+))/gm;

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((file) => !file.includes('/migrations/')); // DDL: db.exec in migrations is the rule
}

/** The functions of a source text that hold a raw query ('(top level)' outside any). */
export function rawQueryFunctions(text: string): Set<string> {
  const declarations = [...text.matchAll(DECLARATION)].map((m) => ({ at: m.index, name: m[1] ?? m[2]! }));
  const found = new Set<string>();
  for (const m of text.matchAll(RAW_QUERY)) {
    const owner = declarations.filter((d) => d.at < m.index).pop();
    found.add(owner?.name ?? '(top level)');
  }
  return found;
}

/** The allow-list table of the "Queries" section: file -> function names ('*' = the whole file). */
function allowList(): Map<string, Set<string>> {
  const doc = fs.readFileSync(path.join(root, 'docs/capabilities.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Queries'));
  if (!section) throw new Error('docs/capabilities.md has no "Queries" section');
  const list = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(main\/[^`]+\.ts)`$/.exec(cells[1] ?? '')?.[1];
    if (!file) continue;
    list.set(file, new Set([...(cells[2] ?? '').matchAll(/`([\w*]+)`/g)].map((m) => m[1]!)));
  }
  return list;
}

describe('queries follow the rule of docs/capabilities.md', () => {
  const allowed = allowList();

  it('reads an allow-list from the docs', () => {
    expect(allowed.get('main/services/roster/members.ts')).toEqual(new Set(['pageByLimit', 'pageByScan', 'findMembers']));
  });

  it('finds raw queries and the function holding them (the checker itself works)', () => {
    const text = [
      "export function ok(db: Sqlite) { return first(db, qb.selectFrom('members').selectAll()); }",
      'function cached(db: Sqlite) {',
      "  return prepare(\n    db,\n    'SELECT 1',\n  ).get();",
      '}',
      "const direct = (db: Sqlite) => db.prepare('SELECT 1').get();",
      'function generic(db: Sqlite, table: string) { return storedRows(db, `SELECT * FROM ${table}`); }',
      'export function up(db: Database) {',
      '  db.exec(`CREATE TABLE t (x)`);',
      '}',
      'export const demo = { prepare(plan: Plan) { return plan; } };',
    ].join('\n');
    expect(rawQueryFunctions(text)).toEqual(new Set(['cached', 'direct', 'generic', 'up']));
  });

  it('has no raw query outside the allow-list in services and CLI commands', () => {
    const offending: string[] = [];
    for (const file of SCANNED.flatMap(sources)) {
      const permitted = allowed.get(file);
      if (permitted?.has('*')) continue;
      for (const fn of rawQueryFunctions(fs.readFileSync(path.join(root, file), 'utf8'))) {
        if (!permitted?.has(fn)) offending.push(`${file}: ${fn}`);
      }
    }
    expect(offending, 'write these as kysely queries (all/first/run in main/db/query.ts), or list them with a reason').toEqual([]);
  });

  it('lists no function that no longer holds a raw query', () => {
    const stale: string[] = [];
    for (const [file, functions] of allowed) {
      const full = path.join(root, file);
      if (!fs.existsSync(full) || functions.has('*')) continue; // '*': a file still to land or to convert
      const found = rawQueryFunctions(fs.readFileSync(full, 'utf8'));
      for (const fn of functions) if (!found.has(fn)) stale.push(`${file}: ${fn}`);
    }
    expect(stale, 'remove these from the allow-list in docs/capabilities.md').toEqual([]);
  });
});
