/**
 * The clerk's and administrator's screens in Chromium against the real services host and its
 * store (`npm run web`): settings, 照会番号, the job queue and the audit log, each checked with axe
 * and saved as a screenshot.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openCartTab, saveScreenshot } from '../helpers/browser';
import { startWebProcess, type WebProcess } from '../helpers/web-process';
import { seriousViolations } from './axe';
import { ADMIN, setUpAndUnlock, tapOnPad } from './sign-in';

let web: WebProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function open(route: string, heading: string): Promise<void> {
  // Through the start screen, so the route mounts afresh with nothing left from the last test.
  await page.goto(`${web.origin}/#/`);
  await page.getByTestId('version').filter({ hasText: '0.1.0' }).waitFor();
  await page.goto(`${web.origin}/#${route}`);
  await expect.poll(() => page.getByRole('heading', { name: heading, exact: true }).isVisible()).toBe(true);
}

async function accessibleAndSaved(name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await saveScreenshot(page, `screens-admin-${name}`);
}

beforeAll(async () => {
  web = await startWebProcess();
  browser = await launchChromium();
  page = await openCartTab(browser, pageErrors, { acceptDownloads: true });
  await page.goto(web.url);
  // The bridge token from the address is kept for this tab; the administrator unlocks the cart.
  await setUpAndUnlock(page);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('settings', () => {
  it('saves the idle time and consent items, and they are there after a reload', async () => {
    await open('/settings', '設定');
    await accessibleAndSaved('settings');
    await page.getByLabel('操作がないときに画面をロックするまでの時間').selectOption({ label: '5分' });
    await page.getByRole('checkbox', { name: '手術情報' }).uncheck();
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByTestId('settings-saved').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('操作がないときに画面をロックするまでの時間').inputValue()).toBe('300');
    expect(await page.getByRole('checkbox', { name: '手術情報' }).isChecked()).toBe(false);
  });

  it('says a changed endpoint waits for a restart, and says nothing more once it is changed back', async () => {
    await open('/settings', '設定');
    const gateway = page.getByLabel('居宅同意取得型の接続先URL（空欄ならシミュレーター）', { exact: true });
    await gateway.fill('https://oqs.example.jp/consent');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByTestId('settings-saved').textContent()).toContain('アプリを再起動すると反映されます');
    await gateway.fill('');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByTestId('settings-saved').textContent()).toBe('設定を保存しました。');
  });

  it('refuses to save with no consent item enabled', async () => {
    await open('/settings', '設定');
    for (const item of ['診療情報', '薬剤情報', '特定健診情報']) await page.getByRole('checkbox', { name: item }).uncheck();
    expect(await page.getByText('1つ以上の項目を選んでください。').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '保存する' }).isDisabled()).toBe(true);
  });

  it('switches the whole app to English from the settings, and back', async () => {
    await open('/settings', '設定');
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).isVisible()).toBe(true);
    await accessibleAndSaved('settings-en');
    await page.getByRole('radio', { name: '日本語' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '設定' }).isVisible()).toBe(true);
  });
});

describe('照会番号', () => {
  it('registers one by hand, finds it by search, and names the problem in a bad 保険者番号', async () => {
    await open('/references', '照会番号');
    await page.getByRole('button', { name: '照会番号を追加' }).click();
    const form = page.getByRole('form', { name: '照会番号の登録・編集' });
    const values = { 照会番号: 'K-000123', 保険者番号: '33120016', 記号: '東京１２', 番号: '3456', 枝番: '01', 生年月日: '19520304' };
    for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('保険者番号');
    expect(await page.getByTestId('reference-table').textContent()).not.toContain('K-000123');
    await accessibleAndSaved('references-refused');
    await form.getByLabel('保険者番号', { exact: true }).fill('33120015');
    await form.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByTestId('reference-table').textContent()).toContain('K-000123');
    await page.getByLabel('照会番号・保険者番号・記号・番号で検索').fill('33120015');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => page.getByTestId('reference-table').textContent()).toContain('東京１２');
    await accessibleAndSaved('references');
  });
});

describe('staff', () => {
  const CLERK = { name: '事務 太郎', passcode: '1357' };

  async function chooseAndType(name: string, passcode: string): Promise<void> {
    await page.getByRole('heading', { name: 'ロック解除' }).waitFor();
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByText(`${name}さんのパスコード`).waitFor();
    await page.keyboard.type(passcode);
  }

  it('the administrator adds a clerk with a passcode typed twice', async () => {
    await open('/settings', '職員');
    await page.getByLabel('職員の名前', { exact: true }).fill(CLERK.name);
    await page.getByRole('radio', { name: '職員', exact: true }).check();
    await tapOnPad(page, CLERK.passcode);
    await page.getByText('確認のため、もう一度入力してください').waitFor();
    await tapOnPad(page, CLERK.passcode);
    await expect.poll(() => page.getByTestId('clerk-added').textContent()).toBe(`${CLERK.name}さんを登録しました。`);
    await expect.poll(() => page.getByTestId('staff-table').textContent()).toContain(CLERK.name);
    await accessibleAndSaved('staff');
  });

  it('wrong passcodes lock the clerk out; the administrator lifts the lockout', async () => {
    await page.getByRole('button', { name: 'ロックする' }).click();
    await chooseAndType(CLERK.name, '0000');
    for (let left = 3; left >= 1; left--) {
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(`あと${left + 1}回`);
      await page.keyboard.type('0000');
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('あと1回');
    await page.keyboard.type('0000');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('管理者にロック解除を依頼してください');
    await chooseAndType(ADMIN.name, ADMIN.passcode);
    await open('/settings', '職員');
    await page.getByRole('button', { name: `${CLERK.name}さんのロックを解除する` }).click();
    await expect.poll(() => page.getByTestId('staff-table').textContent()).not.toContain('ロックを解除する');
  });

  it('the clerk then signs in, and sees no staff list', async () => {
    await page.getByRole('button', { name: 'ロックする' }).click();
    await chooseAndType(CLERK.name, CLERK.passcode);
    await expect.poll(() => page.getByTestId('signed-in-clerk').textContent()).toContain(`${CLERK.name}さん（職員）`);
    await open('/settings', '設定');
    expect(await page.getByRole('heading', { name: '職員', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'ロックする' }).click();
    await chooseAndType(ADMIN.name, ADMIN.passcode);
    await page.getByTestId('signed-in-clerk').waitFor();
  });
});

describe('queue and audit', () => {
  it('shows the queued jobs', async () => {
    await open('/jobs', '送信待ちの処理');
    await accessibleAndSaved('jobs');
  });

  it('verifies the audit log', async () => {
    await open('/audit', '監査ログ（管理者）');
    await expect.poll(() => page.getByTestId('audit-shipping').textContent()).toContain('集約サーバーが設定されていないため、送信していません');
    await accessibleAndSaved('audit');
    await page.getByRole('button', { name: '検証する' }).click();
    await page.getByTestId('audit-verify').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await accessibleAndSaved('audit-verified');
  });

  it('exports the log as CSV, header first, every row with its MAC; the export itself is recorded', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSVで書き出す' }).click()]);
    // 研修モード: the file says it holds training data.
    expect(download.suggestedFilename()).toMatch(/^研修_onshi-cart-audit-all\.csv$/);
    const file = await download.path();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['研修モード：実際の資格確認ではありません', 'seq,at,at_tokyo,kind,actor,patient,check,outcome,mac,event']);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.slice(2).every((l) => /^\d+,\d{4}-\d\d-\d\dT[^,]+,[^,]+\+09:00,[a-z.-]+,/.test(l) && /,[0-9a-f]{64},/.test(l))).toBe(true);
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON Linesで書き出す' }).click()]);
    const last = JSON.parse(readFileSync(await again.path(), 'utf8').trim().split('\n').at(-1)!) as { kind: string; event: { what: string; format: string } };
    expect(last).toMatchObject({ kind: 'export', event: { what: 'audit-log', format: 'csv' } });
  });

  it('ran without script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
