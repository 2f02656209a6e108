/**
 * A platform's export that states each line's fee (PayPal's Gross/Fee/Net, a 微信支付 bill's 手续费)
 * against a book that records the gross: the pair is equal amounts once the stated fee is counted.
 */
import { reconcile } from '../../../src/engine';
import type { CellValue } from '../../../src/engine/types';

const SHOP_BOOK: CellValue[][] = [
  ['Date', 'Details', 'Received', 'Paid'],
  ['02/06/2025', 'Emma Thompson - tote bags', '64.80', ''],
  ['04/06/2025', 'Harper & Finch wholesale', '1,480.00', ''],
  ['09/06/2025', 'Sale - counter', '300.00', ''],
  ['12/06/2025', 'Refund Liam Walker', '', '19.99'],
];
const PAYPAL: CellValue[][] = [
  ['Date', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'Balance'],
  ['02/06/2025', 'Emma Thompson', 'Express Checkout Payment', 'Completed', 'GBP', '64.80', '-2.18', '62.62', '475.00'],
  ['04/06/2025', 'Harper & Finch Ltd', 'Website Payment', 'Completed', 'GBP', '1,480.00', '-60.22', '1,419.78', '1,894.78'],
  ['09/06/2025', 'Oliver Hughes', 'Express Checkout Payment', 'Completed', 'GBP', '300.00', '-9.00', '291.00', '2,185.78'],
  ['12/06/2025', 'Liam Walker', 'Payment Refund', 'Completed', 'GBP', '-19.99', '0.71', '-19.28', '2,166.50'],
  ['30/06/2025', 'Noah Wilson', 'Express Checkout Payment', 'Pending', 'GBP', '35.00', '-1.32', '33.68', '2,166.50'],
];

describe('a fee stated on the line', () => {
  const result = reconcile({ cells: SHOP_BOOK }, { cells: PAYPAL });
  const byLedgerRow = (row: number) => result.matches.find((m) => m.ledger.some((i) => result.ledger.entries[i].row === row));

  it('decides the book as a cash journal by the gross amounts it meets (nothing is met at the net)', () => {
    expect(result.ledger.kind).toBe('cash-journal');
    expect(result.ledger.reading?.doubtful).toBeFalsy();
  });

  it('pairs the gross with the net line whose fee makes up the difference, auto when a name backs it', () => {
    for (const row of [2, 5]) {
      const m = byLedgerRow(row);
      expect(m).toEqual(expect.objectContaining({ status: 'auto', rule: 'amount-tolerance' }));
      expect(m!.reasons[0].code).toBe('fee-stated');
    }
    // the refund: 19.99 refunded, 19.28 out of the account (PayPal gave 0.71 of its fee back)
    expect(byLedgerRow(5)!.reasons[0].params).toEqual({ fee: '0.71' });
  });

  it('even where the fee is beyond the tolerance (60.22 on 1,480.00)', () => {
    expect(byLedgerRow(3)).toEqual(expect.objectContaining({ status: 'auto' }));
  });

  it('a round sum with no name stays a suggestion and says why', () => {
    const m = byLedgerRow(4)!;
    expect(m.status).toBe('suggested');
    expect(m.reasons.map((r) => r.code)).toContain('round-sum-no-name');
  });

  it('leaves a pending line out of the reconciliation, naming its status cell', () => {
    expect(result.bank.entries.map((e) => e.row)).not.toContain(6);
    const skipped = result.bank.skipped.find((s) => s.row === 6)!;
    expect(skipped.kind).toBe('excluded');
    expect(skipped.why?.params).toEqual(expect.objectContaining({ found: 'Pending' }));
  });
});

describe('a 微信支付 merchant bill with 手续费 against a journal of gross receipts', () => {
  const journal: CellValue[][] = [
    ['日期', '摘要', '收入', '支出'],
    ['2025-07-01', '收杭州禾木文化传播有限公司课程费', '3680.00', ''],
    ['2025-07-03', '收钱江画室学费', '12800.00', ''],
  ];
  const bill: CellValue[][] = [
    ['交易时间', '交易对方', '收/支', '订单金额', '手续费', '结算金额', '交易状态'],
    ['2025-07-01 10:22:18', '杭州禾木文化传播有限公司', '收入', '3680.00', '22.08', '3657.92', '支付成功'],
    ['2025-07-03 15:40:02', '钱江画室', '收入', '12800.00', '76.80', '12723.20', '支付成功'],
  ];
  it('whichever column the bill\'s amount is read from, the journal meets it', () => {
    const result = reconcile({ cells: journal }, { cells: bill }, { ledger: { kind: 'cash-journal' } });
    expect(result.matches.map((m) => m.status)).toEqual(['auto', 'auto']);
  });
});
