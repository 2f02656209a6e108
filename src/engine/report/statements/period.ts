/**
 * The statement period: the user's choice, else the ledger's last full month (the month of its
 * latest date when that date is the month's last day, otherwise the month before, unless the ledger
 * begins in that month: a ledger of one month is that month's).
 */
import { makeDate } from '../../read/calendar-day';
import type { Period } from './statement-model';

/** `2025-03` or `2025-03-01..2025-03-31` → a period; null when the text is neither. */
export function parsePeriod(text: string): Period | null {
  const month = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (month) return monthPeriod(Number(month[1]), Number(month[2]));
  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|~|至|to)\s*(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!range) return null;
  const from = isoDate(range[1]);
  const to = isoDate(range[2]);
  return from && to && from <= to ? { from, to } : null;
}

export function monthPeriod(year: number, month: number): Period | null {
  const first = makeDate(year, month, 1);
  if (!first) return null;
  const last = makeDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1);
  return last ? { from: first.iso, to: isoOfDay(last.day - 1) } : null;
}

/**
 * The last full month the dates cover; null when there are none. A ledger that begins in its latest
 * month is that month's: a December ledger whose last line is on the 30th has its statements for
 * December (as of the 30th), not for a November before its first line, which would leave every
 * customer without one.
 */
export function lastFullMonth(isoDates: Iterable<string>): Period | null {
  let latest = '';
  let earliest = '';
  for (const d of isoDates) {
    if (d > latest) latest = d;
    if (earliest === '' || d < earliest) earliest = d;
  }
  if (latest === '') return null;
  const [y, m] = latest.split('-').map(Number);
  const month = monthPeriod(y, m)!;
  if (latest === month.to || earliest >= month.from) return month;
  return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
}

export function isoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  return m ? (makeDate(Number(m[1]), Number(m[2]), Number(m[3]))?.iso ?? null) : null;
}

export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
