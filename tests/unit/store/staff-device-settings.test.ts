import { afterEach, describe, expect, it } from 'vitest';
import { DeviceRecord } from '../../../main/store/device';
import { readSettings, updateSettings } from '../../../main/store/settings';
import { MAX_PASSCODE_FAILURES, StaffDirectory } from '../../../main/store/staff';
import { tempStore, type TempStore } from './temp-store';
import { thrownCode } from '../../helpers/error-code';

let tmp: TempStore;
afterEach(() => tmp.cleanup());
const pin = (s: string) => Buffer.from(s, 'ascii');

describe('staff passcodes', () => {
  it('verifies the right passcode and stores only a salted hash', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const staff = new StaffDirectory(store);
    const a = staff.add({ displayName: '受付 一郎', role: 'clerk', passcode: pin('4821') });
    const b = staff.add({ displayName: '受付 二郎', role: 'clerk', passcode: pin('4821') });
    expect(staff.verifyPasscode(a.id, pin('4821'))).toEqual({ ok: true });
    expect(staff.verifyPasscode(a.id, pin('4822'))).toEqual({ ok: false, remainingTries: MAX_PASSCODE_FAILURES - 1, locked: false });
    const hashes = store.db.prepare('SELECT passcode_hash FROM staff').pluck().all() as Buffer[];
    expect(hashes[0]?.equals(hashes[1] as Buffer)).toBe(false);
    expect(hashes.some((h) => h.includes(pin('4821')))).toBe(false);
    expect(b.role).toBe('clerk');
  });

  it('locks after repeated failures, stays locked across a restart, and an admin unlocks', async () => {
    tmp = tempStore();
    let store = await tmp.open();
    let staff = new StaffDirectory(store);
    const clerk = staff.add({ displayName: '受付', role: 'clerk', passcode: pin('1357') });
    for (let i = 1; i < MAX_PASSCODE_FAILURES; i++) staff.verifyPasscode(clerk.id, pin('0000'));
    store.close();
    store = await tmp.open();
    staff = new StaffDirectory(store);
    expect(staff.verifyPasscode(clerk.id, pin('0000'))).toEqual({ ok: false, remainingTries: 0, locked: true });
    store.close();
    store = await tmp.open();
    staff = new StaffDirectory(store);
    expect(thrownCode(() => staff.verifyPasscode(clerk.id, pin('1357')))).toBe('STAFF_LOCKED');
    expect(staff.unlock(clerk.id).locked).toBe(false);
    expect(staff.verifyPasscode(clerk.id, pin('1357'))).toEqual({ ok: true });
  });

  it('refuses bad input and writes nothing', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const staff = new StaffDirectory(store);
    expect(thrownCode(() => staff.add({ displayName: '受付', role: 'clerk', passcode: pin('12a4') }))).toBe('STAFF_PASSCODE_FORMAT');
    expect(thrownCode(() => staff.add({ displayName: '受付', role: 'clerk', passcode: pin('12345') }))).toBe('STAFF_PASSCODE_FORMAT');
    expect(thrownCode(() => staff.add({ displayName: '  ', role: 'clerk', passcode: pin('1234') }))).toBe('STAFF_NAME_INVALID');
    expect(thrownCode(() => staff.add({ displayName: '受付', role: 'boss' as 'admin', passcode: pin('1234') }))).toBe('STAFF_ROLE_INVALID');
    expect(staff.list()).toEqual([]);
    const admin = staff.add({ displayName: '管理', role: 'admin', passcode: pin('9999') });
    expect(thrownCode(() => staff.remove(admin.id))).toBe('STAFF_LAST_ADMIN');
  });
});

describe('device', () => {
  it('activates with a valid 機関コード and user ID, keeps the credential sealed, and deactivation wipes it', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const device = new DeviceRecord(store);
    expect(device.read().state).toBe('unactivated');
    expect(thrownCode(() => device.credential())).toBe('DEVICE_NOT_ACTIVATED');
    device.activate({ institutionCode: '0110113719', userId: 'cart01', credential: Buffer.from('credential-xyz') });
    expect(device.read()).toMatchObject({ institutionCode: '0110113719', userId: 'cart01', state: 'activated' });
    expect(device.credential().toString()).toBe('credential-xyz');
    const raw = store.db.prepare('SELECT credential FROM device').pluck().get() as Buffer;
    expect(raw.includes(Buffer.from('credential-xyz'))).toBe(false);
    expect(device.deactivate().state).toBe('deactivated');
    expect(store.db.prepare('SELECT credential FROM device').pluck().get()).toBeNull();
    expect(thrownCode(() => device.credential())).toBe('DEVICE_NOT_ACTIVATED');
  });

  it('refuses a wrong check digit and bad user IDs', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const device = new DeviceRecord(store);
    expect(thrownCode(() => device.activate({ institutionCode: '0110113718', userId: 'cart01', credential: Buffer.from('x') }))).toBe('DEVICE_INSTITUTION_CODE');
    for (const userId of ['a', 'abcdefghi', 'ｃａｒｔ', 'cart-1']) {
      expect(thrownCode(() => device.activate({ institutionCode: '0110113719', userId, credential: Buffer.from('x') }))).toBe('DEVICE_USER_ID');
    }
    expect(device.read().state).toBe('unactivated');
  });
});

describe('settings', () => {
  it('starts from defaults, saves a change, and refuses an invalid one without writing', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    expect(readSettings(store)).toMatchObject({ enabledConsentItems: ['diagnosis', 'medication', 'checkup', 'operation'], electronicPrescription: false, checkRetentionDays: 30, language: 'ja' });
    updateSettings(store, { enabledConsentItems: ['medication', 'diagnosis'], electronicPrescription: true, idleLockSeconds: 300 });
    expect(readSettings(store)).toMatchObject({ enabledConsentItems: ['medication', 'diagnosis'], electronicPrescription: true, idleLockSeconds: 300 });
    expect(thrownCode(() => updateSettings(store, { enabledConsentItems: [] }))).toBe('SETTINGS_INVALID');
    expect(thrownCode(() => updateSettings(store, { idleLockSeconds: 5, language: 'en' }))).toBe('SETTINGS_INVALID');
    expect(readSettings(store)).toMatchObject({ enabledConsentItems: ['medication', 'diagnosis'], idleLockSeconds: 300, language: 'ja' });
  });
});
