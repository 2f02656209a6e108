/**
 * The Discrepancies sheet as plain data: every row that is unmatched or differs, once, in the
 * section that says why:
 *   ledger-only  企业已记银行未记: deposits in transit, cheques not yet presented;
 *   bank-only    银行已记企业未记: interest, charges, receipts and payments not yet booked;
 *   difference   matched with an amount difference (fees, short payments), one line per group;
 *   suggested    groups waiting for a decision, one line per group;
 *   duplicate    open lines that repeat another line of their side (see duplicates.ts);
 *   explained    rows a person explained as having no counterpart (reconciled, listed with why).
 * Conservation: the rows of these lines are exactly the unmatched rows plus the rows of suggested
 * groups, of groups with a difference and of explained rows, each once. Risk flags (risk-flags.ts) come beside them,
 * and so do the rows that could not be read (an amount or date the reader refused): they are in no
 * section and no total, but a sheet that said "every row is matched" while one was unread would be false.
 * Each section's count and totals are decimal.js sums of its own lines.
 */
import Decimal from 'decimal.js';
import { isInvoiceOrBill, type Entry, type Match, type Reason, type ReconcileResult, type Side, type SkippedLine } from '../types';
import { findDuplicates, type DuplicateLine, type OverlapPeriod } from './duplicates';
import { isOwedLedger } from '../side-kinds';
import type { RiskFlag } from './risk-flags';
import type { SettledBefore } from './settled-before';
import { bankOwnLineCode, wordsOf } from '../bank-own-lines';
import { neutralCounterparts } from './neutral-counterparts';

export type SectionKey = 'ledger-only' | 'bank-only' | 'difference' | 'suggested' | 'duplicate' | 'explained';

export const SECTION_ORDER: readonly SectionKey[] = ['ledger-only', 'bank-only', 'difference', 'suggested', 'duplicate', 'explained'];

export interface DiscrepancyLine {
  section: SectionKey;
  /** Side of `rows` (a group's line is written from the ledger side). */
  side: Side;
  rows: number[];
  date: string;
  counterparty: string;
  reference: string;
  description: string;
  /** The line's amount (a group: its ledger total), signed as Entry.amount. */
  amount: Decimal;
  /** The other side's rows: a group's bank rows, a duplicate's twin. */
  otherSide?: Side;
  otherRows: number[];
  otherAmount?: Decimal;
  /** Bank minus ledger for a group (0 elsewhere). */
  difference: Decimal;
  matchId?: string;
  /** Why the line is here, as data (rendered by src/i18n/report-sheets.ts). */
  reason: Reason;
  /** A group's own matching reasons. */
  matchReasons: Reason[];
}

export interface SectionTotal {
  section: SectionKey;
  count: number;
  amount: Decimal;
  difference: Decimal;
}

/**
 * What the other side is: the bank, or the counterparty's own ledger (往来对账), where "on the ledger
 * only" means "in our books, not yet in theirs", and nothing is a deposit in transit.
 */
export type OtherSide = 'bank' | 'counterparty';

export interface Discrepancies {
  against: OtherSide;
  lines: DiscrepancyLine[];
  sections: SectionTotal[];
  overlaps: OverlapPeriod[];
  duplicates: DuplicateLine[];
  risks: RiskFlag[];
  riskTotal: { count: number; amount: Decimal };
  /** Rows of either side that could not be read (kind 'unparseable'), ledger first, each with why. */
  unreadable: SkippedLine[];
}

export function buildDiscrepancies(result: ReconcileResult, risks: RiskFlag[], earlier?: SettledBefore): Discrepancies {
  const matchedLedger = new Set<number>();
  const matchedBank = new Set<number>();
  for (const m of result.matches) {
    for (const i of m.ledger) matchedLedger.add(i);
    for (const i of m.bank) matchedBank.add(i);
  }
  const ledgerDocuments = new Set(result.ledgerDocuments);
  const openLedger = (e: Entry) => !matchedLedger.has(e.index) && !ledgerDocuments.has(e.index);
  const openBank = (e: Entry) => !matchedBank.has(e.index);
  const ledgerDuplicates = findDuplicates('ledger', result.ledger.entries, openLedger);
  const bankDuplicates = findDuplicates('bank', result.bank.entries, openBank);
  const duplicates = [...ledgerDuplicates.lines, ...bankDuplicates.lines];
  const overlaps = [...ledgerDuplicates.overlaps, ...bankDuplicates.overlaps];
  const suspected = new Set(duplicates.map((d) => d.entry));

  const against: OtherSide = isOwedLedger(result.bank.kind) ? 'counterparty' : 'bank';
  const lines: DiscrepancyLine[] = [];
  const ledgerOpen = result.unmatched.ledger.filter((i) => !suspected.has(result.ledger.entries[i]));
  const wallet = against === 'bank' ? neutralCounterparts(result, new Set(ledgerOpen.filter((i) => !earlier?.ledger.has(i)))) : new Map();
  for (const i of ledgerOpen) {
    const entry = result.ledger.entries[i];
    const neutral = wallet.get(i);
    if (neutral) {
      lines.push(singleLine('ledger-only', entry, { code: 'neutral-counterpart', params: { row: neutral.row, date: neutral.neutral!.date, found: String(neutral.why?.params.found ?? '') } }));
      continue;
    }
    const code =
      against === 'counterparty'
        ? oneBookCode('ours', entry)
        : earlier?.ledger.has(i)
          ? 'settled-before'
          : entry.amount.isPositive()
            ? 'deposit-in-transit'
            : 'payment-not-presented';
    lines.push(singleLine('ledger-only', entry, { code, params: {} }));
  }
  for (const i of result.unmatched.bank) {
    const entry = result.bank.entries[i];
    if (suspected.has(entry)) continue;
    const code = against === 'counterparty' ? oneBookCode('theirs', entry) : earlier?.bank.has(i) ? 'settled-before' : bankOnlyCode(entry);
    lines.push(singleLine('bank-only', entry, { code, params: {} }));
  }
  for (const m of result.matches) {
    if (m.origin === 'explained') {
      // Explained rows are reconciled by a person's word: each row listed with who and why, never as a difference.
      const reason: Reason = { code: 'explained', params: { by: m.decidedBy?.by ?? '', reason: m.decidedBy?.reason || '—' } };
      for (const i of m.ledger) lines.push(singleLine('explained', result.ledger.entries[i], reason));
      for (const i of m.bank) lines.push(singleLine('explained', result.bank.entries[i], reason));
    } else if (m.status === 'suggested') lines.push(groupLine('suggested', m, result, { code: 'suggested', params: {} }));
    else if (!m.difference.isZero()) {
      const code = `${m.difference.isNegative() ? 'difference-less' : 'difference-more'}${against === 'counterparty' ? '-theirs' : ''}`;
      lines.push(groupLine('difference', m, result, { code, params: { amount: m.difference.abs().toFixed(2) } }));
    }
  }
  for (const d of duplicates) {
    const overlap = overlaps.find((o) => o.side === d.side && d.entry.row >= o.rows[0] && d.entry.row <= o.rows[1]);
    const reason: Reason = overlap
      ? { code: 'duplicate-overlap', params: { row: d.copyOf.row, from: overlap.from, to: overlap.to, first: overlap.rows[0], last: overlap.rows[1], firstCopy: overlap.copiesOf[0], lastCopy: overlap.copiesOf[1] } }
      : { code: d.key === 'reference' ? 'duplicate-reference' : 'duplicate-name-date', params: { row: d.copyOf.row } };
    lines.push({ ...singleLine('duplicate', d.entry, reason), otherSide: d.side, otherRows: [d.copyOf.row], otherAmount: d.copyOf.amount });
  }

  lines.sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) || sideRank(a.side) - sideRank(b.side) || a.rows[0] - b.rows[0]);
  const sections = SECTION_ORDER.map((section): SectionTotal => {
    const own = lines.filter((l) => l.section === section);
    return {
      section,
      count: own.length,
      amount: own.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)),
      difference: own.reduce((sum, l) => sum.plus(l.difference), new Decimal(0)),
    };
  });
  const riskTotal = { count: risks.length, amount: risks.reduce((sum, r) => sum.plus(r.entry.amount), new Decimal(0)) };
  const unreadable = [...result.ledger.skipped, ...result.bank.skipped].filter((l) => l.kind === 'unparseable');
  return { against, lines, sections, overlaps, duplicates, risks, riskTotal, unreadable };
}

/** A line in one company's books only: an invoice or bill, or a payment (往来对账). */
function oneBookCode(whose: 'ours' | 'theirs', entry: Entry): string {
  return `only-${whose}-${isInvoiceOrBill(entry.document) ? 'document' : 'cash'}`;
}

function sideRank(side: Side): number {
  return side === 'ledger' ? 0 : 1;
}

function bankOnlyCode(entry: Entry): string {
  return bankOwnLineCode(entry) ?? (entry.amount.isPositive() ? 'receipt-not-booked' : 'payment-not-booked');
}

function singleLine(section: SectionKey, entry: Entry, reason: Reason): DiscrepancyLine {
  return {
    section, side: entry.side, rows: [entry.row], date: entry.date, counterparty: entry.counterparty, reference: entry.reference,
    description: entry.description, amount: entry.amount, otherRows: [], difference: new Decimal(0), reason, matchReasons: [],
  };
}

function groupLine(section: SectionKey, match: Match, result: ReconcileResult, reason: Reason): DiscrepancyLine {
  const ledger = match.ledger.map((i) => result.ledger.entries[i]).sort((a, b) => a.row - b.row);
  const bank = match.bank.map((i) => result.bank.entries[i]).sort((a, b) => a.row - b.row);
  const first = ledger[0] ?? bank[0];
  const sum = (entries: Entry[]) => entries.reduce((total, e) => total.plus(e.amount), new Decimal(0));
  return {
    section,
    side: ledger.length > 0 ? 'ledger' : 'bank',
    rows: (ledger.length > 0 ? ledger : bank).map((e) => e.row),
    date: first.date,
    counterparty: first.counterparty || bank[0]?.counterparty || '',
    reference: first.reference || bank[0]?.reference || '',
    description: first.description,
    amount: ledger.length > 0 ? sum(ledger) : sum(bank),
    otherSide: ledger.length > 0 ? 'bank' : 'ledger',
    otherRows: ledger.length > 0 ? bank.map((e) => e.row) : [],
    otherAmount: ledger.length > 0 ? sum(bank) : sum(ledger),
    difference: match.difference,
    matchId: match.id,
    reason,
    matchReasons: match.reasons,
  };
}
