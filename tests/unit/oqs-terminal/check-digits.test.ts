import { describe, expect, it } from 'vitest';
import {
  isValidInsurerNumber, isValidMedicalInstitutionCode, isValidPublicExpensePayerNumber, modulus10CheckDigit, withCheckDigit,
} from '../../../main/common/check-digits';

describe('check digits (oqs-interface.md §10 worked examples)', () => {
  it('computes the 保険者番号 digit', () => {
    expect(modulus10CheckDigit('3312001')).toBe(5);
    expect(isValidInsurerNumber('33120015')).toBe(true);
    expect(isValidInsurerNumber('33120016')).toBe(false);
    expect(isValidInsurerNumber('138057')).toBe(true);
    expect(isValidInsurerNumber('  138057')).toBe(true);
    expect(isValidInsurerNumber('1380')).toBe(false);
  });

  it('computes the 公費負担者番号 digit', () => {
    expect(isValidPublicExpensePayerNumber('54016027')).toBe(true);
    expect(isValidPublicExpensePayerNumber('54016028')).toBe(false);
  });

  it('computes the 医療機関コード digit over all nine digits', () => {
    expect(isValidMedicalInstitutionCode('0110113719')).toBe(true);
    expect(isValidMedicalInstitutionCode('2714206386')).toBe(true);
    expect(isValidMedicalInstitutionCode('1311111111')).toBe(false);
    expect(isValidMedicalInstitutionCode('271420638')).toBe(false);
  });

  it('rejects a payload that is not digits', () => {
    expect(() => withCheckDigit('12a')).toThrow(RangeError);
    expect(isValidInsurerNumber('3312001x')).toBe(false);
  });
});
