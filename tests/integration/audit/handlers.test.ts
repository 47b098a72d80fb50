import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedAudit } from '../../../main/audit/open-audit';
import { createHandlerTable, type Handlers } from '../../../main/host/handler-table';
import { auditHandlers } from '../../../main/host/handlers/audit';
import { openAuditDir } from './audit-dir';

let dataDir: string;
let audit: OpenedAudit;
const ctx = { connectionId: 'test' };

/** A table with only the audit channels answering; any other channel is not reached by these tests. */
function table(opened: OpenedAudit | null) {
  return createHandlerTable(auditHandlers({ audit: opened, shipping: null }) as Handlers);
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-audit-ipc-'));
  audit = await openAuditDir(dataDir);
  for (let i = 0; i < 5; i++) audit.log.append({ kind: 'session.login', actor: 'S001', outcome: 'ok' });
});
afterEach(() => {
  audit.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('audit channels', () => {
  it('reports the state, verifies, and says plainly when the log is not open', async () => {
    const t = table(audit);
    expect(await t.dispatch(1, 'audit.status', {}, ctx)).toMatchObject({ ok: true, value: { state: 'ok', lastSeq: 5, shipping: null } });
    expect(await t.dispatch(2, 'audit.verify', { full: true }, ctx)).toMatchObject({ ok: true, value: { ok: true, checked: 5 } });
    expect(await table(null).dispatch(3, 'audit.status', {}, ctx)).toMatchObject({ ok: false, error: { code: 'AUDIT_UNAVAILABLE' } });
  });

  it('a break found by verification stops appends until an administrator acknowledges it through the channel', async () => {
    audit.store.db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const t = table(audit);
    expect(await t.dispatch(1, 'audit.verify', { full: true }, ctx)).toMatchObject({ ok: true, value: { ok: false, firstBad: { seq: 3, problem: 'missing-row' } } });
    expect(await t.dispatch(2, 'audit.status', {}, ctx)).toMatchObject({ value: { state: 'broken', break: { seq: 3 } } });
    expect(() => audit.log.append({ kind: 'session.lock', actor: 'S001', cause: 'idle' })).toThrow(expect.objectContaining({ code: 'AUDIT_CHAIN_BROKEN' }));
    expect(await t.dispatch(3, 'audit.acknowledge', { admin: 'A01', breakAt: 3 }, ctx)).toMatchObject({ ok: true, value: { seq: 6 } });
    expect(audit.log.append({ kind: 'session.lock', actor: 'S001', cause: 'idle' }).seq).toBe(7);
  });

  it('refuses bad input before it reaches the log, and changes nothing', async () => {
    const t = table(audit);
    expect(await t.dispatch(1, 'audit.acknowledge', { admin: '管理者', breakAt: 3 }, ctx)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    expect(await t.dispatch(2, 'audit.find', { insurer: '06139994', number: '1', birthdate: '19500102', name: '山田' }, ctx)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    expect(await t.dispatch(3, 'audit.find', { insurer: '0613', number: '1', birthdate: '19500102' }, ctx)).toMatchObject({ ok: false, error: { code: 'AUDIT_BAD_IDENTIFIERS' } });
    expect(audit.log.status().lastSeq).toBe(5);
  });

  it('finds who acted for a patient from the insurance identifiers', async () => {
    const ids = { insurer: '06139994', number: '1', birthdate: '19500102' };
    audit.log.append({ kind: 'check.outcome', actor: 'S009', check: 'c1', outcome: 'ok', patient: audit.log.patientRef(ids) });
    expect(await table(audit).dispatch(1, 'audit.find', ids, ctx)).toMatchObject({ ok: true, value: { rows: [{ seq: 6, kind: 'check.outcome', actor: 'S009' }] } });
  });
});
