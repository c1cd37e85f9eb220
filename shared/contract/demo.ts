/** Demo data, seeded as a background job, and asking after a job. */
import { z } from 'zod';
import { defineOperations, op } from './define';
import { none } from './common';

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
  /** Members in the roster, the recycle bin included: demo data is generated only where there are none. */
  'demo.status': op<{ members: number }>()(none),
  'jobs.get': op<JobStatus>()(z.object({ id: z.string().max(40) })),
});
