/**
 * buildReport: a reconcile result → the plain report every output is drawn from.
 * One pass over matches and leftovers; all sums in decimal.js, built from the very lines the
 * report lists, so a total always equals the sum of its lines to the cent.
 */
import Decimal from 'decimal.js';
import type { Entry, MatchStatus, ReadResult, ReconcileResult, Side } from '../types';
import { originOf } from '../decisions/stable-ids';
import { centsToDecimal, sumCents } from '../cents';
import type { CountAndSum, MatchTotals, Report, ReportEntry, ReportMatch, SideSummary } from './report';

const ZERO = new Decimal(0);

export function buildReport(result: ReconcileResult): Report {
  const ledgerEntries = result.ledger.entries;
  const bankEntries = result.bank.entries;

  const matches = result.matches.map((match): ReportMatch => {
    const ledger = entriesAt(ledgerEntries, match.ledger);
    const bank = entriesAt(bankEntries, match.bank);
    return {
      id: match.id,
      status: match.status,
      origin: originOf(match),
      ...(match.decidedBy && { decidedBy: { by: match.decidedBy.by, at: match.decidedBy.at, reason: match.decidedBy.reason } }),
      rule: match.rule,
      score: match.score,
      difference: match.difference,
      reasons: match.reasons,
      ledgerRows: ledger.map((e) => e.row),
      bankRows: bank.map((e) => e.row),
      ledgerTotal: sumAmounts(ledger),
      bankTotal: sumAmounts(bank),
      ledgerDates: ledger.map((e) => e.date),
      bankDates: bank.map((e) => e.date),
      ledgerCounterparties: distinctTexts(ledger, [], counterpartyOf),
      bankCounterparties: distinctTexts(bank, [], counterpartyOf),
      descriptions: distinctTexts(ledger, bank, descriptionOf),
    };
  });

  const matchTotals: MatchTotals = {
    ledger: sum(matches.map((m) => m.ledgerTotal)),
    bank: sum(matches.map((m) => m.bankTotal)),
    difference: sum(matches.map((m) => m.difference).filter((d) => !d.isZero())),
  };

  const unmatched = {
    ledger: byRow(result.unmatched.ledger.map((i) => reportEntry(ledgerEntries[i]))),
    bank: byRow(result.unmatched.bank.map((i) => reportEntry(bankEntries[i]))),
  };
  const ledgerDocuments = byRow(result.ledgerDocuments.map((i) => reportEntry(ledgerEntries[i])));

  const ledger = sideSummary(result.ledger, result, 'ledger');
  const bank = sideSummary(result.bank, result, 'bank');
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

function sideSummary(read: ReadResult, result: ReconcileResult, side: Side): SideSummary {
  const entries = read.entries;
  const amounts: Record<MatchStatus, Decimal[]> = { auto: [], suggested: [] };
  for (const match of result.matches) {
    const list = amounts[match.status];
    for (const i of side === 'ledger' ? match.ledger : match.bank) list.push(entries[i].amount);
  }
  const byStatus: Record<MatchStatus, CountAndSum> = {
    auto: { count: amounts.auto.length, sum: sumFromZero(amounts.auto) },
    suggested: { count: amounts.suggested.length, sum: sumFromZero(amounts.suggested) },
  };
  const unmatched = (side === 'ledger' ? result.unmatched.ledger : result.unmatched.bank).map((i) => entries[i]);
  const documents = side === 'ledger' ? result.ledgerDocuments.map((i) => entries[i]) : [];
  const summary: SideSummary = {
    side,
    kind: read.kind,
    headerRow: read.headerRow,
    entries: countAndSum(entries),
    auto: byStatus.auto,
    suggested: byStatus.suggested,
    unmatched: countAndSum(unmatched),
    ledgerDocuments: countAndSum(documents),
    skipped: read.skipped.length,
    issues: read.issues.length,
    matchRate: 0,
  };
  const taking = matchable(summary);
  summary.matchRate = taking === 0 ? 1 : (summary.auto.count + summary.suggested.count) / taking;
  return summary;
}

function matchable(summary: SideSummary): number {
  return summary.entries.count - summary.ledgerDocuments.count;
}

function reportEntry(entry: Entry): ReportEntry {
  return {
    side: entry.side,
    row: entry.row,
    date: entry.date,
    amount: entry.amount,
    counterparty: entry.counterparty,
    reference: entry.reference,
    description: entry.description,
  };
}

function countAndSum(entries: Entry[]): CountAndSum {
  return { count: entries.length, sum: sumAmounts(entries) };
}

function sumAmounts(entries: Entry[]): Decimal {
  return sum(entries.map((e) => e.amount));
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

function byRow(entries: ReportEntry[]): ReportEntry[] {
  return entries.sort((a, b) => a.row - b.row);
}

function entriesAt(entries: readonly Entry[], indices: readonly number[]): Entry[] {
  const found = new Array<Entry>(indices.length);
  for (let i = 0; i < indices.length; i++) found[i] = entries[indices[i]];
  return found;
}

const counterpartyOf = (entry: Entry) => entry.counterparty;
const descriptionOf = (entry: Entry) => entry.description;

/**
 * Distinct non-empty texts of the entries of `first`, then `second`, in order of first appearance.
 * Groups are small (most are 1:1), so a list search beats building a Set per group.
 */
function distinctTexts(first: readonly Entry[], second: readonly Entry[], text: (entry: Entry) => string): string[] {
  const found: string[] = [];
  let seen: Set<string> | null = null; // only for a large group
  for (const list of [first, second]) {
    for (const entry of list) {
      const value = text(entry);
      if (value === '') continue;
      if (seen === null && found.length >= 16) seen = new Set(found);
      if (seen ? seen.has(value) : found.includes(value)) continue;
      found.push(value);
      seen?.add(value);
    }
  }
  return found;
}
