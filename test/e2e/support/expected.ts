/**
 * What a run on the demo must show, worked out here in Node with the engine's own `reconcile`
 * (never hard-coded, so the tests follow the engine and the generator as they change): the
 * figures of the pane's summary, and every sheet and status label the run writes.
 */
import { buildReport, reconcile, type Report } from '../../../src/engine';
import type { ReconcileResult } from '../../../src/engine/types';
import { demoWorkbook, type DemoLocale, type DemoWorkbook } from '../../../src/generator/demo';
import { demoBytes } from '../../../src/standalone/file/demo-file';
import { DEMO_FILE_NAME } from '../../../src/standalone/file/demo-name';
import { positionOf } from '../../../src/taskpane/state/run-reconciliation';
import { sourceOf } from '../../../src/taskpane/state/use-side-setup';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsx-workbook';
import { buildRunOutputs } from '../../../src/workbook/layout';
import type { CellBlock, RunOutputs } from '../../../src/workbook/workbook';

export interface ExpectedRun {
  demo: DemoWorkbook;
  fileName: string;
  ledger: CellBlock;
  bank: CellBlock;
  result: ReconcileResult;
  report: Report;
  outputs: RunOutputs;
}

export async function expectedDemoRun(locale: DemoLocale): Promise<ExpectedRun> {
  const demo = demoWorkbook(locale);
  // The demo file as the page builds it, read as the page reads it.
  const workbook = await XlsxWorkbook.fromBytes(await demoBytes(locale), DEMO_FILE_NAME[locale]);
  const ledger = await workbook.readValues(demo.ledgerAddress);
  const bank = await workbook.readValues(demo.bankAddress);
  // The engine's defaults are the pane's defaults.
  const result = reconcile(sourceOf(ledger), sourceOf(bank));
  const report = buildReport(result);
  const outputs = buildRunOutputs(result, report, {
    locale,
    ledger: positionOf(ledger),
    bank: positionOf(bank),
    ranAt: new Date().toISOString(),
    existingSheetNames: await workbook.sheetNames(),
    previousRun: null,
  });
  return { demo, fileName: DEMO_FILE_NAME[locale], ledger, bank, result, report, outputs };
}
