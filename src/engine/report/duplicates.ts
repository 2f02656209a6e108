/**
 * Suspected duplicates on one side: a line that repeats another line of the same side (same date,
 * amount and counterparty, or same amount and reference) and is itself left open (unmatched).
 * When the copy's twin was matched, or came first in the file, the copy is the suspect; the twin
 * stays where it is. Lines whose descriptions or references disagree are two transactions, not
 * one written twice.
 *
 * A bank export pasted twice shows as a run of consecutive copies of consecutive lines; such a
 * run (3 lines or more) is named with its dates and rows.
 */
import { cachedNames } from './name-cache';
import type { Entry, Side } from '../types';

export interface DuplicateLine {
  side: Side;
  /** The suspected extra copy (an open line). */
  entry: Entry;
  /** The line it repeats. */
  copyOf: Entry;
  /** What the two share besides the amount. */
  key: 'name-date' | 'reference';
}

export interface OverlapPeriod {
  side: Side;
  /** ISO dates of the repeated stretch. */
  from: string;
  to: string;
  /** Source rows of the copies and of the lines they repeat. */
  rows: [number, number];
  copiesOf: [number, number];
  count: number;
}

export interface Duplicates {
  lines: DuplicateLine[];
  overlaps: OverlapPeriod[];
}

/** Consecutive copies needed before a stretch is called a pasted-twice period. */
const MIN_OVERLAP_RUN = 3;

export function findDuplicates(side: Side, entries: readonly Entry[], isOpen: (entry: Entry) => boolean): Duplicates {
  const byKey = new Map<string, Entry[]>();
  const add = (key: string, entry: Entry) => {
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  };
  const nameKeys = new Map<Entry, string>();
  const nameOf = cachedNames();
  for (const entry of entries) {
    const name = nameOf(entry.counterparty);
    const amount = entry.amount.toString(); // decimal.js writes each value one way (no trailing zeros)
    if (name) {
      const key = `n|${entry.date}|${amount}|${name.full}`;
      nameKeys.set(entry, key);
      add(key, entry);
    }
    if (entry.reference.trim() !== '') add(`r|${amount}|${entry.reference.trim().toLowerCase()}`, entry);
  }

  const lines: DuplicateLine[] = [];
  const suspected = new Set<Entry>();
  for (const entry of entries) {
    if (!isOpen(entry)) continue;
    const keys: [string, DuplicateLine['key']][] = [];
    const nameKey = nameKeys.get(entry);
    if (nameKey) keys.push([nameKey, 'name-date']);
    if (entry.reference.trim() !== '') keys.push([`r|${entry.amount.toString()}|${entry.reference.trim().toLowerCase()}`, 'reference']);
    for (const [key, kind] of keys) {
      // The twin: a line before it in the file, or any matched line; never another suspect.
      const twin = byKey.get(key)!.find((other) => other !== entry && !suspected.has(other) && (other.index < entry.index || !isOpen(other)) && sameTransaction(entry, other));
      if (twin) {
        lines.push({ side, entry, copyOf: twin, key: kind });
        suspected.add(entry);
        break;
      }
    }
  }
  lines.sort((a, b) => a.entry.index - b.entry.index);
  return { lines, overlaps: overlapsOf(side, lines) };
}

/** Descriptions and references, where both lines have one, must agree. */
function sameTransaction(a: Entry, b: Entry): boolean {
  if (a.description !== '' && b.description !== '' && a.description !== b.description) return false;
  if (a.reference !== '' && b.reference !== '' && a.reference !== b.reference) return false;
  return true;
}

function overlapsOf(side: Side, lines: readonly DuplicateLine[]): OverlapPeriod[] {
  const overlaps: OverlapPeriod[] = [];
  let run: DuplicateLine[] = [];
  const close = () => {
    if (run.length >= MIN_OVERLAP_RUN) {
      const dates = run.map((l) => l.entry.date).sort();
      overlaps.push({
        side,
        from: dates[0],
        to: dates[dates.length - 1],
        rows: [run[0].entry.row, run[run.length - 1].entry.row],
        copiesOf: [run[0].copyOf.row, run[run.length - 1].copyOf.row],
        count: run.length,
      });
    }
    run = [];
  };
  for (const line of lines) {
    const previous = run[run.length - 1];
    const continues = previous && line.entry.index === previous.entry.index + 1 && line.copyOf.index === previous.copyOf.index + 1;
    if (!continues) close();
    run.push(line);
  }
  close();
  return overlaps;
}
