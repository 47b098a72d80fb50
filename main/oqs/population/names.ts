/**
 * Invented name parts for the synthetic population. Combinations are random, so no entry stands
 * for a real person; addresses use invented town names so nothing points at a real household.
 */
export interface NamePart {
  readonly kanji: string;
  readonly kana: string;
}

const part = (kanji: string, kana: string): NamePart => ({ kanji, kana });

export const SURNAMES: readonly NamePart[] = [
  part('試験', 'シケン'), part('見本', 'ミホン'), part('架空', 'カクウ'), part('山田', 'ヤマダ'),
  part('川端', 'カワバタ'), part('森下', 'モリシタ'), part('小野寺', 'オノデラ'), part('石原', 'イシハラ'),
  part('高畑', 'タカハタ'), part('松永', 'マツナガ'), part('野々村', 'ノノムラ'), part('白石', 'シライシ'),
  part('長谷部', 'ハセベ'), part('大塚', 'オオツカ'), part('藤枝', 'フジエダ'), part('桜庭', 'サクラバ'),
  part('今井', 'イマイ'), part('梅田', 'ウメダ'), part('緒方', 'オガタ'), part('堀江', 'ホリエ'),
  part('渡部', 'ワタナベ'), part('吉岡', 'ヨシオカ'), part('宮沢', 'ミヤザワ'), part('内藤', 'ナイトウ'),
];

export const MALE_GIVEN: readonly NamePart[] = [
  part('太郎', 'タロウ'), part('健一', 'ケンイチ'), part('翔太', 'ショウタ'), part('大輔', 'ダイスケ'),
  part('悠真', 'ユウマ'), part('誠', 'マコト'), part('勇気', 'ユウキ'), part('蒼', 'アオイ'),
  part('隆', 'タカシ'), part('修', 'オサム'), part('陽向', 'ヒナタ'), part('浩二', 'コウジ'),
];

export const FEMALE_GIVEN: readonly NamePart[] = [
  part('花子', 'ハナコ'), part('陽子', 'ヨウコ'), part('美咲', 'ミサキ'), part('結衣', 'ユイ'),
  part('智子', 'トモコ'), part('さくら', 'サクラ'), part('凛', 'リン'), part('恵', 'メグミ'),
  part('和子', 'カズコ'), part('芽依', 'メイ'), part('由美', 'ユミ'), part('澪', 'ミオ'),
];

export const TOWNS: readonly string[] = ['試験市見本町', '架空市模擬台', '練習町仮設', '見本村試作'];

const FULL = 'ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンヴー　';
const HALF = [...'ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝ'].concat(['ｳﾞ', 'ｰ', ' ']);

/** OQS carries NameKana in half-width katakana (oqs-interface.md §2): ガ → ｶﾞ, space → space. */
export function toHalfWidthKana(fullWidth: string): string {
  let out = '';
  for (const ch of fullWidth.normalize('NFD')) {
    if (ch === '\u3099') out += 'ﾞ';
    else if (ch === '\u309a') out += 'ﾟ';
    else {
      const index = FULL.indexOf(ch);
      out += index >= 0 ? HALF[index]! : ch;
    }
  }
  return out;
}
