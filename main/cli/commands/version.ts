import type { CliCommand } from '../command';
import { appVersion } from '../../host/app-version';

export const versionCommands: CliCommand[] = [
  {
    path: ['version'],
    summary: 'アプリのバージョンを表示します',
    async run() {
      return { name: 'onshi-cart', version: appVersion() };
    },
    render: (r) => {
      const v = r as { version: string };
      return `onshi-cart ${v.version}`;
    },
  },
];
