/**
 * A voucher reversed in red ink and a bank's 冲正 in the month-end papers: cancelled lines are not
 * deposits in transit or payments not presented, and the journal's 对方科目 names the customer.
 */
import { reconcile } from '../../../src/engine';
import { buildReconciliation } from '../../../src/engine/report/reconciliation';
import type { CellValue } from '../../../src/engine/types';

const ledger: CellValue[][] = [
  ['日期', '凭证字号', '摘要', '对方科目', '借方金额', '贷方金额', '余额'],
  ['2025-04-01', '', '期初余额', '', '', '', '100000.00'],
  ['2025-04-02', '记-0003', '收到货款', '应收账款-杭州宏远纺织有限公司', '28600.00', '', '128600.00'],
  ['2025-04-08', '记-0015', '支付办公费', '管理费用-办公费', '', '3200.00', '125400.00'],
  ['2025-04-09', '记-0017', '冲销记-0015', '管理费用-办公费', '', '-3200.00', '128600.00'],
  ['2025-04-09', '记-0018', '支付办公费', '管理费用-办公费', '', '2312.40', '126287.60'],
];
const bank: CellValue[][] = [
  ['交易日期', '收入金额', '支出金额', '余额', '对方户名', '摘要'],
  ['2025-04-02', '28600.00', '', '128600.00', '杭州宏远纺织有限公司', '货款'],
  ['2025-04-09', '', '2312.40', '126287.60', '绍兴市越城区文具批发部', '办公用品'],
  ['2025-04-12', '', '800.00', '125487.60', '国网浙江省电力有限公司', '代扣电费'],
  ['2025-04-12', '800.00', '', '126287.60', '国网浙江省电力有限公司', '冲正 代扣电费'],
];

describe('reversals in the reconciliation', () => {
  const result = reconcile({ cells: ledger }, { cells: bank });

  it('reads the customer named in 对方科目 as the line’s text: a round receipt is matched by name', () => {
    const receipt = result.matches.find((m) => m.ledger.some((i) => result.ledger.entries[i].row === 3));
    expect(receipt).toEqual(expect.objectContaining({ status: 'auto', rule: 'amount-date' }));
    expect(receipt!.reasons.map((r) => r.code)).toContain('name-in-text');
  });

  it('leaves the reversed voucher and the bank’s 冲正 out of the outstanding items, and the statement balances', () => {
    const { statement, discrepancies } = buildReconciliation(result);
    const s = statement!;
    expect(s.bank.add.items).toEqual([]);
    expect(s.bank.subtract.items).toEqual([]);
    expect(s.book.add.items).toEqual([]);
    expect(s.book.subtract.items).toEqual([]);
    expect(s.book.adjusted!.toFixed(2)).toBe('126287.60');
    expect(s.bank.adjusted!.toFixed(2)).toBe('126287.60');
    // the bank's pair is only suggested: it waits in the suggested section, as bank lines cancelling each other
    const suggested = discrepancies.lines.filter((l) => l.section === 'suggested');
    expect(suggested).toEqual([expect.objectContaining({ side: 'bank', rows: [4, 5], amount: expect.anything(), otherSide: 'ledger', otherRows: [] })]);
    expect(suggested[0].amount.toFixed(2)).toBe('0.00');
    expect(discrepancies.sections.find((x) => x.section === 'ledger-only')!.count).toBe(0);
  });
});
