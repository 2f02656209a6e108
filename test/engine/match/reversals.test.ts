/**
 * A line and its reversal on the same side (a voucher reversed in red ink, a bank's 冲正): they cancel
 * out and need no counterpart. Before this pass the two stood in the reconciliation statement as a
 * deposit in transit and a payment not presented, and the wrong line could meet a bank line of its
 * amount.
 */
import { reversalWord } from '../../../src/engine/match/passes/reversals';
import { runRows, type EntryFields } from './entries';

const wrong: EntryFields = { row: 12, date: '2025-04-08', amount: '-3200.00', reference: '记-0015', description: '支付办公费' };
const reversal: EntryFields = { row: 14, date: '2025-04-09', amount: '3200.00', reference: '记-0017', description: '冲销记-0015' };
const right: EntryFields = { row: 15, date: '2025-04-09', amount: '-2300.00', reference: '记-0018', description: '支付办公费' };

describe('reversals pass', () => {
  it('pairs a voucher with the red-ink line that names it, automatically, with no bank line', () => {
    const result = runRows([wrong, reversal, right], [{ row: 9, date: '2025-04-09', amount: '-2300.00', counterparty: '绍兴市越城区文具批发部' }]);
    expect(result.matches).toEqual(
      expect.arrayContaining([expect.objectContaining({ ledger: [12, 14], bank: [], status: 'auto', rule: 'reversal', difference: '0.00' })]),
    );
    const pair = result.matches.find((m) => m.rule === 'reversal');
    expect(pair?.codes).toEqual(['reversal-word', 'reversal-names-original', 'reversal-cancels', 'date-gap']);
    expect(result.unmatchedLedger).toEqual([]);
  });

  it('keeps the reversed line away from a bank line of the same amount', () => {
    // The bank paid 3,200.00 to someone the books have not reached yet: the reversed voucher is not it.
    const result = runRows([wrong, reversal], [{ row: 7, date: '2025-04-08', amount: '-3200.00', description: '转账' }]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [12, 14], bank: [], rule: 'reversal', status: 'auto' })]);
    expect(result.unmatchedBank).toEqual([7]);
  });

  it('pairs an English reversal that names its journal entry', () => {
    const result = runRows(
      [
        { row: 4, date: '2025-03-03', amount: '-815.40', reference: 'JE-15', description: 'Office Depot supplies' },
        { row: 9, date: '2025-03-06', amount: '815.40', reference: 'JE-21', description: 'Reversal of JE-15 (wrong account)' },
      ],
      [],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [4, 9], bank: [], status: 'auto', rule: 'reversal' })]);
  });

  it('only suggests a reversal that does not name its original', () => {
    const result = runRows(
      [],
      [
        { row: 11, date: '2025-04-12', amount: '-800.00', counterparty: '国网浙江省电力有限公司绍兴供电公司', description: '代扣电费' },
        { row: 12, date: '2025-04-12', amount: '800.00', counterparty: '国网浙江省电力有限公司绍兴供电公司', description: '冲正 代扣电费' },
      ],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [], bank: [11, 12], status: 'suggested', rule: 'reversal' })]);
  });

  it('says nothing when two lines could be the one reversed', () => {
    const result = runRows(
      [
        { row: 3, date: '2025-04-02', amount: '-500.00', description: '支付运费' },
        { row: 4, date: '2025-04-03', amount: '-500.00', description: '支付运费' },
        { row: 6, date: '2025-04-05', amount: '500.00', description: '红字冲回运费' },
      ],
      [],
    );
    expect(result.matches).toEqual([]);
  });

  it('never pairs opposite amounts that no line calls a reversal (a refund is money)', () => {
    const result = runRows(
      [
        { row: 3, date: '2025-04-02', amount: '-1200.00', description: '支付货款' },
        { row: 5, date: '2025-04-06', amount: '1200.00', description: '退回货款' },
      ],
      [],
    );
    expect(result.matches).toEqual([]);
  });

  it('looks only back in time, and not further than a month', () => {
    const late = runRows(
      [
        { row: 3, date: '2025-02-01', amount: '-640.00', reference: '记-0003', description: '支付电费' },
        { row: 40, date: '2025-04-10', amount: '640.00', reference: '记-0040', description: '冲销记-0003' },
      ],
      [],
    );
    expect(late.matches).toEqual([]);
    const before = runRows(
      [
        { row: 3, date: '2025-04-01', amount: '640.00', reference: '记-0003', description: '冲销记-0009' },
        { row: 9, date: '2025-04-04', amount: '-640.00', reference: '记-0009', description: '支付电费' },
      ],
      [],
    );
    expect(before.matches).toEqual([]);
  });
});

describe('reversalWord', () => {
  it.each([
    ['冲销记-0015', '冲销'],
    ['沖銷傳票 0015', '沖銷'],
    ['红字冲回多记运费', '红字'],
    ['冲记-15号凭证', '冲记'],
    ['冲正 代扣电费', '冲正'],
    ['抹账', '抹账'],
    ['作废支票 #1043', '作废'],
    ['Reversal of JE-15', 'Revers'],
    ['VOID CHECK 1043', 'VOID'],
    ['RETURNED ITEM', 'RETURNED ITEM'],
  ])('%s says %s', (text, word) => {
    expect(reversalWord(text)).toBe(word);
  });

  it.each(['冲减应收账款', '冲抵货款', '支付货款', 'TRANSFER FROM SAVINGS', 'Avoidance of doubt', 'Returned goods credit'])('%s is no reversal', (text) => {
    expect(reversalWord(text)).toBeNull();
  });
});

describe('reversals pass, after the other passes', () => {
  it('offers a named reversal whose rival original was matched meanwhile', () => {
    // Two vouchers of 640.00 both numbered 0003 (two months' books pasted together); the bank paid one.
    const result = runRows(
      [
        { row: 3, date: '2025-04-01', amount: '-640.00', reference: '记-0003', description: '支付电费', counterparty: '国网合肥供电公司' },
        { row: 4, date: '2025-04-02', amount: '-640.00', reference: '记-0003', description: '支付电费' },
        { row: 9, date: '2025-04-05', amount: '640.00', reference: '记-0009', description: '冲销记-0003' },
      ],
      [{ row: 2, date: '2025-04-01', amount: '-640.00', counterparty: '国网合肥供电公司' }],
    );
    expect(result.matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ledger: [3], bank: [2], status: 'auto' }),
        expect.objectContaining({ ledger: [4, 9], bank: [], status: 'suggested', rule: 'reversal' }),
      ]),
    );
  });
});
