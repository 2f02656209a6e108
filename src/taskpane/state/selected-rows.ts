/**
 * "Use the selected rows": the address the user selected in Excel → which side's data rows it
 * covers. Rows are sheet rows (as the Matches sheet and the status column show them), limited to
 * the rows under the side's header; a selection in neither range is refused, never guessed.
 */
import { blockHeight, blockWidth } from '../../workbook/layout/widest-row';
import type { Side } from '../../engine/types';
import { parseAddress } from '../../workbook/layout/a1';
import type { CellBlock } from '../../workbook/workbook';

export type SelectedRows = { side: Side; rows: number[] } | { problem: 'outside' | 'header' };

interface SideArea {
  side: Side;
  block: CellBlock;
  /** The sheet row of the side's header (rows at or above it are not entries). */
  headerRow: number;
}

export function rowsOfSelection(address: string, sides: readonly SideArea[]): SelectedRows {
  let parsed: ReturnType<typeof parseAddress>;
  try {
    parsed = parseAddress(address);
  } catch {
    return { problem: 'outside' };
  }
  const { sheet, rect } = parsed;
  if (sheet === undefined || rect === undefined) return { problem: 'outside' };
  const overlaps = sides.filter(({ block }) => {
    const bottom = block.top + blockHeight(block) - 1;
    const right = block.left + Math.max(1, blockWidth(block)) - 1;
    return block.sheet === sheet && rect.top <= bottom && rect.bottom >= block.top && rect.left <= right && rect.right >= block.left;
  });
  // Both ranges on one sheet, side by side or one under the other: the selection must be in one only.
  if (overlaps.length !== 1) return { problem: 'outside' };
  const { side, block, headerRow } = overlaps[0];
  const first = Math.max(rect.top, headerRow + 1, block.top);
  const last = Math.min(rect.bottom, block.top + blockHeight(block) - 1);
  if (first > last) return { problem: 'header' };
  return { side, rows: Array.from({ length: last - first + 1 }, (_, i) => first + i) };
}

/** `rows` added to `chosen`, each once, in row order. */
export function addRows(chosen: readonly number[], rows: readonly number[]): number[] {
  return [...new Set([...chosen, ...rows])].sort((a, b) => a - b);
}
