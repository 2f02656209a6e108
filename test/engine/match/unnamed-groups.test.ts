/**
 * The last pass: lines tied by nothing but an exact sum within a few days (a deposit slip of two
 * customers' cheques, cash paid in together, a payroll the bank shows as net pay and tax). Suggested
 * only, and only when every free line around could be tried and one combination alone adds up.
 */
import { runRows, type EntryFields } from './entries';

const slip: EntryFields[] = [
  { row: 12, date: '2025-03-10', amount: '640.00', counterparty: 'Wilson, Thomas', description: 'Inv 2240 ck 5521' },
  { row: 13, date: '2025-03-10', amount: '385.00', counterparty: 'Garcia, Maria', description: 'Inv 2241 ck 1187' },
];
const deposit: EntryFields = { row: 17, date: '2025-03-10', amount: '1025.00', description: 'DEPOSIT  ID NUMBER 448120' };

describe('unnamed groups pass', () => {
  it('suggests the cheques one deposit slip paid in, never as automatic', () => {
    const result = runRows(slip, [deposit]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [12, 13], bank: [17], status: 'suggested', rule: 'many-to-one', difference: '0.00' })]);
    expect(result.matches[0].codes).toEqual(['group-sum', 'same-day', 'combination-unique']);
  });

  it('suggests cash receipts paid into the bank together (现金送存银行), a day later', () => {
    const result = runRows(
      [
        { row: 5, date: '2025-04-01', amount: '3000.00', counterparty: '张三', description: '收货款（现金）' },
        { row: 6, date: '2025-04-01', amount: '1850.50', counterparty: '李四', description: '收货款（现金）' },
      ],
      [{ row: 9, date: '2025-04-02', amount: '4850.50', description: '现金存入' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [5, 6], bank: [9], status: 'suggested' })]);
  });

  it('suggests a payroll the bank takes as net pay and tax', () => {
    const result = runRows(
      [{ row: 15, date: '2025-03-14', amount: '-9486.22', counterparty: 'Payroll run', description: 'Payroll 03/14/25' }],
      [
        { row: 13, date: '2025-03-14', amount: '-1345.72', description: 'WAGE PAY 250314' },
        { row: 14, date: '2025-03-14', amount: '-8140.50', description: 'TAX 250314' },
      ],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [15], bank: [13, 14], status: 'suggested', rule: 'one-to-many' })]);
  });

  it('says nothing when two combinations add up', () => {
    const result = runRows(
      [...slip, { row: 14, date: '2025-03-09', amount: '625.00', counterparty: 'Okafor, James' }, { row: 15, date: '2025-03-09', amount: '400.00', counterparty: 'Patel, Raj' }],
      [deposit],
    );
    expect(result.matches).toEqual([]);
  });

  it('says nothing when too many free lines are around to try every combination', () => {
    // cents ending .13: no few of them add up to a whole sum with the slip's cheques
    const busy: EntryFields[] = Array.from({ length: 11 }, (_, i) => ({ row: 30 + i, date: '2025-03-09', amount: `${101 + i * 7}.13` }));
    expect(runRows([...slip, ...busy], [deposit]).matches).toEqual([]);
    // with twelve lines in all, every combination is tried and the slip's is the only one
    expect(runRows([...slip, ...busy.slice(1)], [deposit]).matches).toEqual([expect.objectContaining({ ledger: [12, 13], bank: [17], status: 'suggested' })]);
  });

  it('leaves out lines more than three days away, lines of the other direction and another organisation’s lines', () => {
    expect(runRows([slip[0], { ...slip[1], date: '2025-03-06' }], [deposit]).matches).toEqual([]);
    expect(runRows([slip[0], { ...slip[1], amount: '-385.00' }], [{ ...deposit, amount: '255.00' }]).matches).toEqual([]);
    expect(
      runRows(
        [
          { row: 12, date: '2025-03-10', amount: '640.00', counterparty: 'Lakeside Dental Group LLC' },
          { row: 13, date: '2025-03-10', amount: '385.00', counterparty: 'Hyde Park Condo Assn Inc' },
        ],
        [{ ...deposit, counterparty: 'Northside Property Management LLC' }],
      ).matches,
    ).toEqual([]);
  });

  it('is switched off with combined payments and instalments', () => {
    expect(runRows(slip, [deposit], { allowCombined: false }).matches).toEqual([]);
  });
});
