/**
 * Opens the one database of this installation: refuses network folders, corrupt, read-only and
 * newer files before writing a byte, then sets the durability pragmas, migrates, and unwraps the
 * data key with the OS key. Everything the rest of the store needs comes back as one handle.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { StoreErrors, StoreKeyLostError, fromSqliteError } from './errors';
import { createFieldCrypto, keyCheckMatches, keyCheckOf, newDataKey, type FieldCrypto } from './field-crypto';
import { currentVersion, latestVersion, runMigrations, type Migration } from './migration';
import { migrations as allMigrations } from './migrations';
import { KEY_LOSS_WIPE, markKeyLossDiscard } from './key-loss';
import { detectNetworkPath, systemProbe, type OsProbe } from './network-path';
import type { SecretProtector } from './secret-protector';

export const DATABASE_FILE_NAME = 'onshi-cart.db';
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');
const BUSY_TIMEOUT_MS = 5_000;

export interface OpenDatabaseOptions {
  readonly dataDir: string;
  readonly secretProtector: SecretProtector;
  /** Replaced in tests; the real OS otherwise. */
  readonly osProbe?: OsProbe;
  /** Replaced in tests that migrate step by step; every registered migration otherwise. */
  readonly migrations?: readonly Migration[];
}

export interface StoreDatabase {
  readonly db: Database;
  readonly crypto: FieldCrypto;
  readonly file: string;
  /** After deleting patient data: moves the WAL into the file and truncates it, so no copy is left behind. */
  purgeFreedPages(): void;
  close(): void;
}

/** Checks an existing file without writing to it: header, write permission, version, integrity. */
function inspectExisting(file: string, known: number): void {
  const size = statSync(file).size;
  if (size > 0) {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
    if (size < 100 || !header.equals(SQLITE_HEADER)) throw StoreErrors.corrupt(`not a database file (${path.basename(file)})`);
  }
  // Mode bits too: an administrator (or root in CI) passes access(), yet a read-only flag means "do not write".
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(file), constants.W_OK);
  } catch (err) {
    throw fromSqliteError(err, path.basename(file));
  }
  if ((statSync(file).mode & 0o222) === 0) throw StoreErrors.readOnly(`read-only file (${path.basename(file)})`);
  if (size === 0) return;
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const found = currentVersion(probe);
    if (found > known) throw StoreErrors.tooNew(found, known);
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw StoreErrors.corrupt('quick_check failed');
  } catch (err) {
    throw fromSqliteError(err, path.basename(file));
  } finally {
    probe.close();
  }
}

function applyPragmas(db: Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw StoreErrors.readOnly(`journal_mode is ${String(mode)}`);
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
}

async function unwrapDataKey(db: Database, protector: SecretProtector): Promise<Buffer> {
  const read = () => db.prepare('SELECT wrapped, key_check FROM store_key WHERE id = 1').get() as { wrapped: Buffer; key_check: Buffer } | undefined;
  let row = read();
  if (!row) {
    const fresh = newDataKey();
    const wrapped = Buffer.from(await protector.protect(fresh));
    // OR IGNORE: another process may have created the key meanwhile; then theirs is the one.
    db.prepare('INSERT OR IGNORE INTO store_key (id, wrapped, key_check, created_at) VALUES (1, ?, ?, ?)').run(wrapped, keyCheckOf(fresh), new Date().toISOString());
    row = read();
    if (!row) throw StoreErrors.corrupt('store_key missing after insert');
  }
  let dataKey: Buffer;
  try {
    dataKey = Buffer.from(await protector.unprotect(row.wrapped));
  } catch (err) {
    throw new StoreKeyLostError(err instanceof Error ? err.message.slice(0, 80) : undefined);
  }
  if (!keyCheckMatches(dataKey, row.key_check)) throw new StoreKeyLostError('key check mismatch');
  return dataKey;
}

/** Network check, inspection, pragmas and migrations: everything but the key. */
async function openMigrated(options: OpenDatabaseOptions): Promise<{ db: Database; file: string }> {
  const dataDir = path.resolve(options.dataDir);
  const list = options.migrations ?? allMigrations;
  const verdict = await detectNetworkPath(dataDir, options.osProbe ?? systemProbe());
  if (verdict.network) throw StoreErrors.networkPath(verdict.reason);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw fromSqliteError(err, path.basename(dataDir));
  }
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (existsSync(file)) inspectExisting(file, latestVersion(list));

  let db: Database;
  try {
    db = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw fromSqliteError(err, DATABASE_FILE_NAME);
  }
  try {
    applyPragmas(db);
    runMigrations(db, list);
    return { db, file };
  } catch (err) {
    db.close();
    throw fromSqliteError(err, DATABASE_FILE_NAME);
  }
}

function closeTruncating(db: Database): void {
  if (!db.open) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/**
 * Throws StoreKeyLostError when the OS key cannot unwrap the data key; the app then offers
 * re-activation, which calls discardDataAfterKeyLoss and opens again.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<StoreDatabase> {
  const { db, file } = await openMigrated(options);
  try {
    const crypto = createFieldCrypto(await unwrapDataKey(db, options.secretProtector));
    return {
      db,
      crypto,
      file,
      purgeFreedPages: () => {
        db.pragma('wal_checkpoint(TRUNCATE)');
      },
      close: () => closeTruncating(db),
    };
  } catch (err) {
    db.close();
    throw fromSqliteError(err, DATABASE_FILE_NAME);
  }
}

/**
 * Re-activation after the OS key is gone: everything sealed with the old data key is unreadable
 * anyway, so it is deleted (really: secure_delete and a truncated WAL), the device goes back to
 * 未アクティベート, staff register again, and the next open makes a new data key. Settings survive.
 */
export async function discardDataAfterKeyLoss(options: OpenDatabaseOptions, now: Date = new Date()): Promise<void> {
  const { db } = await openMigrated(options);
  try {
    db.transaction(() => {
      for (const statement of KEY_LOSS_WIPE) db.exec(statement);
      markKeyLossDiscard(db, now);
    }).immediate();
  } finally {
    closeTruncating(db);
  }
}
