/** The documents part of the appraisal handlers: preview (pages for 打印预览) and export (Word) of each printed document. */
import type { appraisalOperations } from '../../../shared/contract/appraisal';
import type { HandlersOf } from '../../capability';
import { exportWord, preview } from '../meetings/documentData';
import { ballotDocument, publicityDocument, resultsDocument, selfEvaluationDocument, tallyDocument } from './documentData';

type DocumentOperation =
  | 'appraisal.previewBallots'
  | 'appraisal.exportBallots'
  | 'appraisal.previewSelfEvaluation'
  | 'appraisal.exportSelfEvaluation'
  | 'appraisal.previewTally'
  | 'appraisal.exportTally'
  | 'appraisal.previewResults'
  | 'appraisal.exportResults'
  | 'appraisal.previewPublicity'
  | 'appraisal.exportPublicity';

export const appraisalDocumentHandlers: Pick<HandlersOf<typeof appraisalOperations>, DocumentOperation> = {
  'appraisal.previewBallots': (ctx, input) => preview(ballotDocument(ctx.db, input.campaignId)),
  'appraisal.exportBallots': (ctx, input) => exportWord(ballotDocument(ctx.db, input.campaignId)),
  'appraisal.previewSelfEvaluation': (ctx, input) => preview(selfEvaluationDocument(ctx.db, input.campaignId, input.memberId ?? null)),
  'appraisal.exportSelfEvaluation': (ctx, input) => exportWord(selfEvaluationDocument(ctx.db, input.campaignId, input.memberId ?? null)),
  'appraisal.previewTally': (ctx, input) => preview(tallyDocument(ctx.db, input.campaignId)),
  'appraisal.exportTally': (ctx, input) => exportWord(tallyDocument(ctx.db, input.campaignId)),
  'appraisal.previewResults': (ctx, input) => preview(resultsDocument(ctx.db, input.campaignId)),
  'appraisal.exportResults': (ctx, input) => exportWord(resultsDocument(ctx.db, input.campaignId)),
  'appraisal.previewPublicity': (ctx, input) => preview(publicityDocument(ctx.db, input)),
  'appraisal.exportPublicity': (ctx, input) => exportWord(publicityDocument(ctx.db, input)),
};
