/**
 * What every pass shares: both sides in canonical order, which entries are still free, the matches
 * found so far, lazily built indexes, progress. A pass only ever sees entries earlier passes left free.
 */
import Decimal from 'decimal.js';
import type { Entry, Match, MatchOptions, MatchRule, MatchStatus, ProgressListener, Reason, Side } from '../types';
import type { AliasBook } from './aliases';
import { textWords } from './normalize-name';
import { internReasons } from './reason-codes';
import type { NameCache, PreparedEntry } from './prepared-entry';

/** What a pass records: positions in canonical order (turned into entry indices at the end). */
export interface DraftMatch {
  ledger: number[];
  bank: number[];
  status: MatchStatus;
  rule: MatchRule;
  score: number;
  reasons: Reason[];
}

/** Placeholder until the end of the run, when every match gets its exact difference. */
const PENDING = new Decimal(0);

/** Reports ('matching', done, total) a few hundred times per run at most, never per entry. */
export class Progress {
  private done = 0;
  private nextReport = 0;
  private readonly step: number;

  constructor(
    private readonly listener: ProgressListener | undefined,
    readonly total: number,
  ) {
    this.step = Math.max(1, Math.floor(total / 200));
  }

  advance(units: number): void {
    this.done = Math.min(this.total, this.done + units);
    if (this.listener && (this.done >= this.nextReport || this.done === this.total)) {
      this.nextReport = this.done + this.step;
      this.listener('matching', this.done, this.total);
    }
  }

  /** Move to an absolute point (end of a pass), reporting it. */
  reach(done: number): void {
    if (done > this.done) this.advance(done - this.done);
  }
}

/** What passes test every candidate for, by position, in flat arrays (see MatchContext.days). */
interface SideColumns {
  days: Float64Array;
  /** PreparedEntry.cents: NaN when the amount is not exact in cents. */
  cents: Float64Array;
  signs: Int8Array;
}

function columnsOf(entries: readonly PreparedEntry[]): SideColumns {
  const n = entries.length;
  const columns = { days: new Float64Array(n), cents: new Float64Array(n), signs: new Int8Array(n) };
  for (let p = 0; p < n; p++) {
    const e = entries[p];
    columns.days[p] = e.day;
    columns.cents[p] = e.cents;
    columns.signs[p] = e.sign;
  }
  return columns;
}

export class MatchContext {
  readonly ledgerFree: Uint8Array;
  readonly bankFree: Uint8Array;
  /**
   * Matches found so far, already in their final shape (one long-lived object each): `ledger`/`bank`
   * hold canonical positions and `id`/`difference` are filled in at the end (match-entries.ts).
   */
  readonly matches: Match[] = [];
  /** Lazily built indexes per side, by kind (see indexes.ts); built from entries free at the time. */
  private readonly indexes = { ledger: new Map<string, unknown>(), bank: new Map<string, unknown>() };
  private readonly texts: { ledger: (string | undefined)[]; bank: (string | undefined)[] };
  private readonly words: { ledger: (string[] | undefined)[]; bank: (string[] | undefined)[] };
  private readonly stamps: { ledger: Int32Array; bank: Int32Array };
  /** Each side's days, cents and signs by position: date windows are searched and scanned on these. */
  private readonly columns: { ledger: SideColumns; bank: SideColumns };
  private stamp = 0;
  /** Name pairs people confirmed (aliases.ts); null when there are none. */
  aliases: AliasBook | null = null;
  /**
   * The other side is one counterparty's own ledger (往来对账) and ours names no other counterparty:
   * every line on both sides is between the same two companies, so a name is never missing.
   */
  oneCounterparty = false;

  constructor(
    readonly ledger: readonly PreparedEntry[],
    readonly bank: readonly PreparedEntry[],
    readonly options: MatchOptions,
    readonly cache: NameCache,
    readonly progress: Progress,
  ) {
    this.ledgerFree = new Uint8Array(ledger.length).fill(1);
    this.bankFree = new Uint8Array(bank.length).fill(1);
    this.texts = { ledger: new Array(ledger.length), bank: new Array(bank.length) };
    this.words = { ledger: new Array(ledger.length), bank: new Array(bank.length) };
    this.stamps = { ledger: new Int32Array(ledger.length), bank: new Int32Array(bank.length) };
    this.columns = { ledger: columnsOf(ledger), bank: columnsOf(bank) };
  }

  /**
   * Days by position (ascending: positions are in canonical order). Binary searches and window scans
   * read this, not the entry objects: at a million entries each object read is a wait on memory.
   */
  days(side: Side): Float64Array {
    return this.columns[side].days;
  }

  /** Cents by position (NaN: not exact in cents), read like `days`. */
  cents(side: Side): Float64Array {
    return this.columns[side].cents;
  }

  /** Signs by position (-1 money out, 1 money in, 0 nothing), read like `days`. */
  signs(side: Side): Int8Array {
    return this.columns[side].signs;
  }

  entries(side: Side): readonly PreparedEntry[] {
    return side === 'ledger' ? this.ledger : this.bank;
  }

  free(side: Side): Uint8Array {
    return side === 'ledger' ? this.ledgerFree : this.bankFree;
  }

  /**
   * The entry's free text normalised for "is this name written in it", computed on first use: the
   * description, and the reference and note columns too, where banks often write the payer's name
   * (備註 大同精密工業, 附言 张伟代付).
   */
  text(side: Side, pos: number): string {
    const texts = this.texts[side];
    let text = texts[pos];
    if (text === undefined) {
      text = this.cache.text(freeText(this.entries(side)[pos].entry));
      texts[pos] = text;
    }
    return text;
  }

  /** The words of the same text, computed on first use (short names must match whole Latin words). */
  textWords(side: Side, pos: number): string[] {
    const words = this.words[side];
    let found = words[pos];
    if (found === undefined) {
      found = textWords(freeText(this.entries(side)[pos].entry));
      words[pos] = found;
    }
    return found;
  }

  /**
   * A yes/no fact about one entry, computed once per run (kind: a constant naming the fact).
   * For facts asked many times per entry from many candidate pairs.
   */
  remember(side: Side, kind: string, pos: number, compute: () => boolean): boolean {
    const facts = this.index(side, kind, () => new Int8Array(this.entries(side).length));
    let fact = facts[pos];
    if (fact === 0) {
      fact = compute() ? 1 : -1;
      facts[pos] = fact;
    }
    return fact === 1;
  }

  /** A value about one entry, computed once per run (kind: a constant naming it). */
  memo<T>(side: Side, kind: string, pos: number, compute: () => T): T {
    const values = this.index(side, kind, () => new Array<T | undefined>(this.entries(side).length));
    let value = values[pos];
    if (value === undefined) {
      value = compute();
      values[pos] = value;
    }
    return value;
  }

  /** A fresh "seen" mark for de-duplicating candidates within one search. */
  newVisit(): number {
    this.stamp += 1;
    return this.stamp;
  }

  /** Mark pos as seen in the current visit; false when it was already seen. */
  visit(side: Side, pos: number, mark: number): boolean {
    const stamps = this.stamps[side];
    if (stamps[pos] === mark) return false;
    stamps[pos] = mark;
    return true;
  }

  record(draft: DraftMatch): void {
    for (const p of draft.ledger) this.ledgerFree[p] = 0;
    for (const p of draft.bank) this.bankFree[p] = 0;
    const { ledger, bank, status, rule, score, reasons } = draft;
    this.matches.push({ id: '', ledger, bank, status, rule, score, difference: PENDING, reasons: internReasons(reasons) });
  }

  /** Build (once) and return the index of `kind` over `side`. */
  index<T>(side: Side, kind: string, build: () => T): T {
    const built = this.indexes[side];
    let found = built.get(kind) as T | undefined;
    if (found === undefined) {
      found = build();
      built.set(kind, found);
    }
    return found;
  }
}

/** Description, reference and notes as one text (a description alone is used as it is, not copied). */
function freeText(entry: Entry): string {
  const { description, reference, notes } = entry;
  if (reference === '' && !notes) return description;
  return [description, reference, notes ?? ''].filter((t) => t !== '').join(' ');
}
