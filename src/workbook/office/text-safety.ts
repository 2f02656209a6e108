/**
 * Text written to Excel must stay text. Excel turns a written string into a formula when it
 * starts with = + - (and @), and into a number, date, time, boolean or error when it looks like
 * one ("00123", "1,234.50", "2025/3/5", "(100)", "TRUE", "#N/A", full-width "１２３").
 * Two defences, both plain values (no per-cell calls):
 *   - columns whose format is text get numberFormat '@' BEFORE their values: stored verbatim;
 *   - elsewhere a string Excel would not keep as typed (the shared definition, layout/safe-text)
 *     gets a leading apostrophe, which Excel drops from the value.
 * Requires ExcelApi 1.1 (Range.values, Range.numberFormat).
 */
import type { CellValue } from '../../engine/types';
import { safeText } from '../layout/safe-text';


export type ExcelInput = string | number | boolean;

/**
 * The value to send for one cell. `verbatim`: the cell's number format is '@' (set before the
 * values), so strings go as they are.
 */
export function toExcelInput(value: CellValue, verbatim: boolean): ExcelInput {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Excel cannot hold NaN or Infinity; keep what the layout meant to show, as text.
    return Number.isFinite(value) ? value : `'${String(value)}`;
  }
  if (typeof value === 'boolean' || verbatim) return value;
  return safeText(value) as string;
}
