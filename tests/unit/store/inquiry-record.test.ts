import { describe, expect, it } from 'vitest';
import { foldToCp932Forms, normalizeInquiry, toOqsInsurerNumber, validateInquiry, type InquiryRecord } from '../../../main/store/inquiry-record';

const NOW = new Date('2026-11-25T03:00:00Z');
const GOOD: InquiryRecord = { referenceNumber: 'K-000123', insurerNumber: '33120015', symbol: '東京１２', number: '3456', branch: '01', birthDate: '19520304' };

function reasons(patch: Partial<InquiryRecord>): string[] {
  return validateInquiry(normalizeInquiry({ ...GOOD, ...patch }), NOW).map((p) => `${p.field}: ${p.reason}`);
}

describe('照会番号 validation (oqs-interface.md §5)', () => {
  it('accepts a complete entry, a 6-digit 国保 number, and 後期高齢者 without 枝番', () => {
    expect(reasons({})).toEqual([]);
    expect(reasons({ insurerNumber: '138057' })).toEqual([]);
    expect(reasons({ insurerNumber: '39131156', branch: '' })).toEqual([]);
  });

  it('takes the OQS wire form of a 国保 number and pads it back with spaces, never zeros', () => {
    expect(normalizeInquiry({ ...GOOD, insurerNumber: '  138057' }).insurerNumber).toBe('138057');
    expect(toOqsInsurerNumber('138057')).toBe('  138057');
    expect(toOqsInsurerNumber('33120015')).toBe('33120015');
    expect(reasons({ insurerNumber: '00138057' })).toEqual(['insurerNumber: 6桁の国保の保険者番号は、先頭に0を付けずに6桁で入力してください']);
  });

  it('names each kind of bad input', () => {
    expect(reasons({ insurerNumber: '33120016' })).toEqual(['insurerNumber: 保険者番号の検証番号が正しくありません']);
    expect(reasons({ insurerNumber: '3312001' })).toEqual(['insurerNumber: 保険者番号は6桁または8桁の数字です']);
    expect(reasons({ referenceNumber: '' })).toEqual(['referenceNumber: 照会番号が空です']);
    expect(reasons({ referenceNumber: 'x'.repeat(51) })).toEqual(['referenceNumber: 照会番号は50文字以内です']);
    expect(reasons({ referenceNumber: 'x'.repeat(50) })).toEqual([]);
    expect(reasons({ symbol: '記'.repeat(21) })).toEqual(['symbol: 記号は20文字以内です']);
    expect(reasons({ number: '9'.repeat(21) })).toEqual(['number: 番号は20文字以内です']);
    expect(reasons({ number: '' })).toEqual(['number: 番号が空です']);
    expect(reasons({ number: 'a\tb' })).toEqual(['number: 番号に使えない文字が含まれています']);
    expect(reasons({ branch: '' })).toEqual(['branch: 枝番が空です（後期高齢者医療以外は必要です）']);
    expect(reasons({ branch: '1' })).toEqual(['branch: 枝番は2桁の数字です']);
    expect(reasons({ birthDate: '19520230' })).toEqual(['birthDate: 生年月日はYYYYMMDD形式の実在する日付です']);
    expect(reasons({ birthDate: '1952-03-04' })).toEqual(['birthDate: 生年月日はYYYYMMDD形式の実在する日付です']);
    expect(reasons({ birthDate: '20261126' })).toEqual(['birthDate: 生年月日が未来の日付です']);
  });

  it('counts characters, not UTF-16 units, against the limits', () => {
    expect(reasons({ symbol: '𠮷'.repeat(20) })).toEqual([]);
  });

  it('folds 〜 (WAVE DASH) and its kin to the forms CP932 keeps', () => {
    expect(foldToCp932Forms('A〜B−C‖D—E')).toBe('A～B－C∥D―E');
    expect(normalizeInquiry({ ...GOOD, symbol: '第〜1' }).symbol).toBe('第～1');
  });
});
