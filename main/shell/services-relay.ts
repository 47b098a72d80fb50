/**
 * The main process's only job besides windows: relay calls from the trusted window to the services
 * host and events back. Every call is checked for its sender (our window, our app:// origin) before
 * it leaves; payload validation happens once, in the host's handler table.
 */
import { ipcMain, MessageChannelMain, utilityProcess, type IpcMainInvokeEvent, type WebContents } from 'electron';
import path from 'node:path';
import { answerSecretRequests } from '../adapters/electron/safe-storage-protector';
import { IpcErrors, type CallOutcome, type WireFromHost } from '../contract';
import type { ServicesInit } from './services-process';
import { APP_ORIGIN } from './window-options';

export const INVOKE_CHANNEL = 'onshi:invoke';
export const EVENT_CHANNEL = 'onshi:event';

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: ReadonlySet<number>): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  return trusted.has(event.sender.id) && event.senderFrame?.parent === null && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

export function startServicesRelay(mainDir: string, init: ServicesInit, trusted: Set<number>, windows: () => WebContents[]): () => void {
  const child = utilityProcess.fork(path.join(mainDir, 'host.js'), [], { serviceName: 'onshi-cart services' });
  const { port1, port2 } = new MessageChannelMain();
  const os = new MessageChannelMain();
  child.postMessage(init, [port2, os.port2]);
  answerSecretRequests(os.port1);

  let nextId = 1;
  const pending = new Map<number, (outcome: CallOutcome<unknown>) => void>();
  port1.on('message', ({ data }) => {
    const message = data as WireFromHost;
    if (message.kind === 'result') {
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
    } else {
      for (const contents of windows()) contents.send(EVENT_CHANNEL, message.name, message.payload);
    }
  });
  port1.start();
  child.on('exit', () => {
    for (const settle of pending.values()) settle({ ok: false, error: IpcErrors.hostUnavailable().toShape() });
    pending.clear();
  });

  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event, trusted)) return { ok: false, error: IpcErrors.untrustedSender().toShape() };
    const id = nextId++;
    return new Promise<CallOutcome<unknown>>((resolve) => {
      pending.set(id, resolve);
      port1.postMessage({ kind: 'call', id, channel, payload });
    });
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    port1.close();
    os.port1.close();
    child.kill();
  };
}
