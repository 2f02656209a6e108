/**
 * What people decided about the engine's work, as plain data the engine takes back in on the next
 * run (pure: the workbook stores these, the engine never sees a workbook).
 *   accept    a suggested group is right: it is kept as it is (origin "accepted")
 *   reject    a suggested group is wrong: this exact group is never proposed again
 *   unmatch   an auto group is wrong: the same as reject, for an automatic match
 *   manual    rows the user grouped by hand (any N:M), with a reason (origin "manual")
 *   explained a row with no counterpart on purpose (a bank charge booked elsewhere), with a reason
 * Rows are named by content (RowKey), never by position alone, so sorting, inserting or deleting
 * rows in the source keeps the decision on the rows it was about.
 */
import type { MatchRule, Side } from '../types';

export type DecisionKind = 'accept' | 'reject' | 'unmatch' | 'manual' | 'explained';

/** One source row as a decision remembers it: what it said, and where it was then. */
export interface RowKey {
  side: Side;
  /** The row's sheet row when the decision was made (shown to people; never used to find it). */
  row: number;
  /** ISO date, the signed amount as a decimal string, counterparty and reference as read. */
  date: string;
  amount: string;
  counterparty: string;
  reference: string;
  /**
   * Hash of the row's whole content, then `#n` for the n-th row with that same content in row
   * order (two identical bank charges on one day are told apart by their order, which sorting
   * cannot change in a way that matters: they are the same).
   */
  fingerprint: string;
}

export interface Decision {
  /** D1, D2, … in the order they were made. */
  id: string;
  kind: DecisionKind;
  /** The match id the decision was about (accept, reject, unmatch). */
  matchId?: string;
  /** The rule of the group accepted, so a re-run still says how it was found. */
  rule?: MatchRule;
  ledger: RowKey[];
  bank: RowKey[];
  /** Why (manual, explained; optional otherwise). */
  reason: string;
  /** Who decided: Office's user, or the name typed once in the pane, or a teammate's sheet edit. */
  by: string;
  /** ISO timestamp. */
  at: string;
  /** Where it was made: the pane, or typed into the Matches sheet's Decision column. */
  source: 'pane' | 'sheet';
}

/** Decision kinds that fix a group as matched (the engine keeps it and matches around it). */
export const PINNING: ReadonlySet<DecisionKind> = new Set(['accept', 'manual']);
/** Decision kinds that forbid a group. */
export const FORBIDDING: ReadonlySet<DecisionKind> = new Set(['reject', 'unmatch']);

/** How a match group came to be. */
export type MatchOrigin = 'auto' | 'suggested' | 'accepted' | 'manual' | 'explained';

/** One group of a run, by the content keys of its rows, so the next run can keep its id. */
export interface GroupRecord {
  id: string;
  origin: MatchOrigin;
  /** RowKey fingerprints of its ledger and bank rows. */
  ledger: string[];
  bank: string[];
  /** How it was found, so a group accepted by its id still says so. */
  rule?: MatchRule;
}

/**
 * A decision named by match id or by sheet rows, not yet by content: typed into the Matches sheet
 * by someone without the add-in (a word in the Decision column of a match's line, or a line they
 * added with rows and a reason), or made with the pane's buttons. Rows typed into the sheet are
 * the rows as the last run saw them (the source may have been sorted since: they are found by the
 * content they had then, see RowPrints); rows picked in the pane are the rows as they are now.
 */
export interface SheetEdit {
  kind: DecisionKind;
  matchId?: string;
  ledgerRows: number[];
  bankRows: number[];
  reason: string;
  by: string;
  at: string;
  /** Where it was made; default the sheet. */
  source?: Decision['source'];
}

/**
 * What each sheet row held at the last run (row → RowKey fingerprint), per side, so a row number
 * typed into that run's Matches sheet still names the same row after the source was sorted or
 * rows were inserted or deleted. Large sides keep only their open rows (see rowPrintsOf).
 */
export interface RowPrints {
  ledger: Record<number, string>;
  bank: Record<number, string>;
}

/** What became of a decision in a run. */
export type DecisionOutcome = 'applied' | 'superseded' | 'not-found';

export interface DecisionReport {
  decision: Decision;
  outcome: DecisionOutcome;
  /** For not-found: the rows that could not be found again. */
  missing: RowKey[];
}
