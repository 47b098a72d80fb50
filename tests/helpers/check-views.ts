/**
 * Check views as the services host would send them, step by step, for screen tests that run
 * before (or without) the real machine behind them. Validated against the contract's schema, so a
 * view here is always one the host could really send.
 */
import { CheckViewSchema, type CheckStep, type CheckView } from '../../main/contract/channels/check';

const QUALIFICATION = {
  QualificationValidity: '1',
  Name: '厚労　太郎',
  NameKana: 'ｺｳﾛｳ ﾀﾛｳ',
  Birthdate: '19700101',
  Sex1: '1',
  InsurerNumber: '06139993',
  InsurerName: '研修健康保険組合',
  InsuredCardSymbol: '1234',
  InsuredIdentificationNumber: '5678910',
  InsuredBranchNumber: '01',
  PersonalFamilyClassification: '1',
  InsuredCardExpirationDate: '20270331',
  NameOfOther: '厚労　タロウ',
  Address: '東京都千代田区霞が関１－２－２',
  PostNumber: '100-8916',
  burden: { percent: 30, source: 'derived' as const, basis: '一般' as const, needsConfirmation: false },
  limitCertificate: { classification: '限度額適用認定証', validFrom: '20260401', validUntil: '20270731' },
  specificDiseases: [{ category: '人工透析を要する慢性腎不全', selfPay: '10000', validFrom: '20250401' }],
  medicalTickets: [],
};

const BASE: CheckView = {
  checkId: 'check-0001',
  step: 'careSetting',
  audience: 'clerk',
  trainingMode: true,
  trainingBanner: '研修モード：実際の資格確認ではありません',
  network: 'online',
  careSetting: null,
  consent: { items: [], enteredBy: 'patient' },
  card: { problem: null, contactless: false, pinTriesLeft: null, pinSet: true },
  identity: { method: null, lastTryWarning: null, resetRoutes: null },
  prescription: null,
  result: null,
  notice: null,
  interruption: null,
  outcome: null,
  queuedJobs: [],
};

const CARE_SETTING: CheckView['careSetting'] = {
  setting: 'alternateRoute',
  label: '通常とは異なる動線（機器故障時等を含む）',
  reason: 'readerBroken',
  reasonLabel: 'カードリーダー故障',
  treatmentDate: '2026-11-25',
  consentWindow: '同意情報登録後から診療日の翌日23時59分まで',
};

const ITEMS: CheckView['consent']['items'] = [
  { item: 'diagnosis', label: '診療情報', agreed: null },
  { item: 'medication', label: '薬剤情報', agreed: null },
  { item: 'checkup', label: '特定健診情報', agreed: null },
];

const PATIENT_STEPS = new Set<CheckStep>(['consent.choosing', 'consent.confirming', 'card.waiting', 'card.reading', 'identity.pinEntry', 'identity.verifying', 'identity.signing', 'insuranceUse.asking', 'prescription']);

/** The view at a step, with the data a real check would carry by then, plus any overrides. */
export function viewAt(step: CheckStep, overrides: Partial<CheckView> = {}): CheckView {
  const afterCareSetting = step !== 'careSetting' && step !== 'ended';
  const afterCard = afterCareSetting && !step.startsWith('consent') && !step.startsWith('card');
  const atResult = step === 'result' || step === 'referenceRegistering';
  const view: CheckView = {
    ...BASE,
    step,
    audience: PATIENT_STEPS.has(step) ? 'patient' : 'clerk',
    careSetting: afterCareSetting ? CARE_SETTING : null,
    consent: { items: afterCareSetting ? ITEMS : [], enteredBy: 'patient' },
    card: { problem: null, contactless: false, pinTriesLeft: afterCard ? 3 : null, pinSet: true },
    result: atResult
      ? {
          source: 'consent',
          qualification: QUALIFICATION,
          consent: ITEMS.map((i) => ({ item: i.item, label: i.label, consFlg: '1' as const, availableUntil: '2026-11-26T23:59:59+09:00' })),
        }
      : null,
    outcome: step === 'ended' ? 'completed' : null,
    ...overrides,
  };
  return CheckViewSchema.parse(view);
}
