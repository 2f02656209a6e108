/**
 * Text that must stay text. A memo such as `=SUM(A1)`, `+86 138…` or `-转账` must never be run
 * as a formula or turned into a number when a host writes it.
 *
 * Per host:
 * - exceljs (.xlsx files): a JS string is stored as a string cell; a formula needs `{ formula }`.
 *   Nothing to do (test/workbook/file proves `=1+1` reads back as a string).
 * - memory: values are data; nothing is ever evaluated.
 * - Office.js: `range.values = [['=1+1']]` enters a formula and `'-5'` becomes a number, exactly as
 *   if typed. An apostrophe prefix makes Excel keep the rest as text and does not show in the cell,
 *   so that host passes every string through `safeText`.
 */
import type { CellValue } from '../../engine/types';

/** Starts that Excel (or a CSV importer) would read as a formula or a signed number. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** For hosts that interpret typed text (Office.js): prefix an apostrophe where needed. */
export function safeText(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  // A leading apostrophe is itself swallowed by Excel, so a memo that starts with one needs one more.
  return looksLikeFormula(value) || value.startsWith("'") ? `'${value}` : value;
}

/** safeText over a grid, for writing a whole range in one call. */
export function safeTextGrid(values: CellValue[][]): CellValue[][] {
  return values.map((row) => row.map(safeText));
}
