/**
 * A side whose dates all fit both day/month orders (the first twelve days of a month) is read in the
 * order under which its lines meet the other side's, not by a guess from its own file alone.
 */
import { reconcile } from '../../../src/engine';
import type { CellValue } from '../../../src/engine/types';
import { formatReadText } from '../../../src/i18n/read-texts';

// A UK cash book for 1–12 June: every date fits both orders.
const CASH_BOOK: CellValue[][] = [
  ['Date', 'Details', 'Received', 'Paid'],
  ['02/06/2025', 'Emma Thompson - tote bags', '64.80', ''],
  ['04/06/2025', 'Harper & Finch wholesale', '1,480.00', ''],
  ['09/06/2025', 'Rent June', '', '950.00'],
  ['12/06/2025', 'Refund Liam Walker', '', '19.99'],
];
const BANK_DAY_FIRST: CellValue[][] = [
  ['Date', 'Description', 'Amount', 'Balance'],
  ['02/06/2025', 'EMMA THOMPSON', '64.80', '1064.80'],
  ['05/06/2025', 'HARPER FINCH LTD', '1480.00', '2544.80'],
  ['09/06/2025', 'LANDLORD RENT', '-950.00', '1594.80'],
  ['13/06/2025', 'LIAM WALKER REFUND', '-19.99', '1574.81'],
];

describe('day/month order across the two sides', () => {
  it('reads a cash book of June 1–12 day-first when the bank (day-first, 13/06) meets it only so', () => {
    const result = reconcile({ cells: CASH_BOOK }, { cells: BANK_DAY_FIRST });
    expect(result.ledger.entries.map((e) => e.date)).toEqual(['2025-06-02', '2025-06-04', '2025-06-09', '2025-06-12']);
    expect(result.matches).toHaveLength(4);
    const decision = result.ledger.decisions.find((d) => d.code === 'date-order-from-other-side')!;
    expect(decision.params).toEqual(expect.objectContaining({ order: 'DMY', meets: 4, otherMeets: 0 }));
    expect(formatReadText(decision, 'en')).toContain('read as day/month because then 4 lines meet');
    expect(result.ledger.decisions.map((d) => d.code)).not.toContain('date-order-guessed');
  });

  it('keeps a month-first guess the other side confirms, and says why', () => {
    const us = CASH_BOOK.map((row, i) => (i === 0 ? row : [swapDayMonth(String(row[0])), ...row.slice(1)]));
    const bank = BANK_DAY_FIRST.map((row, i) => (i === 0 ? row : [isoOf(String(row[0])), ...row.slice(1)]));
    const result = reconcile({ cells: us }, { cells: bank });
    expect(result.ledger.entries.map((e) => e.date)).toEqual(['2025-06-02', '2025-06-04', '2025-06-09', '2025-06-12']);
    expect(result.ledger.decisions.find((d) => d.code === 'date-order-from-other-side')?.params).toEqual(expect.objectContaining({ order: 'MDY', meets: 4 }));
  });

  it('keeps the guess and its warning when both sides fit both orders alike (no evidence either way)', () => {
    // the bank's lines on the very days of the book's: either order meets them all
    const bank = BANK_DAY_FIRST.map((row, i) => (i === 0 ? row : [CASH_BOOK[i][0], ...row.slice(1)]));
    const result = reconcile({ cells: CASH_BOOK }, { cells: bank });
    expect(result.ledger.decisions.map((d) => d.code)).toContain('date-order-guessed');
    expect(result.bank.decisions.map((d) => d.code)).toContain('date-order-guessed');
  });

  it('asks when the two sides meet only read in opposite orders: which one writes the day first, nothing tells', () => {
    // the bank writes month-first (06/02/2025) on the same days: each side fits both orders, and the
    // lines meet only when the two are read the other way round from each other
    const bank = BANK_DAY_FIRST.map((row, i) => (i === 0 ? row : [swapDayMonth(String(CASH_BOOK[i][0])), ...row.slice(1)]));
    const result = reconcile({ cells: CASH_BOOK }, { cells: bank });
    expect(result.ledger.dateOrder).toEqual({ order: 'DMY', example: '02/06/2025', doubtful: true });
    expect(result.bank.dateOrder).toEqual({ order: 'MDY', example: '06/02/2025', doubtful: true });
    // one way is taken so the lines meet (before, both kept the month-first guess and nothing met)
    expect(result.matches).toHaveLength(4);
    const decision = result.ledger.decisions.find((d) => d.code === 'date-order-doubtful')!;
    expect(decision.params).toEqual(expect.objectContaining({ meets: 4, otherMeets: 0 }));
    expect(formatReadText(decision, 'zh-CN')).toContain('看不出哪一边是日/月');
    // once the user says which, nothing is doubtful and the other side follows from the data
    const told = reconcile({ cells: CASH_BOOK }, { cells: bank }, { bank: { dateOrder: 'DMY' } });
    expect(told.bank.dateOrder).toBeUndefined();
    expect(told.ledger.dateOrder).toEqual({ order: 'MDY', example: '02/06/2025', doubtful: false });
    expect(told.ledger.entries.map((e) => e.date)).toEqual(['2025-02-06', '2025-04-06', '2025-09-06', '2025-12-06']);
    expect(told.matches).toHaveLength(4);
    expect(told.bank.decisions.map((d) => d.code)).toContain('date-order-chosen');
  });

  it('reports a guessed order as such, and none where a date fits one order only', () => {
    const bank = BANK_DAY_FIRST.map((row, i) => (i === 0 ? row : [CASH_BOOK[i][0], ...row.slice(1)]));
    expect(reconcile({ cells: CASH_BOOK }, { cells: bank }).ledger.dateOrder).toEqual({ order: 'MDY', example: '02/06/2025', doubtful: false });
    expect(reconcile({ cells: CASH_BOOK }, { cells: BANK_DAY_FIRST }).bank.dateOrder).toBeUndefined();
  });
});

function swapDayMonth(text: string): string {
  const [d, m, y] = text.split('/');
  return `${m}/${d}/${y}`;
}
function isoOf(text: string): string {
  const [d, m, y] = text.split('/');
  return `${y}-${m}-${d}`;
}
