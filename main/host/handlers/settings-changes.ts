/**
 * Channels that change settings, each change recorded in the audit log in the same transaction as
 * the change itself: a change the log cannot record (a broken chain) is not made. The audit
 * collector setting also restarts shipping toward the new address. Running services are told each
 * committed change, so a new setting takes effect without a restart.
 */
import type { AuditLog } from '../../audit/audit-log';
import type { AuditShipping } from '../../audit/audit-shipping';
import { readCollector, saveCollector, validateCollector, viewOfCollector, type CollectorConfig } from '../../audit/collector-config';
import type { Settings } from '../../contract/channels/settings';
import type { StoreDatabase } from '../../store/database';
import { readSettings, updateSettings } from '../../store/settings';
import type { Handlers } from '../handler-table';

type SettingsChangeChannel = 'settings.update' | 'settings.auditCollector' | 'settings.setAuditCollector';

export interface SettingsChangeDeps {
  readonly store: StoreDatabase;
  readonly log: AuditLog;
  readonly shipping: AuditShipping;
  /** Who changes it: the signed-in staff member, or 'setup' while nobody can sign in yet. */
  readonly actor: () => string;
  readonly now: () => Date;
  /** Called with the settings after each committed change. */
  readonly applied?: (settings: Settings) => void;
}

/** The audit log's keys are lower-case words: enabledConsentItems → enabled-consent-items. */
const auditKey = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Saves a settings patch with one settings.change audit row per value that changed. */
export function changeSettings(deps: SettingsChangeDeps, patch: Partial<Settings>): Settings {
  const after = deps.store.db.transaction((): Settings => {
    const before = readSettings(deps.store);
    const saved = updateSettings(deps.store, patch);
    const actor = deps.actor();
    for (const name of Object.keys(patch) as (keyof Settings)[]) {
      if (JSON.stringify(before[name]) !== JSON.stringify(saved[name])) deps.log.append({ kind: 'settings.change', actor, key: auditKey(name) });
    }
    return saved;
  })();
  deps.applied?.(after);
  return after;
}

export function settingsChangeHandlers(deps: SettingsChangeDeps): Pick<Handlers, SettingsChangeChannel> {
  const view = (config: CollectorConfig | null) => ({ collector: config ? viewOfCollector(config) : null });
  return {
    'settings.update': (patch) => changeSettings(deps, patch),
    'settings.auditCollector': () => view(readCollector(deps.store)),
    'settings.setAuditCollector': async ({ collector }) => {
      const config = collector === null ? null : validateCollector(collector, deps.now());
      saveCollector(deps.store, deps.log, config, deps.actor());
      await deps.shipping.configure(config);
      return view(config);
    },
  };
}
