/**
 * The screens whose services are not reachable over IPC yet (today's checks), rendered as React
 * renders their first paint, styled with the built stylesheet, in Chromium: axe finds no serious or critical violation and each is saved as a screenshot. They
 * move to the interactive suite as their channels are registered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ComponentType } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TodayScreen } from '../../renderer/src/screens/lists/TodayScreen';
import { launchChromium, saveScreenshot } from '../helpers/browser';
import { renderMarkup } from '../helpers/render-markup';
import { seriousViolations } from './axe';

const ASSETS = path.resolve(__dirname, '..', '..', 'out', 'renderer', 'assets');

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
});
