/** The hand-over package (交接包, .zbk): a zip with header.json and either the content or its encryption. */
import { z } from 'zod';
import { isIsoDate } from '../../../shared/domain/dates';

export const PACKAGE_FORMAT = 'branch-desk-handover';
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_EXTENSION = '.zbk';

export const HEADER_FILE = 'header.json';
export const PAYLOAD_FILE = 'payload.bin';
export const MANIFEST_FILE = 'manifest.json';
export const CHANGE_LOG_FILE = 'data/change_log.json';
export const tableFile = (name: string) => `data/${name}.json`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const date = z.string().refine(isIsoDate).nullable();

export const headerSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().positive(),
  encrypted: z.boolean(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }).optional(),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: z.string() }).optional(),
  keyCheck: z.string().optional(),
});
export type PackageHeader = z.infer<typeof headerSchema>;

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

export type StoredRow = Record<string, unknown> & { id: string; branch_id: string; rev: string };

export interface ChangeLogRow {
  table_name: string;
  row_id: string;
  branch_id: string;
  action: string;
  changed_at: string;
  old_json: string | null;
  new_json: string | null;
  rev: string;
}

export interface ParsedPackage {
  manifest: PackageManifest;
  tables: Map<string, StoredRow[]>;
  changeLog: ChangeLogRow[];
}
