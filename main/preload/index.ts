/**
 * The preload: exposes exactly the IPC contract as `window.onshi` (invoke a named channel, listen
 * to a named event) and nothing else: no ipcRenderer, no Node, no process.env.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { OnshiApi } from '../contract/api';

const INVOKE_CHANNEL = 'onshi:invoke';
const EVENT_CHANNEL = 'onshi:event';
const NAME = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z.]*$/;

const listeners = new Map<string, Set<(payload: unknown) => void>>();
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const api: OnshiApi = {
  invoke(channel, request) {
    if (typeof channel !== 'string' || !NAME.test(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL', message: 'アプリ内部の呼び出しが正しくありません。アプリを再起動してください。' } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, request);
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(event, set);
    return () => {
      set.delete(listener as (payload: unknown) => void);
    };
  },
};

contextBridge.exposeInMainWorld('onshi', api);
