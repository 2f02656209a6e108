/**
 * One sheet of an .xlsx file on disk, read as a stream (xlsx-package.ts): rows become plain values as
 * they are parsed and only the sheet wanted is read, so neither the file's bytes nor an exceljs model
 * of every cell is ever held. Values are those of readXlsx (sheet-values.ts's plainValue): dates as
 * serials, formulas as their cached results, rich text and links as text.
 * Returns null when the file is not laid out as a workbook: the caller then lets the whole-workbook
 * reader give its verdict.
 */
import type { CellValue } from '../../engine/types';
import { chooseSheet } from './choose-sheet';
import { ColumnFormats, excelSerial, plainValue, serialOf1904 } from './sheet-values';
import { openXlsxPackage } from './xlsx-package';

export interface StreamedSheet {
  name: string;
  values: CellValue[][];
  /** Each column's number format (sheet-values.ts ColumnFormats). */
  formats: (string | undefined)[];
}

export interface StreamedWorkbook {
  /** Every sheet, in the workbook's order, with whether it is hidden. */
  sheets: { name: string; hidden: boolean }[];
  /** The sheet chooseSheet picks. */
  chosen: StreamedSheet | null;
}

export async function streamXlsxSheet(file: string, wanted?: string): Promise<StreamedWorkbook | null> {
  const xlsx = await openXlsxPackage(file, { dates: true });
  if (!xlsx) return null;
  const { sheets } = xlsx;
  const pick = chooseSheet(sheets, wanted);
  if (!pick) return { sheets, chosen: null };
  const rows = xlsx.rows(pick.name);
  if (!rows) return null;

  const values: CellValue[][] = [];
  const formats = new ColumnFormats();
  const serialOf = xlsx.date1904 ? serialOf1904 : excelSerial;
  for await (const row of rows) {
    // Every cell up to the row's last, so empty strings stay '' as in readXlsx; trailing nulls dropped.
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      out[c - 1] = plainValue(cell.value, serialOf);
      formats.note(c - 1, cell.value, cell.numFmt);
    });
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    // sheet row r is values[r - 1]; rows left out of the file are empty
    while (values.length < row.number - 1) values.push([]);
    values[row.number - 1] = out;
  }
  return { sheets, chosen: { name: pick.name, values, formats: formats.formats } };
}
