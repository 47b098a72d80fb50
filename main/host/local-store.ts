/**
 * The one store connection of this host, opened on first use from the configured data folder and
 * the injected secret protector (the key-file stand-in when none is injected). A lost OS key
 * surfaces as STORE_KEY_LOST on the call that needed the store, and the next call tries again.
 * The retention setting is applied on open and every hour after.
 */
import { openDatabase, type StoreDatabase } from '../store/database';
import { applyRetention } from '../store/retention';
import { KeyFileSecretProtector, type SecretProtector } from '../store/secret-protector';
import type { HostConfig } from './host-config';

export type StoreAccess = () => Promise<StoreDatabase>;

const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** The injected OS protector, or the key-file stand-in for web mode and tests. */
export function secretProtectorOf(config: HostConfig): SecretProtector {
  return config.adapters?.secretProtector ?? new KeyFileSecretProtector(config.dataDir);
}

export function lazyStore(config: HostConfig): StoreAccess {
  const now = config.now ?? (() => new Date());
  let opening: Promise<StoreDatabase> | undefined;
  return () => {
    opening ??= openDatabase({ dataDir: config.dataDir, secretProtector: secretProtectorOf(config) }).then((store) => {
      applyRetention(store, now());
      const timer = setInterval(() => {
        if (store.db.open) applyRetention(store, now());
        else clearInterval(timer);
      }, RETENTION_INTERVAL_MS);
      timer.unref();
      return store;
    }).catch((err: unknown) => {
      opening = undefined;
      throw err;
    });
    return opening;
  };
}
