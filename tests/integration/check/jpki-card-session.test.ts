/** The check over the real JPKI driver and the virtual card in this process (no pcscd). */
import { X509Certificate, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import type { VirtualCardOptions } from '../../../native/virtual-card/config';
import { inProcessCardSource } from '../../../main/check/adapters/card-sources';
import { jpkiCardSession } from '../../../main/check/adapters/jpki-card-session';
import { createCheckService } from '../../../main/check/check-service';
import type { CheckStep } from '../../../main/contract/channels/check';
import { createFakes } from '../../unit/check/fakes';
import { chooseAlternateRoute, NOW } from '../../unit/check/driver';

async function checkWithVirtualCard(options: VirtualCardOptions = {}) {
  const reader = new CardInReader(options);
  const fakes = createFakes();
  const card = jpkiCardSession(inProcessCardSource(reader));
  const service = createCheckService({ ports: { ...fakes.ports, card }, trainingMode: true, now: () => NOW });
  await service.start();
  const until = async (step: CheckStep) => {
    for (let i = 0; i < 500; i += 1) {
      if (service.current()?.step === step) return service.current()!;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`expected ${step}, at ${service.current()?.step}`);
  };
  service.send(chooseAlternateRoute);
  service.send({ type: 'AGREE_ALL' });
  service.send({ type: 'CONSENT_CONFIRM' });
  return { reader, fakes, service, until };
}

describe('check over the JPKI driver', () => {
  it('wrong PIN then right: tries read from the card, the challenge signed with the auth key', async () => {
    const { reader, fakes, service, until } = await checkWithVirtualCard({ contactless: true });
    expect((await until('identity.choosing')).card).toMatchObject({ pinTriesLeft: 3, pinSet: true, contactless: true });
    service.send({ type: 'CHOOSE_PIN' });
    await until('identity.pinEntry');
    service.send({ type: 'PIN_SUBMITTED', pin: '9999' });
    await new Promise((r) => setTimeout(r, 20));
    expect((await until('identity.pinEntry')).card.pinTriesLeft).toBe(2);
    service.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await until('result');
    const identity = fakes.consent.registrations[0]!.identity;
    if (identity.method !== 'pin') throw new Error('expected the PIN path');
    const publicKey = new X509Certificate(Buffer.from(identity.certificate)).publicKey;
    expect(verify('sha256', new Uint8Array(32).fill(7), publicKey, Buffer.from(identity.signature))).toBe(true);
    expect(reader.card.config.authPinTries).toBe(3);
  });

  it('a blocked card goes to the reset routes; a 顔認証 card offers 目視 only', async () => {
    const blocked = await checkWithVirtualCard({ authPinTries: 0 });
    expect((await blocked.until('identity.blocked')).identity.resetRoutes).not.toBeNull();
    const face = await checkWithVirtualCard({ faceAuthOnly: true });
    const view = await face.until('identity.choosing');
    expect(view.card.pinSet).toBe(false);
    face.service.send({ type: 'CHOOSE_VISUAL' });
    face.service.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await face.until('result');
  });

  it('the card pulled and put back: waits, then reads it again', async () => {
    const { reader, service, until } = await checkWithVirtualCard();
    await until('identity.choosing');
    reader.remove();
    expect((await until('card.waiting')).card.problem).toBe('removed');
    reader.insert();
    await until('identity.choosing');
    service.send({ type: 'CANCEL' });
    expect((await service.ended()).outcome).toBe('cancelled');
  });

  it('a card that is not a My Number card is named as such', async () => {
    const { until } = await checkWithVirtualCard({ kind: 'other' });
    expect((await until('interrupted')).interruption).toMatchObject({ kind: 'failed', code: 'NOT_MY_NUMBER_CARD' });
  });
});
