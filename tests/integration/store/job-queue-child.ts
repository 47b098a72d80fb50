/**
 * A worker process for the kill -9 test: enqueues the keys it is given (printing "ack <key>" once
 * each is durable), says "ready", then works the queue, recording each job's effect in the same
 * transaction that marks it done. Jobs named "flaky-*" fail their first try.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../main/store/database';
import { JobQueue } from '../../../main/store/job-queue';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';

async function main(): Promise<void> {
  const [dataDir, keyList = '', mode = 'work'] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: job-queue-child <dataDir> <keys> [work|drain]');
  const store = await openDatabase({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
  const queue = new JobQueue(store, { leaseMs: 300, backoff: { baseMs: 5, maxMs: 40 } });
  const effect = store.db.prepare('INSERT INTO test_effects (job_key, pid) VALUES (?, ?)');
  for (const key of keyList.split(',').filter(Boolean)) {
    queue.enqueue({ kind: 'test', payload: { key }, idempotencyKey: key });
    writeSync(1, `ack ${key}\n`);
  }
  writeSync(1, 'ready\n');
  for (;;) {
    const job = queue.claim();
    if (!job) {
      if (mode === 'drain' && queue.counts().pending + queue.counts().running === 0) break;
      await new Promise((r) => setTimeout(r, 5));
      continue;
    }
    const key = (job.payload as { key: string }).key;
    if (key.startsWith('flaky-') && job.attempt === 1) {
      queue.fail(job, 'NETWORK_DOWN');
      continue;
    }
    queue.complete(job, () => effect.run(key, process.pid));
  }
  store.close();
}

main().catch((err: unknown) => {
  writeSync(2, `${String(err)}\n`);
  process.exit(1);
});
