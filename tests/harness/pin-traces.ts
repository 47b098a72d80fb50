/**
 * What PIN sentinel tests search: everything a run printed and every file it left, for the PIN in
 * the forms a leak would take (the VERIFY command's bytes, the digits as text or UTF-16, the bytes
 * written out as hex the way pcscd's and most APDU logs print them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import type { CardSource } from '../../main/check/adapters/card-sources';
import { createCheckService } from '../../main/check/check-service';
import { runScriptedCheck } from '../../main/check/demo/scripted-check';
import { DEMO_PASSCODE, startTrainingStack } from '../../main/check/demo/training-stack';
import type { CardTransport } from '../../native/apdu/transport';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

export function readAll(files: readonly string[]): Buffer {
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

export function count(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** VERIFY of the JPKI user-authentication PIN (P2 80, four ASCII digits). */
export function verifyApdu(pin: string): Buffer {
  return Buffer.concat([Buffer.from([0x00, 0x20, 0x00, 0x80, 0x04]), Buffer.from(pin, 'ascii')]);
}

/** The PIN's bytes as hex text, with and without spaces, either case: "37 33 39 31", "37333931". */
export function pinAsHexText(pin: string): Buffer[] {
  const hex = Buffer.from(pin, 'ascii').toString('hex');
  const spaced = hex.match(/../g)!.join(' ');
  return [hex, spaced, hex.toUpperCase(), spaced.toUpperCase()].map((text) => Buffer.from(text, 'ascii'));
}

/** Runs `body` with console, stdout and stderr captured; returns its value and what it printed. */
export async function capturingOutput<T>(body: () => Promise<T>): Promise<{ value: T; printed: Buffer }> {
  const printed: string[] = [];
  const capture = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(capture));
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
  try {
    const value = await body();
    return { value, printed: Buffer.from(printed.join('\n')) };
  } finally {
    for (const spy of [...spies, stdout, stderr]) spy.mockRestore();
  }
}

/**
 * One PIN-path training check (simulators, store and audit in `dataDir`) reading `card`, with the
 * patient typing `pin`; returns its outcome and every byte it left: the data folder's files and
 * everything printed meanwhile.
 */
export async function pinCheckLeftovers(
  dataDir: string,
  card: CardSource & { probe(): Promise<CardTransport> },
  pin: string,
): Promise<{ outcome: string; leftovers: Buffer }> {
  const { value: outcome, printed } = await capturingOutput(async () => {
    const stack = await startTrainingStack({ dataDir, card });
    try {
      const service = createCheckService({ ports: stack.ports, trainingMode: true, now: stack.now });
      const summary = await runScriptedCheck(service, { path: 'pin', now: stack.now, pin, passcode: DEMO_PASSCODE });
      service.close();
      return String(summary.outcome);
    } finally {
      await stack.close();
    }
  });
  return { outcome, leftovers: Buffer.concat([readAll(filesUnder(dataDir)), printed]) };
}
