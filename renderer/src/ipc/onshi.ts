/**
 * The renderer's only door to the services: thin typed wrappers over `window.onshi`, which the
 * preload (app) or the loopback bridge client (web mode) provides.
 */
import { useEffect } from 'react';
import type { AppErrorShape, Channel, EventName, EventPayloadOf, OnshiApi, RequestOf, ResponseOf } from '../../../main/contract';

declare global {
  interface Window {
    readonly onshi?: OnshiApi;
  }
}

/** A failed call, carrying the code and the plain Japanese sentence for the clerk. */
export class OnshiError extends Error {
  readonly code: string;
  readonly detail: string | undefined;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.detail = shape.detail;
  }
}

function api(): OnshiApi {
  if (!window.onshi) throw new OnshiError({ code: 'HOST_UNAVAILABLE', message: 'アプリの処理部と接続できません。アプリを再起動してください。' });
  return window.onshi;
}

/** Any failure as the clerk sees it: an OnshiError keeps its code, anything else becomes INTERNAL. */
export function toOnshiError(error: unknown): OnshiError {
  if (error instanceof OnshiError) return error;
  return new OnshiError({ code: 'INTERNAL', message: '予期しないエラーが起きました。画面を閉じて、もう一度お試しください。', detail: String(error) });
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const outcome = await api().invoke(channel, request);
  if (!outcome.ok) throw new OnshiError(outcome.error);
  return outcome.value;
}

export function useOnshiEvent<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): void {
  useEffect(() => (window.onshi ? window.onshi.on(event, listener) : undefined), [event, listener]);
}
