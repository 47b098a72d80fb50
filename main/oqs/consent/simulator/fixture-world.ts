/**
 * The simulator's world until the shared pieces are wired in: a test JPKI CA, one card per case
 * the gateway must tell apart, and a tiny synthetic population behind them. This is the one seam
 * to point at the card engineer's test PKI and the shared synthetic population later; callers
 * only see SimulatorWorld.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import type { QualificationRecord } from '../contract-schemas';
import type { SimulatorPki } from './certificate-check';
import { normaliseSerial } from './person-directory';
import type { SimulatedPerson } from './person-directory';

export const FIXTURE_CARD_CASES = [
  'registered', 'unregistered', 'noQualification', 'revoked', 'expiredRecently', 'expiredLong', 'otherCa',
] as const;
export type FixtureCardCase = (typeof FIXTURE_CARD_CASES)[number];

export interface FixtureCard {
  readonly certificateDerBase64: string;
  /** The card's authentication key: only the virtual card and tests hold it. */
  readonly privateKeyPem: string;
  readonly serial: string;
}

export interface SimulatorWorld {
  readonly pki: SimulatorPki;
  readonly people: SimulatedPerson[];
  readonly cards: Readonly<Record<FixtureCardCase, FixtureCard>>;
}

const DAY = 24 * 3600_000;
const generateRsa = promisify(generateKeyPair);

interface KeyPems { readonly privatePem: string; readonly publicPem: string }

async function newKey(): Promise<KeyPems> {
  const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function makeCertificate(
  subjectKey: KeyPems, subject: string, issuer: { key: KeyPems; name: string }, notBefore: Date, notAfter: Date, isCa: boolean,
): { pem: string; serial: string } {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(subjectKey.publicPem);
  const serialHex = '01' + randomBytes(8).toString('hex');
  cert.serialNumber = serialHex;
  const serial = normaliseSerial(serialHex);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer([{ name: 'commonName', value: issuer.name }]);
  cert.setExtensions(isCa
    ? [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }]
    : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true }]);
  cert.sign(forge.pki.privateKeyFromPem(issuer.key.privatePem), forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), serial };
}

function pemToDerBase64(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

function qualification(n: number, name: string, kana: string, sex: '1' | '2', birthdate: string): QualificationRecord {
  return {
    InsuredCardClassification: '01',
    InsurerNumber: '06139997',
    InsuredCardSymbol: '試験',
    InsuredIdentificationNumber: String(1000 + n),
    InsuredBranchNumber: '00',
    PersonalFamilyClassification: '1',
    Name: name,
    NameKana: kana,
    Sex1: sex,
    Birthdate: birthdate,
    InsuredCardValidDate: '20240401',
    InsurerName: '研修健康保険組合',
  };
}

export async function createFixtureWorld(now = new Date()): Promise<SimulatorWorld> {
  const [caKey, otherCaKey, ...cardKeys] = await Promise.all(Array.from({ length: 2 + FIXTURE_CARD_CASES.length }, newKey));
  const ca = { key: caKey!, name: 'onshi-cart test JPKI CA' };
  const otherCa = { key: otherCaKey!, name: 'unrelated test CA' };
  const longAgo = new Date(now.getTime() - 5 * 365 * DAY);
  const caCert = makeCertificate(ca.key, ca.name, ca, longAgo, new Date(now.getTime() + 10 * 365 * DAY), true);

  const validUntil: Record<FixtureCardCase, Date> = {
    registered: new Date(now.getTime() + 365 * DAY),
    unregistered: new Date(now.getTime() + 365 * DAY),
    noQualification: new Date(now.getTime() + 365 * DAY),
    revoked: new Date(now.getTime() + 365 * DAY),
    expiredRecently: new Date(now.getTime() - 30 * DAY),
    expiredLong: new Date(now.getTime() - 120 * DAY),
    otherCa: new Date(now.getTime() + 365 * DAY),
  };
  const cards = {} as Record<FixtureCardCase, FixtureCard>;
  FIXTURE_CARD_CASES.forEach((c, i) => {
    const key = cardKeys[i]!;
    const made = makeCertificate(key, `test card ${c}`, c === 'otherCa' ? otherCa : ca, longAgo, validUntil[c], false);
    cards[c] = { certificateDerBase64: pemToDerBase64(made.pem), privateKeyPem: key.privatePem, serial: made.serial };
  });

  const people: SimulatedPerson[] = [
    { certificateSerial: cards.registered.serial, qualification: qualification(1, '試験　花子', 'ｼｹﾝ ﾊﾅｺ', '2', '19580312'), insuranceUseRegistered: true },
    { certificateSerial: cards.unregistered.serial, qualification: qualification(2, '試験　一郎', 'ｼｹﾝ ｲﾁﾛｳ', '1', '19470805'), insuranceUseRegistered: false },
    { certificateSerial: cards.noQualification.serial, qualification: null, insuranceUseRegistered: true },
    { certificateSerial: cards.revoked.serial, qualification: qualification(3, '試験　次郎', 'ｼｹﾝ ｼﾞﾛｳ', '1', '19620101'), insuranceUseRegistered: true },
    { certificateSerial: cards.expiredRecently.serial, qualification: qualification(4, '試験　桜', 'ｼｹﾝ ｻｸﾗ', '2', '19900420'), insuranceUseRegistered: true },
    { certificateSerial: cards.expiredLong.serial, qualification: qualification(5, '試験　三郎', 'ｼｹﾝ ｻﾌﾞﾛｳ', '1', '19351130'), insuranceUseRegistered: true },
  ];
  return {
    pki: { trustAnchorsPem: [caCert.pem], revokedSerials: new Set([cards.revoked.serial]) },
    people,
    cards,
  };
}
