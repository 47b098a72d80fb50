/**
 * Work a check queued while OQS could not be reached goes out once it can: a consent cancellation
 * and a 照会番号 registration are sent when the gateway is reachable again, the 照会番号 with its
 * audit row naming the clerk who asked; an OQS refusal is final and audited; a network still down
 * leaves the job waiting.
 */
import { describe, expect, it } from 'vitest';
import { networkError, oqsError } from './fakes';
import { cancelDuringRegistration, startCheck, toResultByPin, type Harness } from './driver';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error('condition not reached');
}

/** A check whose 照会番号 registration found the terminal unreachable and was queued. */
async function referenceQueued(): Promise<Harness> {
  const h = await startCheck();
  await toResultByPin(h);
  h.fakes.terminal.online = false;
  h.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-000123' });
  await h.service.ended();
  expect(h.fakes.jobs.jobs).toHaveLength(1);
  return h;
}

/** The gateway answering again: reported as a connectivity change, as the adapter does. */
function networkBack(h: Harness): void {
  h.fakes.consent.setOnline(false);
  h.fakes.consent.setOnline(true);
}

describe('queued work of a check', () => {
  it('a queued 照会番号 is sent when the network is back, and audited as registered by the clerk', async () => {
    const h = await referenceQueued();
    h.fakes.terminal.online = true;
    networkBack(h);
    await until(() => h.fakes.jobs.sent.length === 1);
    expect(h.fakes.terminal.references).toEqual(['P-000123']);
    expect(h.fakes.jobs.jobs).toEqual([]);
    expect(h.fakes.audit.types().slice(-1)).toEqual(['reference.change:register:ok']);
    expect(h.fakes.audit.rows.at(-1)).toMatchObject({ actor: 'S001', patient: expect.stringMatching(/^p1-/) });
  });

  it('a network still down leaves it waiting; an OQS refusal is final and audited as failed', async () => {
    const h = await referenceQueued();
    networkBack(h);
    await until(() => (h.fakes.terminal.script.calls.registerReferenceNumber ?? 0) >= 2);
    await new Promise((r) => setTimeout(r, 5));
    expect(h.fakes.jobs.jobs).toHaveLength(1);
    expect(h.fakes.audit.types().filter((t) => t.startsWith('reference.change'))).toEqual(['reference.change:register:ok:JOB_QUEUED']);

    h.fakes.terminal.online = true;
    h.fakes.terminal.script.failNext('registerReferenceNumber', oqsError());
    networkBack(h);
    await until(() => h.fakes.jobs.refused.length === 1);
    expect(h.fakes.jobs.jobs).toEqual([]);
    expect(h.fakes.terminal.references).toEqual([]);
    expect(h.fakes.audit.types().at(-1)).toBe(`reference.change:register:failed:${oqsError().code}`);
  });

  it('a consent cancellation queued offline reaches OQS when the network is back', async () => {
    const h = await startCheck();
    const held = await cancelDuringRegistration(h);
    h.fakes.consent.script.failNext('cancelConsent', networkError());
    held.release();
    await h.service.ended();
    expect(h.view().queuedJobs).toEqual(['consent.cancel']);
    expect(h.fakes.consent.cancellations).toEqual([]);

    networkBack(h);
    await until(() => h.fakes.jobs.sent.length === 1);
    expect(h.fakes.consent.cancellations).toEqual(['reg-1']);
  });

  it('the service closed sends nothing more', async () => {
    const h = await referenceQueued();
    h.service.close();
    h.fakes.terminal.online = true;
    networkBack(h);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.fakes.jobs.jobs).toHaveLength(1);
    expect(h.fakes.terminal.references).toEqual([]);
  });
});
