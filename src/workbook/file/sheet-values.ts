/**
 * An exceljs worksheet → the plain cell values Excel itself would hand over (what Office.js'
 * `range.values` gives): dates as serial numbers, formulas as their cached results, rich text and
 * hyperlinks as their text, errors as their text (`#N/A`), merged cells with the value only in the
 * top-left cell; a 1904-date-system workbook's dates as the 1900 serials of what it shows (date-system.ts).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../../engine/types';
import { NUMBER_FORMATS } from '../layout/number-formats';
import { declares1904, DAYS_1904_TO_1900, from1904 } from '../date-system';

const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/** A JS Date from exceljs → its 1900-system serial (a 1904 workbook's are put right: serialOf1904, correct1904Dates). */
export function excelSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** A 1900-system serial → the JS Date exceljs holds for it (excelSerial's inverse). */
function dateOfSerial(serial: number): Date {
  return new Date((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

/** A 1904 workbook's date as exceljs made it reading the stored number as 1900-based → the serial it shows. */
export function serialOf1904(readAs1900: Date): number {
  return from1904(excelSerial(readAs1900));
}

/**
 * After exceljs loaded `bytes`: a workbook of the 1904 system is moved to the 1900 system every other
 * part of Recon writes in (layout/excel-dates.ts), each date showing as before once saved. exceljs
 * holds dates as moments: those it made right ("1") and those it made four years early ("true") are
 * both put right, and a time of day alone stays a time. Without this, the page's output sheets (1900
 * serials) would show every date four years late in such a book.
 */
export async function correct1904Dates(book: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const sawIt = book.properties.date1904 === true;
  if (!sawIt) {
    const part = (await JSZip.loadAsync(bytes)).file(/^xl\/workbook\.xml$/i)[0];
    if (!part || !declares1904(await part.async('string'))) return;
  }
  book.properties.date1904 = false;
  const stored = (date: Date) => excelSerial(date) - (sawIt ? DAYS_1904_TO_1900 : 0);
  const shown = (date: Date) => dateOfSerial(from1904(stored(date)));
  book.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value as unknown;
        if (value instanceof Date) cell.value = shown(value);
        else if (value !== null && typeof value === 'object' && 'result' in value && (value as { result?: unknown }).result instanceof Date) {
          cell.value = { ...(value as ExcelJS.CellFormulaValue), result: shown((value as { result: Date }).result) };
        }
      }),
    ),
  );
}

/**
 * One exceljs value (or formula result) as a plain cell value. `serialOf` turns a date into its serial
 * (a 1904 workbook's streamed reader passes serialOf1904).
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
    if (shown instanceof Date) this.formats[c] = numFmt && numFmt !== 'General' ? numFmt : NUMBER_FORMATS.date;
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
