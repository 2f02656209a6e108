/**
 * Credit notes (贷项通知单, 红字发票, Credit Note) in a receivables or payables ledger. A clerk books one
 * where receipts go (贷方 / Credit) with its own word in the type or description column; read as a
 * receipt it is money that never came: left unmatched against the bank, and on the customer's
 * statement listed under "Received" and as a receipt "not shown by the bank". It is a document
 * against the customer's invoices instead: an invoice (a bill for payables) of the opposite sign.
 */
import { isInvoiceOrBill, type CellValue, type DocumentType } from '../types';
import type { Reading } from './readings';
import { cellText, normalizeLabel } from './text';

/** Words that name a credit (or debit) note, compared after normalizeLabel (no spaces, lower case). */
const CREDIT_NOTE_WORDS = [
  'credit note', 'creditnote', 'credit memo', 'cr note', 'debit note', 'debit memo',
  '贷项通知单', '貸項通知單', '借项通知单', '借項通知單', '红字发票', '紅字發票', '红冲', '紅沖', '冲红', '沖紅', '销售折让', '銷貨折讓', '折让单', '折讓單',
].map(normalizeLabel);

/** A cheap first look (every row of every side gets it): only a cell with one of these is normalised and compared. */
const MAYBE_NOTE = /note|memo|ｎｏｔｅ|ｍｅｍｏ|红|紅|冲|沖|项通知|項通知|折让|折讓/i;

/** Does one of these cells (a type column, the description) say the row is a credit or debit note? */
export function saysCreditNote(row: readonly CellValue[], columns: readonly (number | undefined)[]): boolean {
  for (const column of columns) {
    if (column === undefined) continue;
    const value = row[column];
    if (typeof value !== 'string' || value === '' || !MAYBE_NOTE.test(value)) continue;
    const text = normalizeLabel(cellText(value));
    if (CREDIT_NOTE_WORDS.some((word) => text.includes(word))) return true;
  }
  return false;
}

/**
 * The document a credit note becomes under a reading, when the reading read it as money (a receipt or
 * payment of a receivables or payables ledger); null when nothing changes (any other book, or a note
 * already written as a negative invoice). The amount is then the money effect negated.
 */
export function creditNoteDocument(reading: Reading, document: DocumentType): DocumentType | null {
  if (isInvoiceOrBill(document)) return null;
  return reading.kind === 'receivables-ledger' ? 'invoice' : reading.kind === 'payables-ledger' ? 'bill' : null;
}
