/** Bad virtual-card settings and test-PKI inputs are refused with a clear reason and change nothing. */
import { describe, expect, it } from 'vitest';
import { VirtualMyNumberCard } from '../../../native/virtual-card/card';
import { VirtualCardConfigSchema } from '../../../native/virtual-card/config';
import { revokedSerials, revokeSerial, testKey } from '../../../native/virtual-card/test-pki';

describe('virtual card settings', () => {
  it('defaults to a working card: PIN 1234 with 3 tries, password with 5, a valid certificate', () => {
    expect(VirtualCardConfigSchema.parse({})).toMatchObject({ kind: 'my-number', authPin: '1234', authPinTries: 3, signPasswordTries: 5, certificate: 'valid' });
  });

  it.each([
    ['a PIN that is not 4 digits', { authPin: '123' }, 'authPin'],
    ['more tries than the card has', { authPinTries: 4 }, 'authPinTries'],
    ['a lower-case signature password', { signPassword: 'test1234' }, 'signPassword'],
    ['a password without a digit', { signPassword: 'TESTTEST' }, 'signPassword'],
    ['an unknown certificate state', { certificate: 'stolen' }, 'certificate'],
    ['an unknown setting', { pinn: '1234' }, ''],
    ['a My Number of 11 digits', { textAp: { myNumber: '12345678901' } }, 'textAp.myNumber'],
    ['a garbage chance above 1', { faults: { garbage: 2 } }, 'faults.garbage'],
    ['a mute prefix that is not hex', { faults: { muteOnPrefix: '0G' } }, 'faults.muteOnPrefix'],
  ])('refuses %s', (_name, options, where) => {
    const parsed = VirtualCardConfigSchema.safeParse(options);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(where);
    expect(() => new VirtualMyNumberCard(options as never)).toThrow();
  });

  it('test PKI refuses a bad key slot and a serial that is not hex, leaving the revoked list as it was', () => {
    const before = [...revokedSerials()].sort();
    expect(() => testKey('../etc')).toThrow(/slot/);
    expect(() => revokeSerial('12 34')).toThrow(/hex/);
    expect([...revokedSerials()].sort()).toEqual(before);
  });
});
