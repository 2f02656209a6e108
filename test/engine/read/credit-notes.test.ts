/**
 * A credit note booked where a receivables ledger books its receipts is a document against the
 * customer's invoices (a negative invoice), not money: read as a receipt it was left unmatched against
 * the bank and shown on the customer's statement as a receipt "not shown by the bank".
 */
import { reconcile } from '../../../src/engine';
import { readSideDetailed } from '../../../src/engine/read/read-side';
import { resign } from '../../../src/engine/read/read-rows';
import { readingByKey } from '../../../src/engine/read/readings';
import type { CellValue, Entry } from '../../../src/engine/types';

const AR_LEDGER: CellValue[][] = [
  ['Date', 'Customer', 'Type', 'Ref', 'Details', 'Debit', 'Credit', 'Balance'],
  ['06/03/2025', 'Kestrel Offices Ltd', 'Invoice', 'INV-3302', 'Office blinds', '1,980.00', '', '1,980.00'],
  ['14/03/2025', 'Kestrel Offices Ltd', 'Credit Note', 'CN-041', 'Damaged blind', '', '180.00', '1,800.00'],
  ['17/03/2025', 'Kestrel Offices Ltd', 'Payment', 'PAY-120', 'INV-3302 less CN-041', '', '1,800.00', '0.00'],
];
const BANK: CellValue[][] = [
  ['Date', 'Counter Party', 'Reference', 'Amount (GBP)'],
  ['17/03/2025', 'KESTREL OFFICES', 'INV-3302', '1800.00'],
];
const noteOf = (entries: readonly Entry[]) => entries.filter((e) => e.row === 3).map((e) => [e.document, e.amount.toFixed(2)]);

describe('credit notes', () => {
  it('are negative invoices in a receivables ledger, set aside from the bank with the invoices', () => {
    const result = reconcile({ cells: AR_LEDGER }, { cells: BANK }, { ledger: { kind: 'receivables-ledger' } });
    expect(noteOf(result.ledger.entries)).toEqual([['invoice', '-180.00']]);
    expect(result.ledgerDocuments.map((i) => result.ledger.entries[i].row)).toEqual([2, 3]);
    expect(result.unmatched.ledger).toEqual([]);
  });

  it('are words in the description too (红字发票, 贷项通知单), in a ledger with no type column', () => {
    const zh: CellValue[][] = [
      ['日期', '客户', '摘要', '借方', '贷方', '余额'],
      ['2025-03-06', '杭州明达', '销售商品 发票25311201', '1,980.00', '', '1,980.00'],
      ['2025-03-14', '杭州明达', '红字发票 退回损坏件', '', '180.00', '1,800.00'],
      ['2025-03-17', '杭州明达', '收到货款', '', '1,800.00', '0.00'],
    ];
    const result = reconcile({ cells: zh }, { cells: BANK }, { ledger: { kind: 'receivables-ledger' } });
    expect(noteOf(result.ledger.entries)).toEqual([['invoice', '-180.00']]);
  });

  it('stay money in a cash journal, and become documents when a reading is changed to a receivables ledger', () => {
    const side = readSideDetailed({ cells: AR_LEDGER }, { side: 'ledger', kind: 'cash-journal' });
    expect(noteOf(side.rows.entries)[0][0]).not.toBe('invoice');
    expect([...side.rows.creditNotes]).toEqual([1]);
    resign(side.rows.entries, side.rows.buckets, side.rows.values, readingByKey('receivables-ledger'), side.rows.creditNotes);
    expect(noteOf(side.rows.entries)).toEqual([['invoice', '-180.00']]);
    resign(side.rows.entries, side.rows.buckets, side.rows.values, readingByKey('cash-journal'), side.rows.creditNotes);
    expect(noteOf(side.rows.entries)[0][0]).not.toBe('invoice');
  });
});
