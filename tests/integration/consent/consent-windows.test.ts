/**
 * The consent windows of the source document's table (薬剤情報等、特定健診情報の照会可能期間),
 * row by row, as the simulator answers them through the client — in Tokyo time even when the
 * registration instant falls on another UTC date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredential } from '../../../main/oqs/consent/consent-client';
import { CONSENT_WINDOW_TABLE, availableTimeFor } from '../../../main/oqs/consent/consent-windows';
import { activate, registrationFor, startRig } from './consent-harness';
import type { ConsentRig } from './consent-harness';

interface WindowCase {
  readonly row: string;
  readonly setting: '1' | '2' | '3';
  readonly registeredAt: string;
  readonly treatmentDate: string;
  /** ISO +09:00, or 'continuing' for 訪問診療等. */
  readonly expected: string;
}

const CASES: readonly WindowCase[] = [
  { row: '通常とは異なる動線: 翌日23時59分まで', setting: '1', registeredAt: '2026-11-25T10:00:00+09:00', treatmentDate: '20261125', expected: '2026-11-26T23:59:59.000+09:00' },
  { row: '通常とは異なる動線: registered after 09:00 UTC is still the same Tokyo day', setting: '1', registeredAt: '2026-11-25T23:30:00+09:00', treatmentDate: '20261125', expected: '2026-11-26T23:59:59.000+09:00' },
  { row: '通常とは異なる動線: registered before 09:00 Tokyo (previous UTC day)', setting: '1', registeredAt: '2026-11-25T00:30:00+09:00', treatmentDate: '20261125', expected: '2026-11-26T23:59:59.000+09:00' },
  { row: '通常とは異なる動線: month end', setting: '1', registeredAt: '2026-11-25T10:00:00+09:00', treatmentDate: '20261130', expected: '2026-12-01T23:59:59.000+09:00' },
  { row: '通常とは異なる動線: year end', setting: '1', registeredAt: '2026-11-25T10:00:00+09:00', treatmentDate: '20261231', expected: '2027-01-01T23:59:59.000+09:00' },
  { row: '訪問診療等: 継続', setting: '2', registeredAt: '2026-11-25T10:00:00+09:00', treatmentDate: '20261125', expected: 'continuing' },
  { row: '往診: 24時間', setting: '3', registeredAt: '2026-11-25T10:00:00+09:00', treatmentDate: '20261125', expected: '2026-11-26T10:00:00.000+09:00' },
  { row: '往診: 24 hours across a month end', setting: '3', registeredAt: '2026-11-30T22:15:30+09:00', treatmentDate: '20261130', expected: '2026-12-01T22:15:30.000+09:00' },
];

let rig: ConsentRig;
let device: DeviceCredential;
beforeAll(async () => {
  rig = await startRig();
  device = await activate(rig);
});
afterAll(async () => { await rig.close(); });

describe('consent windows from the source document table', () => {
  it('has one row per care setting, with the source wording', () => {
    expect(CONSENT_WINDOW_TABLE.map((r) => [r.setting, r.sourceText])).toEqual([
      ['1', '同意情報登録後から診療日の翌日23時59分まで'],
      ['2', '継続的な関係のもと訪問診療等が行われている間（患者による同意取消しがなされない限り）'],
      ['3', '同意情報登録後24時間'],
    ]);
  });

  it.each(CASES)('$row', async (c) => {
    rig.sim.clock.setTo(new Date(c.registeredAt), { frozen: true });
    try {
      const body = await registrationFor(rig, device, { setting: c.setting, treatmentDate: c.treatmentDate });
      const outcome = await rig.client.registerConsent(device, body);
      const consented = outcome.items.filter((i) => i.consented);
      expect(consented.length).toBeGreaterThan(0);
      for (const item of consented) {
        expect(item.continuing).toBe(c.expected === 'continuing');
        expect(item.availableUntil).toBe(c.expected === 'continuing' ? undefined : c.expected);
        expect(item.consentedAt).toBe(toTokyoIso(c.registeredAt));
      }
    } finally {
      rig.sim.clock.setTo(new Date(), { frozen: false });
    }
  });

  it('writes the deadline as OQS YYYYMMDDHHmmss in Tokyo time, none while continuing', () => {
    expect(availableTimeFor('1', new Date('2026-11-25T01:00:00Z'), '20261125')).toBe('20261126235959');
    expect(availableTimeFor('2', new Date('2026-11-25T01:00:00Z'), '20261125')).toBeUndefined();
  });
});

function toTokyoIso(offsetIso: string): string {
  return new Date(new Date(offsetIso).getTime() + 9 * 3600_000).toISOString().replace('Z', '+09:00');
}
