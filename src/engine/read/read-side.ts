/**
 * One side's cells → entries, in two stages a reader of this code can see:
 *   1. plan-reading   the reading plan: header row, column roles, dates, amounts, how directions are
 *                     written, and the reading (kind of book, meaning of signs) chosen among candidates
 *                     scored on evidence (readings.ts, reading-evidence.ts)
 *   2. read-rows      the rows read with that plan; every row ends up in `entries` or `skipped`
 * With both sides at hand, decide-readings.ts adds the data test (how well each reading meets the other
 * side) and may re-sign a side's entries.
 */
import { DOT_DECIMAL } from './amount';
import { readBalanceLines } from './balance-lines';
import type { BalanceLine, CellsSource, ReadOptions, ReadResult, ReadingOption, ReadingSummary } from '../types';
import { planReading, type ReadingPlan } from './plan-reading';
import { readRows, sampleRows, type RowsRead } from './read-rows';
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
    oppositeSigns: scored.reading.opposite,
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
    entries: rows.entries,
    skipped: rows.skipped,
    issues: rows.issues,
    balances,
  };
}

export function readSideDetailed(source: CellsSource, options: ReadOptions): SideReading {
  const plan = planReading(source, options, (provisional, limit) => sampleRows(source.cells, provisional, limit));
  const rows = readRows(source.cells, plan, Infinity, source.cutFromText === true);
  const signatures = new Map(plan.candidates.map((c) => [c.reading.key, c.signature]));
  const balances = readBalanceLines({
    side: plan.side, cells: source.cells, firstRow: plan.firstRow, columns: plan.columns, skipped: rows.skipped,
    dateRules: plan.dateRules, styleOf: (column) => plan.styles.get(column) ?? DOT_DECIMAL,
  });
  return { plan, rows, result: assembleResult(plan, rows, readingSummary(plan, signatures), balances) };
}

export function readSide(source: CellsSource, options: ReadOptions): ReadResult {
  return readSideDetailed(source, options).result;
}

