/**
 * The check's ports from the real modules. The composition root builds one set for a real endpoint
 * (PC/SC reader, the configured gateway, the terminal's shared folder) and one for training (the
 * virtual card and the simulators), and hands both to selectCheckPorts, which only ever calls the
 * one the configuration asks for.
 */
import type { AuditLog } from '../../audit/audit-log';
import type { ConsentGatewayClient, DeviceCredential } from '../../oqs/consent';
import type { TerminalClient } from '../../oqs/terminal/client';
import type { StoreDatabase } from '../../store/database';
import { JobQueue } from '../../store/job-queue';
import { StaffDirectory } from '../../store/staff';
import type { CheckPorts, PortOrigin } from '../ports';
import { auditAdapter } from './audit';
import type { CardSource } from './card-sources';
import { consentGatewayAdapter } from './consent-gateway';
import { jpkiCardSession } from './jpki-card-session';
import { referenceBookAdapter } from './reference-book';
import { clerkAdapter, jobQueueAdapter, settingsAdapter, type ClerkSession } from './store';
import { terminalAdapter } from './terminal';

export interface CheckModules {
  store: StoreDatabase;
  auditLog: AuditLog;
  session: ClerkSession;
  card: CardSource;
  consent: { client: ConsentGatewayClient; credential(): DeviceCredential; origin: PortOrigin };
  terminal: { client: TerminalClient; origin: PortOrigin };
  now?: () => Date;
}

export function checkPortsFrom(m: CheckModules): CheckPorts {
  return {
    card: jpkiCardSession(m.card),
    consent: consentGatewayAdapter({ ...m.consent, ...(m.now ? { now: m.now } : {}) }),
    terminal: terminalAdapter(m.terminal.client, m.terminal.origin),
    clerk: clerkAdapter(new StaffDirectory(m.store), m.session),
    audit: auditAdapter(m.auditLog),
    settings: settingsAdapter(m.store),
    jobs: jobQueueAdapter(new JobQueue(m.store)),
    references: referenceBookAdapter(m.store, m.now),
  };
}
