/**
 * The clerk's and patient's clicks that start a real check, shared by the flow suite and the
 * renderer benchmark: 往診, every item agreed by the patient, then the card read, up to the
 * identity step.
 */
import type { Page } from 'playwright-core';

export const stepOf = (page: Page) => page.getByTestId('check').getAttribute('data-step');

/** Resolves once the check shows a step matching `pattern` (the data-step attribute). */
export async function waitForStep(page: Page, pattern: RegExp, timeout = 15_000): Promise<string> {
  const handle = await page.waitForFunction(
    (source) => {
      const step = document.querySelector('[data-testid="check"]')?.getAttribute('data-step') ?? '';
      return new RegExp(source).test(step) ? step : null;
    },
    pattern.source,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/** Up to the moment the consent is confirmed and the check turns to the card. */
export async function startCheckToCard(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/check`);
  await page.getByRole('button', { name: '新しい資格確認を始める' }).click();
  await page.getByRole('radio', { name: /^往診/ }).check();
  await page.getByRole('button', { name: /次へ/ }).click();
  await page.getByRole('button', { name: 'すべて同意する' }).click();
  await page.getByRole('button', { name: '確定する' }).click();
}

export async function startCheckToIdentity(page: Page, origin: string): Promise<void> {
  await startCheckToCard(page, origin);
  await waitForStep(page, /^identity\./);
}
