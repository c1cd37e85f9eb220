/**
 * Password protection: AES-256-GCM under a key derived from the password with scrypt. A key-check
 * value tells a wrong password apart from changed bytes, which GCM's tag detects; the header (kdf
 * parameters, iv, check value) is bound to the ciphertext as additional authenticated data.
 */
import crypto from 'node:crypto';
import { PackageError } from './errors';

export interface CipherHeader {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string };
  /** HMAC-SHA256 of a fixed label under the derived key. */
  keyCheck: string;
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const MAX_N = 1 << 20;

function deriveKey(password: string, kdf: CipherHeader['kdf']): Buffer {
  return crypto.scryptSync(password.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r,
  });
}

/** The header fields in a fixed order, whatever object they arrive in. */
const aad = (h: CipherHeader) =>
  Buffer.from(
    JSON.stringify([h.kdf.name, h.kdf.N, h.kdf.r, h.kdf.p, h.kdf.salt, h.cipher.name, h.cipher.iv, h.keyCheck ?? '']),
  );
const keyCheck = (key: Buffer) => crypto.createHmac('sha256', key).update('branch-desk key check').digest('base64');

export function encrypt(plain: Buffer, password: string): { header: CipherHeader; payload: Buffer } {
  const kdf: CipherHeader['kdf'] = { name: 'scrypt', ...SCRYPT, salt: crypto.randomBytes(16).toString('base64') };
  const key = deriveKey(password, kdf);
  const header: CipherHeader = {
    kdf,
    cipher: { name: 'aes-256-gcm', iv: crypto.randomBytes(12).toString('base64') },
    keyCheck: keyCheck(key),
  };
  const c = crypto.createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  c.setAAD(aad(header));
  const payload = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  return { header, payload };
}

export function decrypt(payload: Buffer, header: CipherHeader, password: string): Buffer {
  const { N, r, p } = header.kdf;
  if (!Number.isInteger(N) || N > MAX_N || N < 2 || (N & (N - 1)) !== 0 || r < 1 || r > 16 || p < 1 || p > 4) {
    throw new PackageError('manifest-mismatch', '交接包的加密参数异常，已拒绝');
  }
  if (payload.length < 16) throw new PackageError('truncated', '交接包的加密内容不完整');
  const key = deriveKey(password, header.kdf);
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
