/** The roster spreadsheet engine: read (.xlsx/.xls/.csv), preview, apply, export. */
import type { Sqlite } from '../../db/query';
import { applyImport, type ApplyOptions, type ApplyResult } from './apply';
import { previewImport, type ImportPreview, type PreviewOptions } from './preview';
import { readSpreadsheetFile } from './readers';

export * from './grid';
export { IMPORT_FIELDS, fieldForHeader, mappingProblems, type ColumnMapping, type ImportField } from './headers';
export { matchColumns, fieldForHint, hintWords, type ColumnReason, type MatchedBy } from './matching';
export { readSpreadsheet, readSpreadsheetFile, decodeText, formatOf } from './readers';
export { previewImport, previewSummary, describeIssue, isInstructionRow } from './preview';
export type { CellIssue, FieldChange, ImportPreview, PreviewOptions, PreviewRow, RowOutcome, SkippedRow } from './preview';
export { applyImport, type ApplyOptions, type ApplyResult } from './apply';
export { exportRosterXlsx, EXPORT_COLUMNS, type RosterExportOptions } from './export';

export interface ImportFileOptions extends PreviewOptions, ApplyOptions {
  /** Preview only (`roster import --dry-run`). */
  dryRun?: boolean;
}

/** Reads, previews and (unless dryRun) writes a spreadsheet: what `roster import FILE` does. */
export async function importSpreadsheetFile(
  db: Sqlite,
  databasePath: string,
  file: string,
  options: ImportFileOptions = {},
): Promise<{ preview: ImportPreview; applied: ApplyResult | null }> {
  const grid = await readSpreadsheetFile(file);
  const preview = previewImport(db, grid, options);
  const applied = options.dryRun ? null : await applyImport(db, databasePath, preview, options);
  return { preview, applied };
}
