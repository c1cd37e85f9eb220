/**
 * Password protection: AES-256-GCM under a key derived from the password with scrypt. A key-check
 * value tells a wrong password apart from changed bytes, which GCM's tag detects; the header (kdf
 * parameters, iv, check value) is bound to the ciphertext as additional authenticated data, and an
 * unkeyed SHA-256 of it tells a header damaged on the way apart from a wrong password.
 *
 * The scrypt parameters are fixed: a package asking for others is refused before any derivation
 * (a hostile header could otherwise ask for gigabytes and a minute of work). The derivation runs
 * on libuv's thread pool (async crypto.scrypt), so the main process keeps answering meanwhile.
 */
import crypto from 'node:crypto';
import { PackageError } from './errors';

export interface CipherHeader {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string };
  /** HMAC-SHA256 of a fixed label under the derived key. */
  keyCheck: string;
  /** SHA-256 of the fields above (not keyed): a damaged header is told apart from a wrong password. Absent in older packages. */
  headerCheck?: string;
}

/** The only parameters the app writes and accepts. */
export const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

function deriveKey(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), 32, { ...SCRYPT, maxmem: 256 * SCRYPT.N * SCRYPT.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function checkKdf(kdf: { N: unknown; r: unknown; p: unknown }): void {
  if (kdf.N !== SCRYPT.N || kdf.r !== SCRYPT.r || kdf.p !== SCRYPT.p) {
    throw new PackageError(
      'unsupported-kdf',
      `交接包的密钥参数（N=${String(kdf.N).slice(0, 12)}, r=${String(kdf.r).slice(0, 6)}, p=${String(kdf.p).slice(0, 6)}）不是本程序使用的参数，已拒绝，未做任何解密尝试`,
    );
  }
}

/** The header fields in a fixed order, whatever object they arrive in. */
const aad = (h: CipherHeader) =>
  Buffer.from(
    JSON.stringify([h.kdf.name, h.kdf.N, h.kdf.r, h.kdf.p, h.kdf.salt, h.cipher.name, h.cipher.iv, h.keyCheck ?? '']),
  );
const headerCheck = (h: CipherHeader) => crypto.createHash('sha256').update(aad(h)).digest('base64');
const keyCheck = (key: Buffer) => crypto.createHmac('sha256', key).update('branch-desk key check').digest('base64');

export async function encrypt(plain: Buffer, password: string): Promise<{ header: CipherHeader; payload: Buffer }> {
  const kdf: CipherHeader['kdf'] = { name: 'scrypt', ...SCRYPT, salt: crypto.randomBytes(16).toString('base64') };
  const key = await deriveKey(password, kdf.salt);
  const header: CipherHeader = {
    kdf,
    cipher: { name: 'aes-256-gcm', iv: crypto.randomBytes(12).toString('base64') },
    keyCheck: keyCheck(key),
  };
  header.headerCheck = headerCheck(header);
  const c = crypto.createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  c.setAAD(aad(header));
  const payload = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  return { header, payload };
}

export async function decrypt(payload: Buffer, header: CipherHeader, password: string): Promise<Buffer> {
  checkKdf(header.kdf);
  if (header.headerCheck !== undefined && header.headerCheck !== headerCheck(header)) {
    throw new PackageError('header-damaged', '交接包的包头在传递中被改动过或已损坏（包头校验失败），与密码无关');
  }
  if (payload.length < 16) throw new PackageError('truncated', '交接包的加密内容不完整');
  const key = await deriveKey(password, header.kdf.salt);
  const expected = Buffer.from(keyCheck(key));
  const given = Buffer.from(String(header.keyCheck));
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    throw new PackageError('wrong-password', '密码不正确');
  }
  const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  d.setAAD(aad(header));
  d.setAuthTag(payload.subarray(payload.length - 16));
  try {
    return Buffer.concat([d.update(payload.subarray(0, payload.length - 16)), d.final()]);
  } catch {
    throw new PackageError('checksum', '交接包的加密内容在传递中被改动过或已损坏（校验失败）');
  }
}
