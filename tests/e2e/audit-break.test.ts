/**
 * Someone edits a row of the audit log while the cart is off. On the next start the cart says so
 * on the lock screen; a clerk cannot unlock; the administrator unlocks, sees which row is wrong,
 * accepts the break, and the cart records again — in Chromium against the real services host.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../main/store/database';
import { launchChromium, openCartTab, saveScreenshot } from '../helpers/browser';
import { startWebProcess, type WebProcess } from '../helpers/web-process';
import { seriousViolations } from './axe';
import type { OnshiApi } from '../../main/contract';
import { ADMIN, setUpAndUnlock } from './sign-in';

const CLERK = { displayName: '佐藤 一郎', passcode: '1357' } as const;

let dataDir: string;
let web: WebProcess | undefined;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'onshi-e2e-break-'));
  web = await startWebProcess({}, { dataDir });
  browser = await launchChromium();
  page = await openCartTab(browser, pageErrors);
  await page.goto(web.url);
  await setUpAndUnlock(page);
  const added = await page.evaluate(async (clerk) => (await (window as unknown as { onshi: OnshiApi }).onshi.invoke('setup.addStaff', { ...clerk, role: 'clerk' })).ok, CLERK);
  expect(added).toBe(true);
  await page.getByRole('button', { name: 'ロックする' }).click();
  await page.getByRole('heading', { name: 'ロック解除' }).waitFor();
  await web.stop();
  web = undefined;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('after an edited row: the lock screen warns, a clerk is refused, the administrator accepts the break, and the cart records again', { timeout: 90_000 }, async () => {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE_NAME));
  const edited = db.prepare("UPDATE audit_log SET content = replace(content, '\"manual\"', '\"idle\"') WHERE content LIKE '%session.lock%'").run();
  const editedSeq = db.prepare("SELECT seq FROM audit_log WHERE content LIKE '%session.lock%'").pluck().get() as number;
  db.close();
  expect(edited.changes).toBe(1);

  web = await startWebProcess({}, { dataDir });
  await page.goto(web.url);
  await page.getByTestId('audit-broken').waitFor();
  expect(await page.getByTestId('audit-broken').textContent()).toContain('管理者がロックを解除して確認してください');
  expect(await seriousViolations(page)).toEqual([]);

  // A clerk is refused: nothing the clerk did could be recorded.
  await page.getByRole('button', { name: CLERK.displayName }).click();
  await page.keyboard.type(CLERK.passcode);
  await page.getByText('管理者が確認して承認するまで操作できません').waitFor();
  expect(await page.getByTestId('signed-in-clerk').count()).toBe(0);

  await page.getByRole('button', { name: ADMIN.name }).click();
  await page.keyboard.type(ADMIN.passcode);
  const notice = page.getByTestId('audit-break');
  await notice.waitFor();
  expect(await notice.textContent()).toBe(`${editedSeq}番目の記録に問題が見つかりました（記録の内容が書き換えられています）。`);
  // Nothing of the cart is reachable until the break is accepted: a check's address shows the same screen.
  await page.goto(`${web.origin}/#/check`);
  await notice.waitFor();
  expect(await page.getByRole('heading', { name: '監査ログの異常' }).count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, 'audit-break');

  await page.getByRole('button', { name: '確認しました。記録を再開する' }).click();
  await page.getByTestId('audit-break').waitFor({ state: 'detached' });
  await page.goto(`${web.origin}/#/audit`);
  await page.getByRole('button', { name: '検証する' }).click();
  await page.getByTestId('audit-verify').waitFor();
  expect(await page.getByTestId('audit-verify').textContent()).toMatch(/^\d+件を検証しました。改ざん・欠落はありません。$/);
  expect(pageErrors).toEqual([]);
});
