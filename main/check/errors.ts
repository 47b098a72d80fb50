/**
 * The failures a check tells apart, and the codes ports use for them. A port's AppError code decides
 * what the machine does next: a pulled card waits for the card, a lost network shows the official
 * fallbacks, anything else is shown as it came (code + what to do next).
 */
import { AppError } from '../contract/errors';

export type FailureKind = 'cardRemoved' | 'readerGone' | 'network' | 'service';

/** Codes the adapters translate their own errors into. */
export const FAILURE_CODES: Readonly<Record<string, FailureKind>> = {
  CARD_REMOVED: 'cardRemoved',
  CARD_MOVED: 'cardRemoved',
  NO_CARD: 'cardRemoved',
  READER_GONE: 'readerGone',
  NO_READER: 'readerGone',
  NETWORK_DOWN: 'network',
  GATEWAY_UNREACHABLE: 'network',
  GATEWAY_TIMEOUT: 'network',
  // The 資格確認端末's shared folder or its 連携アプリ out of reach: the same answer as no network.
  OQS_TERMINAL_FOLDER: 'network',
  OQS_TERMINAL_TIMEOUT: 'network',
};

/** The consent gateway's answer when the card still needs 健康保険証利用登録. */
export const CARD_NOT_REGISTERED = 'CARD_NOT_REGISTERED';

export function failureKind(err: unknown): FailureKind {
  return err instanceof AppError ? (FAILURE_CODES[err.code] ?? 'service') : 'service';
}

export const CheckErrors = {
  cardRemoved: () => new AppError('CARD_REMOVED', 'カードが読み取り機から外れました。カードをもう一度置いてください。'),
  readerGone: () => new AppError('READER_GONE', 'カードリーダーが見つかりません。接続を確認してください。'),
  networkDown: (detail?: string) =>
    new AppError('NETWORK_DOWN', 'オンライン資格確認等システムに接続できません。代わりの確認方法をご案内ください。', detail),
  inProgress: () => new AppError('CHECK_IN_PROGRESS', '別の資格確認が進行中です。終了または中止してから始めてください。'),
  notStarted: () => new AppError('CHECK_NOT_STARTED', '資格確認が開始されていません。最初からやり直してください。'),
  eventNotAllowed: (state: string, event: string) =>
    new AppError('CHECK_EVENT_NOT_ALLOWED', 'この画面ではその操作はできません。画面の案内に従ってください。', `${event} in ${state}`),
  unavailable: () =>
    new AppError('CHECK_UNAVAILABLE', '資格確認の機能は、カードリーダーと接続先の準備ができていないため使えません。管理者へご連絡ください。'),
  locked: () => new AppError('CHECK_LOCKED', '画面がロックされています。パスコードでロックを解除してください。'),
  secretSpent: () =>
    new AppError('SECRET_SPENT', '暗証番号はもう使われました。もう一度入力してください。', 'one-shot secret used twice'),
  simulatorInRealMode: (port: string) =>
    new AppError(
      'CHECK_SIMULATOR_IN_REAL_MODE',
      '本番の接続先が設定されているのに、研修用の接続が使われようとしました。管理者へご連絡ください。',
      `port ${port} is a simulator`,
    ),
} as const;
