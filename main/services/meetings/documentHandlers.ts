/** The documents part of the meetings handlers: preview (pages for 打印预览) and export (Word) of each printed document. */
import type { meetingsOperations } from '../../../shared/contract/meetings';
import type { HandlersOf } from '../../capability';
import { exportWord, minutesDocument, noticeDocument, preview, signInDocument, talkDocument } from './documentData';

type DocumentOperation =
  | 'meetings.previewMinutes'
  | 'meetings.exportMinutes'
  | 'meetings.previewSignIn'
  | 'meetings.exportSignIn'
  | 'meetings.previewNotice'
  | 'meetings.exportNotice'
  | 'talks.previewRecord'
  | 'talks.exportRecord';

export const meetingsDocumentHandlers: Pick<HandlersOf<typeof meetingsOperations>, DocumentOperation> = {
  'meetings.previewMinutes': (ctx, input) => preview(minutesDocument(ctx.db, input.id, input.version)),
  'meetings.exportMinutes': (ctx, input) => exportWord(minutesDocument(ctx.db, input.id, input.version)),
  'meetings.previewSignIn': (ctx, input) => preview(signInDocument(ctx.db, input.id)),
  'meetings.exportSignIn': (ctx, input) => exportWord(signInDocument(ctx.db, input.id)),
  'meetings.previewNotice': (ctx, input) => preview(noticeDocument(ctx.db, input)),
  'meetings.exportNotice': (ctx, input) => exportWord(noticeDocument(ctx.db, input)),
  'talks.previewRecord': (ctx, input) => preview(talkDocument(ctx.db, input.id)),
  'talks.exportRecord': (ctx, input) => exportWord(talkDocument(ctx.db, input.id)),
};
