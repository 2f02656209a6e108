/** Pass 4: amounts a bank fee apart, between entries of one counterparty or tied by a reference. */
import Decimal from 'decimal.js';
import { runRows } from './entries';
import { swappedDigitsReason } from '../../../src/engine/match/passes/swapped-digits';

describe('amount-tolerance pass', () => {
  it('suggests a receipt the bank shortened by its fee, with the difference bank − ledger', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '10000.00', counterparty: 'ACME Trading Co., Ltd.' }],
      [{ row: 8, date: '2025-03-11', amount: '9985.00', counterparty: 'ACME TRADING LIMITED' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [3], bank: [8], status: 'suggested', rule: 'amount-tolerance', difference: '-15.00' })]);
    expect(result.raw.matches[0].reasons[0]).toEqual({ code: 'fee-difference', params: { amount: '-15.00' } });
    expect(result.raw.matches[0].difference.toString()).toBe('-15');
  });

  it('says when the two amounts have the same digits in another order (a typing slip, not a fee)', () => {
    const result = runRows(
      [{ row: 7, date: '2020-09-06', amount: '-150.85', description: '京东 打印机墨盒' }],
      [{ row: 19, date: '2020-09-06', amount: '-150.58', counterparty: '京东商城平台商户' }],
    );
    expect(result.matches[0]).toEqual(expect.objectContaining({ status: 'suggested', rule: 'amount-tolerance' }));
    expect(result.raw.matches[0].reasons).toContainEqual({ code: 'digits-swapped', params: { ledger: '150.85', bank: '150.58' } });
    // a fee is not a swap
    const fee = runRows(
      [{ row: 3, date: '2025-03-10', amount: '10000.00', counterparty: 'ACME Trading Co., Ltd.' }],
      [{ row: 8, date: '2025-03-11', amount: '9985.00', counterparty: 'ACME TRADING LIMITED' }],
    );
    expect(fee.raw.matches[0].reasons.map((r) => r.code)).not.toContain('digits-swapped');
    // the same digits moved round more than a swap (11,362.90 against 11,360.29): a fee, not a slip
    expect(swappedDigitsReason(new Decimal('11362.90'), new Decimal('11360.29'))).toBeNull();
    expect(swappedDigitsReason(new Decimal('-12'), new Decimal('-21'))).toEqual({ code: 'digits-swapped', params: { ledger: '12.00', bank: '21.00' } });
  });

  it('is auto when name and reference both agree and nothing else fits', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '4400.00', counterparty: '佳美（昆明）机械有限责任公司', description: '收佳美货款 发票17674830' }],
      [{ row: 8, date: '2025-03-12', amount: '4391.96', counterparty: '佳美（昆明）机械有限责任公司', reference: '货款17674830' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ status: 'auto', rule: 'amount-tolerance', difference: '-8.04' })]);
  });

  it('works the difference out exactly whether the amounts are whole cents or not', () => {
    const cases: [string, string, string][] = [
      ['11258999068426.23', '11258999068416.23', '-10'], // just under 2^50 cents: the cents path
      ['1000.125', '1000.125', '0'], // mils, not exact in cents: the Decimal path (an equal-amount match)
    ];
    for (const [ledger, bank, expected] of cases) {
      const result = runRows(
        [{ row: 3, date: '2025-03-10', amount: ledger, counterparty: 'ACME Trading Co., Ltd.' }],
        [{ row: 8, date: '2025-03-11', amount: bank, counterparty: 'ACME TRADING LIMITED' }],
      );
      expect(result.raw.matches.map((m) => m.difference.toString())).toEqual([expected]);
      expect(result.raw.matches[0].difference.eq(new Decimal(bank).minus(ledger))).toBe(true);
    }
  });

  it('needs a counterparty or a reference in common', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '10000.00', counterparty: 'ACME Trading Co., Ltd.' }],
      [{ row: 8, date: '2025-03-11', amount: '9985.00', counterparty: 'Globex Logistics Limited' }],
    );
    expect(result.matches).toEqual([]);
  });

  it('stays within the tolerance, and is off at zero', () => {
    const ledger = [{ row: 3, date: '2025-03-10', amount: '10000.00', counterparty: 'ACME Trading Co., Ltd.' }];
    const bank = [{ row: 8, date: '2025-03-11', amount: '9940.00', counterparty: 'ACME TRADING LIMITED' }];
    expect(runRows(ledger, bank).matches).toEqual([]); // 60.00 > 50.00
    expect(runRows(ledger, bank, { tolerance: new Decimal('60') }).matches).toHaveLength(1);
    const fee = [{ row: 8, date: '2025-03-11', amount: '9985.00', counterparty: 'ACME TRADING LIMITED' }];
    expect(runRows(ledger, fee, { tolerance: new Decimal('0') }).matches).toEqual([]);
  });
});
