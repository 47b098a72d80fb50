/**
 * The store-backed ports of a check: the institution's settings, the clerk's passcode for 目視 and
 * the durable job queue (main/store). Payloads in the queue are sealed by the store.
 */
import type { JobQueue } from '../../store/job-queue';
import { PermanentJobError, runDueJobs } from '../../store/job-worker';
import { toAppError } from '../../contract/errors';
import { failureKind } from '../errors';
import { readSettings } from '../../store/settings';
import type { StaffDirectory } from '../../store/staff';
import type { StoreDatabase } from '../../store/database';
import type { CheckJob, ClerkPort, JobQueuePort, SettingsPort } from '../ports';

export function settingsAdapter(store: StoreDatabase): SettingsPort {
  return {
    async readCheckSettings() {
      const settings = readSettings(store);
      return { enabledConsentItems: [...settings.enabledConsentItems], electronicPrescription: settings.electronicPrescription };
    },
  };
}

export function jobQueueAdapter(queue: JobQueue): JobQueuePort {
  return {
    async enqueue(job) {
      // One job per check and kind: a retried cancel or a second press never queues the work twice.
      const { id } = queue.enqueue({ kind: job.kind, payload: job, idempotencyKey: `${job.kind}:${job.checkId}` });
      return { jobId: String(id) };
    },
    runDue(handlers) {
      const send = async (job: CheckJob) => {
        try {
          await (handlers[job.kind] as (job: CheckJob) => Promise<void>)(job);
        } catch (err) {
          // Only a network that is still down is worth another try; an OQS refusal stays a refusal.
          if (failureKind(err) === 'network') throw err;
          const { code, message } = toAppError(err);
          throw new PermanentJobError(code, message);
        }
      };
      const kinds: ReadonlyArray<CheckJob['kind']> = ['consent.cancel', 'reference-number.register'];
      return runDueJobs(queue, Object.fromEntries(kinds.map((kind) => [kind, (claimed) => send(claimed.payload as CheckJob)])));
    },
  };
}

/** Who is at the cart and when it idles: the session's to know, handed in here. */
export interface ClerkSession {
  currentStaffId(): string | null;
  onIdle(listener: () => void): () => void;
}

export function clerkAdapter(staff: StaffDirectory, session: ClerkSession): ClerkPort {
  return {
    currentStaffId: () => session.currentStaffId(),
    onIdle: (listener) => session.onIdle(listener),
    async verifyPasscode(staffId, passcode) {
      const id = Number(staffId);
      if (!Number.isSafeInteger(id)) return false;
      // A locked account throws its own sentence (STAFF_LOCKED), which the check shows as it came.
      return staff.verifyPasscode(id, passcode).ok;
    },
  };
}
