import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../main/contract/channels/session';
import { ErrorPanel } from '../components/ErrorPanel';
import { useAttempt } from '../ipc/useAttempt';

export interface AuditBreakScreenProps {
  auditBreak: NonNullable<SessionState['auditBreak']>;
  /** Accepts the break as the signed-in administrator; rejects with the services' sentence. */
  onAcknowledge(): Promise<void>;
}

/**
 * What an administrator sees after unlocking while the audit log has stopped recording: which row
 * is wrong and why, what accepting does, and the one button that resumes recording.
 */
export function AuditBreakScreen({ auditBreak, onAcknowledge }: AuditBreakScreenProps) {
  const { t } = useTranslation();
  const { error, attempt } = useAttempt();
  const [sending, setSending] = useState(false);
  const problem = t(`audit.problems.${auditBreak.problem}`, { defaultValue: t('audit.problems.unknown') });
  return (
    <section className="panel" aria-labelledby="audit-break-title">
      <h2 id="audit-break-title">{t('auditBreak.title')}</h2>
      <p className="warning" role="alert" data-testid="audit-break">
        {t('auditBreak.found', { seq: auditBreak.seq, problem })}
      </p>
      <p>{t('auditBreak.stopped')}</p>
      <p>{t('auditBreak.what')}</p>
      <p className="hint">{t('auditBreak.before')}</p>
      {error && <ErrorPanel error={error} />}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={sending}
          onClick={() =>
            void attempt(async () => {
              setSending(true);
              try {
                await onAcknowledge();
              } finally {
                setSending(false);
              }
            })
          }
        >
          {t('auditBreak.acknowledge')}
        </button>
      </div>
    </section>
  );
}
