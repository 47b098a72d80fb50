/**
 * The real Electron app, driven by Playwright's _electron: runs wherever the Electron binary has
 * been downloaded (a Windows or internet-connected build box). Elsewhere it reports why it did not
 * run; it is the only test that may do so.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary(): string | undefined {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(overridden) ? overridden : undefined;
  }
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    'electron-smoke: skipped — the Electron binary is not downloaded on this machine (no node_modules/electron/path.txt). ' +
      'Run `npm start` once on a machine with internet access, then `npm test` runs this smoke test too.',
  );
}

describe('Electron app (smoke)', () => {
  it.skipIf(!binary)('opens one sandboxed window on app://onshi that shows the start screen', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [path.join(root, 'out', 'main', 'index.js')], cwd: root });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toBe('app://onshi/index.html');
      await expect.poll(() => window.getByTestId('version').textContent()).toContain('0.1.0');
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => Object.keys((window as unknown as { onshi: object }).onshi).sort())).toEqual(['invoke', 'on']);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
