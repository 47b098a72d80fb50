/**
 * Tests that spawn the command line or serve the renderer need the built bundles. `npm test`
 * builds first; a bare `vitest` run builds here when the bundles are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '..', '..');
  if (!existsSync(path.join(root, 'out', 'node', 'cli.js')) || !existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
}
