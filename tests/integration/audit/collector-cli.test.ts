/**
 * `onshi-cart audit collector [set|clear]` and `audit shipping`: hospital IT sets the collector from
 * the command line with the same checks as the settings screen; each refusal names the problem
 * and changes nothing, a change is recorded as done by `cli`, and the app reads it on its next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli/index';
import { createServicesHost } from '../../../main/host/services-host';
import { makeTestPki } from './rsyslog-collector';

let dir: string;
let data: string;
let caFile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'onshi-collector-cli-'));
  data = path.join(dir, 'data');
  makeTestPki(dir, 'good');
  caFile = path.join(dir, 'good-ca.pem');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** With --json unless `json` is false (the text an administrator reads). */
async function cli(args: string[], json = true): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await main([...args, '--data-dir', data, ...(json ? ['--json'] : [])]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

const errorCode = (stderr: string) => (JSON.parse(stderr.split('\n').find((l) => l.startsWith('{')) ?? '{}') as { error?: { code: string } }).error?.code;
const shown = async () => JSON.parse((await cli(['audit', 'collector'])).stdout) as { collector: { host: string; port: number } | null };

describe('onshi-cart audit collector', () => {
  it('shows that none is configured', async () => {
    expect(await shown()).toEqual({ collector: null });
  });

  it('refuses each kind of bad setting with its code, and changes nothing', async () => {
    const cases: Array<[string[], string]> = [
      [['--host', '127.0.0.1', '--port', '6514'], 'AUDIT_BAD_OPTION'],
      [['--host', 'bad host', '--port', '6514', '--ca', caFile], 'AUDIT_COLLECTOR_HOST'],
      [['--host', '127.0.0.1', '--port', '70000', '--ca', caFile], 'AUDIT_COLLECTOR_PORT'],
      [['--host', '127.0.0.1', '--port', 'syslog', '--ca', caFile], 'AUDIT_COLLECTOR_PORT'],
      [['--host', '127.0.0.1', '--port', '6514', '--ca', path.join(dir, 'missing.pem')], 'AUDIT_COLLECTOR_CA_FILE'],
      [['--host', '127.0.0.1', '--port', '6514', '--ca', path.join(dir, 'good-key.pem')], 'AUDIT_COLLECTOR_CA_INVALID'],
      [['--host', '127.0.0.1', '--port', '6514', '--ca', caFile, '--client-cert', path.join(dir, 'good-client-cert.pem')], 'AUDIT_COLLECTOR_CLIENT_PAIR'],
      [['--host', '127.0.0.1', '--port', '6514', '--ca', caFile, '--client-cert', path.join(dir, 'good-cert.pem'), '--client-key', path.join(dir, 'good-key.pem')], 'AUDIT_COLLECTOR_CLIENT_USAGE'],
    ];
    for (const [args, code] of cases) {
      const run = await cli(['audit', 'collector', 'set', ...args]);
      expect(run.code, args.join(' ')).toBe(1);
      expect(errorCode(run.stderr), args.join(' ')).toBe(code);
    }
    expect(await shown()).toEqual({ collector: null });
  });

  it('sets the collector, records it, and the app finds it on its next start', async () => {
    const set = await cli(['audit', 'collector', 'set', '--host', '127.0.0.1', '--port', '6514', '--ca', path.relative(process.cwd(), caFile)]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ collector: { host: '127.0.0.1', port: 6514, ca: { subject: expect.stringContaining('onshi-cart test CA') } } });
    expect(await shown()).toMatchObject({ collector: { host: '127.0.0.1', port: 6514 } });

    const status = JSON.parse((await cli(['audit', 'shipping'])).stdout) as { collector: unknown; confirmedThrough: number; backlog: number; retry: unknown };
    expect(status).toMatchObject({ collector: { host: '127.0.0.1', port: 6514 }, confirmedThrough: 0, retry: null });
    expect(status.backlog).toBeGreaterThanOrEqual(1);

    const logged = (await cli(['audit', 'export', '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { event: { kind: string; actor: string; key?: string } }).event);
    expect(logged.filter((e) => e.kind === 'settings.change')).toEqual([expect.objectContaining({ actor: 'cli', key: 'audit-collector' })]);

    const host = await createServicesHost({ dataDir: data, trainingMode: true, transport: 'web' });
    try {
      const reply = await host.table.dispatch(1, 'settings.auditCollector', {}, { connectionId: 't' });
      expect(reply).toMatchObject({ ok: true, value: { collector: { host: '127.0.0.1', port: 6514 } } });
    } finally {
      await host.close();
    }
  }, 30_000);

  it('takes the cart\'s client certificate and key, and shows the certificate but never the key', async () => {
    const set = await cli([
      'audit', 'collector', 'set', '--host', '127.0.0.1', '--port', '6514', '--ca', caFile,
      '--client-cert', path.join(dir, 'good-client-cert.pem'), '--client-key', path.join(dir, 'good-client-key.pem'),
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).not.toContain('PRIVATE KEY');
    expect(await shown()).toMatchObject({ collector: { client: { subject: expect.stringContaining('cart-01.ward3.example.local') } } });
    const human = await cli(['audit', 'collector'], false);
    expect(human.stdout).toContain('クライアント証明書：CN=cart-01.ward3.example.local');
  });

  it('clears it', async () => {
    expect((await cli(['audit', 'collector', 'clear'])).code).toBe(0);
    expect(await shown()).toEqual({ collector: null });
    expect((JSON.parse((await cli(['audit', 'shipping'])).stdout) as { collector: unknown }).collector).toBeNull();
  });
});
