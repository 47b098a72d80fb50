import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../main/contract/channels/session';
import { ErrorPanel } from '../components/ErrorPanel';
import { useAttempt } from '../ipc/useAttempt';
import { ClerkPasscodes, type NewClerk } from './ClerkPasscodes';

export interface StaffPanelProps {
  staff: SessionState['staff'];
  onAddClerk(clerk: NewClerk): Promise<void>;
  onUnlockClerk(staffId: number): Promise<void>;
}

/** The administrator's list of who may use the cart: add a clerk, lift a passcode lockout. */
export function StaffPanel({ staff, onAddClerk, onUnlockClerk }: StaffPanelProps) {
  const { t } = useTranslation();
  const { error, attempt } = useAttempt();
  return (
    <>
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">{t('staff.title')}</h2>
        <table className="table" data-testid="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('setup.clerkName')}</th>
              <th scope="col">{t('setup.role')}</th>
              <th scope="col">{t('staff.state')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <td>{member.displayName}</td>
                <td>{t(`setup.roles.${member.role}`)}</td>
                <td>
                  {member.locked ? (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('staff.unlockOne', { name: member.displayName })}
                      onClick={() => void attempt(() => onUnlockClerk(member.id))}
                    >
                      {t('staff.unlock')}
                    </button>
                  ) : (
                    t('staff.active')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {error && <ErrorPanel error={error} />}
      </section>
      <ClerkPasscodes roles={['clerk', 'admin']} onAddClerk={onAddClerk} />
    </>
  );
}
