/** The audit port over the audit log (main/audit): an append is durable when it returns. */
import type { AuditLog } from '../../audit/audit-log';
import type { AuditPort } from '../ports';

export function auditAdapter(log: AuditLog): AuditPort {
  return {
    async append(event) {
      return { seq: log.append(event).seq };
    },
    patientRef(ids) {
      try {
        return log.patientRef({ insurer: ids.InsurerNumber, symbol: ids.InsuredCardSymbol, number: ids.InsuredIdentificationNumber, branch: ids.InsuredBranchNumber, birthdate: ids.Birthdate });
      } catch {
        return null;
      }
    },
  };
}
