/**
 * The engine's public API: cells in, plain data out. Pure TypeScript: no Office, React or DOM.
 *   readSide      cells of one side → entries, skipped lines, issues, detected layout
 *   matchEntries  ledger entries × bank entries → match groups + leftovers
 *   reconcile     both, in one call
 */
import { readSide } from './read/read-side';
import { matchEntries, resolveMatchOptions } from './match/match-entries';
import type { CellsSource, MatchOptions, ProgressListener, ReadOptions, ReconcileResult } from './types';

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

export function reconcile(ledger: CellsSource, bank: CellsSource, options: ReconcileOptions = {}): ReconcileResult {
  const ledgerRead = readSide(ledger, { ...options.ledger, side: 'ledger' });
  options.onProgress?.('reading', 1, 2);
  const bankRead = readSide(bank, { ...options.bank, side: 'bank' });
  options.onProgress?.('reading', 2, 2);
  const matchOptions = resolveMatchOptions(options.match);
  const result = matchEntries(ledgerRead.entries, bankRead.entries, matchOptions, options.onProgress);
  return { ...result, ledger: ledgerRead, bank: bankRead, options: matchOptions };
}
