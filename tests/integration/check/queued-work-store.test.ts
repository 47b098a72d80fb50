/**
 * The check's queued work on the real job queue (store): a job the network could not carry waits
 * with its error code for a later try, one OQS refused is failed for good, one sent is done, and
 * the payload reaches the sender as it was queued.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAudit, type OpenedAudit } from '../../../main/audit/open-audit';
import { jobQueueAdapter } from '../../../main/check/adapters/store';
import type { CheckJob } from '../../../main/check/ports';
import { AppError } from '../../../main/contract/errors';
import { JobQueue } from '../../../main/store/job-queue';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';

const reference: CheckJob = {
  kind: 'reference-number.register',
  checkId: 'chk-1',
  staffId: '1',
  identifiers: { InsurerNumber: '06139998', InsuredIdentificationNumber: '5678', Birthdate: '19500102' },
  referenceNumber: 'P-000123',
};
const cancel: CheckJob = { kind: 'consent.cancel', checkId: 'chk-2', registrationId: 'reg-2' };

describe('queued check work on the job queue', () => {
  let dataDir: string | undefined;
  let audit: OpenedAudit | undefined;
  afterEach(async () => {
    audit?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('network down → waits with its code; OQS refusal → failed for good; sent → done', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'check-jobs-'));
    audit = await openAudit({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
    const queue = new JobQueue(audit.store);
    const jobs = jobQueueAdapter(queue);
    await jobs.enqueue(reference);
    await jobs.enqueue(cancel);
    const seen: CheckJob[] = [];
    const tried = await jobs.runDue({
      'reference-number.register': async (job) => {
        seen.push(job);
        throw new AppError('NETWORK_DOWN', 'つながりません。');
      },
      'consent.cancel': async (job) => {
        seen.push(job);
        throw new AppError('OQS_ERROR', 'エラーです。');
      },
    });
    expect(tried).toBe(2);
    expect(seen).toEqual([reference, cancel]);
    const byKind = Object.fromEntries(queue.list().map((j) => [j.kind, j]));
    expect(byKind['reference-number.register']).toMatchObject({ state: 'pending', attempts: 1, lastError: 'NETWORK_DOWN' });
    expect(byKind['consent.cancel']).toMatchObject({ state: 'failed', lastError: 'OQS_ERROR' });

    queue.hurry('reference-number.register');
    await jobs.runDue({ 'reference-number.register': async () => undefined, 'consent.cancel': async () => undefined });
    expect(queue.list().find((j) => j.kind === 'reference-number.register')).toMatchObject({ state: 'done' });
  });
});
