/**
 * An entry with everything the passes compare worked out once: integer cents as an exact key, the
 * normalised counterparty, reference keys. Both sides are put in a canonical order (day, amount, row)
 * so that every later decision depends on the data, never on the order rows arrived in.
 */
import Decimal from 'decimal.js';
import { isInvoiceOrBill, type Entry } from '../types';
import { normalizeName, normalizeText, type NormalizedName } from './normalize-name';
import { normalizeReference, referenceTokens } from './normalize-reference';
import { entryCents, exactCents } from '../cents';
import { smallInteger } from '../small-integer';
import { ReferenceKeys } from './reference-keys';
import { normalizeCurrency } from '../read/currency';

export interface PreparedEntry {
  readonly entry: Entry;
  /** Position in its side's canonical order; passes refer to entries by position. */
  readonly pos: number;
  readonly day: number;
  /** The amount in exact integer cents (≤ 2 decimals, |cents| < 2^50); NaN when it is not exact. */
  readonly cents: number;
  /** Equal keys ⇔ equal amounts: cents when exact, else the Decimal's own string. */
  readonly amountKey: number | string;
  /** -1 money out, 1 money in, 0 nothing. */
  readonly sign: number;
  readonly currency: string;
  /**
   * An invoice or a bill, kept apart from movements: only when both sides have documents (往来对账
   * against a counterparty's own ledger). An open-items list's invoices meet bank movements instead.
   */
  readonly isDocument: boolean;
  readonly name: NormalizedName | null;
  /** The reference field as a key ('' when absent or too weak to mean anything). */
  readonly reference: string;
  /**
   * The entry's reference keys: `reference` (when not '') and then its tokens, the further keys (parts
   * of a listed reference, the number inside a prefixed one, reference-like runs of the description
   * and notes). They are keyTexts[keyFrom … keyFrom + keyCount), with their numbers at the same places
   * of keyIds: one pair of arrays for the whole side, not two arrays per entry (two heap objects
   * each, a million times over). Numbers are shared by both sides (NameCache.referenceKeys); the
   * reference index is built and searched on them; -1 for a key of the side prepared second that the
   * first side lacks (it can meet nothing). Read them with the functions below.
   */
  readonly keyTexts: readonly string[];
  readonly keyIds: Int32Array;
  readonly keyFrom: number;
  readonly keyCount: number;
}

/** The k-th reference key of `e` (0 ≤ k < e.keyCount): its reference first (when it has one), then its tokens. */
export function referenceKeyAt(e: PreparedEntry, k: number): string {
  return e.keyTexts[e.keyFrom + k];
}

/** How many tokens (further reference keys, after the reference) `e` has. */
export function tokenCount(e: PreparedEntry): number {
  return e.reference ? e.keyCount - 1 : e.keyCount;
}

/** The t-th token of `e` (0 ≤ t < tokenCount(e)). */
export function tokenAt(e: PreparedEntry, t: number): string {
  return e.keyTexts[e.keyFrom + (e.reference ? 1 : 0) + t];
}

/** Is `text` one of e's tokens? */
export function hasToken(e: PreparedEntry, text: string): boolean {
  const to = e.keyFrom + e.keyCount;
  for (let k = e.reference ? e.keyFrom + 1 : e.keyFrom; k < to; k++) if (e.keyTexts[k] === text) return true;
  return false;
}

/** The k-th reference key number of `e` (0 ≤ k < e.keyCount): its reference first, then its tokens. */
export function referenceIdAt(e: PreparedEntry, k: number): number {
  return e.keyIds[e.keyFrom + k];
}

/**
 * May these two entries pair at all: the same money (an empty currency goes with anything) and the
 * same class, documents with documents (往来对账: our invoice with their bill), movements with movements.
 */
export function comparable(a: PreparedEntry, b: PreparedEntry): boolean {
  return a.isDocument === b.isDocument && (a.currency === b.currency || a.currency === '' || b.currency === '');
}

/** Integer cents of an amount, or NaN (src/engine/cents.ts); re-exported for the passes. */
export { exactCents };

/** A number per distinct string key, 0 … size − 1, so indexes can be flat arrays (name keys: few, so a Map). */
export class KeyBook {
  private readonly ids = new Map<string, number>();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  /** The number of `key`, or -1 when it has none (no number is given). */
  find(key: string): number {
    const id = this.ids.get(key);
    return id === undefined ? -1 : id;
  }

  get size(): number {
    return this.ids.size;
  }
}

/** Per-run caches: company names and descriptions repeat across thousands of rows. */
export class NameCache {
  private readonly names = new Map<string, NormalizedName | null>();
  private readonly texts = new Map<string, string>();
  /** Reference key numbers (PreparedEntry.keyIds), the same on both sides of the run. */
  readonly referenceKeys = new ReferenceKeys();
  /** Name index keys (name buckets, short names, description pieces; indexes.ts). */
  readonly nameKeys = new KeyBook();
  private readonly nameKeyMemo = new Map<NormalizedName, unknown>();

  /** What indexes.ts works out once per distinct name (names are shared objects within a run). */
  nameKeysOf<T>(name: NormalizedName, compute: () => T): T {
    let found = this.nameKeyMemo.get(name) as T | undefined;
    if (found === undefined) {
      found = compute();
      this.nameKeyMemo.set(name, found);
    }
    return found;
  }

  name(raw: string): NormalizedName | null {
    let found = this.names.get(raw);
    if (found === undefined) {
      found = normalizeName(raw);
      this.names.set(raw, found);
    }
    return found;
  }

  /** Normalised description; cached only while the cache is small (descriptions are often unique). */
  text(raw: string): string {
    const cached = this.texts.get(raw);
    if (cached !== undefined) return cached;
    const text = normalizeText(raw);
    if (this.texts.size < 200_000) this.texts.set(raw, text);
    return text;
  }
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Indices 0..n-1 by day, then by `sameDay` within a day. Days are whole numbers from a few years, so
 * they are bucketed first (a counting sort): a comparator sort over a million indices reads the
 * day and amount arrays at random and waits on memory for most of its time, while one day's few
 * hundred entries sort in cache. The order is the same as one sort by (day, sameDay).
 */
function canonicalOrder(n: number, days: Float64Array, sameDay: (x: number, y: number) => number): number[] {
  const order = new Array<number>(n);
  if (n === 0) return order;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const day = days[i];
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const span = last - first + 1;
  // Days that are not small whole numbers (hand-built entries): one comparator sort, as before.
  if (!(span <= 4 * n + 1024) || !Number.isInteger(first) || !Number.isInteger(last) || !days.every(Number.isInteger)) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((x, y) => days[x] - days[y] || sameDay(x, y));
  }
  const starts = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) starts[days[i] - first + 1]++;
  for (let d = 0; d < span; d++) starts[d + 1] += starts[d];
  const next = starts.slice(0, span);
  for (let i = 0; i < n; i++) order[next[days[i] - first]++] = i;
  for (let d = 0; d < span; d++) {
    const from = starts[d];
    const to = starts[d + 1];
    if (to - from > 1) {
      const day = order.slice(from, to).sort(sameDay);
      for (let k = 0; k < day.length; k++) order[from + k] = day[k];
    }
  }
  return order;
}

/**
 * Prepare one side's entries in canonical order (day, amount, row). `documentsApart`: invoices and
 * bills pair only with documents (both sides have them).
 */
export function prepareSide(entries: readonly Entry[], cache: NameCache, documentsApart = false, secondSide = false): PreparedEntry[] {
  const n = entries.length;
  const days = new Float64Array(n);
  const cents = new Float64Array(n);
  const rows = new Float64Array(n);
  const signs = new Int8Array(n);
  const documents = new Uint8Array(n);
  const currencies = new Array<string>(n);
  const references = new Array<string>(n);
  const names = new Array<NormalizedName | null>(n);
  // Key numbers and texts of entry i are ids/keyTexts[keyStarts[i] … keyStarts[i + 1]).
  const keyStarts = new Int32Array(n + 1);
  const keyTexts: string[] = [];
  // Everything an entry gives is read in one pass, in the order entries were read: at a million rows
  // each visit to an entry object (and its strings) is a wait on memory, in read order the least.
  for (let i = 0; i < n; i++) {
    const entry = entries[i];
    days[i] = entry.day;
    const c = entryCents(entry);
    cents[i] = c;
    rows[i] = entry.row;
    signs[i] = c === c ? (c > 0 ? 1 : c < 0 ? -1 : 0) : entry.amount.isZero() ? 0 : entry.amount.isNegative() ? -1 : 1;
    documents[i] = documentsApart && isInvoiceOrBill(entry.document) ? 1 : 0;
    currencies[i] = normalizeCurrency(entry.currency);
    const reference = normalizeReference(entry.reference);
    references[i] = reference;
    const tokens = referenceTokens(entry.reference, entry.description, reference, entry.notes);
    if (reference) keyTexts.push(reference);
    for (const token of tokens) keyTexts.push(token);
    keyStarts[i + 1] = keyTexts.length;
    names[i] = cache.name(entry.counterparty);
  }
  const order = canonicalOrder(n, days, (x, y) => {
    const cx = cents[x];
    const cy = cents[y];
    if (cx !== cy) {
      if (cx === cx && cy === cy) return cx - cy; // both exact (NaN !== NaN)
      const byAmount = entries[x].amount.comparedTo(entries[y].amount);
      if (byAmount !== 0) return byAmount;
    }
    if (rows[x] !== rows[y]) return rows[x] - rows[y];
    // Rows are unique within a side; these only order hand-built entries that share a row number.
    const a = entries[x];
    const b = entries[y];
    return (
      compareText(a.counterparty, b.counterparty) ||
      compareText(a.reference, b.reference) ||
      compareText(a.description, b.description) ||
      a.index - b.index
    );
  });
  const keyIds = secondSide ? cache.referenceKeys.findSecondSide(keyTexts) : cache.referenceKeys.numberFirstSide(keyTexts);
  const prepared = new Array<PreparedEntry>(n);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    const c = cents[i];
    prepared[pos] = {
      entry: entries[i],
      pos,
      day: smallInteger(days[i]),
      cents: smallInteger(c),
      amountKey: c === c ? smallInteger(c) : `d${entries[i].amount.toString()}`,
      sign: signs[i],
      currency: currencies[i],
      isDocument: documents[i] === 1,
      name: names[i],
      reference: references[i],
      keyTexts,
      keyIds,
      keyFrom: keyStarts[i],
      keyCount: keyStarts[i + 1] - keyStarts[i],
    };
  }
  return prepared;
}

/** Σ amounts of the given positions, exactly. */
export function sumAmounts(side: readonly PreparedEntry[], positions: readonly number[]): Decimal {
  let total = new Decimal(0);
  for (const p of positions) total = total.plus(side[p].entry.amount);
  return total;
}
