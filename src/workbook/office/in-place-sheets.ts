/**
 * Output sheets a re-run writes over in place. Renaming a sheet makes Excel rewrite every
 * reference to it, and deleting it turns them into #REF! (cells, conditional-format rules,
 * defined names), so a teammate's `=Matches!B2` or a summary reading the reconciliation
 * statement would break if a re-run swapped the sheet for a new one. Instead the sheet keeps its
 * identity and its contents are replaced: its tables and charts deleted, merges undone, the area the
 * previous run used (and the new one will use) cleared of values and formats, then the new
 * SheetSpec written by the same sheet writer as a new sheet. Plain cell references to the sheet
 * survive; structured references to its table (`ReconMatches[金额]`) do not (the table is made
 * anew). Cells keep their addresses, so `=Matches!B2` shows whatever row 2 holds now.
 *
 * This runs after the switch-over (the point of no return): every check Excel could refuse was
 * made before (layout/write-plan, validateOutputs, the inspection's protection, table-name and
 * collision checks), so what is left to fail is the connection. Each attempt starts from scratch
 * (clear, then write), so it is simply repeated.
 * Requires ExcelApi 1.7 (getRangeByIndexes), 1.2 (unmerge).
 */
import { widestRow } from '../layout/widest-row';
import type { ExcelContextApi } from './excel-api';
import type { SheetSpec } from '../workbook';
import { OPERATION_BYTES } from './payload';
import { queueSheet, sheetCells, type SheetWriteSettings } from './sheet-writer';
import { SyncBatcher } from './sync-batcher';

/** One sheet to write over: its name and spec, and the extent of what is on it now. */
export interface InPlaceSheet {
  spec: SheetSpec;
  /** Rows and columns from A1 that hold anything today (values or formats). */
  usedRows: number;
  usedColumns: number;
}

const ATTEMPTS = 3;

/** The rows × columns from A1 a spec fills. */
export function specExtent(spec: SheetSpec): { rows: number; columns: number } {
  const columns = Math.max(widestRow(spec.values), spec.columnFormats?.length ?? 0, spec.table ? spec.table.area.column + spec.table.area.columns : 0);
  const rows = Math.max(spec.values.length, spec.table ? spec.table.area.row + spec.table.area.rows : 0);
  return { rows, columns };
}

/** Cells the in-place writes carry (progress units). */
export function inPlaceCells(sheets: InPlaceSheet[]): number {
  return sheets.reduce((n, s) => n + sheetCells(s.spec), 0);
}

async function rewriteOnce(context: ExcelContextApi, sheets: InPlaceSheet[], budgetBytes: number, settings: SheetWriteSettings): Promise<void> {
  const tables = sheets.map((s) => context.workbook.worksheets.getItem(s.spec.name).tables.load('items/name'));
  const charts = sheets.map((s) => context.workbook.worksheets.getItem(s.spec.name).charts.load('items'));
  await context.sync();
  const batcher = new SyncBatcher(context, budgetBytes);
  for (const [i, s] of sheets.entries()) {
    const sheet = context.workbook.worksheets.getItem(s.spec.name);
    const extent = specExtent(s.spec);
    const rows = Math.max(s.usedRows, extent.rows, 1);
    const columns = Math.max(s.usedColumns, extent.columns, 1);
    await batcher.add(OPERATION_BYTES * (3 + tables[i].items.length + charts[i].items.length), () => {
      for (const table of tables[i].items) table.delete();
      for (const chart of charts[i].items) chart.delete();
      const area = sheet.getRangeByIndexes(0, 0, rows, columns);
      area.unmerge();
      area.clear('All' as Excel.ClearApplyTo);
    });
    await queueSheet(batcher, sheet, s.spec, settings, s.spec.table?.name);
  }
  await batcher.flush();
}

/** Writes every sheet over in place; repeated from scratch when a sync fails. */
export async function rewriteInPlace(context: ExcelContextApi, sheets: InPlaceSheet[], budgetBytes: number, settings: SheetWriteSettings): Promise<void> {
  if (sheets.length === 0) return;
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await rewriteOnce(context, sheets, budgetBytes, settings);
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(
    `The results were written, but replacing ${sheets.map((s) => `"${s.spec.name}"`).join(', ')} failed (${(lastError as Error).message}). Run the reconciliation again.`,
  );
}
