/**
 * `onshi-cart demo` in this process: one line per check with durable audit sequence numbers, the
 * result in OQS element names, and memory that stays flat over many checks in a row.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../main/cli/command';
import { demoCommands } from '../../../main/cli/commands/demo';
import { openAudit } from '../../../main/audit/open-audit';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';

interface DemoLine {
  checkId: string;
  auditSeqs: number[];
  result: { Name: string; InsurerNumber: string };
}

function io(onLine: (line: DemoLine) => void): CliIo {
  return { readStdin: async () => '', emit: (line) => onLine(line as DemoLine), json: true, interrupted: new Promise(() => undefined) };
}

const demo = demoCommands[0]!;

describe('onshi-cart demo', () => {
  it('prints one line per check, each after its rows are in the audit log', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'demo-test-'));
    try {
      const lines: DemoLine[] = [];
      const summary = await demo.run({ values: { checks: '5', 'visual-path': true, 'data-dir': dataDir }, positionals: [] }, io((l) => lines.push(l)));
      expect(summary).toMatchObject({ checks: 5, path: 'visual', trainingMode: true });
      expect(new Set(lines.map((l) => l.checkId)).size).toBe(5);
      const seqs = lines.flatMap((l) => l.auditSeqs);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(lines[0]?.result).toMatchObject({ Name: expect.any(String), InsurerNumber: expect.stringMatching(/^\d{8}$/) });
      const audit = await openAudit({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
      try {
        expect(audit.log.status()).toMatchObject({ state: 'ok' });
        expect(audit.log.status().lastSeq).toBeGreaterThanOrEqual(seqs.at(-1)!);
      } finally {
        audit.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses bad options before doing anything', async () => {
    await expect(demo.run({ values: { checks: '0' }, positionals: [] }, io(() => undefined))).rejects.toMatchObject({ code: 'CLI_BAD_OPTION' });
    await expect(demo.run({ values: { checks: 'many' }, positionals: [] }, io(() => undefined))).rejects.toMatchObject({ code: 'CLI_BAD_OPTION' });
    await expect(demo.run({ values: { checks: '1', 'pin-path': true, 'visual-path': true }, positionals: [] }, io(() => undefined))).rejects.toMatchObject({ code: 'CLI_BAD_OPTION' });
  });

  it('1,000 checks in a row with memory flat', async () => {
    // A forced collection before each reading, so only what is really kept is measured.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap: number[] = [];
    let n = 0;
    const summary = await demo.run(
      { values: { checks: '1000' }, positionals: [] },
      io(() => {
        n += 1;
        if (n === 200 || n === 1000) {
          gc();
          heap.push(process.memoryUsage().heapUsed);
        }
      }),
    );
    expect(summary).toMatchObject({ checks: 1000 });
    // Growth between check 200 and check 1000: no patient data or actor kept per check (the
    // simulator's own records of 800 registrations account for about 2 MB).
    expect(heap[1]! - heap[0]!).toBeLessThan(8 * 1024 * 1024);
  }, 300_000);
});
