/**
 * One run, start to end, host-independent: read both ranges from the workbook, reconcile and lay
 * out in the engine, write everything back. Progress is reported per stage as a fraction; the
 * signal cancels at any point and the workbook is then left as it was (writeRun rolls back).
 */
import { blockHeight, blockWidth } from '../../workbook/layout/widest-row';
import type { ReadOptions, Stage } from '../../engine/types';
import type { ReconciliationOptionKey } from '../../engine/report/reconciliation-options';
import type { Locale } from '../../i18n/locale';
import type { SourcePosition } from '../../workbook/layout';
import type { CellBlock, Workbook } from '../../workbook/workbook';
import { abortError, throwIfAborted } from '../../workbook/abort';
import type { EngineClient, MatchSettings, ReconcileOutcome, RunSummary, StatementSettings } from '../engine/engine-client';
import { readForEngine, sourceOf } from './use-side-setup';
import { readPreviousRun } from '../../workbook/previous-run';
import type { SheetEdit } from '../../engine/decisions/decision';
import type { SignOff, WorkbookSettings } from '../../workbook/layout/recon-state';

export interface RunPlan {
  ledgerAddress: string;
  bankAddress: string;
  ledgerOptions: Omit<ReadOptions, 'side'>;
  bankOptions: Omit<ReadOptions, 'side'>;
  match: MatchSettings;
  locale: Locale;
  /** Who runs it (Office's user where the host gives it, else the name typed once), for the Audit log. */
  user?: string;
  /**
   * Decisions made with the pane's buttons: this run takes them in (found by content, stored with
   * who and when, written to the Audit log) and refreshes every output around them.
   */
  paneEdits?: SheetEdit[];
  /** The reviewer's mark: this run signs off, if its results are the ones last shown. */
  signOff?: SignOff;
  /** The set-up to keep in the workbook (ranges, roles, kinds, balances, company). */
  settings?: WorkbookSettings;
  statements?: StatementSettings;
  /** The statement's period end and balances as typed (empty: from the data). */
  statement?: Partial<Record<ReconciliationOptionKey, string>>;
}

/** `fraction` is how far through `stage` the run is, 0..1. */
export type RunProgress = (stage: Stage, fraction: number) => void;

/**
 * How far through the whole run each stage ends, so one bar can show all of them. The engine's
 * own reading is the last part of `reading`, after the workbook reads.
 */
export const STAGE_SPANS: Record<Stage, [start: number, end: number]> = {
  reading: [0, 0.25],
  matching: [0.25, 0.7],
  reporting: [0.7, 0.75],
  writing: [0.75, 1],
};

export function overallFraction(stage: Stage, fraction: number): number {
  const [start, end] = STAGE_SPANS[stage];
  return start + (end - start) * Math.min(1, Math.max(0, fraction));
}

export function positionOf(block: CellBlock): SourcePosition {
  return { sheet: block.sheet, top: block.top, left: block.left, width: blockWidth(block), height: blockHeight(block), address: block.address };
}

/** Share of `reading` spent reading each range from the workbook; the engine's reading gets the rest. */
const WORKBOOK_READ_SHARE = 0.35;

async function readAndReconcile(
  workbook: Workbook,
  engine: EngineClient,
  plan: RunPlan,
  onProgress: RunProgress,
  signal: AbortSignal | undefined,
): Promise<ReconcileOutcome> {
  throwIfAborted(signal);
  onProgress('reading', 0);
  // The sides go to the engine, not the pane: a host that can keeps their cells in its worker.
  const ledger = await readForEngine(workbook, plan.ledgerAddress, (done, total) =>
    onProgress('reading', (total > 0 ? done / total : 1) * WORKBOOK_READ_SHARE),
  );
  throwIfAborted(signal);
  const bank = await readForEngine(workbook, plan.bankAddress, (done, total) =>
    onProgress('reading', WORKBOOK_READ_SHARE + (total > 0 ? done / total : 1) * WORKBOOK_READ_SHARE),
  );
  throwIfAborted(signal);
  const ranAt = new Date().toISOString();
  const existingSheetNames = await workbook.sheetNames();
  const { record: previousRun, ...stored } = await readPreviousRun(workbook, plan.user ?? 'Recon', ranAt);
  const previous = { ...stored, sheetEdits: [...stored.sheetEdits, ...(plan.paneEdits ?? [])] };
  throwIfAborted(signal);

  return engine.reconcile(
    {
      ledger: sourceOf(ledger),
      bank: sourceOf(bank),
      ledgerOptions: plan.ledgerOptions,
      bankOptions: plan.bankOptions,
      match: plan.match,
      locale: plan.locale,
      ledgerPosition: positionOf(ledger),
      bankPosition: positionOf(bank),
      ranAt,
      existingSheetNames,
      previousRun,
      previous,
      user: plan.user ?? previous.memory.userName ?? 'Recon',
      ...(plan.signOff && { signOff: plan.signOff }),
      ...(plan.settings && { settings: plan.settings }),
      ...(plan.statements && { statements: plan.statements }),
      statement: plan.statement,
    },
    (stage, done, total) => {
      const fraction = total > 0 ? done / total : 1;
      onProgress(stage, stage === 'reading' ? 2 * WORKBOOK_READ_SHARE + fraction * (1 - 2 * WORKBOOK_READ_SHARE) : fraction);
    },
    signal,
  );
}

export async function runReconciliation(
  workbook: Workbook,
  engine: EngineClient,
  plan: RunPlan,
  onProgress: RunProgress = () => {},
  signal?: AbortSignal,
): Promise<RunSummary> {
  // Read and reconciled in a function of its own: the sides' cells (100,000 rows each) are nobody's
  // once the engine has them, so the page's heap does not carry them through the write.
  const outcome = await readAndReconcile(workbook, engine, plan, onProgress, signal);
  throwIfAborted(signal);

  onProgress('writing', 0);
  try {
    await workbook.writeRun(outcome.outputs, (done, total) => onProgress('writing', total > 0 ? done / total : 1), signal);
  } catch (error) {
    // However the host words it, a write stopped by the signal is a cancel (and rolled back).
    if (signal?.aborted) throw abortError();
    throw error;
  }
  onProgress('writing', 1);
  return outcome.summary;
}
