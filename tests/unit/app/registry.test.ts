import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import '../../../main/capabilities';
import { applyMigrations } from '../../../main/db/migrations';
import { registeredTables, tableSpec } from '../../../main/db/registry';

const COMMON = ['id', 'branch_id', 'created_at', 'updated_at', 'deleted_at', 'rev'];
/** Tables of the machinery itself, not registered: they have no CommonColumns. */
const CORE = ['app_meta', 'branch_key_log', 'branch_keys', 'change_log', 'handover_log', 'handover_revs'];

function migrated(): Database.Database {
  const db = new Database(':memory:');
  applyMigrations(db);
  return db;
}

function columns(db: Database.Database): Map<string, string[]> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
  return new Map(names.map((n) => [n, (db.pragma(`table_info(${n})`) as { name: string }[]).map((c) => c.name)]));
}

describe('the table registry against the migrated database', () => {
  const db = migrated();
  const tables = columns(db);
  db.close();

  it('registers every table that has the common columns, and only the core tables lack them', () => {
    const userTables = [...tables].filter(([, cols]) => COMMON.every((c) => cols.includes(c))).map(([n]) => n);
    for (const name of userTables) expect(tableSpec(name), `no registered spec for table ${name}`).toBeDefined();
    expect([...tables.keys()].filter((n) => !userTables.includes(n)).sort()).toEqual(CORE);
  });

  it('registers no table the migrations do not create', () => {
    for (const spec of registeredTables()) expect(tables.has(spec.name), `spec for missing table ${spec.name}`).toBe(true);
  });

  it('points references and dependencies only at registered tables', () => {
    for (const spec of registeredTables()) {
      for (const dep of spec.dependsOn) expect(tableSpec(dep), `${spec.name} depends on unregistered ${dep}`).toBeDefined();
      for (const ref of spec.references ?? []) expect(tableSpec(ref.table), `${spec.name}.${ref.column} -> unregistered ${ref.table}`).toBeDefined();
    }
  });

  it('names only columns the tables have in its hooks', () => {
    for (const spec of registeredTables()) {
      const cols = tables.get(spec.name) ?? [];
      const named = [
        ...(spec.references ?? []).map((r) => r.column),
        ...(spec.maskedColumns ?? []),
        ...(spec.derivedColumns ?? []),
        ...(spec.uniqueKeys ?? []).flatMap((k) => k.columns),
        ...(spec.periodColumn ? [spec.periodColumn] : []),
        ...Object.keys(spec.columnLabels ?? {}),
      ];
      for (const c of named) expect(cols, `${spec.name} names a column ${c} it does not have`).toContain(c);
    }
  });

  it('has exactly one branch table, kept out of the trash', () => {
    const branch = registeredTables().filter((t) => t.isBranch);
    expect(branch.map((t) => t.name)).toHaveLength(1);
    expect(branch[0]!.inTrash).toBe(false);
  });
});
