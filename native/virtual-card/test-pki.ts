/**
 * A stand-in for J-LIS's public key infrastructure, for tests and training only: test CAs shaped
 * like the JPKI user authentication / digital signature CAs but with O=JPKI-TEST, and end-entity
 * certificates for virtual cards. Keys come from node:crypto (node-forge takes seconds per RSA key)
 * and node-forge only lays out and signs the certificate. CAs and a small pool of card keys are
 * cached on disk so a test run creates them once; the revoked-serial list lives beside them so the
 * consent simulator (another process, maybe) can read it.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';

export type CaKind = 'auth' | 'sign';
/** `other` = a CA with the same name as the test CA but another key: trust must follow signatures. */
export type CaGeneration = 'test' | 'other';

const CA_OU: Record<CaKind, string> = { auth: 'JPKI for user authentication', sign: 'JPKI for digital signature' };

export interface TestCa {
  readonly kind: CaKind;
  readonly generation: CaGeneration;
  readonly certDer: Uint8Array;
  readonly certPem: string;
  readonly privateKey: KeyObject;
}

export interface IssuedCertificate {
  readonly certDer: Uint8Array;
  readonly certPem: string;
  /** The card's private key (RSA-2048); it never leaves the virtual card in normal use. */
  readonly privateKey: KeyObject;
  /** Upper-case hex, as node-forge and OpenSSL print it. */
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** Where the cached CAs, keys and the revoked list live; ONSHI_TEST_PKI_DIR overrides. */
export function testPkiDir(): string {
  return process.env.ONSHI_TEST_PKI_DIR ?? path.join(os.tmpdir(), 'onshi-cart-test-pki-v1');
}

function newRsaKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * Reads a cached file or creates it once. Creation writes a private temp file and hard-links it
 * into place, which fails if another process got there first; then that process's file wins, so
 * every process of a run sees the same CA.
 */
function cached(name: string, create: () => string): string {
  const dir = testPkiDir();
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, create());
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readFileSync(file, 'utf8');
}

/** A cached RSA-2048 key by slot name: cards of one run can share keys without costing time. */
export function testKey(slot: string): KeyObject {
  if (!/^[a-z0-9-]{1,40}$/.test(slot)) throw new Error('key slot must be short lower-case words');
  return createPrivateKey(cached(`key-${slot}.pem`, newRsaKeyPem));
}

function caName(kind: CaKind): forge.pki.CertificateField[] {
  return [
    { shortName: 'C', value: 'JP' },
    { shortName: 'O', value: 'JPKI-TEST' },
    { shortName: 'OU', value: CA_OU[kind] },
    { shortName: 'OU', value: 'Japan Agency for Local Authority Information Systems' },
  ];
}

function forgeKeys(key: KeyObject): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const privateKey = forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }).toString());
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  return { privateKey, publicKey };
}

function derOf(cert: forge.pki.Certificate): Uint8Array {
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));
}

function positiveSerial(): string {
  const bytes = randomBytes(8);
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

function createCaPem(kind: CaKind, key: KeyObject): string {
  const { privateKey, publicKey } = forgeKeys(key);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = positiveSerial();
  cert.validity.notBefore = new Date(Date.UTC(2023, 6, 16, 15, 0, 0));
  cert.validity.notAfter = new Date(Date.UTC(2043, 6, 15, 14, 59, 59));
  cert.setSubject(caName(kind));
  cert.setIssuer(caName(kind));
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** The test CA of a kind (cached); `other` shares the name but not the key. */
export function testCa(kind: CaKind, generation: CaGeneration = 'test'): TestCa {
  const privateKey = testKey(`ca-${kind}-${generation}`);
  const certPem = cached(`ca-${kind}-${generation}.pem`, () => createCaPem(kind, privateKey));
  const certDer = Uint8Array.from(Buffer.from(forge.pem.decode(certPem)[0]!.body, 'binary'));
  return { kind, generation, certDer, certPem, privateKey };
}

export interface IssueOptions {
  readonly ca?: CaGeneration;
  readonly keySlot?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** The opaque ID J-LIS puts in CN; random when absent. */
  readonly subjectId?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Issues a card certificate: auth (`CN=<id>, C=JP`, digitalSignature) or sign (+ nonRepudiation). */
export function issueCardCertificate(kind: CaKind, options: IssueOptions = {}): IssuedCertificate {
  const ca = testCa(kind, options.ca ?? 'test');
  const caForge = forge.pki.certificateFromPem(ca.certPem);
  const key = testKey(options.keySlot ?? `card-${kind}`);
  const { publicKey } = forgeKeys(key);
  const now = Date.now();
  const notBefore = options.notBefore ?? new Date(now - 30 * DAY_MS);
  const notAfter = options.notAfter ?? new Date(now + 4 * 365 * DAY_MS);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = positiveSerial();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const id = options.subjectId ?? randomBytes(10).toString('hex').toUpperCase();
  cert.setSubject(kind === 'auth'
    ? [{ shortName: 'CN', value: id }, { shortName: 'C', value: 'JP' }]
    : [{ shortName: 'C', value: 'JP' }, { shortName: 'L', value: 'Tokyo-to' }, { shortName: 'L', value: 'Test-shi' }, { shortName: 'CN', value: id }]);
  cert.setIssuer(caForge.subject.attributes);
  cert.setExtensions([
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: kind === 'sign' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caForge.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forgeKeys(ca.privateKey).privateKey, forge.md.sha256.create());
  return { certDer: derOf(cert), certPem: forge.pki.certificateToPem(cert), privateKey: key, serialHex: cert.serialNumber.toUpperCase(), notBefore, notAfter };
}

/** Which state of the authentication certificate a virtual card carries. */
export type CertificateVariant = 'valid' | 'expired' | 'recently-expired' | 'revoked' | 'other-ca';

/** An auth certificate in the given state; `revoked` is also added to the revoked list. */
/** `subjectId` names the cardholder (the population's CardholderId); random when absent. */
export function issueAuthCertificate(variant: CertificateVariant, keySlot = 'card-auth', subjectId?: string): IssuedCertificate {
  const now = Date.now();
  const who = subjectId === undefined ? {} : { subjectId };
  switch (variant) {
    case 'valid':
      return issueCardCertificate('auth', { keySlot, ...who });
    case 'expired':
      return issueCardCertificate('auth', { keySlot, ...who, notBefore: new Date(now - 6 * 365 * DAY_MS), notAfter: new Date(now - 365 * DAY_MS) });
    case 'recently-expired':
      return issueCardCertificate('auth', { keySlot, ...who, notBefore: new Date(now - 5 * 365 * DAY_MS), notAfter: new Date(now - 30 * DAY_MS) });
    case 'other-ca':
      return issueCardCertificate('auth', { keySlot, ...who, ca: 'other' });
    case 'revoked': {
      const issued = issueCardCertificate('auth', { keySlot, ...who });
      revokeSerial(issued.serialHex);
      return issued;
    }
  }
}

function revokedFile(): string {
  return path.join(testPkiDir(), 'revoked-serials.txt');
}

/** Adds a serial to the test CA's revoked list (one line each; appends are atomic). */
export function revokeSerial(serialHex: string): void {
  if (!/^[0-9A-Fa-f]{1,40}$/.test(serialHex)) throw new Error('serial must be hex');
  mkdirSync(testPkiDir(), { recursive: true });
  appendFileSync(revokedFile(), `${serialHex.toUpperCase()}\n`);
}

/** Serials the test CA has revoked, upper-case hex. */
export function revokedSerials(): ReadonlySet<string> {
  if (!existsSync(revokedFile())) return new Set();
  return new Set(readFileSync(revokedFile(), 'utf8').split('\n').filter((line) => line.length > 0));
}
