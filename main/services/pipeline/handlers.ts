import type { pipelineOperations } from '../../../shared/contract/pipeline';
import type { HandlersOf } from '../../capability';
import { createApplicant, deleteApplicant, terminateApplicant, updateApplicant } from './applicants';
import { pipelineBoard } from './board';
import { getApplicant } from './records';
import { recordStep, undoStep } from './steps';

export const pipelineHandlers: HandlersOf<typeof pipelineOperations> = {
  'pipeline.board': (ctx, input) => pipelineBoard(ctx.db, input),
  'pipeline.get': (ctx, input) => getApplicant(ctx.db, input.id),
  'pipeline.create': (ctx, input) => createApplicant(ctx.db, input),
  'pipeline.update': (ctx, input) =>
    updateApplicant(ctx.db, input.id, input.fields, { applicationDate: input.applicationDate, expectedUpdatedAt: input.expectedUpdatedAt }),
  'pipeline.recordStep': (ctx, { id, ...step }) => recordStep(ctx.db, id, step),
  'pipeline.undoStep': (ctx, input) => undoStep(ctx.db, input.id),
  'pipeline.terminate': (ctx, { id, ...input }) => terminateApplicant(ctx.db, id, input),
  'pipeline.delete': (ctx, input) => deleteApplicant(ctx.db, input.id),
};
