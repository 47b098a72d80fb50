/**
 * `onshi-cart audit …`: verification, export, "who viewed this patient" and reconciliation with
 * the hospital's collector, for hospital IT. Every command takes --data-dir and --json.
 */
import { AppError } from '../../contract/errors';
import { AuditErrors } from '../../audit/errors';
import { parseSince, rowsForPatient, writeExport } from '../../audit/export';
import { isTrainingMode } from '../../common/training';
import { readSettings } from '../../store/settings';
import { openAudit, type OpenedAudit } from '../../audit/open-audit';
import { reconcileCollectorLog } from '../../audit/reconcile';
import { resolveDataDir } from '../../host/data-dir';
import { KeyFileSecretProtector } from '../../store/secret-protector';
import type { CliCommand, OptionSpec } from '../command';

type Values = Record<string, string | boolean | undefined>;

const DATA_DIR: OptionSpec = { 'data-dir': { type: 'string' } };
/** The command line acts as this user in the log (it has no clerk logged in). */
export const CLI_ACTOR = 'cli';

export async function withAudit<T>(values: Values, use: (audit: OpenedAudit) => Promise<T> | T): Promise<T> {
  const dataDir = resolveDataDir(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined);
  const audit = await openAudit({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
  try {
    return await use(audit);
  } finally {
    audit.close();
  }
}

function text(values: Values, name: string, required: boolean): string | undefined {
  const value = values[name];
  if (typeof value === 'string') return value;
  if (required) throw AuditErrors.badOption(`--${name} is required`);
  return undefined;
}

export const auditCommands: CliCommand[] = [
  {
    path: ['audit', 'verify'],
    summary: '監査ログの改ざん・欠落を検証します（既定は最新の控えから、--full で全件）',
    options: { ...DATA_DIR, full: { type: 'boolean' } },
    async run({ values }) {
      return withAudit(values, async ({ log }) => {
        const report = await log.verify({ full: values.full === true });
        if (report.firstBad) throw AuditErrors.chainBroken(report.firstBad.seq, report.firstBad.problem);
        return report;
      });
    },
    render: (r) => {
      const report = r as { checked: number; from: number; through: number; acknowledged: unknown[] };
      return `監査ログは正常です（${report.from}〜${report.through}番、${report.checked}件を検証${report.acknowledged.length ? `、承認済みの異常 ${report.acknowledged.length}件` : ''}）。`;
    },
  },
  {
    path: ['audit', 'acknowledge'],
    summary: '検証で見つかった異常を承認し、記録を再開します（--at 最初の異常の番号。--full で全件を検証して照合）',
    options: { ...DATA_DIR, at: { type: 'string' }, full: { type: 'boolean' } },
    async run({ values }) {
      const at = text(values, 'at', true)!;
      if (!/^\d{1,15}$/.test(at)) throw AuditErrors.badOption('--at must be a row number');
      return withAudit(values, async ({ log }) => {
        // Whoever runs this sees the same break the app stopped at: a full check when asked for one.
        if (values.full === true) await log.verify({ full: true });
        return log.acknowledgeBreak(CLI_ACTOR, Number(at));
      });
    },
    render: (r) => `異常を承認し、記録を再開しました（承認の記録：${(r as { seq: number }).seq}番）。`,
  },
  {
    path: ['audit', 'export'],
    summary: '監査ログを書き出します（--format jsonl|csv、--since 日付または日時）',
    options: { ...DATA_DIR, format: { type: 'string' }, since: { type: 'string' } },
    async run({ values }, io) {
      const format = text(values, 'format', true);
      if (format !== 'jsonl' && format !== 'csv') throw AuditErrors.badOption(`--format ${String(format).slice(0, 20)}`);
      const sinceText = text(values, 'since', false);
      const since = sinceText === undefined ? undefined : parseSince(sinceText);
      return withAudit(values, ({ log, store }) => {
        const rows = writeExport({ db: store.db, log }, { format, ...(since ? { since } : {}), actor: CLI_ACTOR, trainingMode: isTrainingMode(readSettings(store)) }, (line) => process.stdout.write(`${line}\n`));
        if (!io.json) process.stderr.write(`${rows}件を書き出しました。\n`);
        return undefined;
      });
    },
  },
  {
    path: ['audit', 'find'],
    summary: '保険の記号・番号等から、その患者に関する記録（誰がいつ操作したか）を探します',
    options: {
      ...DATA_DIR,
      insurer: { type: 'string' },
      symbol: { type: 'string' },
      number: { type: 'string' },
      branch: { type: 'string' },
      birthdate: { type: 'string' },
    },
    async run({ values }) {
      const ids = {
        insurer: text(values, 'insurer', true)!,
        number: text(values, 'number', true)!,
        birthdate: text(values, 'birthdate', true)!,
        symbol: text(values, 'symbol', false),
        branch: text(values, 'branch', false),
      };
      return withAudit(values, ({ log, store }) => {
        const patient = log.patientRef(ids);
        const rows = rowsForPatient(store.db, patient);
        // Looking up a patient's trail is itself an access worth recording (without the identifiers).
        if (log.status().state === 'ok') log.append({ kind: 'export', actor: CLI_ACTOR, what: 'audit-find', format: 'json', rows: rows.length });
        return { patient, rows };
      });
    },
    render: (r) => {
      const { rows } = r as { rows: Array<{ seq: number; atTokyo: string; kind: string; actor: string }> };
      if (rows.length === 0) return 'この患者に関する記録はありません。';
      return rows.map((row) => `${row.seq}\t${row.atTokyo}\t${row.kind}\t${row.actor}`).join('\n');
    },
  },
  {
    path: ['audit', 'reconcile'],
    summary: '集約サーバーが受信したログと端末の監査ログを照合し、欠落・重複を調べます',
    options: DATA_DIR,
    positionals: true,
    async run({ values, positionals }) {
      const file = positionals[0];
      if (!file || positionals.length > 1) throw AuditErrors.badOption('one collector log file is required');
      return withAudit(values, async ({ store }) => {
        const report = await reconcileCollectorLog(store.db, file);
        if (!report.ok) {
          throw new AppError(
            'AUDIT_RECONCILE_MISMATCH',
            '集約サーバーの受信ログに欠落または不一致があります。詳細を管理者へお伝えください。',
            JSON.stringify({ gaps: report.gaps.slice(0, 20), mismatched: report.mismatched.slice(0, 20) }),
          );
        }
        return report;
      });
    },
    render: (r) => {
      const report = r as { distinctReceived: number; duplicates: { messages: number }; notYetReceived: { from: number; to: number } | null };
      const pending = report.notYetReceived ? `、未送信 ${report.notYetReceived.from}〜${report.notYetReceived.to}番` : '';
      return `欠落はありません（受信 ${report.distinctReceived}件、重複 ${report.duplicates.messages}件${pending}）。`;
    },
  },
];
