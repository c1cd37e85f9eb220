/** The development pipeline: applicants and the steps from application to full membership. */
import { z } from 'zod';
import {
  PIPELINE_FIELD_LABELS,
  applicantCreateSchema,
  applicantUpdateSchema,
  stepInputSchema,
  terminateSchema,
  type Applicant,
  type PipelineBoard,
} from '../domain/pipeline';
import { defineOperations, op } from './define';
import { id } from './common';

export const pipelineOperations = defineOperations('pipeline', PIPELINE_FIELD_LABELS, {
  'pipeline.board': op<PipelineBoard>()(z.object({ includeFinished: z.boolean().default(false) })),
  'pipeline.get': op<Applicant>()(z.object({ id })),
  'pipeline.create': op<Applicant>()(applicantCreateSchema),
  'pipeline.update': op<Applicant>()(applicantUpdateSchema),
  'pipeline.recordStep': op<Applicant>()(stepInputSchema.extend({ id })),
  'pipeline.undoStep': op<Applicant>()(z.object({ id })),
  'pipeline.terminate': op<Applicant>()(terminateSchema.extend({ id })),
  'pipeline.delete': op<void>()(z.object({ id })),
});
