/**
 * Runs due jobs with one handler per kind. A handler that throws leaves its job for a later try
 * (backoff), unless the error says retrying cannot help.
 */
import { AppError } from '../contract/errors';
import type { ClaimedJob, JobQueue } from './job-queue';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** Thrown by a handler when the remote side refused for good (bad data, not a dropped network). */
export class PermanentJobError extends AppError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'PermanentJobError';
  }
}

/** Runs every job due now, one after another; returns how many ran. */
export async function runDueJobs(queue: JobQueue, handlers: Readonly<Record<string, JobHandler>>): Promise<number> {
  const kinds = Object.keys(handlers);
  let ran = 0;
  for (let job = queue.claim(kinds); job; job = queue.claim(kinds)) {
    ran++;
    try {
      await (handlers[job.kind] as JobHandler)(job);
      queue.complete(job);
    } catch (err) {
      queue.fail(job, err instanceof AppError ? err.code : 'INTERNAL', err instanceof PermanentJobError);
    }
  }
  return ran;
}
