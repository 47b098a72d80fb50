/**
 * OQS writes dates as YYYYMMDD and times as YYYYMMDDHHmmss, both in Japan time. These convert
 * between them and instants, through the project's Tokyo clock rules.
 */
import { formatOffsetIso, tokyoDate, tokyoMidnight } from '../../common/tokyo-time';

/** The instant as YYYYMMDDHHmmss in Tokyo. */
export function toOqsTime(instant: Date): string {
  return formatOffsetIso(instant).slice(0, 19).replace(/[-T:]/g, '');
}

/** The Tokyo calendar date of the instant as YYYYMMDD. */
export function toOqsDate(instant: Date): string {
  return tokyoDate(instant).replace(/-/g, '');
}

/** YYYYMMDD → YYYY-MM-DD. */
export function oqsDateToIso(oqsDate: string): string {
  return `${oqsDate.slice(0, 4)}-${oqsDate.slice(4, 6)}-${oqsDate.slice(6, 8)}`;
}

/** YYYYMMDDHHmmss (Tokyo) → the instant. */
export function fromOqsTime(oqsTime: string): Date {
  const midnight = tokyoMidnight(oqsDateToIso(oqsTime.slice(0, 8)));
  const seconds = Number(oqsTime.slice(8, 10)) * 3600 + Number(oqsTime.slice(10, 12)) * 60 + Number(oqsTime.slice(12, 14));
  return new Date(midnight.getTime() + seconds * 1000);
}

/** YYYYMMDDHHmmss (Tokyo) → ISO 8601 with +09:00, the form the screens show from. */
export function oqsTimeToIso(oqsTime: string): string {
  return formatOffsetIso(fromOqsTime(oqsTime));
}
