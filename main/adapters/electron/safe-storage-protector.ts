/**
 * Protects the store's data key with the OS: on Windows, DPAPI through Electron's safeStorage. Only
 * the main process may call safeStorage, so the services process asks over a MessagePort and this
 * side answers. safeStorage's scope is the signed-in Windows user; a cart shared by several users
 * needs the machine-scope binding noted in docs/decisions/os-key-scope.md.
 */
import { safeStorage, type MessagePortMain } from 'electron';
import type { OsRequest, OsResponse } from '../os-port-protocol';

export function answerSecretRequests(port: MessagePortMain): void {
  port.on('message', ({ data }) => {
    const request = data as OsRequest;
    let response: OsResponse;
    try {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('OS encryption unavailable');
      const bytes =
        request.op === 'protect'
          ? safeStorage.encryptString(Buffer.from(request.data, 'base64').toString('latin1'))
          : Buffer.from(safeStorage.decryptString(Buffer.from(request.data, 'base64')), 'latin1');
      response = { id: request.id, ok: true, data: bytes.toString('base64') };
    } catch (err) {
      response = { id: request.id, ok: false, error: err instanceof Error ? err.name : 'Error' };
    }
    port.postMessage(response);
  });
  port.start();
}
