/**
 * Every failure of the 資格確認端末 interface as an AppError: a short code, a polite sentence that
 * says what to do next, and a technical detail that never holds patient data.
 */
import { AppError } from '../../contract/errors';

const CONTACT = '続く場合は管理者へご連絡ください。';

export const TerminalErrors = {
  timeout: (detail: string) =>
    new AppError('OQS_TERMINAL_TIMEOUT', `資格確認端末から時間内に応答がありませんでした。端末と連携アプリが動いているかご確認のうえ、もう一度お試しください。${CONTACT}`, detail),
  folder: (detail: string) =>
    new AppError('OQS_TERMINAL_FOLDER', `資格確認端末の共有フォルダを使えませんでした。フォルダの設定と接続をご確認ください。${CONTACT}`, detail),
  malformed: (detail: string) =>
    new AppError('OQS_XML_MALFORMED', `資格確認端末の結果ファイルを読み取れませんでした。もう一度お試しください。${CONTACT}`, detail),
  forbidden: (detail: string) =>
    new AppError('OQS_XML_FORBIDDEN', '受け付けられない形式のファイルです（文書型定義や実体宣言を含んでいます）。ファイルの出どころをご確認ください。', detail),
  tooLarge: (detail: string) =>
    new AppError('OQS_FILE_TOO_LARGE', `ファイルが大きすぎるため読み取りを中止しました。件数を分けてもう一度お試しください。${CONTACT}`, detail),
  encoding: (detail: string) =>
    new AppError('OQS_ENCODING_UNSUPPORTED', `ファイルの文字コードに対応していません。Shift_JIS か UTF-8 で作成してください。`, detail),
  zipRejected: (detail: string) =>
    new AppError('OQS_ZIP_REJECTED', `圧縮された結果ファイルに問題があるため開きませんでした。資格確認端末で結果を取得し直してください。${CONTACT}`, detail),
  /** OQS itself reported an error: its own message is shown verbatim after ours. */
  resultError: (errorCode: string, oqsMessage: string) =>
    new AppError('OQS_RESULT_ERROR', `オンライン資格確認等システムがエラーを返しました。${oqsMessage ? `「${oqsMessage}」` : ''}内容をご確認のうえ、もう一度お試しください。`, `ErrorCode=${errorCode}`),
  invalidRequest: (detail: string) =>
    new AppError('OQS_INVALID_REQUEST', '照会の内容に誤りがあります。保険者番号・記号・番号・生年月日などをご確認ください。', detail),
  unexpected: (detail: string) =>
    new AppError('OQS_UNEXPECTED_RESULT', `資格確認端末から想定外の結果が返りました。もう一度お試しください。${CONTACT}`, detail),
} as const;
