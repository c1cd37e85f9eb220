/** Roster files: spreadsheet import with a preview, Excel and Word rosters, the branch overview and its statistics. */
import { z } from 'zod';
import type { PrintDocument } from '../documents/model';
import type { Orientation } from '../documents/presets';
import type { PipelineBoard } from '../domain/pipeline';
import type { BranchStatistics } from '../domain/statistics';
import { defineOperations, op } from './define';
import { branchRef, fileData, none } from './common';
import { memberSearchSchema } from './roster';

export interface ExportedFile {
  fileName: string;
  /** The file's bytes in base64; the renderer saves them where the user chooses. */
  data: string;
  count?: number;
}

/**
 * How a printed roster will be set, decided before anything is written: the table's size and orientation, and when the
 * chosen columns cannot fit at the smallest size allowed, what the user can do about it (in Chinese).
 */
export interface RosterPrintPlan {
  orientation: Orientation;
  /** Table text size in points (the largest that fits; the minimum when nothing fits). */
  size: number;
  /** The smallest size the user allows, in points (五号 10.5 unless asked). */
  minSize: number;
  /** False: values that must stay on one line (ID numbers, dates, phones) do not fit even at `minSize`. */
  fits: boolean;
  /** Some free-text columns (names, party groups, addresses) wrap onto more lines. */
  wraps: boolean;
  /** Twips the columns need, and the width of the page between its margins. */
  need: number;
  available: number;
  /** When it does not fit: one sentence saying so, else null. */
  problem: string | null;
  /** When it does not fit: what would make it fit (横向, fewer columns naming the widest, a smaller size). */
  suggestions: string[];
}

export interface RosterPreview {
  document: PrintDocument;
  plan: RosterPrintPlan;
}

export interface DocumentPreview {
  document: PrintDocument;
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

/** Why a column is imported as its field (or not imported), shown beside its mapping. */
export interface SheetColumnReason {
  /** header: its name; hint: the values named in its parentheses; values: what it holds; user: chosen by the user; null: not imported. */
  by: 'header' | 'hint' | 'values' | 'user' | null;
  /** A short Chinese note: 按列名“性别”, 按内容：都是“正式党员”“预备党员”, 内容（如“普通编制”）不像“人员类别”，未导入 … */
  text: string;
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
  /** Column letter -> why it is matched as it is. */
  reasons: Record<string, SheetColumnReason>;
  /** Fields a column can be mapped to, with their Chinese names. */
  fields: { key: string; label: string }[];
  missingFields: { key: string; label: string }[];
  counts: { new: number; updated: number; unchanged: number; invalid: number };
  invalid: SheetIssue[];
  /** Rows not read as members: blank, a total or signature row at the end, or filling-in instructions. */
  skipped: { row: number; reason: 'blank' | 'footer' | 'instructions'; text: string }[];
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

const IMPORT_FIELD_LABELS = { branchId: '导入到支部', data: '文件', mapping: '列对应', headerRow: '表头行' };
const mapping = z.record(z.string().max(3), z.string().max(40).nullable()).nullish();
const headerRow = z.number().int().min(1).max(100).nullish();
const columns = z.array(z.string().max(40)).max(40).nullish();
/** Which members an export takes: the roster's filters, without paging. */
const exportFilter = memberSearchSchema.omit({ offset: true, limit: true }).default({ query: '', status: 'active', sort: 'name', order: 'asc' });

/** The printed roster: which members, which columns, and how it may be set. */
const rosterPrintInput = z.object({
  filter: exportFilter,
  columns,
  maskIdNumbers: z.boolean().default(false),
  /** No longer printed: the scope line is made from `filter` (kept so older screens' requests still validate). */
  filterLabel: z.string().max(40).nullish(),
  /** A4 landscape unless portrait is asked for. */
  orientation: z.enum(['portrait', 'landscape']).nullish(),
  /** Smallest table text in points the user accepts: 五号 (10.5) unless asked; 小五 9, 六号 7.5. */
  minSize: z.number().min(7.5).max(14).nullish(),
});
const PRINT_FIELD_LABELS = { columns: '列', orientation: '纸张方向', minSize: '最小字号' };

export const rosterFilesOperations = defineOperations('rosterFiles', {}, {
  'roster.importPreview': op<SheetPreview>()(
    z.object({
      stagingId: z.string().uuid().nullish(),
      data: fileData.nullish(),
      fileName: z.string().max(260).default(''),
      mapping,
      headerRow,
      /** The branch imported into: duplicates and updates are matched within it. Omitted: the local branch. */
      branchId: branchRef,
    }),
    IMPORT_FIELD_LABELS,
  ),
  'roster.importApply': op<SheetImportResult>()(
    z.object({
      stagingId: z.string().uuid(),
      mapping,
      headerRow,
      skipInvalid: z.boolean().default(false),
      /** As for roster.importPreview: the branch the previewed rows are written into. */
      branchId: branchRef,
    }),
    IMPORT_FIELD_LABELS,
  ),
  'roster.exportXlsx': op<ExportedFile>()(z.object({ filter: exportFilter, columns })),
  /** Refused (E_VALIDATION, with the plan's problem and suggestions) when the chosen columns cannot fit. */
  'roster.exportDocx': op<ExportedFile>()(rosterPrintInput, PRINT_FIELD_LABELS),
  /** The printed roster as pages to preview, and the fit decision the export dialog shows before anything is saved. */
  'roster.previewDocx': op<RosterPreview>()(rosterPrintInput, PRINT_FIELD_LABELS),
  'overview.get': op<RosterOverview>()(none),
  'overview.exportStatistics': op<ExportedFile>()(none),
  'overview.previewStatistics': op<DocumentPreview>()(none),
});
