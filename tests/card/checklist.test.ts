/** The §10 checklist through the real stack: PC/SC → pcscd → vpcd → the virtual card. */
import { afterEach, describe } from 'vitest';
import { ApduChannel } from '../../native/apdu/channel';
import { checklistCases } from './checklist-cases';
import { VirtualSlot } from './jpki-slot';

describe('virtual My Number card through pcscd + vpcd: jpki-card.md §10', () => {
  const opened: { slot: VirtualSlot; close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.close();
      await o.slot.release();
    }
  });

  checklistCases(async (options = {}) => {
    // One card at a time in the reader: release the previous one so pcscd sees a fresh insertion.
    for (const o of opened.splice(0)) {
      await o.close();
      await o.slot.release();
    }
    const slot = await VirtualSlot.insert(options);
    const transport = await slot.connect(2_000);
    opened.push({ slot, close: () => transport.close() });
    return { channel: new ApduChannel(transport), card: slot.reader.card, atr: transport.atr };
  });
});
