/**
 * RFC 5425 transport: syslog over TLS with octet-counting frames. Syslog has no acknowledgements,
 * so a batch counts as received only when the collector has closed its side after our close: it
 * reads the stream to the end before it sees our FIN, so its close means every frame was read.
 * Anything less (a reset, a timeout, a certificate we do not trust) fails the whole batch, and
 * the shipper sends it again: at-least-once, never silently dropped.
 */
import { connect, type ConnectionOptions } from 'node:tls';
import { AppError } from '../contract/errors';

export interface CollectorTarget {
  readonly host: string;
  readonly port: number;
  /** PEM of the CA that signed the collector's certificate (the hospital's own CA, usually). */
  readonly ca: string;
  /** The cart's certificate and key (PEM), for a collector that authenticates its senders. */
  readonly cert?: string;
  readonly key?: string;
  /** The name in the collector's certificate, when it differs from `host`. */
  readonly servername?: string;
  /** Connect, handshake and each stall in the transfer; a stalled collector fails after this long. */
  readonly timeoutMs?: number;
}

export const collectorUnreachable = (detail: string) =>
  new AppError('AUDIT_COLLECTOR_UNREACHABLE', '監査ログの集約サーバーに送信できませんでした。記録は端末内に保存されており、接続が戻ると自動で再送します。', detail);

export function sendSyslogBatch(target: CollectorTarget, frames: readonly Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const options: ConnectionOptions = {
      host: target.host,
      port: target.port,
      ca: target.ca,
      ...(target.cert !== undefined && target.key !== undefined ? { cert: target.cert, key: target.key } : {}),
      servername: target.servername ?? target.host,
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
    };
    let settled = false;
    const fail = (detail: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(collectorUnreachable(detail));
    };
    const socket = connect(options, () => {
      for (const frame of frames) socket.write(frame);
      socket.end();
    });
    socket.setTimeout(target.timeoutMs ?? 10_000, () => fail('timeout'));
    socket.on('error', (err: NodeJS.ErrnoException) => fail(err.code ?? err.name));
    // Data from a syslog collector is unexpected; reading it keeps the stream flowing to 'end'.
    socket.on('data', () => undefined);
    socket.on('end', () => {
      if (settled) return;
      if (!socket.authorized) return fail('not authorized');
      settled = true;
      socket.destroy();
      resolve();
    });
    socket.on('close', () => fail('closed before the collector finished reading'));
  });
}
