/**
 * The number of columns of the widest row. A loop, never `Math.max(...rows.map(...))`: spreading a
 * 100,000-row sheet into arguments overflows the stack of a browser's worker (it did at 88k rows).
 */
export function widestRow(rows: readonly (readonly unknown[])[]): number {
  let widest = 0;
  for (const row of rows) if (row.length > widest) widest = row.length;
  return widest;
}

/** Rows of a block, held or not (a held block's `values` are only its first rows). */
export function blockHeight(block: { values: readonly (readonly unknown[])[]; held?: { rows: number } }): number {
  return block.held ? block.held.rows : block.values.length;
}

/** Blocks shorter than this are measured each time (it costs nothing). */
const REMEMBERED_ROWS = 1000;

/** blockWidth's answers by the rows they were worked out on, with the row count then. */
const widths = new WeakMap<readonly (readonly unknown[])[], { rows: number; width: number }>();

/**
 * Columns of a block's widest row, held or not. A block read from a sheet is not changed after, and
 * the pane asks on every draw of its column table (100,000 rows each time while a run shows its
 * progress): the answer is kept per row array, worked out again if rows were added or removed.
 */
export function blockWidth(block: { values: readonly (readonly unknown[])[]; held?: { width: number } }): number {
  if (block.held) return block.held.width;
  if (block.values.length < REMEMBERED_ROWS) return widestRow(block.values);
  const known = widths.get(block.values);
  if (known && known.rows === block.values.length) return known.width;
  const width = widestRow(block.values);
  widths.set(block.values, { rows: block.values.length, width });
  return width;
}
