/**
 * Recon's own status cells: the status columns a run wrote beside the user's ranges, as its
 * RunRecord lists them. They are Recon's, not the user's, so reading a bare sheet name (its used
 * range) leaves them out: a re-run reads the same range as the run before and puts its status
 * column in the same place, instead of reading last run's labels as data and moving one column
 * right each time. Every host follows this one rule: hosts that scan cells ask `isStatusCell`,
 * hosts that ask the spreadsheet for used ranges (Office.js) ask it for the parts `rectsOutside`.
 */
import type { RunRecord } from '../workbook';
import type { CellValue } from '../../engine/types';
import { extendRect, type CellRect } from './a1';

export type StatusCells = RunRecord['statusColumns'][number];

/** The status cells on one sheet (Excel compares sheet names ignoring case). */
export function statusCellsOn(cells: readonly StatusCells[], sheet: string): StatusCells[] {
  const name = sheet.toLocaleUpperCase();
  return cells.filter((c) => c.sheet.toLocaleUpperCase() === name);
}

/** True when the cell is one of `cells` (which must all be on the cell's sheet). */
export function isStatusCell(cells: readonly StatusCells[], row: number, column: number): boolean {
  return cells.some((c) => c.column === column && row >= c.firstRow && row <= c.lastRow);
}

/**
 * `rect` without the status cells (all on its sheet), as few rectangles: the column bands between
 * status columns at full height, and each status column's rows outside its status cells.
 * Their union is exactly `rect` minus the status cells; they do not overlap.
 */
export function rectsOutside(rect: CellRect, cells: readonly StatusCells[]): CellRect[] {
  const inside = cells.filter((c) => c.column >= rect.left && c.column <= rect.right && c.lastRow >= rect.top && c.firstRow <= rect.bottom);
  const columns = [...new Set(inside.map((c) => c.column))].sort((a, b) => a - b);
  const out: CellRect[] = [];
  let left = rect.left;
  for (const column of columns) {
    if (column > left) out.push({ top: rect.top, bottom: rect.bottom, left, right: column - 1 });
    left = column + 1;
    const segments = inside.filter((c) => c.column === column).sort((a, b) => a.firstRow - b.firstRow);
    let top = rect.top;
    for (const s of segments) {
      if (s.firstRow > top) out.push({ top, bottom: s.firstRow - 1, left: column, right: column });
      top = Math.max(top, s.lastRow + 1);
    }
    if (top <= rect.bottom) out.push({ top, bottom: rect.bottom, left: column, right: column });
  }
  if (left <= rect.right) out.push({ top: rect.top, bottom: rect.bottom, left, right: rect.right });
  return out;
}

/** The smallest rectangle holding all of `rects`; null when there are none. */
export function boundingRect(rects: readonly CellRect[]): CellRect | null {
  if (rects.length === 0) return null;
  return rects.reduce((a, b) => ({
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  }));
}

/**
 * The bounding box of a sheet's non-empty values (row 1, column 1 at values[0][0]), leaving out
 * Recon's own status cells so a re-run reads the same range; null when there is nothing.
 */
export function usedRectOf(values: readonly (readonly CellValue[])[], statusCells: readonly StatusCells[]): CellRect | null {
  let rect: CellRect | null = null;
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      if (isStatusCell(statusCells, r + 1, c + 1)) return;
      rect = extendRect(rect, r + 1, c + 1);
    }),
  );
  return rect;
}
