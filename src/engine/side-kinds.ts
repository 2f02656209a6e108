/**
 * What a side's money is, by its kind: one definition for the reader and the reports. A receivables
 * or payables ledger holds what a company is owed or owes (its balance is not the bank's; on the bank
 * side it is the counterparty's own books, 往来对账); the other kinds are one account's cash.
 */
import type Decimal from 'decimal.js';
import { isInvoiceOrBill, type Entry, type SideKind } from './types';

const OWED: ReadonlySet<SideKind> = new Set<SideKind>(['receivables-ledger', 'payables-ledger']);

/** A receivables or payables ledger: money owed, not cash. */
export function isOwedLedger(kind: SideKind): boolean {
  return OWED.has(kind);
}

/**
 * What `amount` on a line of a 往来 pair does to what is owed: an invoice or bill raises it, a receipt
 * or payment lowers it (a credit note, written negative, lowers it). `receivable`: our ledger is the
 * 应收 side (amounts of invoices and receipts positive), else the 应付 side (both negative). The other
 * company's own ledger is read in our terms, so the same rule holds for its lines.
 */
export function owedEffect(entry: Entry, amount: Decimal, receivable: boolean): Decimal {
  return isInvoiceOrBill(entry.document) === receivable ? amount : amount.negated();
}

/**
 * How a balance column moves with its lines, given our ledger's kind: by each line's amount in a cash
 * book; by owedEffect in 往来 ledgers (a receipt lowers a receivable balance).
 */
export function balanceMovement(ourKind: SideKind): (entry: Entry) => Decimal {
  if (!isOwedLedger(ourKind)) return (entry) => entry.amount;
  const receivable = ourKind === 'receivables-ledger';
  return (entry) => owedEffect(entry, entry.amount, receivable);
}
