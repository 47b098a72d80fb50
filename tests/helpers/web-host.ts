/**
 * Starts the services host and the web server in this process, the same way `npm run web` does,
 * on a random port and a throwaway data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServicesHost, type ServicesHost } from '../../main/host/services-host';
import { startWebServer, type WebServer } from '../../main/host/web/web-server';

export interface RunningWebHost {
  host: ServicesHost;
  server: WebServer;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startWebHost(): Promise<RunningWebHost> {
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onshi-web-'));
  const host = await createServicesHost({ dataDir, trainingMode: true, transport: 'web' });
  const server = await startWebServer(host, {
    rendererDir: path.join(root, 'out', 'renderer'),
    bridgeClientFile: path.join(root, 'out', 'node', 'web-client', 'onshi-bridge.js'),
  });
  return {
    host,
    server,
    dataDir,
    async stop() {
      await server.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
