/**
 * What a side's money is, by its kind: one definition for the reader and the reports. A receivables
 * or payables ledger holds what a company is owed or owes (its balance is not the bank's; on the bank
 * side it is the counterparty's own books, 往来对账); the other kinds are one account's cash.
 */
import type { SideKind } from './types';

const OWED: ReadonlySet<SideKind> = new Set<SideKind>(['receivables-ledger', 'payables-ledger']);

/** A receivables or payables ledger: money owed, not cash. */
export function isOwedLedger(kind: SideKind): boolean {
  return OWED.has(kind);
}
