/**
 * Signing keys (Ed25519, node:crypto). Each installation has one key pair, kept in its database
 * (app_meta, PKCS#8 PEM): the key travels with the data it vouches for — in backups, restores and
 * a copy of the data file — and a successor takes it over from an encrypted package.
 * A package's manifest names the public key; `manifest.sig` holds the signature over the
 * manifest's exact bytes, which list every part's SHA-256.
 */
import crypto from 'node:crypto';
import { first, qb, run, type Sqlite } from '../../db/query';

export const SIGNING_KEY_META = 'signing_key';
export const SIGNATURE_FILE = 'manifest.sig';
export const SUCCESSOR_KEY_FILE = 'keys/branch-key.pem';
const CONTEXT = Buffer.from('branch-desk handover manifest signature v1\n');

export function newSigningKey(): string {
  return crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** This installation's private key as stored (PEM), or null. */
export function installationKeyPem(db: Sqlite): string | null {
  return first(db, qb.selectFrom('app_meta').select('value').where('key', '=', SIGNING_KEY_META))?.value ?? null;
}

/** This installation's private key (made if a database somehow lacks one). */
export function installationKey(db: Sqlite): crypto.KeyObject {
  let pem = installationKeyPem(db);
  if (!pem) setInstallationKey(db, (pem = newSigningKey()));
  return crypto.createPrivateKey(pem);
}

export function setInstallationKey(db: Sqlite, pem: string): void {
  run(db, qb.insertInto('app_meta').values({ key: SIGNING_KEY_META, value: pem }).onConflict((oc) => oc.column('key').doUpdateSet({ value: pem })));
}

/** The public key as it travels: base64 of its SPKI DER encoding. */
export function publicKeyText(key: crypto.KeyObject): string {
  return crypto.createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** A short fingerprint to read out on the phone: the first 8 bytes of the key's SHA-256, as 4 groups of 4 hex digits. */
export function fingerprint(publicKey: string): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function signManifest(key: crypto.KeyObject, manifestBytes: Buffer): Buffer {
  return crypto.sign(null, Buffer.concat([CONTEXT, manifestBytes]), key);
}

/** false for a bad signature or a public key that is not an Ed25519 key. */
export function verifyManifest(publicKey: string, manifestBytes: Buffer, signature: Buffer): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && crypto.verify(null, Buffer.concat([CONTEXT, manifestBytes]), key, signature);
  } catch {
    return false;
  }
}

/** The public key of a carried private key, or null when it is not an Ed25519 private key. */
export function publicKeyOfPem(pem: string): string | null {
  try {
    const key = crypto.createPrivateKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? publicKeyText(key) : null;
  } catch {
    return null;
  }
}
