/**
 * What the host offers when the OS key that protects the store is gone (a reset Windows password,
 * a disk moved to another PC): instead of a dead app, one channel that discards the data the lost
 * key sealed and builds the services again, so set-up (setup.activate) can run as on a new cart.
 * It is offered only in that state, and the audit log records the discard on the next start.
 */
import { AppError } from '../../contract/errors';
import type { AuditLog } from '../../audit/audit-log';
import { discardDataAfterKeyLoss, type StoreDatabase } from '../../store/database';
import { clearKeyLossDiscard, pendingKeyLossDiscard } from '../../store/key-loss';
import type { Handlers } from '../handler-table';
import type { HostConfig } from '../host-config';
import { secretProtectorOf } from '../local-store';

export interface ComposeHooks {
  /** Closes the current services and composes them again; resolves with the new handlers. */
  recompose(): Promise<Handlers>;
}

export const keyNotLost = () =>
  new AppError('SETUP_KEY_NOT_LOST', 'この端末の保護鍵は使える状態のため、データを消去する必要はありません。');

/** Set-up's actor while nobody can sign in (the same word set-up uses before the first administrator). */
const SETUP_ACTOR = 'setup';

export function keyLostHandlers(config: HostConfig, hooks: ComposeHooks): Pick<Handlers, 'setup.discardAfterKeyLoss'> {
  const now = config.now ?? (() => new Date());
  let used = false;
  return {
    'setup.discardAfterKeyLoss': async (_request, context) => {
      // A second call (a double click) must never reach the fresh store the first one made.
      if (used) throw keyNotLost();
      used = true;
      await discardDataAfterKeyLoss({ dataDir: config.dataDir, secretProtector: secretProtectorOf(config) }, now());
      const handlers = await hooks.recompose();
      return handlers['session.state']({}, context);
    },
  };
}

/**
 * On start, after a discard: the rows chained under the lost key are acknowledged as 'key-lost'
 * and the discard is recorded. The marker goes last, so a crash in between repeats the step.
 */
export async function recordKeyLossDiscard(store: StoreDatabase, log: AuditLog): Promise<void> {
  const discardedAt = pendingKeyLossDiscard(store.db);
  if (discardedAt === null) return;
  await log.acceptKeyLoss(SETUP_ACTOR);
  log.append({ kind: 'store.key-loss-discard', actor: SETUP_ACTOR, discardedAt });
  clearKeyLossDiscard(store.db);
}
