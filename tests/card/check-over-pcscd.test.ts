/**
 * The check's card session through pcscd + vpcd: the reader monitor's events drive the machine,
 * the JPKI driver reads and verifies through PC/SC, and a pulled card is waited for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { smartcardBinding } from '../../native/pcsc/binding';
import { ReaderMonitor } from '../../native/pcsc/reader-monitor';
import { pcscCardSource } from '../../main/check/adapters/card-sources';
import { jpkiCardSession } from '../../main/check/adapters/jpki-card-session';
import { createCheckService } from '../../main/check/check-service';
import type { CheckStep } from '../../main/contract/channels/check';
import { createFakes } from '../unit/check/fakes';
import { chooseAlternateRoute, NOW } from '../unit/check/driver';
import { VirtualSlot, waitUntil } from './jpki-slot';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('check over pcscd', () => {
  it('PIN path through PC/SC; the card pulled mid-check is waited for and read again', async () => {
    const slot = await VirtualSlot.insert({ contactless: true });
    cleanups.push(() => slot.release());
    const monitor = new ReaderMonitor(smartcardBinding, { defaultReader: slot.readerName, pollMs: 200 });
    cleanups.push(() => monitor.stop());
    monitor.start();
    await waitUntil(() => monitor.readers().some((r) => r.name === slot.readerName && r.cardPresent), 5_000, 'monitor sees the card');

    const fakes = createFakes('real');
    const card = jpkiCardSession(pcscCardSource(monitor));
    cleanups.push(() => card.close());
    const service = createCheckService({ ports: { ...fakes.ports, card }, trainingMode: false, now: () => NOW });
    const until = async (step: CheckStep) => {
      for (let i = 0; i < 500; i += 1) {
        if (service.current()?.step === step) return service.current()!;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`expected ${step}, at ${service.current()?.step}: ${JSON.stringify(service.current()?.interruption)} ${JSON.stringify(service.current()?.card)}`);
    };
    await service.start();
    service.send(chooseAlternateRoute);
    service.send({ type: 'AGREE_ALL' });
    service.send({ type: 'CONSENT_CONFIRM' });
    expect((await until('identity.choosing')).card).toMatchObject({ pinTriesLeft: 3, pinSet: true });

    slot.reader.remove();
    expect((await until('card.waiting')).card.problem).toBe('removed');
    await slot.reinsert();
    await until('identity.choosing');

    service.send({ type: 'CHOOSE_PIN' });
    await until('identity.pinEntry');
    service.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    const result = await until('result');
    expect(result.trainingMode).toBe(false);
    expect(fakes.consent.registrations[0]?.identity.method).toBe('pin');
    service.send({ type: 'FINISH' });
    expect((await service.ended()).outcome).toBe('completed');
  });
});
