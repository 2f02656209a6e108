/**
 * Counterparty names, compared the way an accountant would: a bank writes 北京華興貿易有限 (traditional,
 * cut at its field width) where the ledger says 北京华兴贸易有限责任公司; an English bank writes
 * ACME TRADING LIMITED for "ACME Trading Co., Ltd.". We normalise what banks change (width, script,
 * case, punctuation, legal form, truncation, a leading city) and compare what is left.
 *
 * A verdict is evidence, never proof: 'unknown' (a person paying for a company, a missing name) is
 * neutral; only two organisation names that share nothing count against a pair ('differ').
 */
import type { NameStrictness } from '../types';
import { damerauLevenshtein } from './edit-distance';
import { hasTraditional, toSimplified } from './traditional-simplified';
import { LETTERS, NUMBERS } from '../unicode-classes';

export interface NormalizedName {
  /** Simplified, lower case, letters and digits only; legal form kept (for truncation checks). */
  full: string;
  /** The company's own name: `full` without legal form, group, branch. */
  core: string;
  /** `core` without a leading province or city (北京华兴贸易 → 华兴贸易). */
  regionless: string;
  /** Written in Chinese characters (decides which prefix length proves a truncation). */
  cjk: boolean;
  /** Carries a sign of an organisation (公司, 贸易, Ltd, Trading …): two of those may disagree. */
  organisation: boolean;
  /**
   * The short form people write in a 摘要/description: the 字号 (first two characters of the city-less
   * core) or the first word of a Latin name. '' when the name is too short to have one.
   */
  short: string;
}

export type NameVerdict = 'agree' | 'similar' | 'unknown' | 'differ';

/** How much of a name must survive a bank's truncation, and how fuzzy 'similar' may be. */
interface NameThresholds {
  /** Shortest prefix (in characters) accepted as the same name cut at a field width. */
  cjkPrefix: number;
  latinPrefix: number;
  /** Shortest name searched for inside a description, and shortest name for 'similar'. */
  cjkInText: number;
  latinInText: number;
}

const THRESHOLDS: Record<NameStrictness, NameThresholds> = {
  strict: { cjkPrefix: 8, latinPrefix: 14, cjkInText: 5, latinInText: 8 },
  normal: { cjkPrefix: 6, latinPrefix: 10, cjkInText: 4, latinInText: 6 },
  loose: { cjkPrefix: 4, latinPrefix: 8, cjkInText: 3, latinInText: 5 },
};

/**
 * Chinese legal forms. The first one found ends the company's own name, so a branch written after it
 * goes too: 北京华兴贸易有限公司上海分公司 → 北京华兴贸易.
 */
const CJK_LEGAL_FORM = /(?:股份有限|有限责任|有限|股份|总|分)?公司/;

/** Trailing words that are not the company's own name (集团 after the legal form is gone). */
const CJK_TRAILING = ['控股集团', '集团', '控股', '有限合伙', '普通合伙', '合伙企业', '个体工商户'];

/** Latin legal forms and group words, as whole lower-case tokens, stripped from the end. */
const LATIN_LEGAL_FORM = new Set([
  'co', 'company', 'ltd', 'limited', 'inc', 'incorporated', 'llc', 'corp', 'corporation', 'gmbh', 'plc',
  'pte', 'pty', 'llp', 'lp', 'sa', 'ag', 'bv', 'nv', 'srl', 'spa', 'kk', 'group', 'holdings', 'holding',
  // "… Public Limited Company", "… and Company Limited": left over once the forms after them are gone.
  'public', 'and',
]);

/** What a truncated legal form may still show (北京华兴贸易有限责, ACME TRADING CO LT). */
const LEGAL_FORM_SPELLINGS = [
  '有限责任公司', '股份有限公司', '有限公司', '集团有限公司', '集团股份有限公司', '集团', '公司',
  'coltd', 'colimited', 'limited', 'ltd', 'inc', 'incorporated', 'llc', 'corp', 'corporation', 'company',
  'gmbh', 'plc', 'group', 'holdings',
];

/** Words that mark an organisation even without a legal form (a ledger writing just 华兴贸易). */
const CJK_ORGANISATION = /公司|集团|厂|店|中心|银行|分行|支行|事务所|研究|学校|学院|大学|医院|协会|委员会|合作社|工作室|商行|经营部|门市部|局|企业|贸易|科技|实业|工程|物流|商贸|电子|机械|餐饮|酒店|传媒|咨询|服务/;
const LATIN_ORGANISATION = new Set([
  ...LATIN_LEGAL_FORM, 'bank', 'trading', 'services', 'service', 'solutions', 'technologies', 'technology',
  'international', 'industries', 'industrial', 'enterprises', 'enterprise', 'partners', 'associates',
  'logistics', 'systems', 'consulting', 'electronics', 'foods', 'restaurant', 'hotel', 'store', 'shop',
]);

/** Provinces and large cities that a ledger often leaves off (北京华兴贸易 vs 华兴贸易). */
const REGIONS = [
  '北京', '上海', '天津', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门', '广州', '深圳', '杭州', '南京', '苏州',
  '武汉', '成都', '西安', '厦门', '青岛', '大连', '宁波', '无锡', '佛山', '东莞', '长沙', '郑州', '济南',
  '沈阳', '哈尔滨', '长春', '合肥', '福州', '昆明', '南宁', '贵阳', '太原', '石家庄', '南昌', '兰州', '海口',
  '珠海', '中山', '温州', '常州', '义乌', '柳州', '桂林', '九龙', '新界',
  // Taiwan's cities and counties (a 新竹 company's 字号 is not 新竹), in the simplified form names are folded to
  '台北', '高雄', '台中', '新北', '桃园', '台南', '新竹', '基隆', '嘉义', '苗栗', '彰化', '南投', '云林', '屏东',
  '宜兰', '花莲', '台东', '澎湖', '金门',
];
const LEADING_REGION = new RegExp(`^(?:${REGIONS.join('|')})(?:省|市|自治区|特别行政区)?`);
/**
 * 中国 of 中国石油, 中华 of 中华保险: no 字号. The short form is what follows (石油); 中国 alone was once
 * "found" in every bank line naming a 中国… company.
 */
const NATIONAL_PREFIX = /^(?:中国|中华|全国)/;
/** A district after the city: 上海浦东新区…, 苏州工业园区…, 北京海淀区… */
const LEADING_DISTRICT = /^[\u4e00-\u9fff]{1,3}?(?:新区|园区|区|县)/;
/** Latin first words too common to stand for a company in a description. */
const GENERIC_WORDS = new Set([
  'payment', 'receipt', 'transfer', 'invoice', 'from', 'with', 'for', 'and', 'the', 'pay', 'bank', 'new',
  'national', 'international', 'global', 'general', 'first', 'united', 'mr', 'mrs', 'ms', 'dr',
]);

/**
 * A three-letter name written in capitals is a company's acronym (ADP, DHL, UPS), as much a name as
 * "Acme"; not the payment words banks write in capitals.
 */
function isAcronym(raw: string): boolean {
  const text = raw.trim();
  return ACRONYM.test(text) && !PAYMENT_ACRONYMS.has(text);
}
const ACRONYM = /^[A-Z][A-Z0-9]{2}$/;
const PAYMENT_ACRONYMS = new Set(['ATM', 'POS', 'ACH', 'EFT', 'FEE', 'TAX', 'VAT', 'GST', 'CHQ', 'CHK', 'DEP', 'INT', 'PMT', 'TFR', 'BGC', 'BAC', 'FPI', 'FPO', 'SEP', 'DDR', 'STO']);

const CJK_CHAR = /[\u3400-\u9fff]/;
/** Unicode's letters and numbers as ranges (EdgeHTML 18 has no `\p{…}`, issue 9). */
const NOT_LETTER_OR_DIGIT = new RegExp(`[^${LETTERS}${NUMBERS}]+`, 'gu');
const FULL_WIDTH_OR_COMPAT = /[\u3000\uff01-\uffef]/;

/** Dots inside abbreviations (L.L.C., Co.,Ltd) join letters rather than separate words. */
const INNER_DOT = /\.(?=\S)/g;

/** Width, script and case folded; punctuation kept so Latin words can still be told apart. */
function fold(text: string): string {
  let s = FULL_WIDTH_OR_COMPAT.test(text) ? text.normalize('NFKC') : text;
  if (hasTraditional(s)) s = toSimplified(s);
  return s.toLowerCase().replace(INNER_DOT, '');
}

/** Text with letters of scripts other than Latin and Chinese (then the Unicode-aware regex is needed). */
const OTHER_SCRIPT = /[^\x00-\x7f\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const NOT_ASCII_ALNUM_OR_HAN = /[^a-z0-9\u3400-\u9fff]+/g;

/** A description or memo reduced to letters and digits, for "is this name written in it". */
export function normalizeText(text: string): string {
  if (!text) return '';
  const folded = fold(text);
  return OTHER_SCRIPT.test(folded) ? folded.replace(NOT_LETTER_OR_DIGIT, '') : folded.replace(NOT_ASCII_ALNUM_OR_HAN, '');
}

/** The Latin words of a description, folded (Chinese runs come out as one word each). */
export function textWords(text: string): string[] {
  return text ? fold(text).split(NOT_LETTER_OR_DIGIT).filter((w) => w.length > 0) : [];
}

function stripCjkForm(name: string): string {
  const legal = CJK_LEGAL_FORM.exec(name);
  let core = legal && legal.index > 0 ? name.slice(0, legal.index) : name;
  for (let again = true; again; ) {
    again = false;
    for (const word of CJK_TRAILING) {
      if (core.length > word.length + 1 && core.endsWith(word)) {
        core = core.slice(0, -word.length);
        again = true;
      }
    }
  }
  return core;
}

function stripRegion(core: string): string {
  let rest = core;
  let stripped = false;
  for (let i = 0; i < 2; i++) {
    const region = LEADING_REGION.exec(rest);
    if (!region || rest.length - region[0].length < 2) break;
    rest = rest.slice(region[0].length);
    stripped = true;
  }
  const district = stripped ? LEADING_DISTRICT.exec(rest) : null;
  if (district && rest.length - district[0].length >= 2) rest = rest.slice(district[0].length);
  return rest;
}

/** Digits a bank writes after a name that are its account or merchant number, not part of the name. */
const MIN_ACCOUNT_DIGITS = 6;

/**
 * Drops an account number written after the name, glued or spaced (招商银行's 对手信息:
 * 北京住房公积金管理中心1111111111, 张三 66666666666666): the ledger writes the name alone, and a name
 * that never ends in six digits is compared without them. A name that is only digits stays.
 */
function withoutTrailingAccount(tokens: string[]): void {
  const last = tokens[tokens.length - 1];
  let start = last.length;
  while (start > 0 && last.charCodeAt(start - 1) >= 48 && last.charCodeAt(start - 1) <= 57) start--;
  if (last.length - start < MIN_ACCOUNT_DIGITS) return;
  if (start > 0) tokens[tokens.length - 1] = last.slice(0, start);
  else if (tokens.length > 1) tokens.pop();
}

/**
 * Payment channels a card or bank export writes before the merchant (工商银行: 支付宝-北京百度网讯科技有限公司,
 * 财付通-美团平台商户; PAYPAL *ACME, SQ *COFFEE): the merchant is the name.
 */
const CHANNEL_BEFORE_MERCHANT = /^\s*(?:支付宝|支付寶|财付通|財付通|微信支付|微信|银联|銀聯|云闪付|京东支付|抖音支付|paypal|sq)\s*[-*－＊]\s*(?=\S)/i;

/**
 * The same channels written glued to the merchant (农业银行: 微信支付北京一卡通), where a Chinese name of
 * two characters or more follows; not the channel's own company (财付通支付科技有限公司, 支付宝（中国）…).
 */
const CHANNEL_GLUED = /^\s*(?:支付宝|支付寶|财付通|財付通|微信支付|云闪付|雲閃付|京东支付|京東支付|抖音支付)(?=[\u3400-\u9fff]{2})/;
const COMPANY_WORD = /公司|集团|集團|支付|科技|网络|網絡/;

function withoutChannel(raw: string): string {
  const separated = raw.replace(CHANNEL_BEFORE_MERCHANT, '');
  if (separated !== raw) return separated;
  const glued = CHANNEL_GLUED.exec(raw);
  if (!glued) return raw;
  const rest = raw.slice(glued[0].length);
  return COMPANY_WORD.test(rest) ? raw : rest;
}

export function normalizeName(raw: string): NormalizedName | null {
  if (!raw || !raw.trim()) return null;
  const named = withoutChannel(raw);
  const tokens = fold(named).split(NOT_LETTER_OR_DIGIT).filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  withoutTrailingAccount(tokens);
  const full = tokens.join('');
  const cjk = CJK_CHAR.test(full);
  const organisation = tokens.some((t) => LATIN_ORGANISATION.has(t)) || CJK_ORGANISATION.test(full) || (cjk && full.length >= 5);

  const own = tokens.slice();
  if (own.length > 1 && own[0] === 'the') own.shift();
  while (own.length > 1 && LATIN_LEGAL_FORM.has(own[own.length - 1])) own.pop();
  const core = stripCjkForm(own.join('')) || full;
  const regionless = stripRegion(core);
  let short = '';
  if (cjk) {
    const named = regionless.replace(NATIONAL_PREFIX, '');
    if (named.length >= 4 && CJK_CHAR.test(named.slice(0, 2))) short = named.slice(0, 2);
  } else if ((own[0].length >= (own.length > 1 ? 3 : 4) || isAcronym(raw)) && !GENERIC_WORDS.has(own[0])) {
    short = own[0]; // a one-word name is its own short form: "Acme", "Redgranite", "ADP"
  }
  return { full, core, regionless, cjk, organisation, short };
}

/** Every character of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

function isTruncatedLegalForm(rest: string): boolean {
  return rest.length > 0 && LEGAL_FORM_SPELLINGS.some((form) => form.startsWith(rest));
}

function shortEnough(name: NormalizedName, text: string, cjkLength: number, latinLength: number): boolean {
  return text.length >= (name.cjk ? cjkLength : latinLength);
}

/** Compare two normalised names; see the file comment for what each verdict means. */
export function compareNames(a: NormalizedName, b: NormalizedName, strictness: NameStrictness): NameVerdict {
  if (a.core === b.core || a.full === b.full) return 'agree';
  const t = THRESHOLDS[strictness];
  // A city written on one side only: 华兴贸易 vs 北京华兴贸易有限公司.
  if ((a.core === b.regionless || a.regionless === b.core) && Math.min(a.regionless.length, b.regionless.length) >= 2) {
    return 'agree';
  }
  const short = a.full.length <= b.full.length ? a : b;
  const long = short === a ? b : a;
  // Cut at the bank's field width: 北京华兴贸易有 is 北京华兴贸易有限公司.
  if (long.full.startsWith(short.full) && shortEnough(short, short.full, t.cjkPrefix, t.latinPrefix)) return 'agree';
  // Cut inside the legal form: 北京华兴贸易有限责 is 北京华兴贸易有限公司.
  if (short.full.startsWith(long.core) && long.core.length >= 2 && isTruncatedLegalForm(short.full.slice(long.core.length))) {
    return 'agree';
  }
  const shortCore = a.regionless.length <= b.regionless.length ? a.regionless : b.regionless;
  const longCore = shortCore === a.regionless ? b.regionless : a.regionless;
  if (shortEnough(short, shortCore, t.cjkInText, t.latinInText)) {
    if (longCore.includes(shortCore)) return 'similar';
    if (shortCore.length >= 6 && damerauLevenshtein(a.regionless, b.regionless, 1) <= 1) return 'similar';
    // A clerk's short form drops characters, never adds or changes them: 义乌美盛包装厂 for
    // 义乌市美盛包装制品厂 (same 字号 first, the rest in order). 美盛食品厂 is another company.
    if (a.cjk && b.cjk && a.short !== '' && a.short === b.short && isSubsequence(shortCore, longCore)) return 'similar';
  }
  return a.organisation && b.organisation ? 'differ' : 'unknown';
}

/**
 * True when the name's short form is written in a description: 收德恒货款 for 德恒（青岛）装饰工程有限公司,
 * "Receipt from Redgranite" for Redgranite Logistics Ltd. Weaker than the whole name: a 字号 recurs in
 * other cities. `words` are the description's textWords (Latin short forms must be whole words).
 */
export function shortNameInText(name: NormalizedName, text: string, words: readonly string[]): boolean {
  if (!name.short) return false;
  return name.cjk ? text.includes(name.short) : words.includes(name.short);
}

/**
 * A person's Chinese name (张三, 欧阳晓明) written in a description, where nameInText's in-text rule
 * finds it too short (张三 would also be found inside 张三丰): as a word of its own (工资 张三,
 * 报销-李四), or inside a run of Chinese the way a 摘要 is written (收李四货款, 哈哈还钱, 还张三垫款,
 * 付王五报销款) where what stands before it is the start or a verb of paying (收, 付, 还, 给 …) and what
 * follows is the end or a word of what was paid (货款, 还钱, 报销, 的 …): 张三 is not in 张三丰, nor 高峰
 * in 高峰期. It then names the payee as surely as a company's full name does. `words`: textWords.
 */
export function personNameWritten(name: NormalizedName, words: readonly string[]): boolean {
  if (!name.cjk || name.organisation || name.full.length < 2 || name.full.length > 4) return false;
  if (words.includes(name.full)) return true;
  if (!ALL_HAN.test(name.full)) return false;
  for (const word of words) {
    for (let at = word.indexOf(name.full); at >= 0; at = word.indexOf(name.full, at + 1)) {
      const before = at === 0 ? '' : word[at - 1];
      const after = at + name.full.length >= word.length ? '' : word[at + name.full.length];
      if ((before === '' || PHRASE_BEFORE_NAME.includes(before)) && (after === '' || PHRASE_AFTER_NAME.includes(after))) return true;
    }
  }
  return false;
}

const ALL_HAN = /^[\u3400-\u9fff]+$/;
/** Characters that stand before a payee's or payer's name in a 摘要: 收, 付, 还, 给, 向, 借, 转, 退, 到 … */
const PHRASE_BEFORE_NAME = '收付还還给給向借转轉退到至自从從替为為代与與和及支交缴繳汇匯垫墊';
/** Characters that start what follows the name: 货款, 还钱, 报销, 垫款, 借款, 的, 工资, 押金, 房租, 转账 … */
const PHRASE_AFTER_NAME = '货貨还還转轉报報垫墊借的工押定房运運费費款付交欠预預退租往代买買卖賣送来來汇匯存取打支收';

/** True when the name (or its core) is written inside a normalised description: 收华兴贸易货款. */
export function nameInText(name: NormalizedName, text: string, strictness: NameStrictness): boolean {
  if (!text) return false;
  const t = THRESHOLDS[strictness];
  // the whole name too: ABC公司 and 禾丰公司 are long enough with 公司, not without
  for (const candidate of [name.regionless, name.core, name.full]) {
    if (shortEnough(name, candidate, t.cjkInText, t.latinInText) && text.includes(candidate)) return true;
  }
  return false;
}
