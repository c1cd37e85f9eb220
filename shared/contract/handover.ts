/** Hand-over and backup types that cross the contract. */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

export const PACKAGE_FORMAT = 'branch-desk-handover';
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_EXTENSION = '.zbk';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const date = z.string().refine(isIsoDate).nullable();
const part = z.object({ file: z.string(), rows: z.number().int().min(0), sha256, bytes: z.number().int().min(0) });

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  packageId: z.string().uuid(),
  createdAt: z.string(),
  createdBy: z.string(),
  branch: z.object({ id: z.string().uuid(), name: z.string(), parentCommittee: z.string() }),
  period: z.object({ from: date, to: date }),
  tables: z.array(part.extend({ name: z.string(), label: z.string() })),
  changeLog: part,
  attachments: z.array(z.object({ name: z.string(), file: z.string(), sha256, bytes: z.number().int().min(0) })),
});
export type PackageManifest = z.infer<typeof manifestSchema>;

/** What to put in a hand-over package (the renderer's request; main adds the app version). */
export interface HandoverExportRequest {
  password?: string | null;
  from?: string | null;
  to?: string | null;
  /** Table names; their dependencies are added. Omitted: every registered table. */
  tables?: string[] | null;
  createdBy?: string | null;
  /** The branch to export (a committee passing an imported branch on); omitted: the local branch. */
  branchId?: string | null;
}

export type Resolution = 'package' | 'local';

export interface TableCounts {
  label: string;
  new: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  /** Rows the package has in an older version than this database (counted in unchanged too). */
  localNewer: number;
}

export interface ConflictField {
  field: string;
  label: string;
  local: unknown;
  package: unknown;
}

export interface ConflictItem {
  key: string;
  table: string;
  tableLabel: string;
  id: string;
  label: string;
  /** edited: both sides changed the record; duplicate: a different record with the same identity (e.g. ID number). */
  kind: 'edited' | 'duplicate';
  localUpdatedAt: string;
  packageUpdatedAt: string;
  fields: ConflictField[];
}

export interface ImportPreview {
  package: PackageManifest;
  tables: Record<string, TableCounts>;
  conflicts: ConflictItem[];
  /** An empty database takes the package's branch as its own (hand-over to a successor). */
  becomesLocalBranch: boolean;
}

export interface BackupInfo {
  name: string;
  path: string;
  createdAt: string;
  reason: string;
  reasonLabel: string;
  size: number;
}

export interface VerifyResult {
  ok: boolean;
  integrity: string;
  schemaVersion: number;
}

export interface HandoverLogEntry {
  packageId: string;
  direction: 'import' | 'export';
  branchName: string;
  packageCreatedAt: string;
  at: string;
}
