/**
 * The screens whose services are not reachable over IPC yet (setup, unlock, today's checks), rendered as React renders their first paint, styled with the built stylesheet, in
 * Chromium: axe finds no serious or critical violation and each is saved as a screenshot. They
 * move to the interactive suite as their channels are registered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ComponentType } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivationStep } from '../../renderer/src/screens/ActivationStep';
import { ClerkPasscodes } from '../../renderer/src/screens/ClerkPasscodes';
import { TodayScreen } from '../../renderer/src/screens/lists/TodayScreen';
import { SetupScreen } from '../../renderer/src/screens/SetupScreen';
import { UnlockScreen } from '../../renderer/src/screens/UnlockScreen';
import { launchChromium, saveScreenshot } from '../helpers/browser';
import { renderMarkup } from '../helpers/render-markup';
import { seriousViolations } from './axe';

const ASSETS = path.resolve(__dirname, '..', '..', 'out', 'renderer', 'assets');
const later = () => new Promise<never>(() => undefined);

let browser: Browser;
let page: Page;
let css: string;

beforeAll(async () => {
  const file = readdirSync(ASSETS).find((f) => f.endsWith('.css'));
  css = readFileSync(path.join(ASSETS, file!), 'utf8');
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function show<P extends object>(component: ComponentType<P>, props: P, language: 'ja' | 'en' = 'ja'): Promise<void> {
  const body = await renderMarkup(component, props, language);
  await page.setContent(
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>onshi-cart</title><style>${css}</style></head>` +
      `<body><div class="frame"><main class="app-main">${body}</main></div></body></html>`,
  );
}

const SCREENS: Array<[string, () => Promise<void>]> = [
  ['setup-terms', () => show(SetupScreen, { onActivate: later, onAddClerk: later, onFinish: () => undefined })],
  ['setup-account', () => show(ActivationStep, { onActivate: later, onActivated: () => undefined })],
  ['setup-clerks', () => show(ClerkPasscodes, { onAddClerk: later, onFinish: () => undefined })],
  ['unlock', () => show(UnlockScreen, { clerks: [{ id: '1', name: '佐藤 花子' }], onUnlock: later, idleLocked: true })],
  ['unlock-choose', () => show(UnlockScreen, { clerks: [{ id: '1', name: '佐藤 花子' }, { id: '2', name: '鈴木 一郎' }], onUnlock: later })],
  ['today', () => show(TodayScreen, { checks: [{ id: 1, checkedAt: '2026-11-25T01:23:00Z', staffName: '佐藤 花子', outcome: 'consented', patientName: '厚労 太郎' }] })],
];

describe('screens not yet reachable over IPC, in Chromium', () => {
  for (const [name, render] of SCREENS) {
    it(`${name}: no serious or critical accessibility violation`, async () => {
      await render();
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `screens-static-${name}`);
    });
  }

  it('the account form names 機関コード, ID, password and activation code, in English too', async () => {
    await show(ActivationStep, { onActivate: later, onActivated: () => undefined }, 'en');
    for (const label of ['Institution code (10 digits)', 'User ID', 'Password', 'Activation code']) expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
