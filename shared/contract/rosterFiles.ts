/** Roster files that cross the contract: spreadsheet import previews, exported files, the branch overview. */
import type { PipelineBoard } from '../domain/pipeline';
import type { BranchStatistics } from '../domain/statistics';

export interface ExportedFile {
  fileName: string;
  /** The file's bytes in base64; the renderer saves them where the user chooses. */
  data: string;
  count?: number;
}

export interface SheetIssue {
  row: number;
  column: string | null;
  field: string;
  message: string;
  /** 第 12 行 D 列（身份证号）：…, as shown to the user. */
  text: string;
}

export interface SheetPreviewRow {
  row: number;
  outcome: 'new' | 'update' | 'unchanged' | 'invalid';
  name: string;
  idNumberMasked: string;
  problems: SheetIssue[];
  notes: SheetIssue[];
  changes: { label: string; before: unknown; after: unknown }[];
}

export interface SheetPreview {
  stagingId: string;
  fileName: string;
  /** The branch the rows are matched against and would be written into, as main resolved it. */
  branchId: string;
  branchName: string;
  format: string;
  sheetName: string;
  headerRow: number;
  /** Column letter -> header text. */
  headers: Record<string, string>;
  /** Column letter -> member field (null: not imported). */
  mapping: Record<string, string | null>;
  /** Fields a column can be mapped to, with their Chinese names. */
  fields: { key: string; label: string }[];
  missingFields: { key: string; label: string }[];
  counts: { new: number; updated: number; unchanged: number; invalid: number };
  invalid: SheetIssue[];
  skipped: { row: number; reason: 'blank' | 'footer'; text: string }[];
  rows: SheetPreviewRow[];
}

export interface SheetImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  backup: string | null;
  /** The branch the members were written into. */
  branchId: string;
  branchName: string;
}

export interface RosterOverview {
  date: string;
  statistics: BranchStatistics;
  probation: PipelineBoard['probation'];
  pipeline: { stage: string; total: number }[];
}
