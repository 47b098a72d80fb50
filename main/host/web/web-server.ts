/**
 * Web mode: serves the built renderer to a browser on this machine and puts the loopback bridge
 * beside it. The page gets `window.onshi` from the bridge client script, injected into index.html
 * here, so the renderer bundle is byte-for-byte the one the Electron app loads.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../common/csp';
import type { ServicesHost } from '../services-host';
import { createLoopbackBridge } from './loopback-bridge';
import { contentType, resolveInside } from '../../common/static-files';

export const BRIDGE_CLIENT_PATH = '/onshi-bridge.js';

export interface WebServer {
  /** The address to open, with the token in the fragment (never sent to the server in a request line). */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  readonly rendererDir: string;
  readonly bridgeClientFile: string;
  readonly port?: number;
}

export async function startWebServer(host: ServicesHost, options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const bridge = createLoopbackBridge(host, { token, allowedOrigin: () => origin });

  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const file = pathname === BRIDGE_CLIENT_PATH ? options.bridgeClientFile : resolveInside(options.rendererDir, pathname);
      const headers = {
        'Content-Security-Policy': contentSecurityPolicy({ connectSources: [origin.replace(/^http/, 'ws')] }),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      };
      if (request.method !== 'GET' || !file) {
        response.writeHead(request.method !== 'GET' ? 405 : 404, headers).end();
        return;
      }
      try {
        let body: Buffer | string = await readFile(file);
        if (file.endsWith('index.html')) {
          body = body.toString('utf8').replace('<head>', `<head>\n    <script src="${BRIDGE_CLIENT_PATH}"></script>`);
        }
        response.writeHead(200, { ...headers, 'Content-Type': contentType(file) }).end(body);
      } catch {
        response.writeHead(404, headers).end();
      }
    })();
  });
  server.on('upgrade', (request, socket, head) => bridge.handleUpgrade(request, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
