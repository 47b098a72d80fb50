/**
 * A 照会番号 and the insurance identity it is registered against, checked against the limits in
 * reference/oqs-interface.md §5: 照会番号 ≤ 50 characters, 記号 and 番号 ≤ 20, 保険者番号 with a
 * valid check digit (6-digit 国保 numbers are sent to OQS padded to 8 with leading spaces).
 */
import { isValidInsurerNumber } from '../common/check-digits';
import { tokyoDate } from '../common/tokyo-time';

export interface InquiryRecord {
  referenceNumber: string;
  /** Digits only, 6 (国保) or 8; see toOqsInsurerNumber for the wire form. */
  insurerNumber: string;
  symbol: string;
  number: string;
  /** 2 digits; empty only for 後期高齢者医療 (法別番号 39). */
  branch: string;
  /** YYYYMMDD. */
  birthDate: string;
}

export type InquiryField = keyof InquiryRecord;

export interface FieldProblem {
  field: InquiryField;
  reason: string;
}

export const LIMITS = { referenceNumber: 50, symbol: 20, number: 20 } as const;

/**
 * The characters JIS and CP932 spell differently (〜 WAVE DASH vs ～ FULLWIDTH TILDE, − vs －, …).
 * Input is folded to the CP932 form, so what Windows tools type, export and re-import stays the same.
 */
const CP932_FOLD: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', '\u2212': '\uFF0D', '\u2016': '\u2225', '\u2014': '\u2015',
  '\u00A2': '\uFFE0', '\u00A3': '\uFFE1', '\u00AC': '\uFFE2',
};
const FOLD_PATTERN = new RegExp(`[${Object.keys(CP932_FOLD).join('')}]`, 'g');

export function foldToCp932Forms(text: string): string {
  return text.replace(FOLD_PATTERN, (c) => CP932_FOLD[c] ?? c);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F\uFFFD]/;

/** The 8-character form OQS requires: a 6-digit 国保 number gets two leading spaces, never zeros. */
export function toOqsInsurerNumber(insurerNumber: string): string {
  return insurerNumber.padStart(8, ' ');
}

function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function textProblem(field: InquiryField, label: string, value: string, max: number, required: boolean): FieldProblem | undefined {
  if (value.length === 0) return required ? { field, reason: `${label}が空です` } : undefined;
  if (CONTROL.test(value)) return { field, reason: `${label}に使えない文字が含まれています` };
  if ([...value].length > max) return { field, reason: `${label}は${max}文字以内です` };
  if (value !== value.trim()) return { field, reason: `${label}の前後に空白があります` };
  return undefined;
}

/** Folds and trims what a person typed (or a CSV held) into the stored form, before validation. */
export function normalizeInquiry(raw: InquiryRecord): InquiryRecord {
  return {
    referenceNumber: foldToCp932Forms(raw.referenceNumber),
    // Accept the OQS wire form too: leading spaces before a 6-digit number.
    insurerNumber: raw.insurerNumber.replace(/^ +/, ''),
    symbol: foldToCp932Forms(raw.symbol),
    number: foldToCp932Forms(raw.number),
    branch: raw.branch,
    birthDate: raw.birthDate,
  };
}

export function validateInquiry(r: InquiryRecord, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const push = (p: FieldProblem | undefined) => p && problems.push(p);
  push(textProblem('referenceNumber', '照会番号', r.referenceNumber, LIMITS.referenceNumber, true));
  if (!/^(\d{6}|\d{8})$/.test(r.insurerNumber)) push({ field: 'insurerNumber', reason: '保険者番号は6桁または8桁の数字です' });
  // 法別番号 00 does not exist: this is a 6-digit 国保 number padded with zeros instead of spaces.
  else if (r.insurerNumber.startsWith('00')) push({ field: 'insurerNumber', reason: '6桁の国保の保険者番号は、先頭に0を付けずに6桁で入力してください' });
  else if (!isValidInsurerNumber(r.insurerNumber)) push({ field: 'insurerNumber', reason: '保険者番号の検証番号が正しくありません' });
  push(textProblem('symbol', '記号', r.symbol, LIMITS.symbol, false));
  push(textProblem('number', '番号', r.number, LIMITS.number, true));
  const lateElderly = r.insurerNumber.length === 8 && r.insurerNumber.startsWith('39');
  if (r.branch === '') {
    if (!lateElderly) push({ field: 'branch', reason: '枝番が空です（後期高齢者医療以外は必要です）' });
  } else if (!/^\d{2}$/.test(r.branch)) push({ field: 'branch', reason: '枝番は2桁の数字です' });
  if (!isRealDate(r.birthDate)) push({ field: 'birthDate', reason: '生年月日はYYYYMMDD形式の実在する日付です' });
  else if (r.birthDate > tokyoDate(now).replace(/-/g, '')) push({ field: 'birthDate', reason: '生年月日が未来の日付です' });
  return problems;
}
