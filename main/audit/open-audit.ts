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

/** The audit log on a store database that is already open (the services host opens the store once). */
export function auditLogOn(store: StoreDatabase, dataDir: string, now?: () => Date): Promise<AuditLog> {
  return AuditLog.open({
    db: store.db,
    dataDir,
    keys: { chain: store.crypto.deriveKey('audit-chain'), patient: store.crypto.deriveKey('audit-patient') },
    ...(now ? { now } : {}),
  });
}

export async function openAudit(options: { dataDir: string; secretProtector: SecretProtector; now?: () => Date }): Promise<OpenedAudit> {
  const store = await openDatabase({ dataDir: options.dataDir, secretProtector: options.secretProtector });
  try {
    const log = await auditLogOn(store, options.dataDir, options.now);
    return { store, log, close: () => store.close() };
  } catch (err) {
    store.close();
    throw err;
  }
}
