/**
 * One side's cells → entries, in two stages a reader of this code can see:
 *   1. plan-reading   the reading plan: header row, column roles, dates, amounts, how directions are
 *                     written, and the reading (kind of book, meaning of signs) chosen among candidates
 *                     scored on evidence (readings.ts, reading-evidence.ts)
 *   2. read-rows      the rows read with that plan; every row ends up in `entries` or `skipped`
 * With both sides at hand, decide-readings.ts adds the data test (how well each reading meets the other
 * side) and may re-sign a side's entries.
 * A table streamed from a file (CellsSource.stream) is planned from its first rows and its other rows
 * read as they come; when the first rows cannot stand for the whole, the whole table is read instead.
 */
import { DOT_DECIMAL } from './amount';
import { readBalanceLines } from './balance-lines';
import type { BalanceLine, CellsSource, CellValue, ReadOptions, ReadResult, ReadingOption, ReadingSummary, TableStream } from '../types';
import { watchEvidence, type EvidenceWatch } from './column-formats';
import { headCoversPlan, planReading, type ReadingPlan } from './plan-reading';
import { readRows, sampleRows, type RowsRead } from './read-rows';
import { nameSectionParties } from './section-headings';
import { joinSplitDates } from './split-dates';
import { columnLetter } from './column-letter';
import { cellText } from './text';
import type { ReadingKey } from './readings';
import type { ScoredReading } from './reading-evidence';

/** A side as read, with what the data test needs to re-sign it under another reading. */
export interface SideReading {
  plan: ReadingPlan;
  rows: RowsRead;
  result: ReadResult;
}

/** Data-test figures per reading, once decide-readings.ts has run. */
export type MeetFigures = Map<ReadingKey, { meets: number; lines: number }>;

function option(scored: ScoredReading, figures?: MeetFigures): ReadingOption {
  const found = figures?.get(scored.reading.key);
  return {
    key: scored.reading.key,
    kind: scored.reading.kind,
    // a book's signed column read reversed is what a user states as opposite signs
    oppositeSigns: scored.reading.opposite || (scored.reading.side === 'ledger' && scored.reading.flipSigned),
    score: Math.round(scored.score * 100) / 100,
    ...(found && { meets: found.meets, lines: found.lines }),
  };
}

/** The candidates as the result reports them: the chosen one, then one per other way of reading the rows. */
export function readingSummary(plan: ReadingPlan, signatures: ReadonlyMap<ReadingKey, string>, figures?: MeetFigures): ReadingSummary {
  const chosen = plan.candidates.find((c) => c.reading.key === plan.reading.key) ?? plan.candidates[0];
  const seen = new Set([signatures.get(plan.reading.key)]);
  const alternatives: ReadingOption[] = [];
  for (const candidate of plan.candidates) {
    const signature = signatures.get(candidate.reading.key);
    if (seen.has(signature) || candidate.contradicted) continue;
    seen.add(signature);
    alternatives.push(option(candidate, figures));
  }
  return { chosen: option(chosen, figures), alternatives, doubtful: plan.doubtful, given: plan.readingGiven };
}

export function assembleResult(plan: ReadingPlan, rows: RowsRead, summary: ReadingSummary, balances: BalanceLine[]): ReadResult {
  return {
    side: plan.side,
    headerRow: plan.layout ? plan.firstRow + plan.headerIndex : 0,
    columns: plan.columns,
    columnHeaders: plan.columnHeaders,
    kind: plan.reading.kind,
    decisions: [...plan.decisions, ...rows.decisions],
    reading: summary,
    ...(plan.ambiguousDates && { dateOrder: { order: plan.dateRules.order === 'DMY' ? 'DMY' : 'MDY', ...plan.ambiguousDates } }),
    entries: rows.entries,
    skipped: rows.skipped,
    issues: rows.issues,
    balances,
    ...(rows.sections.length > 0 && { sections: rows.sections }),
  };
}

/** Thrown by a TableStream that cannot go on as it began: the side is read again from the start. */
export class RestartReading extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'RestartReading';
  }
}

export function readSideDetailed(source: CellsSource, options: ReadOptions): SideReading {
  const stream = source.stream;
  const split = joinSplitDates(source.cells);
  if (stream) {
    const streamed = split ? null : readStreamed(source, stream, options);
    if (streamed) return streamed;
    return readSideDetailed({ ...source, cells: stream.whole(), stream: undefined }, options);
  }
  if (!split) return readWithPlan(source, planOf(source, options));
  // 月 and 日 in two columns: read from a copy with the two joined, and say so.
  const joined = { ...source, cells: split.cells };
  const plan = planOf(joined, options);
  const letter = (column: number) => columnLetter((source.firstColumn ?? 0) + column);
  const text = (column: number) => cellText(source.cells[split.headerIndex]?.[column]);
  plan.decisions.push({ code: 'split-dates', params: { month: text(split.month), monthColumn: letter(split.month), day: text(split.day), dayColumn: letter(split.day) } });
  return readWithPlan(joined, plan);
}

function planOf(source: CellsSource, options: ReadOptions): ReadingPlan {
  return planReading(source, options, (provisional, limit) => sampleRows(source.cells, provisional, limit));
}

/** The rows read with the plan: `source.cells`, then `rest` when the table is streamed. */
function readWithPlan(source: CellsSource, plan: ReadingPlan, rest?: Iterable<CellValue[]>): SideReading {
  const head = source.cells;
  const rows = readRows(head, plan, Infinity, { cutFromText: source.cutFromText === true, rest });
  const signatures = new Map(plan.candidates.map((c) => [c.reading.key, c.signature]));
  const balances = readBalanceLines({
    side: plan.side, rowAt: (index) => (index < head.length ? head[index] : rows.totals.get(index)), firstRow: plan.firstRow, columns: plan.columns, skipped: rows.skipped,
    dateRules: plan.dateRules, styleOf: (column) => plan.styles.get(column) ?? DOT_DECIMAL,
    ...(plan.balanceSideColumn !== undefined && { balanceSide: { column: plan.balanceSideColumn, kind: plan.reading.kind } }),
  });
  return { plan, rows, result: assembleResult(plan, rows, readingSummary(plan, signatures), balances) };
}

/**
 * A streamed table read in one pass: planned from its first rows, then every later row read as it
 * comes. Null when the first rows cannot stand for the whole table: the plan looked past them, a later
 * row would have changed a whole-column decision (column-formats.ts), or the stream had to restart.
 */
function readStreamed(source: CellsSource, stream: TableStream, options: ReadOptions): SideReading | null {
  const plan = planOf(source, options);
  if (!headCoversPlan(source.cells, plan)) return null;
  const watch = watchEvidence(plan.evidence);
  try {
    const reading = readWithPlan(source, plan, watch ? watched(stream.rest(), watch) : stream.rest());
    return watch?.changed() ? null : reading;
  } catch (error) {
    if (error instanceof RestartReading) return null;
    throw error;
  }
}

function* watched(rows: Iterable<CellValue[]>, watch: EvidenceWatch): Generator<CellValue[]> {
  for (const row of rows) {
    watch.add(row);
    yield row;
  }
}

export function readSide(source: CellsSource, options: ReadOptions): ReadResult {
  return nameSectionParties(readSideDetailed(source, options).result);
}

