/** Amounts keyed with two digits swapped: suggested between lines nothing else explains, never auto. */
import { swappedVariants } from '../../../src/engine/match/passes/swapped-digits';
import { runRows } from './entries';

describe('swapped-digits pass', () => {
  it('suggests a ticket booked as 515.20 that the card paid as 515.02, saying the digits are swapped', () => {
    const result = runRows(
      [{ row: 8, date: '2025-01-06', amount: '-515.20', description: '火车票 北京-上海 12306 张伟出差' }],
      [{ row: 10, date: '2025-01-05', amount: '-515.02', counterparty: '中***网络有限公司' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [8], bank: [10], status: 'suggested', rule: 'amount-typo', difference: '0.18' })]);
    expect(result.raw.matches[0].reasons[0]).toEqual({ code: 'digits-swapped', params: { ledger: '515.20', bank: '515.02' } });
  });

  it('finds swaps of digits that are not neighbours, and in the thousands', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '1890.00', counterparty: '杭州明远商贸有限公司' }],
      [{ row: 5, date: '2025-03-12', amount: '1980.00', counterparty: '杭州明远商贸有限公司' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ status: 'suggested', rule: 'amount-typo' })]);
    const apart = runRows([{ row: 3, date: '2025-03-10', amount: '2315.40' }], [{ row: 5, date: '2025-03-10', amount: '2415.30' }]);
    expect(apart.matches).toEqual([expect.objectContaining({ rule: 'amount-typo' })]);
  });

  it('leaves alone different companies, other signs, dates outside the window, small sums and other differences', () => {
    const none = (ledger: Parameters<typeof runRows>[0], bank: Parameters<typeof runRows>[1]) => expect(runRows(ledger, bank).matches).toEqual([]);
    none([{ row: 3, date: '2025-03-10', amount: '1890.00', counterparty: '杭州明远商贸有限公司' }], [{ row: 5, date: '2025-03-10', amount: '1980.00', counterparty: '上海华兴物流有限公司' }]);
    none([{ row: 3, date: '2025-03-10', amount: '1890.00' }], [{ row: 5, date: '2025-03-10', amount: '-1980.00' }]);
    none([{ row: 3, date: '2025-03-10', amount: '1890.00' }], [{ row: 5, date: '2025-04-20', amount: '1980.00' }]);
    // more than three days apart, or the bank's own interest: chance (a 100k run offered three such)
    none([{ row: 3, date: '2026-01-15', amount: '1445.72' }], [{ row: 5, date: '2026-01-19', amount: '1544.72' }]);
    none(
      [{ row: 3, date: '2026-01-20', amount: '1445.72', counterparty: 'Orchardoak Services Limited' }],
      [{ row: 5, date: '2026-01-21', amount: '1544.72', description: 'CREDIT INTEREST' }],
    );
    none([{ row: 3, date: '2025-03-10', amount: '1.23' }], [{ row: 5, date: '2025-03-10', amount: '1.32' }]);
    // three digits moved, or one digit wrong: not a swap
    none([{ row: 3, date: '2025-03-10', amount: '11362.90' }], [{ row: 5, date: '2025-03-10', amount: '11360.29' }]);
    none([{ row: 3, date: '2025-03-10', amount: '515.20' }], [{ row: 5, date: '2025-03-10', amount: '515.30' }]);
  });

  it('prefers an exact amount: a line that has its equal is never offered as a slip', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '515.20' }],
      [
        { row: 5, date: '2025-03-10', amount: '515.02' },
        { row: 6, date: '2025-03-11', amount: '515.20' },
      ],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [3], bank: [6], status: 'auto', rule: 'amount-date' })]);
  });

  it('says when two lines could be the slip', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '515.20' }],
      [
        { row: 5, date: '2025-03-10', amount: '515.02' },
        { row: 6, date: '2025-03-11', amount: '155.20' },
      ],
    );
    expect(result.matches).toHaveLength(1);
    expect(result.raw.matches[0].reasons.map((r) => r.code)).toContain('ambiguous');
  });

  it('makes every two-digit swap and no amount with a leading zero', () => {
    expect(swappedVariants(51520).sort((a, b) => a - b)).toEqual([15520, 21550, 50521, 51025, 51250, 51502, 52510, 55120]);
    expect(swappedVariants(1002).sort((a, b) => a - b)).toEqual([1020, 1200, 2001]);
    expect(swappedVariants(123)).toEqual([]);
  });
});
