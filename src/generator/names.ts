/**
 * Counterparty names as ledgers write them and as banks show them. Chinese company names follow the
 * registered pattern 城市 + (区) + 字号 + 行业 + 组织形式 (or 字号（城市）行业…); the 字号 is unique per city
 * and district, so two different companies always differ within their first 14 characters and a bank's
 * truncation never makes two customers look alike.
 */
import type { Random } from './random';

const ZH_CITIES = ['上海', '北京', '深圳', '广州', '杭州', '苏州', '南京', '成都', '武汉', '天津', '重庆', '宁波', '厦门', '青岛', '无锡', '东莞', '佛山', '合肥', '西安', '长沙', '郑州', '济南', '福州', '昆明', '大连'];
const ZH_DISTRICTS: Record<string, string[]> = {
  上海: ['浦东新区', '闵行区', '嘉定区', '松江区'],
  北京: ['海淀区', '朝阳区', '丰台区'],
  深圳: ['南山区', '福田区', '宝安区'],
  广州: ['天河区', '番禺区'],
  杭州: ['西湖区', '滨江区', '余杭区'],
  苏州: ['工业园区', '高新区'],
};
const ZH_BRAND_CHARS = '明达华信恒瑞金盛宏远鑫泰鼎丰佳新创博联通汇海天安正德和诚顺益兴隆昌源伟嘉荣宇星辉晨光龙凯利永胜万祥润中东方亚美康';
const ZH_INDUSTRIES = ['贸易', '科技', '实业', '电子', '机械', '物流', '食品', '建材', '医药', '信息技术', '网络科技', '供应链管理', '化工', '纺织', '服饰', '包装', '汽车配件', '新能源', '环保科技', '餐饮管理', '文化传媒', '建筑工程', '装饰工程', '商贸'];
const ZH_FORMS: Array<[string, number]> = [['有限公司', 60], ['有限责任公司', 25], ['股份有限公司', 10], ['集团有限公司', 5]];

const ZH_SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯史陶黎贺顾毛郝龚邵钱严武戴莫孔汤';
const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '华', '建华', '建国', '晓东', '志强', '海燕', '丹', '红', '玉兰', '宇', '浩', '鹏', '婷', '雪', '琳', '斌', '波', '辉', '欣怡', '子轩', '梓涵', '一鸣'];

/** Simplified → traditional for every character the name tables above can produce (banks in HK/TW, 繁体 systems). */
const TRADITIONAL: Record<string, string> = pairsToMap(
  '广廣苏蘇汉漢庆慶宁寧门門岛島无無锡錫东東长長郑鄭济濟连連区區闵閔丰豐宝寶滨濱园園厦廈余餘达達华華远遠创創联聯汇匯诚誠顺順兴興伟偉荣榮辉輝龙龍凯凱胜勝万萬润潤亚亞贸貿实實业業电電机機医醫药藥术術网網络絡应應链鏈纺紡织織饰飾装裝车車环環饮飲传傳筑築责責团團国國际際',
);

function pairsToMap(pairs: string): Record<string, string> {
  const map: Record<string, string> = {};
  const chars = Array.from(pairs);
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
}

const EN_WORDS = ['Bright', 'Water', 'North', 'Star', 'Blue', 'River', 'Oak', 'Summit', 'Harbour', 'Silver', 'Green', 'Field', 'Stone', 'Bridge', 'Apex', 'Crown', 'Maple', 'Falcon', 'Pioneer', 'Atlas', 'Coastal', 'Granite', 'Meridian', 'Sterling', 'Horizon', 'Ever', 'Red', 'Lake', 'High', 'Orchard', 'West', 'Iron', 'Bay', 'Cedar', 'Park', 'Vale'];
const EN_INDUSTRIES = ['Trading', 'Logistics', 'Engineering', 'Supplies', 'Foods', 'Textiles', 'Electronics', 'Consulting', 'Construction', 'Packaging', 'Components', 'Distribution', 'Services', 'Technologies', 'Manufacturing', 'Print & Design', 'Office Solutions', 'Builders Merchants'];
const EN_FORMS: Array<[string, number]> = [['Ltd', 45], ['Limited', 30], ['LLC', 8], ['Inc.', 7], ['PLC', 5], ['& Co. Ltd', 5]];
const EN_FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Susan', 'Richard', 'Sarah', 'Thomas', 'Karen', 'Daniel', 'Emma', 'Oliver', 'Sophie', 'Priya', 'Wei', 'Ahmed', 'Chloe'];
const EN_LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Walker', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Chen', 'Khan', "O'Brien", 'Murphy'];

export type NameLanguage = 'zh' | 'en';

/** One company in the pool: its registered name and what the bank shows by default. */
export interface Party {
  name: string;
  /** A short form people use in 摘要 (the 字号, or the first word). */
  short: string;
  /** Counterparty account number as the bank prints it (text: too long for an Excel number). */
  account: string;
  /** Legal form at the end of the name, for the 有限责任公司 ↔ 有限公司 / Ltd ↔ Limited variant. */
  form: string;
}

function pickWeighted(rng: Random, table: Array<[string, number]>): string {
  const total = table.reduce((s, [, w]) => s + w, 0);
  return table[rng.weighted(table.map(([, w]) => w), total)][0];
}

function zhCompany(rng: Random, taken: Set<string>): Party | null {
  const city = rng.pick(ZH_CITIES);
  const districts = ZH_DISTRICTS[city];
  const district = districts && rng.chance(0.3) ? rng.pick(districts) : '';
  const a = rng.int(0, ZH_BRAND_CHARS.length - 1);
  let b = rng.int(0, ZH_BRAND_CHARS.length - 2);
  if (b >= a) b++;
  const brand = ZH_BRAND_CHARS[a] + ZH_BRAND_CHARS[b];
  const key = city + district + brand;
  if (taken.has(key)) return null;
  taken.add(key);
  const industry = rng.pick(ZH_INDUSTRIES);
  const form = pickWeighted(rng, ZH_FORMS);
  const international = rng.chance(0.15) ? '国际' : '';
  const name = rng.chance(0.1) && !district
    ? `${brand}（${city}）${international}${industry}${form}`
    : `${city}${district}${brand}${international}${industry}${form}`;
  return { name, short: brand, account: companyAccount(rng), form };
}

function enCompany(rng: Random, taken: Set<string>): Party | null {
  const first = rng.pick(EN_WORDS);
  const second = rng.chance(0.6) ? rng.pick(EN_WORDS) : '';
  if (first === second) return null;
  const stem = second ? first + second.toLowerCase() : first;
  const industry = rng.pick(EN_INDUSTRIES);
  const key = `${stem} ${industry}`;
  if (taken.has(key)) return null;
  taken.add(key);
  const form = pickWeighted(rng, EN_FORMS);
  return { name: `${stem} ${industry} ${form}`, short: stem, account: companyAccount(rng), form };
}

function companyAccount(rng: Random): string {
  const prefix = rng.pick(['3100', '3105', '1001', '4420', '1210', '6222', '6228', '0200']);
  let digits = prefix;
  const length = rng.pick([16, 17, 19, 20]);
  while (digits.length < length) digits += String(rng.int(0, 9));
  return digits;
}

/** `count` distinct companies (rejection sampling over a space far larger than any pool we draw). */
export function companyPool(rng: Random, language: NameLanguage, count: number, taken: Set<string>): Party[] {
  const make = language === 'zh' ? zhCompany : enCompany;
  const pool: Party[] = [];
  let misses = 0;
  while (pool.length < count) {
    const party = make(rng, taken);
    if (party) pool.push(party);
    else if (++misses > count * 50 + 1000) throw new Error(`Name space exhausted at ${pool.length} of ${count} names`);
  }
  return pool;
}

export function personName(rng: Random, language: NameLanguage): string {
  if (language === 'zh') return rng.pick(Array.from(ZH_SURNAMES)) + rng.pick(ZH_GIVEN);
  return `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`;
}

export function personAccount(rng: Random): string {
  let digits = rng.pick(['6222', '6217', '6228', '6214', '6230']);
  while (digits.length < 19) digits += String(rng.int(0, 9));
  return digits;
}

/** How a bank shows a counterparty's name, when it is not the name exactly as the ledger writes it. */
export type NameVariant = 'truncated' | 'legal-form' | 'traditional' | 'person' | 'upper-case';

export const NAME_VARIANTS: Record<NameLanguage, NameVariant[]> = {
  zh: ['truncated', 'legal-form', 'traditional', 'person'],
  en: ['truncated', 'legal-form', 'upper-case', 'person'],
};

const ZH_FORM_SWAP: Record<string, string> = { 有限责任公司: '有限公司', 有限公司: '有限责任公司', 股份有限公司: '有限公司', 集团有限公司: '集团公司' };
const EN_FORM_SWAP: Record<string, string> = { Ltd: 'Limited', Limited: 'Ltd', LLC: 'L.L.C.', 'Inc.': 'Incorporated', PLC: 'Public Limited Company', '& Co. Ltd': 'and Company Limited' };

/**
 * The bank's rendering of `party` for a variant, or null when the variant does not apply to this name
 * (too short to truncate). Persons are the company's boss or staff paying from their own account.
 */
export function bankName(rng: Random, party: Party, variant: NameVariant, language: NameLanguage): string | null {
  switch (variant) {
    case 'truncated': {
      // Chinese bank fields hold 14–20 characters; UK Faster Payments keep 18 upper-case characters.
      if (language === 'en') return party.name.length > 18 ? party.name.slice(0, 18).toUpperCase().trimEnd() : null;
      const max = Math.min(20, party.name.length - 2);
      if (max < 14) return null;
      return party.name.slice(0, rng.int(14, max));
    }
    case 'legal-form': {
      const swap = (language === 'zh' ? ZH_FORM_SWAP : EN_FORM_SWAP)[party.form];
      return swap ? party.name.slice(0, party.name.length - party.form.length) + swap : null;
    }
    case 'traditional': {
      const converted = Array.from(party.name, (ch) => TRADITIONAL[ch] ?? ch).join('');
      return converted === party.name ? null : converted;
    }
    case 'upper-case':
      return party.name.toUpperCase();
    case 'person':
      return personName(rng, language);
  }
}
