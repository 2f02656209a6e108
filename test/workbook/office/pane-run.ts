/**
 * One reconciliation run the way the task pane does it (src/taskpane/state/run-reconciliation.ts
 * with the in-process engine, src/taskpane/engine/engine-tasks.ts): read both ranges from the
 * workbook, reconcile, report, lay out, write back. Shared by the end-to-end test and the
 * add-in benchmark (bench/office-path.ts), which time and count each step through `step`.
 */
import { buildReport, reconcile, type Report } from '../../../src/engine';
import type { CellsSource, ReconcileResult, SideKind } from '../../../src/engine/types';
import { generatePair, type GeneratedPair, type PairSpec } from '../../../src/generator';
import type { Locale } from '../../../src/i18n/locale';
import { buildRunOutputs, type SourcePosition } from '../../../src/workbook/layout';
import type { CellBlock, RunOutputs, Workbook } from '../../../src/workbook/workbook';
import type { FakeExcel } from '../../fake-excel';

export type PaneStep = 'read ledger' | 'read bank' | 'match' | 'write';

/** Runs one step of the path; a benchmark times it, a test counts its syncs. */
export type StepRunner = <T>(name: PaneStep, work: () => T | Promise<T>) => Promise<T>;

const justRun: StepRunner = async (_name, work) => work();

export interface PaneRunOptions {
  /** What the user typed or picked for each side: here a bare sheet name (its used range). */
  ledgerAddress: string;
  bankAddress: string;
  locale: Locale;
  /** The ledger's kind as the user confirms it in the pane. */
  ledgerKind?: SideKind;
  ranAt?: string;
  step?: StepRunner;
}

export interface PaneRun {
  ledger: CellBlock;
  bank: CellBlock;
  result: ReconcileResult;
  report: Report;
  outputs: RunOutputs;
}

/** As the pane's `sourceOf`: a block's values with their sheet position. */
function sourceOf(block: CellBlock): CellsSource {
  return { cells: block.values, firstRow: block.top, firstColumn: block.left - 1 };
}

/** As the pane's `positionOf`: where a block sits, for the status column beside it. */
function positionOf(block: CellBlock): SourcePosition {
  const width = block.values.reduce((widest, row) => Math.max(widest, row.length), 0);
  return { sheet: block.sheet, top: block.top, left: block.left, width, height: block.values.length, address: block.address };
}

export async function paneRun(workbook: Workbook, options: PaneRunOptions): Promise<PaneRun> {
  const step = options.step ?? justRun;
  const ledger = await step('read ledger', () => workbook.readValues(options.ledgerAddress));
  const bank = await step('read bank', () => workbook.readValues(options.bankAddress));
  const { result, report, outputs } = await step('match', async () => {
    const [existingSheetNames, previousRun] = await Promise.all([workbook.sheetNames(), workbook.lastRun()]);
    const result = reconcile(sourceOf(ledger), sourceOf(bank), { ledger: { kind: options.ledgerKind } });
    const report = buildReport(result);
    const outputs = buildRunOutputs(result, report, {
      locale: options.locale,
      ledger: positionOf(ledger),
      bank: positionOf(bank),
      ranAt: options.ranAt ?? '2025-04-01T09:00:00.000Z',
      existingSheetNames,
      previousRun,
    });
    return { result, report, outputs };
  });
  await step('write', () => workbook.writeRun(outputs));
  return { ledger, bank, result, report, outputs };
}

export const LEDGER_SHEET = '银行存款日记账';
export const BANK_SHEET = '银行流水';

/** A generated pair (`generatePair`), as a user has it: ledger and bank export pasted into two sheets. */
export function pairWorkbook(fake: FakeExcel, pair: GeneratedPair): void {
  type Stored = Parameters<FakeExcel['addSheet']>[1];
  fake.addSheet(LEDGER_SHEET, pair.ledger.cells as Stored);
  fake.addSheet(BANK_SHEET, pair.bank.cells as Stored);
  fake.activate(LEDGER_SHEET);
}

/** Pairs by size and layout, generated once per process (generation is not what is measured). */
const pairs = new Map<string, GeneratedPair>();

export function cachedPair(rows: number, layout: PairSpec['layout'] = 'zh-bank-cash-journal', seed = 1): GeneratedPair {
  const key = `${rows}:${layout}:${seed}`;
  let pair = pairs.get(key);
  if (!pair) {
    pair = generatePair({ seed, rows, layout });
    pairs.set(key, pair);
  }
  return pair;
}
