/**
 * `onshi-cart demo --reader NAME --checks N` as hospital IT runs it: the virtual card in a process of
 * its own behind pcscd + vpcd (`onshi-cart card virtual`), the demo in another, over the same bytes
 * a USB reader carries. What a user checks: one JSON line per check, each naming audit rows that
 * are in the audit log (export and verify after the run), the result in OQS element names, and the
 * identity method of each path. A named reader without a card is refused plainly.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command';
import { demoCommands } from '../../main/cli/commands/demo';
import { ONSHI_CART, onshiCartArgs } from '../harness/cli';
import { VirtualCardProcess } from '../harness/virtual-card-process';

const run = promisify(execFile);

interface DemoLine {
  checkId: string;
  auditSeqs: number[];
  result: Record<string, string>;
  identityToResultMs: number;
}
interface AuditRow {
  seq: number;
  kind: string;
  event: { check?: string; method?: string; outcome?: string };
}

async function cli(args: string[]): Promise<string> {
  const { stdout } = await run(ONSHI_CART.node, onshiCartArgs(args), { timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

const jsonLines = <T>(text: string): T[] => text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as T);

describe('demo through pcscd, the card in its own process', () => {
  let card: VirtualCardProcess | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await card?.stop();
    card = undefined;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it.each([
    ['pin', '--pin-path', 4],
    ['visual', '--visual-path', 3],
  ] as const)('the %s path: N lines, each with durable audit rows and the qualification', async (method, flag, checks) => {
    card = await VirtualCardProcess.insert({ contactless: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'demo-pcscd-'));

    const printed = jsonLines<DemoLine & { checks?: number; trainingMode?: boolean }>(
      await cli(['demo', '--reader', card.readerName, '--checks', String(checks), flag, '--data-dir', dataDir, '--json']),
    );
    const summary = printed.at(-1)!;
    expect(summary).toMatchObject({ checks, path: method, trainingMode: true, notice: '研修モード：実際の資格確認ではありません' });
    const lines = printed.slice(0, -1);
    expect(lines).toHaveLength(checks);
    expect(new Set(lines.map((l) => l.checkId)).size).toBe(checks);
    for (const line of lines) {
      expect(line.result).toMatchObject({
        QualificationValidity: '1',
        Name: expect.any(String),
        InsurerNumber: expect.stringMatching(/^\d{8}$/),
        InsuredIdentificationNumber: expect.any(String),
        Birthdate: expect.stringMatching(/^\d{8}$/),
      });
      expect(line.auditSeqs.length).toBeGreaterThan(0);
      expect(line.identityToResultMs).toBeGreaterThan(0);
    }
    const seqs = lines.flatMap((l) => l.auditSeqs);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // After the demo process has exited, every row a line named is in the log, in that check.
    const rows = jsonLines<AuditRow>(await cli(['audit', 'export', '--format', 'jsonl', '--data-dir', dataDir]));
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    for (const line of lines) {
      const own = line.auditSeqs.map((seq) => bySeq.get(seq));
      expect(own.every((row) => row?.event.check === line.checkId)).toBe(true);
      expect(own.find((row) => row?.kind === 'check.identity')?.event).toMatchObject({ method, outcome: 'ok' });
      expect(own.find((row) => row?.kind === 'check.outcome')?.event).toMatchObject({ outcome: 'ok' });
    }
    expect(JSON.parse(await cli(['audit', 'verify', '--full', '--data-dir', dataDir, '--json']))).toMatchObject({ acknowledged: [] });
    expect(card.lines.some((l) => l.event === 'removed')).toBe(false);
  });

  it('a reader with no card is named as such', async () => {
    const demo = demoCommands[0]!;
    const io: CliIo = { readStdin: async () => '', emit: () => undefined, json: true, interrupted: new Promise(() => undefined) };
    await expect(demo.run({ values: { checks: '1', reader: 'no such reader 00' }, positionals: [] }, io)).rejects.toMatchObject({ code: 'DEMO_NO_CARD' });
  });
});
