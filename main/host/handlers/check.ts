/**
 * The check channels. The screens hold no check logic: they start a check, send what the user did
 * and render the `check.state` event. Until the real ports are composed the host has no check
 * service, and every call says so plainly instead of falling back to anything.
 */
import type { CheckService } from '../../check/check-service';
import { CheckErrors } from '../../check/errors';
import type { EventHub } from '../event-hub';
import type { Handlers } from '../handler-table';

type CheckChannel = 'check.start' | 'check.send' | 'check.current';

export function checkHandlers(deps: { checks: CheckService | null; events: EventHub }): Pick<Handlers, CheckChannel> {
  const { checks, events } = deps;
  checks?.subscribe((view) => events.emit('check.state', { view }, { sticky: true }));
  const service = (): CheckService => {
    if (!checks) throw CheckErrors.unavailable();
    return checks;
  };
  return {
    'check.start': () => service().start(),
    'check.send': (event) => service().send(event),
    'check.current': () => ({ view: checks?.current() ?? null }),
  };
}
