import { describe, expect, it } from 'vitest';
import type { CheckView } from '../../../main/contract/channels/check';
import { cancelDuringRegistration, chooseAlternateRoute, secondVisitEvent, startCheck, toIdentity, toPinEntry, toResultByPin, TODAY } from './driver';

function identifiersOfResult(view: CheckView) {
  const q = view.result!.qualification;
  return { InsurerNumber: q.InsurerNumber, InsuredCardSymbol: q.InsuredCardSymbol, InsuredIdentificationNumber: q.InsuredIdentificationNumber, InsuredBranchNumber: q.InsuredBranchNumber, Birthdate: q.Birthdate };
}

describe('a check, path by path', () => {
  it('PIN: consent, card, VERIFY, signature, registration, result with per-item deadlines, done', async () => {
    const h = await startCheck();
    expect(h.view().step).toBe('careSetting');
    await toResultByPin(h);
    const result = h.view();
    expect(result.result?.qualification.Name).toBe('研修　花子');
    expect(result.result?.consent).toEqual([
      { item: 'diagnosis', label: '診療情報', consFlg: '1', availableUntil: '2026-11-26T23:59:00+09:00' },
      { item: 'medication', label: '薬剤情報', consFlg: '0', availableUntil: null },
    ]);
    const [registration] = h.fakes.consent.registrations;
    expect(registration?.identity.method).toBe('pin');
    expect(registration?.careSetting).toBe('alternateRoute');
    expect(registration?.reason).toBe('feverRoute');
    expect(registration?.treatmentDate).toBe(TODAY);
    expect(registration?.consent.every((c) => c.agreed)).toBe(true);
    expect(registration?.enteredBy).toBe('patient');
    expect(h.fakes.card.script.calls.verifyAuthPin).toBe(1);

    h.send({ type: 'FINISH' });
    const summary = await h.service.ended();
    expect(summary.outcome).toBe('completed');
    expect(summary.auditSeqs.length).toBe(h.fakes.audit.rows.length);
    expect(h.fakes.audit.types()).toEqual([
      'check.step:care-setting',
      'check.consent',
      'check.step:card-read',
      'check.identity:pin:ok',
      'check.step:signature',
      'check.step:consent-registration',
      'check.outcome:ok',
    ]);
    expect(h.fakes.audit.rows.at(-1)).toMatchObject({ actor: 'S001', check: 'chk-1', validity: 1 });
    const ended = h.view();
    expect(ended.step).toBe('ended');
    expect(ended.result).toBeNull();
    expect(ended.consent.items).toEqual([]);
  });

  it('目視: the clerk re-enters their own passcode; no VERIFY is sent', async () => {
    const h = await startCheck();
    await toIdentity(h);
    h.send({ type: 'CHOOSE_VISUAL' });
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '0000' });
    const wrong = await h.until('identity.visual');
    expect(wrong.notice?.code).toBe('PASSCODE_WRONG');
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await h.until('result');
    expect(h.fakes.consent.registrations[0]?.identity).toMatchObject({ method: 'visual', staffId: 'S001' });
    expect(h.fakes.card.script.calls.verifyAuthPin).toBeUndefined();
  });

  it('wrong PIN then right: tries shown, one VERIFY per entry', async () => {
    const h = await startCheck();
    await toPinEntry(h);
    expect(h.view().card.pinTriesLeft).toBe(3);
    expect(h.view().audience).toBe('patient');
    h.send({ type: 'PIN_SUBMITTED', pin: '1111' });
    const wrong = await h.until('identity.pinEntry');
    expect(wrong.card.pinTriesLeft).toBe(2);
    expect(wrong.notice?.message).toBe('暗証番号が違います。残り2回です。');
    expect(wrong.identity.lastTryWarning).toBeNull();
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('result');
    expect(h.fakes.card.script.calls.verifyAuthPin).toBe(2);
  });

  it('one try left: a warning that suggests 目視, and the switch works', async () => {
    const h = await startCheck();
    h.fakes.card.triesLeft = 1;
    await toPinEntry(h);
    expect(h.view().identity.lastTryWarning).toContain('目視確認');
    h.send({ type: 'CHOOSE_VISUAL' });
    expect(h.view().step).toBe('identity.visual');
  });

  it('blocked: the reset routes, PIN refused, the switch to 目視 completes the check', async () => {
    const h = await startCheck();
    h.fakes.card.triesLeft = 1;
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '0000' });
    const blocked = await h.until('identity.blocked');
    expect(blocked.card.pinTriesLeft).toBe(0);
    expect(blocked.identity.resetRoutes?.join('')).toContain('市区町村の窓口');
    expect(() => h.send({ type: 'CHOOSE_PIN' })).toThrowError(expect.objectContaining({ code: 'CHECK_EVENT_NOT_ALLOWED' }));
    h.send({ type: 'CHOOSE_VISUAL' });
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await h.until('result');
    expect(h.fakes.audit.types()).toContain('check.identity:pin:failed');
    expect(h.fakes.audit.rows.find((r) => r.kind === 'check.identity' && r.method === 'visual')).toMatchObject({ attestedBy: 'S001', outcome: 'ok' });
  });

  it('a card read as blocked goes straight to the reset routes', async () => {
    const h = await startCheck();
    h.fakes.card.triesLeft = 0;
    await expect(toIdentity(h)).rejects.toThrow('identity.blocked');
    expect(h.view().step).toBe('identity.blocked');
  });

  it('健康保険証利用登録 when the card is not registered, then the check goes on', async () => {
    const h = await startCheck();
    h.fakes.consent.insuranceRegistered = false;
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('insuranceUse.asking');
    h.send({ type: 'INSURANCE_USE_AGREE' });
    await h.until('result');
    expect(h.fakes.consent.script.calls.registerInsuranceUse).toBe(1);
    expect(h.fakes.audit.types()).toContain('check.step:use-registration');
  });

  it('利用登録 after 目視: the patient enters the PIN for it, then consent is registered', async () => {
    const h = await startCheck();
    h.fakes.consent.insuranceRegistered = false;
    await toIdentity(h);
    h.send({ type: 'CHOOSE_VISUAL' });
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await h.until('insuranceUse.asking');
    h.send({ type: 'INSURANCE_USE_AGREE' });
    await h.until('identity.pinEntry');
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('result');
    expect(h.fakes.consent.insuranceUseProofs).toHaveLength(1);
    expect(h.fakes.consent.registrations[0]?.identity.method).toBe('pin');
    expect(h.fakes.card.script.calls.signChallenge).toBe(3);
  });

  it('a card without a PIN (顔認証マイナンバーカード): 目視 only, no reset routes', async () => {
    const h = await startCheck();
    h.fakes.card.pinSet = false;
    h.fakes.card.triesLeft = 0;
    await toIdentity(h);
    expect(h.view().card.pinSet).toBe(false);
    expect(h.view().identity.resetRoutes).toBeNull();
    expect(() => h.send({ type: 'CHOOSE_PIN' })).toThrowError(expect.objectContaining({ code: 'CHECK_EVENT_NOT_ALLOWED' }));
    h.send({ type: 'CHOOSE_VISUAL' });
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await h.until('result');
  });

  it('declining 利用登録 ends the check without registering consent', async () => {
    const h = await startCheck();
    h.fakes.consent.insuranceRegistered = false;
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('insuranceUse.asking');
    h.send({ type: 'INSURANCE_USE_DECLINE' });
    expect((await h.service.ended()).outcome).toBe('notRegistered');
    expect(h.fakes.consent.registrations).toEqual([]);
  });

  it('the order of the issue: identity → 利用登録 (the gateway says it is needed) → 処方箋 → registration → result', async () => {
    const h = await startCheck({ settings: { electronicPrescription: true } });
    h.fakes.consent.insuranceRegistered = false;
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('insuranceUse.asking');
    expect(h.fakes.consent.script.calls.registerConsent ?? 0).toBe(0);
    h.send({ type: 'INSURANCE_USE_AGREE' });
    await h.until('prescription');
    h.send({ type: 'CHOOSE_PRESCRIPTION', method: 'paper' });
    await h.until('result');
    const steps = h.views.map((v) => v.step).filter((step, i, all) => step !== all[i - 1]);
    expect(steps.slice(steps.indexOf('identity.signing'))).toEqual([
      'identity.signing',
      'insuranceUse.checking',
      'insuranceUse.asking',
      'insuranceUse.registering',
      'prescription',
      'registering',
      'result',
    ]);
    // Registered once, after 利用登録: no refused attempt first.
    expect(h.fakes.consent.script.calls.registerConsent).toBe(1);
    expect(h.fakes.consent.registrations[0]?.prescriptionIssue).toBe('paper');
  });

  it('a card already registered for 保険証利用 is never asked about 利用登録', async () => {
    const h = await startCheck();
    await toResultByPin(h);
    expect(h.fakes.consent.script.calls.insuranceUseStatus).toBe(1);
    expect(h.views.some((v) => v.step === 'insuranceUse.asking')).toBe(false);
    expect(h.fakes.consent.script.calls.registerInsuranceUse ?? 0).toBe(0);
  });

  it('the gateway refuses the registration although its status said registered: 利用登録 then, 処方箋 not asked again', async () => {
    const h = await startCheck({ settings: { electronicPrescription: true } });
    h.fakes.consent.insuranceRegistered = false;
    h.fakes.consent.insuranceStatusAnswer = 'registered';
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('prescription');
    h.send({ type: 'CHOOSE_PRESCRIPTION', method: 'electronic' });
    await h.until('insuranceUse.asking');
    h.send({ type: 'INSURANCE_USE_AGREE' });
    await h.until('result');
    expect(h.views.filter((v, i) => v.step === 'prescription' && h.views[i - 1]?.step !== 'prescription')).toHaveLength(1);
    expect(h.fakes.consent.registrations).toMatchObject([{ prescriptionIssue: 'electronic' }]);
  });

  it('処方箋の発行方法 is asked only where 電子処方箋 is used, and sent with the registration', async () => {
    const h = await startCheck({ settings: { electronicPrescription: true } });
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('prescription');
    h.send({ type: 'CHOOSE_PRESCRIPTION', method: 'electronic' });
    await h.until('result');
    expect(h.fakes.consent.registrations[0]?.prescriptionIssue).toBe('electronic');

    const without = await startCheck();
    await toResultByPin(without);
    expect(without.fakes.consent.registrations[0]?.prescriptionIssue).toBeNull();
    expect(without.views.some((v) => v.step === 'prescription')).toBe(false);
  });

  it('consent shows only enabled items; per item with 戻る; entered by staff is recorded', async () => {
    const h = await startCheck({ settings: { enabledConsentItems: ['medication', 'operation'] } });
    h.send(chooseAlternateRoute);
    expect(h.view().consent.items.map((i) => i.label)).toEqual(['薬剤情報', '手術情報']);
    expect(() => h.send({ type: 'SET_ITEM', item: 'diagnosis', agreed: true })).toThrowError(
      expect.objectContaining({ code: 'CHECK_EVENT_NOT_ALLOWED' }),
    );
    h.send({ type: 'SET_ITEM', item: 'medication', agreed: true });
    h.send({ type: 'CONSENT_NEXT' });
    expect(h.view().step).toBe('consent.choosing');
    expect(h.view().notice?.code).toBe('CHECK_CONSENT_INCOMPLETE');
    h.send({ type: 'SET_ITEM', item: 'operation', agreed: false });
    h.send({ type: 'SET_ENTERED_BY', enteredBy: 'staff' });
    h.send({ type: 'CONSENT_NEXT' });
    expect(h.view().step).toBe('consent.confirming');
    h.send({ type: 'BACK' });
    expect(h.view().consent.items.map((i) => i.agreed)).toEqual([true, false]);
    h.send({ type: 'CONSENT_NEXT' });
    h.fakes.card.present = true;
    h.send({ type: 'CONSENT_CONFIRM' });
    await h.until('identity.choosing');
    h.send({ type: 'CHOOSE_PIN' });
    await h.until('identity.pinEntry');
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('result');
    const [reg] = h.fakes.consent.registrations;
    expect(reg?.consent).toEqual([
      { item: 'medication', agreed: true },
      { item: 'operation', agreed: false },
    ]);
    expect(reg?.enteredBy).toBe('staff');
    expect(h.fakes.audit.rows.find((r) => r.kind === 'check.consent')).toMatchObject({
      items: { medication: true, operation: false },
      enteredBy: 'staff-proxy',
    });
  });

  it('同意しない is one press, as weighty as すべて同意', async () => {
    const h = await startCheck();
    h.send(chooseAlternateRoute);
    h.send({ type: 'DISAGREE_ALL' });
    expect(h.view().step).toBe('consent.confirming');
    expect(h.view().consent.items.every((i) => i.agreed === false)).toBe(true);
  });

  it('the care setting needs its reason, a real date, and no reason where none applies', async () => {
    const h = await startCheck();
    h.send({ ...chooseAlternateRoute, reason: null });
    expect(h.view()).toMatchObject({ step: 'careSetting', notice: { code: 'CHECK_INVALID_CARE_SETTING' } });
    h.send({ type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: 'driveThrough', treatmentDate: TODAY });
    expect(h.view().step).toBe('careSetting');
    h.send({ ...chooseAlternateRoute, treatmentDate: '2026-02-30' });
    expect(h.view().notice?.message).toBe('診療日が正しい日付ではありません。');
    h.send({ ...chooseAlternateRoute, treatmentDate: '2026-11-20' });
    expect(h.view().step).toBe('careSetting');
    h.send({ type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null, treatmentDate: TODAY });
    expect(h.view()).toMatchObject({ step: 'consent.choosing', notice: null, careSetting: { label: '往診', consentWindow: '同意情報登録後24時間' } });
  });

  it('cancel from a step ends the check with nothing registered', async () => {
    const h = await startCheck();
    await toPinEntry(h);
    h.send({ type: 'CANCEL' });
    expect((await h.service.ended()).outcome).toBe('cancelled');
    expect(h.fakes.consent.registrations).toEqual([]);
    expect(h.fakes.card.watchers).toBe(0);
    expect(() => h.send({ type: 'CANCEL' })).toThrowError(expect.objectContaining({ code: 'CHECK_NOT_STARTED' }));
  });

  it('cancel while the registration is in flight: waits for OQS, then cancels the consent', async () => {
    const h = await startCheck();
    const held = await cancelDuringRegistration(h);
    expect(h.view().step).toBe('registering');
    held.release();
    expect((await h.service.ended()).outcome).toBe('cancelled');
    expect(h.fakes.consent.cancellations).toEqual(['reg-1']);
  });

  it('second visit for 訪問診療等: a 再照会 by insurance identifiers, no card', async () => {
    const h = await startCheck();
    h.send(secondVisitEvent);
    const result = await h.until('result');
    expect(result.result?.source).toBe('reinquiry');
    expect(result.careSetting?.label).toBe('訪問診療等');
    expect(h.fakes.card.script.calls).toEqual({});
    h.send({ type: 'FINISH' });
    expect((await h.service.ended()).outcome).toBe('completed');
  });

  it('照会番号 is registered after the result, and queued when the network is down', async () => {
    const h = await startCheck();
    await toResultByPin(h);
    const identifiers = identifiersOfResult(h.view());
    h.send({ type: 'REGISTER_REFERENCE', referenceNumber: '患者番号' });
    expect(h.view().notice?.code).toBe('CHECK_INVALID_REFERENCE');
    h.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-000123' });
    expect((await h.service.ended()).outcome).toBe('completed');
    expect(h.fakes.terminal.references).toEqual(['P-000123']);
    // Kept in the cart's own 照会番号 list too, under the patient's identifiers, for batch queries.
    expect(h.fakes.references.kept.get('P-000123')).toEqual(identifiers);

    const offline = await startCheck();
    await toResultByPin(offline);
    offline.fakes.terminal.online = false;
    offline.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-000123' });
    await offline.service.ended();
    expect(offline.view().queuedJobs).toEqual(['reference-number.register']);
    expect(offline.fakes.jobs.jobs).toMatchObject([{ kind: 'reference-number.register', checkId: 'chk-1', referenceNumber: 'P-000123', identifiers: { InsurerNumber: '06139998' } }]);
    expect(offline.fakes.references.kept.has('P-000123')).toBe(true);
  });

  it('照会番号 registration is audited under the patient\'s keyed reference, with no identifier and no number in the row', async () => {
    const h = await startCheck();
    await toResultByPin(h);
    const identifiers = identifiersOfResult(h.view());
    h.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-000123' });
    const { auditSeqs } = await h.service.ended();
    const rows = h.fakes.audit.rows;
    expect(h.fakes.audit.types().slice(-2)).toEqual(['reference.change:register:ok', 'check.outcome:ok']);
    expect(rows.at(-2)).toEqual({ kind: 'reference.change', actor: h.fakes.clerk.staffId, action: 'register', outcome: 'ok', patient: h.fakes.audit.patientRef(identifiers) });
    expect(auditSeqs).toHaveLength(rows.length);
    const written = JSON.stringify(rows);
    for (const value of ['P-000123', identifiers.InsuredIdentificationNumber, identifiers.Birthdate]) expect(written).not.toContain(value);

    const offline = await startCheck();
    await toResultByPin(offline);
    offline.fakes.terminal.online = false;
    offline.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-000123' });
    await offline.service.ended();
    expect(offline.fakes.audit.types()).toContain('reference.change:register:ok:JOB_QUEUED');
  });

  it('a second check cannot start while one runs; a locked cart cannot start one', async () => {
    const h = await startCheck();
    await expect(h.service.start()).rejects.toMatchObject({ code: 'CHECK_IN_PROGRESS' });
    h.send({ type: 'CANCEL' });
    await h.service.ended();
    h.fakes.clerk.staffId = null;
    await expect(h.service.start()).rejects.toMatchObject({ code: 'CHECK_LOCKED' });
  });
});
