import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { DATABASE_FILE_NAME } from '../../../main/store/database';
import type { OsProbe } from '../../../main/store/network-path';
import { tempStore, type TempStore } from './temp-store';
import { rejectionCode } from '../../helpers/error-code';

let store: TempStore;
afterEach(() => store.cleanup());

describe('files the store must not open', () => {
  it('a corrupt file gives STORE_CORRUPT and is neither changed nor joined by WAL files', async () => {
    store = tempStore();
    const file = path.join(store.dataDir, DATABASE_FILE_NAME);
    const garbage = Buffer.from('これはデータベースではありません'.repeat(40), 'utf8');
    writeFileSync(file, garbage);
    expect(await rejectionCode(store.open())).toBe('STORE_CORRUPT');
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(store.dataDir).filter((n) => n.startsWith(DATABASE_FILE_NAME))).toEqual([DATABASE_FILE_NAME]);
  });

  it('a database damaged inside (valid header, broken pages) is refused without writes', async () => {
    store = tempStore();
    const s = await store.open();
    for (let i = 0; i < 200; i++) s.db.prepare('INSERT INTO settings (name, value) VALUES (?, ?)').run(`k${i}`, 'x'.repeat(200));
    s.close();
    const file = path.join(store.dataDir, DATABASE_FILE_NAME);
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 + 100, 4096 * 3);
    writeFileSync(file, bytes);
    expect(await rejectionCode(store.open())).toBe('STORE_CORRUPT');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a read-only database file gives STORE_READ_ONLY and no writes', async () => {
    store = tempStore();
    (await store.open()).close();
    const file = path.join(store.dataDir, DATABASE_FILE_NAME);
    const before = readFileSync(file);
    chmodSync(file, 0o444);
    try {
      const err = (await store.open().then(() => undefined, (e: unknown) => e)) as AppError;
      expect(err.code).toBe('STORE_READ_ONLY');
      expect(err.message).toContain('権限');
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(file + '-wal')).toBe(false);
    } finally {
      chmodSync(file, 0o644);
    }
  });

  it('a network folder is refused before anything is created', async () => {
    store = tempStore();
    const nfs: OsProbe = { platform: 'linux', driveType: async () => '', resolve: async (p) => p, mounts: async () => `srv:/x ${store.dataDir} nfs4 rw 0 0\n` };
    expect(await rejectionCode(store.open({ osProbe: nfs }))).toBe('STORE_NETWORK_PATH');
    expect(readdirSync(store.dataDir)).toEqual([]);
  });
});
