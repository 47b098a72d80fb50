import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcileCollectorLog } from '../../../main/audit/reconcile';
import { formatSyslogMessage, frameSyslogMessage, parseReceivedLine } from '../../../main/audit/syslog-message';
import { auditFixture, loginEvent, type AuditFixture } from './audit-fixture';

let fx: AuditFixture;

beforeEach(async () => {
  fx = auditFixture();
  const log = await fx.open();
  for (let i = 0; i < 10; i++) log.append(loginEvent());
});
afterEach(() => fx.cleanup());

function rows() {
  return fx.db.prepare('SELECT seq, mac, content FROM audit_log ORDER BY seq').all() as Array<{ seq: number; mac: Buffer; content: string }>;
}

function collectorFile(lines: string[]): string {
  const file = path.join(fx.dataDir, 'received.log');
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

describe('RFC 5424 message', () => {
  it('carries priority, version, UTC time, host, app, kind, and the sequence number and MAC as structured data', () => {
    const row = rows()[2]!;
    const message = formatSyslogMessage(row, 'cart-07');
    const at = (JSON.parse(row.content) as { at: string }).at;
    expect(message).toBe(`<110>1 ${at} cart-07 onshi-cart - session.login [onshiAudit@32473 seq="3" mac="${row.mac.toString('hex')}" host="cart-07"] \uFEFF${row.content}`);
    expect(parseReceivedLine(`2026-11-25T10:00:00+09:00 collector ${message}`)).toEqual({ seq: 3, mac: row.mac.toString('hex'), host: 'cart-07' });
  });

  it('frames with the byte length (octet counting), not the character count', () => {
    const frame = frameSyslogMessage('<110>1 - - - - - - 監査');
    const [length, ...rest] = frame.toString('utf8').split(' ');
    expect(Number(length)).toBe(Buffer.byteLength(rest.join(' ')));
    expect(Number(length)).toBeGreaterThan(rest.join(' ').length);
  });
});

describe('audit reconcile', () => {
  const lineOf = (row: ReturnType<typeof rows>[number]) => formatSyslogMessage(row, 'cart-07');

  it('finds nothing wrong when every row arrived, and counts duplicates without calling them an error', async () => {
    const all = rows().map(lineOf);
    const report = await reconcileCollectorLog(fx.db, collectorFile([...all, all[4]!, 'unrelated line from another app']));
    expect(report).toMatchObject({ ok: true, gaps: [], notYetReceived: null, duplicates: { messages: 1, rows: 1 }, mismatched: [] });
  });

  it('names the missing rows as a gap, and the unsent tail separately', async () => {
    const all = rows().map(lineOf);
    const report = await reconcileCollectorLog(fx.db, collectorFile([...all.slice(0, 3), ...all.slice(6, 8)]));
    expect(report).toMatchObject({ ok: false, gaps: [{ from: 4, to: 6 }], notYetReceived: { from: 9, to: 10 } });
  });

  it('flags a received MAC that differs from the local row', async () => {
    const all = rows();
    const forged = { ...all[1]!, mac: Buffer.alloc(32, 1) };
    const report = await reconcileCollectorLog(fx.db, collectorFile([lineOf(all[0]!), lineOf(forged), ...all.slice(2).map(lineOf)]));
    expect(report).toMatchObject({ ok: false, mismatched: [2], gaps: [] });
  });

  it('refuses a file it cannot read, with a clear code', async () => {
    await expect(reconcileCollectorLog(fx.db, path.join(fx.dataDir, 'no-such.log'))).rejects.toMatchObject({ code: 'AUDIT_COLLECTOR_LOG_UNREADABLE' });
  });
});
