/**
 * 往来对账's balance reconciliation: our 应收/应付账款明细账 against the other company's own ledger.
 * Our balance plus what they booked and we did not equals their balance plus what we booked and they
 * did not, every line counted by what it does to what is owed.
 */
import { reconcile } from '../../../src/engine';
import { buildReconciliation } from '../../../src/engine/report/reconciliation';
import { dayFromCivil } from '../../../src/generator/days';
import type { CellValue } from '../../../src/engine/types';
import { generateCounterpartyPair } from '../../../src/generator/counterparty-pair';
import { OUR_PAYABLES, SUPPLIER_STATEMENT } from '../../fixtures/supplier-ledgers';

describe('往来余额调节表 on generated pairs (our receivables against the customer\'s payables)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %d: balances from both files, adjusted balances equal, no balance column breaks', (seed) => {
    const pair = generateCounterpartyPair({ seed, rows: 80, start: dayFromCivil(2025, 3, 1), days: 92 });
    const result = reconcile(pair.ledger, pair.bank);
    const reconciliation = buildReconciliation(result);
    const s = reconciliation.statement!;
    expect(s.kind).toBe('counterparty');
    expect(s.book.balance.amount!.toFixed(2)).toBe(pair.truth.balances!.ledgerClosing.toFixed(2));
    expect(s.bank.balance.amount!.toFixed(2)).toBe(pair.truth.balances!.bankClosing.toFixed(2));
    expect(reconciliation.breaks).toEqual([]);
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
    expect(s.book.add.key).toBe('theirIncrease');
  });
});

describe('our 应付账款明细账 against the supplier\'s 客户对账单', () => {
  const ours: CellValue[][] = [
    ['应付账款明细账', '', '', '', '', '', ''],
    ...OUR_PAYABLES,
    ['2025-04-18', '记-0030', '退回不合格纸箱 RK2504012', '', '-1200.00', '贷', '11,250.00'],
    ['2025-04-28', '记-0044', '支付货款', '5,000.00', '', '贷', '6,250.00'],
  ];
  const theirs: CellValue[][] = [
    ['上海恒泰包装材料有限公司 客户对账单', '', '', '', '', ''],
    ...SUPPLIER_STATEMENT,
    ['2025-04-17', 'TH2504002', '销售退货 纸箱', '-1,200.00', '', '11,250.00'],
    ['2025-04-25', 'XS2504040', '销售出库 珍珠棉', '2,150.00', '', '13,400.00'],
  ];
  it('reads the supplier\'s 本期应收/本期已收, and explains 13,400 against 6,250 by their invoice and our payment', () => {
    const result = reconcile({ cells: ours }, { cells: theirs });
    expect(result.ledger.kind).toBe('payables-ledger');
    expect(result.bank.reading?.chosen.key).toBe('counterparty-receivables-ledger');
    const s = buildReconciliation(result).statement!;
    expect(s.book.balance.amount!.toFixed(2)).toBe('6250.00');
    expect(s.bank.balance.amount!.toFixed(2)).toBe('13400.00');
    // their invoice for 珍珠棉 raises what we owe; our payment of 5,000 lowers it, not yet in their books
    expect(s.book.add.items.map((i) => [i.rows, i.amount.toFixed(2)])).toEqual([[[7], '2150.00']]);
    expect(s.bank.subtract.items.map((i) => [i.rows, i.amount.toFixed(2)])).toEqual([[[7], '5000.00']]);
    expect(s.book.adjusted!.toFixed(2)).toBe('8400.00');
    expect(s.bank.adjusted!.toFixed(2)).toBe('8400.00');
    expect(s.unexplained!.toFixed(2)).toBe('0.00');
  });
});
