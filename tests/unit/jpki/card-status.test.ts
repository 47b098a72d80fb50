import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardStatusSchema } from '../../../main/contract/channels/card';
import { loadTrustAnchors, type TrustAnchorSet } from '../../../native/cert/trust-anchors';
import { CardErrors } from '../../../native/card-errors';
import { AuthPin } from '../../../native/jpki/auth-pin';
import { readCardStatus } from '../../../native/jpki/card-status';
import { selectJpkiAp, verifyAuthPin } from '../../../native/jpki/jpki-card';
import { testCa } from '../../../native/virtual-card/test-pki';
import { virtualCard } from './card-fixture';

let folder: string;
let trust: TrustAnchorSet;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'onshi-status-'));
  writeFileSync(path.join(folder, 'auth.pem'), testCa('auth').certPem);
  trust = loadTrustAnchors(folder);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('readCardStatus', () => {
  it('reports a My Number card with tries and certificate, spending no try, in the contract shape', async () => {
    const { reader, transport } = virtualCard({ authPinTries: 2 });
    const status = await readCardStatus(transport, trust, new Date());
    expect(status).toMatchObject({ kind: 'my-number-card', contactless: false, pin: { triesLeft: 2, blocked: false, pinSet: true }, certificate: { validity: 'valid', warnings: [] } });
    expect(reader.card.triesLeft('jpki', 0x18)).toBe(2);
    expect(CardStatusSchema.safeParse(status).success).toBe(true);
    expect(JSON.stringify(status)).not.toMatch(/BEGIN CERTIFICATE/);
  });

  it('reports another card as not a My Number card', async () => {
    const { transport } = virtualCard({ kind: 'other' });
    expect(await readCardStatus(transport, trust, new Date())).toEqual({ kind: 'not-my-number-card', reader: 'in-process', contactless: false });
  });

  it('carries the expired-grace warning and a blocked PIN', async () => {
    const { transport } = virtualCard({ authPinTries: 0, certificate: 'recently-expired' });
    const status = await readCardStatus(transport, trust, new Date());
    expect(status).toMatchObject({ pin: { blocked: true, triesLeft: 0 }, certificate: { validity: 'expired-grace' } });
  });
});

describe('a card reset by another program', () => {
  it('is read again from the SELECT when only reading, and a VERIFY is not repeated', async () => {
    const { reader, transport } = virtualCard();
    let resets = 0;
    const resetOnce: typeof transport = {
      ...transport,
      async transmit(command, options) {
        // The third command meets a card that another program has just reset.
        if (transport.sent.length === 2 && resets === 0) {
          resets++;
          reader.reset();
          throw CardErrors.cardReset('SCARD_W_RESET_CARD');
        }
        return transport.transmit(command, options);
      },
    };
    const status = await readCardStatus(resetOnce, trust, new Date());
    expect(status.kind).toBe('my-number-card');
    expect(resets).toBe(1);
    expect(transport.sentHex.filter((h) => h.startsWith('00A4040C'))).toHaveLength(2);

    const verifying = virtualCard();
    const resetAtVerify: typeof transport = {
      ...verifying.transport,
      async transmit(command, options) {
        if (command[1] === 0x20 && command.length > 4) throw CardErrors.cardReset('SCARD_W_RESET_CARD');
        return verifying.transport.transmit(command, options);
      },
    };
    await selectJpkiAp(resetAtVerify);
    await expect(verifyAuthPin(resetAtVerify, AuthPin.fromBytes(Uint8Array.from(Buffer.from('1234'))))).rejects.toMatchObject({ code: 'CARD_RESET' });
    expect(verifying.reader.card.history.filter((h) => h.ins === 0x20)).toHaveLength(0);
  });
});
