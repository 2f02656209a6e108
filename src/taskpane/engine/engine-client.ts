/**
 * What the pane asks of the engine, and the plain data it gets back. Everything here crosses a
 * Web Worker boundary (structured clone), so no decimal.js values: amounts travel as strings
 * ("1234.50") and become Decimal again only inside the worker.
 *
 * Two implementations: worker-engine-client.ts (Excel: the engine runs in a Web Worker so the pane
 * never freezes) and in-process-engine-client.ts (tests; a host without workers).
 */
import type { ReconciliationOptionKey } from '../../engine/report/reconciliation-options';
import type {
  CellsSource,
  CellValue,
  ColumnMapping,
  ColumnRole,
  DateOrderReading,
  NameStrictness,
  ProgressListener,
  ReadingSummary,
  ReadIssue,
  ReadOptions,
  Reason,
  SideKind,
} from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import type { DecisionKind } from '../../engine/decisions/decision';
import type { SourcePosition } from '../../workbook/layout';
import type { HeldCells, RunOutputs, RunRecord } from '../../workbook/workbook';
import type { SignOff, WorkbookSettings } from '../../workbook/layout/recon-state';
import type { SignOffStatus } from '../../workbook/layout/sign-off';
import type { PreviousRun } from '../../workbook/previous-run';

/** Match options as the pane edits them: plain values, the tolerance as a decimal string. */
export interface MatchSettings {
  dateWindowDays: number;
  /** Days a counterpart tied by a reference may lie apart (instalments, payment terms). */
  referenceWindowDays: number;
  /** Decimal string, e.g. "50.00"; "0" turns the tolerance rule off. */
  tolerance: string;
  allowCombined: boolean;
  allowInstalments: boolean;
  maxGroupSize: number;
  nameStrictness: NameStrictness;
}

/** One parsed row shown in the pane's preview. */
export interface PreviewEntry {
  row: number;
  date: string;
  /** Signed cash effect, as a decimal string. */
  amount: string;
  counterparty: string;
  reference: string;
  description: string;
}

/**
 * One side's cells as the pane hands them to the engine: the cells themselves, or (`held`) a
 * reference to cells a host keeps in a worker of its own (the standalone page's workbook worker),
 * which the engine worker then gets from that worker directly (worker-engine-client.ts, EngineLink):
 * the page's thread never holds or copies them. `cells` is then empty.
 */
export type SourceCells = CellsSource & { held?: HeldCells & { address: string } };

/** What the reader made of one side's cells, without the entries themselves. */
export interface SideDetection {
  headerRow: number;
  columns: ColumnMapping;
  columnHeaders: Partial<Record<ColumnRole, string>>;
  kind: SideKind;
  /** What the reader decided, as codes (src/i18n/read-texts.ts renders them in the pane's language). */
  decisions: Reason[];
  /** The candidate readings and whether the choice is doubtful (the pane then offers them). */
  reading?: ReadingSummary;
  /** How dates that fit both day/month and month/day were read, when all of the side's do. */
  dateOrder?: DateOrderReading;
  entryCount: number;
  skippedCount: number;
  issueCount: number;
  /** The first issues (at most PREVIEW_ISSUES), for the pane to show. */
  issues: ReadIssue[];
  /** The first entries (at most PREVIEW_ROWS). */
  preview: PreviewEntry[];
  /** The header row's cells (the pane names the columns by them; a held block has only its first rows). */
  headerCells?: CellValue[];
}

export const PREVIEW_ROWS = 5;
export const PREVIEW_ISSUES = 20;

export interface CountAndSumText {
  count: number;
  /** Decimal string with two decimals. */
  sum: string;
}

export interface SideFigures {
  kind: SideKind;
  entries: CountAndSumText;
  auto: CountAndSumText;
  suggested: CountAndSumText;
  unmatched: CountAndSumText;
  ledgerDocuments: CountAndSumText;
  /** Rows people explained as having no counterpart (reconciled; part of `auto`). */
  explained?: CountAndSumText;
  skipped: number;
  issues: number;
  matchRate: number;
}

/** The figures the pane's result summary shows. */
export interface RunSummary {
  ledger: SideFigures;
  bank: SideFigures;
  matchRate: number;
  matchCount: number;
  /** Tab name of the Matches sheet this run writes, for the "go to Matches" link. */
  matchesSheet: string | null;
  /** The first read issues of both sides (at most PREVIEW_ISSUES). */
  issues: ReadIssue[];
  /** How each side was read, with the data test's figures; a doubtful one is offered to the user. */
  readings?: { ledger?: ReadingSummary; bank?: ReadingSummary };
  /** How each side's dates were read where they fit both orders; doubtful ones are asked about. */
  dateOrders?: { ledger?: DateOrderReading; bank?: DateOrderReading };
  /**
   * Decisions whose rows cannot be found any more (deleted, or changed beyond recognition): kept in
   * the workbook, applied to nothing, listed for the user with what they were.
   */
  lostDecisions?: LostDecision[];
  /** Words in the Matches sheet's Decision column Recon does not know (never guessed). */
  unreadDecisions?: { sheetRow: number; text: string }[];
  /** Rows of the Aliases sheet Recon could not use, said in the run's language. */
  aliasProblems?: string[];
  /** Suggested groups awaiting a decision (the first MAX_SUGGESTIONS), for the pane's accept/reject. */
  suggestions?: GroupSummary[];
  /**
   * Every group's id and origin, so the pane can check an id typed for "unmatch": one line per group,
   * `M12 auto`, in one string (read with groupOriginOf). An object of 100,000 ids took 100+ ms to
   * clone onto the page and to walk for a count; a string is one copy.
   */
  groupOrigins?: string;
  /** Suggested groups in the run (the list above may be cut at MAX_SUGGESTIONS). */
  suggestedCount?: number;
  /** What became of the reviewer's sign-off in this run. */
  signOff?: SignOffStatus;
  /** Rows typed into the last Matches sheet that now sit elsewhere (read as they were at that run). */
  movedRows?: MovedRows[];
}

export interface MovedRows {
  id: string;
  kind: DecisionKind;
  side: 'ledger' | 'bank';
  /** The rows as typed (the last run's rows), and where those rows are now. */
  typed: number[];
  now: number[];
}

export const MAX_SUGGESTIONS = 200;

/** The origin of group `id` in a summary's groupOrigins lines, or undefined: no such group. */
export function groupOriginOf(summary: Pick<RunSummary, 'groupOrigins'>, id: string): string | undefined {
  if (!summary.groupOrigins || id === '' || /\s/.test(id)) return undefined;
  // Asked once per click: the copy with a line break at each end is cheap enough.
  const lines = `\n${summary.groupOrigins}\n`;
  const at = lines.indexOf(`\n${id} `);
  if (at === -1) return undefined;
  const start = at + id.length + 2;
  return lines.slice(start, lines.indexOf('\n', start));
}

/** One match group as the pane lists it. */
export interface GroupSummary {
  id: string;
  ledgerRows: number[];
  bankRows: number[];
  /** Decimal strings. */
  ledgerTotal: string;
  bankTotal: string;
  difference: string;
  counterparty: string;
  date: string;
}

export interface LostDecision {
  id: string;
  kind: DecisionKind;
  by: string;
  at: string;
  reason: string;
  /** What the rows said: side, row then, date, amount, counterparty. */
  rows: { side: 'ledger' | 'bank'; row: number; date: string; amount: string; counterparty: string }[];
}

/** Everything a run needs; the ranges' cells are already read. */
export interface ReconcileRequest {
  ledger: SourceCells;
  bank: SourceCells;
  ledgerOptions: Omit<ReadOptions, 'side'>;
  bankOptions: Omit<ReadOptions, 'side'>;
  match: MatchSettings;
  /** Language of the sheets and labels written to the workbook. */
  locale: Locale;
  /** Where each side's cells sit in the workbook (status columns go beside them). */
  ledgerPosition: SourcePosition;
  bankPosition: SourcePosition;
  /** ISO timestamp of the run. */
  ranAt: string;
  /** The workbook's sheet names now, so output sheets never take a user's sheet name. */
  existingSheetNames: string[];
  /** The previous run's record: its sheets are the ones this run replaces. */
  previousRun: RunRecord | null;
  /**
   * What the workbook remembers and what a teammate typed into the last Matches sheet
   * (workbook/previous-run): the run keeps people's decisions and match ids. Absent: a first run.
   */
  previous?: Omit<PreviousRun, 'record'>;
  /** Who runs it, for the Audit log. */
  user?: string;
  /** The reviewer's mark when this run is a sign-off. */
  signOff?: SignOff;
  /** The pane's set-up, kept in the workbook for a teammate who opens it. */
  settings?: WorkbookSettings;
  /** Customer statements, when asked for (plain strings: the worker gets a structured clone). */
  statements?: StatementSettings;
  /** Period end and balances as typed in the pane (texts: plain data for the worker); empty: from the data. */
  statement?: Partial<Record<ReconciliationOptionKey, string>>;
}

export interface StatementSettings {
  company: string;
  /** Inclusive ISO dates; absent: the ledger's last full month. */
  period?: { from: string; to: string };
  /** ISO date; absent: the period's last day. */
  statementDate?: string;
}

export interface ReconcileOutcome {
  outputs: RunOutputs;
  summary: RunSummary;
}

export interface EngineClient {
  /** The engine's default match options, for the options form to start from. */
  matchDefaults(): Promise<MatchSettings>;
  /** Reads one side (header row, roles, kind, parsed preview) without matching. */
  detect(source: SourceCells, options: ReadOptions, signal?: AbortSignal): Promise<SideDetection>;
  /** Reads both sides, matches, and lays out what the run writes. Rejects with an AbortError on abort. */
  reconcile(request: ReconcileRequest, onProgress?: ProgressListener, signal?: AbortSignal): Promise<ReconcileOutcome>;
  /** Frees the worker, if any. */
  dispose(): void;
}

/** The error a cancelled call rejects with (same shape as fetch's). */
export { abortError } from '../../workbook/abort';

export function isAbortError(error: unknown): boolean {
  return error instanceof Error ? error.name === 'AbortError' : (error as { name?: string } | null)?.name === 'AbortError';
}
