/**
 * Text that must stay text. A memo such as `=SUM(A1)`, `+86 138…`, `-转账`, `00123`, `2025/3/5`
 * or `TRUE` must never be run as a formula or turned into a number, date or boolean when a host
 * writes it. This file is the one definition of "a string Excel would not keep as typed".
 *
 * Per host:
 * - exceljs (.xlsx files): a JS string is stored as a string cell; a formula needs `{ formula }`.
 *   Nothing to do (test/workbook/file proves `=1+1` reads back as a string).
 * - memory: values are data; nothing is ever evaluated.
 * - Office.js: `range.values = [['=1+1']]` enters a formula, `'-5'` a number and `'2025/3/5'` a
 *   date, exactly as if typed. An apostrophe prefix makes Excel keep the rest as text and does not
 *   show in the cell (Range.values reads back the original string), so that host passes every
 *   string for a cell not formatted as text ('@') through `safeText`.
 */
import type { CellValue } from '../../engine/types';

/** Starts that Excel (or a CSV importer) would read as a formula or a signed number. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * True when Excel might not store `text`, typed into a General cell, as that same text.
 * Deliberately broad: any digit (ASCII or full-width) can make a number, date or time; a leading
 * = + - @ a formula; # an error; ( a negative number; . , $ ¥ € £ % a number; ' is eaten; TRUE and
 * FALSE become booleans. A needless apostrophe costs nothing: Excel drops it from the value.
 */
export function needsApostrophe(text: string): boolean {
  if (text === '') return false;
  if (looksLikeFormula(text)) return true;
  if (/^\s*[=+\-@'#(.,$¥€£%]/.test(text)) return true;
  if (/[0-9\uFF10-\uFF19]/.test(text)) return true;
  return /^\s*(true|false)\s*$/i.test(text);
}

/** For hosts that interpret typed text (Office.js): prefix an apostrophe where needed. */
export function safeText(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  // A leading apostrophe is itself swallowed by Excel, so a memo that starts with one needs one more.
  return needsApostrophe(value) ? `'${value}` : value;
}

/** safeText over a grid, for writing a whole range in one call. */
export function safeTextGrid(values: CellValue[][]): CellValue[][] {
  return values.map((row) => row.map(safeText));
}
