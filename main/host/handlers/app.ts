import type { HostConfig } from '../host-config';
import type { Handlers } from '../handler-table';
import { appVersion } from '../app-version';
import { formatOffsetIso } from '../../common/tokyo-time';

export function appHandlers(config: HostConfig): Pick<Handlers, 'app.info'> {
  const now = config.now ?? (() => new Date());
  return {
    'app.info': () => ({
      name: 'onshi-cart',
      version: appVersion(),
      trainingMode: config.trainingMode,
      transport: config.transport,
      now: formatOffsetIso(now()),
    }),
  };
}
