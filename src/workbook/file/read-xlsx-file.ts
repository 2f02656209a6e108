/**
 * One sheet of an .xlsx file on disk, read as a stream (exceljs' WorkbookReader): rows become plain
 * values as they are parsed and only the sheet wanted is kept, so neither the file's bytes nor an
 * exceljs model of every cell is ever held. Values are those of readXlsx (sheet-values.ts's
 * plainValue): dates as serials, formulas as their cached results, rich text and links as text.
 * Returns null when the file's order makes streaming unsure (a sheet met before the workbook part
 * that names it, so its name is unknown): the caller then reads the whole workbook the usual way.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';
import { plainValue } from './sheet-values';

export interface StreamedSheet {
  name: string;
  values: CellValue[][];
}

export interface StreamedWorkbook {
  /** Every sheet met, in the file's order, with whether it is hidden. */
  sheets: { name: string; hidden: boolean }[];
  /** The sheet asked for (by exact name, else by name ignoring case), else the first visible one. */
  chosen: StreamedSheet | null;
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
}

export async function streamXlsxSheet(file: string, wanted?: string): Promise<StreamedWorkbook | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  // exceljs 4.4 reads `this.model.sheets` for a sheet met before xl/workbook.xml and throws a TypeError
  // (zip entry order is the writer's choice; exceljs' own writer varies it). A placeholder model until
  // the workbook part replaces it tells such a sheet apart (exceljs then names it `Sheet1`): null below.
  const held = reader as unknown as { model?: { sheets: unknown[] } };
  const beforeWorkbook = { sheets: [] };
  held.model = beforeWorkbook;
  const sheets: { name: string; hidden: boolean }[] = [];
  let exact: StreamedSheet | null = null;
  let byCase: StreamedSheet | null = null;
  let firstVisible: StreamedSheet | null = null;
  for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) {
    if (held.model === beforeWorkbook || sheet.name === undefined) return null;
    const name = sheet.name;
    const hidden = sheet.state !== undefined && sheet.state !== 'visible';
    sheets.push({ name, hidden });
    const isExact = wanted !== undefined && name === wanted;
    const isByCase = wanted !== undefined && byCase === null && name.toLowerCase() === wanted.trim().toLowerCase();
    const keep = wanted === undefined ? !hidden && firstVisible === null : (isExact && exact === null) || isByCase;
    const values: CellValue[][] = [];
    for await (const row of sheet) {
      if (!keep) continue; // rows must still be read for the stream to move on
      // Every cell up to the row's last, so empty strings stay '' as in readXlsx; trailing nulls dropped.
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        out[c - 1] = plainValue(cell.value);
      });
      for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      // sheet row r is values[r - 1]; rows left out of the file are empty
      while (values.length < row.number - 1) values.push([]);
      values[row.number - 1] = out;
    }
    if (!keep) continue;
    const read = { name, values };
    if (wanted === undefined) firstVisible = read;
    else if (isExact) exact = read;
    else byCase = read;
  }
  return { sheets, chosen: wanted === undefined ? firstVisible ?? null : exact ?? byCase };
}
