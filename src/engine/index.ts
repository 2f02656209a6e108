/**
 * The engine's public API: cells in, plain data out. Pure TypeScript: no Office, React or DOM.
 *   readSide      cells of one side → entries, skipped lines, issues, detected layout
 *   matchEntries  ledger entries × bank entries → match groups + leftovers
 *   readBothSides both sides, each reading tested against the other's data (decide-readings)
 *   reconcile     both, in one call
 */
import { decideReadings } from './read/decide-readings';
import { readSideDetailed } from './read/read-side';
import { matchEntries, resolveMatchOptions } from './match/match-entries';
import type { CellsSource, MatchOptions, ProgressListener, ReadOptions, ReadResult, ReconcileResult } from './types';

export * from './types';
export { readSide } from './read/read-side';
export { matchEntries, resolveMatchOptions, DEFAULT_MATCH_OPTIONS } from './match/match-entries';
export { buildReport } from './report/build-report';
export type { Report, ReportMatch, ReportEntry, SideSummary, CountAndSum, MatchTotals } from './report/report';

export interface ReconcileOptions {
  ledger?: Omit<ReadOptions, 'side'>;
  bank?: Omit<ReadOptions, 'side'>;
  match?: Partial<MatchOptions>;
  onProgress?: ProgressListener;
}

/** Both sides read, each side's candidate readings tested against the other side's data. */
export function readBothSides(ledger: CellsSource, bank: CellsSource, options: Omit<ReconcileOptions, 'match'> & { dateWindowDays: number }): { ledger: ReadResult; bank: ReadResult } {
  const ledgerSide = readSideDetailed(ledger, { ...options.ledger, side: 'ledger' });
  options.onProgress?.('reading', 1, 2);
  const bankSide = readSideDetailed(bank, { ...options.bank, side: 'bank' });
  decideReadings(ledgerSide, bankSide, options.dateWindowDays);
  options.onProgress?.('reading', 2, 2);
  return { ledger: ledgerSide.result, bank: bankSide.result };
}

export function reconcile(ledger: CellsSource, bank: CellsSource, options: ReconcileOptions = {}): ReconcileResult {
  const matchOptions = resolveMatchOptions(options.match);
  const { ledger: ledgerRead, bank: bankRead } = readBothSides(ledger, bank, { ...options, dateWindowDays: matchOptions.dateWindowDays });
  const result = matchEntries(ledgerRead.entries, bankRead.entries, matchOptions, options.onProgress);
  return { ...result, ledger: ledgerRead, bank: bankRead, options: matchOptions };
}
