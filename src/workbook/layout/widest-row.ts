/**
 * The number of columns of the widest row. A loop, never `Math.max(...rows.map(...))`: spreading a
 * 100,000-row sheet into arguments overflows the stack of a browser's worker (it did at 88k rows).
 */
export function widestRow(rows: readonly (readonly unknown[])[]): number {
  let widest = 0;
  for (const row of rows) if (row.length > widest) widest = row.length;
  return widest;
}
