/**
 * Protects the store's data key with a key the OS holds. The Electron shell injects a DPAPI adapter
 * (safeStorage); web mode, the command line and tests use the key-file stand-in below. Only the
 * small data key ever passes through here, so an adapter may be slow or asynchronous.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SecretProtector {
  protect(plain: Uint8Array): Promise<Uint8Array>;
  /** Throws when these bytes were not protected by this key (the OS key is gone or was reset). */
  unprotect(protectedBytes: Uint8Array): Promise<Uint8Array>;
}

export const KEY_FILE_NAME = 'secret.key';
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a 32-byte key in `<dataDir>/secret.key` (mode 0600). The key file is created on
 * first protect; a missing or different key makes unprotect fail, exactly like a lost DPAPI key.
 */
export class KeyFileSecretProtector implements SecretProtector {
  private readonly keyPath: string;

  constructor(dataDir: string) {
    this.keyPath = path.join(dataDir, KEY_FILE_NAME);
  }

  async protect(plain: Uint8Array): Promise<Uint8Array> {
    const key = this.loadKey(true);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
  }

  async unprotect(protectedBytes: Uint8Array): Promise<Uint8Array> {
    const key = this.loadKey(false);
    const bytes = Buffer.from(protectedBytes);
    if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT) throw new Error('unknown protected format');
    const iv = bytes.subarray(1, 1 + IV_BYTES);
    const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  private loadKey(createIfMissing: boolean): Buffer {
    if (!existsSync(this.keyPath)) {
      if (!createIfMissing) throw new Error('key file missing');
      mkdirSync(path.dirname(this.keyPath), { recursive: true, mode: 0o700 });
      // 'wx' so two processes starting together never overwrite each other's key.
      try {
        writeFileSync(this.keyPath, randomBytes(32), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      chmodSync(this.keyPath, 0o600);
    }
    const key = readFileSync(this.keyPath);
    if (key.length !== 32) throw new Error('key file has the wrong length');
    return key;
  }
}
