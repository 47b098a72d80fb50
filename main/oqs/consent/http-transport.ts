/**
 * The one door the consent client has to the network. The shell injects Electron's `net.fetch`
 * (hospital proxies, PAC, the Windows certificate store); Node uses `createNodeHttpsTransport`.
 * An adapter turns its own failures into a TransportFailure so the client can tell a timeout
 * from a refused connection without knowing which stack it runs on.
 */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
}

export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * - timeout: no complete answer within timeoutMs;
 * - refused: nothing listening / host unreachable, so the request surely never arrived;
 * - tls: the server's certificate was not trusted;
 * - interrupted: the connection broke after the request may have arrived (reset, truncated body).
 */
export type TransportFailureKind = 'timeout' | 'refused' | 'tls' | 'interrupted';

export class TransportFailure extends Error {
  readonly kind: TransportFailureKind;

  constructor(kind: TransportFailureKind, detail: string) {
    super(detail);
    this.name = 'TransportFailure';
    this.kind = kind;
  }
}
