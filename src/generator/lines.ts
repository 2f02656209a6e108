/**
 * The lines a pair is built from, before they become cells: which bucket of the truth each belongs to,
 * kept column by column (see LedgerColumns).
 */
import type { TruthItem } from './truth';

export const GROUP = 0;
export const ONE_SIDED = 1;
export const DOCUMENT = 2;
export type Bucket = typeof GROUP | typeof ONE_SIDED | typeof DOCUMENT;

export interface LedgerLine {
  day: number;
  cents: number;
  /** Cash journal: debit = money in. Receivables: debit = invoice, credit = receipt. */
  column: 'debit' | 'credit';
  party: string;
  invoice: string;
  summary: string;
  bucket: Bucket;
  ref: number;
  /** A 备注 cell, when the ledger has one. */
  note?: string;
}

export interface BankLine {
  day: number;
  cents: number;
  direction: 'in' | 'out';
  name: string;
  account: string;
  summary: string;
  memo: string;
  bucket: Bucket;
  ref: number;
  /** The memo sits in the export's 备注 column rather than its 附言 (when it has both). */
  memoInNote?: boolean;
}

/**
 * Lines kept column by column until they are written: a million rows as a few flat arrays instead of
 * a million long-lived objects, which is what keeps the garbage collector out of the way.
 */
export class LedgerColumns {
  readonly day: number[] = [];
  readonly cents: number[] = [];
  readonly debit: boolean[] = [];
  readonly party: string[] = [];
  readonly invoice: string[] = [];
  readonly summary: string[] = [];
  readonly bucket: Bucket[] = [];
  readonly ref: number[] = [];
  /** Sparse: only lines with a note. */
  readonly note: Array<string | undefined> = [];

  get length(): number {
    return this.day.length;
  }

  push(line: LedgerLine): void {
    if (line.note) this.note[this.day.length] = line.note;
    this.day.push(line.day);
    this.cents.push(line.cents);
    this.debit.push(line.column === 'debit');
    this.party.push(line.party);
    this.invoice.push(line.invoice);
    this.summary.push(line.summary);
    this.bucket.push(line.bucket);
    this.ref.push(line.ref);
  }
}

export class BankColumns {
  readonly day: number[] = [];
  readonly cents: number[] = [];
  readonly inflow: boolean[] = [];
  readonly name: string[] = [];
  readonly account: string[] = [];
  readonly summary: string[] = [];
  readonly memo: string[] = [];
  readonly bucket: Bucket[] = [];
  readonly ref: number[] = [];
  readonly memoInNote: boolean[] = [];

  get length(): number {
    return this.day.length;
  }

  push(line: BankLine): void {
    this.memoInNote.push(line.memoInNote === true);
    this.day.push(line.day);
    this.cents.push(line.cents);
    this.inflow.push(line.direction === 'in');
    this.name.push(line.name);
    this.account.push(line.account);
    this.summary.push(line.summary);
    this.memo.push(line.memo);
    this.bucket.push(line.bucket);
    this.ref.push(line.ref);
  }
}

export interface PendingItem {
  kind: TruthItem['kind'];
  cents: number;
}

/** Indices of lines ordered by day, keeping fill order within a day (stable counting sort, O(n + days)). */
export function orderByDay(days: ArrayLike<number>, count: number, start: number, span: number): Int32Array {
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < count; i++) counts[days[i] - start + 1]++;
  for (let d = 1; d <= span; d++) counts[d] += counts[d - 1];
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[counts[days[i] - start]++] = i;
  return order;
}
