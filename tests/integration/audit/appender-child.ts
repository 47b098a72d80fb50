/**
 * Appends audit rows as fast as it can and prints each sequence number only after append()
 * returned, i.e. after the commit. The parent kills it with SIGKILL at a random moment and checks
 * every printed number survived.
 */
import { openAuditDir } from './audit-dir';

async function run(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: appender-child DATA_DIR [ROWS]');
  const rows = process.argv[3] ? Number(process.argv[3]) : Infinity;
  const { log, close } = await openAuditDir(dataDir);
  for (let i = 0; i < rows; i++) {
    const { seq } = log.append({ kind: 'check.step', actor: 'S001', check: `c-${process.pid}-${i}`, step: 'card-read', outcome: 'ok' });
    // Pipes are synchronous on Linux, so the number is out before the next append starts.
    process.stdout.write(`${seq}\n`);
  }
  close();
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
