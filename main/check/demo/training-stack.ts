/**
 * Everything a training check runs on, in this process: the consent gateway simulator reached
 * through the real client over HTTPS, the simulated 資格確認端末 folder, the store and the audit log
 * in a data folder, and the virtual card (in this process, or behind pcscd in a named reader).
 * Used by `onshi-cart demo`; nothing here is ever chosen when a real endpoint is configured.
 */
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { openAudit, type OpenedAudit } from '../../audit/open-audit';
import { ConsentGatewayClient, createNodeHttpsTransport, startConsentSimulator, createFixtureWorld } from '../../oqs/consent';
import type { ConsentSimulator, DeviceCredential, FixtureWorld } from '../../oqs/consent';
import { SIMULATED_INSTITUTION_CODE } from '../../oqs/population';
import { TerminalClient } from '../../oqs/terminal/client';
import { TerminalSimulator } from '../../oqs/terminal/simulator/terminal-simulator';
import { KeyFileSecretProtector } from '../../store/secret-protector';
import { updateSettings } from '../../store/settings';
import { StaffDirectory } from '../../store/staff';
import { CONSENT_ITEM_INFO, CONSENT_ITEMS } from '../consent-items';
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import type { CardTransport } from '../../../native/apdu/transport';
import { readAuthCertificate, selectJpkiAp } from '../../../native/jpki/jpki-card';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import { checkPortsFrom } from '../adapters/compose';
import { inProcessCardSource, type CardSource } from '../adapters/card-sources';
import type { CheckPorts } from '../ports';

const ACCOUNT = { userId: 'demo01', password: 'training-only', role: '2', startDate: '2020-04-01' } as const;
const DEMO_CLERK = 'デモ職員';
/** The demo clerk's passcode, for 目視 in scripted checks (a training data folder only). */
export const DEMO_PASSCODE = '2580';

export interface TrainingStack {
  ports: CheckPorts;
  now(): Date;
  close(): Promise<void>;
}

/** The simulator knows the fixture's registered person; the virtual card is made to be that person. */
function worldFor(aliases: Map<string, string>): FixtureWorld {
  const base = createFixtureWorld();
  return {
    ...base,
    directory: {
      find: (holder, today) => base.directory.find({ ...holder, subjectId: aliases.get(holder.subjectId) ?? holder.subjectId }, today),
      registerInsuranceUse: (holder) => base.directory.registerInsuranceUse({ ...holder, subjectId: aliases.get(holder.subjectId) ?? holder.subjectId }),
    },
  };
}

/** The consent items and 電子処方箋 the (simulated) terminal's administrator enabled, as setup would store them. */
async function takeInstitutionSettings(audit: OpenedAudit, client: ConsentGatewayClient, credential: DeviceCredential): Promise<void> {
  const institution = await client.institutionSettings(credential);
  updateSettings(audit.store, {
    enabledConsentItems: CONSENT_ITEMS.filter((item) => institution.ConsentItemList[CONSENT_ITEM_INFO[item].oqsElement as keyof typeof institution.ConsentItemList] === '1'),
    electronicPrescription: institution.ElectronicPrescriptionUse === '1',
  });
}

async function subjectIdOf(transport: CardTransport): Promise<string> {
  await selectJpkiAp(transport);
  const subject = new X509Certificate(await readAuthCertificate(transport)).subject;
  return /CN=([^\n]+)/.exec(subject)?.[1] ?? '';
}

function demoClerk(audit: OpenedAudit): string {
  const staff = new StaffDirectory(audit.store);
  const found = staff.list().find((s) => s.displayName === DEMO_CLERK);
  return String((found ?? staff.add({ displayName: DEMO_CLERK, role: 'clerk', passcode: new TextEncoder().encode(DEMO_PASSCODE) })).id);
}

export async function startTrainingStack(options: { dataDir: string; card?: CardSource & { probe(): Promise<CardTransport> } }): Promise<TrainingStack> {
  const aliases = new Map<string, string>();
  const world = worldFor(aliases);
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
    const audit = await openAudit({ dataDir: options.dataDir, secretProtector: new KeyFileSecretProtector(options.dataDir) });
    closers.push(() => audit.close());
    const sim: ConsentSimulator = await startConsentSimulator({ world });
    closers.push(() => sim.close());
    sim.terminal.addAccount(ACCOUNT);
    const https = createNodeHttpsTransport({ ca: sim.caPem });
    closers.push(() => https.close());
    const client = new ConsentGatewayClient({ baseUrl: sim.url, transport: https });
    const activationCode = sim.terminal.issueActivationCode(new Date(sim.clock.now().getTime() - 10 * 60_000));
    const { credential } = await client.activate({ medicalInstitutionCode: sim.terminal.medicalInstitutionCode, userId: ACCOUNT.userId, password: ACCOUNT.password, activationCode });
    await takeInstitutionSettings(audit, client, credential);
    const terminalDir = join(options.dataDir, 'terminal-simulator');
    const terminalSim = new TerminalSimulator({ terminalDir });
    await terminalSim.start();
    closers.push(() => terminalSim.stop());

    const reader = options.card ? null : new CardInReader({ contactless: true });
    const card = options.card ?? inProcessCardSource(reader!);
    const probe = options.card ? await options.card.probe() : new InProcessTransport(reader!);
    aliases.set(await subjectIdOf(probe), world.cards.registered.holder.CardholderId!);
    await probe.close();

    const staffId = demoClerk(audit);
    const now = () => sim.clock.now();
    const ports = checkPortsFrom({
      store: audit.store,
      auditLog: audit.log,
      session: { currentStaffId: () => staffId, onIdle: () => () => undefined },
      card,
      consent: { client, credential: (): DeviceCredential => credential, origin: 'simulator' },
      terminal: {
        client: new TerminalClient({ requestDir: join(terminalDir, 'req'), resultDir: join(terminalDir, 'res'), medicalInstitutionCode: SIMULATED_INSTITUTION_CODE }),
        origin: 'simulator',
      },
      now,
    });
    return { ports, now, close };
  } catch (err) {
    await close();
    throw err;
  }
}
