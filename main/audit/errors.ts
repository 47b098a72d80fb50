/** The audit log's failures: a code for support and a sentence saying what to do next. */
import { AppError } from '../contract/errors';

export const AuditErrors = {
  chainBroken: (firstBad: number, problem: string) =>
    new AppError(
      'AUDIT_CHAIN_BROKEN',
      `監査ログに改ざんまたは欠落が見つかったため、記録を停止しています（${firstBad}番目の記録）。管理者が確認して承認するまで操作できません。`,
      `first bad row ${firstBad}: ${problem}`,
    ),
  notBroken: () =>
    new AppError('AUDIT_NOT_BROKEN', '監査ログに異常はありません。承認の必要はありません。'),
  breakMismatch: (expected: number, given: number) =>
    new AppError('AUDIT_BREAK_MISMATCH', '承認しようとした異常が現在の検証結果と一致しません。もう一度検証してから承認してください。', `expected ${expected}, given ${given}`),
  invalidEvent: (detail: string) =>
    new AppError('AUDIT_INVALID_EVENT', '監査ログに記録する内容に誤りがあります。アプリを再起動してください。続く場合は管理者へご連絡ください。', detail),
  badPatientIdentifiers: (field: string) =>
    new AppError('AUDIT_BAD_IDENTIFIERS', `保険の記号・番号等の入力に誤りがあります（${field}）。保険証や資格情報の表記をご確認ください。`, field),
  badOption: (detail: string) =>
    new AppError('AUDIT_BAD_OPTION', '指定内容に誤りがあります。コマンドの使い方をご確認ください。', detail),
  unreadableCollectorLog: (detail: string) =>
    new AppError('AUDIT_COLLECTOR_LOG_UNREADABLE', '集約サーバーのログファイルを読み込めません。ファイルの場所と形式をご確認ください。', detail),
  anchorUnreadable: (detail: string) =>
    new AppError('AUDIT_ANCHOR_UNREADABLE', '監査ログの控えファイルを読み込めないため、検証できません。管理者へご連絡ください。', detail),
  anchorUnwritable: (detail: string) =>
    new AppError('AUDIT_ANCHOR_UNWRITABLE', '監査ログの控えを保存できません。データフォルダの空き容量と権限をご確認ください。', detail),
} as const;
