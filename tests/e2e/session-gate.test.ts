/**
 * Set-up, unlock and the locks, clicked through in Chromium against the real services host of
 * `npm run web` (研修モード: the consent gateway simulator refuses a wrong activation code as the
 * real one would). Nothing of the cart is reachable before set-up and an unlock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openCartTab, saveScreenshot } from '../helpers/browser';
import { startWebProcess, type WebProcess } from '../helpers/web-process';
import { seriousViolations } from './axe';
import { KEY_FILE_NAME } from '../../main/store/secret-protector';
import { ADMIN, setUpThroughBridge, tapOnPad } from './sign-in';

let web: WebProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function accessibleAndSaved(name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await saveScreenshot(page, `session-${name}`);
}

const field = (label: string) => page.getByLabel(label, { exact: true });

beforeAll(async () => {
  web = await startWebProcess();
  browser = await launchChromium();
  page = await openCartTab(browser, pageErrors);
  await page.goto(web.url);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('set-up', () => {
  it('opens on the terms with no menu; 次へ only after they are accepted', async () => {
    await page.getByRole('heading', { name: '利用規約' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('button', { name: '次へ' }).isDisabled()).toBe(true);
    await accessibleAndSaved('setup-terms');
    await page.getByRole('checkbox', { name: '利用規約に同意します' }).check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByRole('heading', { name: '資格確認端末のアカウントとアクティベーションコード' }).waitFor();
  });

  it('fills in the simulator’s training account in 研修モード, labelled in English too', async () => {
    expect(await field('機関コード（10桁）').inputValue()).toMatch(/^\d{10}$/);
    expect(await field('ユーザーID').inputValue()).not.toBe('');
    expect(await field('パスワード').getAttribute('type')).toBe('password');
    await accessibleAndSaved('setup-account');
    await page.getByRole('button', { name: 'English' }).click();
    for (const label of ['Institution code (10 digits)', 'User ID', 'Password', 'Activation code']) expect(await field(label).count(), label).toBe(1);
    await accessibleAndSaved('setup-account-en');
    await page.getByRole('button', { name: '日本語' }).click();
    await field('アクティベーションコード').waitFor();
  });

  it('shows the gateway’s refusal of a wrong activation code as a sentence, then activates with the right one', async () => {
    const right = await field('アクティベーションコード').inputValue();
    await field('アクティベーションコード').fill('WRONG-0000');
    await page.getByRole('button', { name: '登録する' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/資格確認端末|アクティベーション/);
    await accessibleAndSaved('setup-refused');
    await field('アクティベーションコード').fill(right);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: '管理者の登録' }).waitFor();
  });

  it('registers the administrator with the passcode typed twice, a mismatch starting over', async () => {
    await field('職員の名前').fill(ADMIN.name);
    await page.getByText('パスコード（4桁）を入力してください').waitFor();
    await tapOnPad(page, ADMIN.passcode);
    await page.getByText('確認のため、もう一度入力してください').waitFor();
    await tapOnPad(page, '1111');
    await page.getByText('1回目と2回目のパスコードが違います').waitFor();
    await accessibleAndSaved('setup-admin-mismatch');
    await tapOnPad(page, ADMIN.passcode);
    await page.getByText('確認のため、もう一度入力してください').waitFor();
    await tapOnPad(page, ADMIN.passcode);
    await page.getByRole('heading', { name: 'ロック解除' }).waitFor();
  });
});

describe('unlock and lock', () => {
  it('refuses a wrong passcode, saying how many tries are left, then unlocks with the right one', async () => {
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByText(`${ADMIN.name}さんのパスコード`).waitFor();
    await page.keyboard.type('0000');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/パスコードが違います。あと\d+回/);
    await accessibleAndSaved('unlock-wrong');
    await page.keyboard.type(ADMIN.passcode);
    await expect.poll(() => page.getByTestId('signed-in-clerk').textContent()).toContain(ADMIN.name);
    expect(await page.getByRole('navigation').count()).toBe(1);
    await accessibleAndSaved('unlocked');
  });

  it('locks from the button, with nothing of the cart left on screen', async () => {
    await page.getByRole('button', { name: 'ロックする' }).click();
    await page.getByRole('heading', { name: 'ロック解除' }).waitFor();
    expect(await page.getByTestId('idle-locked').count()).toBe(0);
    expect(await page.getByRole('navigation').count()).toBe(0);
  });

  it('a reload keeps the cart locked: the session lives in the services, not the page', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'ロック解除' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
  });

  it('ran without script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('a lost OS key', () => {
  it('explains what re-activation deletes, and only after it is confirmed starts set-up again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-key-lost-'));
    let cart = await startWebProcess({}, { dataDir: dir });
    try {
      await page.goto(cart.url);
      await setUpThroughBridge(page);
      await cart.stop();
      // As when Windows' password is reset: the key that protects the saved data is gone.
      rmSync(path.join(dir, KEY_FILE_NAME));
      cart = await startWebProcess({}, { dataDir: dir });
      await page.goto(cart.url);
      await page.getByRole('heading', { name: '保存データを読み出せません' }).waitFor();
      expect(await page.getByTestId('key-lost-message').textContent()).toContain('再アクティベーション');
      const discard = page.getByRole('button', { name: '消去して初期設定をやり直す' });
      expect(await discard.isDisabled()).toBe(true);
      await accessibleAndSaved('key-lost');
      await page.getByRole('checkbox', { name: /初期設定からやり直すことを確認しました/ }).check();
      await discard.click();
      await page.getByRole('heading', { name: '利用規約' }).waitFor();
    } finally {
      await cart.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

