/** Bundles a child-process script once per test file, so each spawn starts in plain node without transpiling. */
import path from 'node:path';
import { buildSync } from 'esbuild';

export const NODE_MODULES = path.resolve(__dirname, '../../../node_modules');

export function bundleChild(entry: string, outDir: string): string {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], outfile, nodePaths: [NODE_MODULES] });
  return outfile;
}

export const childEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_PATH: NODE_MODULES });
