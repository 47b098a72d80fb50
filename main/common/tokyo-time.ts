/**
 * Dates and deadlines are reckoned in Asia/Tokyo whatever zone the laptop is set to. Japan has had
 * no daylight saving since 1951, so the offset is a constant +09:00.
 */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The instant as an ISO 8601 string with the +09:00 offset, e.g. 2026-11-25T22:30:00.000+09:00. */
export function formatOffsetIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  return shifted.toISOString().replace('Z', '+09:00');
}

/** The calendar date in Tokyo as YYYY-MM-DD. */
export function tokyoDate(instant: Date): string {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of 00:00 Tokyo time on the given YYYY-MM-DD. */
export function tokyoMidnight(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - TOKYO_OFFSET_MS);
}
