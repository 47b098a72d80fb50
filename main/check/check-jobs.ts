/**
 * The work a check left in the job queue while OQS could not be reached (a consent cancellation, a
 * 照会番号 registration), sent once it can: as soon as the gateway is reachable again, and on a
 * slow timer because nothing else may call it meanwhile. One pass at a time; a pass asked for
 * during another runs right after it. A 照会番号 that is finally sent or finally refused gets its
 * audit row, like one sent at once.
 */
import { referenceRegistrationEvent } from './audit-events';
import { failureKind } from './errors';
import type { CheckJobHandlers, CheckPorts } from './ports';

const RETRY_EVERY_MS = 60_000;

export function checkJobHandlers(ports: CheckPorts): CheckJobHandlers {
  return {
    'consent.cancel': (job) => ports.consent.cancelConsent({ checkId: job.checkId, registrationId: job.registrationId }),
    async 'reference-number.register'(job) {
      const patient = ports.audit.patientRef(job.identifiers);
      const audit = async (settled: Parameters<typeof referenceRegistrationEvent>[2]) => {
        if (patient !== null) await ports.audit.append(referenceRegistrationEvent({ staffId: job.staffId }, patient, settled));
      };
      try {
        await ports.terminal.registerReferenceNumber({ identifiers: job.identifiers, referenceNumber: job.referenceNumber });
      } catch (err) {
        // A network still down is no outcome: the job waits for the next pass.
        if (failureKind(err) !== 'network') await audit({ error: err });
        throw err;
      }
      await audit({ queued: false });
    },
  };
}

export interface CheckJobSender {
  /** Resolves when the pass it asked for (or joined) is over. */
  sendDue(): Promise<void>;
  stop(): void;
}

export function startCheckJobSender(ports: CheckPorts): CheckJobSender {
  const handlers = checkJobHandlers(ports);
  let pass: Promise<void> | null = null;
  let again = false;
  const sendDue = (): Promise<void> => {
    if (pass) {
      again = true;
      return pass;
    }
    pass = (async () => {
      do {
        again = false;
        // A store that cannot be read now is tried again on the next pass, like a network that is down.
        await ports.jobs.runDue(handlers).catch(() => undefined);
      } while (again);
      pass = null;
    })();
    return pass;
  };
  const offOnline = ports.consent.watchConnectivity((online) => void (online && sendDue()));
  const timer = setInterval(() => void sendDue(), RETRY_EVERY_MS);
  timer.unref();
  void sendDue();
  return {
    sendDue,
    stop() {
      clearInterval(timer);
      offOnline();
    },
  };
}
