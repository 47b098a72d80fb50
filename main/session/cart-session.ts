/**
 * Who is at the cart. A clerk unlocks with their 4-digit passcode; the cart locks itself after the
 * idle time in settings (or when told), and everyone listening — the check above all — hears that
 * it idled, so patient data leaves the screen. Logins and locks go to the audit log. While the
 * audit chain is broken nothing can be recorded, so only an administrator may unlock, to accept
 * the break; that acceptance is the row that records who it was.
 */
import { AppError } from '../contract/errors';
import type { AuditLog } from '../audit/audit-log';
import { AuditErrors } from '../audit/errors';
import type { ChainBreak } from '../audit/verify-span';
import type { StaffDirectory, StaffMember } from '../store/staff';

export type LockCause = 'idle' | 'manual' | 'shutdown';

export interface SignedInClerk {
  readonly id: number;
  readonly displayName: string;
  readonly role: 'clerk' | 'admin';
}

export interface CartSessionDeps {
  readonly staff: StaffDirectory;
  readonly audit: AuditLog;
  /** Seconds without activity before the cart locks (read at every activity: settings may change). */
  readonly idleSeconds: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => { cancel(): void };
}

export const SessionErrors = {
  wrongPasscode: (remaining: number) =>
    new AppError('SESSION_PASSCODE_WRONG', `パスコードが違います。あと${remaining}回誤るとロックされます。`),
  lockedOut: () => new AppError('STAFF_LOCKED', 'パスコードの誤りが続いたためロックされています。管理者にロック解除を依頼してください。'),
  notSignedIn: () => new AppError('SESSION_LOCKED', '画面がロックされています。パスコードでロックを解除してください。'),
  adminOnly: () => new AppError('SESSION_ADMIN_ONLY', 'この操作は管理者のみ行えます。管理者でロックを解除してください。'),
};

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  t.unref?.();
  return { cancel: () => clearTimeout(t) };
};

export class CartSession {
  private clerk: SignedInClerk | null = null;
  private lastLock: LockCause | null = null;
  private timer: { cancel(): void } | null = null;
  private readonly idleListeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly setTimer: NonNullable<CartSessionDeps['setTimer']>;

  constructor(private readonly deps: CartSessionDeps) {
    this.setTimer = deps.setTimer ?? defaultTimer;
  }

  current(): SignedInClerk | null {
    return this.clerk;
  }

  /** Why the cart is locked now (null while a clerk is signed in, or before anyone signed in). */
  lockCause(): LockCause | null {
    return this.clerk ? null : this.lastLock;
  }

  currentStaffId(): string | null {
    return this.clerk ? String(this.clerk.id) : null;
  }

  /** The passcode is wiped from its buffer as soon as it has been checked. */
  unlock(staffId: number, passcode: Uint8Array): SignedInClerk {
    let member: StaffMember;
    try {
      const result = this.deps.staff.verifyPasscode(staffId, passcode);
      member = this.deps.staff.get(staffId);
      if (!result.ok) {
        // With the log stopped the attempt cannot be recorded; the passcode's own counter still counts it.
        if (!this.auditBreak()) this.deps.audit.append({ kind: 'session.login', actor: String(staffId), outcome: result.locked ? 'locked-out' : 'failed' });
        throw result.locked ? SessionErrors.lockedOut() : SessionErrors.wrongPasscode(result.remainingTries);
      }
    } finally {
      passcode.fill(0);
    }
    const broken = this.auditBreak();
    if (broken && member.role !== 'admin') throw AuditErrors.chainBroken(broken.seq, broken.problem);
    // Recorded before the clerk counts as signed in: a login the log refused leaves the cart locked.
    if (!broken) this.deps.audit.append({ kind: 'session.login', actor: String(member.id), outcome: 'ok' });
    this.clerk = { id: member.id, displayName: member.displayName, role: member.role };
    this.touch();
    this.changed();
    return this.clerk;
  }

  lock(cause: LockCause): void {
    const clerk = this.clerk;
    this.timer?.cancel();
    this.timer = null;
    if (!clerk) return;
    this.clerk = null;
    this.lastLock = cause;
    try {
      this.deps.audit.append({ kind: 'session.lock', actor: String(clerk.id), cause });
    } finally {
      // Locked either way: a row the audit log refuses (a broken chain) must not keep patient data on screen.
      for (const listener of this.idleListeners) listener();
      this.changed();
    }
  }

  /** Any clerk or patient input: restarts the idle countdown. */
  touch(): void {
    if (!this.clerk) return;
    this.timer?.cancel();
    this.timer = this.setTimer(() => this.lockWhenIdle(), this.deps.idleSeconds() * 1000);
  }

  /** From the timer, where nobody could catch: the lock has happened even if its audit row failed, and the broken chain reports itself. */
  private lockWhenIdle(): void {
    try {
      this.lock('idle');
    } catch {
      // See above: the refusal is the audit log's to report, the lock stands.
    }
  }

  /** The break that stops the audit log, or null while it records. */
  auditBreak(): ChainBreak | null {
    return this.deps.audit.status().break ?? null;
  }

  /** The signed-in administrator accepts the break the log reports; recording resumes. */
  acknowledgeAuditBreak(breakAt: number): number {
    const admin = this.requireAdmin();
    const { seq } = this.deps.audit.acknowledgeBreak(String(admin.id), breakAt);
    this.changed();
    return seq;
  }

  requireClerk(): SignedInClerk {
    if (!this.clerk) throw SessionErrors.notSignedIn();
    return this.clerk;
  }

  requireAdmin(): SignedInClerk {
    const clerk = this.requireClerk();
    if (clerk.role !== 'admin') throw SessionErrors.adminOnly();
    return clerk;
  }

  /** Called when the cart locks, for any reason: whoever shows patient data must drop it. */
  onIdle(listener: () => void): () => void {
    this.idleListeners.add(listener);
    return () => this.idleListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
