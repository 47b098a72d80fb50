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

/** Selects the JPKI AP and reads the certificate; the caller decides what to show of the report. */
export async function readCheckedCertificate(transport: CardTransport, trust: TrustAnchorSet, now: Date): Promise<CertificateReport> {
  await selectJpkiAp(transport);
  return checkAuthCertificate(await readAuthCertificate(transport), trust, now);
}

export async function readCardStatus(transport: CardTransport, trust: TrustAnchorSet, now: Date): Promise<CardStatusReport> {
  const base = { reader: transport.readerName, contactless: transport.contactless };
  let report: CertificateReport;
  try {
    report = await readCheckedCertificate(transport, trust, now);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_MY_NUMBER_CARD') return { kind: 'not-my-number-card', ...base };
    throw err;
  }
  const pin = await readPinTriesLeft(transport);
  const { validity, notAfter, graceUntil, warnings } = report;
  return {
    kind: 'my-number-card',
    ...base,
    pin,
    certificate: { validity, notAfter, ...(graceUntil ? { graceUntil } : {}), warnings },
  };
}
