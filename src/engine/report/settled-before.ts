/**
 * Lines from before the other side's first day. A journal kept since February against a March bank
 * export has February's lines unmatched, and they are not deposits in transit or cheques not yet
 * presented: they belong to February's reconciliation. Whether they were all settled by then is a
 * fact the files can show: the bank's opening balance for March equals the journal's balance at the
 * end of February. Only then are they left out of this statement (each listed with why); when the
 * openings differ, some of them may still be outstanding and they stay in.
 */
import Decimal from 'decimal.js';
import type { Entry, ReadResult, ReconcileResult } from '../types';
import { balanceAt, openingLine, timeOrder } from './balances';
import { dayOf, isoOfDay } from './statements/period';

export interface SettledBefore {
  /** Entry indices of unmatched lines settled before the other side begins, per side. */
  ledger: ReadonlySet<number>;
  bank: ReadonlySet<number>;
}

function firstDate(entries: readonly Entry[]): string {
  let first = '';
  for (const e of entries) if (first === '' || e.date < first) first = e.date;
  return first;
}

/**
 * A side's balance before its first line: its opening line (期初余额, 承前余额), else the first
 * stated balance less the lines up to it. Null when the side states no balance.
 */
export function openingBalance(read: ReadResult): Decimal | null {
  const opening = openingLine(read);
  if (opening) return opening.amount;
  let moved = new Decimal(0);
  for (const e of timeOrder(read.entries)) {
    moved = moved.plus(e.amount);
    if (e.balance !== null) return e.balance.minus(moved);
  }
  return null;
}

/** Unmatched lines of `early` before `late` begins, when early's balance then equals late's opening. */
function settled(early: ReadResult, late: ReadResult, unmatched: readonly number[]): Set<number> {
  const start = firstDate(late.entries);
  const before = start === '' ? [] : unmatched.filter((i) => early.entries[i].date < start);
  if (before.length === 0) return new Set();
  const lateOpening = openingBalance(late);
  const earlyThen = balanceAt(early, isoOfDay(dayOf(start) - 1)).amount;
  return lateOpening !== null && earlyThen !== null && lateOpening.equals(earlyThen) ? new Set(before) : new Set();
}

export function settledBefore(result: ReconcileResult): SettledBefore {
  return {
    ledger: settled(result.ledger, result.bank, result.unmatched.ledger),
    bank: settled(result.bank, result.ledger, result.unmatched.bank),
  };
}
