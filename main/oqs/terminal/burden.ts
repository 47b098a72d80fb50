/**
 * 一部負担金割合 for a qualification. OQS gives a ratio only for 後期高齢者
 * (InsuredPartialContributionRatio) and 高齢受給者 (ElderlyRecipientContributionRatio), as 3-digit
 * percents ("010" = 1割). For everyone else it is derived from age on the confirmation date
 * (oqs-interface.md §2 notes), with the statutory boundaries, where 「…歳に達する日」 is the day
 * before that birthday (年齢計算ニ関スル法律):
 *  - 未就学 (2割): until the first 31 March on or after the day the child reaches 6;
 *  - 70–74 (2割): from the first day of the month after the day they reach 70 — so from the
 *    birthday month itself for someone born on the 1st;
 *  - 後期高齢: from the 75th birthday; the ratio (1–3割) is then OQS's to give.
 */
import { dateParts, oqsDate } from './dates';
import type { QualificationRecord } from './elements';

export type BurdenBasis = '後期高齢' | '高齢受給者' | '70歳以上75歳未満' | '未就学' | '一般' | '医療扶助';

export interface BurdenRatio {
  /** 10, 20 or 30; undefined when only OQS (or the 医療券) can say. */
  readonly percent: number | undefined;
  readonly source: 'oqs' | 'derived';
  readonly basis: BurdenBasis;
  /** The clerk should check it against the patient's 受給者証 or OQS. */
  readonly needsConfirmation: boolean;
}

function reachesAge(birthdate: string, age: number): { year: number; month: number; date: string } {
  const { year, month, day } = dateParts(birthdate);
  const date = oqsDate(year + age, month, day - 1);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(4, 6)), date };
}

/** The last day (YYYYMMDD) a child counts as 未就学. */
export function preschoolLastDay(birthdate: string): string {
  const reach = reachesAge(birthdate, 6);
  return `${reach.month <= 3 ? reach.year : reach.year + 1}0331`;
}

/** The first day (YYYYMMDD) of the 70–74 bracket. */
export function seventyBracketFirstDay(birthdate: string): string {
  const reach = reachesAge(birthdate, 70);
  return oqsDate(reach.year, reach.month + 1, 1);
}

/** The first day (YYYYMMDD) of 後期高齢者医療: the 75th birthday (29 Feb → 1 Mar in a common year). */
export function lateElderlyFirstDay(birthdate: string): string {
  const { year, month, day } = dateParts(birthdate);
  return oqsDate(year + 75, month, day);
}

const fromOqs = (value: string, basis: BurdenBasis): BurdenRatio | undefined =>
  /^\d{3}$/.test(value) ? { percent: Number(value), source: 'oqs', basis, needsConfirmation: false } : undefined;

export function burdenRatio(record: QualificationRecord, onDate: string): BurdenRatio {
  if (record.InsuredCardClassification === 'A1') return { percent: undefined, source: 'oqs', basis: '医療扶助', needsConfirmation: false };
  const late = record.InsuredPartialContributionRatio && fromOqs(record.InsuredPartialContributionRatio, '後期高齢');
  if (late) return late;
  const elderly = record.ElderlyRecipientCertificateInfo?.ElderlyRecipientContributionRatio;
  const fromCertificate = elderly && fromOqs(elderly, '高齢受給者');
  if (fromCertificate) return fromCertificate;
  const birthdate = record.Birthdate ?? '';
  if (/^\d{8}$/.test(birthdate)) {
    if (onDate >= lateElderlyFirstDay(birthdate)) return { percent: undefined, source: 'derived', basis: '後期高齢', needsConfirmation: true };
    // 現役並み所得者 pay 3割; only the 高齢受給者証 says so, hence the confirmation.
    if (onDate >= seventyBracketFirstDay(birthdate)) return { percent: 20, source: 'derived', basis: '70歳以上75歳未満', needsConfirmation: true };
  }
  const preschool = record.PreschoolClassification !== undefined
    ? record.PreschoolClassification === '1'
    : /^\d{8}$/.test(birthdate) && onDate <= preschoolLastDay(birthdate);
  if (preschool) return { percent: 20, source: 'derived', basis: '未就学', needsConfirmation: false };
  return { percent: 30, source: 'derived', basis: '一般', needsConfirmation: false };
}
