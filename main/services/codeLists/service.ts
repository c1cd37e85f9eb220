/**
 * Code lists (字典): reading, adding, renaming, ordering, retiring and deleting items.
 * One user action = one transaction.
 *
 * Defaults: a kind's defaults are written for a branch the first time that kind is read for it (in the
 * reading transaction), not at branch creation with a migration for existing branches. That keeps the
 * capability in its own folder (branch creation and earlier migrations stay untouched), serves branches
 * taken in from packages made before code lists existed, and adds a kind later without a migration.
 * A kind that has any row for the branch, even one in the trash, is never filled again.
 * Default rows get ids and revisions derived from (branch, kind, label): two installations that fill the
 * same branch's defaults write identical rows, so a hand-over finds them unchanged instead of doubling
 * every default (the generic merge matches rows by id and compares revisions).
 */
import crypto from 'node:crypto';
import { AppError, validationError } from '../../../shared/contract/errors';
import {
  CODE_LIST_KINDS,
  cleanLabel,
  codeListKind,
  duplicateProblem,
  labelKey,
  labelProblems,
  type CodeItem,
  type CodeList,
  type CodeListKey,
  type CodeListKind,
} from '../../../shared/domain/codeLists';
import { all, first, nowIso, qb, type Sqlite } from '../../db/query';
import { insertRow, trashRow, updateRow } from '../../db/rows';
import { requireBranchId, resolveBranchId } from '../branch/branch';
import type { CodeItemsTable } from './tables';
import './tables';

const DEFAULTS_NAMESPACE = 'branch-desk:code-lists:defaults';

/** A name-based UUID (version 5 layout) of the given parts: the same parts always give the same id. */
function derivedUuid(...parts: string[]): string {
  const hash = crypto.createHash('sha1').update([DEFAULTS_NAMESPACE, ...parts].join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function defaultItemId(branchId: string, kind: string, label: string): string {
  return derivedUuid('id', branchId, kind, label);
}

function requireKind(key: string): CodeListKind {
  const kind = codeListKind(key);
  if (!kind) throw new AppError('E_VALIDATION', `没有这种字典：“${key}”`, [{ field: 'kind', message: '没有这种字典' }]);
  return kind;
}

function toItem(r: CodeItemsTable): CodeItem {
  return {
    id: r.id,
    kind: r.kind as CodeListKey,
    label: r.label,
    sortOrder: r.sort_order,
    inUse: r.in_use === 1,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

function liveItems(db: Sqlite, branchId: string, kind: string): CodeItemsTable[] {
  return all(
    db,
    qb
      .selectFrom('code_items')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('kind', '=', kind)
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('created_at')
      .orderBy('id'),
  );
}

/** Writes the kind's defaults when the branch has never had an item of it. Call inside a transaction. */
function fillDefaults(db: Sqlite, branchId: string, kind: CodeListKind): void {
  const any = first(db, qb.selectFrom('code_items').select('id').where('branch_id', '=', branchId).where('kind', '=', kind.key).limit(1));
  if (any) return;
  const at = nowIso();
  kind.defaults.forEach((label, i) => {
    insertRow(db, 'code_items', {
      id: defaultItemId(branchId, kind.key, label),
      branch_id: branchId,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      rev: derivedUuid('rev', branchId, kind.key, label),
      kind: kind.key,
      label,
      sort_order: i + 1,
      in_use: 1,
      note: '',
    });
  });
}

function listOf(db: Sqlite, branchId: string, kind: CodeListKind): CodeList {
  fillDefaults(db, branchId, kind);
  return { kind: kind.key as CodeListKey, label: kind.label, usedBy: kind.usedBy, maxLength: kind.maxLength, items: liveItems(db, branchId, kind.key).map(toItem) };
}

/** Every kind, or one, with its items in order (retired ones included). */
export function listCodeLists(db: Sqlite, options: { kind?: string | null; branchId?: string | null } = {}): CodeList[] {
  return db.transaction(() => {
    const branchId = resolveBranchId(db, options.branchId, 'branchId', '支部');
    const kinds = options.kind ? [requireKind(options.kind)] : CODE_LIST_KINDS;
    return kinds.map((kind) => listOf(db, branchId, kind));
  })();
}

/** The labels a pick list offers: items in use, in order. */
export function codeOptions(db: Sqlite, kindKey: string, branchIdOrNull?: string | null): string[] {
  return db.transaction(() => {
    const branchId = resolveBranchId(db, branchIdOrNull, 'branchId', '支部');
    const kind = requireKind(kindKey);
    fillDefaults(db, branchId, kind);
    return liveItems(db, branchId, kind.key)
      .filter((r) => r.in_use === 1)
      .map((r) => r.label);
  })();
}

function requireItem(db: Sqlite, id: string): CodeItemsTable {
  const row = first(db, qb.selectFrom('code_items').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row) throw new AppError('E_NOT_FOUND', '这个字典条目不存在或已被删除');
  return row;
}

/** Refuses a label that is empty, too long, or already taken in the list (live items, or one waiting in the trash). */
function checkLabel(db: Sqlite, branchId: string, kind: CodeListKind, label: string, selfId: string | null): void {
  const problems = labelProblems(kind, label);
  if (problems.length) throw validationError(problems, { label: `${kind.label}名称` });
  const others = liveItems(db, branchId, kind.key).filter((r) => r.id !== selfId);
  const clash = duplicateProblem(kind, label, others);
  if (clash) {
    const retired = others.find((o) => labelKey(o.label) === labelKey(label) && o.in_use === 0);
    const message = retired ? `${clash.message}（“${retired.label}”已停用，可以重新启用）` : clash.message;
    throw new AppError('E_CONFLICT', message, [{ field: 'label', message }]);
  }
  // A trashed item restored later must not double a label: the same label is restored, not added again.
  const trashed = all(
    db,
    qb.selectFrom('code_items').select(['id', 'label']).where('branch_id', '=', branchId).where('kind', '=', kind.key).where('deleted_at', 'is not', null),
  ).find((r) => r.id !== selfId && labelKey(r.label) === labelKey(label));
  if (trashed) {
    const message = `${kind.label}“${trashed.label}”已被删除，在回收站中，请到回收站恢复它，不要重复添加`;
    throw new AppError('E_CONFLICT', message, [{ field: 'label', message }]);
  }
}

export interface SaveCodeItem {
  id?: string | null;
  kind: string;
  label: string;
  note?: string;
  expectedUpdatedAt?: string | null;
}

/** Adds an item at the end of its list (in use), or changes an item's label and note. */
export function saveCodeItem(db: Sqlite, input: SaveCodeItem): CodeItem {
  return db.transaction(() => {
    const kind = requireKind(input.kind);
    const label = cleanLabel(input.label);
    const note = (input.note ?? '').trim();
    if (input.id) {
      const before = requireItem(db, input.id);
      if (before.kind !== kind.key) {
        throw new AppError('E_VALIDATION', `这个条目属于“${codeListKind(before.kind)?.label ?? before.kind}”，不能改到“${kind.label}”`, [
          { field: 'kind', message: '不能改变条目所属的字典' },
        ]);
      }
      checkLabel(db, before.branch_id, kind, label, before.id);
      return toItem(updateRow(db, 'code_items', before.id, { label, note }, input.expectedUpdatedAt ?? undefined));
    }
    const branchId = requireBranchId(db);
    fillDefaults(db, branchId, kind);
    checkLabel(db, branchId, kind, label, null);
    const last = liveItems(db, branchId, kind.key).reduce((max, r) => Math.max(max, r.sort_order), 0);
    const at = nowIso();
    const row: CodeItemsTable = {
      id: crypto.randomUUID(),
      branch_id: branchId,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      rev: crypto.randomUUID(),
      kind: kind.key,
      label,
      sort_order: last + 1,
      in_use: 1,
      note,
    };
    return toItem(insertRow(db, 'code_items', row));
  })();
}

/** Puts the kind's live items in the given order: the list must name each of them exactly once. */
export function reorderCodeItems(db: Sqlite, kindKey: string, ids: readonly string[]): CodeList {
  return db.transaction(() => {
    const kind = requireKind(kindKey);
    const branchId = requireBranchId(db);
    fillDefaults(db, branchId, kind);
    const items = liveItems(db, branchId, kind.key);
    const known = new Set(items.map((r) => r.id));
    const unique = new Set(ids);
    if (unique.size !== ids.length || unique.size !== known.size || ids.some((id) => !known.has(id))) {
      throw new AppError('E_CONFLICT', `${kind.label}列表已在别处被修改，请刷新后重新排序`, [{ field: 'ids', message: '顺序与当前条目不符' }]);
    }
    const byId = new Map(items.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      if (byId.get(id)!.sort_order !== i + 1) updateRow(db, 'code_items', id, { sort_order: i + 1 });
    });
    return listOf(db, branchId, kind);
  })();
}

/** 停用 (false) or 启用 (true): a retired item stays for the records that use it but is left out of pick lists. */
export function setCodeItemInUse(db: Sqlite, id: string, inUse: boolean): CodeItem {
  return db.transaction(() => {
    requireItem(db, id);
    return toItem(updateRow(db, 'code_items', id, { in_use: inUse ? 1 : 0 }));
  })();
}

/** Moves an item to the trash; records that hold its label keep showing it. */
export function deleteCodeItem(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireItem(db, id);
    trashRow(db, 'code_items', id);
  })();
}
