import { describe, expect, it } from 'vitest';
import { ActivationStep } from '../../../renderer/src/screens/ActivationStep';
import { SetupScreen } from '../../../renderer/src/screens/SetupScreen';
import { UnlockScreen } from '../../../renderer/src/screens/UnlockScreen';
import { endpointProblem, institutionCodeProblem, userIdProblem } from '../../../renderer/src/screens/setup-validation';
import { renderMarkup, textOf } from '../../helpers/render-markup';

describe('機関コード as it is typed', () => {
  it('accepts a 10-digit code whose check digit matches', () => {
    // 13 1 012345 + check digit computed by hand: modulus 10, weights 2-1 from the right.
    expect(institutionCodeProblem('1310123458')).toBeNull();
  });
  it('says how many digits are missing while typing', () => {
    expect(institutionCodeProblem('131')).toEqual({ key: 'setup.problems.codeShort', values: { left: 7 } });
  });
  it('refuses anything but half-width digits', () => {
    expect(institutionCodeProblem('13１0')?.key).toBe('setup.problems.digitsOnly');
    expect(institutionCodeProblem('13-0')?.key).toBe('setup.problems.digitsOnly');
  });
  it('refuses a wrong check digit and too many digits', () => {
    expect(institutionCodeProblem('1310123451')?.key).toBe('setup.problems.checkDigit');
    expect(institutionCodeProblem('13101234580')?.key).toBe('setup.problems.codeLong');
  });
  it('checks the user ID (2–8 half-width alphanumerics) and an https endpoint', () => {
    expect(userIdProblem('cart01')).toBeNull();
    expect(userIdProblem('a')?.key).toBe('setup.problems.userId');
    expect(userIdProblem('cart-01')?.key).toBe('setup.problems.userId');
    expect(userIdProblem('abcdefghi')?.key).toBe('setup.problems.userId');
    expect(endpointProblem('https://oqs.example.jp/api')).toBeNull();
    expect(endpointProblem('http://oqs.example.jp/api')?.key).toBe('setup.problems.https');
    expect(endpointProblem('oqs')?.key).toBe('setup.problems.url');
  });
});

describe('setup and unlock screens', () => {
  const never = () => new Promise<never>(() => undefined);
  it('setup opens on the terms, with registration only after accepting them', async () => {
    const html = await renderMarkup(SetupScreen, { hostMode: 'training', prefill: {}, activated: false, onActivate: never, onAddAdmin: never });
    expect(textOf(html)).toContain('利用規約');
    expect(textOf(html)).toContain('暗証番号は、ご本人だけが入力します');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>次へ</);
  });
  it('an activated device that has no administrator yet goes straight to registering one', async () => {
    const html = await renderMarkup(SetupScreen, { hostMode: 'training', prefill: {}, activated: true, onActivate: never, onAddAdmin: never });
    expect(textOf(html)).toContain('管理者の登録');
    expect(textOf(html)).not.toContain('利用規約に同意します');
    // One role only: set-up registers the administrator, so there is no role to choose.
    expect(html).not.toMatch(/type="radio"/);
  });
  it('the account form in 研修モード is filled with the simulator account, and the password is masked', async () => {
    const prefill = { institutionCode: '1310123458', userId: 'cart01', password: 'training', activationCode: 'ABCD-1234' };
    const html = await renderMarkup(ActivationStep, { hostMode: 'training', prefill, onActivate: never, onActivated: () => undefined });
    expect(html).toContain('value="1310123458"');
    expect(html).toContain('value="cart01"');
    expect(html).toMatch(/type="password"[^>]*value="training"|value="training"[^>]*type="password"/);
    expect(html).toMatch(/<button type="submit"[^>]*>登録する</);
  });
  it('choosing the other mode only saves the endpoints, and asks for no account', async () => {
    const html = await renderMarkup(ActivationStep, { hostMode: 'live', prefill: { mode: 'training' }, onActivate: never, onActivated: () => undefined });
    expect(textOf(html)).toContain('接続先を保存する');
    expect(textOf(html)).not.toContain('機関コード（10桁）');
    expect(html).not.toMatch(/type="password"/);
  });
  it('unlock shows a passcode pad for the only clerk, never a text field', async () => {
    const html = await renderMarkup(UnlockScreen, { clerks: [{ id: 1, name: '佐藤' }], onUnlock: never, idleLocked: true });
    const text = textOf(html);
    expect(text).toContain('佐藤さんのパスコード');
    expect(text).toContain('患者さんの情報を画面から消去しました');
    expect(html).not.toMatch(/<input/);
  });
});
