/**
 * The one store connection of this host, opened on first use from the configured data folder and
 * the injected secret protector (the key-file stand-in when none is injected). A lost OS key
 * surfaces as STORE_KEY_LOST on the call that needed the store, and the next call tries again.
 */
import { openDatabase, type StoreDatabase } from '../store/database';
import { KeyFileSecretProtector } from '../store/secret-protector';
import type { HostConfig } from './host-config';

export type StoreAccess = () => Promise<StoreDatabase>;

export function lazyStore(config: HostConfig): StoreAccess {
  let opening: Promise<StoreDatabase> | undefined;
  return () => {
    opening ??= openDatabase({
      dataDir: config.dataDir,
      secretProtector: config.adapters?.secretProtector ?? new KeyFileSecretProtector(config.dataDir),
    }).catch((err: unknown) => {
      opening = undefined;
      throw err;
    });
    return opening;
  };
}
