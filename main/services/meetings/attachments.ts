/** Attachments of a meeting record (photos of the sign-in sheet …): jpg, png or pdf, stored in the database. */
import { AppError, validationError } from '../../../shared/contract/errors';
import type { Attachment, AttachmentInfo } from '../../../shared/contract/meetings';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, ATTACHMENTS_PER_MEETING, sniffAttachmentType } from '../../../shared/domain/meetings';
import { all, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, newCommon, trashRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { requireMeeting, toAttachmentInfo } from './records';
import { sha256Hex, type MeetingAttachmentsTable } from './tables';

const LABELS = { fileName: '文件名', data: '文件内容', caption: '附件说明', meetingId: '会议记录' };
const MB = 1024 * 1024;

export interface AddAttachmentInput {
  meetingId: string;
  fileName: string;
  /** base64 */
  data: string;
  caption: string;
}

/** The type is read from the file's first bytes; the name's extension is made to match it. */
export function addAttachment(db: Sqlite, input: AddAttachmentInput): AttachmentInfo {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0) throw validationError([{ field: 'data', message: '文件是空的' }], LABELS);
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw validationError([{ field: 'data', message: `文件 ${(bytes.length / MB).toFixed(1)} MB，超过 ${ATTACHMENT_MAX_BYTES / MB} MB 的上限` }], LABELS);
  }
  const mimeType = sniffAttachmentType(bytes);
  if (!mimeType) throw validationError([{ field: 'data', message: `“${input.fileName}”不是 jpg、png 或 pdf 文件` }], LABELS);
  const extension = ATTACHMENT_TYPES[mimeType]!;
  const base = input.fileName.replace(/[\\/:*?"<>|]/g, '_').replace(/\.(jpe?g|png|pdf)$/i, '');
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    const meeting = requireMeeting(db, input.meetingId);
    const count = all(db, qb.selectFrom('meeting_attachments').select('id').where('meeting_id', '=', meeting.id).where('deleted_at', 'is', null)).length;
    if (count >= ATTACHMENTS_PER_MEETING) {
      throw validationError([{ field: 'data', message: `每份会议记录最多 ${ATTACHMENTS_PER_MEETING} 个附件` }], LABELS);
    }
    const row: MeetingAttachmentsTable = {
      ...newCommon(branchId),
      meeting_id: meeting.id,
      meeting_date: meeting.meeting_date,
      file_name: `${base || '附件'}.${extension}`,
      mime_type: mimeType,
      size_bytes: bytes.length,
      sha256: sha256Hex(bytes),
      caption: input.caption,
      data: bytes,
    };
    insertRow(db, 'meeting_attachments', row);
    return toAttachmentInfo(row);
  })();
}

function requireAttachment(db: Sqlite, id: string): MeetingAttachmentsTable {
  const row = getRow(db, 'meeting_attachments', id);
  if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这个附件（可能已被删除）');
  return row;
}

export function getAttachment(db: Sqlite, id: string): Attachment {
  const row = requireAttachment(db, id);
  return { info: toAttachmentInfo(row), data: Buffer.from(row.data).toString('base64') };
}

/** The files of a meeting, bytes included (the minutes' export places the images after the text). */
export function attachmentFiles(db: Sqlite, meetingId: string): { info: AttachmentInfo; data: Buffer }[] {
  const rows = all(db, qb.selectFrom('meeting_attachments').selectAll().where('meeting_id', '=', meetingId).where('deleted_at', 'is', null).orderBy('created_at'));
  return rows.map((r) => ({ info: toAttachmentInfo(r), data: Buffer.from(r.data) }));
}

/** Only while the record is a draft: a final record keeps what it was finalised with. */
export function deleteAttachment(db: Sqlite, id: string): void {
  db.transaction(() => {
    const row = requireAttachment(db, id);
    const meeting = requireMeeting(db, row.meeting_id);
    if (meeting.status === 'final') throw new AppError('E_CONFLICT', '会议记录已定稿，不能删除附件');
    trashRow(db, 'meeting_attachments', id);
  })();
}
