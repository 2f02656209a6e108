import { compareNames, nameInText, normalizeName, normalizeText, shortNameInText, textWords, type NameVerdict } from '../../../src/engine/match/normalize-name';
import type { NameStrictness } from '../../../src/engine/types';

function verdict(a: string, b: string, strictness: NameStrictness = 'normal'): NameVerdict {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) throw new Error(`no name in ${a} / ${b}`);
  return compareNames(x, y, strictness);
}

describe('normalizeName', () => {
  it('strips Chinese legal forms, groups and branches down to the company’s own name', () => {
    expect(normalizeName('北京华兴贸易有限责任公司')?.core).toBe('北京华兴贸易');
    expect(normalizeName('北京华兴贸易股份有限公司')?.core).toBe('北京华兴贸易');
    expect(normalizeName('北京华兴集团有限公司')?.core).toBe('北京华兴');
    expect(normalizeName('北京华兴贸易有限公司上海分公司')?.core).toBe('北京华兴贸易');
    expect(normalizeName('北京华兴贸易有限公司')?.regionless).toBe('华兴贸易');
    expect(normalizeName('上海浦东新区明达科技有限公司')?.regionless).toBe('明达科技');
  });

  it('folds width, case, punctuation and Latin legal forms', () => {
    expect(normalizeName('ACME Trading Co., Ltd.')?.core).toBe('acmetrading');
    expect(normalizeName('ＡＣＭＥ　ＴＲＡＤＩＮＧ　ＬＩＭＩＴＥＤ')?.core).toBe('acmetrading');
    expect(normalizeName('Riverside Foods L.L.C.')?.core).toBe('riversidefoods');
    expect(normalizeName('Sterling Print Public Limited Company')?.core).toBe('sterlingprint');
    expect(normalizeName('Oakfield Engineering and Company Limited')?.core).toBe('oakfieldengineering');
  });

  it('converts traditional characters through the table', () => {
    expect(normalizeName('北京華興貿易有限公司')?.full).toBe(normalizeName('北京华兴贸易有限公司')?.full);
    expect(normalizeName('廣州東興電子科技有限公司')?.core).toBe('广州东兴电子科技');
  });

  it('leaves off the account number a bank writes after the name (招商银行 对手信息)', () => {
    expect(verdict('北京住房公积金管理中心', '北京住房公积金管理中心1111111111')).toBe('agree');
    expect(verdict('张三', '张三 66666666666666')).toBe('agree');
    expect(verdict('国网电力', '国网电力有限公司99999999999999')).toBe('agree');
    // short digit runs are part of names (58同城, 3M, a branch number); a name of digits alone stays
    expect(normalizeName('华兴贸易2025')?.full).toBe('华兴贸易2025');
    expect(normalizeName('6222021001123456789')?.full).toBe('6222021001123456789');
    expect(verdict('张三', '张四 66666666666666')).not.toBe('agree');
  });

  it('leaves off the payment channel a card export writes before the merchant', () => {
    expect(normalizeName('支付宝-北京百度网讯科技有限公司')?.core).toBe('北京百度网讯科技');
    expect(verdict('北京百度网讯科技有限公司', '支付宝-北京百度网讯科技有限公司')).toBe('agree');
    expect(verdict('Acme Supplies', 'PAYPAL *ACME SUPPLIES')).toBe('agree');
    // a channel alone is the name there is, and Alipay's own company keeps its name
    expect(normalizeName('支付宝')?.full).toBe('支付宝');
    expect(normalizeName('支付宝（中国）网络技术有限公司')?.core).toBe('支付宝中国网络技术');
  });

  it('has no name for blanks and punctuation', () => {
    expect(normalizeName('')).toBeNull();
    expect(normalizeName('   ')).toBeNull();
    expect(normalizeName('--')).toBeNull();
  });

  it('knows short forms people write in descriptions', () => {
    expect(normalizeName('德恒（青岛）国际装饰工程有限公司')?.short).toBe('德恒');
    expect(normalizeName('青岛德恒装饰工程有限公司')?.short).toBe('德恒');
    expect(normalizeName('Redgranite Logistics Ltd')?.short).toBe('redgranite');
    expect(normalizeName('新竹晶創科技股份有限公司')?.short).toBe('晶创'); // 新竹 is the city
    expect(normalizeName('义乌市美盛包装制品厂')?.short).toBe('美盛');
    expect(normalizeName('张伟')?.short).toBe('');
    // 中国 is no 字号: the short form of 中国石油… is 石油, and 中国移动 has none of its own
    expect(normalizeName('中国石油北京')?.short).toBe('石油');
    expect(normalizeName('中国石油天然气股份有限公司北京销售分公司')?.short).toBe('石油');
    expect(normalizeName('中国移动')?.short).toBe('');
    expect(shortNameInText(normalizeName('中国平安财产保险股份有限公司')!, '财付通中国石油天然气股份有限公司', [])).toBe(false);
  });

  it('takes a three-letter name in capitals as a company’s acronym, not a payment word or a short word', () => {
    expect(normalizeName('ADP')?.short).toBe('adp');
    expect(normalizeName('DHL')?.short).toBe('dhl');
    expect(normalizeName('ATM')?.short).toBe('');
    expect(normalizeName('Tax')?.short).toBe('');
    expect(normalizeName('Bob')?.short).toBe('');
    const adp = normalizeName('ADP')!;
    expect(shortNameInText(adp, normalizeText('ADP WAGE PAY 250314'), textWords('ADP WAGE PAY 250314'))).toBe(true);
    expect(shortNameInText(adp, normalizeText('ADPX PAYROLL'), textWords('ADPX PAYROLL'))).toBe(false);
  });
});

describe('compareNames', () => {
  const table: Array<[string, string, NameVerdict]> = [
    ['北京华兴贸易有限责任公司', '北京华兴贸易有限公司', 'agree'],
    ['北京华兴贸易有限公司', '北京华兴贸易有', 'agree'], // cut at the bank's field width
    ['北京华兴贸易有限责任公司', '北京华兴贸易有限责', 'agree'], // cut inside the legal form
    ['北京华兴贸易有限公司', '北京華興貿易有限公司', 'agree'],
    ['北京华兴贸易有限责任公司', '北京華興貿易有', 'agree'],
    ['华兴贸易', '北京华兴贸易有限公司', 'agree'], // the ledger leaves the city off
    ['ACME Trading Co., Ltd.', 'ACME TRADING LIMITED', 'agree'],
    ['Brightwater Trading Ltd', 'BRIGHTWATER TRADIN', 'agree'], // UK 18-character field
    ['北京华兴贸易有限公司', '北京华兴贸易发展有限公司', 'similar'],
    ['义乌美盛包装厂', '义乌市美盛包装制品厂', 'similar'], // a clerk's short form: characters dropped, none changed
    ['义乌美盛食品厂', '义乌市美盛包装制品厂', 'differ'], // the same 字号, another trade: another company
    ['北京华兴贸易有限公司', '张伟', 'unknown'], // a person paying for the company: no evidence
    ['ACME Trading Ltd', 'John Smith', 'unknown'],
    ['北京华兴贸易有限公司', '上海明达科技有限公司', 'differ'],
    ['ACME Trading Ltd', 'Globex Logistics Limited', 'differ'],
  ];
  it.each(table)('%s vs %s → %s', (a, b, expected) => {
    expect(verdict(a, b)).toBe(expected);
    expect(verdict(b, a)).toBe(expected);
  });

  it('needs a longer surviving prefix when strict and accepts a shorter one when loose', () => {
    // Seven characters cut inside the company's own name (not inside its legal form).
    expect(verdict('北京华兴贸易发展有限公司', '北京华兴贸易发', 'normal')).toBe('agree');
    expect(verdict('北京华兴贸易发展有限公司', '北京华兴贸易发', 'strict')).not.toBe('agree');
    // Five characters: not enough normally, enough when loose.
    expect(verdict('北京华兴贸易有限公司', '北京华兴贸', 'normal')).not.toBe('agree');
    expect(verdict('北京华兴贸易有限公司', '北京华兴贸', 'loose')).toBe('agree');
    // A cut inside the legal form is the whole name, however strict.
    expect(verdict('北京华兴贸易有限公司', '北京华兴贸易有', 'strict')).toBe('agree');
  });
});

describe('names in descriptions', () => {
  it('finds a whole name and a short name in a memo', () => {
    const name = normalizeName('北京华兴贸易有限公司')!;
    expect(nameInText(name, normalizeText('收华兴贸易货款'), 'normal')).toBe(true);
    expect(nameInText(name, normalizeText('收明达货款'), 'normal')).toBe(false);
    const short = normalizeName('德恒（青岛）国际装饰工程有限公司')!;
    expect(shortNameInText(short, normalizeText('收德恒货款 发票30997591'), textWords('收德恒货款'))).toBe(true);
    const latin = normalizeName('Redgranite Logistics Ltd')!;
    expect(shortNameInText(latin, normalizeText('Receipt from Redgranite'), textWords('Receipt from Redgranite'))).toBe(true);
    // Latin short names must be whole words.
    expect(shortNameInText(latin, normalizeText('Redgraniteworks'), textWords('Redgraniteworks'))).toBe(false);
  });
});
