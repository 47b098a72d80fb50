/**
 * Runs `out/node/web.js` — what `npm run web` runs after building — as a child process and reads the
 * address it prints, so end-to-end tests open the app exactly as a person would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface WebProcess {
  url: string;
  origin: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A fresh data folder each time, or the given one (kept on stop: the test that gave it owns it). */
export async function startWebProcess(env: NodeJS.ProcessEnv = {}, options: { dataDir?: string } = {}): Promise<WebProcess> {
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'onshi-e2e-'));
  const child = spawn(process.execPath, [path.join(root, 'out', 'node', 'web.js'), '--port', '0', '--json', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web.js exited with ${code} before printing its address`)));
  });
  const { url, origin } = JSON.parse(first) as { url: string; origin: string };
  return {
    url,
    origin,
    dataDir,
    child,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
