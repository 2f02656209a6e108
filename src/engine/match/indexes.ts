/**
 * Indexes that keep every candidate search near-linear: by exact amount, by reference key, by name,
 * by amount band. Each list holds positions in canonical order, hence in date order, so a date window
 * is found by binary search and scanned, with a hard cap on how many entries one search may look at.
 * Indexes are built from the entries free when first asked for; used entries are skipped on lookup.
 */
import type { Side } from '../types';
import type { MatchContext } from './context';
import type { NormalizedName } from './normalize-name';
import { referenceIdAt, type PreparedEntry } from './prepared-entry';

/**
 * Positions by key. Most keys (an amount, an invoice number) belong to one entry, so a single position
 * is stored as a number and only a second one makes a list: a million keys need not mean a million
 * arrays.
 */
export type Positions = number | number[];
export type PositionIndex<K> = Map<K, Positions>;

/** The most entries one lookup scans inside its date window; a busier bucket is cut, not searched. */
export const MAX_SCAN_PER_LOOKUP = 512;

function add<K>(index: PositionIndex<K>, key: K, pos: number): void {
  const found = index.get(key);
  if (found === undefined) index.set(key, pos);
  else if (typeof found === 'number') {
    if (found !== pos) index.set(key, [found, pos]);
  } else if (found[found.length - 1] !== pos) found.push(pos);
}

function buildIndex<K>(ctx: MatchContext, side: Side, keys: (e: PreparedEntry, add: (key: K) => void) => void): PositionIndex<K> {
  const index: PositionIndex<K> = new Map();
  const entries = ctx.entries(side);
  const free = ctx.free(side);
  // One `put` for the whole build (not a closure per entry: a million entries, several indexes).
  let p = 0;
  const put = (key: K): void => add(index, key, p);
  for (; p < entries.length; p++) {
    if (free[p] === 0) continue;
    keys(entries[p], put);
  }
  return index;
}

/** Same amount exactly. */
export function amountIndex(ctx: MatchContext, side: Side): PositionIndex<number | string> {
  return ctx.index(side, 'amount', () =>
    buildIndex<number | string>(ctx, side, (e, put) => {
      if (e.sign !== 0) put(e.amountKey);
    }),
  );
}

/** Amount bands of a given width in cents: a tolerance search looks at its band and both neighbours. */
export function bandIndex(ctx: MatchContext, side: Side, width: number): PositionIndex<number> {
  // The width is the run's tolerance, the same for every call.
  return ctx.index(side, 'band', () =>
    buildIndex<number>(ctx, side, (e, put) => {
      if (e.sign !== 0 && !Number.isNaN(e.cents)) put(Math.floor(e.cents / width));
    }),
  );
}

/**
 * Free entries by key number (reference keys, name keys: KeyBook numbers): the positions carrying key
 * k are positions[start[k] … start[k + 1]), in canonical order. Two flat arrays instead of a Map with
 * a string key and a list per key: at a million entries there are millions of keys. Keys numbered
 * after the index was built have no positions; -1 (a key only one side has) is never indexed.
 */
export interface KeyIndex {
  start: Int32Array;
  positions: Int32Array;
}

/**
 * A key index over positions 0 … count − 1: position p carries keyCountOf(p) keys, keyAt(p, 0 …);
 * negative key numbers (a key only one side has) are not indexed.
 */
function buildKeyIndex(count: number, keyCount: number, keyCountOf: (pos: number) => number, keyAt: (pos: number, k: number) => number): KeyIndex {
  const start = new Int32Array(keyCount + 1);
  for (let p = 0; p < count; p++) {
    const keys = keyCountOf(p);
    for (let k = 0; k < keys; k++) {
      const id = keyAt(p, k);
      if (id >= 0) start[id + 1]++;
    }
  }
  for (let id = 0; id + 1 < start.length; id++) start[id + 1] += start[id];
  const next = start.slice(0, start.length - 1);
  const positions = new Int32Array(start[start.length - 1]);
  for (let p = 0; p < count; p++) {
    const keys = keyCountOf(p);
    for (let k = 0; k < keys; k++) {
      const id = keyAt(p, k);
      if (id >= 0) positions[next[id]++] = p;
    }
  }
  return { start, positions };
}

/** Free entries by reference key (its reference and the reference-like tokens of its memo). */
export function referenceIndex(ctx: MatchContext, side: Side): KeyIndex {
  return ctx.index(side, 'reference', () => {
    const entries = ctx.entries(side);
    const free = ctx.free(side);
    return buildKeyIndex(
      entries.length,
      ctx.cache.referenceKeys.size,
      (p) => (free[p] === 0 ? 0 : entries[p].keyCount),
      (p, k) => referenceIdAt(entries[p], k),
    );
  });
}

/** How many entries of the index carry key `id`. */
export function holdersOf(index: KeyIndex, id: number): number {
  return id >= 0 && id + 1 < index.start.length ? index.start[id + 1] - index.start[id] : 0;
}

/**
 * A name's index keys as KeyBook numbers, worked out once per distinct name (names are shared through
 * NameCache): its bucket, the first characters of its city-less core, enough to survive a bank's
 * truncation; and its short name (SHORT + 字号 or first word), or -1 without one.
 */
interface NameKeys {
  bucket: number;
  short: number;
  /** [bucket] or [bucket, short], as indexed. */
  all: readonly number[];
}

function nameKeys(ctx: MatchContext, name: NormalizedName): NameKeys {
  return ctx.cache.nameKeysOf(name, () => {
    const book = ctx.cache.nameKeys;
    const bucket = book.id(name.regionless.slice(0, name.cjk ? CJK_BUCKET : LATIN_BUCKET));
    const short = name.short ? book.id(SHORT + name.short) : -1;
    return { bucket, short, all: short >= 0 ? [bucket, short] : [bucket] };
  });
}

const CJK_BUCKET = 4;
const LATIN_BUCKET = 6;
/** Pieces are taken from the first characters of a description only (names come early). */
const MAX_TEXT_FOR_PIECES = 48;
const CJK_CHAR = /[\u3400-\u9fff]/;

/** shortPieces of an entry's description as short-name keys (SHORT + piece), numbered, once per entry. */
function pieceKeysOf(ctx: MatchContext, side: Side, pos: number): readonly number[] {
  return ctx.memo(side, 'pieces', pos, () => shortPieces(ctx.textWords(side, pos)).map((piece) => ctx.cache.nameKeys.id(SHORT + piece)));
}

export interface NameIndex {
  /** Entries with a counterparty, by name bucket and by short name (SHORT + 字号 or first word). */
  byName: KeyIndex;
  /**
   * Entries without one, by every short-name-sized piece of their description (SHORT + word,
   * SHORT + two Chinese characters): the name is often only written there, whole or short.
   */
  byText: KeyIndex;
}

/** Prefix of short-name keys, so a short name never collides with a bucket. */
const SHORT = '\u0001';

/** Pieces of a description that could be a short name: Latin words, pairs of Chinese characters. */
export function shortPieces(words: readonly string[]): string[] {
  const pieces: string[] = [];
  for (const word of words) {
    if (!CJK_CHAR.test(word)) {
      if (word.length >= 3 && !pieces.includes(word)) pieces.push(word);
      continue;
    }
    for (let i = 0; i + 2 <= word.length && i < MAX_TEXT_FOR_PIECES; i++) {
      const pair = word.slice(i, i + 2);
      if (CJK_CHAR.test(pair) && !pieces.includes(pair)) pieces.push(pair);
    }
  }
  return pieces;
}

export function nameIndex(ctx: MatchContext, side: Side): NameIndex {
  return ctx.index(side, 'name', () => {
    const entries = ctx.entries(side);
    const free = ctx.free(side);
    const indexed = (p: number): boolean => free[p] === 1 && entries[p].sign !== 0;
    // Keys first (numbering new ones), then the two indexes over the complete numbering.
    const named: (readonly number[] | null)[] = new Array(entries.length).fill(null);
    const unnamed: (readonly number[] | null)[] = new Array(entries.length).fill(null);
    for (let p = 0; p < entries.length; p++) {
      if (!indexed(p)) continue;
      const name = entries[p].name;
      if (name) named[p] = nameKeys(ctx, name).all;
      else unnamed[p] = pieceKeysOf(ctx, side, p);
    }
    const keyCount = ctx.cache.nameKeys.size;
    const keyCountIn = (keys: (readonly number[] | null)[]) => (p: number): number => keys[p]?.length ?? 0;
    const keyIn = (keys: (readonly number[] | null)[]) => (p: number, k: number): number => keys[p]![k];
    return {
      byName: buildKeyIndex(entries.length, keyCount, keyCountIn(named), keyIn(named)),
      byText: buildKeyIndex(entries.length, keyCount, keyCountIn(unnamed), keyIn(unnamed)),
    };
  });
}

/** The first position whose day is ≥ day (positions are in date order, so `days` is ascending). */
export function firstPositionOnOrAfter(days: Float64Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first position in list[from … to) whose day is ≥ day (lists are in date order). */
function firstOnOrAfter(list: ArrayLike<number>, days: Float64Array, day: number, from = 0, to = list.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[list[mid]] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Appends to `out` the free entries of `found` dated within [day − window, day + window], at most
 * MAX_SCAN_PER_LOOKUP of them looked at, nearest the start of the window first, once per `mark`.
 */
export function collectWindow(ctx: MatchContext, side: Side, found: Positions | undefined, day: number, window: number, mark: number, out: number[]): void {
  if (found === undefined) return;
  if (typeof found === 'number') {
    if (ctx.free(side)[found] === 1 && Math.abs(ctx.days(side)[found] - day) <= window && ctx.visit(side, found, mark)) out.push(found);
    return;
  }
  collectRange(ctx, side, found, 0, found.length, day, window, mark, out);
}

/** collectWindow over list[from … to) (a date-ordered list of positions). */
function collectRange(ctx: MatchContext, side: Side, list: ArrayLike<number>, from: number, to: number, day: number, window: number, mark: number, out: number[]): void {
  const days = ctx.days(side);
  const free = ctx.free(side);
  const last = day + window;
  let scanned = 0;
  for (let i = firstOnOrAfter(list, days, day - window, from, to); i < to && scanned < MAX_SCAN_PER_LOOKUP; i++) {
    const p = list[i];
    if (days[p] > last) break;
    scanned++;
    if (free[p] === 1 && ctx.visit(side, p, mark)) out.push(p);
  }
}

/**
 * The free entries of `found` nearest to `day` (at most `limit`, within ±window), nearest first;
 * equally near ones in canonical order. Walks outward from `day` through the date-ordered list, so a
 * busy amount (5,000.00 a hundred times a month) costs the few entries around `day`, not all of them.
 * Fills `out` (cleared first); returns true when it stopped at `limit` with more entries in the window
 * (a busy amount: the caller may want to look for the right one by name as well).
 */
export function nearestFree(
  ctx: MatchContext,
  side: Side,
  found: Positions | undefined,
  day: number,
  window: number,
  limit: number,
  out: number[],
): boolean {
  out.length = 0;
  if (found === undefined) return false;
  const days = ctx.days(side);
  const free = ctx.free(side);
  if (typeof found === 'number') {
    if (free[found] === 1 && Math.abs(days[found] - day) <= window) out.push(found);
    return false;
  }
  const list = found;
  let right = firstOnOrAfter(list, days, day);
  let left = right - 1;
  let scanned = 0;
  while (out.length < limit && scanned < MAX_SCAN_PER_LOOKUP) {
    const leftGap = left >= 0 ? day - days[list[left]] : Infinity;
    const rightGap = right < list.length ? days[list[right]] - day : Infinity;
    const gap = Math.min(leftGap, rightGap);
    if (gap > window) break;
    // Equal gaps: the left one comes first in canonical order.
    const p = leftGap <= rightGap ? list[left--] : list[right++];
    scanned++;
    if (free[p] === 1) out.push(p);
  }
  // Nearest first, then canonical order (left and right were interleaved by gap only). An insertion
  // sort: `out` holds at most `limit` (a few) positions, and Array#sort allocates on every call.
  for (let i = 1; i < out.length; i++) {
    const p = out[i];
    const gap = Math.abs(days[p] - day);
    let j = i - 1;
    for (; j >= 0; j--) {
      const q = out[j];
      const qGap = Math.abs(days[q] - day);
      if (qGap < gap || (qGap === gap && q < p)) break;
      out[j + 1] = q;
    }
    out[j + 1] = p;
  }
  return out.length === limit;
}

/**
 * Appends to `out` the free entries of `otherSide` that may share a counterparty with `from` (same
 * name bucket, or for entries without a counterparty a description holding the name), each at most
 * once per `mark` (ctx.newVisit(); the same mark across calls de-duplicates across them). Candidates
 * still need checking with nameEvidence; this only narrows the search. Positions are collected, not
 * handed to a callback: a pass runs this for every entry, and a closure per entry is garbage.
 */
export function collectSameName(ctx: MatchContext, from: PreparedEntry, fromSide: Side, otherSide: Side, window: number, mark: number, out: number[]): void {
  const index = nameIndex(ctx, otherSide);
  if (from.name) {
    const keys = nameKeys(ctx, from.name);
    collectKey(ctx, otherSide, index.byName, keys.bucket, from.day, window, mark, out);
    if (keys.short >= 0) collectKey(ctx, otherSide, index.byText, keys.short, from.day, window, mark, out);
  } else {
    for (const id of pieceKeysOf(ctx, fromSide, from.pos)) collectKey(ctx, otherSide, index.byName, id, from.day, window, mark, out);
  }
}

/** Appends to `out` the free entries of `otherSide` sharing a reference key with `from` (either direction), once per `mark`. */
export function collectSameReference(ctx: MatchContext, from: PreparedEntry, otherSide: Side, window: number, mark: number, out: number[]): void {
  if (from.keyCount === 0) return;
  const index = referenceIndex(ctx, otherSide);
  for (let k = 0; k < from.keyCount; k++) collectKey(ctx, otherSide, index, referenceIdAt(from, k), from.day, window, mark, out);
}

/** The free positions of key `id` in `index` within the window, once per `mark`. */
function collectKey(ctx: MatchContext, side: Side, index: KeyIndex, id: number, day: number, window: number, mark: number, out: number[]): void {
  if (holdersOf(index, id) > 0) collectRange(ctx, side, index.positions, index.start[id], index.start[id + 1], day, window, mark, out);
}
