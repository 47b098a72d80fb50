/**
 * Field-level protection at rest: one random data key, wrapped by the OS key (SecretProtector) and
 * kept in `store_key`; from it, separate subkeys for sealing fields (AES-256-GCM) and for keyed
 * lookup hashes (HMAC-SHA-256). Other domains (the audit chain) derive their own subkeys by label.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface FieldCrypto {
  /** Encrypts a value; `context` (e.g. 'inquiry_numbers.sealed') binds the ciphertext to its column. */
  seal(plain: string | Uint8Array, context: string): Buffer;
  openBytes(sealed: Uint8Array, context: string): Buffer;
  open(sealed: Uint8Array, context: string): string;
  /** A keyed hash for exact lookups and uniqueness without storing the value. */
  lookupHash(domain: string, value: string): Buffer;
  /** A 32-byte subkey for another purpose, independent of the ones above. */
  deriveKey(label: string): Buffer;
}

function subkey(dataKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `onshi-cart/${label}`, 32));
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Stored next to the wrapped key, so a protector that returns wrong bytes without failing is caught. */
export function keyCheckOf(dataKey: Buffer): Buffer {
  return createHmac('sha256', subkey(dataKey, 'key-check')).update('onshi-cart key check').digest();
}

export function keyCheckMatches(dataKey: Buffer, stored: Uint8Array): boolean {
  const expected = keyCheckOf(dataKey);
  return stored.length === expected.length && timingSafeEqual(expected, stored);
}

export function createFieldCrypto(dataKey: Buffer): FieldCrypto {
  const sealKey = subkey(dataKey, 'field-seal');
  const hashKey = subkey(dataKey, 'lookup-hash');
  const openBytes = (sealed: Uint8Array, context: string): Buffer => {
    const bytes = Buffer.from(sealed);
    if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT) throw new Error('not a sealed field');
    const decipher = createDecipheriv('aes-256-gcm', sealKey, bytes.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  };
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain;
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
    },
    openBytes,
    open: (sealed, context) => openBytes(sealed, context).toString('utf8'),
    lookupHash: (domain, value) => createHmac('sha256', hashKey).update(`${domain}\u0000${value}`, 'utf8').digest(),
    deriveKey: (label) => subkey(dataKey, `derived/${label}`),
  };
}
