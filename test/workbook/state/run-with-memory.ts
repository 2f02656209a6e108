/**
 * One run the way every host's front end does it (the pane, the command line, the page): take over
 * what the workbook remembers and what a teammate typed, reconcile around people's decisions, write.
 */
import { buildReport, reconcile, type ReconcileResult } from '../../../src/engine';
import type { CellsSource } from '../../../src/engine/types';
import type { Locale } from '../../../src/i18n/locale';
import { buildRunOutputs } from '../../../src/workbook/layout';
import { decisionInputs, readPreviousRun } from '../../../src/workbook/previous-run';
import type { CellBlock, Workbook } from '../../../src/workbook/workbook';
import type { SignOff } from '../../../src/workbook/layout/recon-state';

const sourceOf = (block: CellBlock): CellsSource => ({ cells: block.values, firstRow: block.top, firstColumn: block.left - 1 });

export async function runWithMemory(wb: Workbook, ledgerAddress: string, bankAddress: string, options: { user: string; ranAt: string; locale?: Locale; signOff?: SignOff }): Promise<ReconcileResult> {
  const previous = await readPreviousRun(wb, options.user, options.ranAt);
  const ledger = await wb.readValues(ledgerAddress);
  const bank = await wb.readValues(bankAddress);
  const result = reconcile(sourceOf(ledger), sourceOf(bank), decisionInputs(previous));
  const outputs = buildRunOutputs(result, buildReport(result), {
    locale: options.locale ?? 'zh-CN',
    ledger: ledger.address,
    bank: bank.address,
    ranAt: options.ranAt,
    existingSheetNames: await wb.sheetNames(),
    previousRun: previous.record,
    memory: previous.memory,
    user: options.user,
    auditSheetValues: previous.auditSheetValues,
    aliases: previous.aliases,
    ...(options.signOff && { signOff: options.signOff }),
  });
  await wb.writeRun(outputs);
  return result;
}
