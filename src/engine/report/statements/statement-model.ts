/**
 * Per-customer statements (客户对账单) as plain data: what each statement sheet and the index sheet
 * (对账单目录) show. Built by build-statements.ts from a reconcile result and the ledger's cells;
 * laid out by src/workbook/layout/statements/. Every total is a decimal.js sum of the lines listed
 * beside it, so it equals their sum to the cent.
 */
import type Decimal from 'decimal.js';

/** The languages a statement can be written in (a customer's own, else the run's). */
export type StatementLanguage = 'zh-CN' | 'zh-TW' | 'en';

/** Inclusive ISO dates. */
export interface Period {
  from: string;
  to: string;
}

export interface StatementOptions {
  period: Period;
  /** ISO date aging is measured at (default: the period's last day). */
  statementDate: string;
  /** Our company's name, printed on every statement ('' when not given: the statement says so). */
  company: string;
  /** Payment terms in days where the ledger has no due date (default 30). */
  termsDays: number;
  /** Terms per customer name, overriding termsDays. */
  customerTerms: Record<string, number>;
  /** Statement language per customer name, overriding the guess from the name. */
  customerLanguages: Record<string, StatementLanguage>;
  /** The run's output language: statements of customers with no language of their own. */
  language: StatementLanguage;
  /** Also produce statements for customers with a zero balance and no movement in the period. */
  includeZero: boolean;
  /** Whether a bank side took part (otherwise no receipt is "not shown by the bank"). */
  bankCompared: boolean;
}

export type LineKind = 'invoice' | 'receipt' | 'credit-note' | 'opening';

/** One ledger line inside the period. */
export interface StatementLine {
  row: number;
  date: string;
  kind: LineKind;
  /** Voucher / document number (凭证号) where the ledger has one. */
  voucher: string;
  /** Invoice or order number (发票号/订单号). */
  reference: string;
  description: string;
  /** Amount invoiced (借方), 0 on receipts. */
  invoiced: Decimal;
  /** Amount received (贷方), 0 on invoices. */
  received: Decimal;
  /** Balance after this line. */
  balance: Decimal;
  /** The bank's date and match id when a match confirmed this receipt. */
  bankDate?: string;
  matchId?: string;
}

export type AgingBucket = 'current' | 'days1to30' | 'days31to60' | 'days61to90' | 'over90';
export const AGING_BUCKETS: readonly AgingBucket[] = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'];

/** How receipts were set against invoices for aging; named on the sheet. */
export type AgingMethod = 'linked-then-fifo' | 'fifo';

export interface OpenInvoice {
  row: number;
  date: string;
  reference: string;
  dueDate: string;
  /** Where the due date came from. */
  dueFrom: 'ledger' | 'terms';
  amount: Decimal;
  open: Decimal;
  /** Days past the due date at the statement date (0 when not yet due). */
  daysOverdue: number;
  bucket: AgingBucket;
}

export interface UnappliedReceipt {
  row: number;
  date: string;
  reference: string;
  /** The part of the receipt no open invoice took (positive). */
  amount: Decimal;
}

/** A receipt whose bank amount differs; a receipt the bank does not show; money the bank received from the customer that the ledger has not booked (row, date and reference are the bank's). */
export type DisputeKind = 'matched-with-difference' | 'not-in-bank' | 'bank-not-booked';

export interface DisputedItem {
  row: number;
  date: string;
  reference: string;
  kind: DisputeKind;
  /** The ledger's amount (received). */
  amount: Decimal;
  /** Bank minus ledger, for a match with a difference. */
  difference?: Decimal;
  matchId?: string;
}

export interface CustomerStatement {
  /** The customer's name as the ledger writes it (the full name always stands in the sheet). */
  customer: string;
  /** Tab name: valid, unique, ≤ 31 characters. */
  sheetName: string;
  language: StatementLanguage;
  currency: string;
  termsDays: number;
  email: string;
  opening: Decimal;
  /** Where the opening came from: a 期初余额 line, earlier lines of the ledger, both, or nothing. */
  openingFrom: 'line' | 'earlier-lines' | 'line-and-earlier' | 'none';
  lines: StatementLine[];
  totalInvoiced: Decimal;
  totalReceived: Decimal;
  closing: Decimal;
  aging: Record<AgingBucket, Decimal>;
  agingMethod: AgingMethod;
  /** Overdue part of the balance (every bucket but current). */
  overdue: Decimal;
  oldestOverdueDays: number;
  openInvoices: OpenInvoice[];
  unappliedReceipts: UnappliedReceipt[];
  disputed: DisputedItem[];
}

export type StatementNoteKind =
  | 'no-customer-name'
  | 'unreadable-line'
  | 'receipt-exceeds-open'
  | 'opening-missing'
  | 'customer-left-out'
  | 'currency-mixed';

/** Bad input, listed on the index sheet's notes with its row; never dropped silently. */
export interface StatementNote {
  kind: StatementNoteKind;
  /** Source rows concerned (1-based). */
  rows: number[];
  customer?: string;
  /** Values for the message: an amount, a reason from the reader. */
  params: Record<string, string>;
}

export interface StatementSet {
  options: StatementOptions;
  statements: CustomerStatement[];
  notes: StatementNote[];
  /** Sum of the statements' closing balances. */
  totalBalance: Decimal;
  totalOverdue: Decimal;
  /** The ledger's receivable for the same customers computed straight from its lines (check). */
  ledgerReceivable: Decimal;
  /** Customers with a zero balance and no movement, left out (unless includeZero). */
  leftOut: number;
}
