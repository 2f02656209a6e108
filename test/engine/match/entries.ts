/**
 * Building Entry objects for match tests: one line per row, the way a reader would hand them over.
 */
import Decimal from 'decimal.js';
import type { NameAlias } from '../../../src/engine/match/aliases';
import { matchEntries, resolveMatchOptions } from '../../../src/engine/match/match-entries';
import type { DocumentType, Entry, MatchOptions, MatchResult, Side } from '../../../src/engine/types';

export interface EntryFields {
  row: number;
  date: string;
  amount: string;
  counterparty?: string;
  reference?: string;
  description?: string;
  document?: DocumentType;
  currency?: string;
}

export function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Entries of one side; `index` is the position in the returned array. */
export function side(which: Side, rows: EntryFields[]): Entry[] {
  return rows.map((f, index) => ({
    side: which,
    index,
    row: f.row,
    date: f.date,
    day: dayOf(f.date),
    amount: new Decimal(f.amount),
    document: f.document ?? 'movement',
    counterparty: f.counterparty ?? '',
    reference: f.reference ?? '',
    description: f.description ?? '',
    currency: f.currency ?? 'CNY',
    balance: null,
  }));
}

export const ledgerOf = (rows: EntryFields[]): Entry[] => side('ledger', rows);
export const bankOf = (rows: EntryFields[]): Entry[] => side('bank', rows);

/** Re-number `index` after a shuffle, as a reader would for rows arriving in that order. */
export function reindexed(entries: Entry[]): Entry[] {
  return entries.map((e, index) => ({ ...e, index }));
}

/** A match as rows, for assertions that read like the sheet. */
export interface RowMatch {
  id: string;
  ledger: number[];
  bank: number[];
  status: 'auto' | 'suggested';
  rule: string;
  difference: string;
  codes: string[];
  score: number;
}

export interface RowResult {
  matches: RowMatch[];
  unmatchedLedger: number[];
  unmatchedBank: number[];
  documents: number[];
  /** The raw result, for reasons and params. */
  raw: MatchResult;
}

/** matchEntries over row-described entries, answered in rows. */
export function runRows(
  ledgerRows: EntryFields[],
  bankRows: EntryFields[],
  options: Partial<MatchOptions> = {},
  aliases?: NameAlias[],
): RowResult {
  const ledger = ledgerOf(ledgerRows);
  const bank = bankOf(bankRows);
  const raw = matchEntries(ledger, bank, resolveMatchOptions(options), undefined, aliases);
  return {
    matches: raw.matches.map((m) => ({
      id: m.id,
      ledger: m.ledger.map((i) => ledger[i].row),
      bank: m.bank.map((i) => bank[i].row),
      status: m.status,
      rule: m.rule,
      difference: m.difference.toFixed(2),
      codes: m.reasons.map((r) => r.code),
      score: m.score,
    })),
    unmatchedLedger: raw.unmatched.ledger.map((i) => ledger[i].row),
    unmatchedBank: raw.unmatched.bank.map((i) => bank[i].row),
    documents: raw.ledgerDocuments.map((i) => ledger[i].row),
    raw,
  };
}

/** The match holding ledger row `row`, or undefined. */
export function matchOfLedgerRow(result: RowResult, row: number): RowMatch | undefined {
  return result.matches.find((m) => m.ledger.includes(row));
}
