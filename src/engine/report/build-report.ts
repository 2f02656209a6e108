/**
 * buildReport: a reconcile result → the plain report every output is drawn from.
 * One pass over matches and leftovers. Every total is the sum of the very lines the report lists, so
 * it equals the sum of its lines to the cent: in integer cents when every line is exact in cents
 * (cents.ts, each entry's cents read once), else in decimal.js, which stays the arithmetic of record.
 *
 * A match's row is one small object (ReportMatchRow) per group: what only a sheet needs (dates,
 * counterparties, descriptions, the totals as Decimals) is worked out from the entries when read,
 * so a run that writes only result.json never makes it, and an entry's Decimal is not touched
 * unless a Decimal is asked for.
 */
import Decimal from 'decimal.js';
import type { Entry, Match, MatchStatus, ReadResult, ReconcileResult, Side } from '../types';
import { originOf } from '../decisions/stable-ids';
import { centsToDecimal, centsTotalAt, entryCents, MAX_EXACT_CENTS, sumCents } from '../cents';
import type { MatchOrigin } from '../decisions/decision';
import type { CountAndSum, MatchTotals, Report, ReportEntry, ReportMatch, SideSummary } from './report';

const ZERO = new Decimal(0);

/** One side's entries and each one's exact cents (NaN where not exact), read once per report. */
interface SideCents {
  entries: readonly Entry[];
  cents: Float64Array;
}

function sideCents(entries: readonly Entry[]): SideCents {
  const cents = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) cents[i] = entryCents(entries[i]);
  return { entries, cents };
}

/**
 * Σ of the amounts of the entries at `indices` (all when null), exactly as sum() of their Decimals
 * gives it, `cents` being their cents total (centsTotalAt): a known, non-zero cents total is made into a
 * Decimal once; anything else (no line, one line, a zero total, an amount not exact in cents) is
 * sum() itself.
 */
function totalAt(side: SideCents, indices: readonly number[] | null, cents: number): Decimal {
  const n = indices === null ? side.entries.length : indices.length;
  if (n === 0) return ZERO;
  if (n === 1) return side.entries[indices === null ? 0 : indices[0]].amount;
  if (cents === cents && cents !== 0) return centsToDecimal(cents);
  const amounts = new Array<Decimal>(n);
  for (let k = 0; k < n; k++) amounts[k] = side.entries[indices === null ? k : indices[k]].amount;
  return sum(amounts);
}

/**
 * A match as the report states it. Its own fields are copied from the match; rows, totals, dates and
 * texts are read from the entries when asked for (getters on the prototype: no closure per match).
 */
class ReportMatchRow implements ReportMatch {
  readonly id: string;
  readonly status: MatchStatus;
  readonly origin: MatchOrigin;
  readonly decidedBy?: { by: string; at: string; reason: string };
  readonly rule: ReportMatch['rule'];
  readonly score: number;
  readonly difference: Decimal;
  readonly reasons: ReportMatch['reasons'];
  readonly ledgerCents: number;
  readonly bankCents: number;

  constructor(
    private readonly match: Match,
    private readonly ledgerSide: SideCents,
    private readonly bankSide: SideCents,
  ) {
    this.id = match.id;
    this.status = match.status;
    this.origin = originOf(match);
    if (match.decidedBy) this.decidedBy = { by: match.decidedBy.by, at: match.decidedBy.at, reason: match.decidedBy.reason };
    this.rule = match.rule;
    this.score = match.score;
    this.difference = match.difference;
    this.reasons = match.reasons;
    this.ledgerCents = centsTotalAt(ledgerSide.cents, match.ledger);
    this.bankCents = centsTotalAt(bankSide.cents, match.bank);
  }

  rowsInto(side: Side, rows: number[]): number {
    const entries = side === 'ledger' ? this.ledgerSide.entries : this.bankSide.entries;
    const indices = side === 'ledger' ? this.match.ledger : this.match.bank;
    for (let i = 0; i < indices.length; i++) rows[i] = entries[indices[i]].row;
    return indices.length;
  }

  get ledgerRows(): number[] {
    return field(this.ledgerSide.entries, this.match.ledger, rowOf);
  }

  get bankRows(): number[] {
    return field(this.bankSide.entries, this.match.bank, rowOf);
  }

  get ledgerTotal(): Decimal {
    return totalAt(this.ledgerSide, this.match.ledger, this.ledgerCents);
  }

  get bankTotal(): Decimal {
    return totalAt(this.bankSide, this.match.bank, this.bankCents);
  }

  get ledgerDates(): string[] {
    return field(this.ledgerSide.entries, this.match.ledger, dateOf);
  }

  get bankDates(): string[] {
    return field(this.bankSide.entries, this.match.bank, dateOf);
  }

  get ledgerCounterparties(): string[] {
    return distinctTexts(this.ledgerSide.entries, this.match.ledger, null, null, counterpartyOf);
  }

  get bankCounterparties(): string[] {
    return distinctTexts(this.bankSide.entries, this.match.bank, null, null, counterpartyOf);
  }

  get descriptions(): string[] {
    return distinctTexts(this.ledgerSide.entries, this.match.ledger, this.bankSide.entries, this.match.bank, descriptionOf);
  }
}

/** An entry listed on its own; its amount is the entry's own Decimal, read when asked for. */
class ReportEntryRow implements ReportEntry {
  readonly side: Side;
  readonly row: number;
  readonly date: string;
  readonly counterparty: string;
  readonly reference: string;
  readonly description: string;

  constructor(private readonly entry: Entry) {
    this.side = entry.side;
    this.row = entry.row;
    this.date = entry.date;
    this.counterparty = entry.counterparty;
    this.reference = entry.reference;
    this.description = entry.description;
  }

  get amount(): Decimal {
    return this.entry.amount;
  }
}

export function buildReport(result: ReconcileResult): Report {
  const ledgerSide = sideCents(result.ledger.entries);
  const bankSide = sideCents(result.bank.entries);

  const matches: ReportMatch[] = new Array(result.matches.length);
  for (let i = 0; i < result.matches.length; i++) matches[i] = new ReportMatchRow(result.matches[i], ledgerSide, bankSide);

  const matchTotals: MatchTotals = {
    ledger: totalOfMatches(matches, 'ledgerCents', 'ledgerTotal'),
    bank: totalOfMatches(matches, 'bankCents', 'bankTotal'),
    difference: sum(nonZeroDifferences(matches)),
  };

  const unmatched = {
    ledger: byRow(result.unmatched.ledger.map((i) => new ReportEntryRow(ledgerSide.entries[i]))),
    bank: byRow(result.unmatched.bank.map((i) => new ReportEntryRow(bankSide.entries[i]))),
  };
  const ledgerDocuments = byRow(result.ledgerDocuments.map((i) => new ReportEntryRow(ledgerSide.entries[i])));

  const ledger = sideSummary(result.ledger, ledgerSide, result, 'ledger');
  const bank = sideSummary(result.bank, bankSide, result, 'bank');
  const matched = ledger.auto.count + ledger.suggested.count + bank.auto.count + bank.suggested.count;
  const taking = matchable(ledger) + matchable(bank);

  return {
    ledger,
    bank,
    matchRate: taking === 0 ? 1 : matched / taking,
    matches,
    matchTotals,
    unmatched,
    ledgerDocuments,
    skipped: [...result.ledger.skipped, ...result.bank.skipped],
    issues: [...result.ledger.issues, ...result.bank.issues],
  };
}

/**
 * Σ of the matches' totals on one side, as sum() of their Decimals gives it: from their cents when
 * every one is known and the total is not zero, else from the Decimals themselves.
 */
function totalOfMatches(matches: readonly ReportMatch[], cents: 'ledgerCents' | 'bankCents', total: 'ledgerTotal' | 'bankTotal'): Decimal {
  if (matches.length > 1) {
    let sumOfCents = 0;
    for (let i = 0; i < matches.length; i++) {
      const c = matches[i][cents];
      if (c === undefined || c !== c) {
        sumOfCents = NaN;
        break;
      }
      sumOfCents += c;
      if (!(Math.abs(sumOfCents) < MAX_EXACT_CENTS)) {
        sumOfCents = NaN;
        break;
      }
    }
    if (sumOfCents === sumOfCents && sumOfCents !== 0) return centsToDecimal(sumOfCents);
  }
  return sum(matches.map((m) => m[total]));
}

function nonZeroDifferences(matches: readonly ReportMatch[]): Decimal[] {
  const differences: Decimal[] = [];
  for (let i = 0; i < matches.length; i++) {
    const d = matches[i].difference;
    if (!d.isZero()) differences.push(d);
  }
  return differences;
}

function sideSummary(read: ReadResult, side: SideCents, result: ReconcileResult, which: Side): SideSummary {
  const byStatus = statusFigures(side, result.matches, which);
  const unmatched = which === 'ledger' ? result.unmatched.ledger : result.unmatched.bank;
  const documents = which === 'ledger' ? result.ledgerDocuments : [];
  const summary: SideSummary = {
    side: which,
    kind: read.kind,
    headerRow: read.headerRow,
    entries: countAndSum(side, null),
    auto: byStatus.auto,
    suggested: byStatus.suggested,
    unmatched: countAndSum(side, unmatched),
    ledgerDocuments: countAndSum(side, documents),
    skipped: read.skipped.length,
    issues: read.issues.length,
    matchRate: 0,
  };
  const taking = matchable(summary);
  summary.matchRate = taking === 0 ? 1 : (summary.auto.count + summary.suggested.count) / taking;
  return summary;
}

/**
 * Lines of one side in auto and in suggested matches, and their sums from zero (a zero total is +0):
 * one walk over the matches for both statuses (a million matches are a wait on memory per walk).
 */
function statusFigures(side: SideCents, matches: readonly Match[], which: Side): Record<MatchStatus, CountAndSum> {
  const count = { auto: 0, suggested: 0 };
  const cents = { auto: 0, suggested: 0 };
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m];
    const status = match.status;
    const indices = which === 'ledger' ? match.ledger : match.bank;
    count[status] += indices.length;
    // step by step over the lines, as sumCents over them all would
    let total = cents[status];
    for (let k = 0; k < indices.length && total === total; k++) {
      total += side.cents[indices[k]];
      if (!(Math.abs(total) < MAX_EXACT_CENTS)) total = NaN;
    }
    cents[status] = total;
  }
  return {
    auto: statusFigure(side, matches, 'auto', which, count.auto, cents.auto),
    suggested: statusFigure(side, matches, 'suggested', which, count.suggested, cents.suggested),
  };
}

/** One status's figure from its line count and cents total (NaN: not settled by cents). */
function statusFigure(side: SideCents, matches: readonly Match[], status: MatchStatus, which: Side, count: number, cents: number): CountAndSum {
  if (count <= 1 || cents !== cents || cents === 0) {
    // sum() of the Decimals themselves, as the cents do not settle it
    const amounts: Decimal[] = [];
    for (const match of matches) {
      if (match.status !== status) continue;
      for (const i of which === 'ledger' ? match.ledger : match.bank) amounts.push(side.entries[i].amount);
    }
    return { count, sum: sumFromZero(amounts) };
  }
  return { count, sum: centsToDecimal(cents) };
}

function matchable(summary: SideSummary): number {
  return summary.entries.count - summary.ledgerDocuments.count;
}

function countAndSum(side: SideCents, indices: readonly number[] | null): CountAndSum {
  return { count: indices === null ? side.entries.length : indices.length, sum: totalAt(side, indices, centsTotalAt(side.cents, indices)) };
}

function sum(values: Decimal[]): Decimal {
  // Most groups are 1:1; reuse the one amount instead of allocating ZERO.plus(it) (1M groups per run).
  if (values.length === 0) return ZERO;
  if (values.length === 1) return values[0];
  // In integer cents when every amount is exact in cents (no Decimal per step); a zero total takes
  // decimal.js's own way, which decides the sign of zero.
  const cents = sumCents(values);
  if (cents === cents && cents !== 0) return centsToDecimal(cents);
  let total = values[0];
  for (let i = 1; i < values.length; i++) total = total.plus(values[i]);
  return total;
}

/** Σ as ZERO.plus(each) would give it (a zero total is +0). */
function sumFromZero(values: Decimal[]): Decimal {
  const total = sum(values);
  return total.isZero() ? ZERO : total;
}

function byRow<T extends { row: number }>(entries: T[]): T[] {
  return entries.sort((a, b) => a.row - b.row);
}

function field<T>(entries: readonly Entry[], indices: readonly number[], of: (entry: Entry) => T): T[] {
  const found = new Array<T>(indices.length);
  for (let i = 0; i < indices.length; i++) found[i] = of(entries[indices[i]]);
  return found;
}

const rowOf = (entry: Entry) => entry.row;
const dateOf = (entry: Entry) => entry.date;
const counterpartyOf = (entry: Entry) => entry.counterparty;
const descriptionOf = (entry: Entry) => entry.description;

/**
 * Distinct non-empty texts of the entries at `first`, then at `second`, in order of first appearance.
 * Groups are small (most are 1:1), so a list search beats building a Set per group.
 */
function distinctTexts(
  firstEntries: readonly Entry[],
  first: readonly number[],
  secondEntries: readonly Entry[] | null,
  second: readonly number[] | null,
  text: (entry: Entry) => string,
): string[] {
  const found: string[] = [];
  let seen: Set<string> | null = null; // only for a large group
  const see = (value: string) => {
    if (value === '') return;
    if (seen === null && found.length >= 16) seen = new Set(found);
    if (seen ? seen.has(value) : found.includes(value)) return;
    found.push(value);
    seen?.add(value);
  };
  for (let i = 0; i < first.length; i++) see(text(firstEntries[first[i]]));
  if (secondEntries !== null && second !== null) for (let i = 0; i < second.length; i++) see(text(secondEntries[second[i]]));
  return found;
}
