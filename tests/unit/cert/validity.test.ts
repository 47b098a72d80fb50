import { describe, expect, it } from 'vitest';
import { addTokyoMonths, validityAt } from '../../../native/cert/validity';

describe('certificate validity on the Tokyo calendar', () => {
  // 2026-08-31 23:59:59 in Tokyo; three months on is clamped to 2026-11-30 23:59:59 Tokyo.
  const notAfter = new Date('2026-08-31T14:59:59Z');
  const notBefore = new Date('2021-08-31T15:00:00Z');

  it('adds calendar months in Tokyo time, clamping to the last day of the month', () => {
    expect(addTokyoMonths(notAfter, 3).toISOString()).toBe('2026-11-30T14:59:59.000Z');
    expect(addTokyoMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('moves from valid to expired-grace to expired at the right instants', () => {
    expect(validityAt(notBefore, notAfter, new Date('2021-08-31T14:59:59Z')).status).toBe('not-yet-valid');
    expect(validityAt(notBefore, notAfter, new Date('2026-08-31T14:59:59Z')).status).toBe('valid');
    expect(validityAt(notBefore, notAfter, new Date('2026-08-31T15:00:00Z')).status).toBe('expired-grace');
    expect(validityAt(notBefore, notAfter, new Date('2026-11-30T14:59:58Z')).status).toBe('expired-grace');
    expect(validityAt(notBefore, notAfter, new Date('2026-11-30T14:59:59Z')).status).toBe('expired');
  });
});
