/**
 * The PIN sentinel through pcscd: whole PIN-path checks (virtual card behind pcscd + vpcd, the
 * simulators, store and audit) with pcscd's own debug logging on, searched afterwards. pcscd's
 * --debug log holds no trace of the PIN; its --apdu log does hold the VERIFY with the PIN's bytes,
 * which is why docs/card-traffic-logging.md says APDU logging stays off on a cart. Whatever pcscd logs,
 * the app's own output and data folder hold no trace. Control runs with another PIN give the chance
 * count of the same digits (timestamps, hashes, handles), so only a real leak makes a difference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcscCardSource } from '../../main/check/adapters/card-sources';
import { smartcardBinding } from '../../native/pcsc/binding';
import { ReaderMonitor } from '../../native/pcsc/reader-monitor';
import { restartPcscd, type PcscdOptions } from '../harness/pcscd';
import { count, pinAsHexText, pinCheckLeftovers, readAll, verifyApdu } from '../harness/pin-traces';
import { VirtualSlot, waitUntil } from './jpki-slot';

const PIN = '7391';
const CONTROL_PIN = '4862';
const dirs: string[] = [];
const scratch = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

interface Run {
  outcome: string;
  /** Every file of the data folder and everything the process printed. */
  app: Buffer;
  pcscdLogFile: string;
}

/** One PIN-path check through a pcscd started with `logFlags`, the card's PIN being `pin`. */
async function checkThroughPcscd(pin: string, logFlags: PcscdOptions['logFlags']): Promise<Run> {
  const pcscdLogFile = path.join(scratch('onshi-pcscd-log-'), 'pcscd.log');
  await restartPcscd({ logFlags, logFile: pcscdLogFile });
  const dataDir = scratch('onshi-pcscd-sentinel-');
  const slot = await VirtualSlot.insert({ contactless: false, authPin: pin });
  const monitor = new ReaderMonitor(smartcardBinding, { defaultReader: slot.readerName, pollMs: 200 });
  try {
    monitor.start();
    await waitUntil(() => monitor.readers().some((r) => r.name === slot.readerName && r.cardPresent), 5_000, 'the monitor sees the card');
    const { outcome, leftovers } = await pinCheckLeftovers(dataDir, { ...pcscCardSource(monitor), probe: () => monitor.connect() }, pin);
    return { outcome, app: leftovers, pcscdLogFile };
  } finally {
    await monitor.stop();
    await slot.release();
  }
}

type Logging = 'debug' | 'apdu';
const FLAGS: Record<Logging, PcscdOptions['logFlags']> = { debug: ['--debug'], apdu: ['--debug', '--apdu'] };
let runs: Record<Logging, { pin: Run; control: Run }>;
let logs: Record<Logging, { pin: Buffer; control: Buffer }>;

beforeAll(async () => {
  const both = async (logging: Logging) => ({ pin: await checkThroughPcscd(PIN, FLAGS[logging]), control: await checkThroughPcscd(CONTROL_PIN, FLAGS[logging]) });
  try {
    runs = { debug: await both('debug'), apdu: await both('apdu') };
  } finally {
    // Back to the harness's own pcscd, without debug logging, for the suites after this one.
    await restartPcscd();
  }
  // pcscd writes its log through stdio buffers: read only after it has exited.
  const read = (logging: Logging) => ({ pin: readAll([runs[logging].pin.pcscdLogFile]), control: readAll([runs[logging].control.pcscdLogFile]) });
  logs = { debug: read('debug'), apdu: read('apdu') };
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** No VERIFY and no hex-written PIN; the digits themselves no more often than in the control. */
function expectNoTrace(haystack: Buffer, control: Buffer, what: string): void {
  expect(count(haystack, verifyApdu(PIN)), `${what}: VERIFY bytes`).toBe(0);
  for (const hex of pinAsHexText(PIN)) expect(count(haystack, hex), `${what}: ${hex.toString()}`).toBe(0);
  for (const encoding of ['ascii', 'utf16le'] as const) {
    const needle = Buffer.from(PIN, encoding);
    expect(count(haystack, needle), `${what}: PIN as ${encoding}`).toBeLessThanOrEqual(count(control, needle) + 1);
  }
}

describe('the PIN and pcscd debug logging', () => {
  it('every check completed, and pcscd logged something each time', () => {
    for (const name of ['debug', 'apdu'] as const) {
      expect(runs[name].pin.outcome).toBe('completed');
      expect(runs[name].control.outcome).toBe('completed');
      expect(logs[name].pin.length).toBeGreaterThan(0);
    }
  });

  it('pcscd --debug (without --apdu) records no trace of the PIN', () => {
    expectNoTrace(logs.debug.pin, logs.debug.control, 'pcscd --debug log');
  });

  it('pcscd --apdu records the VERIFY with the PIN: APDU logging must stay off on a cart', () => {
    // pcscd writes each command as spaced hex; the control run's VERIFY carries the control PIN instead.
    const verifyAsLogged = (pin: string) => Buffer.from(verifyApdu(pin).toString('hex').match(/../g)!.join(' '), 'ascii');
    expect(count(logs.apdu.pin, verifyAsLogged(PIN))).toBeGreaterThan(0);
    expect(count(logs.apdu.control, verifyAsLogged(PIN))).toBe(0);
  });

  it("the app's own output and data folder hold no trace of the PIN, whatever pcscd logs", () => {
    for (const name of ['debug', 'apdu'] as const) expectNoTrace(runs[name].pin.app, runs[name].control.app, `app with pcscd ${name}`);
  });
});
