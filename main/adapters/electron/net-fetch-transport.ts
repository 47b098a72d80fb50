/**
 * The consent gateway's HTTP transport in the app: Electron's net.fetch, so requests go through the
 * hospital's proxy settings (PAC included) and trust the Windows certificate store. Failures are
 * mapped to the kinds the client retries on or reports.
 */
import { net } from 'electron';
import { TransportFailure, type HttpRequest, type HttpResponse, type HttpTransport } from '../../oqs/consent/http-transport';

function failureKind(err: unknown): TransportFailure {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  if (/AbortError|TimeoutError|ERR_TIMED_OUT/.test(text)) return new TransportFailure('timeout', text);
  if (/ERR_CONNECTION_REFUSED|ERR_NAME_NOT_RESOLVED|ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED|ERR_PROXY_CONNECTION_FAILED/.test(text)) {
    return new TransportFailure('refused', text);
  }
  if (/ERR_CERT_|ERR_SSL_/.test(text)) return new TransportFailure('tls', text);
  return new TransportFailure('interrupted', text);
}

export class NetFetchTransport implements HttpTransport {
  async send(request: HttpRequest): Promise<HttpResponse> {
    if (!request.url.startsWith('https://')) throw new TransportFailure('tls', 'only https is allowed');
    try {
      const response = await net.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(request.timeoutMs),
        redirect: 'error',
      });
      return { status: response.status, body: await response.text() };
    } catch (err) {
      throw failureKind(err);
    }
  }
}
