/**
 * The report: a reconcile result restated as plain data that every output reads from
 * (the Matches sheet, status columns, the command line's JSON and summary).
 * Rows are the SOURCE's own 1-based row numbers, never entry indices, so a reader can find them.
 * Every total is a decimal.js sum of the lines listed beside it, so it equals their sum exactly.
 */
import type Decimal from 'decimal.js';
import type {
  MatchRule,
  MatchStatus,
  ReadIssue,
  Reason,
  Side,
  SideKind,
  SkippedLine,
} from '../types';
import type { MatchOrigin } from '../decisions/decision';

/** How many entries, and the sum of their amounts. */
export interface CountAndSum {
  count: number;
  sum: Decimal;
}

export interface SideSummary {
  side: Side;
  kind: SideKind;
  /** 1-based source row of the header (0: none found, roles inferred). */
  headerRow: number;
  /** Every entry read (the five groups below partition it, except `skipped`, which are not entries). */
  entries: CountAndSum;
  auto: CountAndSum;
  suggested: CountAndSum;
  unmatched: CountAndSum;
  /** Ledger invoices/bills kept for statements, not matched against the bank (always 0 on the bank side). */
  ledgerDocuments: CountAndSum;
  /** Lines set aside by the reader (titles, totals, blanks, …). */
  skipped: number;
  issues: number;
  /**
   * Matched entries (auto + suggested) over the entries that take part in matching
   * (all entries minus ledger documents); 1 when there is nothing to match.
   */
  matchRate: number;
}

export interface ReportMatch {
  id: string;
  status: MatchStatus;
  /** auto, suggested, or how a person decided it (accepted, manual, explained). */
  origin: MatchOrigin;
  /** Who decided, when, why (when a person did). */
  decidedBy?: { by: string; at: string; reason: string };
  rule: MatchRule;
  score: number;
  /** Bank total minus ledger total. */
  difference: Decimal;
  reasons: Reason[];
  ledgerRows: number[];
  bankRows: number[];
  ledgerTotal: Decimal;
  bankTotal: Decimal;
  /**
   * ledgerTotal and bankTotal in exact integer cents (cents.ts), NaN when not exact in cents; what
   * buildReport knows without making a Decimal (a report made elsewhere may leave them out).
   */
  readonly ledgerCents?: number;
  readonly bankCents?: number;
  /**
   * The rows of one side written into `rows` from its start (its length is not changed); returns how
   * many. For a writer that goes through every match without making two arrays for each.
   */
  rowsInto?(side: Side, rows: number[]): number;
  /** ISO dates of the group's lines, in the order of the rows. */
  ledgerDates: string[];
  bankDates: string[];
  /** Distinct non-empty counterparties, in order of first appearance. */
  ledgerCounterparties: string[];
  bankCounterparties: string[];
  /** Distinct non-empty descriptions (memos) of the ledger lines, then the bank lines. */
  descriptions: string[];
}

/** One entry listed on its own (unmatched, or a ledger document). */
export interface ReportEntry {
  side: Side;
  row: number;
  date: string;
  amount: Decimal;
  counterparty: string;
  reference: string;
  description: string;
}

export interface MatchTotals {
  ledger: Decimal;
  bank: Decimal;
  /** Sum of the lines' differences; equals bank minus ledger. */
  difference: Decimal;
}

export interface Report {
  ledger: SideSummary;
  bank: SideSummary;
  /** Matched entries over entries that take part in matching, both sides together. */
  matchRate: number;
  matches: ReportMatch[];
  matchTotals: MatchTotals;
  unmatched: { ledger: ReportEntry[]; bank: ReportEntry[] };
  ledgerDocuments: ReportEntry[];
  skipped: SkippedLine[];
  issues: ReadIssue[];
}
