/**
 * `window.onshi`: what the preload (and, in web mode, the loopback bridge client) puts in the
 * renderer. Typed from the contract, so a channel added there is callable here with its types.
 *
 * `invoke` resolves with an outcome instead of rejecting: Electron's contextBridge keeps only the
 * message of a rejected Error, and the clerk needs the code and the sentence of what to do next.
 */
import type { AppErrorShape } from './errors';
import type { Channel, EventName, EventPayloadOf, RequestOf, ResponseOf } from './index';

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export interface OnshiApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<CallOutcome<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}
