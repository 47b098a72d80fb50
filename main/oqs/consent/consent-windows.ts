/**
 * Until when medical information may be viewed after consent, per care setting. The rows are the
 * source document's table 「薬剤情報等、特定健診情報の照会可能期間」; the simulator answers
 * `*AvailableTime` from here, and the app only ever shows the answer it got.
 */
import { tokyoMidnight } from '../../common/tokyo-time';
import type { ConsentSetting } from './contract-schemas';
import { oqsDateToIso, toOqsTime } from './oqs-time';

export type ConsentWindow =
  | { readonly kind: 'until-end-of-day-after-treatment' }
  | { readonly kind: 'continuing' }
  | { readonly kind: 'hours-after-registration'; readonly hours: number };

export interface ConsentWindowRow {
  readonly setting: ConsentSetting;
  readonly label: string;
  /** The source document's wording, kept so a reader can check the row against it. */
  readonly sourceText: string;
  readonly window: ConsentWindow;
}

export const CONSENT_WINDOW_TABLE: readonly ConsentWindowRow[] = [
  {
    setting: '1',
    label: '外来診療等（通常とは異なる動線・機器故障時等を含む）',
    sourceText: '同意情報登録後から診療日の翌日23時59分まで',
    window: { kind: 'until-end-of-day-after-treatment' },
  },
  {
    setting: '2',
    label: '訪問診療等',
    sourceText: '継続的な関係のもと訪問診療等が行われている間（患者による同意取消しがなされない限り）',
    window: { kind: 'continuing' },
  },
  {
    setting: '3',
    label: '往診',
    sourceText: '同意情報登録後24時間',
    window: { kind: 'hours-after-registration', hours: 24 },
  },
];

export function consentWindowFor(setting: ConsentSetting): ConsentWindowRow {
  const row = CONSENT_WINDOW_TABLE.find((r) => r.setting === setting);
  if (!row) throw new Error(`no consent window for setting ${setting}`);
  return row;
}

/** Open question 8 of the contract: the last second of the day is assumed to be included. */
const END_OF_DAY_SECONDS = 24 * 3600 - 1;

/**
 * `*AvailableTime` (YYYYMMDDHHmmss, Tokyo) for a consent registered at `registeredAt` for a
 * treatment on `treatmentDate` (YYYYMMDD), or undefined when the window is continuing.
 */
export function availableTimeFor(setting: ConsentSetting, registeredAt: Date, treatmentDate: string): string | undefined {
  const { window } = consentWindowFor(setting);
  switch (window.kind) {
    case 'continuing':
      return undefined;
    case 'hours-after-registration':
      return toOqsTime(new Date(registeredAt.getTime() + window.hours * 3600_000));
    case 'until-end-of-day-after-treatment': {
      const dayAfter = tokyoMidnight(oqsDateToIso(treatmentDate)).getTime() + 24 * 3600_000;
      return toOqsTime(new Date(dayAfter + END_OF_DAY_SECONDS * 1000));
    }
  }
}
