/**
 * `onshi-cart inquiry list|import FILE|export FILE [--encoding utf8|cp932]`: the 照会番号 book for
 * hospital IT. An import with any bad row imports nothing and lists every bad row on stderr. Imports and
 * exports are recorded in the audit log as done by `cli`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AuditLog } from '../../audit/audit-log';
import { AuditErrors } from '../../audit/errors';
import { auditLogOn } from '../../audit/open-audit';
import { AppError } from '../../contract/errors';
import { DeviceRecord, checkInstitutionCode } from '../../store/device';
import type { StoreDatabase } from '../../store/database';
import type { CsvEncoding } from '../../store/inquiry-csv';
import { InquiryBook, InquiryErrors } from '../../store/inquiry-numbers';
import type { CliCommand, OptionSpec } from '../command';
import { DATA_DIR_OPTION, withLocalStore } from '../local-store';
import { CLI_ACTOR } from './audit';

type Values = Record<string, string | boolean | undefined>;

const OPTIONS: OptionSpec = { ...DATA_DIR_OPTION, institution: { type: 'string' } };
const ENCODING_OPTION: OptionSpec = { encoding: { type: 'string' } };

const CliInquiryErrors = {
  noInstitution: () =>
    new AppError('INQUIRY_NO_INSTITUTION', '医療機関コードが設定されていません。端末のアクティベーションを行うか、--institution で指定してください。'),
  otherInstitution: () =>
    new AppError('INQUIRY_OTHER_INSTITUTION', '--institution の医療機関コードが、この端末に設定されたコードと異なります。指定を外すか、コードをご確認ください。'),
  badEncoding: () => new AppError('CLI_BAD_ARGUMENTS', '--encoding には utf8 または cp932 を指定してください。'),
  needFile: () => new AppError('CLI_BAD_ARGUMENTS', 'ファイル名を指定してください。'),
  file: (code: string) => new AppError('INQUIRY_FILE', 'ファイルを読み書きできません。パスと権限をご確認ください。', code),
};

/** The device's 機関コード; --institution only where the device has none yet. */
function bookFor(store: StoreDatabase, values: Values): InquiryBook {
  const fromDevice = new DeviceRecord(store).read().institutionCode;
  const given = typeof values.institution === 'string' ? values.institution : undefined;
  if (fromDevice && given && given !== fromDevice) throw CliInquiryErrors.otherInstitution();
  const code = fromDevice ?? given;
  if (!code) throw CliInquiryErrors.noInstitution();
  checkInstitutionCode(code);
  return new InquiryBook(store, code);
}

/** Imports and exports are recorded in the audit log; while its chain is broken they are refused, like every change. */
async function auditOf(store: StoreDatabase, dataDir: string): Promise<AuditLog> {
  const log = await auditLogOn(store, dataDir);
  const status = log.status();
  if (status.break) throw AuditErrors.chainBroken(status.break.seq, status.break.problem);
  return log;
}

function encodingOf(values: Values, fallback: CsvEncoding | 'auto'): CsvEncoding | 'auto' {
  const value = values.encoding;
  if (value === undefined) return fallback;
  if (value === 'utf8' || value === 'cp932') return value;
  throw CliInquiryErrors.badEncoding();
}

function fileArg(positionals: string[]): string {
  const [file] = positionals;
  if (!file) throw CliInquiryErrors.needFile();
  return file;
}

function fileIo<T>(action: () => T): T {
  try {
    return action();
  } catch (err) {
    throw CliInquiryErrors.file((err as NodeJS.ErrnoException).code ?? 'EIO');
  }
}

export const inquiryCommands: CliCommand[] = [
  {
    path: ['inquiry', 'list'],
    summary: '登録済みの照会番号を一覧表示します',
    options: { ...OPTIONS, search: { type: 'string' } },
    async run({ values }) {
      return withLocalStore(values, (store) => {
        const book = bookFor(store, values);
        const entries = typeof values.search === 'string' ? book.search(values.search) : book.list();
        return { count: entries.length, entries };
      });
    },
    render: (r) => {
      const { entries } = r as { entries: { referenceNumber: string; insurerNumber: string; symbol: string; number: string; branch: string; birthDate: string }[] };
      return [`${entries.length}件`, ...entries.map((e) => [e.referenceNumber, e.insurerNumber, e.symbol, e.number, e.branch, e.birthDate].join('\t'))].join('\n');
    },
  },
  {
    path: ['inquiry', 'import'],
    summary: '照会番号をCSVから取り込みます（誤りが1行でもあれば何も取り込みません）',
    options: { ...OPTIONS, ...ENCODING_OPTION },
    positionals: true,
    async run({ values, positionals }) {
      const bytes = fileIo(() => readFileSync(fileArg(positionals)));
      const encoding = encodingOf(values, 'auto');
      return withLocalStore(values, async (store, dataDir) => {
        const book = bookFor(store, values);
        const log = await auditOf(store, dataDir);
        const outcome = book.importCsv(bytes, encoding);
        if (!outcome.ok) throw InquiryErrors.importRejected(outcome.problems);
        log.append({ kind: 'reference.import', actor: CLI_ACTOR, added: outcome.added, updated: outcome.updated });
        return outcome;
      });
    },
    render: (r) => {
      const o = r as { added: number; updated: number };
      return `取り込みました：追加 ${o.added}件、更新 ${o.updated}件`;
    },
  },
  {
    path: ['inquiry', 'export'],
    summary: '照会番号をCSVに書き出します（--encoding utf8|cp932、既定は utf8）',
    options: { ...OPTIONS, ...ENCODING_OPTION },
    positionals: true,
    async run({ values, positionals }) {
      const file = fileArg(positionals);
      const encoding = encodingOf(values, 'utf8') as CsvEncoding;
      return withLocalStore(values, async (store, dataDir) => {
        const book = bookFor(store, values);
        const log = await auditOf(store, dataDir);
        const { bytes, count, warnings } = book.exportCsv(encoding);
        log.append({ kind: 'export', actor: CLI_ACTOR, what: 'inquiry-numbers', format: `csv-${encoding}`, rows: count });
        fileIo(() => writeFileSync(file, bytes, { mode: 0o600 }));
        return { file, count, encoding, warnings };
      });
    },
    render: (r) => {
      const o = r as { file: string; count: number; warnings: { row: number; reason: string }[] };
      return [`${o.count}件を書き出しました：${o.file}`, ...o.warnings.map((w) => `注意：${w.row}行目 ${w.reason}`)].join('\n');
    },
  },
];
