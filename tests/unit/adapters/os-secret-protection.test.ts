/**
 * In the app, the store's data key is sealed by DPAPI through safeStorage, which only the main
 * process may call. These tests run both halves (main's answerer, the services' proxy) over a port
 * pair with a scripted safeStorage, since the real one exists only inside Electron on Windows.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fakeSafeStorage = {
  available: true,
  isEncryptionAvailable: () => fakeSafeStorage.available,
  // A reversible scrambling standing in for DPAPI: enough to prove bytes are sealed and restored.
  encryptString: (text: string) => Buffer.from([...Buffer.from(text, 'latin1')].map((b) => b ^ 0x5a)),
  decryptString: (sealed: Buffer) => {
    if (sealed[0] === undefined) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString('latin1');
  },
};
vi.mock('electron', () => ({ safeStorage: fakeSafeStorage }));

const { answerSecretRequests } = await import('../../../main/adapters/electron/safe-storage-protector');
const { PortSecretProtector } = await import('../../../main/adapters/port-secret-protector');

/** Two connected ports with the MessagePortMain event shape ({ data }). */
function portPair() {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const port = (self: EventEmitter, other: EventEmitter) => ({
    on: (event: 'message', listener: (e: { data: unknown }) => void) => void self.on(event, listener),
    postMessage: (message: unknown) => queueMicrotask(() => other.emit('message', { data: structuredClone(message) })),
    start: () => undefined,
  });
  return [port(a, b), port(b, a)] as const;
}

describe('OS secret protection over the main-process port', () => {
  let protector: InstanceType<typeof PortSecretProtector>;
  beforeEach(() => {
    fakeSafeStorage.available = true;
    const [mainSide, servicesSide] = portPair();
    answerSecretRequests(mainSide as never);
    protector = new PortSecretProtector(servicesSide);
  });

  it('seals and restores every byte value of a data key', async () => {
    const key = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const sealed = await protector.protect(key);
    expect(Buffer.from(sealed).equals(key)).toBe(false);
    expect(Buffer.from(await protector.unprotect(sealed)).equals(key)).toBe(true);
  });

  it('fails, without crashing the answerer, when the OS cannot unseal (a reset Windows password)', async () => {
    await expect(protector.unprotect(new Uint8Array())).rejects.toThrow(/OS secret protection failed/);
    const again = await protector.protect(Buffer.from('still works'));
    expect(Buffer.from(await protector.unprotect(again)).toString()).toBe('still works');
  });

  it('refuses to seal when OS encryption is unavailable, rather than storing the key in the clear', async () => {
    fakeSafeStorage.available = false;
    await expect(protector.protect(Buffer.from('key'))).rejects.toThrow(/OS secret protection failed/);
  });

  it('answers concurrent requests to the right caller', async () => {
    const keys = ['a', 'bb', 'ccc', 'dddd'].map((s) => Buffer.from(s));
    const sealed = await Promise.all(keys.map((k) => protector.protect(k)));
    const restored = await Promise.all(sealed.map((s) => protector.unprotect(s)));
    expect(restored.map((r) => Buffer.from(r).toString())).toEqual(['a', 'bb', 'ccc', 'dddd']);
  });
});
