/**
 * The loopback WebSocket bridge: lets a browser page on this machine talk to the services host in
 * web mode and in end-to-end tests. It exists only in the Node build (out/node), never in the
 * packaged app. Three locks: it listens on 127.0.0.1 only, a connection must come from the page's
 * own origin, and it must present the random token printed at start (compared in constant time).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { IpcErrors, type AppErrorShape } from '../../contract';
import type { ServicesHost } from '../services-host';

export const BRIDGE_PATH = '/bridge';
const MAX_MESSAGE_BYTES = 1024 * 1024;

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: number, error: AppErrorShape): void {
  const body = JSON.stringify({ ok: false, error });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

export interface LoopbackBridge {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

export function createLoopbackBridge(host: ServicesHost, options: { token: string; allowedOrigin: () => string }): LoopbackBridge {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  wss.on('connection', (ws: WebSocket) => {
    const connection = host.connect((message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    });
    ws.on('message', (data, isBinary) => {
      let message: unknown;
      try {
        message = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        message = undefined;
      }
      void connection.receive(message);
    });
    ws.on('close', () => connection.close());
  });

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== BRIDGE_PATH) {
        refuse(socket, 403, IpcErrors.untrustedSender().toShape());
        return;
      }
      if (request.headers.origin !== options.allowedOrigin()) {
        refuse(socket, 403, IpcErrors.untrustedSender().toShape());
        return;
      }
      if (!sameToken(url.searchParams.get('token'), options.token)) {
        refuse(socket, 401, IpcErrors.unauthorized().toShape());
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
