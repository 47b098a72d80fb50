/**
 * Whole checks as a clerk and a patient do them, in Chromium against the real services host of
 * `npm run web` (研修モード: the consent gateway simulator, the simulated 資格確認端末), with the
 * virtual My Number card in its own process behind the real pcscd. Each flow ends on what the
 * clerk sees; every screen on the way is checked with axe and saved as a screenshot.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualCardOptions } from '../../native/virtual-card/config';
import { trainingCardholder } from '../../main/oqs/population';
import { VirtualCardProcess } from '../harness/virtual-card-process';
import { launchChromium, openCartTab, saveScreenshot } from '../helpers/browser';
import { startWebProcess, type WebProcess } from '../helpers/web-process';
import { seriousViolations } from './axe';
import { startCheckToCard, startCheckToIdentity, stepOf } from './check-steps';
import { ADMIN, setUpAndUnlock, unlockOnScreen } from './sign-in';

/** A person the simulator knows, with insurance use registered and a current qualification. */
const PATIENT = trainingCardholder();
const PIN = '1234';

let web: WebProcess;
let browser: Browser;
let page: Page;
let card: VirtualCardProcess | null = null;
const pageErrors: string[] = [];

async function accessibleAndSaved(name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await saveScreenshot(page, `flow-${name}`);
}

const step = () => stepOf(page);

async function insertCard(options: VirtualCardOptions = {}): Promise<void> {
  card = await VirtualCardProcess.insert({ cardholderId: PATIENT.CardholderId!, ...options });
}

const throughConsentAndCard = () => startCheckToIdentity(page, web.origin);

/** The patient takes the PIN (from the clerk's choice, if it is up) and types it on the pad. */
async function enterPin(pin: string): Promise<void> {
  if ((await step()) === 'identity.choosing') await page.getByRole('button', { name: '暗証番号（ご本人が入力）' }).click();
  await page.getByRole('heading', { name: '暗証番号を入力してください' }).waitFor();
  await page.keyboard.type(pin);
}

/** The clerk compares the card's photo with the patient and confirms with their own passcode. */
async function confirmVisually(button = '目視確認（職員が顔写真と照合）'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('heading', { name: '目視確認' }).waitFor();
  await page.keyboard.type(ADMIN.passcode);
}

async function expectPatientResult(): Promise<void> {
  await expect.poll(step, { timeout: 15_000 }).toMatch(/^(result|interrupted)$/);
  // An interruption fails with the sentence the clerk would read.
  const interruption = (await step()) === 'interrupted' ? await page.getByTestId('interruption-message').textContent() : null;
  expect(interruption).toBeNull();
  expect(await page.getByTestId('q-name').textContent()).toContain(PATIENT.Name);
}

async function finishCheck(): Promise<void> {
  await page.getByRole('button', { name: '終了（画面から消去）' }).click();
  await expect.poll(step).toBe('ended');
  expect(await page.textContent('body')).not.toContain(PATIENT.Name);
}

beforeAll(async () => {
  web = await startWebProcess();
  browser = await launchChromium();
  page = await openCartTab(browser, pageErrors);
  await page.goto(web.url);
  await setUpAndUnlock(page);
});

afterEach(async () => {
  await card?.stop();
  card = null;
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('a check from the care setting to the result', () => {
  it('by PIN: the patient types it, the clerk sees the qualification', async () => {
    await insertCard();
    await throughConsentAndCard();
    expect(await page.getByTestId('tries-left').textContent()).toBe('暗証番号の残り回数：3回');
    await enterPin(PIN);
    await expectPatientResult();
    expect(await page.getByTestId('q-address').textContent()).toContain(PATIENT.Address);
    expect(await page.getByTestId('q-ratio').textContent()).toMatch(/^\d割（.+）/);
    await accessibleAndSaved('pin-result');
    await finishCheck();
  });

  it('a wrong PIN says so with the tries left, then the right one goes through', async () => {
    await insertCard();
    await throughConsentAndCard();
    await enterPin('9999');
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('暗証番号');
    expect(await page.getByTestId('tries-left').textContent()).toBe('暗証番号の残り回数：2回');
    await accessibleAndSaved('pin-wrong');
    await page.keyboard.type(PIN);
    await expectPatientResult();
    await finishCheck();
  });

  it('by 目視: the clerk compares the photo and confirms with their own passcode', async () => {
    await insertCard();
    await throughConsentAndCard();
    await confirmVisually();
    await expectPatientResult();
    await finishCheck();
  });

  it('a blocked PIN shows the reset routes, and 目視 completes the check', async () => {
    await insertCard({ authPinTries: 0 });
    await throughConsentAndCard();
    await page.getByRole('heading', { name: '暗証番号がロックされています' }).waitFor();
    expect(await page.getByTestId('reset-routes').textContent()).not.toBe('');
    await accessibleAndSaved('blocked');
    await confirmVisually('目視確認に切り替える');
    await expectPatientResult();
    await finishCheck();
  });

  it('a card pulled in the middle of the read asks for it again, and the check goes on when it is back', async () => {
    // The card leaves the reader during its third command (the certificate is being read).
    await insertCard({ faults: { removeAtCommand: 3 } });
    await startCheckToCard(page, web.origin);
    await expect.poll(() => page.getByTestId('card-problem').textContent(), { timeout: 15_000 }).toContain('カードが外れました');
    await accessibleAndSaved('card-pulled');
    await card!.putBack();
    await expect.poll(step, { timeout: 15_000 }).toMatch(/^identity\./);
    await enterPin(PIN);
    await expectPatientResult();
    await finishCheck();
  });

  it('the network cut during the registration shows the official fallbacks; back up, もう一度試す reaches the result', async () => {
    await insertCard();
    await throughConsentAndCard();
    await page.getByRole('button', { name: '暗証番号（ご本人が入力）' }).click();
    await page.getByRole('heading', { name: '暗証番号を入力してください' }).waitFor();
    // The PIN pad is up, so the challenge has come: the cut hits the consent registration itself.
    await page.getByRole('button', { name: '通信を切る（通信障害の練習）' }).click();
    await expect.poll(() => page.getByTestId('training-status').textContent()).toContain('切れています');
    await page.keyboard.type(PIN);
    await expect.poll(step, { timeout: 15_000 }).toBe('interrupted');
    expect(await page.getByTestId('interruption-message').textContent()).toContain('接続できません');
    expect(await page.getByRole('button', { name: '「資格情報のお知らせ」で確認した' }).isVisible()).toBe(true);
    await accessibleAndSaved('offline');
    await page.getByRole('button', { name: '通信を戻す' }).click();
    await page.getByRole('button', { name: 'もう一度試す' }).click();
    await expect.poll(step, { timeout: 15_000 }).toMatch(/^(identity\.|result)/);
    // Where the check resumes, the patient proves who they are again (nothing of the PIN is kept).
    if ((await step()) !== 'result') await enterPin(PIN);
    await expectPatientResult();
    await finishCheck();
  });

  it('registers a 照会番号 from the result in one step, and it is in the list', async () => {
    await insertCard();
    await throughConsentAndCard();
    await enterPin(PIN);
    await expectPatientResult();
    await page.getByLabel('照会番号（診察券番号など）').fill('C-000777');
    await page.getByRole('button', { name: '照会番号を登録して終了' }).click();
    await expect.poll(step, { timeout: 30_000 }).toBe('ended');
    await page.goto(`${web.origin}/#/references`);
    await expect.poll(() => page.getByTestId('reference-table').textContent()).toContain('C-000777');
    expect(await page.getByTestId('reference-table').textContent()).toContain(PATIENT.InsurerNumber);
  });

  it('the idle lock with the result on screen clears the patient data; after unlocking it is gone', { timeout: 120_000 }, async () => {
    const set = await page.evaluate(() =>
      (window as unknown as { onshi: import('../../main/contract').OnshiApi }).onshi.invoke('settings.update', { idleLockSeconds: 30 }),
    );
    expect(set.ok).toBe(true);
    // The next unlock counts with the new idle time.
    await page.getByRole('button', { name: 'ロックする' }).click();
    await unlockOnScreen(page);
    await insertCard();
    await throughConsentAndCard();
    await confirmVisually();
    await expectPatientResult();
    // No input from here on: the host's idle timer ends the check and locks the cart.
    await page.getByTestId('idle-locked').waitFor({ timeout: 45_000 });
    expect(await page.textContent('body')).not.toContain(PATIENT.Name);
    await accessibleAndSaved('idle-locked');
    await unlockOnScreen(page);
    await page.goto(`${web.origin}/#/check`);
    await expect.poll(step).not.toBe('result');
    expect(await page.textContent('body')).not.toContain(PATIENT.Name);
    // Back to the usual idle time for the cases after this one.
    await page.evaluate(() => (window as unknown as { onshi: import('../../main/contract').OnshiApi }).onshi.invoke('settings.update', { idleLockSeconds: 120 }));
  });

  it("lists today's checks with the patient, the clerk and how each ended", async () => {
    await page.goto(`${web.origin}/#/today`);
    await page.getByTestId('today-table').waitFor();
    const rows = await page.getByTestId('today-table').locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.every((r) => r.includes(PATIENT.Name) && r.includes(ADMIN.name))).toBe(true);
    expect(rows.filter((r) => r.includes('操作がなく終了'))).toHaveLength(1);
    expect(rows.filter((r) => r.includes('資格確認済み'))).toHaveLength(rows.length - 1);
    await accessibleAndSaved('today');
  });

  it('ran without script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
