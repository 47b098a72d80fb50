/**
 * The audit channels. The composition root hands in the opened log (and the ship loop when a
 * collector is configured); until then every call says plainly that the log is not available.
 * Acknowledging a break is for administrators: the session layer decides who may call it.
 */
import { AppError } from '../../contract/errors';
import { rowsForPatient } from '../../audit/export';
import type { OpenedAudit } from '../../audit/open-audit';
import type { ShipLoop } from '../../audit/ship-loop';
import type { Handlers } from '../handler-table';

type AuditChannel = 'audit.status' | 'audit.verify' | 'audit.acknowledge' | 'audit.find';

const unavailable = () => new AppError('AUDIT_UNAVAILABLE', '監査ログを開けていません。アプリを再起動してください。続く場合は管理者へご連絡ください。');

export function auditHandlers(deps: { audit: OpenedAudit | null; shipping: ShipLoop | null }): Pick<Handlers, AuditChannel> {
  const opened = (): OpenedAudit => {
    if (!deps.audit) throw unavailable();
    return deps.audit;
  };
  return {
    'audit.status': () => ({ ...opened().log.status(), shipping: deps.shipping?.state() ?? null }),
    'audit.verify': async (request) => {
      const report = await opened().log.verify({ full: request.full });
      return { ...report, acknowledged: [...report.acknowledged] };
    },
    'audit.acknowledge': (request) => ({ seq: opened().log.acknowledgeBreak(request.admin, request.breakAt).seq }),
    'audit.find': (request) => {
      const { log, store } = opened();
      const rows = rowsForPatient(store.db, log.patientRef(request));
      return { rows: rows.map(({ seq, at, atTokyo, kind, actor }) => ({ seq, at, atTokyo, kind, actor })) };
    },
  };
}
