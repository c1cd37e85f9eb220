/**
 * The columns each export can take, in print order, with the defaults a secretary usually wants. Keys and names
 * come from the shared column list (shared/domain/rosterColumns), which the exporters use too.
 */
import { DOCX_COLUMN_KEYS, DOCX_DEFAULT_COLUMN_KEYS, rosterColumnLabel, XLSX_COLUMN_KEYS, type RosterColumnKey } from '../../../../shared/domain/rosterColumns';

export interface ExportColumn {
  key: string;
  label: string;
}

const labelled = (keys: readonly RosterColumnKey[]): readonly ExportColumn[] => keys.map((key) => ({ key, label: rosterColumnLabel(key) }));

/** The spreadsheet: every importable field, so the file reads back unchanged. */
export const XLSX_COLUMNS = labelled(XLSX_COLUMN_KEYS);
export const XLSX_DEFAULT: string[] = [...XLSX_COLUMN_KEYS];

/** The printed 党员花名册 (序号 always comes first). */
export const DOCX_COLUMNS = labelled(DOCX_COLUMN_KEYS);
export const DOCX_DEFAULT: string[] = [...DOCX_DEFAULT_COLUMN_KEYS];
