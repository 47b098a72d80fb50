/**
 * Dates as clerks read them: 和暦 first with 西暦 beside it, always in Asia/Tokyo whatever the
 * laptop's zone. "元年" for the first year of an era, as printed on insurance cards.
 */
const ERA_DATE = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'Asia/Tokyo',
});
const TIME = new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo', hourCycle: 'h23' });
const GREGORIAN_YEAR = new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: 'Asia/Tokyo' });

function warekiOf(instant: Date): string {
  return ERA_DATE.formatToParts(instant)
    .map((p) => (p.type === 'year' && p.value === '1' ? '元' : p.value))
    .join('');
}

/** e.g. 令和8年11月25日（2026年） */
export function formatWarekiDate(instant: Date): string {
  return `${warekiOf(instant)}（${GREGORIAN_YEAR.format(instant)}年）`;
}

/** e.g. 22:30 */
export function formatTime(instant: Date): string {
  return TIME.format(instant);
}

/** A calendar date YYYY-MM-DD (no time zone) as 和暦 with 西暦. */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Noon in Tokyo keeps the calendar date whatever the formatter's zone arithmetic does.
  return formatWarekiDate(new Date(Date.UTC(y, m - 1, d, 3)));
}

const ISO_DATE = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Tokyo' });

/** The calendar date in Tokyo, YYYY-MM-DD. */
export function tokyoIsoDate(instant: Date): string {
  return ISO_DATE.format(instant);
}

/** OQS's YYYYMMDD as YYYY-MM-DD, or null when it is not one. */
export function oqsDateToIso(value: string | undefined): string | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Full years of age on a date, both YYYY-MM-DD. */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** An instant with its time, e.g. 令和8年11月26日（2026年） 23:59. */
export function formatDeadline(iso: string): string {
  const instant = new Date(iso);
  return `${formatWarekiDate(instant)} ${formatTime(instant)}`;
}
