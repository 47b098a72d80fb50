/**
 * The PIN sentinel: a full PIN-path check through the real services (virtual card, consent
 * simulator, store, audit log) with a known PIN, then every file of the data folder (database,
 * WAL, anchors, the simulators' folders) and everything the process printed are searched for the
 * VERIFY command's bytes, the PIN written as hex, and the PIN as ASCII and UTF-16. A control run with another PIN gives
 * the chance count of the same digits (timestamps, hashes), so only a real leak can make a
 * difference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessCardSource } from '../../../main/check/adapters/card-sources';
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import { count, pinAsHexText, pinCheckLeftovers, verifyApdu } from '../../harness/pin-traces';

const PIN = '7391';
const CONTROL_PIN = '4862';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs one PIN-path check with the card's PIN set to `pin`; returns every byte it left behind. */
async function runCheckWithPin(pin: string): Promise<{ outcome: string; leftovers: Buffer }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onshi-sentinel-'));
  dirs.push(dataDir);
  const reader = new CardInReader({ contactless: false, authPin: pin });
  return pinCheckLeftovers(dataDir, Object.assign(inProcessCardSource(reader), { probe: async () => new InProcessTransport(reader) }), pin);
}

describe('PIN sentinel', () => {
  it('leaves no trace of the PIN in the database, WAL, anchors, simulators or output', { timeout: 120_000 }, async () => {
    const run = await runCheckWithPin(PIN);
    const control = await runCheckWithPin(CONTROL_PIN);
    expect(run.outcome).toBe('completed');
    expect(control.outcome).toBe('completed');

    expect(count(run.leftovers, verifyApdu(PIN))).toBe(0);
    for (const hex of pinAsHexText(PIN)) expect(count(run.leftovers, hex), hex.toString()).toBe(0);
    for (const encoding of ['ascii', 'utf16le'] as const) {
      const needle = Buffer.from(PIN, encoding);
      // The control run never saw this PIN: whatever it holds of these digits is chance.
      expect(count(run.leftovers, needle), encoding).toBeLessThanOrEqual(count(control.leftovers, needle) + 1);
    }
  });
});
