/**
 * An exceljs worksheet → the plain cell values Excel itself would hand over (what Office.js'
 * `range.values` gives): dates as serial numbers, formulas as their cached results, rich text and
 * hyperlinks as their text, errors as their text (`#N/A`), merged cells with the value only in the
 * top-left cell.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';

const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/** A JS Date from exceljs → the 1900-system serial Excel stores (exceljs already applied any 1904 offset). */
export function excelSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * One exceljs value (or formula result) as a plain cell value. `serialOf` turns a date into its serial
 * (a 1904 workbook's streamed reader passes its own: date-system.ts).
 */
export function plainValue(value: unknown, serialOf: (date: Date) => number = excelSerial): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : serialOf(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((run) => run.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result, serialOf);
    if ('error' in v) return String(v.error);
    if ('hyperlink' in v || 'text' in v) return plainValue(v.text, serialOf);
  }
  return String(value);
}

/**
 * How each column shows its numbers: the first number format (not General) met on a number or date
 * cell of the column. A copy of the sheet made from plain values (the command line's --out) shows its
 * dates as dates and its amounts with their separators, not `45717` and `38560`. Date cells with no
 * format of their own show as ISO dates.
 */
export class ColumnFormats {
  readonly formats: (string | undefined)[] = [];

  /** Notes cell `c` (0-based) of a row: its exceljs value and number format. */
  note(c: number, value: unknown, numFmt: string | undefined): void {
    if (this.formats[c] !== undefined) return;
    const shown = value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value) ? (value as { result?: unknown }).result : value;
    if (shown instanceof Date) this.formats[c] = numFmt && numFmt !== 'General' ? numFmt : 'yyyy-mm-dd';
    else if (typeof shown === 'number' && numFmt && numFmt !== 'General') this.formats[c] = numFmt;
  }
}

/** 0-based rows and columns; row r of the result is sheet row r + 1, column c is sheet column c + 1. */
export function worksheetValues(ws: ExcelJS.Worksheet, formats?: ColumnFormats): CellValue[][] {
  const rows: CellValue[][] = [];
  const last = ws.rowCount;
  for (let r = 0; r < last; r++) rows.push([]);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = cell.type === ExcelJS.ValueType.Merge ? null : plainValue(cell.value);
      formats?.note(c - 1, cell.value, cell.numFmt);
    });
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    rows[r - 1] = out;
  });
  return rows;
}
