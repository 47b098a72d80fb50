/**
 * The renderer's weight and speed: its JavaScript gzipped as the app ships it (target under
 * 400 KB), and the time from the patient's last PIN digit to the result on screen (target under
 * 1 s, median of 20). The host side of that path is scripted here (the view changes the moment
 * the PIN arrives), so the figure is the screen's share: the check machine, the card and the
 * gateway are measured by the check and card benchmarks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../helpers/browser';
import { viewAt } from '../helpers/check-views';
import { startWebProcess } from '../helpers/web-process';
import { replyTo, showView, useScriptedHost } from '../e2e/scripted-host';
import { median, type Benchmark } from './benchmark';

const ASSETS = path.resolve(__dirname, '..', '..', 'out', 'renderer', 'assets');
const ROUNDS = 20;
const GZIP_TARGET_KB = 400;
const PIN_TO_RESULT_TARGET_MS = 1000;

// Measured inside the page, from the last key event to the first frame that shows the result.
// A plain string: the bundler that runs this file would otherwise add helpers the page lacks.
const LAST_DIGIT_TO_RESULT = `new Promise((resolve) => {
  const start = performance.now();
  const seen = () => (document.querySelector('[data-testid="q-name"]') ? resolve(performance.now() - start) : requestAnimationFrame(seen));
  window.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
  requestAnimationFrame(seen);
})`;

function gzippedJsKb(): number {
  const bytes = readdirSync(ASSETS)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(ASSETS, f)), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

async function pinToResultMs(): Promise<number[]> {
  const web = await startWebProcess();
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    await useScriptedHost(page);
    await page.goto(`${web.origin}/#/check`);
    await replyTo(page, 'PIN_SUBMITTED', viewAt('result'));
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await showView(page, viewAt('identity.pinEntry'));
      await page.getByRole('heading', { name: '暗証番号を入力してください' }).waitFor();
      for (const digit of '258') await page.keyboard.press(digit);
      const ms = (await page.evaluate(LAST_DIGIT_TO_RESULT)) as number;
      times.push(ms);
    }
    return times;
  } finally {
    await browser.close();
    await web.stop();
  }
}

const bench: Benchmark = {
  name: 'renderer',
  async run() {
    const kb = gzippedJsKb();
    const times = await pinToResultMs();
    const ms = Math.round(median(times) * 10) / 10;
    return {
      jsGzippedKb: kb,
      jsGzippedTargetKb: GZIP_TARGET_KB,
      jsGzippedMet: kb < GZIP_TARGET_KB,
      pinToResultScreenMedianMs: ms,
      pinToResultRounds: ROUNDS,
      pinToResultTargetMs: PIN_TO_RESULT_TARGET_MS,
      pinToResultMet: ms < PIN_TO_RESULT_TARGET_MS,
      pinToResultNote: 'host scripted: screen share only, until the check machine is composed in the services host',
    };
  },
};
export default bench;
