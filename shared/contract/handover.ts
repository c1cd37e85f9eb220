/** Hand-over packages between branches and successors (and the backup types that cross the contract). */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { defineOperations, op } from './define';
import { branchRef, fileData, none, optionalDate, password } from './common';

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
  /** The installation that made the package: its Ed25519 public key (SPKI DER, base64); manifest.sig signs this manifest. Absent in packages of older versions. */
  signer: z
    .object({
      algorithm: z.literal('ed25519'),
      publicKey: z.string().max(200),
      /**
       * The signing installation's own branch, whose key this is. Another branch than `branch`: a re-export (a committee
       * passing a branch's data on, up or back), judged against the key known for this branch. Absent: `branch` itself.
       */
      branch: z.object({ id: z.string().uuid(), name: z.string().max(100) }).optional(),
    })
    .optional(),
  /** In an encrypted package of the maker's own branch: the branch's private key, for a successor who takes the branch over. */
  successorKey: z.object({ file: z.string(), sha256, bytes: z.number().int().min(0) }).optional(),
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
  /**
   * 交给接任者: the package carries the branch's private signing key, so that the successor who imports it signs as the
   * branch. Only for the local branch, and only with a password. Otherwise a package never carries the key.
   */
  forSuccessor?: boolean;
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

/**
 * Who signed the package, as this database sees it (docs/security.md, 交接包的信任模型):
 * own — this installation's key (this database or a copy of it); pinned — the key this database pinned for the branch;
 * new — the first package from this branch, its key will be pinned; changed — another key than the pinned one,
 * imported only when the user accepts the new key; unsigned — a package of an older version, accepted only from a
 * branch that has no pinned key. For a re-export (relayedBy) the key judged is the relaying branch's, and a relaying
 * key this database does not know yet is `changed` (needs acceptance) when the relayed branch is already known here.
 */
export interface PackageTrust {
  status: 'own' | 'pinned' | 'new' | 'changed' | 'unsigned';
  /** Short fingerprint of the signing key (4 groups of 4 hex digits), null when unsigned. */
  fingerprint: string | null;
  /** The fingerprint pinned for this branch before, when it differs. */
  pinnedFingerprint: string | null;
  /** The package carries the branch's private signing key (exported 交给接任者). */
  carriesKey: boolean;
  /** The package carries the branch's key and this database takes the branch over: it will sign as that branch. */
  takesOverKey: boolean;
  /** A re-export: signed by another branch's installation (a committee passing this branch's data on), judged by that branch's key. */
  relayedBy: { id: string; name: string } | null;
  /** A notice for the preview, in Chinese; empty when there is nothing to say. */
  notice: string;
}

export interface ImportPreview {
  package: PackageManifest;
  trust: PackageTrust;
  tables: Record<string, TableCounts>;
  conflicts: ConflictItem[];
  /** An empty database takes the package's branch as its own (hand-over to a successor). */
  becomesLocalBranch: boolean;
  /** Whether the package was protected by a password: a plain one carries names and ID numbers readable by anyone. */
  encrypted: boolean;
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
  /** '' for entries logged before the file name was kept. */
  fileName: string;
  /** null: not known (logged before this was kept). */
  encrypted: boolean | null;
  /** The secretary's name as entered at export ('' when none was entered). */
  createdBy: string;
  periodFrom: string | null;
  periodTo: string | null;
  /** Rows per table: in the package (export), or taken in as new/updated (import). */
  tables: HandoverLogCount[];
  totalRows: number;
}

export interface HandoverLogCount {
  label: string;
  rows: number;
  /** Import only: rows added and rows updated. */
  new?: number;
  updated?: number;
}

const HANDOVER_FIELD_LABELS = {
  branchId: '支部',
  from: '起始日期',
  to: '结束日期',
  tables: '导出的数据',
  createdBy: '交接人',
  password: '密码',
  forSuccessor: '交给接任者',
};
const resolution = z.enum(['package', 'local']);

export const handoverOperations = defineOperations('handover', HANDOVER_FIELD_LABELS, {
  'handover.export': op<{ fileName: string; data: string; manifest: PackageManifest }>()(
    z.object({
      password,
      from: optionalDate,
      to: optionalDate,
      tables: z.array(z.string().max(40)).max(50).nullish(),
      createdBy: z.string().max(30).nullish(),
      /** The branch to export (a committee passing an imported branch on); omitted: the local branch. */
      branchId: branchRef,
      forSuccessor: z.boolean().default(false),
    }),
  ),
  'handover.preview': op<{ stagingId: string; preview: ImportPreview }>()(
    z.object({ data: fileData, fileName: z.string().max(260).default(''), password }),
  ),
  'handover.import': op<{ preview: ImportPreview; backup: string }>()(
    z.object({
      stagingId: z.string().uuid(),
      password,
      all: resolution.nullish(),
      byKey: z.record(z.string().max(100), resolution).default({}),
      /** The user has compared the new key's fingerprint and accepts it for the package's branch (logged). */
      acceptNewKey: z.boolean().default(false),
    }),
  ),
  'handover.history': op<HandoverLogEntry[]>()(none),
});
