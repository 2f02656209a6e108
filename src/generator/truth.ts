/**
 * The known answer for a generated pair, in source row numbers (1-based, as the reader reports them).
 * Every data row of each side is in exactly one bucket: a group, a one-sided item, or (receivables
 * ledger) a document; every other row is a line (title, blank, header, total, note).
 */
import type Decimal from 'decimal.js';
import type { SkipKind } from '../engine/types';
import type { BankStyle, Layout } from './layouts';
import type { NameVariant } from './names';
import type { GroupKind, OneSidedKind } from './scenarios';

/** 往来对账 (counterparty-pair.ts): our invoice and their bill; our receipt and their payment. */
export type CounterpartyGroupKind = 'invoice-bill' | 'receipt-payment';
export const COUNTERPARTY_GROUP_KINDS: readonly CounterpartyGroupKind[] = ['invoice-bill', 'receipt-payment'];
/** 往来对账, one side only: an invoice they have not booked yet, a payment we have not received yet. */
export type CounterpartyOneSidedKind = 'invoice-in-transit' | 'payment-in-transit';
export const COUNTERPARTY_ONE_SIDED_KINDS: readonly CounterpartyOneSidedKind[] = ['invoice-in-transit', 'payment-in-transit'];

export interface TruthGroup {
  kind: GroupKind | CounterpartyGroupKind;
  /** Ascending source rows. */
  ledgerRows: number[];
  bankRows: number[];
  /** Bank total minus ledger total (negative for a deducted fee), as `Match.difference`. */
  difference: Decimal;
  /** How the bank wrote the name, when it differs from the ledger's. */
  nameVariant?: NameVariant;
}

export interface TruthItem {
  kind: OneSidedKind | CounterpartyOneSidedKind | 'invoice';
  row: number;
  /** Signed cash effect as `Entry.amount` (an invoice: the money it should bring in, positive). */
  amount: Decimal;
}

/** What a non-transaction line is. */
export type LineWhat = 'title' | 'bank-name' | 'account' | 'holder' | 'period' | 'blank' | 'header' | 'opening-balance' | 'closing-total' | 'note';

export interface TruthLine {
  row: number;
  kind: SkipKind;
  what: LineWhat;
}

/**
 * Figures for the bank balance reconciliation statement (银行存款余额调节表):
 *   ledgerClosing + bankOnlyIn − bankOnlyOut + matchedDifference = adjusted = bankClosing + ledgerOnlyIn − ledgerOnlyOut
 * (both openings agree: last period was reconciled). matchedDifference is the sum of group differences
 * (fees the bank deducted, which the ledger has not booked).
 */
export interface BalanceTruth {
  ledgerOpening: Decimal;
  ledgerClosing: Decimal;
  bankOpening: Decimal;
  bankClosing: Decimal;
  ledgerOnlyIn: Decimal;
  ledgerOnlyOut: Decimal;
  bankOnlyIn: Decimal;
  bankOnlyOut: Decimal;
  matchedDifference: Decimal;
  /** Both sides of the statement; null for a receivables ledger, whose balance is owed money, not cash. */
  adjustedLedger: Decimal | null;
  adjustedBank: Decimal | null;
}

export interface Truth {
  layout: Layout;
  /** What the ledger is (decides what 借方/贷方 mean); a reader should detect it, a user can state it. */
  ledgerKind: 'cash-journal' | 'receivables-ledger';
  bankStyle: BankStyle;
  /** Drawn layouts (PairSpec.wide): what the ledger and the bank export look like, for reports. */
  ledgerLabel?: string;
  bankLabel?: string;
  /** The bank side is the counterparty's own payables ledger (往来对账): read it as such, signs reversed. */
  counterpartyLedger?: boolean;
  /** ISO dates of the first and last day of the period. */
  period: { from: string; to: string };
  groups: TruthGroup[];
  ledgerOnly: TruthItem[];
  bankOnly: TruthItem[];
  /** Ascending. */
  ledgerOnlyRows: number[];
  bankOnlyRows: number[];
  /** Receivables ledger: invoices, which the ledger's own receipts settle (the engine's `ledgerDocuments`). */
  ledgerDocuments: TruthItem[];
  ledgerDocumentRows: number[];
  ledgerLines: TruthLine[];
  bankLines: TruthLine[];
  balances: BalanceTruth;
}
