/**
 * The encoding of a CSV that is not UTF-8. Mainland banks, Alipay and Excel on Simplified Chinese
 * Windows write GBK (GB18030 reads it); Taiwanese and Hong Kong banks and Excel on Traditional Chinese
 * Windows write Big5; Western banks and Excel on English or European Windows write Windows-1252.
 * None of these fails on the others' bytes: nearly every Big5 byte pair is a valid GBK pair, so a
 * Big5 export read as GB18030 becomes a page of real but random characters (銀行 turns into 蝗︽),
 * and `Société £1,234.50` read as GB18030 loses letters (`Soci閠�`). Names then stop matching and
 * nothing says why. So the choice is made on the text each reading gives:
 *   - how many of its Chinese characters are common ones (real text: about half; random characters:
 *     about one in ten),
 *   - how many bank and bookkeeping words it holds (日期, 金額, 餘額, 摘要 …),
 *   - how many byte pairs the encoding cannot read at all (GBK text read as Big5 has many),
 *   - for Windows-1252, single accented letters inside Latin words and £/€ before a figure, and only
 *     when neither Chinese reading looks like Chinese text.
 * GB18030 stays the reading unless another is clearly better (as before this choice was made).
 */

export type LegacyChineseEncoding = 'gb18030' | 'big5';
export type LegacyEncoding = LegacyChineseEncoding | 'windows-1252';

/** What one reading of the sample gives. */
export interface EncodingReading {
  encoding: LegacyChineseEncoding;
  /** Chinese characters in the reading. */
  chinese: number;
  /** Of those, common ones (COMMON below). */
  common: number;
  /** Bank and bookkeeping words found (WORDS below). */
  words: number;
  /** Byte sequences the encoding cannot read (U+FFFD). */
  unreadable: number;
}

export interface LegacyEncodingChoice {
  encoding: LegacyEncoding;
  readings: [EncodingReading, EncodingReading];
  /** Bytes that read as Western text in Windows-1252 (an accented letter inside a word, £ or € before a figure). */
  western: number;
  /** No reading looks like text: the choice is GB18030 by default, not by evidence. */
  doubt: boolean;
}

/**
 * Common characters in both scripts (the most frequent few hundred of running text and of bank
 * exports; Traditional forms beside Simplified ones). A random character is one of these about one
 * time in ten.
 */
const COMMON = new Set(
  [
    '的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制製机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几幾九区區强強放决決西被干做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清己美再采採转轉更单單风風切打白教速花带帶安场場身车車例真务務具万萬每目至达達走积積示议議声聲报報斗完类類八离離华華名确確才科张張信马馬节節话話米整空元况況今集温溫传傳土许許步群广廣石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复復容儿兒须須际際商非验驗连連断斷深难難近矿礦千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往历歷市克何除消构構府称稱太准精值号號率族维維划劃选選标標写寫存候亲親快效院查江型眼王按格养養易置派层層片始却卻专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵价價严嚴龙龍飞飛',
    // bank exports and books: accounts, money, counterparties
    '账帳户戶额額余餘银銀贷貸借款费費币幣汇匯息税稅票据據摘备備注註凭憑证證号號付收存提取现現转轉入出支余结結算计計合台臺湾灣港澳司限份股贸貿易科技电電子商店有限责責任务務旅游遊餐饮飲服装裝材料运運输輸物流租房水电電网網购購销銷售',
  ]
    .join('')
    .split(''),
);

/** Words of bank exports and books, in both scripts; random characters make them by chance almost never. */
const WORDS = [
  '日期', '金额', '金額', '余额', '餘額', '摘要', '备注', '備註', '账号', '帳號', '账户', '帳戶', '户名', '戶名', '交易', '收入',
  '支出', '存入', '提款', '对方', '對方', '借方', '贷方', '貸方', '合计', '合計', '银行', '銀行', '公司', '有限', '转账', '轉帳',
  '手续费', '手續費', '利息', '币别', '幣別', '新台币', '新臺幣', '凭证', '憑證', '发票', '發票', '客户', '客戶', '货款', '貨款',
];

function readingOf(sample: Uint8Array, encoding: LegacyChineseEncoding): EncodingReading {
  // A sample cut inside a character ends in one unreadable sequence: not evidence, so the end is left out.
  const text = new TextDecoder(encoding).decode(sample.subarray(0, Math.max(0, sample.length - 4)));
  let chinese = 0;
  let common = 0;
  let unreadable = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0xfffd) unreadable++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code >= 0x20000) {
      chinese++;
      if (COMMON.has(ch)) common++;
    }
  }
  let words = 0;
  for (const word of WORDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) words++;
  }
  return { encoding, chinese, common, words, unreadable };
}

/** How much a reading looks like Chinese text: the share of common characters, less for what it cannot read. */
function likeness(reading: EncodingReading): number {
  if (reading.chinese === 0) return 0;
  return (reading.common + 4 * reading.words) / (reading.chinese + 4 * reading.unreadable);
}

/** Least likeness of a reading taken as Chinese text (real text: 0.4 and up; random characters: about 0.1). */
const LIKE_TEXT = 0.25;

const isAsciiLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/**
 * Western evidence in the bytes: a single Windows-1252 letter (À–ÿ) between a Latin letter and a Latin
 * letter or a space (`Société`, `Müller `), or £ (0xA3) / € (0x80) right before a figure. Chinese
 * encodings write two bytes per character, so their high bytes rarely stand alone like that.
 */
function westernEvidence(sample: Uint8Array): number {
  let hits = 0;
  for (let i = 1; i + 1 < sample.length; i++) {
    const b = sample[i];
    if (b < 0x80) continue;
    const before = sample[i - 1];
    const after = sample[i + 1];
    if (b >= 0xc0 && b !== 0xd7 && b !== 0xf7 && isAsciiLetter(before) && (isAsciiLetter(after) || after === 0x20)) hits++;
    else if ((b === 0xa3 || b === 0x80) && before < 0x80 && isDigit(after)) hits++;
  }
  return hits;
}

/** The encoding of a file that is not UTF-8, from its first bytes (a few hundred KB is plenty). */
export function legacyEncoding(sample: Uint8Array): LegacyEncodingChoice {
  const gb = readingOf(sample, 'gb18030');
  const big5 = readingOf(sample, 'big5');
  const gbLikeness = likeness(gb);
  const big5Likeness = likeness(big5);
  const western = westernEvidence(sample);
  const chinese = gbLikeness >= LIKE_TEXT || big5Likeness >= LIKE_TEXT;
  const encoding: LegacyEncoding =
    big5Likeness >= LIKE_TEXT && big5Likeness > 1.5 * gbLikeness ? 'big5' : chinese || western === 0 ? 'gb18030' : 'windows-1252';
  return { encoding, readings: [gb, big5], western, doubt: !chinese && western === 0 };
}
