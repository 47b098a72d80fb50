/**
 * The IPC contract: every channel the renderer may call, with its request and response schema, and
 * every event the services host pushes. Both sides import this one module; the preload exposes
 * exactly these names as `window.onshi`, the handler table validates against these schemas.
 *
 * Each domain keeps its channels in `channels/<domain>.ts`; this file only gathers them.
 */
import type { z } from 'zod';
import { appChannels } from './channels/app';
import { appEvents } from './channels/app-events';
import { auditChannels } from './channels/audit';
import { cardChannels, cardEvents } from './channels/card';
import { checkChannels, checkEvents } from './channels/check';
import { historyChannels } from './channels/history';
import { inquiryChannels } from './channels/inquiry';
import { jobsChannels } from './channels/jobs';
import { sessionChannels, sessionEvents } from './channels/session';
import { settingsChannels } from './channels/settings';
import { trainingChannels, trainingEvents } from './channels/training';

export const channels = {
  ...appChannels,
  ...checkChannels,
  ...cardChannels,
  ...auditChannels,
  ...inquiryChannels,
  ...historyChannels,
  ...jobsChannels,
  ...settingsChannels,
  ...sessionChannels,
  ...trainingChannels,
} as const;

export const events = {
  ...appEvents,
  ...checkEvents,
  ...cardEvents,
  ...sessionEvents,
  ...trainingEvents,
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof channels)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export * from './errors';
export * from './wire';
export type { OnshiApi, CallOutcome } from './api';
