/**
 * `onshi-cart card …`: hospital IT's view of the reader and the card, without the app's screens.
 * Every command takes --reader NAME (default: the reader holding a card, else the first) and
 * --json. A PIN is read from stdin only, never taken as an argument, and is never printed.
 */
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { loadTrustAnchors } from '../../../native/cert/trust-anchors';
import { AuthPin } from '../../../native/jpki/auth-pin';
import { readCardStatus, readCheckedCertificate } from '../../../native/jpki/card-status';
import { readPinTriesLeft, selectJpkiAp, verifyAuthPin } from '../../../native/jpki/jpki-card';
import { runSelfTest } from '../../../native/jpki/self-test';
import type { CliCommand, CliIo, OptionSpec } from '../command';
import { listCardReaders, watchCardReaders, withCard } from './card-access';

const READER_OPTION: OptionSpec = { reader: { type: 'string' } };
const TRUST_OPTIONS: OptionSpec = { ...READER_OPTION, 'trust-anchors': { type: 'string' } };

type Values = Record<string, string | boolean | undefined>;

function readerOf(values: Values): string | undefined {
  return typeof values.reader === 'string' ? values.reader : undefined;
}

/** J-LIS CA certificates for the issuer check: --trust-anchors, ONSHI_TRUST_ANCHORS, or <data dir>/trust-anchors. */
function trustAnchorFolder(values: Values): string {
  if (typeof values['trust-anchors'] === 'string') return path.resolve(values['trust-anchors']);
  if (process.env.ONSHI_TRUST_ANCHORS) return path.resolve(process.env.ONSHI_TRUST_ANCHORS);
  return path.resolve(process.env.ONSHI_DATA_DIR ?? '.data', 'trust-anchors');
}

/** Reads the PIN from stdin as bytes; the text copy is dropped at once (a JS string cannot be overwritten). */
async function pinFromStdin(io: CliIo): Promise<AuthPin> {
  const typed = Buffer.from(await io.readStdin(), 'utf8');
  return AuthPin.fromBytes(typed);
}

export const cardCommands: CliCommand[] = [
  {
    path: ['card', 'readers'],
    summary: 'カードリーダーの一覧と、カードが置かれているかを表示します',
    options: READER_OPTION,
    async run({ values }) {
      return { readers: listCardReaders(readerOf(values)) };
    },
    render: (r) => {
      const { readers } = r as { readers: { name: string; cardPresent: boolean; isDefault: boolean }[] };
      if (readers.length === 0) return 'カードリーダーが見つかりません。';
      return readers.map((x) => `${x.isDefault ? '*' : ' '} ${x.name}  ${x.cardPresent ? 'カードあり' : 'カードなし'}`).join('\n');
    },
  },
  {
    path: ['card', 'watch'],
    summary: 'カードリーダーの接続・取り外しと、カードの出し入れを表示し続けます（Ctrl-C で終了）',
    options: READER_OPTION,
    async run({ values }, io) {
      await watchCardReaders(readerOf(values), (event) => io.emit(io.json ? event : `${event.at} ${event.change} ${event.reader}`), io.interrupted);
      return undefined;
    },
  },
  {
    path: ['card', 'status'],
    summary: 'カードの種類、暗証番号の残り回数、電子証明書の有効性を表示します（暗証番号は使いません）',
    options: TRUST_OPTIONS,
    async run({ values }) {
      const trust = loadTrustAnchors(trustAnchorFolder(values));
      return withCard(readerOf(values), (transport) => readCardStatus(transport, trust, new Date()));
    },
  },
  {
    path: ['card', 'cert'],
    summary: '利用者証明用電子証明書の内容（発行者・シリアル番号・有効期間・指紋・PEM）を表示します',
    options: TRUST_OPTIONS,
    async run({ values }) {
      const trust = loadTrustAnchors(trustAnchorFolder(values));
      return withCard(readerOf(values), (transport) => readCheckedCertificate(transport, trust, new Date()));
    },
    render: (r) => {
      const c = r as { subject: string; issuer: string; serialNumber: string; notBefore: string; notAfter: string; fingerprintSha256: string; validity: string; warnings: { message: string }[]; pem: string };
      return [
        `subject:     ${c.subject}`,
        `issuer:      ${c.issuer}`,
        `serial:      ${c.serialNumber}`,
        `validity:    ${c.notBefore} – ${c.notAfter} (${c.validity})`,
        `sha256:      ${c.fingerprintSha256}`,
        ...c.warnings.map((w) => `注意: ${w.message}`),
        c.pem.trimEnd(),
      ].join('\n');
    },
  },
  {
    path: ['card', 'verify-pin'],
    summary: '利用者証明用の暗証番号（数字4桁）を標準入力から読み、カードで確認します',
    options: READER_OPTION,
    async run({ values }, io) {
      const pin = await pinFromStdin(io);
      try {
        return await withCard(readerOf(values), async (transport) => {
          await selectJpkiAp(transport);
          await verifyAuthPin(transport, pin);
          const { triesLeft } = await readPinTriesLeft(transport);
          return { verified: true, triesLeft };
        });
      } finally {
        pin.wipe();
      }
    },
  },
  {
    path: ['card', 'selftest'],
    summary: '暗証番号（標準入力）でこの端末が作った乱数に署名し、証明書で検証します',
    options: READER_OPTION,
    async run({ values }, io) {
      const pin = await pinFromStdin(io);
      const result = await withCard(readerOf(values), (transport) => runSelfTest(transport, pin));
      if (!result.verified) {
        io.emit(result);
        throw new AppError('SELFTEST_NOT_VERIFIED', 'カードの署名を電子証明書で検証できませんでした。カードを置き直してもう一度お試しください。続く場合は管理者へご連絡ください。');
      }
      return result;
    },
  },
];

