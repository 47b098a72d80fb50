/**
 * Every card failure the clerk can meet, as one AppError each: a short code and a plain Japanese
 * sentence saying what to do next. The reader layer, the APDU channel and the JPKI driver all
 * raise these, so the wording lives in one place. `detail` is technical only (never a PIN, never
 * card data).
 */
import { AppError } from '../main/contract/errors';

export const CardErrors = {
  noReader: (detail?: string) =>
    new AppError('NO_READER', 'カードリーダーが見つかりません。カードリーダーのUSBケーブルが接続されているかご確認ください。', detail),
  noCard: (detail?: string) =>
    new AppError('NO_CARD', 'カードが置かれていません。マイナンバーカードをカードリーダーに置いてください。', detail),
  notMyNumberCard: (detail?: string) =>
    new AppError('NOT_MY_NUMBER_CARD', 'マイナンバーカードではないカードが置かれています。マイナンバーカードを置いてください。', detail),
  cardRemoved: (detail?: string) =>
    new AppError('CARD_REMOVED', 'カードが外されました。マイナンバーカードをカードリーダーに置き直して、もう一度お試しください。', detail),
  readerGone: (detail?: string) =>
    new AppError('READER_GONE', 'カードリーダーが取り外されました。カードリーダーを接続し直してから、もう一度お試しください。', detail),
  serviceDown: (detail?: string) =>
    new AppError('CARD_SERVICE_DOWN', 'カードを読み取る仕組み（スマートカードサービス）が止まっています。少し待ってからもう一度お試しください。続く場合はパソコンを再起動してください。', detail),
  notAnswering: (detail?: string) =>
    new AppError('CARD_NOT_ANSWERING', 'カードが応答しません。カードを置き直して、もう一度お試しください。', detail),
  contactlessMoved: (detail?: string) =>
    new AppError('CARD_MOVED', 'カードが動いたため読み取れませんでした。カードを置き直し、読み取りが終わるまで動かさないでください。', detail),
  /** The card left mid-exchange: on a contactless reader that is the card being moved. */
  cardGone: (contactless: boolean, detail?: string) =>
    contactless ? CardErrors.contactlessMoved(detail) : CardErrors.cardRemoved(detail),
  badResponse: (detail?: string) =>
    new AppError('CARD_BAD_RESPONSE', 'カードから正しい応答がありませんでした。カードを置き直して、もう一度お試しください。', detail),
  cardReset: (detail?: string) =>
    new AppError('CARD_RESET', '別のアプリがカードを操作したため、処理を中断しました。もう一度お試しください。', detail),
  readerBusy: (detail?: string) =>
    new AppError('READER_BUSY', '別のアプリがカードリーダーを使用中です。そのアプリを閉じてから、もう一度お試しください。', detail),
  pinWrong: (triesLeft: number) =>
    new AppError('PIN_WRONG', `暗証番号が違います。残り${triesLeft}回まで入力できます。${triesLeft === 1 ? '次に間違えるとロックされます。目視確認への切り替えもご検討ください。' : ''}`, `tries left ${triesLeft}`),
  pinBlocked: () =>
    new AppError('PIN_BLOCKED', '暗証番号がロックされています。この場では目視確認に切り替えてください。ロックの解除は、お住まいの市区町村の窓口、または署名用電子証明書のパスワードを使ってコンビニ等のキオスク端末で行えます。'),
  unexpectedStatus: (sw: number) =>
    new AppError('CARD_UNEXPECTED_STATUS', 'カードが想定外の応答をしました。カードを置き直して、もう一度お試しください。', `SW ${sw.toString(16).toUpperCase().padStart(4, '0')}`),
} as const;
