/**
 * The store's failures, each with a code the clerk can read out and a sentence saying what to do.
 * Details carry SQLite codes and file names only, never row contents.
 */
import { AppError } from '../contract/errors';

/** The OS key that wraps the data key is gone (a reset Windows password, a copied disk): the app offers re-activation. */
export class StoreKeyLostError extends AppError {
  constructor(detail?: string) {
    super(
      'STORE_KEY_LOST',
      'この端末の保護鍵が使えないため、保存データを読み出せません。管理者が再アクティベーションを行ってください（読み出せなくなった照会番号・確認履歴・職員の登録を消去し、初期設定からやり直します。設定は残ります）。',
      detail,
    );
    this.name = 'StoreKeyLostError';
  }
}

export const StoreErrors = {
  networkPath: (detail: string) =>
    new AppError('STORE_NETWORK_PATH', 'データの保存先がネットワーク上のフォルダです。この端末内のフォルダを指定してください。', detail),
  tooNew: (found: number, known: number) =>
    new AppError(
      'STORE_TOO_NEW',
      'データベースがこのアプリより新しいバージョンで作成されています。アプリを最新版に更新してください。',
      `user_version ${found} > ${known}`,
    ),
  corrupt: (detail: string) =>
    new AppError('STORE_CORRUPT', 'データベースファイルが壊れているため開けません。管理者へご連絡ください。', detail),
  readOnly: (detail: string) =>
    new AppError('STORE_READ_ONLY', 'データベースに書き込めません。保存先フォルダの権限をご確認ください。', detail),
  busy: (detail: string) =>
    new AppError('STORE_BUSY', 'データベースが別の処理で使用中です。しばらく待ってからもう一度お試しください。', detail),
  migrationFailed: (version: number, detail: string) =>
    new AppError('STORE_MIGRATION_FAILED', 'データベースの更新に失敗しました。データは変更されていません。管理者へご連絡ください。', `migration ${version}: ${detail}`),
  badMigrationList: (detail: string) =>
    new AppError('STORE_MIGRATION_LIST', 'アプリの内部構成に誤りがあります。管理者へご連絡ください。', detail),
} as const;

/** SQLite's own errors, turned into the clerk's sentences by their result code. */
export function fromSqliteError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const detail = `${typeof code === 'string' ? code : 'ERROR'} (${file})`;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return StoreErrors.corrupt(detail);
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) return StoreErrors.readOnly(detail);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return StoreErrors.busy(detail);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return StoreErrors.readOnly(detail);
  }
  return new AppError('STORE_ERROR', 'データベースの処理に失敗しました。もう一度お試しください。続く場合は管理者へご連絡ください。', detail);
}
