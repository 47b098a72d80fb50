/**
 * Where a certificate stands in time, reckoned on the Tokyo calendar. A certificate that expired
 * less than three months ago still gives 資格確認 (without medical information), so that window
 * is its own state; the length is set here, in one place.
 */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
export const EXPIRED_GRACE_MONTHS = 3;

export type ValidityStatus = 'valid' | 'not-yet-valid' | 'expired-grace' | 'expired';

export interface Validity {
  readonly status: ValidityStatus;
  /** Until when the expired-grace window lasts (present when expired or in the window). */
  readonly graceUntil?: Date;
}

/** The same wall-clock moment `months` calendar months later in Tokyo, clamped to the month's last day. */
export function addTokyoMonths(instant: Date, months: number): Date {
  const tokyo = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  const year = tokyo.getUTCFullYear();
  const month = tokyo.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(tokyo.getUTCDate(), lastDay);
  const shifted = Date.UTC(year, month, day, tokyo.getUTCHours(), tokyo.getUTCMinutes(), tokyo.getUTCSeconds(), tokyo.getUTCMilliseconds());
  return new Date(shifted - TOKYO_OFFSET_MS);
}

export function validityAt(notBefore: Date, notAfter: Date, now: Date): Validity {
  if (now.getTime() < notBefore.getTime()) return { status: 'not-yet-valid' };
  if (now.getTime() <= notAfter.getTime()) return { status: 'valid' };
  const graceUntil = addTokyoMonths(notAfter, EXPIRED_GRACE_MONTHS);
  return { status: now.getTime() < graceUntil.getTime() ? 'expired-grace' : 'expired', graceUntil };
}
