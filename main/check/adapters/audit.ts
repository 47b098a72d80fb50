/** The audit port over the audit log (main/audit): an append is durable when it returns. */
import type { AuditLog } from '../../audit/audit-log';
import type { AuditPort } from '../ports';

export function auditAdapter(log: AuditLog): AuditPort {
  return {
    async append(event) {
      return { seq: log.append(event).seq };
    },
  };
}
