/**
 * Calls the channels of a services host as a window does, through its handler table: the reply
 * is validated there, and a refusal rejects with the AppError's code and Japanese sentence.
 */
import type { Channel, RequestOf, ResponseOf } from '../../main/contract';
import type { ServicesHost } from '../../main/host/services-host';

/** `host` is read at each call, so a suite may start its host later or restart it. */
export function channelCaller(host: () => ServicesHost) {
  return async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const reply = await host().table.dispatch(1, channel, request, { connectionId: 'test' });
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
    return reply.value as ResponseOf<C>;
  };
}
