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
import type { CellsSource, Entry, MatchOptions, ProgressListener, ReadOptions, ReadResult, ReconcileResult } from './types';
import type { Decision, GroupRecord, SheetEdit } from './decisions/decision';
import { resolveDecisions, sheetEditsToDecisions } from './decisions/apply-decisions';
import { keepDecidedGroups } from './decisions/decided-groups';
import { aliasesFromDecisions } from './decisions/learn-aliases';
import { rowKeysOf } from './decisions/row-keys';
import { assignStableIds } from './decisions/stable-ids';
import type { NameAlias } from './match/aliases';

export * from './types';
export type { Decision, DecisionKind, DecisionReport, GroupRecord, MatchOrigin, RowKey, SheetEdit } from './decisions/decision';
export { rowKeysOf } from './decisions/row-keys';
export type { NameAlias } from './match/aliases';
export { readSide } from './read/read-side';
export { matchEntries, resolveMatchOptions, DEFAULT_MATCH_OPTIONS } from './match/match-entries';
export { buildReport } from './report/build-report';
export type { Report, ReportMatch, ReportEntry, SideSummary, CountAndSum, MatchTotals } from './report/report';

export interface ReconcileOptions {
  ledger?: Omit<ReadOptions, 'side'>;
  bank?: Omit<ReadOptions, 'side'>;
  match?: Partial<MatchOptions>;
  onProgress?: ProgressListener;
  /** What people decided before (kept in the workbook), oldest first. */
  decisions?: Decision[];
  /** Decisions typed into the last run's Matches sheet, taken in by this run. */
  sheetEdits?: SheetEdit[];
  /** The last run's groups (stable ids; what a sheet edit's match id was). */
  previousGroups?: GroupRecord[];
  nextMatchNumber?: number;
  /** Counterparty name pairs people confirmed (the workbook's Aliases sheet): evidence that names agree. */
  aliases?: NameAlias[];
  /** Decisions already learned from; the others' name pairs count as aliases in this run already. */
  aliasesLearnedFrom?: string[];
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

/**
 * Reads both sides, keeps every group people decided on, matches only what is left, and gives
 * groups the ids they had before. Pure: decisions in, decisions' outcomes out.
 */
export function reconcile(ledger: CellsSource, bank: CellsSource, options: ReconcileOptions = {}): ReconcileResult {
  const matchOptions = resolveMatchOptions(options.match);
  const { ledger: ledgerRead, bank: bankRead } = readBothSides(ledger, bank, { ...options, dateWindowDays: matchOptions.dateWindowDays });

  const keys = { ledger: rowKeysOf(ledgerRead.entries), bank: rowKeysOf(bankRead.entries) };
  const previousGroups = options.previousGroups ?? [];
  const given = options.decisions ?? [];
  const typed = sheetEditsToDecisions(options.sheetEdits ?? [], given, previousGroups, { ledger: ledgerRead.entries, bank: bankRead.entries }, keys);
  const resolved = resolveDecisions([...given, ...typed], keys);

  // An accept of 张伟 paying for 恒丰 counts for 张伟's other payments in this very run.
  const learned = aliasesFromDecisions(resolved.reports, new Set(options.aliasesLearnedFrom ?? []));
  const aliases = learned.length > 0 ? [...(options.aliases ?? []), ...learned] : options.aliases;
  const free = (entries: Entry[], claimed: Set<number>) => (claimed.size === 0 ? entries : entries.filter((e) => !claimed.has(e.index)));
  const found = matchEntries(free(ledgerRead.entries, resolved.claimedLedger), free(bankRead.entries, resolved.claimedBank), matchOptions, options.onProgress, aliases);
  const matches = keepDecidedGroups(found, resolved, ledgerRead.entries, bankRead.entries);
  const { groups, nextMatchNumber } = assignStableIds(matches.matches, keys, previousGroups, options.nextMatchNumber ?? 1);
  return { ...matches, ledger: ledgerRead, bank: bankRead, options: matchOptions, decisions: resolved.reports, groups, nextMatchNumber };
}
