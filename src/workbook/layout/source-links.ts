/**
 * Links from an output sheet back to the user's rows: a row number on the Discrepancies sheet or the
 * statement opens the row it came from, across the width of the range the user chose.
 */
import type { Side } from '../../engine/types';
import type { CellLink } from '../workbook';
import { sheetAddress } from './a1';
import type { SourcePosition } from './source-annotation';

export type SourcePositions = Record<Side, SourcePosition>;

/** `'Bank'!A12:H12`: the source row across the user's range. */
export function sourceRowTarget(position: SourcePosition, row: number): string {
  return sheetAddress(position.sheet, { top: row, left: position.left, bottom: row, right: position.left + Math.max(1, position.width) - 1 });
}

export function sourceLink(positions: SourcePositions, side: Side, row: number, at: { row: number; column: number }): CellLink {
  return { row: at.row, column: at.column, target: sourceRowTarget(positions[side], row) };
}
