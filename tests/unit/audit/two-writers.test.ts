/**
 * Appends chain onto the newest row whoever wrote it: two logs on one database (the app and the
 * command line), and a row taken back by a rolled-back transaction, still leave one chain that
 * verifies in full, with no number used twice; no anchor ever names a row that was rolled back.
 */
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AuditLog } from '../../../main/audit/audit-log';
import { auditFixture, loginEvent, type AuditFixture } from './audit-fixture';

let fixture: AuditFixture;
afterEach(() => fixture.cleanup());

/** A change that records itself (row S2) and then fails, so its transaction takes the row back. */
function appendInRolledBackTransaction(log: AuditLog): void {
  expect(() =>
    fixture.db.transaction(() => {
      log.append(loginEvent('S2'));
      throw new Error('the change the row recorded failed');
    })(),
  ).toThrow('the change');
}

it('interleaves two writers on one database into one verifiable chain', async () => {
  fixture = auditFixture();
  const app = await fixture.open();
  const second = new BetterSqlite3(path.join(fixture.dataDir, 'audit-test.db'));
  second.pragma('synchronous = FULL');
  try {
    const cli = await fixture.open({ db: second });
    const seqs: number[] = [];
    for (let i = 0; i < 30; i++) seqs.push((i % 3 === 0 ? cli : app).append(loginEvent(`S${i}`)).seq);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await app.verify({ full: true })).toMatchObject({ ok: true, checked: 30 });
  } finally {
    second.close();
  }
});

it('chains correctly after a transaction that had appended is rolled back', async () => {
  fixture = auditFixture();
  const log = await fixture.open();
  log.append(loginEvent('S1'));
  appendInRolledBackTransaction(log);
  expect(log.append(loginEvent('S3')).seq).toBe(2);
  expect(log.append(loginEvent('S4')).seq).toBe(3);
  expect(await log.verify({ full: true })).toMatchObject({ ok: true, checked: 3 });
});

it('anchors no row until its transaction commits, so a rollback is not taken for a cut-off tail', async () => {
  fixture = auditFixture();
  const log = await fixture.open({ anchorEveryRows: 1 });
  log.append(loginEvent('S1'));
  appendInRolledBackTransaction(log);
  expect(await log.verify({ full: false })).toMatchObject({ ok: true, anchor: { seq: 1 } });

  // A committed transaction's row is anchored by the next append outside one.
  fixture.db.transaction(() => log.append(loginEvent('S3')))();
  expect(await log.verify({ full: false })).toMatchObject({ ok: true, anchor: { seq: 1 } });
  expect(log.append(loginEvent('S4')).seq).toBe(3);
  expect(await log.verify({ full: false })).toMatchObject({ ok: true, anchor: { seq: 3 }, through: 3 });
  expect((await fixture.open()).status()).toMatchObject({ state: 'ok', lastSeq: 3 });
});
