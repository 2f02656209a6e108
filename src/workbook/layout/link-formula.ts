/**
 * A link to a place in the workbook as a HYPERLINK formula: `=HYPERLINK("#'Bank'!A12:H12",12)`.
 * The formula keeps the cell's own value (a row number stays a number, so a table sorts it as one),
 * and hosts write it with the values in bulk (no call per linked cell). The target, which holds a
 * user's sheet name, is a quoted string literal with its quotes doubled: it is never evaluated.
 */
import type { CellValue } from '../../engine/types';

export function linkFormula(target: string, value: CellValue): string {
  const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const shown = typeof value === 'number' ? String(value) : literal(String(value ?? ''));
  return `HYPERLINK(${literal(`#${target}`)},${shown})`;
}
