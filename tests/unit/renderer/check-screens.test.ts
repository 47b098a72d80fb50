import { describe, expect, it } from 'vitest';
import { CheckScreen } from '../../../renderer/src/screens/check/CheckScreen';
import type { CheckHandle } from '../../../renderer/src/screens/check/vocabulary';
import { CHECK_STEPS, type CheckStep, type CheckView } from '../../../main/contract/channels/check';
import { viewAt } from '../../helpers/check-views';
import { renderMarkup, textOf } from '../../helpers/render-markup';

const TODAY = new Date('2026-11-25T01:00:00Z');

function handle(view: CheckView | null): CheckHandle {
  const noop = async () => undefined;
  return { view, error: null, busy: false, start: noop, send: noop };
}

function screenAt(step: CheckStep, overrides: Partial<CheckView> = {}, language: 'ja' | 'en' = 'ja') {
  return renderMarkup(CheckScreen, { check: handle(viewAt(step, overrides)), today: TODAY }, language);
}

describe('the check screens, one per machine state', () => {
  it('names what it is doing in every step, never only the generic 処理しています', async () => {
    for (const step of CHECK_STEPS) {
      const text = textOf(await screenAt(step));
      expect(text, step).not.toMatch(/^処理しています。しばらくお待ちください/);
    }
  });

  it('asks the clerk for the care setting, its reason and the treatment date (today in Tokyo)', async () => {
    const html = await screenAt('careSetting');
    const text = textOf(html);
    for (const label of ['通常とは異なる動線（機器故障時等を含む）', '訪問診療等', '往診', 'カードリーダー故障', '緊急入院（病室で確認）', '診療日']) expect(text).toContain(label);
    expect(html).toContain('value="2026-11-25"');
  });

  it('shows the patient only the enabled consent items, with すべて同意 and すべて同意しない of equal weight', async () => {
    const html = await screenAt('consent.choosing');
    const text = textOf(html);
    expect(text).toContain('診療情報');
    expect(text).toContain('特定健診情報');
    expect(text).not.toContain('手術情報');
    const agreeAll = /<button[^>]*class="([^"]+)"[^>]*>すべて同意する</.exec(html)?.[1];
    const disagreeAll = /<button[^>]*class="([^"]+)"[^>]*>すべて同意しない</.exec(html)?.[1];
    expect(agreeAll).toBeDefined();
    expect(agreeAll).toBe(disagreeAll);
    expect(html).toContain('data-step="consent.choosing"');
    expect(html).toContain('check-patient');
  });

  it('confirms the consent with a way back', async () => {
    const items = viewAt('consent.confirming').consent.items.map((i) => ({ ...i, agreed: i.item !== 'checkup' }));
    const text = textOf(await screenAt('consent.confirming', { consent: { items, enteredBy: 'patient' } }));
    expect(text).toContain('この内容でよろしいですか');
    expect(text).toMatch(/診療情報 同意する .*特定健診情報 同意しない/);
    expect(text).toContain('戻る');
    expect(text).toContain('確定する');
  });

  it('asks for the card, and on a contactless reader to keep it still; says when the card came off', async () => {
    expect(textOf(await screenAt('card.waiting'))).toContain('カードをリーダーに置いてください');
    expect(textOf(await screenAt('card.waiting', { card: { problem: null, contactless: true, pinTriesLeft: null, pinSet: true } }))).toContain('動かさないでください');
    expect(textOf(await screenAt('card.waiting', { card: { problem: 'removed', contactless: false, pinTriesLeft: null, pinSet: true } }))).toContain('カードが外れました');
  });

  it('shows the PIN pad to the patient: masked dots and on-screen keys, no text field, tries shown', async () => {
    const html = await screenAt('identity.pinEntry');
    const text = textOf(html);
    expect(text).toContain('暗証番号はご本人が入力してください');
    expect(text).toContain('暗証番号の残り回数：3回');
    expect(html).not.toMatch(/<input/);
    expect(html.match(/class="dot"/g)).toHaveLength(4);
    const keys = [...html.matchAll(/digit-key digit-(\d)"[^>]*>(\d)</g)].map((m) => m[2]).join('');
    expect(keys).toBe('1234567890');
  });

  it('warns at one try left and suggests 目視', async () => {
    const warning = '暗証番号の残り回数はあと1回です。間違えるとロックされます。不安な場合は「目視確認」に切り替えてください。';
    const text = textOf(await screenAt('identity.pinEntry', { card: { problem: null, contactless: false, pinTriesLeft: 1, pinSet: true }, identity: { method: null, lastTryWarning: warning, resetRoutes: null } }));
    expect(text).toContain('暗証番号の残り回数：1回');
    expect(text).toContain(warning);
    expect(text).toContain('目視確認に切り替える');
  });

  it('for a blocked PIN says where to reset it and offers 目視', async () => {
    const routes = ['住民票のある市区町村の窓口で、本人確認書類を持参のうえ暗証番号を再設定できます。'];
    const text = textOf(await screenAt('identity.blocked', { card: { problem: null, contactless: false, pinTriesLeft: 0, pinSet: true }, identity: { method: null, lastTryWarning: null, resetRoutes: routes } }));
    expect(text).toContain('暗証番号がロックされています');
    expect(text).toContain(routes[0]);
    expect(text).toContain('目視確認に切り替える');
  });

  it('for a card without a PIN (顔認証マイナンバーカード) offers 目視 only', async () => {
    const html = await screenAt('identity.choosing', { card: { problem: null, contactless: false, pinTriesLeft: null, pinSet: false } });
    expect(textOf(html)).toContain('暗証番号のないカード');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>暗証番号（ご本人が入力）</);
  });

  it('asks the clerk for their own passcode to confirm 目視, on the pad', async () => {
    const html = await screenAt('identity.visual');
    expect(textOf(html)).toContain('顔写真');
    expect(textOf(html)).toContain('職員のパスコード（4桁）');
    expect(html).not.toMatch(/<input/);
  });

  it('asks about 利用登録 and 処方箋 with equal choices', async () => {
    expect(textOf(await screenAt('insuranceUse.asking'))).toMatch(/登録する 登録しない/);
    expect(textOf(await screenAt('prescription'))).toMatch(/電子処方箋 紙の処方箋/);
  });

  it('shows progress while the services work', async () => {
    const html = await screenAt('registering');
    expect(textOf(html)).toContain('同意を登録し、資格情報を取得しています');
    expect(html).toContain('role="progressbar"');
  });

  it('labels every qualification field in Japanese, with 和暦, 西暦 and age', async () => {
    const html = await screenAt('result');
    const text = textOf(html);
    for (const [label, value] of [
      ['資格の状態', '有効'],
      ['氏名', '厚労 太郎'], // textOf folds the full-width space
      ['氏名（カナ）', 'ｺｳﾛｳ ﾀﾛｳ'],
      ['性別', '男'],
      ['生年月日', '昭和45年1月1日（1970年） （56歳）'],
      ['保険者番号', '06139993'],
      ['保険者名称', '研修健康保険組合'],
      ['記号・番号・枝番', '1234・5678910・01'],
      ['本人・家族', '本人'],
      ['通称', '厚労 タロウ'],
      ['住所', '〒100-8916 東京都千代田区霞が関１－２－２'],
      ['負担割合', '3割（一般）'],
      ['有効期限', '令和9年3月31日（2027年）'],
      ['限度額適用', '限度額適用認定証（令和9年7月31日（2027年）まで）'],
      ['特定疾病', '人工透析を要する慢性腎不全（自己負担限度額 月10,000円）'],
    ]) expect(text).toContain(`${label} ${value}`);
    // No 医療扶助 tickets for this patient: the row is left out rather than shown empty.
    expect(text).not.toContain('医療券');
    expect(text).toContain('薬剤情報 同意あり 令和8年11月26日（2026年） 23:59');
    expect(text).toContain('照会番号');
  });

  it('reads the burden ratio with its basis: OQS\'s for 後期高齢者, the tickets for 医療扶助, a certificate check for 70–74', async () => {
    const q = viewAt('result').result!.qualification;
    const at = async (burden: typeof q.burden, extra: Partial<typeof q> = {}) =>
      textOf(await screenAt('result', { result: { ...viewAt('result').result!, qualification: { ...q, burden, ...extra } } }));
    expect(await at({ percent: 10, source: 'oqs', basis: '後期高齢', needsConfirmation: false })).toContain('負担割合 1割（後期高齢者医療）');
    expect(await at({ percent: 20, source: 'derived', basis: '70歳以上75歳未満', needsConfirmation: true })).toContain('負担割合 2割（70歳以上75歳未満）。受給者証でもご確認ください');
    const assistance = await at(
      { percent: null, source: 'oqs', basis: '医療扶助', needsConfirmation: false },
      { medicalTickets: [{ type: '医療券', issueNumber: '0001', validFrom: '20261101', validUntil: '20261130', selfPayAmount: '0' }] },
    );
    expect(assistance).toContain('負担割合 医療扶助（医療券の本人支払額をご確認ください）');
    expect(assistance).toContain('医療扶助（医療券・調剤券） 医療券 交付番号0001 令和8年11月1日（2026年）〜令和8年11月30日（2026年） 本人支払額0円');
  });

  it('on a network failure says what to do next, with the code, retry and the official fallbacks', async () => {
    const text = textOf(
      await screenAt('interrupted', {
        network: 'offline',
        interruption: {
          kind: 'offline',
          code: 'GATEWAY_UNREACHABLE',
          message: 'オンライン資格確認に接続できません。ネットワークの接続をご確認のうえ、もう一度お試しください。',
          fallbacks: [{ id: 'mynaPortal', label: 'マイナポータルの資格情報画面', howTo: '見せていただき、確認してください。' }],
        },
      }),
    );
    expect(text).toContain('ネットワークの接続をご確認のうえ');
    expect(text).toContain('GATEWAY_UNREACHABLE');
    expect(text).toContain('もう一度試す');
    expect(text).toContain('マイナポータルの資格情報画面');
  });

  it('after the end shows no patient data and what was left queued', async () => {
    const text = textOf(await screenAt('ended', { queuedJobs: ['reference-number.register'] }));
    expect(text).toContain('患者さんの情報は画面から消去しました');
    expect(text).toContain('照会番号の登録（通信が戻りしだい送信します）');
    expect(text).not.toContain('厚労');
  });

  it('switches to English', async () => {
    const text = textOf(await screenAt('identity.pinEntry', {}, 'en'));
    expect(text).toContain('The PIN must be entered by the patient');
    expect(text).toContain('PIN tries left: 3');
  });
});
