/**
 * This cart's identity toward OQS: 機関コード, the user ID of its account on the 資格確認端末, and
 * the credential activation returned (sealed with the data key). Deactivation wipes the credential.
 */
import { AppError } from '../contract/errors';
import { isValidMedicalInstitutionCode } from '../common/check-digits';
import type { StoreDatabase } from './database';

export type ActivationState = 'unactivated' | 'activated' | 'deactivated';

export interface DeviceInfo {
  institutionCode: string | null;
  userId: string | null;
  state: ActivationState;
  activatedAt: string | null;
}

const CREDENTIAL_CONTEXT = 'device.credential';
const USER_ID = /^[A-Za-z0-9]{2,8}$/;

export const DeviceErrors = {
  institutionCode: () => new AppError('DEVICE_INSTITUTION_CODE', '医療機関コードは10桁の数字で、検証番号が正しいものを入力してください。'),
  userId: () => new AppError('DEVICE_USER_ID', 'ユーザーIDは半角英数字2〜8文字で入力してください。'),
  notActivated: () => new AppError('DEVICE_NOT_ACTIVATED', 'この端末はアクティベートされていません。管理者が初期設定を行ってください。'),
};

export function checkInstitutionCode(code: string): void {
  if (!/^\d{10}$/.test(code) || !isValidMedicalInstitutionCode(code)) throw DeviceErrors.institutionCode();
}

export function checkUserId(userId: string): void {
  if (!USER_ID.test(userId)) throw DeviceErrors.userId();
}

export class DeviceRecord {
  constructor(private readonly store: StoreDatabase, private readonly now: () => Date = () => new Date()) {}

  read(): DeviceInfo {
    const row = this.store.db.prepare('SELECT institution_code, user_id, state, activated_at FROM device WHERE id = 1').get() as
      | { institution_code: string | null; user_id: string | null; state: ActivationState; activated_at: string | null }
      | undefined;
    if (!row) return { institutionCode: null, userId: null, state: 'unactivated', activatedAt: null };
    return { institutionCode: row.institution_code, userId: row.user_id, state: row.state, activatedAt: row.activated_at };
  }

  activate(input: { institutionCode: string; userId: string; credential: Uint8Array }): DeviceInfo {
    checkInstitutionCode(input.institutionCode);
    checkUserId(input.userId);
    const at = this.now().toISOString();
    this.store.db
      .prepare(
        `INSERT INTO device (id, institution_code, user_id, credential, state, activated_at, updated_at)
         VALUES (1, ?, ?, ?, 'activated', ?, ?)
         ON CONFLICT (id) DO UPDATE SET institution_code = excluded.institution_code, user_id = excluded.user_id,
           credential = excluded.credential, state = 'activated', activated_at = excluded.activated_at, updated_at = excluded.updated_at`,
      )
      .run(input.institutionCode, input.userId, this.store.crypto.seal(input.credential, CREDENTIAL_CONTEXT), at, at);
    return this.read();
  }

  credential(): Buffer {
    const sealed = this.store.db.prepare("SELECT credential FROM device WHERE id = 1 AND state = 'activated'").pluck().get() as Buffer | null | undefined;
    if (!sealed) throw DeviceErrors.notActivated();
    return this.store.crypto.openBytes(sealed, CREDENTIAL_CONTEXT);
  }

  /** Wipes the credential for good (secure_delete + truncated WAL); code and user ID stay for re-activation. */
  deactivate(): DeviceInfo {
    this.store.db.prepare("UPDATE device SET credential = NULL, state = 'deactivated', updated_at = ? WHERE id = 1").run(this.now().toISOString());
    this.store.purgeFreedPages();
    return this.read();
  }
}
