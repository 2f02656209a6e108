/**
 * A workbook of the 1904 date system (old Mac Excel; LibreOffice keeps it when it saves one) stores
 * 2025-01-01 as 44196, not 45658. Its workbook part says so with `<workbookPr date1904="1"/>` (Excel)
 * or `date1904="true"` (LibreOffice: both are xsd:boolean). exceljs 4.4 reads only "1", and turned
 * every date of a "true" file into a date four years early (2020-12-31), silently. This module reads
 * the flag and says what a stored number shows; sheet-values.ts applies it to what exceljs read,
 * read-xls.ts to an .xls workbook's own DATEMODE, and the add-in (office/date-system-1904.ts) to
 * what Excel's range.values gives in such a workbook. No dependency, so every host can use it.
 */
import type { CellValue } from '../engine/types';

/** Days between the 1904 and the 1900 systems' day zero. */
export const DAYS_1904_TO_1900 = 1462;

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

/**
 * What a 1904 workbook must store to show the date a 1900-system serial is (from1904's inverse): a
 * date Recon writes into such a workbook, where Excel reads every stored number as 1904-based.
 */
export function to1904(serial: number): number {
  return serial >= 1 ? serial - DAYS_1904_TO_1900 : serial;
}

/** A custom format shows a date or time when, outside quoted text, escapes and [colour] tags, it has a date or time letter. */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * A 1904 workbook's cells as Excel gives them (range.values, and range.numberFormat for the same
 * cells) → the 1900 serials of the dates they show: a number shown with a date format moves, every
 * other cell is as it was. A new grid; `values` is not changed.
 */
export function shownAs1900(values: readonly (readonly CellValue[])[], formats: readonly (readonly unknown[])[]): CellValue[][] {
  const known = new Map<string, boolean>(); // a column's cells share a format: test each text once
  const showsDate = (format: string) => {
    let date = known.get(format);
    if (date === undefined) known.set(format, (date = isDateFormat(format)));
    return date;
  };
  return values.map((row, r) =>
    row.map((v, c) => {
      const format = formats[r]?.[c];
      return typeof v === 'number' && typeof format === 'string' && showsDate(format) ? from1904(v) : v;
    }),
  );
}
