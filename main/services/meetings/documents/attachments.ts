/**
 * A meeting's attachments (photos of the sign-in sheet …) as figures after the minutes: each picture on the pages that
 * follow, scaled to the type area and captioned 附件1：<name>. A PDF cannot go into the Word file as a picture; it is
 * listed with a note saying so.
 */
import type { Block } from '../../../../shared/documents/model';
import { RECORD, textHeight, textWidth } from '../../../../shared/documents/presets';

export interface AttachmentInput {
  /** The file's name as stored: 签到表.jpg. */
  name: string;
  /** image/jpeg, image/png, application/pdf. */
  mimeType: string;
  /** The file's bytes. */
  data: Uint8Array;
}

export interface ImageSize {
  width: number;
  height: number;
  format: 'png' | 'jpeg';
}

/** Width and height in pixels from a PNG's IHDR or a JPEG's frame header; null for anything else. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR') {
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), format: 'png' };
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1]!;
      if (marker === 0xff) {
        at++;
        continue;
      }
      const length = b.readUInt16BE(at + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7), format: 'jpeg' };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** The picture's size in twips: as wide as the type area at most, and short enough to leave room for its caption and a note line. */
export function figureSize(size: ImageSize, maxWidth = textWidth(RECORD), maxHeight = textHeight(RECORD) - 3 * RECORD.body.line): { width: number; height: number } {
  const scale = Math.min(maxWidth / size.width, maxHeight / size.height);
  return { width: Math.floor(size.width * scale), height: Math.floor(size.height * scale) };
}

function pictureSvg(data: string, format: ImageSize['format'], width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width / 20}pt" height="${height / 20}pt" viewBox="0 0 ${width} ${height}">` +
    `<image href="data:image/${format};base64,${data}" x="0" y="0" width="${width}" height="${height}" preserveAspectRatio="none"/></svg>`
  );
}

/** The figures of the attachments, after a page break; nothing when there are none. */
export function attachmentBlocks(attachments: readonly AttachmentInput[]): Block[] {
  if (attachments.length === 0) return [];
  const blocks: Block[] = [{ kind: 'pageBreak' }];
  attachments.forEach((a, i) => {
    const caption = `附件${attachments.length > 1 ? i + 1 : ''}：${a.name.replace(/\.[A-Za-z0-9]{2,4}$/, '')}`;
    const size = imageSize(a.data);
    if (!size) {
      blocks.push({ kind: 'paragraph', text: `${caption}（${a.mimeType === 'application/pdf' ? 'PDF 文件' : '此文件'}不能作为图片插入，请另行打印）`, indent: false });
      return;
    }
    const { width, height } = figureSize(size);
    const data = Buffer.from(a.data).toString('base64');
    blocks.push({ kind: 'figure', svg: pictureSvg(data, size.format, width, height), png: data, width, height, caption });
  });
  return blocks;
}
