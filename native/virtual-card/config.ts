/**
 * What a virtual My Number card is like: its PINs and tries, the state of its certificate, what
 * kind of card it pretends to be, and the faults it plays. One schema for code, tests and the
 * `--config` file of `onshi-cart card virtual`, so a bad file is refused with a clear message.
 */
import { z } from 'zod';

export const ATRS = {
  /** The contact ATR OpenSC's jpki driver matches (jpki-card.md §1.1). */
  contact: '3BE000FF8131FE4514',
  /** A contactless JPKI ATR synthesised by the reader from ATQB (jpki-card.md §1.1, "JPKI (06)"). */
  contactless: '3B888001000005E0B381A1007F',
  /** A generic T=1 card that is not a My Number card. */
  other: '3B80800101',
} as const;

const digits = (n: number) => z.string().regex(new RegExp(`^[0-9]{${n}}$`), `${n} digits`);

export const FaultsSchema = z.strictObject({
  /** The card leaves the reader when the Nth command (1-based) arrives; that command gets no answer. */
  removeAtCommand: z.number().int().min(1).optional(),
  /** The card stops answering from the Nth command on. */
  muteAtCommand: z.number().int().min(1).optional(),
  /** The card never answers a command that starts with these hex bytes. */
  muteOnPrefix: z.string().regex(/^([0-9A-Fa-f]{2})+$/).optional(),
  /** Chance (0–1) that an answer is replaced by random bytes; 1 = always garbage. */
  garbage: z.number().min(0).max(1).optional(),
  /** Added delay before every answer, in ms. */
  slowMs: z.number().int().min(0).max(60_000).optional(),
});
export type Faults = z.infer<typeof FaultsSchema>;

export const VirtualCardConfigSchema = z.strictObject({
  /** `other` answers every SELECT with 6A82, like a bank or transit card. */
  kind: z.enum(['my-number', 'other']).default('my-number'),
  contactless: z.boolean().default(false),
  authPin: digits(4).default('1234'),
  /** Tries left on the authentication PIN; 0 = blocked. */
  authPinTries: z.number().int().min(0).max(3).default(3),
  signPassword: z.string().regex(/^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{6,16}$/, '6–16 upper-case letters and digits').default('TEST1234'),
  signPasswordTries: z.number().int().min(0).max(5).default(5),
  /** A 顔認証マイナンバーカード issued without PINs: the auth PIN can neither be queried nor verified. */
  faceAuthOnly: z.boolean().default(false),
  certificate: z.enum(['valid', 'expired', 'recently-expired', 'revoked', 'other-ca']).default('valid'),
  /** Whose card this is: the synthetic population's CardholderId, put in the certificate's subject. */
  cardholderId: z.string().regex(/^[A-Za-z0-9]{1,32}$/).optional(),
  /** Test data for 券面事項入力補助AP: present so tests can prove the app never reads it. */
  textAp: z.strictObject({
    pin: digits(4).default('5678'),
    myNumber: digits(12).default('123456789018'),
    name: z.string().min(1).max(100).default('試験　花子'),
    address: z.string().min(1).max(200).default('東京都千代田区霞が関１－２－２'),
    birthDate: digits(8).default('19800217'),
    sex: z.enum(['1', '2', '9', '0']).default('2'),
  }).prefault({}),
  faults: FaultsSchema.default({}),
});
export type VirtualCardConfig = z.infer<typeof VirtualCardConfigSchema>;
export type VirtualCardOptions = z.input<typeof VirtualCardConfigSchema>;

export function atrOf(config: VirtualCardConfig): string {
  if (config.kind === 'other') return ATRS.other;
  return config.contactless ? ATRS.contactless : ATRS.contact;
}
