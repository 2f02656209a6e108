/**
 * The bundled demo as a real .xlsx, the way an accountant's file looks: dates shown as dates,
 * amounts with two decimals, bold headers, readable column widths. The values are exactly the
 * generator's (src/generator/demo.ts); only formats are added, found by the engine's own reader.
 */
import ExcelJS from 'exceljs';
import { readSide } from '../../engine';
import type { CellValue, ColumnRole, Side } from '../../engine/types';
import { demoWorkbook, type DemoLocale } from '../../generator/demo';
import { XlsxWorkbook } from '../../workbook/file/xlsx-workbook';
import { DEMO_FILE_NAME } from './demo-name';
import { textWidth } from '../../workbook/layout/text-width';


/** How each column role is shown in the demo file. */
const ROLE_FORMATS: Partial<Record<ColumnRole, string>> = {
  date: 'yyyy-mm-dd',
  amount: '#,##0.00',
  inflow: '#,##0.00',
  outflow: '#,##0.00',
  balance: '#,##0.00',
};

/** Display width of a value as the demo shows it (amounts with two decimals). */
function valueWidth(value: CellValue): number {
  return textWidth(value === null || value === undefined ? '' : typeof value === 'number' ? value.toFixed(2) : String(value));
}

function addSheet(book: ExcelJS.Workbook, name: string, values: CellValue[][], side: Side): void {
  const ws = book.addWorksheet(name);
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value !== null && value !== undefined && value !== '') ws.getCell(r + 1, c + 1).value = value;
    }),
  );
  const read = readSide({ cells: values, firstRow: 1 }, { side });
  if (read.headerRow > 0) ws.getRow(read.headerRow).font = { bold: true };
  // Title lines above the header (a bank export's) stay as the bank wrote them, the first one bold.
  if (read.headerRow > 1) ws.getCell(1, 1).font = { bold: true };
  const widths: number[] = [];
  values.forEach((line, r) => {
    // Titles span the sheet; they should not widen column A.
    if (r + 1 < read.headerRow) return;
    line.forEach((value, c) => (widths[c] = Math.max(widths[c] ?? 0, valueWidth(value))));
  });
  widths.forEach((width, c) => (ws.getColumn(c + 1).width = Math.min(48, Math.max(8, width + 2))));
  for (const [role, column] of Object.entries(read.columns) as [ColumnRole, number][]) {
    const numFmt = ROLE_FORMATS[role];
    if (!numFmt) continue;
    for (let row = read.headerRow + 1; row <= values.length; row++) ws.getCell(row, column + 1).numFmt = numFmt;
  }
  ws.views = [{ state: 'frozen', ySplit: read.headerRow, xSplit: 0 }];
}

/** The demo workbook's bytes: a ledger sheet and a bank sheet, formatted. */
export async function demoBytes(locale: DemoLocale): Promise<Uint8Array> {
  const demo = demoWorkbook(locale);
  const book = new ExcelJS.Workbook();
  const [ledger, bank] = demo.sheets;
  addSheet(book, ledger.name, ledger.values, 'ledger');
  addSheet(book, bank.name, bank.values, 'bank');
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function openDemo(locale: DemoLocale): Promise<{ workbook: XlsxWorkbook; fileName: string }> {
  const fileName = DEMO_FILE_NAME[locale];
  return { workbook: await XlsxWorkbook.fromBytes(await demoBytes(locale), fileName), fileName };
}
