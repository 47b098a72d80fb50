import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatSyslogMessage } from '../../../main/audit/syslog-message';
import { main } from '../../../main/cli/index';
import { openAuditDir } from './audit-dir';

let dataDir: string;
const ids = { insurer: '06139994', symbol: '12', number: '3456', branch: '01', birthdate: '19500102' };

/** Runs `onshi-cart …` in-process and returns its exit code, stdout and stderr. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    const code = await main([...args, '--data-dir', dataDir]);
    // Only our JSON line: Node may add its own warnings to stderr when main() runs many times in one process.
    return { code, out, err: err.split('\n').filter((l) => l.startsWith('{')).join('\n') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-audit-cli-'));
  const { log, close } = await openAuditDir(dataDir);
  const patient = log.patientRef(ids);
  log.append({ kind: 'session.login', actor: 'S001', outcome: 'ok' });
  log.append({ kind: 'check.identity', actor: 'S001', check: 'c1', method: 'visual', attestedBy: 'S002', outcome: 'ok', patient });
  log.append({ kind: 'check.outcome', actor: 'S001', check: 'c1', outcome: 'ok', validity: 1, patient });
  log.append({ kind: 'session.lock', actor: 'S001', cause: 'idle' });
  close();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('onshi-cart audit', () => {
  it('verify: reports a sound chain, and names the first bad row with a non-zero exit when edited', async () => {
    const ok = await cli('audit', 'verify', '--full', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, mode: 'full', checked: 4 });

    const { store, close } = await openAuditDir(dataDir);
    store.db.prepare("UPDATE audit_log SET content = replace(content, 'idle', 'manual') WHERE seq = 4").run();
    close();
    const bad = await cli('audit', 'verify', '--full', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err).error).toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', detail: 'first bad row 4: mac-mismatch' });
  });

  it('acknowledge: accepts exactly the break verification names, then the chain records and verifies again', async () => {
    expect(JSON.parse((await cli('audit', 'acknowledge', '--at', '2', '--json')).err).error.code).toBe('AUDIT_NOT_BROKEN');
    const { store, close } = await openAuditDir(dataDir);
    store.db.prepare("UPDATE audit_log SET content = replace(content, 'visual', 'pin') WHERE seq = 2").run();
    close();
    expect(JSON.parse((await cli('audit', 'acknowledge', '--at', 'two', '--json')).err).error.code).toBe('AUDIT_BAD_OPTION');
    const wrong = await cli('audit', 'acknowledge', '--at', '3', '--full', '--json');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.err).error.code).toBe('AUDIT_BREAK_MISMATCH');

    const accepted = await cli('audit', 'acknowledge', '--at', '2', '--full', '--json');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.out)).toMatchObject({ seq: 5 });
    const verified = await cli('audit', 'verify', '--full', '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, acknowledged: [{ seq: 2, problem: 'mac-mismatch' }] });
    const reopened = await openAuditDir(dataDir);
    try {
      expect(reopened.log.append({ kind: 'session.login', actor: 'S001', outcome: 'ok' }).seq).toBe(6);
    } finally {
      reopened.close();
    }
  });

  it('find: from the insurance identifiers, lists who did what for that patient and nothing else', async () => {
    const found = await cli('audit', 'find', '--insurer', ids.insurer, '--symbol', ids.symbol, '--number', ids.number, '--branch', ids.branch, '--birthdate', '1950-01-02', '--json');
    expect(found.code).toBe(0);
    const result = JSON.parse(found.out) as { rows: Array<{ seq: number; actor: string; atTokyo: string }> };
    expect(result.rows.map((r) => r.seq)).toEqual([2, 3]);
    expect(result.rows[0]!.atTokyo).toMatch(/\+09:00$/);
    const other = await cli('audit', 'find', '--insurer', ids.insurer, '--number', '9999', '--birthdate', ids.birthdate, '--json');
    expect(JSON.parse(other.out).rows).toEqual([]);
  });

  it('find: a bad identifier is refused with its field named', async () => {
    const bad = await cli('audit', 'find', '--insurer', '12', '--number', '1', '--birthdate', ids.birthdate, '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err).error).toMatchObject({ code: 'AUDIT_BAD_IDENTIFIERS', detail: '保険者番号' });
  });

  it('export: JSON lines and CSV with UTC and Tokyo times, --since filters, and the export itself is recorded', async () => {
    const jsonl = await cli('audit', 'export', '--format', 'jsonl', '--json');
    const lines = jsonl.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    // A cart without a real gateway is a training cart, and every exported row says so.
    expect(lines.every((l) => l.trainingMode === true)).toBe(true);
    expect(lines[0]).toMatchObject({ kind: 'session.login', actor: 'S001' });
    const csv = await cli('audit', 'export', '--format', 'csv', '--json');
    expect(csv.out.split('\n').slice(0, 2)).toEqual(['研修モード：実際の資格確認ではありません', 'seq,at,at_tokyo,kind,actor,patient,check,outcome,mac,event']);
    // The first export became row 5, so the CSV has it.
    expect(csv.out.trim().split('\n')).toHaveLength(7);
    const none = await cli('audit', 'export', '--format', 'jsonl', '--since', '2999-01-01', '--json');
    expect(none.out).toBe('');
    const bad = await cli('audit', 'export', '--format', 'xml', '--json');
    expect(JSON.parse(bad.err).error.code).toBe('AUDIT_BAD_OPTION');
  });

  it('reconcile: no gap when the collector has every row; a gap fails with its range', async () => {
    const { store, close } = await openAuditDir(dataDir);
    const rows = store.db.prepare('SELECT seq, mac, content FROM audit_log ORDER BY seq').all() as Array<{ seq: number; mac: Buffer; content: string }>;
    close();
    const file = path.join(dataDir, 'received.log');
    writeFileSync(file, rows.map((r) => `${formatSyslogMessage(r, 'cart')}\n`).join(''));
    const ok = await cli('audit', 'reconcile', file, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, gaps: [] });
    writeFileSync(file, [rows[0], rows[3]].map((r) => `${formatSyslogMessage(r!, 'cart')}\n`).join(''));
    const gap = await cli('audit', 'reconcile', file, '--json');
    expect(gap.code).toBe(1);
    expect(JSON.parse(JSON.parse(gap.err).error.detail)).toMatchObject({ gaps: [{ from: 2, to: 3 }] });
  });
});
