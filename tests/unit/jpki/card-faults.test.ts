import { describe, expect, it } from 'vitest';
import { AuthPin } from '../../../native/jpki/auth-pin';
import { runSelfTest } from '../../../native/jpki/self-test';
import { pinOf, virtualCard } from './card-fixture';

/** The self-test flow: select, certificate (SELECT EF + reads), verify (2), sign (2); where its VERIFY falls. */
async function commandsInPinFlow(): Promise<{ total: number; verifyAt: number }> {
  const { transport } = virtualCard();
  await runSelfTest(transport, AuthPin.fromBytes(pinOf('1234')));
  return { total: transport.sent.length, verifyAt: transport.sentHex.findIndex((h) => h.startsWith('0020008004')) + 1 };
}

describe('card faults during the PIN flow', () => {
  it('reports a pulled card at every command of the flow, leaving nothing verified and the PIN wiped', async () => {
    const { total, verifyAt } = await commandsInPinFlow();
    expect(total).toBeGreaterThan(6);
    for (let at = 1; at <= total; at++) {
      const { reader, transport } = virtualCard({ faults: { removeAtCommand: at } });
      const pin = AuthPin.fromBytes(pinOf('1234'));
      const started = Date.now();
      await expect(runSelfTest(transport, pin), `pulled at command ${at}`).rejects.toMatchObject({ code: 'CARD_REMOVED' });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(pin.used).toBe(true);
      expect(transport.sent).toHaveLength(at);
      reader.insert();
      expect(reader.card.history.filter((h) => h.ins === 0x20 && h.sw === 0x9000)).toHaveLength(at > verifyAt ? 1 : 0);
    }
  });

  it('says CARD_MOVED when a contactless card leaves mid-flow', async () => {
    const { transport } = virtualCard({ contactless: true, faults: { removeAtCommand: 4 } });
    await expect(runSelfTest(transport, AuthPin.fromBytes(pinOf('1234')))).rejects.toMatchObject({ code: 'CARD_MOVED' });
  });

  it('gives up on a mute card with CARD_NOT_ANSWERING instead of hanging', async () => {
    const { transport } = virtualCard({ faults: { muteAtCommand: 3 } }, 300);
    const started = Date.now();
    await expect(runSelfTest(transport, AuthPin.fromBytes(pinOf('1234')))).rejects.toMatchObject({ code: 'CARD_NOT_ANSWERING' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports garbage answers as a bad response, never as success', async () => {
    const { transport } = virtualCard({ faults: { garbage: 1 } });
    await expect(runSelfTest(transport, AuthPin.fromBytes(pinOf('1234')))).rejects.toMatchObject({
      code: expect.stringMatching(/^(CARD_BAD_RESPONSE|CARD_UNEXPECTED_STATUS|NOT_MY_NUMBER_CARD)$/),
    });
  });
});
