/**
 * The composition root: opens the installation (store and audit log on one database), decides
 * 研修モード from the settings (no consent gateway configured), starts the simulators only then,
 * watches the card readers, and hands every handler its services. If the installation cannot be
 * opened (a lost OS key, a database from a newer version), every channel that needs it answers with
 * that error, so the clerk reads what to do instead of facing a dead window; a lost OS key also
 * offers the discard that lets set-up run again (key-loss.ts). Audit rows are shipped to the
 * hospital's collector when one is configured.
 */
import { AuditLog } from '../../audit/audit-log';
import { AuditShipping } from '../../audit/audit-shipping';
import { readCollector } from '../../audit/collector-config';
import { pcscCardSource, type CardSource } from '../../check/adapters/card-sources';
import { channelNames, toAppError, type AppError, type Channel } from '../../contract';
import { DeviceActivation } from '../../session/device-activation';
import { CartSession, SessionErrors } from '../../session/cart-session';
import { CheckRecords } from '../../store/check-records';
import { DeviceRecord } from '../../store/device';
import type { StoreDatabase } from '../../store/database';
import { readSettings } from '../../store/settings';
import { isTrainingMode } from '../../common/training';
import { StaffDirectory } from '../../store/staff';
import { smartcardBinding } from '../../../native/pcsc/binding';
import { ReaderMonitor } from '../../../native/pcsc/reader-monitor';
import type { EventHub } from '../event-hub';
import type { Handlers } from '../handler-table';
import type { HostConfig } from '../host-config';
import { lazyStore } from '../local-store';
import { appHandlers } from '../handlers/app';
import { auditHandlers } from '../handlers/audit';
import { cardHandlers, trustAnchorDirOf } from '../handlers/card';
import { checkHandlers } from '../handlers/check';
import { historyHandlers } from '../handlers/history';
import { keepCheckHistory } from './check-history';
import { auditedInquiry } from '../handlers/inquiry-audit';
import { localDataHandlers } from '../handlers/local-data';
import { sessionHandlers } from '../handlers/session';
import { changeSettings, settingsChangeHandlers, type SettingsChangeDeps } from '../handlers/settings-changes';
import { lazyCheckService } from './check-composition';
import { consentClientFor, simulatorsOf, terminalClientFor } from './gateways';
import { adminOnly } from './admin-gate';
import { keyLostHandlers, keyNotLost, recordKeyLossDiscard, type ComposeHooks } from './key-loss';
import { trainingHandlers } from '../handlers/training';
import { trainingCard } from './training-card';
import { startTrainingWorld, type TrainingWorld } from './training-world';

export interface ComposedServices {
  readonly handlers: Handlers;
  readonly trainingMode: boolean;
  close(): Promise<void>;
}

/** Every channel but app.info answers with the start-up error; a lost OS key also offers its way out. */
function unavailableHandlers(config: HostConfig, error: AppError, hooks: ComposeHooks): Handlers {
  const failing = Object.fromEntries(channelNames.map((name: Channel) => [name, () => Promise.reject(error)]));
  const way = error.code === 'STORE_KEY_LOST' ? keyLostHandlers(config, hooks) : {};
  return { ...failing, ...appHandlers(config), ...way } as Handlers;
}

/** Accepting a broken audit chain is an administrator's act, by the administrator signed in now. */
function adminOnlyAcknowledge(handlers: ReturnType<typeof auditHandlers>, session: CartSession): ReturnType<typeof auditHandlers> {
  return {
    ...handlers,
    'audit.acknowledge': (request) => {
      if (String(session.requireAdmin().id) !== request.admin) throw SessionErrors.adminOnly();
      return { seq: session.acknowledgeAuditBreak(request.breakAt) };
    },
  };
}

export async function composeServices(config: HostConfig, events: EventHub, hooks: ComposeHooks): Promise<ComposedServices> {
  const now = config.now ?? (() => new Date());
  const openStore = lazyStore(config);
  let store: StoreDatabase | undefined;
  let auditLog: AuditLog;
  try {
    store = await openStore();
    auditLog = await AuditLog.open({
      db: store.db,
      dataDir: config.dataDir,
      keys: { chain: store.crypto.deriveKey('audit-chain'), patient: store.crypto.deriveKey('audit-patient') },
      now,
    });
    await recordKeyLossDiscard(store, auditLog);
  } catch (err) {
    const error = toAppError(err);
    return { handlers: unavailableHandlers(config, error, hooks), trainingMode: config.trainingMode, close: async () => store?.close() };
  }
  const opened = store;
  const settings = () => readSettings(opened);
  const trainingMode = isTrainingMode(settings());
  const effective: HostConfig = { ...config, trainingMode };
  const world: TrainingWorld | null = trainingMode ? await startTrainingWorld(config.dataDir) : null;

  const staff = new StaffDirectory(opened, now);
  const device = new DeviceRecord(opened, now);
  const session = new CartSession({ staff, audit: auditLog, idleSeconds: () => settings().idleLockSeconds });
  const consentClient = () => consentClientFor(settings(), config.adapters, world);
  const activation = new DeviceActivation({ device, audit: auditLog, consentClient, adoptInstitutionChoices: (choices) => changeSettings(settingsChangeDeps, choices) });
  const shipping = new AuditShipping({ store: opened, log: auditLog, now });
  await shipping.configure(readCollector(opened));

  const monitor = new ReaderMonitor(config.adapters?.pcsc ?? smartcardBinding, { defaultReader: settings().readerName ?? undefined });
  monitor.start();
  // The card step itself answers "service down" or "no reader"; a check may start before either.
  const training = world ? trainingCard(monitor) : null;
  const cardSource = (): CardSource => training?.source ?? pcscCardSource(monitor);
  const checks = lazyCheckService({
    store: opened,
    auditLog,
    session,
    card: cardSource,
    consentClient,
    credential: () => activation.credential(),
    terminalClient: () => terminalClientFor(settings(), device.read().institutionCode, world),
    trainingMode,
    checkMode: () => void simulatorsOf(settings(), world),
    now,
  });
  // Work queued offline goes out once the device can reach OQS: at start, after set-up, and after a
  // settings change (the terminal folder may only now be configured), not only at the next check.
  const sendQueuedWork = () => {
    if (device.read().state === 'activated') checks.sendQueuedWork();
  };
  sendQueuedWork();
  const records = new CheckRecords(opened, now);
  const stopHistory = keepCheckHistory({ checks, records, session, now });

  const actor = () => session.currentStaffId() ?? 'setup';
  const storeChannels = localDataHandlers(effective, async () => opened);
  const localData = { ...storeChannels, ...auditedInquiry(storeChannels, { log: auditLog, actor }) };
  const settingsChangeDeps: SettingsChangeDeps = {
    store: opened,
    log: auditLog,
    shipping,
    actor,
    now,
    applied: (saved) => {
      monitor.defaultReader = saved.readerName ?? undefined;
      sendQueuedWork();
    },
  };
  const settingsChanges = settingsChangeHandlers(settingsChangeDeps);
  const cardChannels = cardHandlers({
    monitor,
    events,
    trustAnchorDir: trustAnchorDirOf(config.dataDir),
    saveDefaultReader: (reader) => changeSettings(settingsChangeDeps, { readerName: reader }),
    now,
  });
  const auditChannels = adminOnlyAcknowledge(auditHandlers({ audit: { store: opened, log: auditLog, close: () => undefined }, shipping, actor }), session);
  const sessionChannels = sessionHandlers({
    session,
    staff,
    activation,
    idleLockSeconds: () => settings().idleLockSeconds,
    trainingAccount: world?.account ?? null,
    events,
  });
  const handlers: Handlers = {
    ...appHandlers(effective),
    ...sessionChannels,
    'setup.activate': async (request, context) => {
      const state = await sessionChannels['setup.activate'](request, context);
      sendQueuedWork();
      return state;
    },
    ...cardChannels,
    ...checkHandlers({ checks, events }),
    ...historyHandlers({ records, staff }),
    ...trainingHandlers({ world, card: training, events }),
    ...auditChannels,
    ...localData,
    ...settingsChanges,
    ...adminOnly({ ...localData, ...settingsChanges, ...auditChannels, ...cardChannels }, session, staff),
    'setup.discardAfterKeyLoss': () => Promise.reject(keyNotLost()),
  };

  return {
    handlers,
    trainingMode,
    async close() {
      // The lock itself always happens; recording it fails while the chain is broken, and that must not keep the rest open.
      try {
        session.lock('shutdown');
      } catch {
        /* the audit screen already shows the break */
      }
      stopHistory();
      checks.close();
      await shipping.close();
      await monitor.stop();
      await world?.close();
      opened.close();
    },
  };
}
