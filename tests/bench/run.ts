/**
 * `npm run bench`: runs every `*.bench.ts` in this folder (or those named on the command line) and
 * prints their figures, one JSON object per benchmark, with each target and whether it was met.
 * Figures never gate `npm test`; they are read by people and compared between runs.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './benchmark';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  let failed = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(__dirname, file)).href)) as { default: Benchmark };
    const bench = mod.default;
    const started = Date.now();
    try {
      const figures = await bench.run();
      console.log(JSON.stringify({ benchmark: bench.name, seconds: (Date.now() - started) / 1000, ...figures }));
    } catch (err) {
      failed++;
      console.log(JSON.stringify({ benchmark: bench.name, error: err instanceof Error ? err.message : String(err) }));
    }
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
