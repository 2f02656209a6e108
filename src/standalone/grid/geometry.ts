/**
 * Where rows and columns sit in the grid, and which of them a viewport shows. Rows share one
 * height; columns are as wide as their text (from a sample of rows), so a 100,000-row sheet costs
 * one pass over a few hundred rows and each scroll costs a binary search.
 */
import { textWidth } from '../../workbook/layout/text-width';

export const ROW_HEIGHT = 24;
export const HEADER_HEIGHT = 24;
/** Rows and columns drawn beyond the viewport on each side, so a short scroll shows no gap. */
export const OVERSCAN_ROWS = 6;
export const OVERSCAN_COLUMNS = 2;
/** Empty rows and columns shown past the data, as a spreadsheet shows them, and a minimum size. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 4;
const MIN_ROWS = 40;
const MIN_COLUMNS = 10;
/** Rows whose text sizes the columns. */
const SAMPLE_ROWS = 400;
const MIN_WIDTH = 64;
const MAX_WIDTH = 320;
/** Pixels per character (CJK characters count two) and padding, for the default 13px font. */
const CHAR_WIDTH = 7.5;
const CELL_PADDING = 14;

export interface GridGeometry {
  rows: number;
  columns: number;
  rowHeaderWidth: number;
  /** offsets[c - 1] is where column c starts (from the first column); offsets[columns] the total. */
  offsets: number[];
  width: number;
  height: number;
}

export interface GridWindow {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

export function gridGeometry(dataRows: number, dataColumns: number, text: (row: number, column: number) => string): GridGeometry {
  const rows = Math.max(MIN_ROWS, dataRows + SPARE_ROWS);
  const columns = Math.max(MIN_COLUMNS, dataColumns + SPARE_COLUMNS);
  const chars = new Array<number>(columns).fill(0);
  const sampled = Math.min(dataRows, SAMPLE_ROWS);
  for (let row = 1; row <= sampled; row++) {
    for (let column = 1; column <= dataColumns; column++) chars[column - 1] = Math.max(chars[column - 1], textWidth(text(row, column)));
  }
  const offsets = [0];
  for (let c = 0; c < columns; c++) {
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(chars[c] * CHAR_WIDTH + CELL_PADDING)));
    offsets.push(offsets[c] + width);
  }
  const rowHeaderWidth = Math.max(40, String(rows).length * 8 + 18);
  return { rows, columns, rowHeaderWidth, offsets, width: rowHeaderWidth + offsets[columns], height: HEADER_HEIGHT + rows * ROW_HEIGHT };
}

export function columnWidth(geometry: GridGeometry, column: number): number {
  return geometry.offsets[column] - geometry.offsets[column - 1];
}

/** The column under x pixels from the first column's left edge (clamped to the grid). */
export function columnAt(geometry: GridGeometry, x: number): number {
  const { offsets, columns } = geometry;
  if (x <= 0) return 1;
  let low = 1;
  let high = columns;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The row under y pixels from the first row's top edge (clamped to the grid). */
export function rowAt(geometry: GridGeometry, y: number): number {
  return Math.min(geometry.rows, Math.max(1, Math.floor(y / ROW_HEIGHT) + 1));
}

/** Rows and columns a viewport of the given size, scrolled to (left, top), shows, with overscan. */
export function visibleWindow(geometry: GridGeometry, scroll: { top: number; left: number }, size: { width: number; height: number }): GridWindow {
  const bodyTop = Math.max(0, scroll.top);
  const bodyHeight = Math.max(0, size.height - HEADER_HEIGHT);
  const firstRow = Math.max(1, rowAt(geometry, bodyTop) - OVERSCAN_ROWS);
  const lastRow = Math.min(geometry.rows, rowAt(geometry, bodyTop + bodyHeight) + OVERSCAN_ROWS);
  const bodyLeft = Math.max(0, scroll.left);
  const bodyWidth = Math.max(0, size.width - geometry.rowHeaderWidth);
  const firstColumn = Math.max(1, columnAt(geometry, bodyLeft) - OVERSCAN_COLUMNS);
  const lastColumn = Math.min(geometry.columns, columnAt(geometry, bodyLeft + bodyWidth) + OVERSCAN_COLUMNS);
  return { firstRow, lastRow, firstColumn, lastColumn };
}

/**
 * The scroll position that brings a cell fully into view (unchanged when it already is), leaving
 * room for the sticky header row and row-number column.
 */
export function scrollToShow(
  geometry: GridGeometry,
  cell: { row: number; column: number },
  scroll: { top: number; left: number },
  size: { width: number; height: number },
): { top: number; left: number } {
  const cellTop = (cell.row - 1) * ROW_HEIGHT;
  const bodyHeight = Math.max(ROW_HEIGHT, size.height - HEADER_HEIGHT);
  let top = scroll.top;
  if (cellTop < top) top = cellTop;
  else if (cellTop + ROW_HEIGHT > top + bodyHeight) top = cellTop + ROW_HEIGHT - bodyHeight;
  const cellLeft = geometry.offsets[cell.column - 1];
  const cellRight = geometry.offsets[cell.column];
  const bodyWidth = Math.max(1, size.width - geometry.rowHeaderWidth);
  let left = scroll.left;
  if (cellLeft < left) left = cellLeft;
  else if (cellRight > left + bodyWidth) left = Math.min(cellLeft, cellRight - bodyWidth);
  return { top, left };
}
