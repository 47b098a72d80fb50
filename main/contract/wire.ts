/**
 * The messages that cross a process boundary (MessagePort in the app, WebSocket in web mode).
 * Kept transport-neutral so the services host speaks one protocol to every client.
 */
import { z } from 'zod';
import { AppErrorSchema } from './errors';

export const WireCallSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type WireCall = z.infer<typeof WireCallSchema>;

export type WireResult =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: z.infer<typeof AppErrorSchema> };

export interface WireEvent {
  kind: 'event';
  name: string;
  payload: unknown;
}

export type WireFromHost = WireResult | WireEvent;
