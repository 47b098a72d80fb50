/**
 * Clerks and admins with their local passcode. A failed try is counted in the database before the
 * hash is even computed, so neither a restart nor a killed process gives back a try.
 */
import { z } from 'zod';
import { AppError } from '../contract/errors';
import type { StoreDatabase } from './database';
import { hashPasscode, isPasscodeShape, passcodeMatches } from './passcode-hash';

export const MAX_PASSCODE_FAILURES = 5;

export const StaffRoleSchema = z.enum(['clerk', 'admin']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;
export const DisplayNameSchema = z.string().trim().min(1).max(40);

export interface StaffMember {
  id: number;
  displayName: string;
  role: StaffRole;
  failedAttempts: number;
  locked: boolean;
}

export type PasscodeResult = { ok: true } | { ok: false; remainingTries: number; locked: boolean };

const StaffErrors = {
  notFound: () => new AppError('STAFF_NOT_FOUND', '職員が見つかりません。一覧を更新してください。'),
  badPasscode: () => new AppError('STAFF_PASSCODE_FORMAT', 'パスコードは数字4桁で入力してください。'),
  badName: () => new AppError('STAFF_NAME_INVALID', '表示名を1〜40文字で入力してください。'),
  locked: () => new AppError('STAFF_LOCKED', 'パスコードの誤りが続いたためロックされています。管理者にロック解除を依頼してください。'),
  lastAdmin: () => new AppError('STAFF_LAST_ADMIN', '管理者が1人もいなくなるため削除できません。先に別の管理者を登録してください。'),
};

interface StaffRow { id: number; display_name: string; role: StaffRole; failed_attempts: number; locked_at: string | null; passcode_hash: Buffer }

function toMember(r: StaffRow): StaffMember {
  return { id: r.id, displayName: r.display_name, role: r.role, failedAttempts: r.failed_attempts, locked: r.locked_at !== null };
}

export class StaffDirectory {
  private readonly pepper: Buffer;

  constructor(private readonly store: StoreDatabase, private readonly now: () => Date = () => new Date()) {
    this.pepper = store.crypto.deriveKey('staff-passcode');
  }

  list(): StaffMember[] {
    return (this.store.db.prepare('SELECT * FROM staff ORDER BY id').all() as StaffRow[]).map(toMember);
  }

  add(input: { displayName: string; role: StaffRole; passcode: Uint8Array }): StaffMember {
    const name = DisplayNameSchema.safeParse(input.displayName);
    if (!name.success) throw StaffErrors.badName();
    if (!StaffRoleSchema.safeParse(input.role).success) throw new AppError('STAFF_ROLE_INVALID', '役割は「事務」か「管理者」を選んでください。');
    if (!isPasscodeShape(input.passcode)) throw StaffErrors.badPasscode();
    const at = this.now().toISOString();
    const id = this.store.db
      .prepare('INSERT INTO staff (display_name, role, passcode_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(name.data, input.role, hashPasscode(this.pepper, input.passcode), at, at).lastInsertRowid;
    return this.get(Number(id));
  }

  get(id: number): StaffMember {
    return toMember(this.row(id));
  }

  verifyPasscode(id: number, passcode: Uint8Array): PasscodeResult {
    const row = this.row(id);
    if (row.locked_at !== null) throw StaffErrors.locked();
    if (!isPasscodeShape(passcode)) throw StaffErrors.badPasscode();
    const failed = row.failed_attempts + 1;
    const lockedAt = failed >= MAX_PASSCODE_FAILURES ? this.now().toISOString() : null;
    this.store.db.prepare('UPDATE staff SET failed_attempts = ?, locked_at = ? WHERE id = ?').run(failed, lockedAt, id);
    if (passcodeMatches(this.pepper, passcode, row.passcode_hash)) {
      this.store.db.prepare('UPDATE staff SET failed_attempts = 0, locked_at = NULL WHERE id = ?').run(id);
      return { ok: true };
    }
    return { ok: false, remainingTries: Math.max(0, MAX_PASSCODE_FAILURES - failed), locked: lockedAt !== null };
  }

  changePasscode(id: number, passcode: Uint8Array): void {
    this.row(id);
    if (!isPasscodeShape(passcode)) throw StaffErrors.badPasscode();
    this.store.db.prepare('UPDATE staff SET passcode_hash = ?, updated_at = ? WHERE id = ?').run(hashPasscode(this.pepper, passcode), this.now().toISOString(), id);
  }

  /** Admin only: the caller checks the acting user's role before calling. */
  unlock(id: number): StaffMember {
    this.row(id);
    this.store.db.prepare('UPDATE staff SET failed_attempts = 0, locked_at = NULL, updated_at = ? WHERE id = ?').run(this.now().toISOString(), id);
    return this.get(id);
  }

  remove(id: number): void {
    const row = this.row(id);
    const admins = this.store.db.prepare("SELECT COUNT(*) FROM staff WHERE role = 'admin'").pluck().get() as number;
    if (row.role === 'admin' && admins <= 1) throw StaffErrors.lastAdmin();
    this.store.db.prepare('DELETE FROM staff WHERE id = ?').run(id);
  }

  private row(id: number): StaffRow {
    const row = this.store.db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
    if (!row) throw StaffErrors.notFound();
    return row;
  }
}
