import { execFile, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSearchRequest } from '../../../main/oqs/terminal/requests';
import { loadPopulation, SIMULATED_INSTITUTION_CODE } from '../../../main/oqs/population';
import { searchFor } from './harness';

const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
// One process (no npx or tsx wrapper in between), so SIGINT reaches the command itself.
const CLI = ['--import', 'tsx', 'main/cli/index.ts'];

describe('onshi-cart simulator', () => {
  it('--list-people --json prints the population with OQS element names', async () => {
    const { stdout } = await run(process.execPath, [...CLI, 'simulator', '--list-people', '--json'], { maxBuffer: 64 * 1024 * 1024 });
    const people = JSON.parse(stdout) as Record<string, unknown>[];
    expect(people.length).toBeGreaterThanOrEqual(1000);
    // Another process builds the very same people (seeded, no clock, no randomness).
    expect(people).toEqual(JSON.parse(JSON.stringify(loadPopulation())));
    for (const key of ['InsurerNumber', 'InsuredCardSymbol', 'InsuredIdentificationNumber', 'InsuredBranchNumber', 'Birthdate', 'Name', 'NameKana', 'Sex1', 'Address', 'CardholderId']) {
      expect(people[0]).toHaveProperty(key);
    }
  });

  it('refuses an unknown fault with a code', async () => {
    const failed = await run(process.execPath, [...CLI, 'simulator', '--fault', 'explode', '--json']).catch((err: { stderr: string; code: number }) => err);
    expect((failed as { code: number }).code).toBe(1);
    expect(JSON.parse((failed as { stderr: string }).stderr).error.code).toBe('CLI_BAD_OPTION');
  });

  it('--port opens a loopback control endpoint that switches faults', async () => {
    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'oqs-cli-port-'));
    const child = spawn(process.execPath, [...CLI, 'simulator', '--terminal-dir', dir, '--port', String(port), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    child.stdout.on('data', (c: Buffer) => lines.push(c.toString()));
    try {
      await expect.poll(() => lines.join('').includes('started'), { timeout: 20_000, interval: 100 }).toBe(true);
      const set = await fetch(`http://127.0.0.1:${port}/fault?kind=truncated`, { method: 'PUT' });
      expect(set.status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ fault: 'truncated' });
      expect((await fetch(`http://127.0.0.1:${port}/fault?kind=explode`, { method: 'PUT' })).status).toBe(400);
      await fetch(`http://127.0.0.1:${port}/fault`, { method: 'PUT' });
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ fault: null });
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    }
  }, 40_000);

  it('runs alone on a folder, answers a request, and stops on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oqs-cli-'));
    const child = spawn(process.execPath, [...CLI, 'simulator', '--terminal-dir', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    child.stdout.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter(Boolean)));
    try {
      await expect.poll(() => lines.some((l) => l.includes('started')), { timeout: 20_000, interval: 100 }).toBe(true);
      const xml = buildSearchRequest('qualification', { QualificationConfirmationDate: '20261125', MedicalInstitutionCode: SIMULATED_INSTITUTION_CODE }, [searchFor(loadPopulation()[0]!)], 'UTF-8');
      await writeFile(join(dir, 'req', 'OQSsiquc01req_cli0001.xml'), xml);
      await expect.poll(async () => readdir(join(dir, 'res')), { timeout: 10_000, interval: 100 }).toContain('OQSsiquc01res_cli0001.xml');
      expect(lines.some((l) => l.includes('OQSsiquc01res_cli0001.xml'))).toBe(true);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
