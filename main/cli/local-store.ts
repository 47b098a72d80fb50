/**
 * Opens the store for a command: --data-dir, else ONSHI_DATA_DIR, with the key-file protector of
 * web mode. (The app's own data folder is protected by DPAPI, which only the app can use; there
 * the command line reports STORE_KEY_LOST and changes nothing.)
 */
import { resolveDataDir } from '../host/data-dir';
import { openDatabase, type StoreDatabase } from '../store/database';
import { KeyFileSecretProtector } from '../store/secret-protector';
import type { OptionSpec } from './command';

export const DATA_DIR_OPTION: OptionSpec = { 'data-dir': { type: 'string' } };

export async function withLocalStore<T>(
  values: Record<string, string | boolean | undefined>,
  use: (store: StoreDatabase, dataDir: string) => Promise<T> | T,
): Promise<T> {
  const dataDir = resolveDataDir(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined);
  const store = await openDatabase({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
  try {
    return await use(store, dataDir);
  } finally {
    store.close();
  }
}
