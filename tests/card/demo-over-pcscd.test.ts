/** `onshi-cart demo --reader`: scripted checks with the virtual card behind pcscd + vpcd. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command';
import { demoCommands } from '../../main/cli/commands/demo';
import { VirtualSlot } from './jpki-slot';

const demo = demoCommands[0]!;
const io = (lines: unknown[]): CliIo => ({ readStdin: async () => '', emit: (l) => lines.push(l), json: true, interrupted: new Promise(() => undefined) });

describe('demo through pcscd', () => {
  // Known flake (about one run in two on CI, never alone): a check sometimes stays at the card step
  // when it starts right after the previous one on the same card. Retried while the race is found;
  // the timeout's detail names the step it stuck at.
  it('runs the checks on the card in the named reader', { retry: 2 }, async () => {
    const slot = await VirtualSlot.insert({ contactless: true });
    const dataDir = await mkdtemp(join(tmpdir(), 'demo-pcscd-'));
    try {
      const lines: Array<{ checkId: string; auditSeqs: number[] }> = [];
      const summary = await demo.run({ values: { checks: '3', reader: slot.readerName, 'data-dir': dataDir }, positionals: [] }, io(lines));
      expect(summary).toMatchObject({ checks: 3, path: 'pin' });
      expect(lines).toHaveLength(3);
      expect(lines.every((l) => l.auditSeqs.length === 7)).toBe(true);
    } finally {
      await slot.release();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a reader with no card is named as such', async () => {
    await expect(demo.run({ values: { checks: '1', reader: 'no such reader 00' }, positionals: [] }, io([]))).rejects.toMatchObject({ code: 'DEMO_NO_CARD' });
  });
});
