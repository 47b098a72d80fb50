/**
 * Opens the audit log of an installation: the store's database (WAL, synchronous=FULL, migrated),
 * the chain and patient keys derived from the store's data key (which the OS protects), and the
 * start-up verification from the newest anchor.
 */
import { openDatabase, type StoreDatabase } from '../store/database';
import type { SecretProtector } from '../store/secret-protector';
import { AuditLog } from './audit-log';

export interface OpenedAudit {
  readonly store: StoreDatabase;
  readonly log: AuditLog;
  close(): void;
}

export async function openAudit(options: { dataDir: string; secretProtector: SecretProtector; now?: () => Date }): Promise<OpenedAudit> {
  const store = await openDatabase({ dataDir: options.dataDir, secretProtector: options.secretProtector });
  try {
    const log = await AuditLog.open({
      db: store.db,
      dataDir: options.dataDir,
      keys: { chain: store.crypto.deriveKey('audit-chain'), patient: store.crypto.deriveKey('audit-patient') },
      ...(options.now ? { now: options.now } : {}),
    });
    return { store, log, close: () => store.close() };
  } catch (err) {
    store.close();
    throw err;
  }
}
