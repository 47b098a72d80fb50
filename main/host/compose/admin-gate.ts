/**
 * Channels that change how the cart works for everyone (settings, the audit collector) or the
 * institution's 照会番号, and the audit log's "who viewed this patient", are an administrator's: the administrator signed in now. Before the first
 * administrator exists (set-up on a new cart, or after a lost OS key) set-up itself may, as with
 * adding the first staff member.
 */
import type { CartSession } from '../../session/cart-session';
import type { StaffDirectory } from '../../store/staff';
import type { Handler, Handlers } from '../handler-table';

export const ADMIN_CHANNELS = [
  'settings.update',
  'settings.setAuditCollector',
  // The default reader is a setting too (settings.readerName), whichever screen chooses it.
  'card.setDefaultReader',
  'inquiry.register',
  'inquiry.edit',
  'inquiry.delete',
  'inquiry.import',
  // "Who viewed this patient" links staff to a patient: an administrator's question too.
  'audit.find',
  // The whole trail, every patient's keyed reference included.
  'audit.export',
] as const;
type AdminChannel = (typeof ADMIN_CHANNELS)[number];

/** Throws SESSION_LOCKED / SESSION_ADMIN_ONLY unless an administrator is signed in or none exists yet. */
export function requireAdminOrSetup(session: CartSession, staff: StaffDirectory): void {
  if (staff.list().some((m) => m.role === 'admin')) session.requireAdmin();
}

export function adminOnly(handlers: Pick<Handlers, AdminChannel>, session: CartSession, staff: StaffDirectory): Pick<Handlers, AdminChannel> {
  const gated = <C extends AdminChannel>(name: C): Handler<C> => (request, context) => {
    requireAdminOrSetup(session, staff);
    return (handlers[name] as Handler<C>)(request, context);
  };
  return Object.fromEntries(ADMIN_CHANNELS.map((name) => [name, gated(name)])) as unknown as Pick<Handlers, AdminChannel>;
}
