/**
 * Zip in and out, in memory. Reading is strict: entry names are checked before anything is
 * inflated, declared sizes and compression ratios are bounded (a zip bomb is refused before it is
 * inflated), and actual sizes must match the declared ones.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';
import { PackageError } from './errors';

export const ZIP_LIMITS = {
  maxEntries: 2000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  /** Real JSON compresses ~10–20×; 200× or more is a bomb. */
  maxRatio: 200,
};

export function writeZip(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const fixedTime = new Date(2000, 0, 1);
    for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: fixedTime, compress: true });
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Names the app writes: folders of plain ASCII words, no absolute paths, no '..', no backslashes. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 200 || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  if (/^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && /^[\w.-]+$/.test(part));
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        const truncated = buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
        reject(
          truncated
            ? new PackageError('truncated', '交接包不完整（文件可能没有复制完整或已损坏），请重新拷贝')
            : new PackageError('not-package', '这个文件不是支部工作台的交接包'),
        );
      } else resolve(zip);
    });
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new PackageError('truncated', `交接包中的“${name}”无法读取，文件已损坏`));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', () => reject(new PackageError('truncated', `交接包中的“${name}”已损坏或不完整`)));
    });
  });
}

/** Reads every entry into memory after checking names and sizes. */
export async function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await openZip(buffer);
  const out = new Map<string, Buffer>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(new PackageError('truncated', '交接包已损坏或不完整')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = (entry.fileNameRaw ?? Buffer.from(String(entry.fileName))).toString('utf8');
        const fail = (e: unknown) => reject(e);
        if (out.size >= ZIP_LIMITS.maxEntries) return fail(new PackageError('too-large', '交接包中的文件数量异常，已拒绝'));
        if (!isSafeEntryName(name)) return fail(new PackageError('unsafe-entry-name', `交接包中含有不安全的文件名“${name.slice(0, 80)}”，已拒绝`));
        if (out.has(name)) return fail(new PackageError('manifest-mismatch', `交接包中“${name}”出现了两次`));
        const declared = entry.uncompressedSize;
        total += declared;
        if (declared > ZIP_LIMITS.maxEntryBytes || total > ZIP_LIMITS.maxTotalBytes) {
          return fail(new PackageError('too-large', `交接包中的“${name}”声明的大小异常（${declared} 字节），已拒绝`));
        }
        if (declared > 1024 * 1024 && declared / Math.max(entry.compressedSize, 1) > ZIP_LIMITS.maxRatio) {
          return fail(new PackageError('too-large', `交接包中的“${name}”压缩比异常（疑似压缩炸弹），已拒绝`));
        }
        readEntry(zip, entry, name).then((data) => {
          out.set(name, data);
          zip.readEntry();
        }, fail);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}
