/** Demo data, seeded as a background job, and asking after a job. */
import { z } from 'zod';
import { defineOperations, op } from './define';

export interface JobStatus {
  id: string;
  kind: string;
  label: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message: string;
  error?: { code: string; message: string };
}

export const demoOperations = defineOperations('demo', {}, {
  'demo.seed': op<JobStatus>()(z.object({ members: z.number().int().min(1).max(100_000), seed: z.number().int().default(1) })),
  'jobs.get': op<JobStatus>()(z.object({ id: z.string().max(40) })),
});
