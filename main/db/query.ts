/**
 * Kysely is used as a typed query builder only; queries run synchronously on better-sqlite3,
 * so one user action is one synchronous transaction (db.transaction) with no awaits inside.
 * Which query is written how (kysely, the generic StoredRow reads, prepared SQL on hot paths) is
 * the rule of docs/capabilities.md, "Queries".
 */
import type Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type InferResult,
} from 'kysely';
import type { DB } from './schema';

export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export type Sqlite = Database.Database;

const statementCache = new WeakMap<Sqlite, Map<string, Database.Statement>>();

export function prepare(db: Sqlite, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

function params(values: readonly unknown[]): unknown[] {
  return values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
}

export function all<Q extends Compilable<any>>(db: Sqlite, query: Q): InferResult<Q> {
  const c = query.compile();
  return prepare(db, c.sql).all(...params(c.parameters)) as InferResult<Q>;
}

export function first<Q extends Compilable<any>>(db: Sqlite, query: Q): InferResult<Q>[number] | undefined {
  const c = query.compile();
  return prepare(db, c.sql).get(...params(c.parameters)) as InferResult<Q>[number] | undefined;
}

export function run(db: Sqlite, query: Compilable<any>): Database.RunResult {
  const c = query.compile();
  return prepare(db, c.sql).run(...params(c.parameters));
}

/**
 * A row of a table named only at run time (trash, hand-over, the registry's unique keys), as stored:
 * the columns every user table has are typed, the others unknown. storedRows and storedRow are the one
 * place such rows get their type; services with a known table use all/first instead.
 */
export type StoredRow = Record<string, unknown> & { id: string; branch_id: string; rev: string; deleted_at?: string | null };

export function storedRows(db: Sqlite, sql: string, ...values: unknown[]): StoredRow[] {
  return prepare(db, sql).all(...values) as StoredRow[];
}

export function storedRow(db: Sqlite, sql: string, ...values: unknown[]): StoredRow | undefined {
  return prepare(db, sql).get(...values) as StoredRow | undefined;
}

/** A timestamp with milliseconds; stored as text so it sorts. */
export function nowIso(): string {
  return new Date().toISOString();
}
