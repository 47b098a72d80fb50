/**
 * `npm run web`: the whole app in a browser, on any machine (no Electron binary needed). Starts the
 * services host in training mode, serves the built renderer with the loopback bridge, and prints
 * the address to open (with --json, one JSON line for scripts and tests).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServicesHost } from '../services-host';
import { resolveDataDir } from '../data-dir';
import { startWebServer } from './web-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.ONSHI_WEB_PORT ?? '5170' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const dataDir = resolveDataDir(values['data-dir']);
  const host = await createServicesHost({ dataDir, trainingMode: true, transport: 'web' });
  const server = await startWebServer(host, {
    port: Number(values.port),
    rendererDir: path.join(__dirname, '..', 'renderer'),
    bridgeClientFile: path.join(__dirname, 'web-client', 'onshi-bridge.js'),
  });
  if (values.json) {
    process.stdout.write(JSON.stringify({ url: server.url, origin: server.origin, dataDir }) + '\n');
  } else {
    process.stdout.write(`onshi-cart（研修モード）をブラウザで開いてください / open in a browser:\n  ${server.url}\n（終了は Ctrl+C / stop with Ctrl+C）\n`);
  }
  const stop = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`onshi-cart web: ${message}\n`);
  process.exit(1);
});
