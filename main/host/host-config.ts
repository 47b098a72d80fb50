/**
 * What the shell (or the web server, or the command line) hands the services host: where data
 * lives, whether this is training mode, and the OS adapters it injects. The host never looks these
 * up itself, so the same services run under Electron, under plain Node and in tests.
 */
import type { HttpTransport } from '../oqs/consent/http-transport';
import type { PcscBinding } from '../../native/pcsc/binding';
import type { SecretProtector } from '../store/secret-protector';

/** OS adapters: the app injects DPAPI and Electron's net.fetch; absent, the Node stand-ins are used. */
export interface HostAdapters {
  readonly secretProtector?: SecretProtector;
  readonly httpTransport?: HttpTransport;
  /** The PC/SC library; tests give a machine without readers. */
  readonly pcsc?: PcscBinding;
}

export interface HostConfig {
  /** The folder for the database and key files. Never a network path. */
  readonly dataDir: string;
  /** 研修モード: the simulators and the virtual card. False as soon as a real endpoint is configured. */
  readonly trainingMode: boolean;
  /** How clients reach this host, reported to the UI. */
  readonly transport: 'electron' | 'web';
  /** The clock, injectable so deadlines and lockouts can be tested. */
  readonly now?: () => Date;
  readonly adapters?: HostAdapters;
}
