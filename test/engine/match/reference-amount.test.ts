/** Pass 1: same reference (or the reference written in the other side's memo) and same amount. */
import { matchOfLedgerRow, runRows } from './entries';

describe('reference-amount pass', () => {
  it('matches an invoice number quoted in the bank memo, across a truncated traditional name', () => {
    const result = runRows(
      [
        { row: 5, date: '2025-03-03', amount: '12000.00', counterparty: '北京华兴贸易有限责任公司', reference: 'INV-2025-0042', description: '收到货款' },
        { row: 6, date: '2025-03-04', amount: '-3500.00', counterparty: '上海明达科技有限公司', reference: 'CG100881', description: '付材料款' },
      ],
      [
        { row: 8, date: '2025-03-05', amount: '12000.00', counterparty: '北京華興貿易有', description: '货款 INV-2025-0042' },
        { row: 9, date: '2025-03-04', amount: '-3500.00', counterparty: '上海明达科技有限公司', reference: 'CG100881' },
      ],
    );
    expect(result.matches).toEqual([
      expect.objectContaining({ ledger: [5], bank: [8], status: 'auto', rule: 'reference-amount', difference: '0.00' }),
      expect.objectContaining({ ledger: [6], bank: [9], status: 'auto', rule: 'reference-amount', difference: '0.00' }),
    ]);
    const first = result.raw.matches[0];
    expect(first.reasons).toEqual([
      { code: 'reference-in-text', params: { reference: 'INV-2025-0042' } },
      { code: 'same-amount', params: {} },
      { code: 'names-agree', params: {} },
      { code: 'date-gap', params: { days: 2 } },
    ]);
    expect(result.matches[1].codes).toContain('same-reference');
  });

  it('matches an invoice paid weeks later when the memo quotes it (payment terms)', () => {
    const result = runRows(
      [{ row: 2, date: '2025-02-01', amount: '8650.40', counterparty: 'Oakfield Engineering Ltd', reference: 'INV-204311', document: 'invoice' }],
      [{ row: 7, date: '2025-03-10', amount: '8650.40', counterparty: 'OAKFIELD ENGINEERING', reference: 'INV-204311' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [2], bank: [7], status: 'auto', rule: 'reference-amount' })]);
  });

  it('pairs a monthly rent that reuses its contract number month by month', () => {
    const ledger = ['2025-01-01', '2025-02-01', '2025-03-01'].map((date, i) => ({
      row: 10 + i, date, amount: '-8000.00', counterparty: '深圳远洋物业管理有限公司', reference: 'HT-2024-017', description: '支付房租',
    }));
    const bank = ['2025-01-02', '2025-02-03', '2025-03-02'].map((date, i) => ({
      row: 20 + i, date, amount: '-8000.00', counterparty: '深圳远洋物业管理有限公司', reference: 'HT-2024-017',
    }));
    const result = runRows(ledger, bank);
    expect(result.matches.map((m) => [m.ledger, m.bank, m.status])).toEqual([
      [[10], [20], 'auto'],
      [[11], [21], 'auto'],
      [[12], [22], 'auto'],
    ]);
  });

  it('does not toss a coin when the ledger booked the same receipt twice', () => {
    const result = runRows(
      [
        { row: 3, date: '2025-03-10', amount: '4200.00', counterparty: 'Globex Logistics Limited', reference: 'INV-88120' },
        { row: 4, date: '2025-03-10', amount: '4200.00', counterparty: 'Globex Logistics Limited', reference: 'INV-88120' },
      ],
      [{ row: 6, date: '2025-03-11', amount: '4200.00', counterparty: 'GLOBEX LOGISTICS LTD', reference: 'INV-88120' }],
    );
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ status: 'suggested', rule: 'reference-amount', bank: [6] });
    expect(result.matches[0].codes).toContain('ambiguous');
    expect(result.unmatchedLedger).toHaveLength(1);
  });

  it('leaves a reference with a different amount to later passes', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '4200.00', counterparty: 'Globex Logistics Limited', reference: 'INV-88120' }],
      [{ row: 6, date: '2025-03-11', amount: '4185.00', counterparty: 'GLOBEX LOGISTICS LTD', reference: 'INV-88120' }],
    );
    expect(matchOfLedgerRow(result, 3)?.rule).toBe('amount-tolerance');
  });
});
