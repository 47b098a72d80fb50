/** A fresh data folder with an audit database, for tests that read and damage the log directly. */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog, type AuditKeys, type AuditLogOptions } from '../../../main/audit/audit-log';
import { AUDIT_SCHEMA_SQL } from '../../../main/audit/schema';

export interface AuditFixture {
  readonly dataDir: string;
  readonly db: Database;
  readonly keys: AuditKeys;
  open(extra?: Partial<AuditLogOptions>): Promise<AuditLog>;
  cleanup(): void;
}

export function auditFixture(): AuditFixture {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-audit-'));
  const db = new BetterSqlite3(path.join(dataDir, 'audit-test.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('trusted_schema = OFF');
  db.exec(AUDIT_SCHEMA_SQL);
  const keys = { chain: randomBytes(32), patient: randomBytes(32) };
  return {
    dataDir,
    db,
    keys,
    open: (extra) => AuditLog.open({ db, keys, dataDir, ...extra }),
    cleanup: () => {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function loginEvent(actor = 'S001') {
  return { kind: 'session.login' as const, actor, outcome: 'ok' as const };
}
