/**
 * What `card status` and the reader screen show about the card on a reader: whether it is a My
 * Number card (decided by SELECT of the JPKI AP), its PIN tries (asked without spending one) and
 * how its authentication certificate stands against the local checks. Spends no PIN try.
 */
import { AppError } from '../../main/contract/errors';
import type { CardTransport } from '../apdu/transport';
import { checkAuthCertificate, type CertificateReport } from '../cert/check-certificate';
import type { TrustAnchorSet } from '../cert/trust-anchors';
import { readAuthCertificate, readPinTriesLeft, selectJpkiAp, type PinTries } from './jpki-card';

export type CardStatusReport =
  | { kind: 'not-my-number-card'; reader: string; contactless: boolean }
  | {
      kind: 'my-number-card';
      reader: string;
      contactless: boolean;
      pin: PinTries;
      certificate: Pick<CertificateReport, 'validity' | 'notAfter' | 'graceUntil' | 'warnings'>;
    };

/**
 * Runs a read-only card flow again from its SELECT when another program reset the card (the
 * transport has reconnected and reports CARD_RESET). Only for flows without a VERIFY: a PIN check
 * is never repeated.
 */
async function againAfterReset<T>(flow: () => Promise<T>): Promise<T> {
  try {
    return await flow();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CARD_RESET') return flow();
    throw err;
  }
}

async function selectAndCheck(transport: CardTransport, trust: TrustAnchorSet, now: Date): Promise<CertificateReport> {
  await selectJpkiAp(transport);
  return checkAuthCertificate(await readAuthCertificate(transport), trust, now);
}

/** Selects the JPKI AP and reads the certificate; the caller decides what to show of the report. */
export async function readCheckedCertificate(transport: CardTransport, trust: TrustAnchorSet, now: Date): Promise<CertificateReport> {
  return againAfterReset(() => selectAndCheck(transport, trust, now));
}

export async function readCardStatus(transport: CardTransport, trust: TrustAnchorSet, now: Date): Promise<CardStatusReport> {
  const base = { reader: transport.readerName, contactless: transport.contactless };
  let found: { report: CertificateReport; pin: PinTries };
  try {
    found = await againAfterReset(async () => {
      const report = await selectAndCheck(transport, trust, now);
      return { report, pin: await readPinTriesLeft(transport) };
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_MY_NUMBER_CARD') return { kind: 'not-my-number-card', ...base };
    throw err;
  }
  const { report, pin } = found;
  const { validity, notAfter, graceUntil, warnings } = report;
  return {
    kind: 'my-number-card',
    ...base,
    pin,
    certificate: { validity, notAfter, ...(graceUntil ? { graceUntil } : {}), warnings },
  };
}
