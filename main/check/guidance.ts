/**
 * What the clerk is told when the normal path is closed: the official fallbacks when OQS cannot be
 * reached (MHLW 保発0710第1号), and where a patient resets a blocked 利用者証明用 PIN.
 */
export const FALLBACK_IDS = ['mynaPortal', 'qualificationNotice', 'qualificationStatement'] as const;
export type FallbackId = (typeof FALLBACK_IDS)[number];

export const FALLBACKS: Readonly<Record<FallbackId, { label: string; howTo: string }>> = {
  mynaPortal: {
    label: 'マイナポータルの資格情報画面',
    howTo: '患者さんのスマートフォン等でマイナポータルの資格情報画面（またはそのPDF）を見せていただき、確認してください。',
  },
  qualificationNotice: {
    label: '資格情報のお知らせ',
    howTo: '資格情報のお知らせとマイナンバーカードをあわせて見せていただき、確認してください。',
  },
  qualificationStatement: {
    label: '被保険者資格申立書',
    howTo: 'いずれも無い場合は、被保険者資格申立書にご記入いただいてください。',
  },
};

export const PIN_RESET_ROUTES: readonly string[] = [
  '住民票のある市区町村の窓口で、本人確認書類を持参のうえ暗証番号を再設定できます。',
  '署名用電子証明書の暗証番号（英数字6〜16桁）を覚えている場合は、事前予約のうえ一部のコンビニ等の端末で再設定できます。',
  '今回は「目視確認」に切り替えて資格確認を続けられます。',
];

export const SUGGEST_VISUAL_AT_ONE_TRY =
  '暗証番号の残り回数はあと1回です。間違えるとロックされます。不安な場合は「目視確認」に切り替えてください。';
