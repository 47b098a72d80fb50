/**
 * Check digits of the numbers the app itself produces (settings, synthetic data, requests built
 * from typed input). 保険者番号, 公費負担者番号 and 医療機関コード all use the same modulus-10 weighting
 * 2-1-2-1… from the right end of the payload (MHLW 保険者番号設定要領; see reference/oqs-interface.md
 * §10). Numbers echoed back by OQS are not validated: sample and masked values legitimately fail.
 */

/** The check digit for a string of payload digits (everything before the check digit). */
export function modulus10CheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new RangeError('payload must be digits');
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    const product = i % 2 === 0 ? digit * 2 : digit;
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** The payload followed by its check digit. */
export function withCheckDigit(payload: string): string {
  return payload + String(modulus10CheckDigit(payload));
}

function hasValidCheckDigit(value: string): boolean {
  return value.length >= 2 && /^\d+$/.test(value) && modulus10CheckDigit(value.slice(0, -1)) === Number(value.slice(-1));
}

/**
 * 保険者番号: 8 digits (法別 2 + 都道府県 2 + 保険者別 3 + 検証 1) or 6 digits for 国保. Leading
 * spaces (the OQS 8-character form of a 6-digit number) are allowed.
 */
export function isValidInsurerNumber(value: string): boolean {
  const digits = value.trimStart();
  return (digits.length === 6 || digits.length === 8) && hasValidCheckDigit(digits);
}

/** 公費負担者番号: 8 digits (法別 2 + 都道府県 2 + 実施機関 3 + 検証 1). */
export function isValidPublicExpensePayerNumber(value: string): boolean {
  return value.length === 8 && hasValidCheckDigit(value);
}

/**
 * 公費受給者番号: 7 digits (6 + 検証 1). That it uses the same method is an inference
 * (oqs-interface.md §10 marks it uncertain), so nothing rejects input on this alone.
 */
export function isValidPublicExpenseRecipientNumber(value: string): boolean {
  return value.length === 7 && hasValidCheckDigit(value);
}

/** 医療機関コード: 10 digits, the check digit computed over all nine preceding digits. */
export function isValidMedicalInstitutionCode(value: string): boolean {
  return value.length === 10 && hasValidCheckDigit(value);
}
