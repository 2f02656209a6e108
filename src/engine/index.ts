/**
 * The engine's public API: cells in, plain data out. Pure TypeScript: no Office, React or DOM.
 *   readSide      cells of one side → entries, skipped lines, issues, detected layout
 *   matchEntries  ledger entries × bank entries → match groups + leftovers
 *   readBothSides both sides, each reading tested against the other's data (decide-readings)
 *   reconcile     both, in one call
 */
import { decideReadings } from './read/decide-readings';
import { decideDateOrdersAcross } from './read/date-order-across';
import { readSideDetailed } from './read/read-side';
import { nameSectionParties } from './read/section-headings';
import { matchEntries, resolveMatchOptions } from './match/match-entries';
import type { CellsSource, Entry, MatchOptions, ProgressListener, ReadOptions, ReadResult, ReconcileResult } from './types';
import type { Decision, GroupRecord, RowPrints, SheetEdit } from './decisions/decision';
import { resolveDecisions, sheetEditsToDecisions, type SideKeys } from './decisions/apply-decisions';
import { keepDecidedGroups } from './decisions/decided-groups';
import { aliasesFromDecisions } from './decisions/learn-aliases';
import { rowKeysOf, rowPrintsOf } from './decisions/row-keys';
import { keepOneAccount, keepOneCounterparty, keepOneCurrency } from './read/accounts';
import { assignStableIds, groupRecords, numberMatches } from './decisions/stable-ids';
import type { NameAlias } from './match/aliases';

export * from './types';
export type { Decision, DecisionKind, DecisionReport, GroupRecord, MatchOrigin, RowKey, RowPrints, SheetEdit } from './decisions/decision';
export { rowKeysOf } from './decisions/row-keys';
export type { NameAlias } from './match/aliases';
export { readSide, RestartReading } from './read/read-side';
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
  /** What each row held at the last run, so rows typed into its Matches sheet are found by content. */
  previousRowPrints?: RowPrints;
  /**
   * The caller keeps no other reference to the cells: once both sides are read, reconcile lets go of
   * them (sets `cells` of the two CellsSource objects to []) so their memory is free while matching.
   */
  releaseCells?: boolean;
}

/** Both sides read, each side's candidate readings tested against the other side's data. */
export function readBothSides(ledger: CellsSource, bank: CellsSource, options: Omit<ReconcileOptions, 'match'> & { dateWindowDays: number }): { ledger: ReadResult; bank: ReadResult } {
  const ledgerSide = readSideDetailed(ledger, { ...options.ledger, side: 'ledger' });
  options.onProgress?.('reading', 1, 2);
  const bankSide = readSideDetailed(bank, { ...options.bank, side: 'bank' });
  // dates first: the kinds are tested by lines meeting on the right days
  decideDateOrdersAcross(ledgerSide, bankSide, options.dateWindowDays);
  decideReadings(ledgerSide, bankSide, options.dateWindowDays);
  keepOneAccount(ledgerSide, bankSide.result, options.dateWindowDays);
  keepOneAccount(bankSide, ledgerSide.result, options.dateWindowDays);
  keepOneCurrency(ledgerSide, bankSide.result, options.dateWindowDays);
  keepOneCurrency(bankSide, ledgerSide.result, options.dateWindowDays);
  keepOneCounterparty(ledgerSide, bankSide.result, options.dateWindowDays);
  options.onProgress?.('reading', 2, 2);
  return { ledger: nameSectionParties(ledgerSide.result), bank: nameSectionParties(bankSide.result) };
}

/**
 * Reads both sides, keeps every group people decided on, matches only what is left, and gives
 * groups the ids they had before. Pure: decisions in, decisions' outcomes out.
 */
export function reconcile(ledger: CellsSource, bank: CellsSource, options: ReconcileOptions = {}): ReconcileResult {
  const matchOptions = resolveMatchOptions(options.match);
  const { ledger: ledgerRead, bank: bankRead } = readBothSides(ledger, bank, { ...options, dateWindowDays: matchOptions.dateWindowDays });
  if (options.releaseCells) ledger.cells = bank.cells = [];

  // Row keys (a content hash per row) are worked out only when something needs them: decisions to
  // find rows by, a previous run's ids to keep, or this run's group records once someone reads them.
  let keys: SideKeys | undefined;
  const keysNow = (): SideKeys => (keys ??= { ledger: rowKeysOf(ledgerRead.entries), bank: rowKeysOf(bankRead.entries) });
  const previousGroups = options.previousGroups ?? [];
  const given = options.decisions ?? [];
  const edits = options.sheetEdits ?? [];
  const typed = edits.length > 0 ? sheetEditsToDecisions(edits, given, previousGroups, { ledger: ledgerRead.entries, bank: bankRead.entries }, keysNow(), options.previousRowPrints) : [];
  const decisions = [...given, ...typed];
  const resolved = resolveDecisions(decisions, decisions.length > 0 ? keysNow() : { ledger: [], bank: [] });

  // An accept of 张伟 paying for 恒丰 counts for 张伟's other payments in this very run.
  const learned = aliasesFromDecisions(resolved.reports, new Set(options.aliasesLearnedFrom ?? []));
  const aliases = learned.length > 0 ? [...(options.aliases ?? []), ...learned] : options.aliases;
  const free = (entries: Entry[], claimed: Set<number>) => (claimed.size === 0 ? entries : entries.filter((e) => !claimed.has(e.index)));
  const found = matchEntries(free(ledgerRead.entries, resolved.claimedLedger), free(bankRead.entries, resolved.claimedBank), matchOptions, options.onProgress, aliases);
  const matches = keepDecidedGroups(found, resolved, ledgerRead.entries, bankRead.entries);
  // What each open row holds, kept so rows typed into the next Matches sheet are found by content;
  // worked out (with the row keys) only when read, like the group records below.
  const open = (side: 'ledger' | 'bank') => new Set([...matches.unmatched[side], ...matches.matches.filter((m) => m.status === 'suggested').flatMap((m) => m[side])]);
  const printsNow = (): RowPrints => ({ ledger: rowPrintsOf(ledgerRead.entries, keysNow().ledger, open('ledger')), bank: rowPrintsOf(bankRead.entries, keysNow().bank, open('bank')) });
  const firstNumber = options.nextMatchNumber ?? 1;
  let result: ReconcileResult;
  if (previousGroups.length > 0) {
    const { groups, nextMatchNumber } = assignStableIds(matches.matches, keysNow(), previousGroups, firstNumber);
    result = { ...matches, ledger: ledgerRead, bank: bankRead, options: matchOptions, decisions: resolved.reports, groups, nextMatchNumber } as ReconcileResult;
  } else {
    // No previous run: ids are simply numbered, and the group records wait until they are read.
    const nextMatchNumber = numberMatches(matches.matches, firstNumber);
    result = { ...matches, ledger: ledgerRead, bank: bankRead, options: matchOptions, decisions: resolved.reports, nextMatchNumber } as ReconcileResult;
    lazyProperty(result, 'groups', () => groupRecords(matches.matches, keysNow()));
  }
  lazyProperty(result, 'rowPrints', printsNow);
  return result;
}

/** A result field worked out the first time it is read (and replaceable, like a plain field). */
function lazyProperty<K extends keyof ReconcileResult>(result: ReconcileResult, key: K, compute: () => ReconcileResult[K]): void {
  let value: ReconcileResult[K] | undefined;
  Object.defineProperty(result, key, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= compute()),
    set: (next: ReconcileResult[K]) => {
      value = next;
    },
  });
}
