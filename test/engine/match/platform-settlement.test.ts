/**
 * Payment-platform settlements: a day's 微信支付/支付宝 takings reach the bank a day or so later as one
 * credit from the platform's company, less a fixed-rate fee. The rate that fits day after day is the
 * evidence; one day alone is only a suggestion.
 */
import { runRows, type EntryFields } from './entries';

const takings = (row: number, date: string, amount: string, counterparty = '微信支付'): EntryFields => ({ row, date, amount, counterparty, description: '微信收款（当日营业额）' });
const settlement = (row: number, date: string, amount: string, counterparty = '财付通支付科技有限公司'): EntryFields => ({ row, date, amount, counterparty, description: '财付通-微信支付结算' });

describe('platform settlement pass', () => {
  // 0.6 %: 8,420.00 − 50.52; 6,315.50 − 37.89; 12,880.00 − 77.28
  const ledger = [takings(3, '2025-03-03', '8420.00'), takings(4, '2025-03-04', '6315.50'), takings(5, '2025-03-05', '12880.00')];
  const bank = [settlement(2, '2025-03-04', '8369.48'), settlement(3, '2025-03-05', '6277.61'), settlement(4, '2025-03-06', '12802.72')];

  it('pairs each day with the next day’s settlement at the rate all of them share, the fee kept as the difference', () => {
    const result = runRows(ledger, bank);
    expect(result.matches.map((m) => [m.ledger, m.bank, m.status, m.difference])).toEqual([
      [[3], [2], 'auto', '-50.52'],
      [[4], [3], 'auto', '-37.89'],
      [[5], [4], 'auto', '-77.28'],
    ]);
    expect(result.raw.matches[0].reasons[0]).toEqual({ code: 'platform-fee', params: { platform: '微信支付', platformTw: '微信支付', platformEn: 'WeChat Pay', rate: '0.60', amount: '50.52' } });
    expect(result.matches[0].codes).toEqual(['platform-fee', 'date-gap', 'platform-rate-days']);
  });

  it('takes a day booked order by order as one settlement, each order’s fee rounded', () => {
    // 268.00, 1,120.00, 86.50, 2,430.00: fees 1.61 + 6.72 + 0.52 + 14.58 = 23.43
    const orders = ['268.00', '1120.00', '86.50', '2430.00'].map((a, i) => takings(10 + i, '2025-03-03', a));
    const result = runRows([...orders, ...ledger.slice(1)], [settlement(2, '2025-03-04', '3881.07'), ...bank.slice(1)]);
    const day = result.matches.find((m) => m.bank.includes(2));
    expect(day).toEqual(expect.objectContaining({ ledger: [10, 11, 12, 13], bank: [2], status: 'auto', rule: 'many-to-one', difference: '-23.43' }));
    expect(day?.codes).toContain('platform-day-total');
  });

  it('only suggests a rate seen on fewer than three days', () => {
    expect(runRows(ledger.slice(0, 2), bank.slice(0, 2)).matches.map((m) => m.status)).toEqual(['suggested', 'suggested']);
  });

  it('leaves a credit that fits no shared rate, one before the takings, and one from another platform', () => {
    const odd = runRows(ledger, [bank[0], bank[1], settlement(4, '2025-03-06', '12700.00')]);
    expect(odd.matches.map((m) => m.bank)).toEqual([[2], [3]]);
    const early = runRows(ledger, [settlement(2, '2025-03-02', '8369.48'), ...bank.slice(1)]);
    expect(early.matches.map((m) => m.bank)).toEqual([[3], [4]]);
    const alipay = runRows(ledger, [settlement(2, '2025-03-04', '8369.48', '支付宝（中国）网络技术有限公司'), ...bank.slice(1)]);
    expect(alipay.matches.map((m) => m.bank)).toEqual([[3], [4]]);
  });

  it('leaves alone money that names no platform', () => {
    const plain = runRows([{ row: 3, date: '2025-03-03', amount: '8420.00', counterparty: '杭州西溪茶馆' }], [{ row: 2, date: '2025-03-04', amount: '8369.48', counterparty: '杭州西溪茶馆有限公司' }]);
    expect(plain.matches.every((m) => !m.codes.includes('platform-fee'))).toBe(true);
  });
});
