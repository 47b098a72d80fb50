/**
 * The clerk's session on a real store and audit log: unlock with the passcode, wrong passcodes
 * counted to the lockout, the idle lock that tells the check to drop patient data, and the audit
 * rows each of these leaves (never the passcode).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAudit, type OpenedAudit } from '../../../main/audit/open-audit';
import { CartSession } from '../../../main/session/cart-session';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';
import { StaffDirectory } from '../../../main/store/staff';

let dir: string;
let opened: OpenedAudit;
let staff: StaffDirectory;
let fire: (() => void) | null;
let session: CartSession;
let adminId: number;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-session-'));
  opened = await openAudit({ dataDir: dir, secretProtector: new KeyFileSecretProtector(dir) });
  staff = new StaffDirectory(opened.store);
  adminId = staff.add({ displayName: '佐藤', role: 'admin', passcode: Buffer.from('2468') }).id;
  fire = null;
  session = new CartSession({
    staff,
    audit: opened.log,
    idleSeconds: () => 120,
    setTimer: (fn) => {
      fire = fn;
      return { cancel: () => (fire = null) };
    },
  });
});

afterEach(() => {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const kinds = () =>
  (opened.store.db.prepare('SELECT content FROM audit_log ORDER BY seq').pluck().all() as string[]).map((c) => JSON.parse(c) as Record<string, unknown>);

describe('cart session', () => {
  it('unlocks with the right passcode and audits the login', () => {
    const clerk = session.unlock(adminId, Buffer.from('2468'));
    expect(clerk).toEqual({ id: adminId, displayName: '佐藤', role: 'admin' });
    expect(session.currentStaffId()).toBe(String(adminId));
    expect(kinds().at(-1)).toMatchObject({ kind: 'session.login', actor: String(adminId), outcome: 'ok' });
  });

  it('wipes the passcode buffer it was given, right or wrong', () => {
    const right = Buffer.from('2468');
    session.unlock(adminId, right);
    expect([...right]).toEqual([0, 0, 0, 0]);
    const wrong = Buffer.from('1111');
    expect(() => session.unlock(adminId, wrong)).toThrow();
    expect([...wrong]).toEqual([0, 0, 0, 0]);
  });

  it('says how many tries are left, then locks the clerk out, and the lockout survives a new session', () => {
    for (let i = 4; i >= 1; i--) {
      expect(() => session.unlock(adminId, Buffer.from('0000'))).toThrow(`あと${i}回誤るとロックされます`);
    }
    expect(() => session.unlock(adminId, Buffer.from('0000'))).toThrow(/ロックされています/);
    const restarted = new CartSession({ staff: new StaffDirectory(opened.store), audit: opened.log, idleSeconds: () => 120 });
    expect(() => restarted.unlock(adminId, Buffer.from('2468'))).toThrow(/管理者にロック解除を依頼/);
    expect(session.current()).toBeNull();
    expect(kinds().filter((k) => k.kind === 'session.login').map((k) => k.outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'locked-out']);
  });

  it('locks itself when idle and tells listeners to drop patient data', () => {
    let dropped = 0;
    session.onIdle(() => dropped++);
    session.unlock(adminId, Buffer.from('2468'));
    expect(fire).not.toBeNull();
    fire!();
    expect(session.current()).toBeNull();
    expect(dropped).toBe(1);
    expect(kinds().at(-1)).toMatchObject({ kind: 'session.lock', cause: 'idle' });
  });

  it('locks and drops patient data even when the audit log refuses the row (a broken chain), also from the idle timer', () => {
    let dropped = 0;
    session.onIdle(() => dropped++);
    session.unlock(adminId, Buffer.from('2468'));
    const append = opened.log.append.bind(opened.log);
    opened.log.append = () => {
      throw new Error('監査ログの改ざんを検知したため、記録できません。');
    };
    try {
      expect(() => fire!()).not.toThrow();
      expect(session.current()).toBeNull();
      expect(dropped).toBe(1);
    } finally {
      opened.log.append = append;
    }
  });

  it('remembers why it locked until the next unlock, so the screen can say the data was cleared', () => {
    expect(session.lockCause()).toBeNull();
    session.unlock(adminId, Buffer.from('2468'));
    fire!();
    expect(session.lockCause()).toBe('idle');
    session.unlock(adminId, Buffer.from('2468'));
    expect(session.lockCause()).toBeNull();
    session.lock('manual');
    expect(session.lockCause()).toBe('manual');
  });

  it('restarts the idle countdown on activity, and not while locked', () => {
    session.touch();
    expect(fire).toBeNull();
    session.unlock(adminId, Buffer.from('2468'));
    const first = fire;
    session.touch();
    expect(fire).not.toBe(first);
  });

  it('refuses admin work to a clerk', () => {
    const clerkId = staff.add({ displayName: '田中', role: 'clerk', passcode: Buffer.from('1357') }).id;
    expect(() => session.requireAdmin()).toThrow(/ロックされています/);
    session.unlock(clerkId, Buffer.from('1357'));
    expect(() => session.requireAdmin()).toThrow(/管理者のみ/);
  });

  it('never writes a passcode into the database or its WAL', () => {
    session.unlock(adminId, Buffer.from('2468'));
    expect(() => session.unlock(adminId, Buffer.from('9753'))).toThrow();
    for (const file of readdirSync(dir).filter((f) => f.includes('.db'))) {
      const bytes = readFileSync(path.join(dir, file));
      expect(bytes.includes(Buffer.from('9753')), file).toBe(false);
      expect(bytes.includes(Buffer.from('9753', 'utf16le')), file).toBe(false);
    }
  });
});

describe('while the audit chain is broken', () => {
  it('lets only an administrator in, records nothing until she accepts the break, then records again', async () => {
    const clerkId = staff.add({ displayName: '田中', role: 'clerk', passcode: Buffer.from('1357') }).id;
    session.unlock(adminId, Buffer.from('2468'));
    session.lock('manual');
    opened.store.db.prepare("UPDATE audit_log SET content = replace(content, 'manual', 'idle') WHERE seq = (SELECT max(seq) FROM audit_log)").run();
    // What the app does on start: verification finds the edited row and stops the log.
    await opened.log.verify({ full: false });
    const broken = session.auditBreak();
    expect(broken).toMatchObject({ problem: 'mac-mismatch' });
    const rows = kinds().length;

    expect(() => session.unlock(clerkId, Buffer.from('1357'))).toThrow(expect.objectContaining({ code: 'AUDIT_CHAIN_BROKEN' }));
    expect(session.current()).toBeNull();
    expect(() => session.acknowledgeAuditBreak(broken!.seq)).toThrow(expect.objectContaining({ code: 'SESSION_LOCKED' }));

    // A mistyped passcode is told as such, and counted, though it cannot be recorded.
    expect(() => session.unlock(adminId, Buffer.from('0000'))).toThrow(expect.objectContaining({ code: 'SESSION_PASSCODE_WRONG' }));
    expect(session.unlock(adminId, Buffer.from('2468')).role).toBe('admin');
    expect(kinds()).toHaveLength(rows);
    expect(() => session.acknowledgeAuditBreak(broken!.seq + 1)).toThrow(expect.objectContaining({ code: 'AUDIT_BREAK_MISMATCH' }));
    session.acknowledgeAuditBreak(broken!.seq);
    expect(session.auditBreak()).toBeNull();
    expect(kinds().at(-1)).toMatchObject({ kind: 'admin.acknowledge', actor: String(adminId), breakAt: broken!.seq, problem: 'mac-mismatch' });
    session.lock('manual');
    expect(kinds().at(-1)).toMatchObject({ kind: 'session.lock', actor: String(adminId) });
    expect(session.unlock(clerkId, Buffer.from('1357')).role).toBe('clerk');
  });
});
