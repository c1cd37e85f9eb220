/**
 * Long operations (seeding, imports, exports): one at a time, with progress the renderer polls.
 * A job prepares its work in slices (yielding to the event loop so requests are still answered),
 * then writes in one transaction.
 */
import { AppError } from '../../../shared/contract/errors';
import type { JobStatus } from '../../../shared/contract/operations';

export interface JobControl {
  progress(done: number, total: number, message?: string): void;
  /** Lets the event loop answer other requests between slices of work. */
  yield(): Promise<void>;
}

export class JobRunner {
  private jobs = new Map<string, JobStatus>();
  private running: JobStatus | null = null;

  start(kind: string, label: string, work: (ctl: JobControl) => Promise<string>): JobStatus {
    if (this.running) {
      throw new AppError('E_BUSY', `“${this.running.label}”正在进行，请等它完成后再试`);
    }
    const job: JobStatus = { id: crypto.randomUUID(), kind, label, state: 'running', done: 0, total: 0, message: '正在准备…' };
    this.jobs.set(job.id, job);
    this.running = job;
    const ctl: JobControl = {
      progress: (done, total, message) => Object.assign(job, { done, total, message: message ?? job.message }),
      yield: () => new Promise((resolve) => setImmediate(resolve)),
    };
    work(ctl)
      .then((message) => Object.assign(job, { state: 'done', message, done: job.total }))
      .catch((e: unknown) => {
        const error = e instanceof AppError ? e.toPayload() : { code: 'E_INTERNAL', message: String((e as Error)?.message ?? e) };
        Object.assign(job, { state: 'failed', message: error.message, error });
      })
      .finally(() => {
        this.running = null;
      });
    return { ...job };
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('E_NOT_FOUND', '没有这项任务');
    return { ...job };
  }

  /** Resolves when the job has finished (tests and the CLI wait on it). */
  async wait(id: string): Promise<JobStatus> {
    for (;;) {
      const job = this.get(id);
      if (job.state !== 'running') return job;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
