/**
 * Every refusal of the consent gateway: the contract's ErrorCode, the HTTP status the simulator
 * answers with, and the sentence the clerk reads. Client and simulator share this one table so a
 * code can never mean two things.
 */
import { AppError } from '../../contract/errors';

interface Refusal {
  readonly status: number;
  readonly message: string;
}

const ADMIN = '資格確認端末の管理者に';

export const CONSENT_REFUSALS = {
  REQUEST_INVALID: { status: 400, message: '送信内容に誤りがありました。画面を閉じて、最初からやり直してください。' },
  ACTIVATION_CREDENTIALS_INVALID: { status: 401, message: `機関コード・ユーザーID・パスワードのいずれかが違います。入力内容をご確認ください。分からない場合は${ADMIN}アカウントの確認を依頼してください。` },
  ACTIVATION_CODE_UNKNOWN: { status: 404, message: `アクティベーションコードが見つかりません。コードを確かめるか、${ADMIN}新しいコードの発行を依頼してください。` },
  ACTIVATION_CODE_NOT_YET_ACTIVE: { status: 409, message: 'アクティベーションコードはまだ使えません。発行から10分ほど待ってから、もう一度お試しください。' },
  ACTIVATION_CODE_EXPIRED: { status: 410, message: `アクティベーションコードの有効期限が切れています。${ADMIN}新しいコードの発行を依頼してください。` },
  ACTIVATION_CODE_USED: { status: 409, message: `このアクティベーションコードは使用済みです。${ADMIN}この端末用の新しいコードの発行を依頼してください。` },
  ACTIVATION_CODE_REVOKED: { status: 410, message: `このアクティベーションコードは無効化されています。${ADMIN}新しいコードの発行を依頼してください。` },
  ACCOUNT_NEVER_LOGGED_IN: { status: 403, message: `このアカウントは資格確認端末に一度もログインしていません。${ADMIN}、このアカウントで一度ログインしてもらってください。` },
  ACCOUNT_NOT_YET_VALID: { status: 403, message: `このアカウントの利用開始年月日がまだ来ていません。${ADMIN}利用開始年月日の確認を依頼してください。` },
  ACCOUNT_DEVICE_ALREADY_ACTIVE: { status: 409, message: `このアカウントは別の端末で使用中です。${ADMIN}この端末用のアカウントを作成してもらうか、使っていない端末の登録を解除してください。` },
  DEVICE_NOT_ACTIVATED: { status: 401, message: 'この端末の登録が無効です。管理者に連絡し、アクティベーションをやり直してください。' },
  FUNCTION_NOT_ENABLED: { status: 403, message: `この診療形態の機能が「利用しない」になっています。${ADMIN}環境設定情報の変更を依頼してください。` },
  CONSENT_ITEMS_MISMATCH: { status: 400, message: '同意項目が医療機関の設定と合いません。設定を読み込み直してから、最初からやり直してください。' },
  PRESCRIPTION_SELECT_MISMATCH: { status: 400, message: '処方箋の発行方法の指定が医療機関の設定と合いません。設定を読み込み直してから、最初からやり直してください。' },
  CHALLENGE_UNKNOWN: { status: 400, message: '本人確認の手続きが見つかりません。カードの読み取りからやり直してください。' },
  CHALLENGE_USED: { status: 409, message: '本人確認の手続きはすでに使われています。カードの読み取りからやり直してください。' },
  CHALLENGE_EXPIRED: { status: 410, message: '本人確認の時間が過ぎました。カードの読み取りからやり直してください。' },
  SIGNATURE_INVALID: { status: 400, message: 'マイナンバーカードによる本人確認ができませんでした。カードの読み取りからやり直してください。' },
  CERTIFICATE_UNTRUSTED: { status: 400, message: 'このカードの電子証明書は確認できませんでした。ご本人のマイナンバーカードかお確かめのうえ、資格確認書などで確認してください。' },
  CERTIFICATE_REVOKED: { status: 400, message: 'このカードの電子証明書は失効しています。資格確認書などで資格を確認し、お住まいの市区町村窓口での手続きをご案内ください。' },
  CERTIFICATE_EXPIRED: { status: 400, message: 'このカードの電子証明書は有効期限が切れています。資格確認書などで資格を確認し、市区町村窓口での更新をご案内ください。' },
  CARD_NOT_REGISTERED: { status: 409, message: 'このカードは健康保険証としての利用登録がされていません。ご本人の同意を得て、利用登録（暗証番号が必要）を行ってください。' },
  NO_QUALIFICATION: { status: 404, message: '資格情報が見つかりませんでした。資格確認書や保険者へのお問い合わせで資格をご確認ください。' },
  CONSENT_NOT_FOUND: { status: 404, message: '取り消す同意が見つかりません。対象の患者をご確認ください。' },
  CONSENT_ALREADY_CANCELLED: { status: 409, message: 'この同意はすでに取り消されています。' },
} as const satisfies Record<string, Refusal>;

export type ConsentRefusalCode = keyof typeof CONSENT_REFUSALS;

export function isConsentRefusalCode(code: string): code is ConsentRefusalCode {
  return Object.hasOwn(CONSENT_REFUSALS, code);
}

/** Failures with no server answer behind them. */
export const GatewayErrors = {
  notHttps: () => new AppError('GATEWAY_NOT_HTTPS', '接続先の設定が安全な通信（https）になっていません。管理者に接続先の設定を確認してもらってください。'),
  timeout: (detail: string) => new AppError('GATEWAY_TIMEOUT', 'オンライン資格確認の応答がありません。通信状況をご確認のうえ、もう一度お試しください。', detail),
  unreachable: (detail: string) => new AppError('GATEWAY_UNREACHABLE', 'オンライン資格確認に接続できません。ネットワークの接続をご確認のうえ、もう一度お試しください。', detail),
  tlsUntrusted: (detail: string) => new AppError('GATEWAY_TLS_UNTRUSTED', '接続先の証明書を確認できませんでした。安全のため通信を中止しました。管理者へご連絡ください。', detail),
  interrupted: (detail: string) => new AppError('GATEWAY_INTERRUPTED', '通信が途中で切れ、処理が終わったか確認できませんでした。画面を閉じて、最初から操作し直してください。', detail),
  badResponse: (detail: string) => new AppError('GATEWAY_BAD_RESPONSE', 'オンライン資格確認から想定外の応答がありました。時間をおいてもう一度お試しください。続く場合は管理者へご連絡ください。', detail),
  serverError: (detail: string) => new AppError('GATEWAY_SERVER_ERROR', 'オンライン資格確認で障害が起きています。時間をおいてもう一度お試しください。', detail),
  refused: (code: string, serverMessage: string | undefined) =>
    new AppError('GATEWAY_REFUSED', 'オンライン資格確認で受け付けられませんでした。表示されたコードを控えて管理者へご連絡ください。', `${code.slice(0, 40)}: ${(serverMessage ?? '').slice(0, 200)}`),
} as const;

/** The AppError the client raises for a refusal with a known ErrorCode. */
export function refusalError(code: ConsentRefusalCode): AppError {
  return new AppError(code, CONSENT_REFUSALS[code].message);
}
