import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthPin } from '../../../native/jpki/auth-pin';
import { readPinTriesLeft, selectJpkiAp, verifyAuthPin } from '../../../native/jpki/jpki-card';
import { pinOf, virtualCard } from './card-fixture';

describe('the PIN exists only for its one VERIFY', () => {
  it('overwrites the typed bytes, and the PIN itself once VERIFY is done', async () => {
    const { transport } = virtualCard();
    const typed = pinOf('1234\n');
    const pin = AuthPin.fromBytes(typed);
    expect([...typed]).toEqual([0, 0, 0, 0, 0]);
    await selectJpkiAp(transport);
    await verifyAuthPin(transport, pin);
    expect(pin.used).toBe(true);
    const at = transport.sentHex.findIndex((h) => h.startsWith('0020008004'));
    expect(transport.sent[at]!.every((b) => b === 0)).toBe(true);
  });

  it('keeps its own copy when the typed PIN arrives in a Node Buffer (as from stdin)', async () => {
    const { transport } = virtualCard();
    const typed = Buffer.from('1234\r\n', 'utf8');
    const pin = AuthPin.fromBytes(typed);
    expect(typed.every((b) => b === 0)).toBe(true);
    await selectJpkiAp(transport);
    await verifyAuthPin(transport, pin);
  });

  it('never shows the PIN when printed, logged or serialised', () => {
    const pin = AuthPin.fromBytes(pinOf('4821'));
    const shown = [String(pin), JSON.stringify({ pin }), inspect(pin), inspect({ nested: { pin } }), `${pin}`];
    for (const text of shown) expect(text).not.toContain('4821');
    pin.wipe();
  });

  it.each([['123'], ['12345'], ['12a4'], ['１２３４'], [''], ['12 34']])('refuses %j as a PIN without echoing it', (typed) => {
    const bytes = Uint8Array.from(Buffer.from(typed, 'utf8'));
    let thrown: unknown;
    try {
      AuthPin.fromBytes(bytes);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ code: 'PIN_FORMAT' });
    const error = thrown as { message: string; detail?: string };
    if (typed.length > 0) expect(`${error.message} ${error.detail ?? ''}`).not.toContain(typed);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it('sends a VERIFY once: a card pulled during it gives CARD_REMOVED, no resend, and the PIN is gone', async () => {
    const { reader, transport } = virtualCard({ faults: { removeAtCommand: 3 } });
    await selectJpkiAp(transport); // 1
    const pin = AuthPin.fromBytes(pinOf('1234'));
    await expect(verifyAuthPin(transport, pin)).rejects.toMatchObject({ code: 'CARD_REMOVED' }); // 2 select, 3 VERIFY
    expect(transport.sentHex.filter((h) => h.startsWith('0020008004'))).toHaveLength(1);
    expect(pin.used).toBe(true);
    await expect(pin.useOnce(async () => 'again')).rejects.toThrow();
    reader.insert();
    // The try may have been spent on a real card; the virtual one shows the driver did not spend a second.
    await selectJpkiAp(transport);
    expect((await readPinTriesLeft(transport)).triesLeft).toBeGreaterThanOrEqual(2);
  });

  it('wipes the PIN when the card is gone before the VERIFY could be sent', async () => {
    const { transport } = virtualCard({ faults: { removeAtCommand: 2 } });
    await selectJpkiAp(transport);
    const pin = AuthPin.fromBytes(pinOf('1234'));
    await expect(verifyAuthPin(transport, pin)).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    expect(pin.used).toBe(true);
    expect(transport.sentHex.some((h) => h.startsWith('0020008004'))).toBe(false);
  });
});
