/** OQS date strings (YYYYMMDD, yyyyMM) checked and compared as plain calendar values. */
export function isOqsDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(4, 6));
  const d = Number(value.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isOqsMonth(value: string): boolean {
  return /^\d{4}(0[1-9]|1[0-2])$/.test(value);
}

/** YYYYMMDD of the given calendar parts (month and day may overflow, as Date.UTC allows). */
export function oqsDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function dateParts(value: string): { year: number; month: number; day: number } {
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(4, 6)), day: Number(value.slice(6, 8)) };
}
