/**
 * The applications (DFs) of a virtual My Number card and the files in them, laid out as on a real
 * card (jpki-card.md §4, §5, §6): which EF holds what, which key unlocks it. Contents of the
 * 券面 APs are test data; they exist so tests can show the app never selects them.
 */
import type { KeyObject } from 'node:crypto';
import type { VirtualCardConfig } from './config';
import { type IssuedCertificate, issueAuthCertificate, issueCardCertificate, testCa } from './test-pki';

export type DfName = 'jpki' | 'text' | 'surface';

export interface BinaryEf {
  readonly type: 'binary';
  readonly data: Uint8Array;
  /** Readable once any of these key EFs is verified; free when absent. */
  readonly unlockedBy?: readonly number[];
}
export interface PinEf {
  readonly type: 'pin';
  value: Uint8Array;
  tries: number;
  readonly maxTries: number;
  /** What a card without this PIN set answers to a query or VERIFY (PIN-less 顔認証 card). */
  readonly unusable?: boolean;
}
export interface KeyEf {
  readonly type: 'key';
  readonly key: KeyObject;
  readonly unlockedBy: number;
}
export type Ef = BinaryEf | PinEf | KeyEf;

export interface Df {
  readonly name: DfName;
  readonly aid: string;
  readonly files: Map<number, Ef>;
}

export const AIDS: Record<DfName, string> = {
  jpki: 'D392F000260100000001',
  text: 'D3921000310001010408',
  surface: 'D3921000310001010402',
};

/** What the card exposes beyond its file system, for tests: the auth certificate and its key. */
export interface CardSecrets {
  readonly authCertDer: Uint8Array;
  readonly authSerialHex: string;
  readonly authKey: KeyObject;
}

const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'ascii'));
const utf8 = (s: string) => Uint8Array.from(Buffer.from(s, 'utf8'));

/** Certificates sit in fixed-size EFs; the tail is FF, so a reader must use the DER length. */
function certificateEf(der: Uint8Array, unlockedBy?: number[]): BinaryEf {
  const size = Math.max(2048, der.length);
  const data = new Uint8Array(size).fill(0xff);
  data.set(der);
  return unlockedBy ? { type: 'binary', data, unlockedBy } : { type: 'binary', data };
}

function tokenInfo(): Uint8Array {
  const data = new Uint8Array(160);
  data.set(ascii('JPKIAPICCTOKEN2'.padEnd(32, ' ')));
  data.set(ascii('JPKI'.padEnd(32, ' ')), 32);
  return data;
}

function pin(value: string, tries: number, maxTries: number, unusable = false): PinEf {
  return { type: 'pin', value: ascii(value), tries, maxTries, unusable };
}

/** BER TLV with a 2-byte private tag and a definite length in short, 81 or 82 form. */
export function tlv(tag: number, value: Uint8Array): Uint8Array {
  const n = value.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([tag >> 8, tag & 0xff, ...len, ...value]);
}

function basicFourInfo(config: VirtualCardConfig): Uint8Array {
  const t = config.textAp;
  const fields = [tlv(0xdf22, utf8(t.name)), tlv(0xdf23, utf8(t.address)), tlv(0xdf24, ascii(t.birthDate)), tlv(0xdf25, ascii(t.sex))];
  // The offset table points at each field's tag from the start of the file.
  const bodyLength = 11 + fields.reduce((sum, f) => sum + f.length, 0);
  const header = bodyLength < 0x80 ? 3 : bodyLength < 0x100 ? 4 : 5;
  const offsets: number[] = [];
  let at = header + 11;
  for (const f of fields) {
    offsets.push(at);
    at += f.length;
  }
  const table = tlv(0xdf21, Uint8Array.from(offsets.flatMap((o) => [o >> 8, o & 0xff])));
  const body = Uint8Array.from([...table, ...fields.flatMap((f) => [...f])]);
  const file = tlv(0xff20, body);
  return Uint8Array.from([...file, 0xff, 0xff, 0xff]);
}

function textAp(config: VirtualCardConfig): Df {
  const t = config.textAp;
  const myNumberFile = Uint8Array.from([0xff, 0x10, 0x0c, ...ascii(t.myNumber), 0xff, 0xff]);
  const collationB = `${t.birthDate.slice(2)}20351234`;
  return {
    name: 'text',
    aid: AIDS.text,
    files: new Map<number, Ef>([
      [0x0001, { type: 'binary', data: myNumberFile, unlockedBy: [0x0011, 0x0014] }],
      [0x0002, { type: 'binary', data: basicFourInfo(config), unlockedBy: [0x0011, 0x0015] }],
      [0x0005, { type: 'binary', data: Uint8Array.from([0xff, 0x40, 0x06, 0xdf, 0x41, 0x04, 0x01, 0x03, 0x0e, 0x01]) }],
      [0x0011, pin(t.pin, 3, 3)],
      [0x0012, pin('0000', 0, 3)],
      [0x0014, pin(t.myNumber, 3, 3)],
      [0x0015, pin(collationB, 3, 3)],
    ]),
  };
}

function surfaceAp(config: VirtualCardConfig): Df {
  const t = config.textAp;
  const face = tlv(0xff20, Uint8Array.from([...tlv(0xdf22, ascii(t.birthDate)), ...tlv(0xdf23, ascii(t.sex))]));
  return {
    name: 'surface',
    aid: AIDS.surface,
    files: new Map<number, Ef>([
      [0x0002, { type: 'binary', data: face, unlockedBy: [0x0012, 0x0013] }],
      [0x0005, { type: 'binary', data: tlv(0xff40, ascii(t.myNumber)), unlockedBy: [0x0013] }],
      [0x0012, pin(`${t.birthDate.slice(2)}20351234`, 3, 3)],
      [0x0013, pin(t.myNumber, 3, 3)],
    ]),
  };
}

/** One signature certificate per process: no test varies it, and signing one costs ~100 ms. */
let signCertificate: IssuedCertificate | undefined;

function jpkiAp(config: VirtualCardConfig, secrets: CardSecrets): Df {
  const sign = (signCertificate ??= issueCardCertificate('sign', { keySlot: 'card-sign' }));
  return {
    name: 'jpki',
    aid: AIDS.jpki,
    files: new Map<number, Ef>([
      [0x0001, certificateEf(sign.certDer, [0x001b])],
      [0x0002, certificateEf(testCa('sign').certDer)],
      [0x0006, { type: 'binary', data: tokenInfo() }],
      [0x0008, { type: 'binary', data: Uint8Array.from([0x8f, 0x8f, 0x00]) }],
      [0x000a, certificateEf(secrets.authCertDer)],
      [0x000b, certificateEf(testCa('auth').certDer)],
      [0x0017, { type: 'key', key: secrets.authKey, unlockedBy: 0x0018 }],
      [0x0018, pin(config.authPin, config.authPinTries, 3, config.faceAuthOnly)],
      [0x001a, { type: 'key', key: sign.privateKey, unlockedBy: 0x001b }],
      [0x001b, pin(config.signPassword, config.signPasswordTries, 5, config.faceAuthOnly)],
    ]),
  };
}

/** Builds the card's applications; a card that is not a My Number card has none we know. */
export function buildApplications(config: VirtualCardConfig): { dfs: Df[]; secrets: CardSecrets | undefined } {
  if (config.kind === 'other') return { dfs: [], secrets: undefined };
  const auth = issueAuthCertificate(config.certificate, 'card-auth', config.cardholderId);
  const secrets: CardSecrets = { authCertDer: auth.certDer, authSerialHex: auth.serialHex, authKey: auth.privateKey };
  return { dfs: [jpkiAp(config, secrets), textAp(config), surfaceAp(config)], secrets };
}
