/**
 * A workbook of the 1904 date system (old Mac Excel; LibreOffice keeps it when it saves one) stores
 * 2025-01-01 as 44196, not 45658. Its workbook part says so with `<workbookPr date1904="1"/>` (Excel)
 * or `date1904="true"` (LibreOffice: both are xsd:boolean). exceljs 4.4 reads only "1", and turned
 * every date of a "true" file into a date four years early (2020-12-31), silently. This module reads
 * the flag itself and puts the dates right, for the streamed reader and the whole-workbook one.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { excelSerial } from './sheet-values';

/** Days between the 1904 and the 1900 systems' day zero. */
export const DAYS_1904_TO_1900 = 1462;
const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in the 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;

/** Whether a workbook part's text declares the 1904 date system, in either spelling. */
export function declares1904(workbookXml: string): boolean {
  return /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);
}

/**
 * The 1900-system serial of what a 1904 workbook shows for the number it stores: 1,462 days later; a
 * time of day alone (below 1) is the same in both systems.
 */
export function from1904(stored: number): number {
  return stored >= 1 ? stored + DAYS_1904_TO_1900 : stored;
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
  const shown = (date: Date) => new Date((from1904(stored(date)) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
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
