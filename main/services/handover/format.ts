/** The hand-over package (交接包, .zbk): a zip with header.json and either the content or its encryption. */
import { z } from 'zod';
import { PACKAGE_FORMAT, type PackageManifest } from '../../../shared/contract/handover';
import type { ChangeLogEntry } from '../../db/schema';

export { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, PACKAGE_EXTENSION, manifestSchema, type PackageManifest } from '../../../shared/contract/handover';

export const HEADER_FILE = 'header.json';
export const PAYLOAD_FILE = 'payload.bin';
export const MANIFEST_FILE = 'manifest.json';
export const CHANGE_LOG_FILE = 'data/change_log.json';
export const tableFile = (name: string) => `data/${name}.json`;

export const headerSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().positive(),
  encrypted: z.boolean(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }).optional(),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: z.string() }).optional(),
  keyCheck: z.string().optional(),
  headerCheck: z.string().optional(),
});
export type PackageHeader = z.infer<typeof headerSchema>;

/** Rows travel as stored (see StoredRow in main/db/query.ts). */
export type StoredRow = import('../../db/query').StoredRow;

export interface ParsedPackage {
  manifest: PackageManifest;
  tables: Map<string, StoredRow[]>;
  changeLog: ChangeLogEntry[];
  /** The manifest's exact bytes and its signature (manifest.sig), for the trust check. */
  manifestBytes: Buffer;
  signature: Buffer | null;
  /** The branch's private key (PEM), carried only by an encrypted package of the maker's own branch. */
  successorKey: string | null;
  /** Whether the package was protected by a password. */
  encrypted: boolean;
}
