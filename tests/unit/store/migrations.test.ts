import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { DATABASE_FILE_NAME } from '../../../main/store/database';
import { checkMigrationList, type Migration } from '../../../main/store/migration';
import { migrations } from '../../../main/store/migrations';
import { tempStore, type TempStore } from './temp-store';

let store: TempStore;
afterEach(() => store.cleanup());

function tables(db: BetterSqlite3.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('builds the full schema from an empty folder and sets user_version', async () => {
    store = tempStore();
    const s = await store.open();
    expect(s.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(tables(s.db)).toEqual(expect.arrayContaining(['settings', 'staff', 'device', 'inquiry_numbers', 'check_records', 'jobs', 'store_key']));
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('upgrades from every earlier version, keeping the data already there', async () => {
    for (let from = 1; from < migrations.length; from++) {
      store = tempStore();
      const old = await store.open({ migrations: migrations.slice(0, from) });
      old.db.prepare("INSERT INTO settings (name, value) VALUES ('language', '\"ja\"')").run();
      old.close();
      const s = await store.open();
      expect(s.db.pragma('user_version', { simple: true }), `from ${from}`).toBe(migrations.length);
      expect(s.db.prepare("SELECT value FROM settings WHERE name = 'language'").pluck().get()).toBe('"ja"');
      store.cleanup();
    }
    store = tempStore();
  });

  it('refuses a database newer than the app and leaves the file byte-for-byte as it was', async () => {
    store = tempStore();
    (await store.open()).close();
    const file = path.join(store.dataDir, DATABASE_FILE_NAME);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(file);
    const err = await store.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('STORE_TOO_NEW');
    expect((err as AppError).message).toContain('アプリを最新版に更新してください');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls back every step when one migration fails', async () => {
    store = tempStore();
    const broken: Migration = { version: migrations.length + 1, name: 'broken', up: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' };
    const err = await store.open({ migrations: [...migrations, broken] }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('STORE_MIGRATION_FAILED');
    const raw = new BetterSqlite3(path.join(store.dataDir, DATABASE_FILE_NAME));
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(raw)).toEqual([]);
    raw.close();
  });

  it('refuses a migration list with a gap or a duplicate number', () => {
    const [first, second] = migrations as [Migration, Migration];
    expect(() => checkMigrationList([first, { ...second, version: 3 }])).toThrow(AppError);
    expect(() => checkMigrationList([first, { ...second, version: 1 }])).toThrow(AppError);
  });
});

describe('two processes opening one fresh database', () => {
  it('migrates once: the second sees, under the write lock, that the first already did', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const { runMigrations } = await import('../../../main/store/migration');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-migrate-race-'));
    const file = path.join(dir, DATABASE_FILE_NAME);
    const first = new BetterSqlite3(file);
    const second = new BetterSqlite3(file);
    try {
      // The other process migrates right after this one read version 0, before it takes the lock.
      let raced = false;
      const racing = new Proxy(first, {
        get(target, key) {
          const value = Reflect.get(target, key, target) as unknown;
          if (key !== 'pragma' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
          return (query: string, options?: { simple?: boolean }) => {
            const answer = target.pragma(query, options);
            if (!raced && query === 'user_version') {
              raced = true;
              runMigrations(second, migrations);
            }
            return answer;
          };
        },
      });
      expect(runMigrations(racing, migrations)).toEqual({ from: migrations.length, to: migrations.length });
      expect(raced).toBe(true);
      expect(first.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      first.close();
      second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
