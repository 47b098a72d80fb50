/**
 * The renderer as `npm run web` serves it, in Debian's Chromium, against the real services host:
 * what the first screen shows must have come through the bridge and the handler table.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot } from '../helpers/browser';
import { startWebProcess, type WebProcess } from '../helpers/web-process';
import { setUpAndUnlock } from './sign-in';

let web: WebProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  web = await startWebProcess();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(web.url);
  await setUpAndUnlock(page);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('start screen in Chromium', () => {
  it('shows the version and mode that the services host reported', async () => {
    await expect.poll(() => page.getByTestId('version').textContent()).toContain('0.1.0');
    expect(await page.getByTestId('mode').textContent()).toBe('研修モード（シミュレーターと仮想カード）');
    expect(await page.getByTestId('services-state').textContent()).toBe('接続しています');
    await saveScreenshot(page, 'start-screen-ja');
  });

  it("shows today's date in 和暦 with 西暦, from the host's clock in Asia/Tokyo", async () => {
    const today = await page.getByTestId('today').textContent();
    expect(today).toMatch(/^令和\d+年\d{1,2}月\d{1,2}日（20\d\d年） \d\d:\d\d$/);
  });

  it("lists the machine's card readers from pcscd (the two vpcd slots)", async () => {
    await expect.poll(() => page.getByTestId('reader-status').textContent()).toContain('Virtual PCD 00 00');
    expect(await page.getByTestId('reader-status').textContent()).toContain('Virtual PCD 00 01');
  });

  it('shows the training-mode banner', async () => {
    expect(await page.getByTestId('training-banner').textContent()).toBe('研修モード：実際の資格確認ではありません');
  });

  it('removes the bridge token from the address bar', () => {
    expect(page.url()).not.toContain('token=');
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('mode').textContent()).toBe('Training (simulators and virtual card)');
    await saveScreenshot(page, 'start-screen-en');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getByTestId('mode').textContent()).toBe('研修モード（シミュレーターと仮想カード）');
  });

  it('ran without script errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
