/**
 * Reads a large rectangle in row chunks so that every response stays well under Excel on the
 * web's 5 MB limit and no single range exceeds the per-range cell cap, with as few syncs as the
 * response budget allows (several chunk loads per sync). The size of a sync is planned from the
 * bytes per cell measured so far; a sync refused for its size is retried with half the rows.
 * Requires ExcelApi 1.7 (Worksheet.getRangeByIndexes).
 */
import type { CellValue } from '../../engine/types';
import { jsonGridBytes } from './payload';
import { isPayloadTooLarge, type Syncable } from './sync-batcher';

export interface ReadBudget {
  /** Bytes one sync's response may carry (kept well under 5 MB). */
  maxResponseBytes: number;
  /** Cells in one range read. */
  maxCellsPerChunk: number;
}

export interface SheetLike {
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): { load(props: string): { values: unknown[][] } };
}

/** Assumed before anything was measured: generous, so the first sync cannot overflow. */
const INITIAL_BYTES_PER_CELL = 40;
/** Planned size = measured average × this, for rows that are longer than the average. */
const SAFETY = 1.3;

export async function readRows(
  context: Syncable,
  sheet: SheetLike,
  block: { top0: number; left0: number; rows: number; columns: number },
  budget: ReadBudget,
  onProgress?: (done: number, total: number) => void,
): Promise<CellValue[][]> {
  const out: CellValue[][] = [];
  const { rows, columns } = block;
  const rowsPerChunk = Math.max(1, Math.floor(budget.maxCellsPerChunk / columns));
  let measuredBytes = 0;
  let measuredCells = 0;
  let penalty = 1;
  let done = 0;
  while (done < rows) {
    const perCell = (measuredCells > 0 ? Math.max(measuredBytes / measuredCells, 2) * SAFETY : INITIAL_BYTES_PER_CELL) * penalty;
    const rowsThisSync = Math.min(rows - done, Math.max(1, Math.floor(budget.maxResponseBytes / (perCell * columns))));
    const chunks: { values: unknown[][] }[] = [];
    for (let r = 0; r < rowsThisSync; r += rowsPerChunk) {
      const n = Math.min(rowsPerChunk, rowsThisSync - r);
      chunks.push(sheet.getRangeByIndexes(block.top0 + done + r, block.left0, n, columns).load('values'));
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
      const values = chunk.values as CellValue[][];
      measuredBytes += jsonGridBytes(values);
      measuredCells += values.length * columns;
      for (const row of values) out.push(row);
    }
    done += rowsThisSync;
    onProgress?.(done, rows);
  }
  return out;
}
