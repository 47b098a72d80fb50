/**
 * The care settings of 居宅同意取得型, as the source document's table gives them (業態 → 照会可能期間),
 * with the reasons listed under 通常とは異なる動線. This is the one place they live: the screens, the
 * machine and the audit read them from here.
 *
 * The deadline the clerk sees is always OQS's `*AvailableTime`; `consentWindow` only says in words
 * what the patient is agreeing to before OQS has answered.
 */
import { tokyoDate, tokyoMidnight } from '../common/tokyo-time';

export const CARE_SETTING_IDS = ['alternateRoute', 'homeCare', 'houseCall'] as const;
export type CareSettingId = (typeof CARE_SETTING_IDS)[number];

export const ALTERNATE_ROUTE_REASONS = [
  'feverRoute',
  'emergencyAdmission',
  'monthlyInpatient',
  'driveThrough',
  'readerBroken',
  'readerHardToUse',
] as const;
export type AlternateRouteReason = (typeof ALTERNATE_ROUTE_REASONS)[number];

export interface CareSetting {
  readonly id: CareSettingId;
  readonly label: string;
  /** 照会可能期間, worded as in the source document. */
  readonly consentWindow: string;
  /** Only 通常とは異なる動線 asks why; the others are a kind of visit, not a detour. */
  readonly needsReason: boolean;
  /** 「初回のみ」: later visits are a 再照会 by insurance identifiers, without the card. */
  readonly secondVisitWithoutCard: boolean;
}

export const CARE_SETTINGS: Readonly<Record<CareSettingId, CareSetting>> = {
  alternateRoute: {
    id: 'alternateRoute',
    label: '通常とは異なる動線（機器故障時等を含む）',
    consentWindow: '同意情報登録後から診療日の翌日23時59分まで',
    needsReason: true,
    secondVisitWithoutCard: false,
  },
  homeCare: {
    id: 'homeCare',
    label: '訪問診療等',
    consentWindow: '継続的な関係のもと訪問診療等が行われている間（患者による同意取消しがなされない限り）',
    needsReason: false,
    secondVisitWithoutCard: true,
  },
  houseCall: {
    id: 'houseCall',
    label: '往診',
    consentWindow: '同意情報登録後24時間',
    needsReason: false,
    secondVisitWithoutCard: false,
  },
};

export const ALTERNATE_ROUTE_REASON_LABELS: Readonly<Record<AlternateRouteReason, string>> = {
  feverRoute: '発熱等の別動線',
  emergencyAdmission: '緊急入院（病室で確認）',
  monthlyInpatient: '長期入院の毎月の確認',
  driveThrough: 'ドライブスルー',
  readerBroken: 'カードリーダー故障',
  readerHardToUse: 'カードリーダーの操作が困難',
};

/**
 * How far the treatment date may sit from today (Tokyo). A night-time emergency admission is often
 * checked the next morning, hence one day back; consent may be taken ahead of a booked visit. The
 * source document gives no limit, so the values are here to change.
 */
export const TREATMENT_DATE_DAYS_BACK = 1;
export const TREATMENT_DATE_DAYS_AHEAD = 31;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a treatment date is not acceptable, or null when it is. */
export function treatmentDateProblem(isoDate: string, now: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || tokyoDate(tokyoMidnight(isoDate)) !== isoDate) {
    return '診療日が正しい日付ではありません。';
  }
  const days = Math.round((tokyoMidnight(isoDate).getTime() - tokyoMidnight(tokyoDate(now)).getTime()) / DAY_MS);
  if (days < -TREATMENT_DATE_DAYS_BACK) return '診療日が過去すぎます。本日の日付をご確認ください。';
  if (days > TREATMENT_DATE_DAYS_AHEAD) return `診療日は${TREATMENT_DATE_DAYS_AHEAD}日先までで入力してください。`;
  return null;
}

/** A reason is required exactly for 通常とは異なる動線 and must be one of its listed reasons. */
export function careSettingProblem(setting: CareSettingId, reason: AlternateRouteReason | null): string | null {
  if (CARE_SETTINGS[setting].needsReason && reason === null) return '通常とは異なる動線の理由を選んでください。';
  if (!CARE_SETTINGS[setting].needsReason && reason !== null) return 'この診療形態では理由の選択は不要です。';
  return null;
}
