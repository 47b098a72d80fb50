/**
 * The command line as hospital IT uses it: import a CSV, list, export in both encodings, and a bad
 * import that fails with a non-zero exit, every bad row on stderr, and nothing imported.
 */
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli/index';
import { openDatabase } from '../../../main/store/database';
import { TRAINING_NOTICE } from '../../../main/common/training';
import { DeviceRecord } from '../../../main/store/device';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';
import { updateSettings } from '../../../main/store/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'onshi-inquiry-cli-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

/** The JSON error line; Node may add its own warnings to stderr (listener counts after many in-process runs). */
function errorOf(stderr: string): { code: string; detail: string } {
  const line = stderr.split('\n').find((l) => l.startsWith('{'));
  return (JSON.parse(line ?? '{}') as { error: { code: string; detail: string } }).error;
}

const CSV = '照会番号,保険者番号,記号,番号,枝番,生年月日\r\nA-1,33120015,東京,10,01,19500101\r\nA-2,138057,,20,02,19600202\r\n';

/** A data folder whose cart has a real consent gateway configured (not 研修モード). */
async function realCart(data: string): Promise<void> {
  const store = await openDatabase({ dataDir: data, secretProtector: new KeyFileSecretProtector(data) });
  updateSettings(store, { endpoints: { consentGateway: 'https://oqs.example.jp/consent', terminalFolder: null } });
  store.close();
}

describe('onshi-cart inquiry', () => {
  it('imports, lists and exports byte-exact in UTF-8 and CP932', async () => {
    const data = path.join(dir, 'data');
    await realCart(data);
    const sjisIn = path.join(dir, 'in.csv');
    writeFileSync(sjisIn, iconv.encode(CSV, 'cp932'));
    const imported = await cli(['inquiry', 'import', sjisIn, '--encoding', 'cp932', '--data-dir', data, '--institution', '0110113719', '--json']);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual({ ok: true, added: 2, updated: 0, encoding: 'cp932' });

    const listed = JSON.parse((await cli(['inquiry', 'list', '--data-dir', data, '--institution', '0110113719', '--json'])).stdout) as { count: number };
    expect(listed.count).toBe(2);

    const sjisOut = path.join(dir, 'out-sjis.csv');
    expect((await cli(['inquiry', 'export', sjisOut, '--encoding', 'cp932', '--data-dir', data, '--institution', '0110113719'])).code).toBe(0);
    expect(readFileSync(sjisOut).equals(readFileSync(sjisIn))).toBe(true);

    const utf8Out = path.join(dir, 'out-utf8.csv');
    process.env.ONSHI_DATA_DIR = data;
    try {
      expect((await cli(['inquiry', 'export', utf8Out, '--institution', '0110113719'])).code).toBe(0);
    } finally {
      delete process.env.ONSHI_DATA_DIR;
    }
    expect(readFileSync(utf8Out).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]))).toBe(true);

    // The import and both exports are in the audit log, by the command line, with counts only.
    const logged = await cli(['audit', 'export', '--format', 'jsonl', '--data-dir', data]);
    const events = logged.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { event: Record<string, unknown> }).event);
    expect(events.filter((e) => e.kind === 'reference.import' || (e.kind === 'export' && e.what === 'inquiry-numbers'))).toMatchObject([
      { kind: 'reference.import', actor: 'cli', added: 2, updated: 0 },
      { kind: 'export', actor: 'cli', format: 'csv-cp932', rows: 2 },
      { kind: 'export', actor: 'cli', format: 'csv-utf8', rows: 2 },
    ]);
    expect(logged.stdout).not.toContain('33120015');
  });

  it('marks a training cart\'s export on its first line, and a real cart refuses that file', async () => {
    const training = path.join(dir, 'training');
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, CSV, 'utf8');
    expect((await cli(['inquiry', 'import', input, '--data-dir', training, '--institution', '0110113719'])).code).toBe(0);
    const exported = path.join(dir, 'training.csv');
    expect((await cli(['inquiry', 'export', exported, '--encoding', 'cp932', '--data-dir', training, '--institution', '0110113719'])).code).toBe(0);
    expect(iconv.decode(readFileSync(exported), 'cp932')).toBe(`${TRAINING_NOTICE}\r\n${CSV}`);

    const real = path.join(dir, 'real');
    await realCart(real);
    const run = await cli(['inquiry', 'import', exported, '--data-dir', real, '--institution', '0110113719', '--json']);
    expect(run.code).toBe(1);
    expect(errorOf(run.stderr)).toMatchObject({ code: 'INQUIRY_IMPORT_INVALID', detail: '1行目: 研修モードで書き出したファイルです。実際の照会番号ではないため取り込めません' });
    const listed = JSON.parse((await cli(['inquiry', 'list', '--data-dir', real, '--institution', '0110113719', '--json'])).stdout) as { count: number };
    expect(listed.count).toBe(0);
  });

  it('a bad file exits non-zero, names each bad row, and imports nothing', async () => {
    const data = path.join(dir, 'data');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, CSV + 'A-3,33120016,,30,03,19700303\r\nA-1,33120015,,40,04,19800404\r\n', 'utf8');
    const run = await cli(['inquiry', 'import', bad, '--data-dir', data, '--institution', '0110113719', '--json']);
    expect(run.code).toBe(1);
    const error = errorOf(run.stderr);
    expect(error.code).toBe('INQUIRY_IMPORT_INVALID');
    expect(error.detail).toBe('4行目 保険者番号: 保険者番号の検証番号が正しくありません\n5行目 照会番号: 照会番号が2行目と重複しています');
    const listed = JSON.parse((await cli(['inquiry', 'list', '--data-dir', data, '--institution', '0110113719', '--json'])).stdout) as { count: number };
    expect(listed.count).toBe(0);
  });

  it('refuses a wrong encoding name and a wrong 機関コード', async () => {
    const data = path.join(dir, 'data');
    expect(errorOf((await cli(['inquiry', 'export', path.join(dir, 'x.csv'), '--encoding', 'sjis', '--data-dir', data, '--institution', '0110113719', '--json'])).stderr).code).toBe('CLI_BAD_ARGUMENTS');
    expect(errorOf((await cli(['inquiry', 'list', '--data-dir', data, '--institution', '0110113718', '--json'])).stderr).code).toBe('DEVICE_INSTITUTION_CODE');
    expect(errorOf((await cli(['inquiry', 'list', '--data-dir', data, '--json'])).stderr).code).toBe('INQUIRY_NO_INSTITUTION');
  });

  it('uses the activated device 機関コード and refuses a different --institution', async () => {
    const data = path.join(dir, 'data');
    const store = await openDatabase({ dataDir: data, secretProtector: new KeyFileSecretProtector(data) });
    new DeviceRecord(store).activate({ institutionCode: '2714206386', userId: 'cart01', credential: Buffer.from('c') });
    store.close();
    expect((await cli(['inquiry', 'list', '--data-dir', data, '--json'])).code).toBe(0);
    expect(errorOf((await cli(['inquiry', 'list', '--data-dir', data, '--institution', '0110113719', '--json'])).stderr).code).toBe('INQUIRY_OTHER_INSTITUTION');
  });

  it('onshi-cart jobs shows the queue', async () => {
    const run = await cli(['jobs', '--data-dir', path.join(dir, 'data'), '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ counts: { pending: 0, running: 0, done: 0, failed: 0 }, jobs: [] });
  });
});
