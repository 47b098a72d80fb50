/**
 * `onshi-cart audit collector [set|clear]` and `audit shipping`: the hospital's syslog collector
 * for hospital IT, the same setting and checks as the settings screen, recorded in the audit log as
 * done by `cli`. A running app reads the setting when it starts, so a change here applies after
 * its next start; the status shows how far the collector has confirmed the log.
 */
import path from 'node:path';
import { describeShippingCause } from '../../audit/audit-shipping';
import { readCollector, saveCollector, validateCollector, viewOfCollector, type CollectorView } from '../../audit/collector-config';
import { AuditErrors } from '../../audit/errors';
import { AUDIT_SHIP_JOB } from '../../audit/ship-loop';
import { confirmedThrough, unconfirmedRows } from '../../audit/shipper';
import { JobQueue } from '../../store/job-queue';
import type { CliCommand, OptionSpec } from '../command';
import { CLI_ACTOR, withAudit } from './audit';

const DATA_DIR: OptionSpec = { 'data-dir': { type: 'string' } };
const APPLIES_AFTER_RESTART = 'アプリを起動中の場合は、次の起動から反映されます。';

const renderCollector = (r: unknown): string => {
  const { collector } = r as { collector: CollectorView | null };
  if (!collector) return '監査ログの集約サーバーは設定されていません（送信しません）。';
  return [
    `集約サーバー：${collector.host}:${collector.port}`,
    `CA証明書：${collector.ca.subject}（有効期限 ${collector.ca.validTo}）`,
    `SHA-256：${collector.ca.fingerprint256}`,
    collector.client ? `クライアント証明書：${collector.client.subject}（有効期限 ${collector.client.validTo}、SHA-256 ${collector.client.fingerprint256}）` : 'クライアント証明書：なし',
  ].join('\n');
};

export const auditCollectorCommands: CliCommand[] = [
  {
    path: ['audit', 'collector'],
    summary: '監査ログの集約サーバー（syslog over TLS）の設定を表示します',
    options: DATA_DIR,
    async run({ values }) {
      return withAudit(values, ({ store }) => {
        const config = readCollector(store);
        return { collector: config ? viewOfCollector(config) : null };
      });
    },
    render: renderCollector,
  },
  {
    path: ['audit', 'collector', 'set'],
    summary: '集約サーバーを設定します（--host、--port、--ca CA証明書のPEMファイル。求められる場合は --client-cert と --client-key）',
    options: { ...DATA_DIR, host: { type: 'string' }, port: { type: 'string' }, ca: { type: 'string' }, 'client-cert': { type: 'string' }, 'client-key': { type: 'string' } },
    async run({ values }) {
      const { host, port, ca } = values;
      if (typeof host !== 'string' || typeof port !== 'string' || typeof ca !== 'string') throw AuditErrors.badOption('--host, --port and --ca are required');
      const fileOf = (value: string | boolean | undefined) => (typeof value === 'string' ? path.resolve(value) : undefined);
      // A port that is not all digits goes in as NaN, so the same check as the screen's names the problem.
      const config = validateCollector(
        {
          host,
          port: /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN,
          caFile: path.resolve(ca),
          clientCertFile: fileOf(values['client-cert']),
          clientKeyFile: fileOf(values['client-key']),
        },
        new Date(),
      );
      return withAudit(values, ({ store, log }) => {
        saveCollector(store, log, config, CLI_ACTOR);
        return { collector: viewOfCollector(config) };
      });
    },
    render: (r) => `${renderCollector(r)}\n設定しました。${APPLIES_AFTER_RESTART}`,
  },
  {
    path: ['audit', 'collector', 'clear'],
    summary: '集約サーバーの設定を削除します（以後は送信しません）',
    options: DATA_DIR,
    async run({ values }) {
      return withAudit(values, ({ store, log }) => {
        saveCollector(store, log, null, CLI_ACTOR);
        return { collector: null };
      });
    },
    render: () => `集約サーバーの設定を削除しました。${APPLIES_AFTER_RESTART}`,
  },
  {
    path: ['audit', 'shipping'],
    summary: '集約サーバーへの送信状況（確認済みの番号、未送信の件数、再送の予定）を表示します',
    options: DATA_DIR,
    async run({ values }) {
      return withAudit(values, ({ store }) => {
        const config = readCollector(store);
        const job = new JobQueue(store).list(['pending', 'running']).find((j) => j.kind === AUDIT_SHIP_JOB);
        return {
          collector: config ? { host: config.host, port: config.port } : null,
          confirmedThrough: confirmedThrough(store.db),
          backlog: unconfirmedRows(store.db),
          retry: job?.lastError ? { attempts: job.attempts, lastError: job.lastError, message: describeShippingCause(job.lastError), nextAttemptAt: job.nextRunAt } : null,
        };
      });
    },
    render: (r) => {
      const s = r as { collector: { host: string; port: number } | null; confirmedThrough: number; backlog: number; retry: { message: string; nextAttemptAt: string } | null };
      const where = s.collector ? `${s.collector.host}:${s.collector.port}` : '未設定（送信しません）';
      const lines = [`集約サーバー：${where}`, `確認済み：${s.confirmedThrough}番まで`, `未送信：${s.backlog}件`];
      if (s.retry) lines.push(`${s.retry.message}次の再送：${s.retry.nextAttemptAt}`);
      return lines.join('\n');
    },
  },
];
