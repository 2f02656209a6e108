/**
 * Statements from receivables ledgers: a small ledger a clerk would keep (test/fixtures/statements,
 * every figure worked out by hand below) and generated ledgers with known balances and ages, each
 * closing balance, aging bucket and index total checked to the cent.
 */
import Decimal from 'decimal.js';
import { readFileSync } from 'fs';
import * as path from 'path';
import { reconcile } from '../../../../src/engine';
import { buildStatements, StatementsError } from '../../../../src/engine/report/statements/build-statements';
import { lastFullMonth, parsePeriod } from '../../../../src/engine/report/statements/period';
import type { CustomerStatement, StatementSet } from '../../../../src/engine/report/statements/statement-model';
import { AGING_BUCKETS } from '../../../../src/engine/report/statements/statement-model';
import type { CellValue } from '../../../../src/engine/types';
import { readCsv } from '../../../../src/workbook/file/read-csv';
import { generateKnownLedger } from './receivables-ledger';

const FIXTURES = path.join(__dirname, '../../../fixtures/statements');
const csv = (name: string): CellValue[][] => readCsv(new Uint8Array(readFileSync(path.join(FIXTURES, name))));

const cents = (d: Decimal) => d.times(100).toNumber();
const byName = (set: StatementSet, name: string): CustomerStatement => {
  const s = set.statements.find((x) => x.customer === name);
  if (!s) throw new Error(`no statement for ${name}`);
  return s;
};

describe('a clerk’s receivables ledger (hand-built, March 2025)', () => {
  const ledger = csv('应收账款明细账-2025-03.csv');
  const bank = csv('工行流水-2025-03.csv');
  const result = reconcile({ cells: ledger }, { cells: bank });
  const set = buildStatements({ result, ledger: { cells: ledger }, options: { period: { from: '2025-03-01', to: '2025-03-31' }, company: '上海星辰电子有限公司' } });

  test('the ledger is read as receivables and each customer gets one statement; the quiet one is left out', () => {
    expect(result.ledger.kind).toBe('receivables-ledger');
    expect(set.statements.map((s) => s.customer).sort()).toEqual(['=HYPERLINK 公司', 'ACME Trading Ltd.', '上海明辉贸易有限公司', '北京星河科技有限公司', '香港永興貿易有限公司'].sort());
    expect(set.leftOut).toBe(1); // 广州南方物流: opening 0.00, no lines
  });

  test('上海明辉: opening 12,000 + Feb invoice 6,500 = 18,500; March +10,000 −4,000 → 24,500, aged by hand', () => {
    const s = byName(set, '上海明辉贸易有限公司');
    expect(s.opening.toFixed(2)).toBe('18500.00');
    expect(s.openingFrom).toBe('line-and-earlier');
    expect(s.lines.map((l) => [l.row, l.balance.toFixed(2)])).toEqual([[11, '28500.00'], [12, '24500.00']]);
    expect(s.closing.toFixed(2)).toBe('24500.00');
    // The receipt names invoice 00012345: 6,000 of it is open and due 2025-04-04 (current); the
    // opening (due at 2025-01-01, 89 days) and the February invoice (due 03-12 by 30 days' terms, 19 days) are overdue.
    expect(Object.fromEntries(AGING_BUCKETS.map((b) => [b, s.aging[b].toFixed(2)]))).toEqual({
      current: '6000.00', days1to30: '6500.00', days31to60: '0.00', days61to90: '12000.00', over90: '0.00',
    });
    expect(s.agingMethod).toBe('linked-then-fifo');
    expect(s.overdue.toFixed(2)).toBe('18500.00');
    expect(s.oldestOverdueDays).toBe(89);
    expect(s.email).toBe('ar@minghui.cn');
    expect(s.lines[1]).toMatchObject({ matchId: 'M1', bankDate: '2025-03-10' });
  });

  test('北京星河: a receipt naming invoice 00010001 leaves 50.00 of it open, 45 days past its ledger due date', () => {
    const s = byName(set, '北京星河科技有限公司');
    expect(s.closing.toFixed(2)).toBe('50.00');
    expect(s.openInvoices.map((i) => [i.reference, i.open.toFixed(2), i.dueDate, i.dueFrom, i.daysOverdue])).toEqual([['00010001', '50.00', '2025-02-14', 'ledger', 45]]);
    expect(s.aging.days31to60.toFixed(2)).toBe('50.00');
  });

  test('香港永興: a receipt larger than everything open is an unapplied receipt, noted with its row; statement in zh-TW', () => {
    const s = byName(set, '香港永興貿易有限公司');
    expect(s.language).toBe('zh-TW');
    expect(s.closing.toFixed(2)).toBe('-999.50');
    expect(s.unappliedReceipts.map((u) => [u.row, u.amount.toFixed(2)])).toEqual([[14, '999.50']]);
    expect(s.aging.current.toFixed(2)).toBe('-999.50');
    expect(s.disputed).toEqual([expect.objectContaining({ row: 14, kind: 'not-in-bank' })]);
    expect(set.notes).toContainEqual(expect.objectContaining({ kind: 'receipt-exceeds-open', rows: [14] }));
  });

  test('an English name gets an English statement; a line with no customer and customers with no opening line are noted', () => {
    expect(byName(set, 'ACME Trading Ltd.').language).toBe('en');
    expect(set.notes).toContainEqual({ kind: 'no-customer-name', rows: [15], params: { amount: '800.00' } });
    expect(set.notes.filter((n) => n.kind === 'opening-missing').map((n) => n.customer).sort()).toEqual(['=HYPERLINK 公司', 'ACME Trading Ltd.']);
  });

  test('index totals: the statements add up to the ledger’s receivable to the cent', () => {
    expect(set.totalBalance.toFixed(2)).toBe('25150.49');
    expect(set.ledgerReceivable.toFixed(2)).toBe('25150.49');
    expect(set.totalOverdue.toFixed(2)).toBe('18550.00');
  });

  test('an invoice without a date is not dropped silently: noted with its row and customer; the rest still get statements', () => {
    const withUndated = ledger.map((r) => [...r]);
    withUndated.push(['', '记-0370', '00066666', '上海明辉贸易有限公司', '销售货款', '700.00', '', '', '', '']);
    const undated = reconcile({ cells: withUndated }, { cells: bank });
    const notes = buildStatements({ result: undated, ledger: { cells: withUndated }, options: { period: { from: '2025-03-01', to: '2025-03-31' } } });
    expect(notes.notes).toContainEqual(expect.objectContaining({ kind: 'unreadable-line', rows: [withUndated.length], customer: '上海明辉贸易有限公司' }));
    expect(byName(notes, '上海明辉贸易有限公司').closing.toFixed(2)).toBe('24500.00');
    expect(notes.statements).toHaveLength(set.statements.length);
  });

  test('a cash journal is refused with the reason', () => {
    const journal = reconcile({ cells: [['日期', '摘要', '收入', '支出'], ['2025-03-01', '货款', '100', '']] }, { cells: bank });
    expect(() => buildStatements({ result: journal, ledger: { cells: [] } })).toThrow(StatementsError);
  });
});

describe('generated receivables ledgers with known balances and ages', () => {
  test.each([1, 2, 3])('seed %i: every closing balance, aging bucket and the index totals to the cent', (seed) => {
    const known = generateKnownLedger({ customers: 60, seed });
    const result = reconcile({ cells: known.cells }, { cells: [['交易日期', '对方户名', '收入金额'], ['2025-03-31', '无关', '1.00']] }, { ledger: { kind: 'receivables-ledger' } });
    const set = buildStatements({ result, ledger: { cells: known.cells }, options: { period: { from: '2025-03-01', to: '2025-03-31' }, customerTerms: known.customerTerms } });
    const wrong: string[] = [];
    for (const k of known.customers.filter((c) => !c.quiet)) {
      const s = set.statements.find((x) => x.customer === k.name);
      if (!s) {
        wrong.push(`${k.name}: no statement`);
        continue;
      }
      if (cents(s.closing) !== k.closingCents) wrong.push(`${k.name}: closing ${s.closing} ≠ ${k.closingCents / 100}`);
      for (const b of AGING_BUCKETS) if (cents(s.aging[b]) !== k.buckets[b]) wrong.push(`${k.name}: ${b} ${s.aging[b]} ≠ ${k.buckets[b] / 100}`);
      if (cents(s.overdue) !== k.overdueCents) wrong.push(`${k.name}: overdue ${s.overdue}`);
      if (s.oldestOverdueDays !== k.oldestOverdueDays) wrong.push(`${k.name}: oldest ${s.oldestOverdueDays} ≠ ${k.oldestOverdueDays}`);
      // The statement's own arithmetic: opening + lines = closing; the last running balance is the closing.
      const lines = s.lines.reduce((a, l) => a.plus(l.invoiced).minus(l.received), s.opening);
      if (!lines.eq(s.closing)) wrong.push(`${k.name}: opening + lines ${lines} ≠ closing ${s.closing}`);
      if (s.lines.length > 0 && !s.lines[s.lines.length - 1].balance.eq(s.closing)) wrong.push(`${k.name}: last running balance`);
      const aged = AGING_BUCKETS.reduce((a, b) => a.plus(s.aging[b]), new Decimal(0));
      if (!aged.eq(s.closing)) wrong.push(`${k.name}: buckets add to ${aged}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(set.statements).toHaveLength(known.customers.filter((c) => !c.quiet).length);
    expect(set.leftOut).toBe(known.customers.filter((c) => c.quiet).length);
    expect(cents(set.totalBalance)).toBe(known.totalCents);
    expect(cents(set.ledgerReceivable)).toBe(known.totalCents);
    expect(set.notes).toEqual([]);
  });

  test('asked for, zero-balance customers with no movement get statements too', () => {
    const known = generateKnownLedger({ customers: 30, seed: 9 });
    const result = reconcile({ cells: known.cells }, { cells: [['交易日期', '对方户名', '收入金额'], ['2025-03-31', '无关', '1.00']] }, { ledger: { kind: 'receivables-ledger' } });
    const set = buildStatements({ result, ledger: { cells: known.cells }, options: { period: { from: '2025-03-01', to: '2025-03-31' }, includeZero: true } });
    expect(set.statements).toHaveLength(30);
    expect(set.leftOut).toBe(0);
  });
});

describe('the currency a statement names', () => {
  // A probe: a 美金戶 ledger written in dollars got 人民币 (zh-CN) or 本位幣 on its confirmation.
  const ledger = (title: string): CellValue[][] => [
    [title],
    ['日期', '客户', '摘要', '借方', '贷方', '余额'],
    ['2021-12-03', 'ACME INC', '出货 INV-1046', '3,600.00', '', '3,600.00'],
    ['2021-12-15', 'ACME INC', '收款', '', '1,000.00', '2,600.00'],
  ];
  const bankCells = (currency: string | null): CellValue[][] => [
    ['交易日期', '摘要', '对方户名', '收入', '支出', ...(currency ? ['币种'] : [])],
    ['2021-12-15', '汇入', 'ACME INC', '1,000.00', '', ...(currency ? [currency] : [])],
  ];
  const currencyOf = (title: string, currency: string | null) => {
    const cells = ledger(title);
    const result = reconcile({ cells }, { cells: bankCells(currency) }, { ledger: { kind: 'receivables-ledger' } });
    return buildStatements({ result, ledger: { cells }, options: { period: { from: '2021-12-01', to: '2021-12-31' } } }).statements.map((s) => s.currency);
  };

  test('is the one the ledger’s title names when no line writes one', () => {
    expect(currencyOf('应收账款明细账（美金户）', null)).toEqual(['USD']);
    expect(currencyOf('應收帳款明細帳（美金戶）', null)).toEqual(['USD']);
  });

  test('is the one the bank’s lines write (its 币种) when the ledger writes none', () => {
    expect(currencyOf('应收账款明细账', '人民币')).toEqual(['CNY']);
  });

  test('is left unnamed (the sheet says 人民币 / 本位幣 / Local currency) when nothing names one', () => {
    expect(currencyOf('应收账款明细账', null)).toEqual(['']);
  });
});

describe('period', () => {
  test('default: the ledger’s last full month', () => {
    expect(lastFullMonth(['2025-01-03', '2025-03-31'])).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(lastFullMonth(['2025-01-03', '2025-04-12'])).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    // a ledger of one month so far (a December ledger ending on the 30th; January to the 20th): that month, not an empty one before it
    expect(lastFullMonth(['2021-12-01', '2021-12-15', '2021-12-30'])).toEqual({ from: '2021-12-01', to: '2021-12-31' });
    expect(lastFullMonth(['2025-01-20'])).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    expect(lastFullMonth(['2024-12-28', '2025-01-20'])).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(lastFullMonth(['2024-02-29'])).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  test('a month or a range, nothing else', () => {
    expect(parsePeriod('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(parsePeriod('2025-03-05..2025-04-04')).toEqual({ from: '2025-03-05', to: '2025-04-04' });
    expect(parsePeriod('2025-13')).toBeNull();
    expect(parsePeriod('2025-04-04..2025-03-05')).toBeNull();
    expect(parsePeriod('March')).toBeNull();
  });
});

describe('a receivables ledger exported by customer (客户：… headings, no customer column) against a bank export', () => {
  const dir = path.join(__dirname, '../../../fixtures/hand-made/zh-ar-by-customer-vs-boc');
  const read = (name: string): CellValue[][] => readCsv(new Uint8Array(readFileSync(path.join(dir, name))));
  const ledger = read('应收账款明细账-按客户-2025-03.csv');
  const result = reconcile({ cells: ledger }, { cells: read('中国银行-交易明细-2025-03.csv') });
  const set = buildStatements({ result, ledger: { cells: ledger }, options: { period: { from: '2025-03-01', to: '2025-03-31' } } });

  test('one statement per heading’s customer, each opening from its own 期初余额 line', () => {
    expect(set.statements.map((s) => [s.customer, s.opening.toFixed(2), s.closing.toFixed(2)])).toEqual([
      ['东莞华泰电子科技有限公司', '0.00', '0.00'],
      ['广西瑞丰商贸有限公司', '35600.00', '15680.00'],
      ['青岛宏泰机械有限公司', '58300.00', '8300.00'],
      ['厦门金源贸易有限公司', '12450.00', '0.00'],
    ]);
    expect(set.notes).toEqual([]);
    expect(set.totalBalance.toFixed(2)).toBe(set.ledgerReceivable.toFixed(2));
  });

  test('an invoice shows the number its 摘要 writes, not our voucher number', () => {
    const ruifeng = byName(set, '广西瑞丰商贸有限公司');
    expect(ruifeng.lines.map((l) => [l.voucher, l.reference])).toEqual([['记-0008', '44120865'], ['记-0031', '']]);
    expect(ruifeng.openInvoices.map((i) => i.reference)).toEqual(['44120865']);
  });

  test('money the bank received from a customer but the ledger has not booked is on that customer’s statement', () => {
    expect(byName(set, '青岛宏泰机械有限公司').disputed).toEqual([
      { row: 9, date: '2025-03-30', reference: 'IBPS0107', kind: 'bank-not-booked', amount: new Decimal('8300.00') },
    ]);
    for (const name of ['广西瑞丰商贸有限公司', '厦门金源贸易有限公司', '东莞华泰电子科技有限公司']) expect(byName(set, name).disputed).toEqual([]);
  });
});
