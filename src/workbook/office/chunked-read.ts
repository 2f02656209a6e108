/**
 * Reads a large rectangle in row chunks so that every response stays well under Excel on the
 * web's 5 MB limit and no single range exceeds the per-range cell cap, with as few syncs as the
 * response budget allows (several chunk loads per sync). The size of a sync is planned from what
 * was read so far (a sizing: the average bytes per cell for a sheet's rows, the widest row for the
 * run record's parts, state-sheet.ts); a sync refused for its size is retried with half the rows.
 * Requires ExcelApi 1.7 (Worksheet.getRangeByIndexes).
 */
import type { CellValue } from '../../engine/types';
import { shownAs1900 } from '../date-system';
import { jsonGridBytes, jsonRowBytes } from './payload';
import { isPayloadTooLarge, type Syncable } from './sync-batcher';

export interface ReadBudget {
  /** Bytes one sync's response may carry (kept well under 5 MB). */
  maxResponseBytes: number;
  /** Cells in one range read. */
  maxCellsPerChunk: number;
}

export interface SheetLike {
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): { load(props: string): { values: unknown[][]; numberFormat: unknown[][] } };
}

/** Assumed before anything was measured: generous, so the first sync cannot overflow. */
const INITIAL_BYTES_PER_CELL = 40;
/** Planned size = measured size × this, for rows longer than the ones measured. */
const SAFETY = 1.3;

/** How each sync's rows are planned from the rows read so far. */
export interface RowSizing {
  /** Bytes a row of `columns` cells is planned at (before a refused sync's penalty). */
  rowBytes(columns: number): number;
  /** Rows just read. */
  measure(rows: readonly (readonly unknown[])[], columns: number): void;
}

/**
 * A sheet's rows: the average bytes per cell measured so far (× SAFETY), INITIAL_BYTES_PER_CELL
 * before any. Rows of one sheet are alike, so an average plans syncs close to the budget.
 */
export function averageSizing(): RowSizing {
  let bytes = 0;
  let cells = 0;
  return {
    rowBytes: (columns) => (cells > 0 ? Math.max(bytes / cells, 2) * SAFETY : INITIAL_BYTES_PER_CELL) * columns,
    measure: (rows, columns) => {
      bytes += jsonGridBytes(rows);
      cells += rows.length * columns;
    },
  };
}

/**
 * Rows of very different sizes (the run record's parts, among rows an earlier write left blank,
 * which would make an average mislead): the widest row seen (× SAFETY), `assumed` while none seen
 * is over 1,000 bytes. `seen`: rows read before (measured, not read again).
 */
export function widestRowSizing(assumed: number, seen: readonly (readonly unknown[])[] = []): RowSizing {
  let widest = 0;
  const measure = (rows: readonly (readonly unknown[])[]) => {
    for (const row of rows) widest = Math.max(widest, jsonRowBytes(row));
  };
  measure(seen);
  return { rowBytes: () => (widest > 1_000 ? widest * SAFETY : assumed), measure };
}

/**
 * The rows of `block`, in as few syncs as the response budget allows (each sync's rows planned by
 * `sizing`, in ranges of at most maxCellsPerChunk cells); a sync refused for its size is sent again
 * with half the rows. `dates1904`: the workbook counts dates from 1904 (date-system-1904.ts), so the
 * cells' number formats come along and dates are given as the 1900 serials of what they show.
 */
export async function readRows(
  context: Syncable,
  sheet: SheetLike,
  block: { top0: number; left0: number; rows: number; columns: number },
  budget: ReadBudget,
  onProgress?: (done: number, total: number) => void,
  sizing: RowSizing = averageSizing(),
  dates1904 = false,
): Promise<CellValue[][]> {
  const out: CellValue[][] = [];
  const { rows, columns } = block;
  const rowsPerChunk = Math.max(1, Math.floor(budget.maxCellsPerChunk / columns));
  // With number formats, each cell travels twice: sizing counts a row of both.
  const travelling = dates1904 ? columns * 2 : columns;
  let penalty = 1;
  let done = 0;
  while (done < rows) {
    const rowBytes = sizing.rowBytes(travelling) * penalty;
    const rowsThisSync = Math.min(rows - done, Math.max(1, Math.floor(budget.maxResponseBytes / rowBytes)));
    const chunks: { values: unknown[][]; numberFormat?: unknown[][] }[] = [];
    for (let r = 0; r < rowsThisSync; r += rowsPerChunk) {
      const n = Math.min(rowsPerChunk, rowsThisSync - r);
      chunks.push(sheet.getRangeByIndexes(block.top0 + done + r, block.left0, n, columns).load(dates1904 ? 'values,numberFormat' : 'values'));
    }
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error) && rowsThisSync > 1) {
        penalty *= 2;
        continue;
      }
      throw error;
    }
    penalty = Math.max(1, penalty / 2);
    for (const chunk of chunks) {
      let values = chunk.values as CellValue[][];
      if (dates1904) {
        const formats = chunk.numberFormat!;
        sizing.measure(values.map((row, i) => [...row, ...formats[i]] as CellValue[]), travelling);
        values = shownAs1900(values, formats);
      } else {
        sizing.measure(values, columns);
      }
      for (const row of values) out.push(row);
    }
    done += rowsThisSync;
    onProgress?.(done, rows);
  }
  return out;
}
