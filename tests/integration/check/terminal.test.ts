/** Second visit and 照会番号 through the terminal adapter against the simulated 資格確認端末 folder. */
import { afterEach, describe, expect, it } from 'vitest';
import { terminalAdapter } from '../../../main/check/adapters/terminal';
import { createCheckService } from '../../../main/check/check-service';
import { loadPopulation } from '../../../main/oqs/population';
import type { CheckStep } from '../../../main/contract/channels/check';
import { startRig, type Rig } from '../oqs-terminal/harness';
import { createFakes } from '../../unit/check/fakes';
import { NOW, TODAY } from '../../unit/check/driver';

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
});

async function secondVisit(options: { folderGone?: boolean } = {}) {
  const rig = await startRig();
  rigs.push(rig);
  const client = rig.client(options.folderGone ? { requestDir: '/nonexistent/onshi-cart/req' } : {});
  const fakes = createFakes();
  const service = createCheckService({ ports: { ...fakes.ports, terminal: terminalAdapter(client, 'simulator') }, trainingMode: true, now: () => NOW });
  await service.start();
  const until = async (step: CheckStep) => {
    for (let i = 0; i < 1000; i += 1) {
      if (service.current()?.step === step) return service.current()!;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`expected ${step}, at ${service.current()?.step}: ${JSON.stringify(service.current()?.interruption)}`);
  };
  return { rig, fakes, service, until };
}

const person = loadPopulation().find((p) => p.DisqualificationDate === undefined && p.InsuredBranchNumber !== undefined)!;
const identifiers = {
  InsurerNumber: person.InsurerNumber.trim(),
  ...(person.InsuredCardSymbol ? { InsuredCardSymbol: person.InsuredCardSymbol } : {}),
  InsuredIdentificationNumber: person.InsuredIdentificationNumber,
  ...(person.InsuredBranchNumber ? { InsuredBranchNumber: person.InsuredBranchNumber } : {}),
  Birthdate: person.Birthdate,
};

describe('second visit through the terminal', () => {
  it('再照会 by insurance identifiers, then 照会番号', async () => {
    const c = await secondVisit();
    c.service.send({ type: 'START_SECOND_VISIT', treatmentDate: TODAY, identifiers });
    const view = await c.until('result');
    expect(view.result?.source).toBe('reinquiry');
    expect(view.result?.qualification.Name).toBe(person.Name);
    c.service.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'K-0001' });
    expect((await c.service.ended()).outcome).toBe('completed');
    expect(c.service.current()?.queuedJobs).toEqual([]);
  });

  it('the terminal folder out of reach: offline with the fallbacks', async () => {
    const c = await secondVisit({ folderGone: true });
    c.service.send({ type: 'START_SECOND_VISIT', treatmentDate: TODAY, identifiers });
    const view = await c.until('interrupted');
    expect(view.interruption).toMatchObject({ kind: 'offline', code: 'OQS_TERMINAL_FOLDER' });
    expect(view.interruption?.fallbacks).toHaveLength(3);
  });
});
