/** The check over the IPC contract: validated events, the state event, and a host without a check service. */
import { describe, expect, it } from 'vitest';
import { createCheckService } from '../../../main/check/check-service';
import { EventHub } from '../../../main/host/event-hub';
import { createHandlerTable, type Handlers } from '../../../main/host/handler-table';
import { appHandlers } from '../../../main/host/handlers/app';
import { checkHandlers } from '../../../main/host/handlers/check';
import type { WireEvent } from '../../../main/contract';
import { createFakes } from './fakes';
import { NOW, TODAY } from './driver';

const config = { dataDir: '/nonexistent', trainingMode: true, transport: 'web' as const };
const ctx = { connectionId: 'c1' };

function hostWith(checks: ReturnType<typeof createCheckService> | null) {
  const events = new EventHub();
  const seen: WireEvent[] = [];
  events.subscribe((e) => seen.push(e));
  // Only the check channels are called here; the other domains' handlers are not needed.
  const table = createHandlerTable({ ...appHandlers(config), ...checkHandlers({ checks, events }) } as Handlers);
  let id = 0;
  const call = (channel: string, payload: unknown) => table.dispatch((id += 1), channel, payload, ctx);
  return { events, seen, call };
}

describe('check channels', () => {
  it('start, send and the check.state event carry the view; the PIN never appears', async () => {
    const fakes = createFakes();
    fakes.card.present = true;
    const checks = createCheckService({ ports: fakes.ports, trainingMode: true, now: () => NOW });
    const host = hostWith(checks);
    expect(await host.call('check.start', {})).toMatchObject({ ok: true, value: { step: 'careSetting', trainingMode: true } });
    await host.call('check.send', { type: 'CHOOSE_CARE_SETTING', setting: 'alternateRoute', reason: 'readerBroken', treatmentDate: TODAY });
    await host.call('check.send', { type: 'AGREE_ALL' });
    await host.call('check.send', { type: 'CONSENT_CONFIRM' });
    await new Promise((r) => setTimeout(r, 10));
    await host.call('check.send', { type: 'CHOOSE_PIN' });
    await new Promise((r) => setTimeout(r, 10));
    expect(await host.call('check.send', { type: 'PIN_SUBMITTED', pin: '1234' })).toMatchObject({ ok: true, value: { step: 'identity.verifying' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(await host.call('check.current', {})).toMatchObject({ ok: true, value: { view: { step: 'result' } } });
    const states = host.seen.filter((e) => e.name === 'check.state');
    expect(states.length).toBeGreaterThan(5);
    expect(JSON.stringify(host.seen)).not.toContain('1234');
    expect(host.events.stickyNames()).toContain('check.state');
  });

  it.each([
    ['a PIN of 3 digits', { type: 'PIN_SUBMITTED', pin: '123' }],
    ['a PIN with letters', { type: 'PIN_SUBMITTED', pin: '12a4' }],
    ['an unknown event', { type: 'SKIP_IDENTITY' }],
    ['an extra field', { type: 'AGREE_ALL', pin: '1234' }],
    ['an unknown care setting', { type: 'CHOOSE_CARE_SETTING', setting: 'clinic', reason: null, treatmentDate: TODAY }],
    ['a date that is not a date', { type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null, treatmentDate: '25/11/2026' }],
    ['an insurer number of 7 digits', { type: 'START_SECOND_VISIT', treatmentDate: TODAY, identifiers: { InsurerNumber: '1234567', InsuredIdentificationNumber: '1', Birthdate: '19500102' } }],
    ['a system event from the screen', { type: 'CARD_REMOVED' }],
  ])('refuses %s with IPC_INVALID_REQUEST and changes nothing', async (_name, payload) => {
    const fakes = createFakes();
    const checks = createCheckService({ ports: fakes.ports, trainingMode: true, now: () => NOW });
    const host = hostWith(checks);
    await host.call('check.start', {});
    const before = checks.current();
    const answer = await host.call('check.send', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    expect(JSON.stringify(answer)).not.toContain('12a4');
    expect(checks.current()).toEqual(before);
  });

  it('an event the current step does not take is refused with a sentence', async () => {
    const host = hostWith(createCheckService({ ports: createFakes().ports, trainingMode: true, now: () => NOW }));
    await host.call('check.start', {});
    expect(await host.call('check.send', { type: 'FINISH' })).toMatchObject({ ok: false, error: { code: 'CHECK_EVENT_NOT_ALLOWED' } });
  });

  it('without a check service every call says so, and nothing is faked', async () => {
    const host = hostWith(null);
    expect(await host.call('check.start', {})).toMatchObject({ ok: false, error: { code: 'CHECK_UNAVAILABLE' } });
    expect(await host.call('check.send', { type: 'CANCEL' })).toMatchObject({ ok: false, error: { code: 'CHECK_UNAVAILABLE' } });
    expect(await host.call('check.current', {})).toEqual({ kind: 'result', id: 3, ok: true, value: { view: null } });
  });
});
