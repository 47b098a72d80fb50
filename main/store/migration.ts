/**
 * Numbered schema migrations on `PRAGMA user_version`. Each domain keeps its migrations in its own
 * file under migrations/, and migrations/index.ts lists them in order; the runner checks that list
 * is 1, 2, 3 … so a gap or a duplicate number fails at start, not in the field.
 */
import type { Database } from 'better-sqlite3';
import { StoreErrors } from './errors';

export interface Migration {
  readonly version: number;
  /** Short, for logs and errors: 'core', 'local-data', 'audit'. */
  readonly name: string;
  /** Plain SQL, or a function for data changes SQL alone cannot express. */
  readonly up: string | ((db: Database) => void);
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length;
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw StoreErrors.badMigrationList(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
    }
  });
}

export function currentVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the database's version, all in one IMMEDIATE transaction: a
 * failure anywhere leaves the file exactly as it was. The caller has already refused newer files.
 */
export function runMigrations(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  checkMigrationList(migrations);
  const to = latestVersion(migrations);
  const seen = currentVersion(db);
  if (seen > to) throw StoreErrors.tooNew(seen, to);
  if (seen === to) return { from: seen, to };
  let from = seen;
  let applying = from + 1;
  try {
    db.transaction(() => {
      // Read again under the write lock: another process opening the same fresh file may have
      // migrated it between the first read and this transaction.
      from = currentVersion(db);
      for (const m of migrations.slice(from)) {
        applying = m.version;
        if (typeof m.up === 'string') db.exec(m.up);
        else m.up(db);
      }
      // Inside the transaction, so the version moves only with the schema.
      if (from < to) db.pragma(`user_version = ${to}`);
    }).immediate();
  } catch (err) {
    throw StoreErrors.migrationFailed(applying, (err as { code?: string }).code ?? (err as Error).name);
  }
  return { from, to };
}
