/**
 * For suites about other screens: a cart that is set up (the training account, one administrator)
 * and unlocked on screen. The set-up itself is clicked through, refusals included, in
 * session-gate.test.ts; here it goes through the same bridge calls the set-up screen makes.
 */
import type { Page } from 'playwright-core';
import type { OnshiApi } from '../../main/contract';

export const ADMIN = { name: '管理 花子', passcode: '2580' } as const;

/** Activates with the simulator's ready account and registers the administrator, if not done yet. */
export async function setUpThroughBridge(page: Page): Promise<void> {
  await page.waitForFunction(() => 'onshi' in window);
  const failure = await page.evaluate(async (admin) => {
    const onshi = (window as unknown as { onshi: OnshiApi }).onshi;
    const state = await onshi.invoke('session.state', {});
    if (!state.ok) return state.error.message;
    if (state.value.device.state !== 'activated') {
      const account = state.value.trainingAccount;
      if (!account) return 'not in 研修モード';
      const activated = await onshi.invoke('setup.activate', account);
      if (!activated.ok) return activated.error.message;
    }
    if (!state.value.staff.some((m) => m.role === 'admin')) {
      const added = await onshi.invoke('setup.addStaff', { displayName: admin.name, role: 'admin', passcode: admin.passcode });
      if (!added.ok) return added.error.message;
    }
    return null;
  }, ADMIN);
  if (failure) throw new Error(`set-up through the bridge failed: ${failure}`);
}

/** Presses the digits on the screen's pad (where a text field has the focus, keys belong to it). */
export async function tapOnPad(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.locator('.digit-pad').getByRole('button', { name: digit, exact: true }).click();
}

/** Types the passcode on the unlock screen's pad (the keyboard's digits), as a clerk would. */
export async function unlockOnScreen(page: Page, passcode: string = ADMIN.passcode): Promise<void> {
  await page.getByRole('heading', { name: 'ロック解除' }).waitFor();
  await page.keyboard.type(passcode);
  await page.getByTestId('signed-in-clerk').waitFor();
}

export async function setUpAndUnlock(page: Page): Promise<void> {
  await setUpThroughBridge(page);
  await unlockOnScreen(page);
}
