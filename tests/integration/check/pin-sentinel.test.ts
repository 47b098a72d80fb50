/**
 * The PIN sentinel: a full PIN-path check through the real services (virtual card, consent
 * simulator, store, audit log) with a known PIN, then every file of the data folder (database,
 * WAL, anchors, the simulators' folders) and everything the process printed are searched for the
 * VERIFY command's bytes and for the PIN as ASCII and UTF-16. A control run with another PIN gives
 * the chance count of the same digits (timestamps, hashes), so only a real leak can make a
 * difference.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { inProcessCardSource } from '../../../main/check/adapters/card-sources';
import { createCheckService } from '../../../main/check/check-service';
import { runScriptedCheck } from '../../../main/check/demo/scripted-check';
import { DEMO_PASSCODE, startTrainingStack } from '../../../main/check/demo/training-stack';
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';

const PIN = '7391';
const CONTROL_PIN = '4862';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function count(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** Runs one PIN-path check with the card's PIN set to `pin`; returns every byte it left behind. */
async function runCheckWithPin(pin: string): Promise<{ outcome: string; leftovers: Buffer }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onshi-sentinel-'));
  dirs.push(dataDir);
  const printed: string[] = [];
  const capture = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(capture));
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
  try {
    const reader = new CardInReader({ contactless: false, authPin: pin });
    const card = Object.assign(inProcessCardSource(reader), { probe: async () => new InProcessTransport(reader) });
    const stack = await startTrainingStack({ dataDir, card });
    let outcome: string;
    try {
      const service = createCheckService({ ports: stack.ports, trainingMode: true, now: stack.now });
      outcome = String((await runScriptedCheck(service, { path: 'pin', now: stack.now, pin, passcode: DEMO_PASSCODE })).outcome);
      service.close();
    } finally {
      await stack.close();
    }
    const files = filesUnder(dataDir).map((f) => readFileSync(f));
    return { outcome, leftovers: Buffer.concat([...files, Buffer.from(printed.join('\n'))]) };
  } finally {
    for (const spy of [...spies, stdout, stderr]) spy.mockRestore();
  }
}

describe('PIN sentinel', () => {
  it('leaves no trace of the PIN in the database, WAL, anchors, simulators or output', { timeout: 120_000 }, async () => {
    const run = await runCheckWithPin(PIN);
    const control = await runCheckWithPin(CONTROL_PIN);
    expect(run.outcome).toBe('completed');
    expect(control.outcome).toBe('completed');

    const verifyApdu = Buffer.concat([Buffer.from([0x00, 0x20, 0x00, 0x80, 0x04]), Buffer.from(PIN, 'ascii')]);
    expect(count(run.leftovers, verifyApdu)).toBe(0);
    for (const encoding of ['ascii', 'utf16le'] as const) {
      const needle = Buffer.from(PIN, encoding);
      // The control run never saw this PIN: whatever it holds of these digits is chance.
      expect(count(run.leftovers, needle), encoding).toBeLessThanOrEqual(count(control.leftovers, needle) + 1);
    }
  });
});
