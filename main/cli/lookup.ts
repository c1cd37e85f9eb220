/**
 * Options that name something in the database (a branch, a party group) are checked in `prepare`
 * too: the data file is read without migrating, logging or leaving a file behind, so an unknown
 * name is a usage error that changes nothing.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/contract/errors';
import { openRaw } from '../db/connection';
import { refuseNewer } from '../db/open';
import type { Sqlite } from '../db/query';
import { listBranches } from '../services/branch/branch';
import { optionalString, UsageError } from './args';
import type { CliCommand, OptionValues } from './command';

export function missingDatabase(databasePath: string): AppError {
  return new AppError('E_NOT_FOUND', `找不到数据文件：${databasePath}（可先运行 init 建立）`);
}

/**
 * Reads from an existing data file before the command opens it. A database not yet set up
 * (schema version 0) gives `empty`; one written by a newer program is refused as opening it would be.
 * Opened read-write but only read: closing the last connection removes the -wal and -shm files
 * it made (a read-only connection would leave them behind).
 */
export function peekDatabase<T>(databasePath: string, empty: T, read: (db: Sqlite) => T): T {
  if (!fs.existsSync(databasePath)) throw missingDatabase(databasePath);
  const db = openRaw(databasePath, { pragmas: false });
  try {
    return refuseNewer(db, databasePath) === 0 ? empty : read(db);
  } finally {
    db.close();
  }
}

export interface Named {
  id: string;
  name: string;
  /** Shown after the name in the list of choices, e.g. '本支部'. */
  note?: string;
}

/** The choices as a message lists them; a name held twice is told apart by its id. */
function choiceList(items: readonly Named[]): string {
  return items
    .map((item) => {
      const twice = items.filter((other) => other.name === item.name).length > 1;
      const notes = [item.note, twice ? `编号 ${item.id}` : undefined].filter(Boolean);
      return notes.length ? `${item.name}（${notes.join('，')}）` : item.name;
    })
    .join('、');
}

/**
 * The item `text` names: its full name or its id, or else (with `partial`) a part of one name only.
 * Unknown or ambiguous: a usage error naming the option and listing every choice (`what`: '支部', '党小组').
 */
export function pickByName<I extends Named>(
  items: readonly I[],
  text: string,
  { option, what, partial, command }: { option: string; what: string; partial: boolean; command: CliCommand },
): I {
  const wanted = text.trim();
  const exact = items.filter((i) => i.name === wanted || i.id === wanted);
  const matches = exact.length || !partial ? exact : items.filter((i) => i.name.includes(wanted));
  if (matches.length === 1) return matches[0]!;
  const choices = items.length ? `数据文件中的${what}：${choiceList(items)}` : `数据文件中还没有${what}`;
  const problem = exact.length
    ? `有 ${exact.length} 个${what}名为“${wanted}”，请改用编号`
    : matches.length
      ? `有 ${matches.length} 个${what}的名称含“${wanted}”，请写出完整名称`
      : `没有名为“${wanted}”的${what}`;
  throw new UsageError(`选项 ${option}：${problem}。${choices}`, command);
}

/** --branch 名称: a branch the database holds (taken in from a package), by its full name or a unique part of it; null: the local branch. */
export function branchOption(values: OptionValues, databasePath: string, command: CliCommand): string | null {
  const text = optionalString(values, 'branch', command);
  if (text === null) return null;
  const branches = peekDatabase(databasePath, [], (db) => listBranches(db).map((b) => ({ ...b, note: b.isLocal ? '本支部' : undefined })));
  return pickByName(branches, text, { option: '--branch', what: '支部', partial: true, command }).id;
}

/** The word --branch takes for every branch in the data file (a committee's roll-up). */
export const ALL_BRANCHES = 'all';

/**
 * --branch 名称|all, for listings that may span branches: null = the local branch, 'all' = every
 * branch, else the id of the branch named. An unknown name also says that `all` is accepted.
 */
export function branchScopeOption(values: OptionValues, databasePath: string, command: CliCommand): string | null {
  const text = optionalString(values, 'branch', command);
  if (text === null) return null;
  if (text.toLowerCase() === ALL_BRANCHES || text === '全部') return ALL_BRANCHES;
  try {
    return branchOption(values, databasePath, command);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${e.message}；或写 --branch all 列出全部支部`, command);
    throw e;
  }
}
