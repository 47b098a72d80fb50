/**
 * Failures only the JPKI driver meets, in the same shape as the shared card errors
 * (native/card-errors.ts, which holds every reader and card failure including wrong and blocked PIN).
 */
import { AppError } from '../../main/contract/errors';

export const JpkiErrors = {
  /** Typed PIN is not 4 digits; said without repeating what was typed. */
  pinFormat: () => new AppError('PIN_FORMAT', '暗証番号は数字4桁で入力してください。'),
  /** The card has no 利用者証明用電子証明書 (never issued, or revoked and removed). */
  noCertificate: (detail?: string) =>
    new AppError(
      'CARD_NO_CERTIFICATE',
      'このカードには利用者証明用電子証明書が入っていないため、読み取れません。電子証明書はお住まいの市区町村の窓口で発行を受けられます。今回は目視確認に切り替えてください。',
      detail,
    ),
  /** The card refused to sign: no PIN verified in this card session (it was reset or reselected). */
  notVerified: (detail?: string) =>
    new AppError('CARD_NOT_VERIFIED', '暗証番号の確認が途中で取り消されました。カードを置いたまま、最初からやり直してください。', detail),
} as const;
