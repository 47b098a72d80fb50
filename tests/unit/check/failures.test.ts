/** OQS errors and unreadable cards: shown as they came, with a way back to the step. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { oqsError } from './fakes';
import { secondVisitEvent, startCheck, toIdentity, toPinEntry } from './driver';

describe('OQS errors', () => {
  it('registration refused: the code and the sentence reach the clerk; RETRY by 目視 registers again without the card', async () => {
    const h = await startCheck();
    await toIdentity(h);
    h.send({ type: 'CHOOSE_VISUAL' });
    h.fakes.consent.script.failNext('registerConsent', oqsError());
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    const view = await h.until('interrupted');
    expect(view.interruption).toMatchObject({ kind: 'failed', code: 'OQS_ERROR', fallbacks: [] });
    expect(view.interruption?.message).toContain('時間をおいて');
    expect(() => h.send({ type: 'USE_FALLBACK', fallback: 'mynaPortal' })).toThrowError(
      expect.objectContaining({ code: 'CHECK_EVENT_NOT_ALLOWED' }),
    );
    h.fakes.card.present = false;
    h.send({ type: 'RETRY' });
    await h.until('result');
    expect(h.fakes.consent.script.calls.registerConsent).toBe(2);
    expect(h.fakes.audit.rows).toContainEqual({ kind: 'check.step', actor: 'S001', check: 'chk-1', step: 'consent-registration', outcome: 'failed', code: 'OQS_ERROR' });
  });

  it('the challenge refused: RETRY reads the card again', async () => {
    const h = await startCheck();
    await toIdentity(h);
    h.fakes.consent.script.failNext('fetchChallenge', oqsError());
    h.send({ type: 'CHOOSE_PIN' });
    await h.until('interrupted');
    h.send({ type: 'RETRY' });
    await h.until('identity.choosing');
    expect(h.fakes.card.script.calls.select).toBe(2);
  });

  it('利用登録 status refused or unreachable: interrupted, and RETRY asks the gateway again', async () => {
    const h = await startCheck();
    h.fakes.consent.insuranceRegistered = false;
    h.fakes.consent.script.failNext('insuranceUseStatus', oqsError());
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    expect((await h.until('interrupted')).interruption).toMatchObject({ kind: 'failed', code: oqsError().code });
    h.send({ type: 'RETRY' });
    await h.until('insuranceUse.asking');
    expect(h.fakes.consent.script.calls.insuranceUseStatus).toBe(2);

    const offline = await startCheck();
    await toPinEntry(offline);
    offline.fakes.consent.script.failNext('insuranceUseStatus', new AppError('NETWORK_DOWN', 'つながりません。'));
    offline.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    expect((await offline.until('interrupted')).interruption).toMatchObject({ kind: 'offline' });
    offline.send({ type: 'RETRY' });
    await offline.until('result');
  });

  it('利用登録 refused: RETRY returns to the question', async () => {
    const h = await startCheck();
    h.fakes.consent.insuranceRegistered = false;
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('insuranceUse.asking');
    h.fakes.consent.script.failNext('registerInsuranceUse', oqsError());
    h.send({ type: 'INSURANCE_USE_AGREE' });
    await h.until('interrupted');
    h.send({ type: 'RETRY' });
    await h.until('insuranceUse.asking');
  });

  it('再照会 refused: RETRY asks the terminal again', async () => {
    const h = await startCheck();
    h.fakes.terminal.script.failNext('reinquire', oqsError());
    h.send(secondVisitEvent);
    await h.until('interrupted');
    h.send({ type: 'RETRY' });
    await h.until('result');
  });

  it('照会番号 refused: back to the result with a sentence, the check can still finish', async () => {
    const h = await startCheck();
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('result');
    h.fakes.terminal.script.failNext('registerReferenceNumber', oqsError());
    h.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-1' });
    const view = await h.until('result');
    expect(view.notice?.code).toBe('CHECK_REFERENCE_FAILED');
    expect(h.fakes.audit.types().at(-1)).toBe(`reference.change:register:failed:${oqsError().code}`);
    // What OQS refused is not left in the cart's list either.
    expect(h.fakes.references.kept.size).toBe(0);
    h.send({ type: 'FINISH' });
    expect((await h.service.ended()).outcome).toBe('completed');
  });

  it('照会番号 that the cart’s list refuses (a duplicate) never reaches OQS', async () => {
    const h = await startCheck();
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('result');
    h.fakes.references.refusal = new AppError('INQUIRY_DUPLICATE', 'この照会番号はすでに登録されています。');
    h.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-1' });
    expect((await h.until('result')).notice?.code).toBe('CHECK_REFERENCE_FAILED');
    expect(h.fakes.terminal.references).toEqual([]);
    h.send({ type: 'FINISH' });
    expect((await h.service.ended()).outcome).toBe('completed');
  });

  it('a card that is not a My Number card: shown, and RETRY waits for a card', async () => {
    const h = await startCheck();
    h.fakes.card.script.failNext('select', new AppError('CARD_NOT_JPKI', 'マイナンバーカードを置いてください。'));
    h.fakes.card.present = true;
    h.send({ type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null, treatmentDate: '2026-11-25' });
    h.send({ type: 'AGREE_ALL' });
    h.send({ type: 'CONSENT_CONFIRM' });
    const view = await h.until('interrupted');
    expect(view.interruption).toMatchObject({ kind: 'failed', code: 'CARD_NOT_JPKI', message: 'マイナンバーカードを置いてください。' });
    h.fakes.card.present = false;
    h.send({ type: 'RETRY' });
    await h.until('card.waiting');
    h.fakes.card.emit('cardInserted');
    await h.until('identity.choosing');
  });

  it('a card that moved mid-read is not read again in a loop: the next insertion reads it', async () => {
    const h = await startCheck();
    h.fakes.card.script.failNext('readAuthCertificate', new AppError('CARD_MOVED', 'カードが動いたため読み取れませんでした。'));
    h.fakes.card.present = true;
    h.send({ type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null, treatmentDate: '2026-11-25' });
    h.send({ type: 'AGREE_ALL' });
    h.send({ type: 'CONSENT_CONFIRM' });
    const waiting = await h.until('card.waiting');
    expect(waiting.card.problem).toBe('removed');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.fakes.card.script.calls.select).toBe(1);
    h.fakes.card.emit('cardInserted');
    await h.until('identity.choosing');
    expect(h.fakes.card.script.calls.select).toBe(2);
  });

  it('an unexpected throw becomes a polite INTERNAL error, with no detail of the throw', async () => {
    const h = await startCheck();
    await toIdentity(h);
    h.fakes.consent.script.failNext('fetchChallenge', new TypeError('secret internals'));
    h.send({ type: 'CHOOSE_PIN' });
    const view = await h.until('interrupted');
    expect(view.interruption).toMatchObject({ kind: 'failed', code: 'INTERNAL' });
    expect(JSON.stringify(view)).not.toContain('secret internals');
  });
});
