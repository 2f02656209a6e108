/**
 * The data test: with both sides read, how well does each candidate reading of one side meet the other?
 * Under each reading, count the lines that have a line of the other side of the same amount, in the same
 * direction, within the date window. A reading under which the ledger meets the bank many times better
 * wins over a header word (a cash journal with a 发票号 column is still a cash journal).
 *
 * Cheap by construction: the other side is indexed once by signed amount (sorted days per amount), and
 * each candidate is one pass over this side with a binary search per line: O(n log n), never n × m.
 */
import type { Reason } from '../types';
import { chooseReading, columnsForReading, readingDecisions, type ReadingPlan } from './plan-reading';
import { resign } from './read-rows';
import { assembleResult, readingSummary, type MeetFigures, type SideReading } from './read-side';
import { effectUnder, type MovementBucket, type Reading, type ReadingKey } from './readings';
import type { ScoredReading } from './reading-evidence';
import Decimal from 'decimal.js';

/** Points per unit of ln(meets + 1): 2,031 meets against 12 is worth ≈ 10 points, more than any header word. */
export const DATA_WEIGHT = 2;

/** One line's key: direction and amount in cents as written (`+1234.50`). */
interface KeyedLine {
  key: string;
  day: number;
}

const ONE = new Decimal(1);

/** What a bucket and the sign of the written value give under a reading: sign of the effect and document. */
function effectTable(reading: Reading): Map<string, { negative: boolean; document: boolean }> {
  const table = new Map<string, { negative: boolean; document: boolean }>();
  for (const bucket of ['in', 'out', 'debit', 'credit', 'signed'] as MovementBucket[]) {
    for (const value of [ONE, ONE.negated()]) {
      const effect = effectUnder(reading, bucket, value);
      table.set(`${bucket}${value.isNegative() ? '-' : '+'}`, { negative: effect.amount.isNegative(), document: effect.document === 'invoice' || effect.document === 'bill' });
    }
  }
  return table;
}

/** Absolute amounts as text, computed once per side (the costly part). */
function absoluteKeys(side: SideReading): string[] {
  return side.rows.values.map((v) => v.abs().toFixed(2));
}

/**
 * The lines a side offers for matching under a reading: its cash lines when it also holds invoices or
 * bills (those are settled within the ledger), all of them otherwise.
 */
function linesUnder(side: SideReading, reading: Reading, absolute: readonly string[]): KeyedLine[] {
  const table = effectTable(reading);
  const { buckets, values } = side.rows;
  const entries = side.result.entries;
  const cash: KeyedLine[] = [];
  const documents: KeyedLine[] = [];
  for (let i = 0; i < entries.length; i++) {
    const effect = table.get(`${buckets[i]}${values[i].isNegative() ? '-' : '+'}`)!;
    const line = { key: `${effect.negative ? '-' : '+'}${absolute[i]}`, day: entries[i].day };
    (effect.document ? documents : cash).push(line);
  }
  return cash.length > 0 ? cash : documents;
}

/** Sorted days per signed amount. */
function indexByAmount(lines: readonly KeyedLine[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  for (const line of lines) {
    const list = lists.get(line.key);
    if (list) list.push(line.day);
    else lists.set(line.key, [line.day]);
  }
  const index = new Map<string, Int32Array>();
  for (const [key, days] of lists) index.set(key, Int32Array.from(days).sort());
  return index;
}

/** Is there a day within [from, to] in the sorted list? */
function anyWithin(days: Int32Array, from: number, to: number): boolean {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo] <= to;
}

function meetCount(lines: readonly KeyedLine[], other: Map<string, Int32Array>, windowDays: number): number {
  let meets = 0;
  for (const line of lines) {
    const days = other.get(line.key);
    if (days && anyWithin(days, line.day - windowDays, line.day + windowDays)) meets++;
  }
  return meets;
}

/** Decision lines about the reading itself (replaced when the data test has spoken). */
function isReadingLine(reason: Reason): boolean {
  return /^(kind-|evidence-|meaning-)/.test(reason.code) || reason.code === 'opposite-signs' || reason.code === 'signed-flipped';
}

/** One candidate per way of reading the rows (the best-scored of each signature), contradicted ones left out. */
function distinctCandidates(plan: ReadingPlan): ScoredReading[] {
  const seen = new Set<string>();
  const out: ScoredReading[] = [];
  for (const candidate of plan.candidates) {
    if (candidate.contradicted || seen.has(candidate.signature)) continue;
    seen.add(candidate.signature);
    out.push(candidate);
  }
  return out;
}

/**
 * Runs the data test for `side` against `other` as it is now read; re-signs `side` when another reading
 * meets the other side decisively better. Returns whether the reading changed.
 */
function testSide(side: SideReading, other: SideReading, windowDays: number): boolean {
  // scores and decisions before any data test: a second test starts again from them
  const plan = side.evidencePlan ?? side.plan;
  side.evidencePlan = plan;
  if (plan.readingGiven || plan.refusal || side.result.entries.length === 0 || other.result.entries.length === 0) return false;
  const candidates = distinctCandidates(plan);
  if (candidates.length < 2) return false;

  const otherIndex = indexByAmount(linesUnder(other, other.plan.reading, absoluteKeys(other)));
  const absolute = absoluteKeys(side);
  const figures: MeetFigures = new Map();
  const rescored = plan.candidates.map((candidate) => {
    const lines = linesUnder(side, candidate.reading, absolute);
    const meets = meetCount(lines, otherIndex, windowDays);
    figures.set(candidate.reading.key, { meets, lines: lines.length });
    return { ...candidate, score: candidate.score + DATA_WEIGHT * Math.log(meets + 1) };
  });
  const choice = chooseReading(rescored);
  const changed = choice.reading.key !== side.plan.reading.key;
  const best = figures.get(choice.reading.key)!;
  const dataLines: Reason[] = [
    { code: side.plan.side === 'ledger' ? 'evidence-data' : 'evidence-data-bank', params: { kind: choice.reading.key, meets: best.meets, lines: best.lines, days: windowDays } },
  ];
  for (const candidate of distinctCandidates({ ...plan, candidates: choice.candidates })) {
    if (candidate.signature === choice.candidates[0].signature) continue;
    dataLines.push({ code: 'evidence-data-other', params: { kind: candidate.reading.key, meets: figures.get(candidate.reading.key)?.meets ?? 0 } });
  }

  const newPlan: ReadingPlan = { ...plan, ...choice };
  newPlan.columns = columnsForReading(plan, choice.reading);
  if (changed) {
    resign(side.rows.entries, side.rows.buckets, side.rows.values, choice.reading);
    const headers: ReadingPlan['columnHeaders'] = {};
    for (const [role, column] of Object.entries(newPlan.columns)) {
      const text = plan.layout?.texts[column as number] ?? '';
      if (text !== '') headers[role as keyof typeof headers] = text;
    }
    newPlan.columnHeaders = headers;
  }
  // the reading's own lines are replaced: the decision, then the data, then the rest of its evidence
  const rest = plan.decisions.filter((d) => !isReadingLine(d));
  const amountCol = plan.columns.amount;
  const own = readingDecisions(newPlan, false, amountCol !== undefined ? plan.layout?.texts[amountCol] ?? '' : '');
  newPlan.decisions = [own[0], ...dataLines, ...own.slice(1), ...rest];
  side.plan = newPlan;
  side.result = assembleResult(newPlan, side.rows, readingSummary(newPlan, new Map(newPlan.candidates.map((c) => [c.reading.key, c.signature])), figures));
  return changed;
}

/**
 * The data test on both sides: the ledger against the bank as read, then the bank against the ledger
 * (a counterparty's own ledger, a card's signs), then the ledger again if the bank changed.
 */
export function decideReadings(ledger: SideReading, bank: SideReading, windowDays: number): void {
  testSide(ledger, bank, windowDays);
  if (testSide(bank, ledger, windowDays)) testSide(ledger, bank, windowDays);
}
