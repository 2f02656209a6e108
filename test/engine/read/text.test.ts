import { cellText, isBlankCell, isBlankRow, normalizeLabel, toHalfWidth, trimPadding } from '../../../src/engine/read/text';
import { columnLetter } from '../../../src/engine/read/column-letter';
import { normalizeCurrency } from '../../../src/engine/read/currency';

describe('cell text', () => {
  it('trims spaces, TABs, NBSP, the ideographic space and BOMs', () => {
    expect(trimPadding('  消费                \t')).toBe('消费');
    expect(trimPadding('\u3000\u3000账号\u00a0')).toBe('账号');
    expect(trimPadding('\ufeff交易日期')).toBe('交易日期');
    expect(trimPadding('A B')).toBe('A B');
    // 微信支付's merchant bills mark every field with a backquote
    expect(trimPadding('`2025-03-01 10:02:11')).toBe('2025-03-01 10:02:11');
    expect(trimPadding(' `128.00 ')).toBe('128.00');
    expect(cellText('`')).toBe('');
    expect(trimPadding('a`b')).toBe('a`b');
  });

  it('empties the placeholders banks write for nothing', () => {
    for (const text of ['/', '-', '--', ' - ', '—', '－']) expect(cellText(text)).toBe('');
    expect(cellText('-5')).toBe('-5');
    expect(cellText('/^I'.replace('^I', '\t'))).toBe('');
  });

  it('renders numbers and booleans as Excel shows them', () => {
    expect(cellText(6688)).toBe('6688');
    expect(cellText(0.1)).toBe('0.1');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  it('converts full-width characters for parsing only', () => {
    expect(toHalfWidth('１２３４．５０')).toBe('1234.50');
    expect(toHalfWidth('（ＣＮＹ）')).toBe('(CNY)');
    expect(toHalfWidth('￥742.00')).toBe('¥742.00');
    expect(toHalfWidth('支付宝－北京')).toBe('支付宝-北京');
    expect(cellText('支付宝－北京')).toBe('支付宝－北京'); // the user's own text keeps its characters
  });

  it('normalises header labels: case, spaces inside, full width, a trailing unit', () => {
    expect(normalizeLabel('日 志 号')).toBe('日志号');
    expect(normalizeLabel(' Transaction Amount')).toBe('transactionamount');
    expect(normalizeLabel('金额(元)')).toBe('金额');
    // accents folded: a French export's Débit/Crédit/Libellé are debit/credit/libelle
    expect(normalizeLabel('Débit')).toBe('debit');
    expect(normalizeLabel('Crédit ')).toBe('credit');
    expect(normalizeLabel('Libellé')).toBe('libelle');
    expect(normalizeLabel('Fecha de operación')).toBe('fechadeoperacion');
    expect(normalizeLabel('金额（元）')).toBe('金额');
    // a currency after the header, as UK, Hong Kong and Taiwanese books write it
    expect(['Paid in (£)', 'Balance (GBP)', 'Amount (HK$)', '存入金額(新臺幣)', 'Net (€)'].map(normalizeLabel)).toEqual(['paidin', 'balance', 'amount', '存入金額', 'net']);
    expect(normalizeLabel('Amount (Net)')).toBe('amount(net)');
    expect(normalizeLabel('币\u3000\u3000种')).toBe('币种');
    expect(normalizeLabel('ＤＡＴＥ')).toBe('date');
  });

  it('knows blank cells and rows', () => {
    expect(isBlankCell(' \t')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankRow([' ', null, '', '-', undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
    expect(isBlankRow(undefined)).toBe(true);
  });
});

describe('column letters', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('currency words', () => {
  it('become ISO codes where known', () => {
    expect(normalizeCurrency('人民币')).toBe('CNY');
    expect(normalizeCurrency('RMB')).toBe('CNY');
    expect(normalizeCurrency('港币')).toBe('HKD');
    expect(normalizeCurrency('usd')).toBe('USD');
    expect(normalizeCurrency('XAU')).toBe('XAU');
    expect(normalizeCurrency('')).toBe('');
  });

  it('is the one table the matcher uses too: spellings the matcher once mapped on its own still agree', () => {
    // The matcher kept its own aliases (CNH, 新臺幣, HK$ …) beside this table; a reader word it did not
    // know kept a line from pairing. Every spelling of one money now gives one code, written any way.
    for (const [words, code] of [
      [['CNH', 'cnh', '人民幣', '¥', '￥', '元'], 'CNY'],
      [['新臺幣', '新台币', 'NT$', 'ntd'], 'TWD'],
      [['HK$', '港幣', '港元'], 'HKD'],
      [['US$', '美金', ' usd '], 'USD'],
    ] as const) {
      for (const word of words) expect(normalizeCurrency(word)).toBe(code);
    }
    expect(normalizeCurrency('chf')).toBe('CHF');
  });
});
