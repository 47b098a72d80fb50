/** The day's checks for the clerk's list, with the staff member's display name. */
import type { TodayCheck } from '../../contract/channels/history';
import type { CheckRecords } from '../../store/check-records';
import type { StaffDirectory } from '../../store/staff';
import type { Handlers } from '../handler-table';

const OUTCOMES: ReadonlySet<string> = new Set(['completed', 'cancelled', 'idle', 'fallback', 'notRegistered']);

export function historyHandlers(deps: { records: CheckRecords; staff: StaffDirectory }): Pick<Handlers, 'history.today'> {
  return {
    'history.today': () => {
      const names = new Map(deps.staff.list().map((m) => [m.id, m.displayName]));
      const checks = deps.records.listDay().map(
        (r): TodayCheck => ({
          id: r.id,
          checkedAt: r.checkedAt.toISOString(),
          staffName: r.staffId === null ? null : (names.get(r.staffId) ?? null),
          // The store's column is free text: anything unknown shows as cancelled instead of breaking the list.
          outcome: (OUTCOMES.has(r.outcome) ? r.outcome : 'cancelled') as TodayCheck['outcome'],
          patientName: typeof r.summary.patientName === 'string' ? r.summary.patientName : null,
        }),
      );
      return { checks };
    },
  };
}
