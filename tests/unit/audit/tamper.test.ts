import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANCHOR_FILE_NAME } from '../../../main/audit/anchors';
import type { AuditLog } from '../../../main/audit/audit-log';
import { auditFixture, loginEvent, type AuditFixture } from './audit-fixture';

let fx: AuditFixture;
let log: AuditLog;

beforeEach(async () => {
  fx = auditFixture();
  log = await fx.open({ anchorEveryRows: 10 });
  for (let i = 0; i < 25; i++) log.append(loginEvent(`S${String(i).padStart(3, '0')}`));
});
afterEach(() => fx.cleanup());

describe('tamper evidence', () => {
  it('a clean log verifies in full and from the anchor', async () => {
    expect(await log.verify({ full: true })).toMatchObject({ ok: true, checked: 25, through: 25 });
    expect(await log.verify({ full: false })).toMatchObject({ ok: true, from: 20, anchor: { seq: 20 } });
  });

  it('names an edited row', async () => {
    fx.db.prepare("UPDATE audit_log SET content = replace(content, 'S007', 'S999') WHERE seq = 8").run();
    const report = await log.verify({ full: true });
    expect(report).toMatchObject({ ok: false, firstBad: { seq: 8, problem: 'mac-mismatch' } });
  });

  it('names a row whose content was given a line break, and one whose MAC was shortened', async () => {
    // Both throw the bulk reading of a chunk out of step; the row-by-row reading still names the row.
    fx.db.prepare("UPDATE audit_log SET content = replace(content, '\"actor\"', char(10) || '\"actor\"') WHERE seq = 9").run();
    expect(await log.verify({ full: true })).toMatchObject({ ok: false, checked: 8, firstBad: { seq: 9, problem: 'mac-mismatch' } });
    fx.db.prepare('UPDATE audit_log SET content = replace(content, char(10), \'\') WHERE seq = 9').run();
    expect(await log.verify({ full: true })).toMatchObject({ ok: true, checked: 25 });

    fx.db.pragma('ignore_check_constraints = ON');
    fx.db.prepare('UPDATE audit_log SET mac = substr(mac, 1, 31) WHERE seq = 14').run();
    expect(await log.verify({ full: true })).toMatchObject({ ok: false, checked: 13, firstBad: { seq: 14, problem: 'mac-mismatch' } });
  });

  it('names a deleted row', async () => {
    fx.db.prepare('DELETE FROM audit_log WHERE seq = 12').run();
    expect(await log.verify({ full: true })).toMatchObject({ ok: false, firstBad: { seq: 12, problem: 'missing-row' } });
  });

  it('names the first row of a chain recomputed with plain SHA-256 (no key)', async () => {
    // What someone who edits the file can do without the key: rebuild every hash after their edit.
    const rows = fx.db.prepare('SELECT seq, content, mac FROM audit_log WHERE seq >= 5 ORDER BY seq').all() as Array<{ seq: number; content: string; mac: Buffer }>;
    let previous = (fx.db.prepare('SELECT mac FROM audit_log WHERE seq = 4').pluck().get() as Buffer);
    for (const row of rows) {
      const content = row.seq === 5 ? row.content.replace('S004', 'S777') : row.content;
      const seqBytes = Buffer.alloc(8);
      seqBytes.writeBigUInt64BE(BigInt(row.seq));
      const mac = createHash('sha256').update(previous).update(seqBytes).update(content).digest();
      fx.db.prepare('UPDATE audit_log SET content = ?, mac = ? WHERE seq = ?').run(content, mac, row.seq);
      previous = mac;
    }
    expect(await log.verify({ full: true })).toMatchObject({ ok: false, firstBad: { seq: 5, problem: 'mac-mismatch' } });
  });

  it('names the first missing row when the tail is cut off, from the anchor', async () => {
    fx.db.prepare('DELETE FROM audit_log WHERE seq > 16').run();
    expect(await log.verify({ full: false })).toMatchObject({ ok: false, firstBad: { seq: 17, problem: 'truncated' } });
    expect(await log.verify({ full: true })).toMatchObject({ ok: false, firstBad: { seq: 17, problem: 'truncated' } });
  });

  it('finds a break on start and refuses to append until an admin acknowledges, which is itself recorded', async () => {
    fx.db.prepare('DELETE FROM audit_log WHERE seq > 16').run();
    const reopened = await fx.open({ anchorEveryRows: 10 });
    expect(reopened.status()).toMatchObject({ state: 'broken', break: { seq: 17, problem: 'truncated' } });
    expect(() => reopened.append(loginEvent())).toThrow(expect.objectContaining({ code: 'AUDIT_CHAIN_BROKEN' }));
    expect(fx.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(16);

    expect(() => reopened.acknowledgeBreak('ADMIN1', 3)).toThrow(expect.objectContaining({ code: 'AUDIT_BREAK_MISMATCH' }));
    const ack = reopened.acknowledgeBreak('ADMIN1', 17);
    // Numbers 17–20, which the anchor vouched for, went missing and are never handed out again.
    expect(ack.seq).toBe(21);
    const content = JSON.parse(fx.db.prepare('SELECT content FROM audit_log WHERE seq = 21').pluck().get() as string);
    expect(content).toMatchObject({ kind: 'admin.acknowledge', actor: 'ADMIN1', breakAt: 17, problem: 'truncated', through: 20 });

    expect(reopened.append(loginEvent()).seq).toBe(22);
    const full = await reopened.verify({ full: true });
    expect(full).toMatchObject({ ok: true, acknowledged: [{ seq: 17 }] });
    expect((await fx.open()).status().state).toBe('ok');
  });

  it('ignores an anchor line torn by a power cut and uses the one before it', async () => {
    appendFileSync(path.join(fx.dataDir, ANCHOR_FILE_NAME), '25 0123');
    expect(await log.verify({ full: false })).toMatchObject({ ok: true, anchor: { seq: 20 } });
  });

  it('names the anchored row when the anchor and the row disagree', async () => {
    appendFileSync(path.join(fx.dataDir, ANCHOR_FILE_NAME), `\n20 ${'ab'.repeat(32)}\n`);
    expect(await log.verify({ full: false })).toMatchObject({ ok: false, firstBad: { seq: 20, problem: 'anchor-mismatch' } });
  });

  it('keeps an append that committed when its anchor cannot be written, and says so in the status', async () => {
    const anchorFile = path.join(fx.dataDir, ANCHOR_FILE_NAME);
    rmSync(anchorFile);
    mkdirSync(anchorFile);
    for (let i = 0; i < 10; i++) log.append(loginEvent());
    expect(log.status()).toMatchObject({ lastSeq: 35, anchorProblem: 'AUDIT_ANCHOR_UNWRITABLE' });
    expect(fx.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(35);
    // Verification does not quietly do without the anchor it cannot read.
    await expect(log.verify({ full: true })).rejects.toMatchObject({ code: 'AUDIT_ANCHOR_UNREADABLE' });
  });

  it('refuses an acknowledgement when nothing is broken, and changes nothing', () => {
    expect(() => log.acknowledgeBreak('ADMIN1', 1)).toThrow(expect.objectContaining({ code: 'AUDIT_NOT_BROKEN' }));
    expect(log.status().lastSeq).toBe(25);
  });
});
