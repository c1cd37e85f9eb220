/** Helpers for the package trust tests: rewriting a plain package, and hashing a database's files. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { readZip, writeZip } from '../../main/services/handover/zip';
import type { AppContext } from '../../main/app/context';
import { installationKey, publicKeyText, signManifest } from '../../main/services/handover/keys';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** The database file and its WAL, hashed after a checkpoint: equal hashes mean nothing was written. */
export function databaseBytes(ctx: AppContext): string {
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return [ctx.databasePath, `${ctx.databasePath}-wal`].map((f) => (fs.existsSync(f) ? sha(fs.readFileSync(f)) : '-')).join('/');
}

export type Entries = Map<string, any>;

/**
 * Rewrites a plain package: `change` gets every JSON entry parsed (the manifest too) and edits them in
 * place; checksums and row counts are fixed up afterwards, as a careful attacker would. `signAs`: signed
 * again with that installation's key (an attacker holding it, or the branch itself).
 */
export async function rewritePackage(pkg: Buffer, change: (entries: Entries) => void, options: { signAs?: AppContext } = {}): Promise<Buffer> {
  const raw = await readZip(pkg);
  const entries: Entries = new Map([...raw].map(([name, data]) => [name, name.endsWith('.json') ? JSON.parse(data.toString()) : data]));
  change(entries);
  const manifest = entries.get('manifest.json');
  const out = new Map<string, Buffer>();
  for (const [name, value] of entries) if (name !== 'manifest.json') out.set(name, Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value)));
  for (const part of [...manifest.tables, manifest.changeLog]) {
    const data = out.get(part.file);
    if (!data) continue;
    Object.assign(part, { sha256: sha(data), bytes: data.length, rows: JSON.parse(data.toString()).length });
  }
  if (options.signAs) {
    const key = installationKey(options.signAs.db);
    manifest.signer = { algorithm: 'ed25519', publicKey: publicKeyText(key) };
  }
  const manifestData = Buffer.from(JSON.stringify(manifest));
  out.set('manifest.json', manifestData);
  if (options.signAs) out.set('manifest.sig', Buffer.from(signManifest(installationKey(options.signAs.db), manifestData).toString('base64')));
  return writeZip([...out].map(([name, data]) => ({ name, data })));
}
