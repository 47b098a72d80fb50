/**
 * The card reader and the card on it, as the screens see them: which readers are attached, what is
 * on the chosen one (a My Number card or not, PIN tries left, how its certificate stands), and
 * events when a reader or card comes or goes. No PIN, no certificate bytes and no patient data
 * travel here; the PIN goes only into a check (`check.*`).
 */
import { z } from 'zod';
import { call } from '../define';

const ReaderName = z.string().min(1).max(200);

export const CardReaderSchema = z.object({
  name: ReaderName,
  cardPresent: z.boolean(),
  /** Known only once a card is on it (from the reader's answer for the card). */
  contactless: z.boolean().optional(),
  /** The reader the app uses when none is named. */
  isDefault: z.boolean(),
});
export type CardReader = z.infer<typeof CardReaderSchema>;

export const CertificateWarningSchema = z.object({ code: z.string(), message: z.string() });

/** How the authentication certificate stands, from the local checks (warnings only: OQS decides). */
export const CertificateSummarySchema = z.object({
  validity: z.enum(['valid', 'not-yet-valid', 'expired-grace', 'expired']),
  notAfter: z.iso.datetime(),
  /** Until when an expired certificate still gives 資格確認 (without medical information). */
  graceUntil: z.iso.datetime().optional(),
  warnings: z.array(CertificateWarningSchema),
});

export const PinStateSchema = z.object({
  triesLeft: z.number().int().min(0).max(3),
  blocked: z.boolean(),
  /** False on a 顔認証マイナンバーカード without a PIN: only 目視確認 is possible. */
  pinSet: z.boolean(),
});

export const CardStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-card'), reader: ReaderName }),
  z.object({ kind: z.literal('not-my-number-card'), reader: ReaderName, contactless: z.boolean() }),
  z.object({
    kind: z.literal('my-number-card'),
    reader: ReaderName,
    contactless: z.boolean(),
    pin: PinStateSchema,
    certificate: CertificateSummarySchema,
  }),
]);
export type CardStatus = z.infer<typeof CardStatusSchema>;

const ReaderChoice = z.object({ reader: ReaderName.optional() }).strict();

export const cardChannels = {
  'card.readers': call(z.object({}).strict(), z.object({ readers: z.array(CardReaderSchema) })),
  /** Reads the card on the reader (select, certificate, tries); spends no PIN try. */
  'card.status': call(ReaderChoice, CardStatusSchema),
  /** Makes a reader the default for this laptop (several readers on one cart). */
  'card.setDefaultReader': call(z.object({ reader: ReaderName }).strict(), z.object({ reader: ReaderName })),
};

export const cardEvents = {
  'card.reader': z.object({ change: z.enum(['attached', 'detached']), reader: ReaderName }),
  'card.presence': z.object({ change: z.enum(['inserted', 'removed']), reader: ReaderName }),
};
