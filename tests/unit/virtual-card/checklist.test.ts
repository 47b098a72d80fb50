/** The §10 checklist against the virtual card in the same process (fast; tests/card runs it through pcscd). */
import { describe } from 'vitest';
import { ApduChannel } from '../../../native/apdu/channel';
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import { checklistCases } from '../../card/checklist-cases';

describe('virtual My Number card, in-process: jpki-card.md §10', () => {
  checklistCases(async (options = {}) => {
    const slot = new CardInReader(options);
    return { channel: new ApduChannel(new InProcessTransport(slot)), card: slot.card, atr: slot.atr };
  });
});
