/**
 * What the setup form can say about its fields while they are typed. The services check again;
 * this only spares the admin a round trip for a typo.
 */
import { isValidMedicalInstitutionCode } from '../../../main/common/check-digits';
import type { FieldProblem } from '../components/Field';

/** 機関コード: 10 half-width digits whose last digit is the check digit. */
export function institutionCodeProblem(value: string): FieldProblem {
  if (value === '') return null;
  if (!/^\d*$/.test(value)) return { key: 'setup.problems.digitsOnly' };
  if (value.length < 10) return { key: 'setup.problems.codeShort', values: { left: 10 - value.length } };
  if (value.length > 10) return { key: 'setup.problems.codeLong' };
  return isValidMedicalInstitutionCode(value) ? null : { key: 'setup.problems.checkDigit' };
}

/** ユーザーID of the 資格確認端末 account: 2 to 8 half-width letters or digits. */
export function userIdProblem(value: string): FieldProblem {
  if (value === '') return null;
  return /^[A-Za-z0-9]{2,8}$/.test(value) ? null : { key: 'setup.problems.userId' };
}

/** The real endpoint must be https; the services refuse anything else as well. */
export function endpointProblem(value: string): FieldProblem {
  if (value === '') return null;
  try {
    return new URL(value).protocol === 'https:' ? null : { key: 'setup.problems.https' };
  } catch {
    return { key: 'setup.problems.url' };
  }
}
