/**
 * The one place where renderer input meets the services: every call is looked up by channel name,
 * its payload validated against the contract, the handler run, the answer validated again, and any
 * failure turned into the typed error the clerk sees.
 */
import {
  channels,
  isChannel,
  IpcErrors,
  toAppError,
  type Channel,
  type ParsedRequestOf,
  type RequestOf,
  type ResponseOf,
  type WireResult,
} from '../contract';

/** Who is calling: one connected window (Electron) or one authenticated bridge socket (web). */
export interface CallContext {
  readonly connectionId: string;
}

/** A handler receives the request as the schema parsed it (defaults applied). */
export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type Handlers = { [C in Channel]: Handler<C> };

export interface HandlerTable {
  dispatch(id: number, channel: unknown, payload: unknown, context: CallContext): Promise<WireResult>;
}

function describeIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function createHandlerTable(handlers: Handlers): HandlerTable {
  return {
    async dispatch(id, channel, payload, context) {
      if (!isChannel(channel)) {
        return { kind: 'result', id, ok: false, error: IpcErrors.unknownChannel(String(channel)).toShape() };
      }
      const def = channels[channel];
      const parsed = def.request.safeParse(payload);
      if (!parsed.success) {
        return { kind: 'result', id, ok: false, error: IpcErrors.invalidRequest(describeIssues(parsed.error)).toShape() };
      }
      try {
        const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
        const value = await handler(parsed.data, context);
        const checked = def.response.safeParse(value);
        if (!checked.success) {
          return { kind: 'result', id, ok: false, error: IpcErrors.invalidResponse(`${channel}: ${describeIssues(checked.error)}`).toShape() };
        }
        return { kind: 'result', id, ok: true, value: checked.data };
      } catch (err) {
        return { kind: 'result', id, ok: false, error: toAppError(err).toShape() };
      }
    },
  };
}

export type { RequestOf, ResponseOf };
