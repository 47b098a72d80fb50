/**
 * The clerk's and administrator's screens wired to their channels. Each screen component takes
 * plain props; these wrappers load its data and turn its actions into calls.
 */
import { useCallback, useState } from 'react';
import { isTrainingMode } from '../../../main/common/training';
import { ErrorPanel } from '../components/ErrorPanel';
import { downloadBase64, exportFileName, fileToBase64 } from '../format/files';
import { useAppInfo } from '../ipc/useAppInfo';
import { call } from '../ipc/onshi';
import { useLoaded } from '../ipc/useLoaded';
import { AuditScreen } from './AuditScreen';
import { CollectorPanel } from './CollectorPanel';
import { JobsScreen } from './lists/JobsScreen';
import { ReferenceNumbersScreen } from './lists/ReferenceNumbersScreen';
import { TodayScreen } from './lists/TodayScreen';
import { useSession } from '../session/useSession';
import { SettingsScreen } from './SettingsScreen';
import { StaffPanel } from './StaffPanel';

export function SettingsRoute() {
  const { value, error } = useLoaded(useCallback(() => call('settings.get', {}), []));
  // Without a reader service (no pcscd) the list is empty and the automatic choice remains.
  const readers = useLoaded(useCallback(() => call('card.readers', {}), [])).value?.readers ?? [];
  const session = useSession().state;
  if (error) return <ErrorPanel error={error} />;
  if (!value) return null;
  return (
    <>
      <SettingsScreen settings={value} readers={readers} runningInTraining={session ? session.trainingMode : isTrainingMode(value)} onSave={(settings) => call('settings.update', settings)} />
      {session?.current?.role === 'admin' && (
        <StaffPanel
          staff={session.staff}
          onAddClerk={async ({ name, role, passcode }) => {
            await call('setup.addStaff', { displayName: name, role, passcode });
          }}
          onUnlockClerk={async (staffId) => {
            await call('staff.unlock', { staffId });
          }}
        />
      )}
    </>
  );
}

export function ReferenceNumbersRoute() {
  const training = useAppInfo().info?.trainingMode;
  const [search, setSearch] = useState('');
  const { value, error, reload } = useLoaded(useCallback(() => call('inquiry.list', search ? { search } : {}), [search]));
  if (error) return <ErrorPanel error={error} />;
  return (
    <ReferenceNumbersScreen
      entries={value?.entries ?? []}
      onSearch={setSearch}
      onSave={async (record, id) => {
        await (id === null ? call('inquiry.register', record) : call('inquiry.edit', { id, record }));
        reload();
      }}
      onRemove={async (id) => {
        await call('inquiry.delete', { id });
        reload();
      }}
      onImport={async (file) => {
        const report = await call('inquiry.import', { csvBase64: await fileToBase64(file), encoding: 'auto' });
        reload();
        return report;
      }}
      onExport={async (encoding) => {
        const { csvBase64 } = await call('inquiry.export', { encoding });
        downloadBase64(csvBase64, exportFileName(`shokai-bango-${encoding}.csv`, training), 'text/csv');
      }}
    />
  );
}

export function TodayRoute() {
  const { value, error } = useLoaded(useCallback(() => call('history.today', {}), []));
  if (error) return <ErrorPanel error={error} />;
  return <TodayScreen checks={value?.checks ?? []} />;
}

export function JobsRoute() {
  const { value, error, reload } = useLoaded(useCallback(() => call('jobs.list', {}), []));
  if (error) return <ErrorPanel error={error} />;
  return <JobsScreen jobs={value?.jobs ?? []} onRetry={(id) => void call('jobs.retry', { id }).then(reload)} />;
}

export function AuditRoute() {
  const training = useAppInfo().info?.trainingMode;
  const shipping = useLoaded(useCallback(() => call('audit.shipping', {}), []));
  const collector = useLoaded(useCallback(() => call('settings.auditCollector', {}), [])).value;
  return (
    <>
      <AuditScreen
        shipping={shipping.value ?? null}
        onVerify={() => call('audit.verify', { full: false })}
        onFind={async (query) => (await call('audit.find', query)).rows}
        onExport={async (format, since) => {
          const file = await call('audit.export', { format, ...(since ? { since } : {}) });
          downloadBase64(file.contentBase64, exportFileName(file.filename, training), format === 'csv' ? 'text/csv' : 'application/x-ndjson');
        }}
      />
      {collector && (
        <CollectorPanel
          collector={collector.collector}
          onSave={async (input) => {
            const saved = await call('settings.setAuditCollector', { collector: input });
            shipping.reload();
            return saved.collector;
          }}
        />
      )}
    </>
  );
}
