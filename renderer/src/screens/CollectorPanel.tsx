import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf, ResponseOf } from '../../../main/contract';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { formatWarekiDate } from '../format/dates';
import { useAttempt } from '../ipc/useAttempt';

type CollectorView = NonNullable<ResponseOf<'settings.auditCollector'>['collector']>;
export type CollectorInput = NonNullable<RequestOf<'settings.setAuditCollector'>['collector']>;

const PEM_FILES = '.pem,.crt,.cer,.key,application/x-pem-file';
const DEFAULT_PORT = '6514';
type PemSlot = 'ca' | 'clientCert' | 'clientKey';

export interface CollectorPanelProps {
  /** What is saved now; null when the log is not shipped anywhere. */
  collector: CollectorView | null;
  /** Saves (null: stops shipping) and resolves with what is saved now; rejects with the services' sentence when a value is refused. */
  onSave(input: CollectorInput | null): Promise<CollectorView | null>;
}

function Certificate({ label, certificate }: { label: string; certificate: CollectorView['ca'] }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {certificate.subject}
        <br />
        <small className="hint">
          {t('collector.validTo', { date: formatWarekiDate(new Date(certificate.validTo)) })} SHA-256 {certificate.fingerprint256}
        </small>
      </dd>
    </>
  );
}

/**
 * For administrators: the hospital's syslog collector the audit log goes to. Certificates are
 * chosen as files on this PC and go to the services as PEM text, which check them and keep the
 * client key sealed; a saved key is never shown again.
 */
export function CollectorPanel({ collector, onSave }: CollectorPanelProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(collector);
  const [host, setHost] = useState(collector?.host ?? '');
  const [port, setPort] = useState(collector ? String(collector.port) : DEFAULT_PORT);
  const [pems, setPems] = useState<Partial<Record<PemSlot, string>>>({});
  const [saved, setSaved] = useState<'saved' | 'cleared' | null>(null);
  const { error, attempt } = useAttempt();

  const save = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      setSaved(null);
      const stored = await onSave({
        host,
        port: /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN,
        ...(pems.ca !== undefined ? { caPem: pems.ca } : {}),
        ...(pems.clientCert !== undefined ? { clientCertPem: pems.clientCert } : {}),
        ...(pems.clientKey !== undefined ? { clientKeyPem: pems.clientKey } : {}),
      });
      setCurrent(stored);
      setSaved('saved');
    });
  };
  const clear = () =>
    void attempt(async () => {
      setSaved(null);
      setCurrent(await onSave(null));
      setSaved('cleared');
    });

  const pemField = (slot: PemSlot) => (
    <div className="field" key={slot}>
      <label htmlFor={`collector-${slot}`}>{t(`collector.files.${slot}`)}</label>
      <input
        id={`collector-${slot}`}
        type="file"
        accept={PEM_FILES}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void attempt(async () => setPems({ ...pems, [slot]: await file.text() }));
        }}
      />
    </div>
  );

  return (
    <form className="panel" aria-labelledby="collector-title" onSubmit={save} noValidate>
      <h3 id="collector-title">{t('collector.title')}</h3>
      {current ? (
        <dl data-testid="collector-current">
          <dt>{t('collector.address')}</dt>
          <dd>
            {current.host}:{current.port}
          </dd>
          <Certificate label={t('collector.ca')} certificate={current.ca} />
          {current.client ? (
            <Certificate label={t('collector.client')} certificate={current.client} />
          ) : (
            <>
              <dt>{t('collector.client')}</dt>
              <dd>{t('collector.noClient')}</dd>
            </>
          )}
        </dl>
      ) : (
        <p data-testid="collector-current">{t('collector.none')}</p>
      )}
      <Field label={t('collector.host')} hint={t('collector.hostHint')} autoComplete="off" value={host} onChange={(e) => setHost(e.target.value)} />
      <Field label={t('collector.port')} inputMode="numeric" autoComplete="off" value={port} onChange={(e) => setPort(e.target.value.trim())} />
      {(['ca', 'clientCert', 'clientKey'] as const).map(pemField)}
      <p className="hint">{t('collector.clientHint')}</p>
      {error && <ErrorPanel error={error} />}
      {saved && (
        <p className="notice" role="status" data-testid="collector-saved">
          {t(`collector.${saved}`)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('collector.save')}
        </button>
        {current && (
          <button type="button" className="button" onClick={clear}>
            {t('collector.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
