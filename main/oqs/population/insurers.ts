/**
 * The invented insurers of the synthetic population. Numbers follow the real structure (法別番号,
 * 都道府県 13, 保険者別番号, check digit; 国保 6 digits right-aligned with two spaces as OQS sends
 * them, oqs-interface.md §2) so every code path sees realistic values, but the names are made up.
 */
import { withCheckDigit } from '../../common/check-digits';
import type { CoverageTag } from './person';

export interface SyntheticInsurer {
  readonly InsurerNumber: string;
  readonly InsurerName: string;
  readonly tag: CoverageTag;
}

const insurer = (payload: string, InsurerName: string, tag: CoverageTag): SyntheticInsurer => {
  const number = withCheckDigit(payload);
  return { InsurerNumber: number.padStart(8, ' '), InsurerName, tag };
};

export const EMPLOYEE_INSURERS: readonly SyntheticInsurer[] = [
  insurer('0113001', '全国健康保険協会 試験支部', '協会けんぽ'),
  insurer('0613999', 'サンプル健康保険組合', '組合健保'),
  insurer('3113777', '試験共済組合', '共済'),
];

export const NATIONAL_INSURERS: readonly SyntheticInsurer[] = [
  insurer('13880', '試験市国民健康保険', '国保'),
  insurer('13881', '架空市国民健康保険', '国保'),
];

export const LATE_ELDERLY_INSURER = insurer('3913901', '試験県後期高齢者医療広域連合', '後期高齢');

/** 医療扶助: the InsurerNumber slot carries the 公費負担者番号 (法別 12), §6. */
export const MEDICAL_AID_PAYER = insurer('1213301', '試験市福祉事務所', '医療扶助');

/** The institution the simulated 医療券 are made out to (a valid 医療機関コード, 医科). */
export const SIMULATED_INSTITUTION_CODE = withCheckDigit('131100001');
export const SIMULATED_INSTITUTION_NAME = '試験在宅クリニック';
