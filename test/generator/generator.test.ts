import Decimal from 'decimal.js';
import fc from 'fast-check';
import { generatePair, type GeneratedPair } from '../../src/generator/generate-pair';
import { BANK_LAYOUTS, LAYOUTS, LEDGER_LAYOUTS, type Layout } from '../../src/generator/layouts';
import { GROUP_KINDS, ONE_SIDED_KINDS } from '../../src/generator/scenarios';
import { amountOf, bankAmount, bucketsOf, columnsOf, dayOf, ledgerAmount } from './read-cells';

const MATCH_WINDOW_DAYS = 7;
const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0));

const cache = new Map<string, GeneratedPair>();
function pair(layout: Layout, seed: number, rows = 400): GeneratedPair {
  const key = `${layout}/${seed}/${rows}`;
  if (!cache.has(key)) cache.set(key, generatePair({ seed, rows, layout }));
  return cache.get(key)!;
}

/** Every invariant a generated pair must keep, whatever its size. */
function checkInvariants(p: GeneratedPair): void {
  const t = p.truth;
  const c = columnsOf(p);
  // Every row of each side is in exactly one bucket (bucketsOf throws on a second one), and none is left out.
  for (const side of ['ledger', 'bank'] as const) {
    const buckets = bucketsOf(p, side);
    const rows = p[side].cells.length;
    for (let row = 1; row <= rows; row++) if (!buckets.has(row)) throw new Error(`${side} row ${row} is in no bucket`);
    expect(buckets.size).toBe(rows);
    const width = p[side].cells[0].length;
    expect(p[side].cells.every((r) => r.length === width)).toBe(true);
  }
  // Ledger: running balance and the closing total line, re-added with decimal.js from the cells.
  const ledgerTotal = t.ledgerLines.find((l) => l.what === 'closing-total')!.row;
  let balance = t.balances.ledgerOpening;
  let debit = new Decimal(0);
  let credit = new Decimal(0);
  expect(amountOf(p.ledger.cells[1][c.ledger.balance])!.equals(balance)).toBe(true);
  for (let row = 3; row < ledgerTotal; row++) {
    const cells = p.ledger.cells[row - 1];
    const d = amountOf(cells[c.ledger.debit]) ?? new Decimal(0);
    const k = amountOf(cells[c.ledger.credit]) ?? new Decimal(0);
    expect(d.isZero() !== k.isZero()).toBe(true); // exactly one of 借方/贷方
    debit = debit.plus(d);
    credit = credit.plus(k);
    balance = balance.plus(d).minus(k);
    expect(amountOf(cells[c.ledger.balance])!.equals(balance)).toBe(true);
  }
  const ledgerTotalCells = p.ledger.cells[ledgerTotal - 1];
  expect(amountOf(ledgerTotalCells[c.ledger.debit])!.equals(debit)).toBe(true);
  expect(amountOf(ledgerTotalCells[c.ledger.credit])!.equals(credit)).toBe(true);
  expect(amountOf(ledgerTotalCells[c.ledger.balance])!.equals(balance)).toBe(true);
  expect(t.balances.ledgerClosing.equals(balance)).toBe(true);
  // Bank: the 合计/Total line holds the real sums; balances run from the opening.
  const bankHeader = t.bankLines.find((l) => l.what === 'header')!.row;
  const bankTotal = t.bankLines.find((l) => l.what === 'closing-total')!.row;
  let bankBalance = t.balances.bankOpening;
  let inflow = new Decimal(0);
  let outflow = new Decimal(0);
  for (let row = bankHeader + 1; row < bankTotal; row++) {
    const cells = p.bank.cells[row - 1];
    const i = amountOf(cells[c.bank.in]) ?? new Decimal(0);
    const o = amountOf(cells[c.bank.out]) ?? new Decimal(0);
    expect(i.isZero() !== o.isZero()).toBe(true);
    inflow = inflow.plus(i);
    outflow = outflow.plus(o);
    bankBalance = bankBalance.plus(i).minus(o);
    expect(amountOf(cells[c.bank.balance])!.equals(bankBalance)).toBe(true);
  }
  const bankTotalCells = p.bank.cells[bankTotal - 1];
  expect(bankTotalCells[0]).toBe(BANK_LAYOUTS[t.bankStyle].totalLabel);
  expect(amountOf(bankTotalCells[c.bank.in])!.equals(inflow)).toBe(true);
  expect(amountOf(bankTotalCells[c.bank.out])!.equals(outflow)).toBe(true);
  expect(t.balances.bankClosing.equals(bankBalance)).toBe(true);
  // Groups balance: bank total − ledger total is the stated difference; only deducted fees differ.
  for (const g of t.groups) {
    const difference = sum(g.bankRows.map((r) => bankAmount(p, r))).minus(sum(g.ledgerRows.map((r) => ledgerAmount(p, r))));
    expect(difference.equals(g.difference)).toBe(true);
    if (g.kind === 'fee-deducted') expect(difference.neg().gte(0.5) && difference.neg().lte(25)).toBe(true);
    else expect(difference.isZero()).toBe(true);
    expect(g.ledgerRows.length).toBeGreaterThan(0);
    expect(g.bankRows.length).toBeGreaterThan(0);
  }
  for (const it of t.ledgerOnly) expect(ledgerAmount(p, it.row).equals(it.amount)).toBe(true);
  for (const it of t.bankOnly) expect(bankAmount(p, it.row).equals(it.amount)).toBe(true);
  for (const it of t.ledgerDocuments) expect(ledgerAmount(p, it.row).equals(it.amount)).toBe(true);
  // The balance reconciliation statement balances for a cash book.
  const b = t.balances;
  const signed = (items: { amount: Decimal }[], sign: 1 | -1) => sum(items.filter((i) => i.amount.s === sign).map((i) => i.amount.abs()));
  expect(b.ledgerOnlyIn.equals(signed(t.ledgerOnly, 1))).toBe(true);
  expect(b.bankOnlyOut.equals(signed(t.bankOnly, -1))).toBe(true);
  if (LEDGER_LAYOUTS[t.layout].book === 'cash-journal') {
    expect(b.adjustedLedger!.equals(b.adjustedBank!)).toBe(true);
    expect(b.adjustedLedger!.equals(b.ledgerClosing.plus(b.bankOnlyIn).minus(b.bankOnlyOut).plus(b.matchedDifference))).toBe(true);
  }
}

describe('generatePair', () => {
  test.each(LAYOUTS.flatMap((layout) => [1, 2, 3].map((seed) => [layout, seed] as const)))('%s seed %d keeps every invariant', (layout, seed) => {
    checkInvariants(pair(layout, seed));
  });

  test.each(LAYOUTS)('%s: the same seed gives the same pair, another seed another', (layout) => {
    const a = generatePair({ seed: 42, rows: 300, layout });
    const b = generatePair({ seed: 42, rows: 300, layout });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generatePair({ seed: 43, rows: 300, layout });
    expect(JSON.stringify(c.ledger.cells)).not.toBe(JSON.stringify(a.ledger.cells));
  });

  test('headers, title lines and total lines are where the truth says, with the words real files use', () => {
    const cash = pair('zh-bank-cash-journal', 1); // seed 1 → second style for the layout: ccb
    expect(cash.ledger.cells[0]).toEqual(['日期', '凭证号', '摘要', '客户名称', '借方', '贷方', '余额']);
    expect(cash.truth.bankStyle).toBe('ccb');
    expect(cash.bank.cells[0][0]).toBe('中国建设银行 账户交易明细');
    expect(cash.bank.cells[1][0]).toMatch(/^账号：[\d ]{16,}$/);
    expect(cash.bank.cells[3][0]).toBe('起止日期：20250301-20250331');
    expect(cash.bank.cells[5]).toEqual(['交易日期', '摘要', '对方户名', '对方账号', '收入金额', '支出金额', '余额', '附言']);
    expect(cash.bank.cells[cash.bank.cells.length - 1][0]).toBe('以上数据仅供参考，具体以银行盖章回单为准');
    expect(cash.truth.bankLines.map((l) => l.what)).toEqual(['bank-name', 'account', 'holder', 'period', 'blank', 'header', 'closing-total', 'note']);
    expect(cash.ledger.cells[1][2]).toBe('期初余额');
    expect(cash.ledger.cells[cash.ledger.cells.length - 1][2]).toBe('本月合计');

    const icbc = generatePair({ seed: 7, rows: 100, layout: 'zh-bank-cash-journal', bankStyle: 'icbc' });
    expect(icbc.bank.cells.slice(0, 4).map((r) => r[0])).toEqual(['中国工商银行账户明细', expect.stringMatching(/^账号: \d{4} \d{4} \d{4} \d{4}/), expect.stringMatching(/^户名: .+公司$/), '查询期间: 2025-03-01 至 2025-03-31']);
    expect(icbc.bank.cells[4].every((v) => v === null)).toBe(true);

    const receivables = pair('zh-receivables', 1);
    expect(receivables.ledger.cells[0]).toEqual(['日期', '凭证号', '发票号', '客户名称', '摘要', '借方金额', '贷方金额', '余额']);
    const english = pair('en-bank', 1);
    expect(english.ledger.cells[0]).toEqual(['Date', 'Ref', 'Description', 'Customer', 'Debit', 'Credit', 'Balance']);
    expect(english.bank.cells[5]).toEqual(['Date', 'Description', 'Payee', 'Deposits', 'Withdrawals', 'Balance', 'Reference']);
  });

  test('dates and amounts are written the way each bank style writes them; the ledger uses Excel serials', () => {
    const formats: Record<string, { date: RegExp; amount: (v: unknown) => boolean }> = {
      icbc: { date: /^\d{4}-\d{2}-\d{2}$/, amount: (v) => typeof v === 'number' },
      ccb: { date: /^\d{8}$/, amount: (v) => typeof v === 'string' && /^\d{1,3}(,\d{3})*\.\d{2}$/.test(v) },
      abc: { date: /^\d{4}\/\d{1,2}\/\d{1,2}$/, amount: (v) => typeof v === 'string' && /^¥\d{1,3}(,\d{3})*\.\d{2}$/.test(v) },
      uk: { date: /^\d{2}\/\d{2}\/\d{4}$/, amount: (v) => typeof v === 'number' },
      intl: { date: /^\d{4}-\d{2}-\d{2}$/, amount: (v) => typeof v === 'string' && /^\d{1,3}(,\d{3})*\.\d{2}$/.test(v) },
    };
    for (const style of Object.keys(formats) as Array<keyof typeof formats>) {
      const layout: Layout = BANK_LAYOUTS[style as 'icbc'].language === 'zh' ? 'zh-bank-cash-journal' : 'en-bank';
      const p = generatePair({ seed: 11, rows: 200, layout, bankStyle: style as 'icbc' });
      const c = columnsOf(p);
      const rows = p.truth.groups.flatMap((g) => g.bankRows);
      expect(rows.length).toBeGreaterThan(50);
      for (const row of rows) {
        const cells = p.bank.cells[row - 1];
        expect(String(cells[c.bank.date])).toMatch(formats[style].date);
        expect(formats[style].amount(cells[c.bank.in] || cells[c.bank.out])).toBe(true);
      }
      const ledgerDates = p.truth.groups.flatMap((g) => g.ledgerRows).map((r) => p.ledger.cells[r - 1][c.ledger.date]);
      expect(ledgerDates.every((d) => typeof d === 'number' && d > 45000 && d < 47000)).toBe(true);
    }
  });

  test('a default pair has every scenario kind, amounts are mostly round with some cents, lags stay within 0–5 days', () => {
    for (const layout of LAYOUTS) {
      const p = pair(layout, 2, 2000);
      const kinds = new Set<string>([...p.truth.groups.map((g) => g.kind), ...p.truth.ledgerOnly.map((i) => i.kind), ...p.truth.bankOnly.map((i) => i.kind)]);
      const expected = [...GROUP_KINDS, ...ONE_SIDED_KINDS].filter((k) => !(layout === 'zh-receivables' && k === 'outstanding-cheque'));
      for (const kind of expected) {
        if (kind === 'supplier-payment' && layout === 'zh-receivables') expect(p.truth.bankOnly.some((i) => i.kind === kind)).toBe(true);
        else expect([kind, kinds.has(kind)]).toEqual([kind, true]);
      }
      if (layout === 'zh-receivables') expect(p.truth.ledgerDocuments.length).toBeGreaterThan(100);
      const c = columnsOf(p);
      const bankDays = (g: { bankRows: number[] }) => g.bankRows.map((r) => dayOf(p.bank.cells[r - 1][c.bank.date]));
      const ledgerDays = (g: { ledgerRows: number[] }) => g.ledgerRows.map((r) => dayOf(p.ledger.cells[r - 1][c.ledger.date]));
      for (const g of p.truth.groups) {
        for (const b of bankDays(g)) for (const l of ledgerDays(g)) expect(Math.abs(b - l)).toBeLessThanOrEqual(5);
      }
      const amounts = p.truth.groups.flatMap((g) => g.bankRows.map((r) => bankAmount(p, r).abs()));
      const round = amounts.filter((a) => a.mod(100).isZero()).length / amounts.length;
      const cents = amounts.filter((a) => !a.isInteger()).length / amounts.length;
      expect(round).toBeGreaterThan(0.3);
      expect(cents).toBeGreaterThan(0.2);
      expect(cents).toBeLessThan(0.5);
      // Rows per side near what was asked for (invoices booked days around the planned ones shift it a little).
      const dataRows = (side: 'ledger' | 'bank') => p[side].cells.length - (side === 'ledger' ? p.truth.ledgerLines : p.truth.bankLines).length;
      expect((dataRows('ledger') + dataRows('bank')) / 2).toBeGreaterThanOrEqual(1960);
      expect((dataRows('ledger') + dataRows('bank')) / 2).toBeLessThan(2040);
    }
  });

  test('crossed same-amount pairs, combined groups and name variants look as described', () => {
    const p = pair('zh-bank-cash-journal', 3, 2000);
    const c = columnsOf(p);
    const groups = p.truth.groups;
    const name = (side: 'ledger' | 'bank', row: number) => String(p[side].cells[row - 1][side === 'ledger' ? c.ledger.party : c.bank.party]);
    const sameAmount = groups.filter((g) => g.kind === 'same-amount');
    expect(sameAmount.length).toBeGreaterThanOrEqual(2);
    for (const g of sameAmount) expect(name('ledger', g.ledgerRows[0])).toBe(name('bank', g.bankRows[0]));
    expect(groups.filter((g) => g.kind === 'many-to-one').every((g) => g.ledgerRows.length >= 2 && g.ledgerRows.length <= 4 && g.bankRows.length === 1)).toBe(true);
    expect(groups.filter((g) => g.kind === 'one-to-many').every((g) => g.bankRows.length >= 2 && g.bankRows.length <= 3 && g.ledgerRows.length === 1)).toBe(true);
    const variants = groups.filter((g) => g.kind === 'name-variant');
    const seen = new Set(variants.map((g) => g.nameVariant));
    expect([...seen].sort()).toEqual(['legal-form', 'person', 'traditional', 'truncated']);
    for (const g of variants) {
      const ledgerName = name('ledger', g.ledgerRows[0]);
      const bankName = name('bank', g.bankRows[0]);
      expect(bankName).not.toBe(ledgerName);
      if (g.nameVariant === 'truncated') {
        expect(ledgerName.startsWith(bankName)).toBe(true);
        expect(bankName.length).toBeGreaterThanOrEqual(14);
        expect(bankName.length).toBeLessThanOrEqual(20);
      }
      if (g.nameVariant === 'legal-form') expect(/有限(责任)?公司$|集团公司$/.test(bankName)).toBe(true);
      if (g.nameVariant === 'traditional') expect(bankName.length).toBe(ledgerName.length);
      if (g.nameVariant === 'person') expect(bankName.length).toBeLessThanOrEqual(4);
    }
  });

  test('reference typos are one character changed or two neighbours swapped', () => {
    for (const layout of LAYOUTS) {
      const p = pair(layout, 1);
      const c = columnsOf(p);
      const typos = p.truth.groups.filter((g) => g.kind === 'reference-typo');
      expect(typos.length).toBeGreaterThan(5);
      for (const g of typos) {
        const ledgerCells = p.ledger.cells[g.ledgerRows[0] - 1];
        const reference = layout === 'zh-bank-cash-journal' ? /发票(\d{8})/.exec(String(ledgerCells[c.ledger.summary]))![1] : String(ledgerCells[c.ledger.invoice]);
        const typo = String(p.bank.cells[g.bankRows[0] - 1][c.bank.memo]);
        expect(typo).not.toBe(reference);
        expect(typo.length).toBe(reference.length);
        const diffs = [...typo].map((ch, i) => (ch === reference[i] ? -1 : i)).filter((i) => i >= 0);
        const swapped = diffs.length === 2 && diffs[1] === diffs[0] + 1 && typo[diffs[0]] === reference[diffs[1]] && typo[diffs[1]] === reference[diffs[0]];
        expect(diffs.length === 1 || swapped).toBe(true);
      }
    }
  });

  test('the truth is the one best explanation: no lookalike amount for lines that have no name to tell them apart', () => {
    for (const layout of LAYOUTS) {
      const p = pair(layout, 3, 2000);
      const c = columnsOf(p);
      const daysByAmount = (side: 'ledger' | 'bank', rows: Iterable<number>) => {
        const map = new Map<string, number[]>();
        for (const row of rows) {
          const amount = (side === 'ledger' ? ledgerAmount(p, row) : bankAmount(p, row)).toFixed(2);
          const day = dayOf(p[side].cells[row - 1][side === 'ledger' ? c.ledger.date : c.bank.date]);
          map.set(amount, [...(map.get(amount) ?? []), day]);
        }
        return map;
      };
      const matchable = (side: 'ledger' | 'bank') => [...bucketsOf(p, side)].filter(([, b]) => b.startsWith('group') || b.startsWith('one-sided')).map(([r]) => r);
      const ledgerDays = daysByAmount('ledger', matchable('ledger'));
      const bankDays = daysByAmount('bank', matchable('bank'));
      const near = (days: number[] | undefined, day: number) => (days ?? []).some((d) => Math.abs(d - day) <= MATCH_WINDOW_DAYS);
      for (const it of p.truth.ledgerOnly) {
        const day = dayOf(p.ledger.cells[it.row - 1][c.ledger.date]);
        expect([it.kind, it.row, near(bankDays.get(it.amount.toFixed(2)), day)]).toEqual([it.kind, it.row, false]);
      }
      for (const it of p.truth.bankOnly) {
        const day = dayOf(p.bank.cells[it.row - 1][c.bank.date]);
        expect([it.kind, it.row, near(ledgerDays.get(it.amount.toFixed(2)), day)]).toEqual([it.kind, it.row, false]);
      }
      // One customer never has two same-amount lines in a window unless they are in one group.
      const seen = new Map<string, { day: number; group: number }>();
      p.truth.groups.forEach((g, gi) =>
        g.ledgerRows.forEach((row) => {
          const key = `${p.ledger.cells[row - 1][c.ledger.party]}|${ledgerAmount(p, row).toFixed(2)}`;
          const day = dayOf(p.ledger.cells[row - 1][c.ledger.date]);
          const before = seen.get(key);
          if (before && before.group !== gi) expect(Math.abs(before.day - day)).toBeGreaterThan(MATCH_WINDOW_DAYS);
          seen.set(key, { day, group: gi });
        }),
      );
    }
  });

  test('scales linearly to large pairs (50k rows per side) and still partitions every row', () => {
    const p = generatePair({ seed: 5, rows: 50_000, layout: 'zh-bank-cash-journal' });
    const ledgerData = p.ledger.cells.length - p.truth.ledgerLines.length;
    const bankData = p.bank.cells.length - p.truth.bankLines.length;
    expect((ledgerData + bankData) / 2).toBeGreaterThanOrEqual(50_000);
    expect(bucketsOf(p, 'ledger').size).toBe(p.ledger.cells.length);
    expect(bucketsOf(p, 'bank').size).toBe(p.bank.cells.length);
    expect(p.truth.period).toEqual({ from: '2025-03-01', to: '2026-02-28' }); // a year at this volume
    expect(p.ledger.cells[p.ledger.cells.length - 1][2]).toBe('本期合计');
  });

  test('property: any seed, layout and size keeps every invariant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...LAYOUTS), fc.integer({ min: 1, max: 250 }), (seed, layout, rows) => {
        checkInvariants(generatePair({ seed, rows, layout }));
      }),
      { numRuns: 40 },
    );
  });

  test('a scenario mix can switch kinds off and a start date moves the period', () => {
    const p = generatePair({ seed: 9, rows: 300, layout: 'en-bank', startDate: '2024-02-01', scenarios: { 'same-amount': 0, 'one-to-many': 0, receipt: 80 } });
    expect(p.truth.period).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(p.truth.groups.some((g) => g.kind === 'same-amount' || g.kind === 'one-to-many')).toBe(false);
    expect(p.truth.groups.filter((g) => g.kind === 'receipt').length).toBeGreaterThan(p.truth.groups.length / 3);
    checkInvariants(p);
  });
});
