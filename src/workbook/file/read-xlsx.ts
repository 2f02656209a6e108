/**
 * .xlsx bytes → every sheet's plain values, through exceljs. Bytes in (Uint8Array/ArrayBuffer), no file
 * system, so a browser page can use it as well as the command line.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';
import { ColumnFormats, correct1904Dates, worksheetValues } from './sheet-values';

export interface XlsxSheet {
  name: string;
  /** Hidden and very hidden sheets are listed too; callers decide whether to offer them. */
  hidden: boolean;
  values: CellValue[][];
  /** Each column's number format (sheet-values.ts ColumnFormats). */
  formats: (string | undefined)[];
}

export interface XlsxContents {
  sheets: XlsxSheet[];
}

export async function readXlsx(input: Uint8Array | ArrayBuffer): Promise<XlsxContents> {
  const workbook = new ExcelJS.Workbook();
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // exceljs accepts any ArrayBuffer view at run time; its types only name Node's Buffer
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  await correct1904Dates(workbook, bytes);
  const sheets: XlsxSheet[] = [];
  workbook.eachSheet((ws) => {
    const formats = new ColumnFormats();
    const values = worksheetValues(ws, formats);
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible' && ws.state !== undefined, values, formats: formats.formats });
  });
  return { sheets };
}
