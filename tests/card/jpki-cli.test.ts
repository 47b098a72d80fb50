/** `onshi-cart card …` as hospital IT runs it, against a virtual card behind pcscd + vpcd. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testCa } from '../../native/virtual-card/test-pki';
import { VirtualSlot, waitUntil } from './jpki-slot';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const PIN = '8264';
let anchors: string;
let slot: VirtualSlot | undefined;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['main/cli/index.ts', ...args], { cwd: ROOT, env: { ...process.env, ONSHI_TRUST_ANCHORS: anchors } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const json = (text: string) => JSON.parse(text.trim().split('\n').at(-1)!) as Record<string, unknown>;

beforeAll(() => {
  anchors = mkdtempSync(path.join(os.tmpdir(), 'onshi-cli-anchors-'));
  writeFileSync(path.join(anchors, 'jpki-test-auth-ca.pem'), testCa('auth').certPem);
});
afterAll(() => rmSync(anchors, { recursive: true, force: true }));
afterEach(async () => {
  await slot?.release();
  slot = undefined;
});

describe('onshi-cart card', () => {
  it('lists the readers with the one holding the card as default', async () => {
    slot = await VirtualSlot.insert({ authPin: PIN });
    const run = await cli(['card', 'readers', '--json']);
    expect(run.code).toBe(0);
    const { readers } = json(run.stdout) as { readers: { name: string; cardPresent: boolean; isDefault: boolean }[] };
    expect(readers).toContainEqual({ name: slot.readerName, cardPresent: true, contactless: false, isDefault: true });
  });

  it('shows status and certificate without spending a PIN try', async () => {
    slot = await VirtualSlot.insert({ authPin: PIN, authPinTries: 2 });
    const status = await cli(['card', 'status', '--reader', slot.readerName, '--json']);
    expect(status.code).toBe(0);
    expect(json(status.stdout)).toMatchObject({ kind: 'my-number-card', pin: { triesLeft: 2, blocked: false }, certificate: { validity: 'valid', warnings: [] } });
    const cert = await cli(['card', 'cert', '--reader', slot.readerName, '--json']);
    expect(cert.code).toBe(0);
    expect(json(cert.stdout)).toMatchObject({ serialNumber: slot.reader.card.secrets!.authSerialHex, subject: expect.stringMatching(/, C=JP$/) });
    expect(slot.reader.card.triesLeft('jpki', 0x18)).toBe(2);
  });

  it('verifies the PIN from stdin, reports a wrong one with tries left, and never prints the PIN', async () => {
    slot = await VirtualSlot.insert({ authPin: PIN });
    const wrong = await cli(['card', 'verify-pin', '--reader', slot.readerName, '--json'], '0000\n');
    expect(wrong.code).toBe(1);
    expect(json(wrong.stderr)).toMatchObject({ ok: false, error: { code: 'PIN_WRONG', detail: 'tries left 2' } });
    const right = await cli(['card', 'verify-pin', '--reader', slot.readerName, '--json'], `${PIN}\n`);
    expect(right.code).toBe(0);
    expect(json(right.stdout)).toEqual({ verified: true, triesLeft: 3 });
    for (const run of [wrong, right]) expect(run.stdout + run.stderr).not.toContain(PIN);
  });

  it('refuses a PIN given as an argument or in the wrong form, before touching the card', async () => {
    slot = await VirtualSlot.insert({ authPin: PIN });
    const asArgument = await cli(['card', 'verify-pin', PIN, '--json']);
    expect(asArgument.code).toBe(2);
    expect(json(asArgument.stderr)).toMatchObject({ error: { code: 'CLI_BAD_ARGUMENTS' } });
    const malformed = await cli(['card', 'verify-pin', '--json'], '12a4\n');
    expect(malformed.code).toBe(1);
    expect(json(malformed.stderr)).toMatchObject({ error: { code: 'PIN_FORMAT' } });
    expect(malformed.stderr).not.toContain('12a4');
    expect(slot.reader.card.history).toEqual([]);
  });

  it('self-tests: signs a local random challenge and verifies it', async () => {
    slot = await VirtualSlot.insert({ authPin: PIN });
    const run = await cli(['card', 'selftest', '--reader', slot.readerName, '--json'], PIN);
    expect(run.code).toBe(0);
    const result = json(run.stdout);
    expect(Object.keys(result).sort()).toEqual(['challenge', 'signature', 'verified']);
    expect(result).toMatchObject({ verified: true, challenge: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.stringMatching(/^[0-9a-f]{512}$/) });
  });

  it('exits non-zero with the error code for an unknown reader and says what a non-My-Number card is', async () => {
    slot = await VirtualSlot.insert({ kind: 'other' });
    const unknown = await cli(['card', 'status', '--reader', 'No Such Reader', '--json']);
    expect(unknown.code).toBe(1);
    expect(json(unknown.stderr)).toMatchObject({ error: { code: 'NO_READER' } });
    const other = await cli(['card', 'status', '--reader', slot.readerName, '--json']);
    expect(other.code).toBe(0);
    expect(json(other.stdout)).toMatchObject({ kind: 'not-my-number-card' });
  });

  it('watches a reader: card inserted and removed, until interrupted', async () => {
    const child = spawn(TSX, ['main/cli/index.ts', 'card', 'watch', '--reader', 'Virtual PCD 00 00', '--json'], { cwd: ROOT });
    const lines: Record<string, unknown>[] = [];
    let buffer = '';
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitUntil(() => lines.some((l) => l.change === 'reader-attached'), 15_000, 'watch sees the reader');
    slot = await VirtualSlot.insert({});
    await waitUntil(() => lines.some((l) => l.change === 'card-inserted'), 5_000, 'watch sees the card');
    await slot.release();
    slot = undefined;
    await waitUntil(() => lines.some((l) => l.change === 'card-removed'), 5_000, 'watch sees the removal');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
