import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { discardDataAfterKeyLoss } from '../../../main/store/database';
import { StoreKeyLostError } from '../../../main/store/errors';
import { KEY_FILE_NAME, KeyFileSecretProtector } from '../../../main/store/secret-protector';
import { tempStore, type TempStore } from './temp-store';

let store: TempStore;
afterEach(() => store.cleanup());

describe('protection at rest', () => {
  it('round-trips a sealed field across a restart, and the ciphertext is not the plain text', async () => {
    store = tempStore();
    const first = await store.open();
    const sealed = first.crypto.seal('山田 太郎', 'test.name');
    expect(sealed.includes(Buffer.from('山田', 'utf8'))).toBe(false);
    first.close();
    const second = await store.open();
    expect(second.crypto.open(sealed, 'test.name')).toBe('山田 太郎');
    expect(() => second.crypto.open(sealed, 'other.column')).toThrow();
    expect(second.crypto.lookupHash('ref', 'A1')).toEqual(first.crypto.lookupHash('ref', 'A1'));
    expect(second.crypto.lookupHash('ref', 'A1')).not.toEqual(second.crypto.lookupHash('ref', 'A2'));
  });

  it('keeps the key file private (0600)', async () => {
    store = tempStore();
    await store.open();
    expect(statSync(path.join(store.dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('the stand-in protector refuses bytes protected by another key', async () => {
    store = tempStore();
    const a = new KeyFileSecretProtector(path.join(store.dataDir, 'a'));
    const b = new KeyFileSecretProtector(path.join(store.dataDir, 'b'));
    const wrapped = await a.protect(Buffer.from('credential'));
    expect(Buffer.from(await a.unprotect(wrapped)).toString()).toBe('credential');
    await b.protect(Buffer.from('x'));
    await expect(b.unprotect(wrapped)).rejects.toThrow();
  });

  it('a lost OS key gives STORE_KEY_LOST (re-activation), and re-activation starts over with a new key', async () => {
    store = tempStore();
    const first = await store.open();
    first.db.prepare("INSERT INTO device (id, institution_code, user_id, credential, state, updated_at) VALUES (1, '0110113719', 'cart01', ?, 'activated', 'now')")
      .run(first.crypto.seal('secret-credential', 'device.credential'));
    first.db.prepare("INSERT INTO settings (name, value) VALUES ('language', '\"ja\"')").run();
    first.close();
    rmSync(path.join(store.dataDir, KEY_FILE_NAME));

    const err = await store.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreKeyLostError);
    expect((err as AppError).code).toBe('STORE_KEY_LOST');
    expect((err as AppError).message).toContain('再アクティベーション');

    await discardDataAfterKeyLoss({ dataDir: store.dataDir, secretProtector: new KeyFileSecretProtector(store.dataDir) });
    const again = await store.open();
    expect(again.db.prepare('SELECT state, credential FROM device').get()).toEqual({ state: 'unactivated', credential: null });
    expect(again.db.prepare("SELECT value FROM settings WHERE name = 'language'").pluck().get()).toBe('"ja"');
  });

  it('a replaced key file (a different machine key) is a lost key too', async () => {
    store = tempStore();
    (await store.open()).close();
    writeFileSync(path.join(store.dataDir, KEY_FILE_NAME), Buffer.alloc(32, 7), { mode: 0o600 });
    await expect(store.open()).rejects.toBeInstanceOf(StoreKeyLostError);
  });

  it('a protector that returns wrong bytes without failing is caught by the key check', async () => {
    store = tempStore();
    (await store.open()).close();
    const liar = { protect: async (b: Uint8Array) => b, unprotect: async () => Buffer.alloc(32, 1) };
    await expect(store.open({ secretProtector: liar })).rejects.toBeInstanceOf(StoreKeyLostError);
    expect(readFileSync(path.join(store.dataDir, KEY_FILE_NAME)).length).toBe(32);
  });
});
