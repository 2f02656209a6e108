/**
 * Rows named by their content, so a decision finds its rows again after the user sorted,
 * inserted or deleted rows: a hash of what the row says (never its position), numbered among
 * rows that say exactly the same.
 */
import { toFixed2 } from '../cents';
import type { Entry } from '../types';
import type { RowKey } from './decision';

/** 53-bit string hash (cyrb53): short, fast, collisions negligible at a few million rows. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What a row says, as read: the fields a person would recognise it by (`amount` is its toFixed(2)). */
function contentOf(entry: Entry, amount: string): string {
  const balance = entry.balance ? toFixed2(entry.balance) : '';
  return `${entry.side}\u0001${entry.date}\u0001${amount}\u0001${entry.counterparty}\u0001${entry.reference}\u0001${entry.description}\u0001${entry.currency}\u0001${balance}`;
}

/** Looser: date, amount, counterparty, reference (survives an edited memo or a new column). */
export function looseKeyOf(key: Pick<RowKey, 'side' | 'date' | 'amount' | 'counterparty' | 'reference'>): string {
  return [key.side, key.date, key.amount, key.counterparty, key.reference].join('\u0001');
}

/**
 * One key per entry, by entry index (an entry's index is its position in its side's entries); the
 * n-th row (in row order) with the same content gets `#n`.
 */
export function rowKeysOf(entries: readonly Entry[]): RowKey[] {
  const seen = new Map<string, number>();
  // Readers hand entries over in row order already; sorting is then only a check.
  const inRowOrder = entries.every((entry, i) => i === 0 || entries[i - 1].row <= entry.row);
  const order = inRowOrder ? entries : [...entries].sort((a, b) => a.row - b.row);
  const keys: RowKey[] = new Array(entries.length);
  for (const entry of order) {
    const amount = toFixed2(entry.amount);
    const base = hash53(contentOf(entry, amount));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    keys[entry.index] = {
      side: entry.side,
      row: entry.row,
      date: entry.date,
      amount,
      counterparty: entry.counterparty,
      reference: entry.reference,
      fingerprint: `${base}#${n}`,
    };
  }
  return keys;
}

/** Sides up to this many entries print every row; larger ones only their open rows (state size). */
export const ROW_PRINTS_ALL_UP_TO = 20_000;

/**
 * What each sheet row holds now (RowPrints), for the next run to read row numbers typed into this
 * run's Matches sheet. `open` are the entry indices a person may still decide on (unmatched,
 * suggested), kept first when the side is too large to print every row.
 */
export function rowPrintsOf(entries: readonly Entry[], keys: readonly RowKey[], open: ReadonlySet<number>): Record<number, string> {
  const prints: Record<number, string> = {};
  const all = entries.length <= ROW_PRINTS_ALL_UP_TO;
  let count = 0;
  for (const entry of entries) {
    if (!all && (!open.has(entry.index) || count >= ROW_PRINTS_ALL_UP_TO)) continue;
    prints[entry.row] = keys[entry.index].fingerprint;
    count++;
  }
  return prints;
}
