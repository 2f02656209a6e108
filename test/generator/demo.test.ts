import { demoWorkbook } from '../../src/generator/demo';
import { GROUP_KINDS } from '../../src/generator/scenarios';
import { amountOf } from './read-cells';
import Decimal from 'decimal.js';

describe('demoWorkbook', () => {
  test.each([
    ['zh-CN', '银行日记账', '银行流水', '中国工商银行账户明细', '合计'],
    ['zh-TW', '銀行日記賬', '銀行流水', '中国工商银行账户明细', '合计'],
    ['en', 'Ledger', 'Bank statement', 'Statement of account', 'Total'],
  ] as const)('%s: two small sheets, addresses covering them, titles and a total line', (locale, ledgerName, bankName, bankTitle, totalLabel) => {
    const demo = demoWorkbook(locale);
    expect(demo.sheets.map((s) => s.name)).toEqual([ledgerName, bankName]);
    const [ledger, bank] = demo.sheets;
    expect(ledger.values.length).toBeGreaterThanOrEqual(55);
    expect(ledger.values.length).toBeLessThanOrEqual(70);
    expect(bank.values.length).toBeGreaterThanOrEqual(55);
    expect(bank.values.length).toBeLessThanOrEqual(70);
    const letter = (n: number) => String.fromCharCode(64 + n);
    expect(demo.ledgerAddress).toBe(`'${ledgerName}'!A1:${letter(ledger.values[0].length)}${ledger.values.length}`);
    expect(demo.bankAddress).toBe(`'${bankName}'!A1:${letter(bank.values[0].length)}${bank.values.length}`);
    expect(bank.values[0][0]).toBe(bankTitle);
    const total = bank.values[bank.values.length - 1];
    expect(total[0]).toBe(totalLabel);
    // The total line adds up, to the cent.
    const header = demo.truth.bankLines.find((l) => l.what === 'header')!.row;
    const inColumn = locale === 'en' ? 3 : 4;
    const sum = bank.values.slice(header, bank.values.length - 1).reduce((s, r) => s.plus(amountOf(r[inColumn]) ?? 0), new Decimal(0));
    expect(amountOf(total[inColumn])!.equals(sum)).toBe(true);
  });

  test('the demo shows every kind of group and every kind of 未达账项 a cash book can have', () => {
    const { truth } = demoWorkbook('zh-CN');
    expect(new Set(truth.groups.map((g) => g.kind))).toEqual(new Set(GROUP_KINDS));
    expect(new Set(truth.ledgerOnly.map((i) => i.kind))).toEqual(new Set(['deposit-in-transit', 'outstanding-cheque', 'ledger-only']));
    expect(new Set(truth.bankOnly.map((i) => i.kind))).toEqual(new Set(['bank-interest', 'bank-charge', 'unrecorded-receipt']));
    expect(truth.balances.adjustedLedger!.equals(truth.balances.adjustedBank!)).toBe(true);
  });

  test('the same demo every time', () => {
    expect(JSON.stringify(demoWorkbook('en'))).toBe(JSON.stringify(demoWorkbook('en')));
  });
});
