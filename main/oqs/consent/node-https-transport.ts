/**
 * The Node stand-in for the HTTP transport: node:https with a configurable CA, used by the command
 * line, web mode and tests. Only https is spoken; the client refuses other URLs before this.
 */
import https from 'node:https';
import { HttpRequest, HttpResponse, HttpTransport, TransportFailure } from './http-transport';

export interface NodeHttpsTransportOptions {
  /** PEM certificates to trust instead of Node's bundled roots (the simulator's, a hospital CA). */
  readonly ca?: string | readonly string[];
}

const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TLS = /CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS|HOSTNAME/;

function classify(err: NodeJS.ErrnoException): TransportFailure {
  const code = err.code ?? err.name;
  if (REFUSED.has(code)) return new TransportFailure('refused', code);
  if (TLS.test(code)) return new TransportFailure('tls', code);
  return new TransportFailure('interrupted', code);
}

export function createNodeHttpsTransport(options: NodeHttpsTransportOptions = {}): HttpTransport & { close(): void } {
  // Idle connections are dropped before a typical 5 s server keep-alive ends, so a registration
  // (sent once, never retried) is not written into a socket the server is just closing.
  const agent = new https.Agent({ keepAlive: true, timeout: 4_000, ca: options.ca as string | string[] | undefined });
  return {
    send(request: HttpRequest): Promise<HttpResponse> {
      return new Promise((resolve, reject) => {
        const req = https.request(request.url, { method: request.method, headers: request.headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (!res.complete) return fail(new TransportFailure('interrupted', 'response incomplete'));
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', () => fail(new TransportFailure('interrupted', 'response broken off')));
        });
        let settled = false;
        const fail = (failure: TransportFailure) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          req.destroy();
          reject(failure);
        };
        const timer = setTimeout(() => fail(new TransportFailure('timeout', `no answer in ${request.timeoutMs} ms`)), request.timeoutMs);
        req.on('error', (e) => fail(classify(e)));
        req.end(request.body);
      });
    },
    close: () => agent.destroy(),
  };
}
