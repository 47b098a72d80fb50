/**
 * An administrator points the audit log at the hospital's collector on the audit screen, in
 * Chromium against the real services host: a refused setting is named and changes nothing; with
 * the CA, the cart's client certificate and key chosen as files, a real rsyslog that accepts only
 * certified senders receives every row, and the screen says so. The key never comes back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openCartTab, saveScreenshot } from '../helpers/browser';
import { startWebProcess, type WebProcess } from '../helpers/web-process';
import { freePort, makeTestPki, RsyslogCollector } from '../integration/audit/rsyslog-collector';
import { seriousViolations } from './axe';
import { setUpAndUnlock } from './sign-in';

let dir: string;
let web: WebProcess;
let browser: Browser;
let page: Page;
let collector: RsyslogCollector;
const pageErrors: string[] = [];
const pki = (name: string) => path.join(dir, `good-${name}.pem`);

async function openAuditScreen(): Promise<void> {
  await page.goto(`${web.origin}/#/today`);
  await page.goto(`${web.origin}/#/audit`);
  await page.getByTestId('collector-current').waitFor();
}

async function saveWith(files: Partial<Record<'CA証明書のファイル（PEM）' | 'クライアント証明書のファイル（PEM、求められる場合）' | 'クライアント証明書の秘密鍵のファイル（PEM、パスフレーズなし）', string>>): Promise<void> {
  await page.getByLabel('ホスト名またはIPアドレス', { exact: true }).fill('127.0.0.1');
  await page.getByLabel('ポート番号（標準は6514）', { exact: true }).fill(String(collector.port));
  for (const [label, file] of Object.entries(files)) await page.getByLabel(label, { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: '保存する' }).click();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-e2e-collector-'));
  makeTestPki(dir, 'good');
  collector = new RsyslogCollector(dir, 'good', await freePort(), 'x509/certvalid');
  await collector.start();
  web = await startWebProcess();
  browser = await launchChromium();
  page = await openCartTab(browser, pageErrors);
  await page.goto(web.url);
  await setUpAndUnlock(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await collector?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the audit collector on the audit screen', () => {
  it('starts with none, and names a refused setting without saving it', async () => {
    await openAuditScreen();
    expect(await page.getByTestId('collector-current').textContent()).toContain('集約サーバーは設定されていません');
    await saveWith({ 'CA証明書のファイル（PEM）': pki('ca'), 'クライアント証明書のファイル（PEM、求められる場合）': pki('client-cert') });
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('クライアント証明書と秘密鍵は、両方を指定するか');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'collector-refused');
    await openAuditScreen();
    expect(await page.getByTestId('collector-current').textContent()).toContain('集約サーバーは設定されていません');
  });

  it('saves the collector with the cart\'s certificate, shows it without the key, and the collector receives every row', async () => {
    await openAuditScreen();
    await saveWith({
      'CA証明書のファイル（PEM）': pki('ca'),
      'クライアント証明書のファイル（PEM、求められる場合）': pki('client-cert'),
      'クライアント証明書の秘密鍵のファイル（PEM、パスフレーズなし）': pki('client-key'),
    });
    await page.getByTestId('collector-saved').waitFor();
    const current = (await page.getByTestId('collector-current').textContent()) ?? '';
    expect(current).toContain(`127.0.0.1:${collector.port}`);
    expect(current).toContain('onshi-cart test CA');
    expect(current).toContain('cart-01.ward3.example.local');
    expect(await page.textContent('body')).not.toContain('PRIVATE KEY');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'collector-saved');

    await expect
      .poll(async () => {
        await openAuditScreen();
        return page.getByTestId('audit-shipping').textContent();
      }, { timeout: 30_000 })
      .toBe('すべての記録を集約サーバーへ送信済みです。');
    // The setting change itself is among the rows the collector holds.
    expect(collector.lines().some((line) => line.includes('"key":"audit-collector"'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
