/**
 * Entry of the services host inside the Electron app: runs as a utilityProcess, so an fsync, a large
 * import or a slow card never blocks the window. The main process sends one init message carrying
 * the settings and two MessagePorts: the wire protocol to the window's relay, and the requests only
 * the main process can answer (DPAPI through safeStorage).
 */
import { NetFetchTransport } from '../adapters/electron/net-fetch-transport';
import { PortSecretProtector } from '../adapters/port-secret-protector';
import { createServicesHost } from '../host/services-host';

/** The parts of Electron's ParentPort/MessagePortMain this process uses (no electron import here). */
interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
  start(): void;
}
interface ParentPortLike {
  once(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
}

export interface ServicesInit {
  dataDir: string;
  trainingMode: boolean;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) {
  process.stderr.write('services-process: not started as an Electron utilityProcess\n');
  process.exit(1);
}

parentPort.once('message', (init) => {
  const settings = init.data as ServicesInit;
  const [port, osPort] = init.ports;
  if (!port || !osPort) process.exit(1);
  void createServicesHost({
    dataDir: settings.dataDir,
    trainingMode: settings.trainingMode,
    transport: 'electron',
    adapters: { secretProtector: new PortSecretProtector(osPort), httpTransport: new NetFetchTransport() },
  }).then((host) => {
    const connection = host.connect((message) => port.postMessage(message));
    port.on('message', (event) => void connection.receive(event.data));
    port.start();
  });
});
