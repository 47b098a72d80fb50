/**
 * `onshi-cart simulator consent` in its own process: it tells where it listens and what to trust,
 * a laptop activates against it with the account it prints, and Ctrl-C stops it cleanly.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ConsentGatewayClient } from '../../../main/oqs/consent/consent-client';
import { createNodeHttpsTransport } from '../../../main/oqs/consent/node-https-transport';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'main', 'cli', 'index.ts');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function startCli(args: string[]) {
  const child = spawn(TSX, [CLI, 'simulator', 'consent', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  return { child, nextLine: async () => JSON.parse(((await lines.next()).value as string)) as Record<string, string>, stderr: () => stderr };
}

describe('onshi-cart simulator consent', () => {
  it('serves the contract over HTTPS with a ready training account, and stops on SIGINT', async () => {
    const cli = startCli(['--json']);
    try {
      const ready = await cli.nextLine();
      expect(ready.listening).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.notice).toContain('研修用');
      const transport = createNodeHttpsTransport({ ca: ready.serverCertificatePem });
      try {
        const client = new ConsentGatewayClient({ baseUrl: ready.listening!, transport });
        const { credential } = await client.activate({
          medicalInstitutionCode: ready.medicalInstitutionCode!, userId: ready.userId!, password: ready.password!, activationCode: ready.activationCode!,
        });
        const settings = await client.institutionSettings(credential);
        expect(settings.DifferentFlowFunction).toBe('1');
      } finally {
        transport.close();
      }
      cli.child.kill('SIGINT');
      const [code] = await once(cli.child, 'exit');
      expect(code).toBe(0);
      expect(await cli.nextLine()).toEqual({ stopped: true, requests: 2 });
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  });

  it('refuses a port that is not a number, with its code and a Japanese sentence', async () => {
    const cli = startCli(['--port', 'abc', '--json']);
    const [code] = await once(cli.child, 'exit');
    expect(code).not.toBe(0);
    const error = (JSON.parse(cli.stderr()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('CLI_BAD_ARGUMENTS');
    expect(error.message).toContain('--port');
  });
});
