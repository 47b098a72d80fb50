/**
 * The loopback bridge is the only way into the services host outside Electron: it must refuse a
 * wrong token and a foreign origin before any service runs, and answer bad calls with the typed
 * error the clerk would see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type RunningWebHost } from '../../helpers/web-host';

let running: RunningWebHost;
beforeAll(async () => {
  running = await startWebHost();
});
afterAll(async () => {
  await running.stop();
});

function bridgeUrl(token: string): string {
  return `${running.server.origin.replace('http', 'ws')}/bridge?token=${encodeURIComponent(token)}`;
}

/** Connects and resolves with the refusal (status + typed error body) or the open socket. */
function connect(token: string, origin: string): Promise<{ status: number; body: unknown } | WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(bridgeUrl(token), { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.once('error', reject);
  });
}

/** Sends one call and waits for its result (events that arrive first are ignored). */
function callOver(ws: WebSocket, message: unknown, id: number): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(data.toString()) as Record<string, unknown>;
      if (reply.kind === 'result' && reply.id === id) {
        ws.off('message', onMessage);
        resolve(reply);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('loopback bridge', () => {
  it('refuses a wrong token with the typed error', async () => {
    const outcome = await connect('not-the-token', running.server.origin);
    expect(outcome).toMatchObject({ status: 401, body: { ok: false, error: { code: 'IPC_UNAUTHORIZED' } } });
    expect((outcome as { body: { error: { message: string } } }).body.error.message).toMatch(/開き直してください/);
  });

  it('refuses the right token from another origin', async () => {
    const outcome = await connect(running.server.token, 'http://evil.example');
    expect(outcome).toMatchObject({ status: 403, body: { ok: false, error: { code: 'IPC_UNTRUSTED_SENDER' } } });
  });

  it('listens on the loopback address only', () => {
    expect(new URL(running.server.origin).hostname).toBe('127.0.0.1');
  });

  describe('with the right token', () => {
    let ws: WebSocket;
    beforeAll(async () => {
      ws = (await connect(running.server.token, running.server.origin)) as WebSocket;
    });
    afterAll(() => ws.close());

    it('round-trips a valid call through the real handler table', async () => {
      const reply = await callOver(ws, { kind: 'call', id: 1, channel: 'app.info', payload: {} }, 1);
      expect(reply).toMatchObject({ ok: true, value: { name: 'onshi-cart', trainingMode: true, transport: 'web' } });
      expect((reply.value as { now: string }).now).toMatch(/\+09:00$/);
    });

    it('answers an unknown channel with the typed error', async () => {
      const reply = await callOver(ws, { kind: 'call', id: 2, channel: 'card.readPersonalNumber', payload: {} }, 2);
      expect(reply).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    });

    it('answers a payload that fails its schema with the typed error, naming the field', async () => {
      const reply = await callOver(ws, { kind: 'call', id: 3, channel: 'app.info', payload: { extra: 'x' } }, 3);
      expect(reply).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
      expect((reply.error as { message: string }).message).toMatch(/入力内容に誤り/);
    });

    it('answers a message that is not JSON without dropping the connection', async () => {
      const reply = await callOver(ws, '{not json', 0);
      expect(reply).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
      const again = await callOver(ws, { kind: 'call', id: 4, channel: 'app.info', payload: {} }, 4);
      expect(again).toMatchObject({ ok: true });
    });
  });
});
