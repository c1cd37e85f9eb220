/**
 * Binary column values (BLOB, e.g. a meeting's attachments) outside the database. Rows travel as JSON, where a
 * Buffer would become {"type":"Buffer","data":[…]} (four times its size, and read back as an object):
 * - in a hand-over package a BLOB is {"$base64": "…"} and is decoded back into bytes when the package is read;
 * - in the change log a BLOB is described (size and checksum), never copied: the row itself holds the bytes.
 */
import crypto from 'node:crypto';

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/** 文件 12.3 KB（sha256 3f2a9c1b…） */
export function describeBytes(bytes: Uint8Array): string {
  const size = bytes.length < 1024 ? `${bytes.length} 字节` : bytes.length < 1024 * 1024 ? `${(bytes.length / 1024).toFixed(1)} KB` : `${(bytes.length / 1024 / 1024).toFixed(1)} MB`;
  return `文件 ${size}（sha256 ${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12)}…）`;
}

function replacing(encode: (bytes: Uint8Array) => unknown) {
  // JSON.stringify hands the replacer the value after toJSON; the holder still has the original.
  return function (this: Record<string, unknown>, key: string, value: unknown): unknown {
    const original = this[key];
    return isBytes(original) ? encode(original) : value;
  };
}

/** JSON for the change log: bytes described, not copied. */
export function logJson(value: unknown): string {
  return JSON.stringify(value, replacing(describeBytes));
}

/** JSON for a hand-over package: bytes as {"$base64": "…"}. */
export function packageJson(value: unknown): string {
  return JSON.stringify(value, replacing((bytes) => ({ $base64: Buffer.from(bytes).toString('base64') })));
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A package's {"$base64": "…"} as bytes; null when the value is anything else (or not strict base64). */
export function bytesFromPackage(value: unknown): Buffer | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const text = (value as { $base64?: unknown }).$base64;
  if (keys.length !== 1 || typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) return null;
  return Buffer.from(text, 'base64');
}

/** Equality of stored values, bytes compared by content. */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  if (isBytes(a) && isBytes(b)) return Buffer.from(a).equals(Buffer.from(b));
  return a === b;
}

/** A stored value as a screen can show it (bytes described). */
export function shownValue(value: unknown): unknown {
  return isBytes(value) ? describeBytes(value) : value;
}
