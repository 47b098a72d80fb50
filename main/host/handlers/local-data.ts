/**
 * Channels backed by the local store: 照会番号, settings and the job queue. Role checks (admin
 * screens) belong to the session layer in front of these.
 */
import { InquiryBook } from '../../store/inquiry-numbers';
import { JobQueue } from '../../store/job-queue';
import { readSettings, updateSettings } from '../../store/settings';
import type { Handlers } from '../handler-table';
import type { HostConfig } from '../host-config';
import { lazyStore, type StoreAccess } from '../local-store';

type LocalDataChannel =
  | 'inquiry.list' | 'inquiry.register' | 'inquiry.edit' | 'inquiry.delete' | 'inquiry.import' | 'inquiry.export'
  | 'settings.get' | 'settings.update' | 'jobs.list' | 'jobs.retry';

/** Pass the composition root's StoreAccess to share its one connection; alone, it opens its own. */
export function localDataHandlers(config: HostConfig, store: StoreAccess = lazyStore(config)): Pick<Handlers, LocalDataChannel> {
  const now = config.now ?? (() => new Date());
  const book = async () => InquiryBook.ofActivatedDevice(await store(), now);
  const queue = async () => new JobQueue(await store(), { now: () => now().getTime() });
  return {
    'inquiry.list': async ({ search }) => ({ entries: search === undefined ? (await book()).list() : (await book()).search(search) }),
    'inquiry.register': async (record) => (await book()).register(record),
    'inquiry.edit': async ({ id, record }) => (await book()).edit(id, record),
    'inquiry.delete': async ({ id }) => {
      (await book()).remove(id);
      return { deleted: true as const };
    },
    'inquiry.import': async ({ csvBase64, encoding }) => (await book()).importCsv(Buffer.from(csvBase64, 'base64'), encoding),
    'inquiry.export': async ({ encoding }) => {
      const { bytes, count, warnings } = (await book()).exportCsv(encoding);
      return { csvBase64: bytes.toString('base64'), count, warnings };
    },
    'settings.get': async () => readSettings(await store()),
    'settings.update': async (patch) => updateSettings(await store(), patch),
    'jobs.list': async ({ state }) => {
      const q = await queue();
      return { counts: q.counts(), jobs: q.list(state ? [state] : undefined) };
    },
    'jobs.retry': async ({ id }) => ({ id, retried: (await queue()).retry(id) }),
  };
}
