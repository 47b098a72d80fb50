/**
 * 業務コード OQSCD001–044 (別紙5-1, not public) as data with Japanese labels. Values come from a
 * public implementation that carries the whole table (S4 in reference/oqs-interface.md §3),
 * cross-checked against S1 and S3 for 001–013. Where sources disagree the note says which was
 * taken. OQSCD042's values depend on OQSCD041's, hence the nested table.
 */
export interface CodeList {
  readonly name: string;
  readonly values: Readonly<Record<string, string>>;
}

const yesNo01 = { '01': 'あり', '02': 'なし' } as const;
const match01 = { '0': '一致', '1': '不一致' } as const;

export const OQS_CODES = {
  OQSCD001: { name: '限度額適用認定証提供同意フラグ', values: { '0': '未同意', '1': '同意' } },
  OQSCD002: { name: '照会区分', values: { '1': 'マイナンバーカード', '2': '被保険者証情報' } },
  // S4 has one comment saying 3 for 異常終了; its code, S1 and S3 use 9.
  OQSCD003: { name: '処理結果区分', values: { '1': '正常終了', '2': '処理中', '9': '異常終了' } },
  OQSCD004: { name: '処理結果状況', values: { '1': '正常終了', '2': 'エラー' } },
  // S1 (two files) and a comment in S4 give 0/1; S4's code table gives 1/2. See CHARACTER_CODE below.
  OQSCD005: { name: '文字コード識別', values: { '0': 'UTF-8', '1': 'Shift_JIS' } },
  OQSCD006: {
    name: '資格有効性',
    values: { '1': '有効', '2': '無効', '3': '無効（新しい資格あり）', '4': '該当資格なし', '5': '複数該当', '6': '有効（未登録）' },
  },
  OQSCD007: { name: '性別', values: { '1': '男', '2': '女', '3': '未設定' } },
  OQSCD008: { name: '資格喪失事由', values: { '01': '死亡', '02': '生活保護受給開始', '03': '医療保険等の資格取得', '99': 'その他' } },
  OQSCD009: { name: '本人・家族の別', values: { '1': '本人', '2': '家族' } },
  OQSCD010: {
    name: '被保険者証区分',
    values: {
      '01': '一般', '02': '退職', '03': '短期（一般）', '04': '短期（退職）',
      // S1: 資格証明書; S4: 特別療養費支給対象者 (the same people, named after the 2024 change).
      '05': '資格証明書（特別療養費支給対象者）', '06': '特例退職', '07': '自衛官診療証', A1: '医療扶助',
    },
  },
  OQSCD011: { name: '限度額適用認定証区分', values: { '01': '限度額適用認定証', '02': '限度額適用・標準負担額減額認定証', '03': '標準負担額減額認定証' } },
  OQSCD012: {
    name: '限度額適用区分',
    values: {
      A01: 'ア', A02: 'イ', A03: 'ウ', A04: 'エ', A05: 'オ', A06: 'オ（境）',
      B01: '現役並みⅢ', B02: '現役並みⅡ', B03: '現役並みⅠ', B04: '一般', B05: '低所得Ⅱ', B06: '低所得Ⅰ',
      B07: '低所得Ⅰ（老福）', B08: '低所得Ⅰ（境）', B09: '一般Ⅱ', B10: '一般Ⅰ',
    },
  },
  OQSCD013: { name: '特定疾病区分', values: { '1': '人工透析を要する慢性腎不全', '2': '先天性血液凝固因子障害', '3': '血液製剤に起因するHIV感染症' } },
  OQSCD014: { name: '限度額情報変更有無', values: { '0': '変更なし', '1': '変更あり／判定不能' } },
  OQSCD015: { name: '未就学区分', values: { '1': '未就学' } },
  OQSCD016: { name: '同意区分', values: { '0': '同意なし', '1': '同意あり', '2': '同意有効期限切れ', '3': '同意取得困難' } },
  OQSCD017: { name: '処方箋発行形態', values: { '1': '電子処方箋', '2': '紙の処方箋' } },
  OQSCD018: { name: '医療券・調剤券別', values: { '01': '医療券', '02': '調剤券' } },
  OQSCD019: { name: '診療別', values: { '01': '入院', '02': '入院外', '03': '歯科', '04': '調剤', '05': '訪問看護' } },
  OQSCD020: { name: '単独・併用別', values: { '01': '単独', '02': '併用' } },
  OQSCD021: { name: '社会保険状況', values: yesNo01 },
  OQSCD022: { name: '社会保険状況の整合性フラグ', values: { '1': '不整合あり' } },
  OQSCD023: { name: '感染症法第37条の2の該当状況', values: yesNo01 },
  OQSCD024: { name: '後期高齢者医療の該当状況', values: yesNo01 },
  OQSCD025: { name: '都道府県費の該当状況', values: yesNo01 },
  OQSCD026: { name: '指定医療機関確認フラグ', values: match01 },
  OQSCD027: { name: '同一個人有無フラグ', values: { '1': '同一個人あり' } },
  OQSCD028: { name: '診療区分', values: { '1': '外来', '2': '訪問診療等', '3': 'オンライン診療等', '4': '救急時' } },
  OQSCD029: { name: '医療情報種別', values: { TKK: '特定健診情報', YZK: '薬剤情報等' } },
  OQSCD030: { name: '薬剤情報等の表示', values: { '0': '表示しない', '1': '表示する' } },
  OQSCD031: {
    name: '同意有効期限切れ理由',
    values: { '0': '診療形態ごとに異なる（仕様書の補足を参照）', '1': '医療機関による同意取り消し', '2': '患者による同意取り消し', '3': '用途変更による同意取り消し' },
  },
  OQSCD032: { name: '資格情報変更確認フラグ', values: match01 },
  OQSCD033: { name: 'URL取得区分', values: { '2': '訪問診療等', '3': 'オンライン診療等' } },
  OQSCD034: { name: '出力形式', values: { '1': 'PDF形式', '2': 'PNG形式' } },
  OQSCD035: { name: '変更区分', values: { '0': '変更しない', '1': '変更する' } },
  OQSCD036: {
    name: '閲覧同意情報種別',
    values: {
      TSR: '特定疾病療養受療証情報', TKK: '特定健診情報', YZK: '薬剤情報（薬剤・処方）',
      SRJ: '診療情報（診療・その他アレルギー等・薬剤アレルギー等・検査）', SHJ: '手術情報（手術・傷病名・感染症）',
    },
  },
  OQSCD037: { name: '利用設定区分', values: { '0': '利用しない', '1': '利用する' } },
  OQSCD038: { name: '電子処方箋利用区分', values: { '0': '利用しない', '1': '電子処方箋のみ', '2': '電子処方箋と紙の処方箋の併用', '3': '紙の処方箋のみ' } },
  OQSCD039: { name: '処方箋発行形態選択タイミング', values: { '1': '資格確認時以外で確認する', '2': '資格確認時に確認する' } },
  OQSCD040: {
    name: '情報要求パターン',
    values: {
      '1': '救急用サマリー', '2': '救急用全量版', '3': '電子処方箋＋救急用サマリー＋救急用全量版',
      '4': '現行どおりの薬剤情報', '5': '現行どおりの診療／薬剤情報', '6': '現行どおりの特定健診情報',
    },
  },
  OQSCD041: { name: '二要素認証要素区分', values: { '1': '記憶', '2': '生体情報', '3': '物理媒体' } },
  OQSCD042: { name: '二要素認証方式区分', values: {} },
  OQSCD043: { name: '救急時閲覧権限有無', values: { '0': '権限なし', '1': '権限あり' } },
  // S4 writes 医療費助成 as "01" but the others as one digit; kept as found.
  OQSCD044: { name: '連携システムID', values: { '01': '医療費助成', '2': '母子保健', '4': '予防接種', '8': '介護保険' } },
} as const satisfies Record<string, CodeList>;

export type CodeListId = keyof typeof OQS_CODES;

/** OQSCD042 by the OQSCD041 element it belongs to. */
export const TWO_FACTOR_METHODS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '1': { '01': 'ID/パスワード', '02': '暗証番号（PINコード）', '03': '秘密の質問' },
  '2': { '01': '指紋認証', '02': '顔認証', '03': '音声認証', '04': '静脈認証', '05': '虹彩認証' },
  '3': { '01': 'ICカード', '02': 'ワンタイムパスワード', '03': 'その他の物理媒体' },
};

/** The Japanese label of a value, or a plain fallback that keeps the raw value visible. */
export function codeLabel(list: CodeListId, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const values: Readonly<Record<string, string>> = OQS_CODES[list].values;
  return values[value] ?? `不明なコード（${value}）`;
}

/** OQSCD005 values for the two encodings: one setting, because the sources disagree (0/1 or 1/2). */
export const CHARACTER_CODE = { 'UTF-8': '0', Shift_JIS: '1' } as const;
