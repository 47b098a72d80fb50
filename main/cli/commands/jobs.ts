/** `onshi-cart jobs`: what waits for the network, for hospital IT; `jobs retry ID` re-queues a failed job. */
import { AppError } from '../../contract/errors';
import { JobQueue, type JobState, type JobView } from '../../store/job-queue';
import type { CliCommand } from '../command';
import { DATA_DIR_OPTION, withLocalStore } from '../local-store';

const STATES: readonly JobState[] = ['pending', 'running', 'done', 'failed'];

export const jobsCommands: CliCommand[] = [
  {
    path: ['jobs'],
    summary: '通信待ちの処理（照会番号登録・同意取消・一括照会・監査ログ送信）を表示します',
    options: { ...DATA_DIR_OPTION, state: { type: 'string' } },
    async run({ values }) {
      const state = values.state;
      if (state !== undefined && !STATES.includes(state as JobState)) {
        throw new AppError('CLI_BAD_ARGUMENTS', `--state には ${STATES.join(' / ')} のいずれかを指定してください。`);
      }
      return withLocalStore(values, (store) => {
        const queue = new JobQueue(store);
        return { counts: queue.counts(), jobs: queue.list(state === undefined ? undefined : [state as JobState]) };
      });
    },
    render: (r) => {
      const { counts, jobs } = r as { counts: Record<JobState, number>; jobs: JobView[] };
      const head = `待機 ${counts.pending} / 実行中 ${counts.running} / 完了 ${counts.done} / 失敗 ${counts.failed}`;
      return [head, ...jobs.map((j) => `${j.id}\t${j.kind}\t${j.state}\t試行${j.attempts}/${j.maxAttempts}\t次回 ${j.nextRunAt}${j.lastError ? `\t${j.lastError}` : ''}`)].join('\n');
    },
  },
  {
    path: ['jobs', 'retry'],
    summary: '失敗した処理をもう一度実行待ちに戻します',
    options: DATA_DIR_OPTION,
    positionals: true,
    async run({ values, positionals }) {
      const id = Number(positionals[0]);
      if (!Number.isInteger(id) || id <= 0) throw new AppError('CLI_BAD_ARGUMENTS', '処理の番号（ID）を指定してください。');
      return withLocalStore(values, (store) => {
        if (!new JobQueue(store).retry(id)) throw new AppError('JOB_NOT_RETRYABLE', '指定の処理は失敗状態ではないため、戻せません。一覧をご確認ください。');
        return { id, state: 'pending' };
      });
    },
  },
];
