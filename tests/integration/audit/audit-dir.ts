/**
 * Opens the audit log of a data folder the way a second process would: same database file, same
 * keys (kept in the folder for these tests), WAL and synchronous=FULL. Used by the parent test and
 * by the child processes it kills.
 */
import BetterSqlite3 from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AuditLog } from '../../../main/audit/audit-log';
import { AUDIT_SCHEMA_SQL } from '../../../main/audit/schema';

export async function openAuditDir(dataDir: string, anchorEveryRows = 16): Promise<{ log: AuditLog; close(): void }> {
  const keyFile = path.join(dataDir, 'test-audit-keys.bin');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(64), { flag: 'wx' });
  const keyBytes = readFileSync(keyFile);
  const db = new BetterSqlite3(path.join(dataDir, 'audit.db'), { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('trusted_schema = OFF');
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").get()) db.exec(AUDIT_SCHEMA_SQL);
  const log = await AuditLog.open({ db, dataDir, anchorEveryRows, keys: { chain: keyBytes.subarray(0, 32), patient: keyBytes.subarray(32) } });
  return { log, close: () => db.close() };
}
