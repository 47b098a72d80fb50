/** The queue of work waiting for the network, as the UI shows it: never a payload. */
import { z } from 'zod';
import { call } from '../define';

const JobStateSchema = z.enum(['pending', 'running', 'done', 'failed']);

export const JobViewSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: JobStateSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextRunAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const jobsChannels = {
  'jobs.list': call(
    z.object({ state: JobStateSchema.optional() }).strict(),
    z.object({ counts: z.record(JobStateSchema, z.number().int()), jobs: z.array(JobViewSchema) }),
  ),
  'jobs.retry': call(z.object({ id: z.number().int().positive() }).strict(), z.object({ id: z.number().int(), retried: z.boolean() })),
};
