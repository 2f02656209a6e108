/** Pass 5: references a typo apart, amount equal or within tolerance: suggested, never auto. */
import Decimal from 'decimal.js';
import { runRows } from './entries';

describe('reference-typo pass', () => {
  it('suggests a receipt whose memo has the invoice number mistyped', () => {
    // A person pays (no name evidence) and the bank took a fee: only the near-miss reference ties them.
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '5320.00', counterparty: '广州天成电子有限公司', reference: 'INV-2025-0042' }],
      [{ row: 8, date: '2025-03-11', amount: '5305.00', counterparty: '陈静', reference: 'INV-2025-0024' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [3], bank: [8], status: 'suggested', rule: 'reference-typo', difference: '-15.00' })]);
    expect(result.raw.matches[0].reasons[0]).toEqual({ code: 'reference-typo', params: { ledger: 'INV20250042', bank: 'INV20250024', edits: 1 } });
  });

  it('allows one edit in a bare number and two in a long reference with letters', () => {
    const ledger = [{ row: 3, date: '2025-03-10', amount: '880.00', reference: '15660591' }];
    const oneEdit = [{ row: 8, date: '2025-03-11', amount: '865.00', counterparty: '陈静', reference: '15660519' }];
    const twoEdits = [{ row: 8, date: '2025-03-11', amount: '865.00', counterparty: '陈静', reference: '15660915' }];
    expect(runRows(ledger, oneEdit, { tolerance: new Decimal(20) }).matches).toHaveLength(1);
    expect(runRows(ledger, twoEdits, { tolerance: new Decimal(20) }).matches).toEqual([]);
    const longLedger = [{ row: 3, date: '2025-03-10', amount: '880.00', reference: 'PO-2025-778812' }];
    const longBank = [{ row: 8, date: '2025-03-11', amount: '865.00', counterparty: '陈静', reference: 'PO-2025-787821' }];
    expect(runRows(longLedger, longBank, { tolerance: new Decimal(20) }).matches).toEqual([
      expect.objectContaining({ rule: 'reference-typo', status: 'suggested' }),
    ]);
  });

  it('does not pair two different companies on a near-miss reference', () => {
    const result = runRows(
      [{ row: 3, date: '2025-03-10', amount: '5320.00', counterparty: '广州天成电子有限公司', reference: 'INV-2025-0042' }],
      [{ row: 8, date: '2025-03-11', amount: '5305.00', counterparty: '上海明达科技有限公司', reference: 'INV-2025-0024' }],
    );
    expect(result.matches).toEqual([]);
  });
});
