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

/** Columns of a block's widest row, held or not. */
export function blockWidth(block: { values: readonly (readonly unknown[])[]; held?: { width: number } }): number {
  return block.held ? block.held.width : widestRow(block.values);
}
