import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSearchRequest } from '../../../main/oqs/terminal/requests';
import { loadPopulation, SIMULATED_INSTITUTION_CODE } from '../../../main/oqs/population';
import { searchFor } from './harness';

const run = promisify(execFile);
// One process (no npx or tsx wrapper in between), so SIGINT reaches the command itself.
const CLI = ['--import', 'tsx', 'main/cli/index.ts'];

describe('onshi-cart simulator', () => {
  it('--list-people --json prints the population with OQS element names', async () => {
    const { stdout } = await run(process.execPath, [...CLI, 'simulator', '--list-people', '--json'], { maxBuffer: 64 * 1024 * 1024 });
    const people = JSON.parse(stdout) as Record<string, unknown>[];
    expect(people.length).toBeGreaterThanOrEqual(1000);
    for (const key of ['InsurerNumber', 'InsuredCardSymbol', 'InsuredIdentificationNumber', 'InsuredBranchNumber', 'Birthdate', 'Name', 'NameKana', 'Sex1', 'Address', 'CardholderId']) {
      expect(people[0]).toHaveProperty(key);
    }
  });

  it('refuses an unknown fault with a code', async () => {
    const failed = await run(process.execPath, [...CLI, 'simulator', '--fault', 'explode', '--json']).catch((err: { stderr: string; code: number }) => err);
    expect((failed as { code: number }).code).toBe(1);
    expect(JSON.parse((failed as { stderr: string }).stderr).error.code).toBe('CLI_BAD_OPTION');
  });

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
