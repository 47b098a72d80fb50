/** A fresh data folder per test, with the key-file protector the command line and web mode use. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenDatabaseOptions, type StoreDatabase } from '../../../main/store/database';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';

export interface TempStore {
  readonly dataDir: string;
  open(extra?: Partial<OpenDatabaseOptions>): Promise<StoreDatabase>;
  cleanup(): void;
}

export function tempStore(): TempStore {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-store-'));
  const opened: StoreDatabase[] = [];
  return {
    dataDir,
    async open(extra = {}) {
      const store = await openDatabase({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir), ...extra });
      opened.push(store);
      return store;
    },
    cleanup() {
      for (const s of opened) s.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
