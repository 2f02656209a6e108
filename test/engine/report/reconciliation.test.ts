import Decimal from 'decimal.js';
import { reconcile } from '../../../src/engine';
import { buildReconciliation } from '../../../src/engine/report/reconciliation';
import type { CellValue, ReconcileResult } from '../../../src/engine/types';
import { generatePair } from '../../../src/generator';
import type { Layout } from '../../../src/generator/layouts';

const D = (v: string | number) => new Decimal(v);

function generated(seed: number, layout: Layout, rows = 120) {
  const pair = generatePair({ seed, rows, layout });
  const result = reconcile(pair.ledger, pair.bank, { ledger: { kind: pair.truth.ledgerKind } });
  return { pair, result };
}

describe('bank reconciliation statement on generated pairs with known answers', () => {
  const cases: [Layout, number][] = [['zh-bank-cash-journal', 1], ['zh-bank-cash-journal', 2], ['en-bank', 3], ['en-bank', 4], ['zh-bank-cash-journal', 5]];

  it.each(cases)('%s seed %d: balances from the files, known items, both adjusted balances equal to the cent', (layout, seed) => {
    const { pair, result } = generated(seed, layout);
    const truth = pair.truth.balances;
    const { statement } = buildReconciliation(result);
    expect(statement).not.toBeNull();
    const s = statement!;
    expect(s.book.balance.source).toBe('balance-column');
    expect(s.book.balance.amount!.toFixed(2)).toBe(truth.ledgerClosing.toFixed(2));
    expect(s.bank.balance.source).toBe('balance-column');
    expect(s.bank.balance.amount!.toFixed(2)).toBe(truth.bankClosing.toFixed(2));
    // 企业已收银行未收 / 企业已付银行未付: deposits in transit, outstanding cheques (and ledger-only adjustments)
    expect(s.bank.add.total.toFixed(2)).toBe(truth.ledgerOnlyIn.toFixed(2));
    expect(s.bank.subtract.total.toFixed(2)).toBe(truth.ledgerOnlyOut.toFixed(2));
    // 银行已收企业未收 − 银行已付企业未付: interest, unbooked receipts, charges, and fees deducted from receipts
    expect(s.book.add.total.minus(s.book.subtract.total).toFixed(2)).toBe(truth.bankOnlyIn.minus(truth.bankOnlyOut).plus(truth.matchedDifference).toFixed(2));
    expect(s.book.adjusted!.toFixed(2)).toBe(truth.adjustedLedger!.toFixed(2));
    expect(s.bank.adjusted!.toFixed(2)).toBe(truth.adjustedBank!.toFixed(2));
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
    expect(s.explanations).toEqual([]);
    // each adjustment's total is the sum of its items
    for (const adj of [s.book.add, s.book.subtract, s.bank.add, s.bank.subtract]) {
      expect(adj.total.toFixed(2)).toBe(adj.items.reduce((t, i) => t.plus(i.amount), D(0)).toFixed(2));
      for (const item of adj.items) expect(item.amount.isPositive()).toBe(true);
    }
  });

  it('a book balance wrong by a known amount shows exactly that unexplained difference', () => {
    const { pair, result } = generated(7, 'zh-bank-cash-journal');
    const wrong = pair.truth.balances.ledgerClosing.plus('2718.00');
    const { statement } = buildReconciliation(result, { bookBalance: wrong });
    expect(statement!.book.balance.source).toBe('entered');
    expect(statement!.unexplained!.toFixed(2)).toBe('2718.00');
    expect(statement!.explanations.length).toBeGreaterThan(0);
    expect(statement!.explanations.some((e) => e.code === 'transposition')).toBe(true); // 271800 cents is divisible by 9: two digits swapped is one explanation
  });

  it('an unexplained difference equal to a line is explained by that line first', () => {
    const { pair, result } = generated(8, 'en-bank');
    const line = result.bank.entries[3];
    const { statement } = buildReconciliation(result, { bankBalance: pair.truth.balances.bankClosing.minus(line.amount) });
    expect(statement!.unexplained!.abs().toFixed(2)).toBe(line.amount.abs().toFixed(2));
    expect(statement!.explanations.some((e) => e.code === 'equal-amount' && e.side === 'bank' && e.row === line.row)).toBe(true);
  });

  it('a period end inside the data: later lines are left out and their earlier counterparts become items', () => {
    const { result } = generated(9, 'zh-bank-cash-journal', 200);
    const dates = [...new Set(result.bank.entries.map((e) => e.date))].sort();
    const periodEnd = dates[Math.floor(dates.length / 2)];
    const { statement } = buildReconciliation(result, { periodEnd });
    const s = statement!;
    expect(s.periodEnd).toBe(periodEnd);
    const lastLedger = result.ledger.entries.filter((e) => e.date <= periodEnd).pop()!;
    expect(s.book.balance.row).toBe(lastLedger.row);
    for (const adj of [s.book.add, s.book.subtract, s.bank.add, s.bank.subtract]) for (const item of adj.items) expect(item.date <= periodEnd).toBe(true);
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
  });
});

describe('discrepancies: every unmatched or differing row exactly once', () => {
  const layouts: Layout[] = ['zh-bank-cash-journal', 'zh-receivables', 'en-bank'];
  for (const layout of layouts) {
    for (const seed of [11, 12, 13]) {
      it(`${layout} seed ${seed}`, () => {
        const { result } = generated(seed, layout, 300);
        const { discrepancies } = buildReconciliation(result);
        checkConservation(result, discrepancies);
      });
    }
  }

  it('holds with suspected duplicates and a bank export pasted twice', () => {
    const { pair } = generated(14, 'zh-bank-cash-journal', 150);
    const header = pair.bank.cells.findIndex((r) => r.some((c) => c === '交易日期'));
    const data = pair.bank.cells.slice(header + 1).filter((r) => /^\d{4}\D?\d{1,2}\D?\d{1,2}$/.test(String(r[0])));
    const pasted: CellValue[][] = [...pair.bank.cells.slice(0, -2), ...data.slice(10, 16), ...pair.bank.cells.slice(-2)];
    const result = reconcile(pair.ledger, { cells: pasted }, { ledger: { kind: 'cash-journal' } });
    const { discrepancies } = buildReconciliation(result);
    checkConservation(result, discrepancies);
    expect(discrepancies.overlaps).toHaveLength(1);
    const overlap = discrepancies.overlaps[0];
    expect(overlap.side).toBe('bank');
    expect(overlap.count).toBe(6);
    expect(overlap.rows[0]).toBe(pair.bank.cells.length - 1);
    const dupes = discrepancies.lines.filter((l) => l.section === 'duplicate');
    expect(dupes).toHaveLength(6);
    expect(dupes.every((l) => l.reason.code === 'duplicate-overlap')).toBe(true);
  });
});

function checkConservation(result: ReconcileResult, discrepancies: ReturnType<typeof buildReconciliation>['discrepancies']): void {
  const expected = { ledger: new Set<number>(), bank: new Set<number>() };
  for (const i of result.unmatched.ledger) expected.ledger.add(result.ledger.entries[i].row);
  for (const i of result.unmatched.bank) expected.bank.add(result.bank.entries[i].row);
  for (const m of result.matches) {
    if (m.status !== 'suggested' && m.difference.isZero()) continue;
    for (const i of m.ledger) expected.ledger.add(result.ledger.entries[i].row);
    for (const i of m.bank) expected.bank.add(result.bank.entries[i].row);
  }
  const seen = { ledger: [] as number[], bank: [] as number[] };
  for (const line of discrepancies.lines) {
    seen[line.side].push(...line.rows);
    if (line.section === 'difference' || line.section === 'suggested') seen[line.otherSide!].push(...line.otherRows);
  }
  for (const side of ['ledger', 'bank'] as const) {
    expect([...seen[side]].sort((a, b) => a - b)).toEqual([...expected[side]].sort((a, b) => a - b));
  }
  for (const section of discrepancies.sections) {
    const own = discrepancies.lines.filter((l) => l.section === section.section);
    expect(section.count).toBe(own.length);
    expect(section.amount.toFixed(2)).toBe(own.reduce((t, l) => t.plus(l.amount), D(0)).toFixed(2));
    expect(section.difference.toFixed(2)).toBe(own.reduce((t, l) => t.plus(l.difference), D(0)).toFixed(2));
  }
}

describe('balances as a clerk writes them', () => {
  // 银行存款日记账 typed by hand: an opening line, no balance column, a closing line with the balance.
  const journal: CellValue[][] = [
    ['日期', '凭证号', '摘要', '对方单位', '借方', '贷方'],
    ['2025-04-01', '', '期初余额', '', '', 50000],
    ['2025-04-03', '记-01', '收货款', '杭州明远科技有限公司', 12000, ''],
    ['2025-04-10', '记-02', '付房租', '上海恒基物业管理有限公司', '', 8000],
    ['2025-04-29', '记-03', '支票 00321 付设备款', '苏州精工机械有限公司', '', 3500],
    ['2025-04-30', '', '期末余额', '', '', 50500],
  ];
  const bank: CellValue[][] = [
    ['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额'],
    ['2025-04-01', '期初余额', '', '', '', '50,000.00'],
    ['2025-04-03', '货款', '杭州明远科技有限公司', '12,000.00', '', '62,000.00'],
    ['2025-04-10', '房租', '上海恒基物业管理有限公司', '', '8,000.00', '54,000.00'],
    ['2025-04-21', '结息', '', '36.20', '', '54,036.20'],
    ['2025-04-30', '手续费', '', '', '15.00', '54,021.20'],
  ];

  it('reads the opening and closing lines, and the statement says where each balance came from', () => {
    const result = reconcile({ cells: journal }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    expect(result.ledger.balances?.map((b) => [b.row, b.kind, b.amount.toFixed(2)])).toEqual([[2, 'opening', '50000.00'], [6, 'closing', '50500.00']]);
    const { statement, discrepancies } = buildReconciliation(result);
    const s = statement!;
    expect(s.periodEnd).toBe('2025-04-30');
    expect([s.book.balance.source, s.book.balance.row, s.book.balance.amount!.toFixed(2)]).toEqual(['closing-line', 6, '50500.00']);
    expect([s.bank.balance.source, s.bank.balance.row, s.bank.balance.amount!.toFixed(2)]).toEqual(['balance-column', 6, '54021.20']);
    expect(s.book.add.items.map((i) => [i.rows, i.amount.toFixed(2)])).toEqual([[[5], '36.20']]);
    expect(s.book.subtract.items.map((i) => [i.rows, i.amount.toFixed(2)])).toEqual([[[6], '15.00']]);
    expect(s.bank.subtract.items.map((i) => [i.rows, i.amount.toFixed(2)])).toEqual([[[5], '3500.00']]);
    expect(s.book.adjusted!.toFixed(2)).toBe('50521.20');
    expect(s.bank.adjusted!.toFixed(2)).toBe('50521.20');
    expect(discrepancies.lines.map((l) => [l.section, l.rows[0], l.reason.code])).toEqual([
      ['ledger-only', 5, 'payment-not-presented'],
      ['bank-only', 5, 'bank-interest'],
      ['bank-only', 6, 'bank-charge'],
    ]);
  });

  it('without a closing line, the opening line plus the movements to the period end', () => {
    const result = reconcile({ cells: journal.slice(0, 5) }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    const s = buildReconciliation(result, { periodEnd: '2025-04-15' }).statement!;
    expect([s.book.balance.source, s.book.balance.amount!.toFixed(2)]).toEqual(['opening-line', '54000.00']);
    expect([s.bank.balance.source, s.bank.balance.row]).toEqual(['balance-column', 4]);
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
  });

  it('a balance column that disagrees with its rows is reported at the first row where it breaks', () => {
    const broken = bank.map((r) => [...r]);
    broken[3][5] = '54,100.00'; // row 4: 62,000.00 − 8,000.00 is 54,000.00
    const result = reconcile({ cells: journal }, { cells: broken }, { ledger: { kind: 'cash-journal' } });
    const { breaks, statement } = buildReconciliation(result);
    expect(breaks.map((b) => [b.side, b.row, b.previousRow, b.expected.toFixed(2), b.stated.toFixed(2), b.off.toFixed(2)])).toEqual([
      ['bank', 4, 3, '54000.00', '54100.00', '100.00'],
    ]);
    expect(breaks[0].breaks).toBe(2); // row 5 then breaks against row 4's stated balance
    expect(statement!.breaks).toHaveLength(1);
  });

  it('a balance the user enters wins over the file, and no balance at all stays unknown', () => {
    const noBalances = reconcile({ cells: journal.slice(0, 5).map((r, i) => (i === 1 ? ['2025-04-01', '', '', '', '', ''] : r)) }, { cells: bank.map((r) => r.slice(0, 5)) }, { ledger: { kind: 'cash-journal' } });
    const unknown = buildReconciliation(noBalances).statement!;
    expect(unknown.book.balance.source).toBe('none');
    expect(unknown.bank.balance.source).toBe('none');
    expect(unknown.unexplained).toBeNull();
    const entered = buildReconciliation(noBalances, { bookBalance: D('50500'), bankBalance: D('54021.20') }).statement!;
    expect(entered.book.balance.source).toBe('entered');
    expect(entered.unexplained!.toFixed(2)).toBe('0.00');
  });
});

describe('the period end, when none is given', () => {
  const journal: CellValue[][] = [
    ['日期', '摘要', '借方', '贷方', '余额'],
    ['2025-05-01', '期初余额', '', '', '10,000.00'],
    ['2025-05-12', '收货款', '2,000.00', '', '12,000.00'],
    ['2025-05-28', '付房租', '', '3,000.00', '9,000.00'],
  ];
  const bank = (closing: string): CellValue[][] => [
    ['Date', 'Description', 'Paid out', 'Paid in', 'Balance'],
    ['01 MAY 2025', 'BALANCE BROUGHT FORWARD', '', '', '10,000.00'],
    ['12 MAY 2025', 'HUAXING TRADING', '', '2,000.00', '12,000.00'],
    ['28 MAY 2025', 'RENT', '3,000.00', '', '9,000.00'],
    [closing, 'BALANCE CARRIED FORWARD', '', '', '9,000.00'],
  ];
  it('is the date of a closing line after the last movement in that month (the statement closes on the 31st)', () => {
    const result = reconcile({ cells: journal }, { cells: bank('31 MAY 2025') }, { ledger: { kind: 'cash-journal' } });
    expect(buildReconciliation(result).periodEnd).toBe('2025-05-31');
  });
  it('but not a closing line of another month: the latest line then', () => {
    const result = reconcile({ cells: journal }, { cells: bank('02 JUN 2025') }, { ledger: { kind: 'cash-journal' } });
    expect(buildReconciliation(result).periodEnd).toBe('2025-05-28');
  });
});

describe('a balance stated above the table', () => {
  // Bank of America's stmt.csv without its running balance: the summary block is all there is.
  const bank: CellValue[][] = [
    ['Description', '', 'Summary Amt.'],
    ['Beginning balance as of 03/01/2025', '', '8,214.55'],
    ['Total credits', '', '2,400.00'],
    ['Total debits', '', '-1,296.18'],
    ['Ending balance as of 03/31/2025', '', '9,318.37'],
    [],
    ['Date', 'Description', 'Amount'],
    ['03/03/2025', 'MOBILE PURCHASE STAPLES', '-46.18'],
    ['03/05/2025', 'Check 1187', '-1,250.00'],
    ['03/07/2025', 'MOBILE DEPOSIT', '2,400.00'],
  ];
  const register: CellValue[][] = [
    ['Num', 'Date', 'Description', 'Payment (-)', 'Deposit (+)', 'Balance'],
    ['', '3/1/2025', 'Opening balance', '', '', '8,214.55'],
    ['DEBIT', '3/2/2025', 'Staples', '46.18', '', '8,168.37'],
    ['1187', '3/3/2025', 'Lakeview Properties - rent', '1,250.00', '', '6,918.37'],
    ['DEP', '3/6/2025', 'Hanna Studio', '', '2,400.00', '9,318.37'],
  ];
  it('gives the bank balance and the statement date (Ending balance as of 03/31/2025 …)', () => {
    const result = reconcile({ cells: register }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    expect(result.bank.balances).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 2, kind: 'opening', date: '2025-03-01', amount: new Decimal('8214.55') }),
      expect.objectContaining({ row: 5, kind: 'closing', date: '2025-03-31', amount: new Decimal('9318.37') }),
    ]));
    const reconciliation = buildReconciliation(result);
    expect(reconciliation.periodEnd).toBe('2025-03-31');
    const s = reconciliation.statement!;
    expect(s.bank.balance).toEqual(expect.objectContaining({ source: 'closing-line', row: 5 }));
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
  });
  it('dated after the period end with no entry between: the balance at the period end (a QFX as of 3/10, its last line 2/28)', () => {
    // The register runs into April, so the period ends 03-31; the statement's balance is as of 04-09
    // and the bank has no line after 03-07. It was "none in the file".
    const later = bank.map((row) => (row[0] === 'Ending balance as of 03/31/2025' ? ['Ending balance as of 04/09/2025', '', '9,318.37'] : row));
    const result = reconcile({ cells: [...register, ['', '4/2/2025', 'Coffee', '3.00', '', '9,315.37']] }, { cells: later }, { ledger: { kind: 'cash-journal' } });
    const s = buildReconciliation(result).statement!;
    expect(s.periodEnd).toBe('2025-03-31');
    expect(s.bank.balance).toEqual(expect.objectContaining({ source: 'closing-line', row: 5, amount: new Decimal('9318.37') }));
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
  });
  it('also with its figure in the label cell (期末余额：108,000.00)', () => {
    const icbc: CellValue[][] = [
      ['账号：6222 0212 3456 7890', '', '', ''],
      ['期初余额：100,000.00', '', '', ''],
      ['期末余额：108,000.00', '', '', ''],
      ['交易日期', '摘要', '金额', '对方户名'],
      ['2025-06-03', '货款', '8,000.00', '合肥同创电子有限公司'],
    ];
    const journal: CellValue[][] = [
      ['日期', '摘要', '借方', '贷方', '余额'],
      ['2025-06-01', '期初余额', '', '', '100,000.00'],
      ['2025-06-03', '收同创货款', '8,000.00', '', '108,000.00'],
    ];
    const result = reconcile({ cells: journal }, { cells: icbc }, { ledger: { kind: 'cash-journal' } });
    expect(result.bank.balances!.map((b) => [b.row, b.kind, b.amount.toFixed(2)])).toEqual([[2, 'opening', '100000.00'], [3, 'closing', '108000.00']]);
    expect(buildReconciliation(result).statement!.bank.balance.amount!.toFixed(2)).toBe('108000.00');
  });
  it('undated and written as the table writes money: a French export’s Balance at end of period, +31070,11', () => {
    // the layout of the real OCA fixture (test/fixtures/real-exports/OCA__bank-statement-import): decimal
    // commas, the closing balance above the table with no date, the opening one below it
    const export_: CellValue[][] = [
      ['Bank code : 1001010101', 'Agency Code : 10000', 'Download start date : 01/04/2020', 'Download end date : 02/04/2020'],
      ['Balance at end of period', null, null, null, '+1269,32'],
      ['Date', 'Operation Number', 'Label', 'Debit', 'Credit', 'Detail'],
      ['01/04/20', 'OP 1', 'FRAIS', '-50,00', null, ''],
      ['02/04/20', 'OP 2', 'VIREMENT DUPONT', null, '1300,00', ''],
      ['Balance at start of period', null, null, null, '+19,32'],
    ];
    const journal: CellValue[][] = [
      ['Date', 'Libellé', 'Débit', 'Crédit'],
      ['01/04/2020', 'Frais bancaires', '', '50,00'],
      ['02/04/2020', 'Encaissement Dupont', '1 300,00', ''],
    ];
    const result = reconcile({ cells: journal }, { cells: export_ }, { ledger: { kind: 'cash-journal' } });
    expect(result.bank.balances!.map((b) => [b.row, b.kind, b.date, b.amount.toFixed(2)])).toEqual([[2, 'closing', '', '1269.32'], [6, 'opening', '', '19.32']]);
    const statement = buildReconciliation(result, { bookBalance: new Decimal('1269.32') }).statement!;
    expect(statement.bank.balance).toEqual(expect.objectContaining({ source: 'closing-line', row: 2 }));
    expect(statement.unexplained!.toFixed(2)).toBe('0.00');
    // after the period end, the balance after every entry is not the balance at it
    const earlier = buildReconciliation(result, { periodEnd: '2020-04-01' }).statement!;
    expect(earlier.bank.balance.source).not.toBe('closing-line');
  });
  it('not a line of words and figures (Total credits is no balance)', () => {
    const result = reconcile({ cells: register }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    expect(result.bank.balances!.map((b) => b.row)).toEqual([2, 5]);
  });
});

describe('the period end when a bank export runs into the next month', () => {
  const journal: CellValue[][] = [
    ['日期', '凭证号', '摘要', '借方', '贷方', '余额'],
    ['2025-03-01', '', '期初余额', '', '', '100,000.00'],
    ['2025-03-05', '记-01', '收货款 华兴贸易', '20,000.00', '', '120,000.00'],
    ['2025-03-28', '记-12', '付运费 顺丰', '', '1,250.00', '118,750.00'],
    ['2025-03-31', '记-15', '收货款 美嘉服装', '15,300.00', '', '134,050.00'],
  ];
  const bank: CellValue[][] = [
    ['交易日期', '摘要', '对方户名', '借方发生额', '贷方发生额', '余额'],
    ['2025-03-05', '货款', '华兴贸易有限公司', '', '20,000.00', '120,000.00'],
    ['2025-03-28', '运费', '顺丰速运有限公司', '1,250.00', '', '118,750.00'],
    ['2025-04-01', '货款', '嘉兴美嘉服装有限公司', '', '15,300.00', '134,050.00'],
    ['2025-04-03', '电费', '国网浙江省电力有限公司', '2,310.50', '', '131,739.50'],
  ];
  it('closes the month both cover: as at 3/31, the receipt of 3/31 in transit, April\'s bill not an item', () => {
    const result = reconcile({ cells: journal }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    const r = buildReconciliation(result);
    expect(r.periodEnd).toBe('2025-03-31');
    const s = r.statement!;
    expect(s.bank.balance.amount!.toFixed(2)).toBe('118750.00');
    expect(s.bank.add.items.map((i) => [i.rows, i.amount.toFixed(2), i.why])).toEqual([[[5], '15300.00', 'after-period']]);
    expect(s.book.subtract.items).toEqual([]);
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
  });
  it('the same when the journal is the one booked into April against March\'s export', () => {
    const result = reconcile({ cells: [...journal, ['2025-04-02', '记-16', '付电费', '', '2,310.50', '131,739.50']] }, { cells: bank.slice(0, 3) }, { ledger: { kind: 'cash-journal' } });
    expect(buildReconciliation(result).periodEnd).toBe('2025-03-31');
  });
});
