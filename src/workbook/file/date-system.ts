/**
 * A workbook of the 1904 date system (old Mac Excel; LibreOffice keeps it when it saves one) stores
 * 2025-01-01 as 44196, not 45658. Its workbook part says so with `<workbookPr date1904="1"/>` (Excel)
 * or `date1904="true"` (LibreOffice: both are xsd:boolean). exceljs 4.4 reads only "1", and turned
 * every date of a "true" file into a date four years early (2020-12-31), silently. This module reads
 * the flag and says what a stored number shows; sheet-values.ts applies it to what exceljs read, and
 * read-xls.ts to an .xls workbook's own DATEMODE. No dependency, so the .xls reader stays light.
 */

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
