/**
 * Every check screen in Chromium, in the real built renderer, driven by a scripted host: each step's
 * view is shown, checked with axe, screenshotted, and the user's clicks and keys are asserted as
 * the events the screen sends. The full flows against the real check machine and the virtual card
 * are in the flow suite once the machine is wired into the services host.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckStep, CheckView } from '../../main/contract/channels/check';
import { viewAt } from '../helpers/check-views';
import { launchChromium, openCartTab, saveScreenshot } from '../helpers/browser';
import { startWebProcess, type WebProcess } from '../helpers/web-process';
import { seriousViolations } from './axe';
import { idleLock, onStart, sentEvents, showView, useScriptedHost } from './scripted-host';

let web: WebProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function openPage(): Promise<Page> {
  const p = await openCartTab(browser, pageErrors);
  await useScriptedHost(p);
  return p;
}

async function at(step: CheckStep, overrides: Partial<CheckView> = {}): Promise<void> {
  await showView(page, viewAt(step, overrides));
  await expect.poll(() => page.getByTestId('check').getAttribute('data-step')).toBe(step);
}

async function accessibleAndSaved(name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await saveScreenshot(page, `screens-check-${name}`);
}

async function lastSent() {
  const sent = await sentEvents(page);
  return sent[sent.length - 1];
}

beforeAll(async () => {
  web = await startWebProcess();
  browser = await launchChromium();
  page = await openPage();
  await page.goto(`${web.origin}/#/check`);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('the check screens in Chromium', () => {
  it('starts a check and sends the care setting the clerk chose', async () => {
    await expect.poll(() => page.getByTestId('check').getAttribute('data-step')).toBe('none');
    await accessibleAndSaved('idle');
    await onStart(page, viewAt('careSetting'));
    await page.getByRole('button', { name: '新しい資格確認を始める' }).click();
    await expect.poll(() => page.getByTestId('check').getAttribute('data-step')).toBe('careSetting');
    await accessibleAndSaved('care-setting');
    await page.getByRole('radio', { name: /^往診/ }).check();
    await page.getByRole('button', { name: /次へ/ }).click();
    const sent = await lastSent();
    expect(sent).toMatchObject({ type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null });
    expect(sent?.treatmentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('does not send 通常とは異なる動線 without a reason', async () => {
    await at('careSetting');
    const before = (await sentEvents(page)).length;
    await page.getByRole('radio', { name: /^通常とは異なる動線/ }).check();
    await page.getByRole('button', { name: /次へ/ }).click();
    await expect.poll(() => page.getByText('理由を選んでください。').isVisible()).toBe(true);
    expect((await sentEvents(page)).length).toBe(before);
  });

  it('turns the consent screen to the patient: no clerk menu, equal choices, confirm with 戻る', async () => {
    await at('consent.choosing');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await accessibleAndSaved('consent');
    const agree = await page.getByRole('button', { name: 'すべて同意する' }).boundingBox();
    const disagree = await page.getByRole('button', { name: 'すべて同意しない' }).boundingBox();
    expect(agree?.width).toBeCloseTo(disagree?.width ?? 0, 0);
    expect(agree?.height).toBe(disagree?.height);
    await page.getByRole('button', { name: 'すべて同意する' }).click();
    expect(await lastSent()).toEqual({ type: 'AGREE_ALL' });
    await at('consent.confirming', { consent: { items: viewAt('consent.confirming').consent.items.map((i) => ({ ...i, agreed: true })), enteredBy: 'patient' } });
    await accessibleAndSaved('consent-confirm');
    await page.getByRole('button', { name: '戻る' }).click();
    expect(await lastSent()).toEqual({ type: 'BACK' });
  });

  it('asks for the card and, on a contactless reader, to keep it still', async () => {
    await at('card.waiting', { card: { problem: null, contactless: true, pinTriesLeft: null, pinSet: true } });
    expect(await page.getByRole('heading', { name: 'カードをリーダーに置いてください' }).isVisible()).toBe(true);
    expect(await page.getByTestId('keep-still').textContent()).toContain('動かさないでください');
    await accessibleAndSaved('card');
    await at('card.waiting', { card: { problem: 'removed', contactless: true, pinTriesLeft: null, pinSet: true } });
    expect(await page.getByTestId('card-problem').textContent()).toContain('カードが外れました');
  });

  it('lets the clerk choose PIN or 目視, with the tries shown', async () => {
    await at('identity.choosing');
    expect(await page.getByTestId('tries-left').textContent()).toBe('暗証番号の残り回数：3回');
    await accessibleAndSaved('identity-choice');
    await page.getByRole('button', { name: '暗証番号（ご本人が入力）' }).click();
    expect(await lastSent()).toEqual({ type: 'CHOOSE_PIN' });
  });

  it('takes the PIN from the keyboard and the on-screen keys, shows only dots, keeps no text field', async () => {
    await at('identity.pinEntry');
    await accessibleAndSaved('pin');
    expect(await page.getByText('暗証番号はご本人が入力してください').isVisible()).toBe(true);
    expect(await page.locator('input, textarea').count()).toBe(0);
    await page.keyboard.press('1');
    await page.keyboard.press('9');
    await expect.poll(() => page.locator('.dot-filled').count()).toBe(2);
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.dot-filled').count()).toBe(1);
    expect(await page.getByTestId('digit-dots').textContent()).toBe('');
    await page.getByRole('button', { name: '2', exact: true }).click();
    await page.keyboard.press('3');
    await page.getByRole('button', { name: '4', exact: true }).click();
    expect(await lastSent()).toEqual({ type: 'PIN_SUBMITTED', pin: '1234' });
    await expect.poll(() => page.locator('.dot-filled').count()).toBe(0);
  });

  it('after a wrong PIN shows the sentence, the tries left and, at one try, the warning', async () => {
    const warning = '暗証番号の残り回数はあと1回です。間違えるとロックされます。不安な場合は「目視確認」に切り替えてください。';
    await at('identity.pinEntry', {
      card: { problem: null, contactless: false, pinTriesLeft: 1, pinSet: true },
      identity: { method: null, lastTryWarning: warning, resetRoutes: null },
      notice: { code: 'PIN_WRONG', message: '暗証番号が違います。残り1回です。' },
    });
    expect(await page.getByTestId('notice').textContent()).toBe('暗証番号が違います。残り1回です。');
    expect(await page.getByTestId('last-try-warning').textContent()).toBe(warning);
    await accessibleAndSaved('pin-last-try');
  });

  it('for a blocked card shows the reset routes and switches to 目視', async () => {
    await at('identity.blocked', {
      card: { problem: null, contactless: false, pinTriesLeft: 0, pinSet: true },
      identity: { method: null, lastTryWarning: null, resetRoutes: ['住民票のある市区町村の窓口で、本人確認書類を持参のうえ暗証番号を再設定できます。'] },
    });
    await accessibleAndSaved('pin-blocked');
    await page.getByRole('button', { name: '目視確認に切り替える' }).click();
    expect(await lastSent()).toEqual({ type: 'CHOOSE_VISUAL' });
  });

  it('confirms 目視 with the clerk passcode typed on the pad', async () => {
    await at('identity.visual');
    await accessibleAndSaved('visual');
    for (const key of ['5', '6', '7', '8']) await page.keyboard.press(key);
    expect(await lastSent()).toEqual({ type: 'VISUAL_CONFIRMED', passcode: '5678' });
  });

  it('asks about 利用登録 and 処方箋, and shows progress', async () => {
    await at('insuranceUse.asking');
    await accessibleAndSaved('insurance-use');
    await page.getByRole('button', { name: '登録する', exact: true }).click();
    expect(await lastSent()).toEqual({ type: 'INSURANCE_USE_AGREE' });
    await at('prescription');
    await accessibleAndSaved('prescription');
    await page.getByRole('button', { name: '紙の処方箋' }).click();
    expect(await lastSent()).toEqual({ type: 'CHOOSE_PRESCRIPTION', method: 'paper' });
    await at('registering');
    await accessibleAndSaved('registering');
  });

  it('shows the result to the clerk and registers a 照会番号 in one step', async () => {
    await at('result');
    expect(await page.getByRole('navigation').count()).toBe(1);
    expect(await page.getByTestId('q-birthdate').textContent()).toMatch(/^昭和45年1月1日（1970年） （5\d歳）$/);
    await accessibleAndSaved('result');
    await page.getByLabel('照会番号（診察券番号など）').fill('C-000123');
    await page.getByRole('button', { name: '照会番号を登録して終了' }).click();
    expect(await lastSent()).toEqual({ type: 'REGISTER_REFERENCE', referenceNumber: 'C-000123' });
  });

  it('on a network failure offers retry and the official fallbacks', async () => {
    await at('interrupted', {
      network: 'offline',
      interruption: {
        kind: 'offline',
        code: 'GATEWAY_UNREACHABLE',
        message: 'オンライン資格確認に接続できません。ネットワークの接続をご確認のうえ、もう一度お試しください。',
        fallbacks: [{ id: 'qualificationNotice', label: '資格情報のお知らせ', howTo: '資格情報のお知らせとマイナンバーカードをあわせて見せていただき、確認してください。' }],
      },
    });
    await accessibleAndSaved('offline');
    await page.getByRole('button', { name: 'もう一度試す' }).click();
    expect(await lastSent()).toEqual({ type: 'RETRY' });
    await page.getByRole('button', { name: '「資格情報のお知らせ」で確認した' }).click();
    expect(await lastSent()).toEqual({ type: 'USE_FALLBACK', fallback: 'qualificationNotice' });
  });

  it('ends with no patient data on screen', async () => {
    await at('ended', { queuedJobs: ['reference-number.register'] });
    await accessibleAndSaved('ended');
    expect(await page.textContent('body')).not.toContain('厚労');
  });

  it('switches the patient screens to English and back', async () => {
    await at('identity.pinEntry');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Enter your PIN' }).isVisible()).toBe(true);
    await accessibleAndSaved('pin-en');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '暗証番号を入力してください' }).isVisible()).toBe(true);
  });

  it('when the host locks the idle cart, the patient data leaves the screen and the unlock screen says why', async () => {
    await at('result');
    await expect.poll(() => page.getByTestId('q-name').isVisible()).toBe(true);
    await idleLock(page);
    await expect.poll(() => page.getByTestId('idle-locked').isVisible()).toBe(true);
    expect(await page.textContent('body')).not.toContain('厚労');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await accessibleAndSaved('idle-locked');
  });

  it('reports the clerk’s activity to the host, which owns the idle lock', async () => {
    const activity = await page.evaluate(() => (window as unknown as { __host: { calls: Array<{ channel: string }> } }).__host.calls.filter((c) => c.channel === 'session.activity').length);
    expect(activity).toBeGreaterThan(0);
  });

  it('ran without script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
