/**
 * The services process's side of OS secret protection in the app: a SecretProtector that forwards
 * each request to the main process (safeStorage/DPAPI) and waits for the answer.
 */
import type { SecretProtector } from '../store/secret-protector';
import type { OsRequest, OsResponse } from './os-port-protocol';

export interface RequestPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

export class PortSecretProtector implements SecretProtector {
  private nextId = 1;
  private readonly pending = new Map<number, (response: OsResponse) => void>();

  constructor(private readonly port: RequestPort) {
    port.on('message', ({ data }) => {
      const response = data as OsResponse;
      this.pending.get(response.id)?.(response);
      this.pending.delete(response.id);
    });
    port.start();
  }

  protect(plain: Uint8Array): Promise<Uint8Array> {
    return this.ask('protect', plain);
  }

  unprotect(protectedBytes: Uint8Array): Promise<Uint8Array> {
    return this.ask('unprotect', protectedBytes);
  }

  private ask(op: OsRequest['op'], bytes: Uint8Array): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (response) =>
        response.ok ? resolve(Buffer.from(response.data, 'base64')) : reject(new Error(`OS secret protection failed: ${response.error}`)),
      );
      this.port.postMessage({ id, op, data: Buffer.from(bytes).toString('base64') } satisfies OsRequest);
    });
  }
}
