/**
 * The audit channels. The composition root hands in the opened log and the shipping to the
 * hospital's collector; until the log is open every call says plainly that it is not available.
 * Acknowledging a break is for administrators: the session layer decides who may call it.
 */
import { AppError } from '../../contract/errors';
import type { AuditShipping } from '../../audit/audit-shipping';
import { parseSince, rowsForPatient, writeExport } from '../../audit/export';
import { isTrainingMode } from '../../common/training';
import { readSettings } from '../../store/settings';
import type { OpenedAudit } from '../../audit/open-audit';
import type { Handlers } from '../handler-table';

type AuditChannel = 'audit.status' | 'audit.verify' | 'audit.acknowledge' | 'audit.find' | 'audit.shipping' | 'audit.export';

const unavailable = () => new AppError('AUDIT_UNAVAILABLE', '監査ログを開けていません。アプリを再起動してください。続く場合は管理者へご連絡ください。');

export interface AuditHandlerDeps {
  readonly audit: OpenedAudit | null;
  readonly shipping: AuditShipping | null;
  /** Who asks "who viewed this patient": the lookup is itself recorded, as the command line records it. */
  readonly actor?: () => string;
}

export function auditHandlers(deps: AuditHandlerDeps): Pick<Handlers, AuditChannel> {
  const opened = (): OpenedAudit => {
    if (!deps.audit) throw unavailable();
    return deps.audit;
  };
  const shippingSummary = () => {
    const status = deps.shipping?.status();
    if (!status || status.state === 'not-configured') return null;
    return {
      confirmedThrough: status.confirmedThrough,
      failures: status.failures,
      ...(status.lastError ? { lastError: status.lastError.cause } : {}),
      ...(status.nextAttemptAt ? { nextAttemptAt: status.nextAttemptAt } : {}),
    };
  };
  return {
    'audit.status': () => ({ ...opened().log.status(), shipping: shippingSummary() }),
    'audit.verify': async (request) => {
      const report = await opened().log.verify({ full: request.full });
      return { ...report, acknowledged: [...report.acknowledged] };
    },
    'audit.acknowledge': (request) => ({ seq: opened().log.acknowledgeBreak(request.admin, request.breakAt).seq }),
    'audit.find': (request) => {
      const { log, store } = opened();
      const rows = rowsForPatient(store.db, log.patientRef(request));
      if (deps.actor && log.status().state === 'ok') log.append({ kind: 'export', actor: deps.actor(), what: 'audit-find', format: 'json', rows: rows.length });
      return { rows: rows.map(({ seq, at, atTokyo, kind, actor }) => ({ seq, at, atTokyo, kind, actor })) };
    },
    'audit.export': ({ format, since }) => {
      const { log, store } = opened();
      const lines: string[] = [];
      const rows = writeExport({ db: store.db, log }, { format, ...(since ? { since: parseSince(since) } : {}), actor: deps.actor?.() ?? 'setup', trainingMode: isTrainingMode(readSettings(store)) }, (line) => lines.push(line));
      const filename = `onshi-cart-audit-${(since ?? 'all').replaceAll('-', '')}.${format}`;
      return { filename, contentBase64: Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64'), rows };
    },
    'audit.shipping': () => {
      if (!deps.shipping) throw unavailable();
      const { lastError, ...status } = deps.shipping.status();
      return { ...status, lastError: lastError ? { ...lastError } : null };
    },
  };
}
