/**
 * Keeps the day's list of checks: when a check ends, one record of who ran it, how it ended and,
 * sealed, whose it was. The clerk is the one who started the check (an idle lock ends it with
 * nobody signed in); a check that never reached a result names no patient.
 */
import type { CheckService } from '../../check/check-service';
import type { CheckView } from '../../contract/channels/check';
import type { CartSession } from '../../session/cart-session';
import type { CheckRecords } from '../../store/check-records';

export function keepCheckHistory(deps: { checks: CheckService; records: CheckRecords; session: CartSession; now: () => Date }): () => void {
  let running: { checkId: string; staffId: number | null; patientName: string | null } | null = null;
  return deps.checks.subscribe((view: CheckView) => {
    if (running?.checkId !== view.checkId) {
      if (view.step === 'ended') return;
      running = { checkId: view.checkId, staffId: deps.session.current()?.id ?? null, patientName: null };
    }
    if (view.result) running.patientName = view.result.qualification.Name;
    if (view.step !== 'ended') return;
    deps.records.add({ checkedAt: deps.now(), staffId: running.staffId, outcome: view.outcome ?? 'cancelled', summary: { patientName: running.patientName } });
    running = { ...running, checkId: `${view.checkId}:recorded` };
  });
}
