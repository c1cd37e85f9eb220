/** Writing a previewed import: a backup first, then every insert and update in one transaction, through the change log. */
import { AppError } from '../../../shared/contract/errors';
import type { MemberFields } from '../../../shared/domain/member';
import { all, qb, type Sqlite } from '../../db/query';
import { insertRow, updateRow } from '../../db/rows';
import { makeBackup, type BackupInfo } from '../backup/backups';
import { ensureGroupByName } from '../roster/groups';
import { memberColumns, newMemberRow } from '../roster/members';
import { resolveBranchId } from '../branch/branch';
import { describeIssue, type ImportPreview, type PreviewRow } from './preview';
import { IMPORT_BRANCH_LABEL } from './stored';

export interface ApplyOptions {
  /** Write the valid rows even when some rows are invalid (those are left out). */
  skipInvalid?: boolean;
  /** Called after every written row (for a progress bar); an exception thrown here rolls everything back. */
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out (only with skipInvalid). */
  skipped: number;
  /** The before-import backup; null when there was nothing to write. */
  backup: BackupInfo | null;
  /** Ids of the members inserted or updated, in row order. */
  memberIds: string[];
}

function refuseInvalid(preview: ImportPreview): never {
  const rows = new Set(preview.invalid.map((p) => p.row)).size;
  const first = preview.invalid[0]!;
  throw new AppError(
    'E_VALIDATION',
    `有 ${rows} 行不能导入，未写入任何数据。${describeIssue(first)}${preview.invalid.length > 1 ? ` 等 ${preview.invalid.length} 处问题` : ''}。` +
      '请改正表格后重新导入，或选择跳过有问题的行。',
    preview.invalid.map((p) => ({ field: `${p.row}.${p.field}`, message: describeIssue(p) })),
  );
}

function groupResolver(db: Sqlite, branchId: string): (name: string | null) => string | null {
  const ids = new Map<string, string>();
  const stored = all(db, qb.selectFrom('party_groups').select(['id', 'name']).where('branch_id', '=', branchId).where('deleted_at', 'is', null));
  for (const g of stored) ids.set(g.name, g.id);
  return (name) => {
    if (!name) return null;
    let id = ids.get(name);
    if (!id) ids.set(name, (id = ensureGroupByName(db, branchId, name)));
    return id;
  };
}

function writeRow(db: Sqlite, branchId: string, row: PreviewRow, groupId: (name: string | null) => string | null): string {
  const fields: MemberFields = { ...row.fields!, partyGroupId: groupId(row.partyGroup) };
  if (row.outcome === 'new') return insertRow(db, 'members', newMemberRow(branchId, fields)).id;
  return updateRow(db, 'members', row.memberId!, memberColumns(fields), row.expectedUpdatedAt ?? undefined).id;
}

function writeAll(db: Sqlite, branch: string, rows: PreviewRow[], onProgress?: ApplyOptions['onProgress']): string[] {
  try {
    return db.transaction(() => {
      // The branch the preview matched against; checked again, as it may have gone to the trash since.
      const branchId = resolveBranchId(db, branch, 'branchId', IMPORT_BRANCH_LABEL);
      const groupId = groupResolver(db, branchId);
      return rows.map((row, i) => {
        const id = writeRow(db, branchId, row, groupId);
        onProgress?.(i + 1, rows.length);
        return id;
      });
    })();
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed: members/.test(e.message)) {
      throw new AppError('E_CONFLICT', '导入期间名册已被修改（出现了相同的身份证号），未写入任何数据。请重新预览后再导入。');
    }
    throw e;
  }
}

/**
 * Writes a preview made by previewImport on the same database: refuses when a row is invalid unless
 * skipInvalid; makes a before-import backup; then writes everything in one transaction.
 */
export async function applyImport(db: Sqlite, databasePath: string, preview: ImportPreview, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (preview.invalid.length && !options.skipInvalid) refuseInvalid(preview);
  const rows = preview.rows.filter((r) => r.outcome === 'new' || r.outcome === 'update');
  const result: ApplyResult = {
    inserted: preview.new,
    updated: preview.updated,
    unchanged: preview.unchanged,
    skipped: preview.rows.filter((r) => r.outcome === 'invalid').length,
    backup: null,
    memberIds: [],
  };
  if (rows.length === 0) return result;
  result.backup = await makeBackup(db, databasePath, 'before-import');
  result.memberIds = writeAll(db, preview.branchId, rows, options.onProgress);
  return result;
}
