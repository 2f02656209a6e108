/**
 * A side's balance at the period end, and where it came from, in this order of preference:
 *   entered         the user typed it (pane, --book-balance / --bank-balance): it overrides the file;
 *   balance-column  the running balance of the last line on or before the period end (in time
 *                   order; where several lines share that date, the last of them in the file's order);
 *   closing-line    a 期末余额 / Closing balance (or 本月合计 carrying the balance) line written after
 *                   exactly the lines up to the period end;
 *   opening-line    a 期初余额 / Opening balance line plus every movement up to the period end;
 *   none            nothing to go on: the statement asks the user to enter it.
 * Also: whether the balance column agrees with its own rows, and the first row where it breaks.
 */
import Decimal from 'decimal.js';
import type { BalanceLine, Entry, ReadResult, Side } from '../types';

export type BalanceSourceKind = 'entered' | 'balance-column' | 'closing-line' | 'opening-line' | 'none';

export interface SideBalance {
  side: Side;
  /** null when no balance could be found (source 'none'). */
  amount: Decimal | null;
  source: BalanceSourceKind;
  /** Source row the balance was read from (balance column or balance line). */
  row?: number;
  /** Date of that row, ISO ('' when the line has none). */
  date?: string;
  /** The line's own label (期初余额, Closing balance). */
  label?: string;
  /** opening-line: the movements added to it. */
  movements?: Decimal;
}

/** The first row where a balance column disagrees with the row before it plus its own amount. */
export interface BalanceBreak {
  side: Side;
  row: number;
  /** The row (or opening line) the expectation was built from. */
  previousRow: number;
  expected: Decimal;
  stated: Decimal;
  /** stated − expected. */
  off: Decimal;
  /** How many rows break in all. */
  breaks: number;
}

/** Entries in time order: the file's own order, reversed when the file lists the newest first. */
export function timeOrder(entries: readonly Entry[]): Entry[] {
  let up = 0;
  let down = 0;
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].day > entries[i - 1].day) up++;
    else if (entries[i].day < entries[i - 1].day) down++;
  }
  return down > up ? [...entries].reverse() : [...entries];
}

/** The first opening line (期初余额, 承前余额, Opening balance) written above the side's first entry that `accept`s. */
export function openingLine(read: ReadResult, accept: (line: BalanceLine) => boolean = () => true): BalanceLine | undefined {
  const firstEntryRow = read.entries.reduce((min, e) => Math.min(min, e.row), Infinity);
  return (read.balances ?? []).find((l) => l.kind === 'opening' && l.row < firstEntryRow && accept(l));
}

/** A line's amount: how a cash book's balance moves (side-kinds.ts balanceMovement gives 往来's). */
const amountOf = (entry: Entry): Decimal => entry.amount;

export function balanceAt(read: ReadResult, periodEnd: string, entered?: Decimal, movement: (entry: Entry) => Decimal = amountOf): SideBalance {
  const side = read.side;
  if (entered !== undefined) return { side, amount: entered, source: 'entered' };
  const ordered = timeOrder(read.entries);

  let last: Entry | undefined;
  for (const entry of ordered) if (entry.date <= periodEnd && entry.balance !== null) last = entry;
  if (last) return { side, amount: last.balance, source: 'balance-column', row: last.row, date: last.date };

  const lines = read.balances ?? [];
  const closing = closingLineAt(lines, read.entries, periodEnd);
  if (closing) return { side, amount: closing.amount, source: 'closing-line', row: closing.row, date: closing.date, label: closing.label };

  const opening = openingLine(read, (l) => l.date === '' || l.date <= periodEnd);
  if (opening) {
    let movements = new Decimal(0);
    for (const entry of read.entries) if (entry.date <= periodEnd) movements = movements.plus(movement(entry));
    return {
      side, amount: opening.amount.plus(movements), source: 'opening-line', row: opening.row, date: opening.date, label: opening.label, movements,
    };
  }
  return { side, amount: null, source: 'none' };
}

/**
 * A closing or total line that sits after exactly the entries dated up to the period end; or a closing
 * balance the export states above its table (Ending balance as of 03/31/2025), dated on or after every
 * entry and on or before the period end, or after it when no entry is; undated (a French export's
 * `Balance at end of period`), it is the balance after every entry, which holds at the period end
 * when no entry comes after it.
 */
function closingLineAt(lines: readonly BalanceLine[], entries: readonly Entry[], periodEnd: string): BalanceLine | undefined {
  // an ending balance dated after the period end with no entry between (a QFX's LEDGERBAL as of 3/10,
  // its last line 2/28) is the balance at the period end as well
  const nothingAfter = entries.every((e) => e.date <= periodEnd);
  const candidates = lines.filter((l) => l.kind !== 'opening' && (l.date === '' || l.date <= periodEnd || (l.kind === 'closing' && nothingAfter)));
  for (let i = candidates.length - 1; i >= 0; i--) {
    const line = candidates[i];
    const fits = entries.every((e) => (e.row < line.row) === (e.date <= periodEnd));
    const statedAbove = line.kind === 'closing' && entries.every((e) => e.row > line.row && e.date <= (line.date || periodEnd));
    if (fits || statedAbove) return line;
  }
  return undefined;
}

/**
 * Checks a balance column against its own rows, in time order: each stated balance must equal
 * the previous stated balance (or the opening line) plus the amounts since. Lines without a
 * balance are carried in the sum. The balance may run against the amounts' sign (a counterparty's
 * own ledger): the sign that breaks fewer rows is the column's.
 */
export function checkBalanceColumn(read: ReadResult, movement: (entry: Entry) => Decimal = amountOf): BalanceBreak | null {
  const ordered = timeOrder(read.entries);
  if (!ordered.some((e) => e.balance !== null)) return null;
  const opening = openingLine(read);
  const results = ([1, -1] as const).map((sign) => walk(read.side, ordered, sign, opening, movement));
  const best = results[0].breaks <= results[1].breaks ? results[0] : results[1];
  return best.first ?? null;
}

function walk(side: Side, ordered: readonly Entry[], sign: 1 | -1, opening: BalanceLine | undefined, movement: (entry: Entry) => Decimal) {
  let known: { row: number; balance: Decimal } | null = opening ? { row: opening.row, balance: opening.amount } : null;
  let since = new Decimal(0);
  let breaks = 0;
  let first: BalanceBreak | undefined;
  for (const entry of ordered) {
    since = sign === 1 ? since.plus(movement(entry)) : since.minus(movement(entry));
    if (entry.balance === null) continue;
    if (known) {
      const expected = known.balance.plus(since);
      if (!expected.equals(entry.balance)) {
        breaks++;
        first ??= { side, row: entry.row, previousRow: known.row, expected, stated: entry.balance, off: entry.balance.minus(expected), breaks: 0 };
      }
    }
    known = { row: entry.row, balance: entry.balance };
    since = new Decimal(0);
  }
  if (first) first.breaks = breaks;
  return { breaks, first };
}
