/**
 * A wallet book against a WeChat Pay bill: the bill marks 零钱提现 and 转入零钱通 neither in nor out
 * (收/支 `/`). The book's lines for them are pointed at those bill lines on the Discrepancies sheet,
 * never matched, and the bill's own lines stay set aside.
 */
import { reconcile } from '../../../src/engine';
import { buildReconciliation } from '../../../src/engine/report/reconciliation';
import type { CellValue } from '../../../src/engine/types';
import { reportTextOf } from '../../../src/i18n/report-sheets';

const bill: CellValue[][] = [
  ['微信支付账单明细'],
  ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态', '交易单号', '商户单号', '备注'],
  ['2021-07-15 10:02:11', '零钱提现', '招商银行(1234)', '/', '/', '¥100.10', '零钱', '提现已到账', '1001', '/', '服务费¥0.10'],
  ['2021-07-14 09:00:00', '零钱提现', '招商银行(1234)', '/', '/', '¥10.10', '零钱', '提现已到账', '1002', '/', '服务费¥0.01'],
  ['2021-07-12 12:30:00', '商户消费', '某餐厅', '午餐', '支出', '¥32.00', '零钱', '支付成功', '1003', '88', '/'],
  ['2021-07-11 18:20:00', '零钱提现', '招商银行(1234)', '/', '/', '¥1001.10', '零钱', '提现已到账', '1004', '/', '服务费¥1.00'],
  ['2021-07-10 08:00:00', '转账', '房东', '/', '支出', '¥1500.00', '零钱', '对方已收钱', '1005', '/', '/'],
];
const book: CellValue[][] = [
  ['日期', '摘要', '收入', '支出', '结余'],
  ['2021-07-01', '上月结转', '', '', '3000.00'],
  ['2021-07-10', '转给房东 房租', '', '1500.00', '1500.00'],
  ['2021-07-11', '提现到卡', '', '1001.10', '498.90'],
  ['2021-07-12', '某餐厅 午饭', '', '32.00', '466.90'],
  ['2021-07-14', '提现到卡', '', '10.10', '456.80'],
  ['2021-07-16', '提现到卡', '', '100.10', '356.70'],
  ['2021-07-20', '红包', '', '88.00', '268.70'],
];

describe('wallet book against a WeChat bill: lines the bill marks `/`', () => {
  const result = reconcile({ cells: book }, { cells: bill });
  const discrepancies = buildReconciliation(result).discrepancies;

  it('matches the bill’s 收/支 lines and leaves the `/` lines set aside', () => {
    expect(result.matches.map((m) => [m.ledger.map((i) => result.ledger.entries[i].row), m.bank.map((i) => result.bank.entries[i].row)])).toEqual([
      [[3], [7]],
      [[5], [5]],
    ]);
    expect(result.bank.skipped.filter((s) => s.neutral).map((s) => s.row)).toEqual([3, 4, 6]);
  });

  it('points each book line of a `/` line’s size, within the window, at the nearest one, once', () => {
    const pointed = discrepancies.lines.filter((l) => l.reason.code === 'neutral-counterpart');
    expect(pointed.map((l) => [l.rows, l.reason.params.row, l.reason.params.date])).toEqual([
      [[4], 6, '2021-07-11'],
      [[6], 4, '2021-07-14'],
      [[7], 3, '2021-07-15'],
    ]);
    expect(reportTextOf('why', pointed[0].reason.code, 'zh-CN', pointed[0].reason.params)).toBe(
      '银行第 6 行（2021-07-11）金额相同，但账单把它记为不计收支（/）：可能就是这一笔，请核对',
    );
    // the red packet has no such line: an ordinary payment not yet presented
    expect(discrepancies.lines.find((l) => l.rows[0] === 8)?.reason.code).toBe('payment-not-presented');
  });

  it('keeps the section totals the sums of their lines', () => {
    const ledgerOnly = discrepancies.sections.find((s) => s.section === 'ledger-only')!;
    expect(ledgerOnly.count).toBe(4);
    expect(ledgerOnly.amount.toFixed(2)).toBe('-1199.30');
  });
});
