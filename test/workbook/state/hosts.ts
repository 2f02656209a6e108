/**
 * The three hosts behind one interface for tests that carry a workbook from one host to another:
 * every sheet's values (Recon's very hidden state sheet included) as the saved file would hold
 * them, and a host built over such sheets. The file host goes through real .xlsx bytes.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../src/engine/types';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsx-workbook';
import { worksheetValues } from '../../../src/workbook/file/sheet-values';
import { MemoryWorkbook } from '../../../src/workbook/memory/memory-workbook';
import type { Workbook } from '../../../src/workbook/workbook';
import { FakeExcel } from '../../fake-excel';
import { officeWorkbook } from '../office/fixtures';

export type HostKind = 'memory' | 'file' | 'office';
export const HOSTS: HostKind[] = ['memory', 'file', 'office'];

export interface SheetData {
  name: string;
  values: CellValue[][];
  hidden?: boolean;
}

export interface Host {
  kind: HostKind;
  workbook: Workbook;
  /** Every sheet as the saved workbook holds it. */
  sheets(): Promise<SheetData[]>;
}

export async function openHost(kind: HostKind, sheets: SheetData[]): Promise<Host> {
  if (kind === 'memory') {
    const wb = new MemoryWorkbook(sheets.map((s) => ({ name: s.name, values: s.values, visibility: s.hidden ? 'veryHidden' : 'visible' })));
    return { kind, workbook: wb, sheets: async () => wb.allSheets().map((s) => ({ name: s.name, values: s.values, hidden: s.visibility !== 'visible' })) };
  }
  if (kind === 'file') {
    const book = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = book.addWorksheet(s.name, { state: s.hidden ? 'veryHidden' : 'visible' });
      s.values.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== null && v !== undefined && v !== '') ws.getCell(r + 1, c + 1).value = v;
        }),
      );
    }
    const wb = await XlsxWorkbook.fromBytes(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer), 'book.xlsx');
    return {
      kind,
      workbook: wb,
      sheets: async () => {
        const saved = new ExcelJS.Workbook();
        await saved.xlsx.load((await wb.toBytes()) as unknown as ExcelJS.Buffer);
        return saved.worksheets.map((ws) => ({ name: ws.name, values: worksheetValues(ws), hidden: ws.state !== 'visible' }));
      },
    };
  }
  const fake = new FakeExcel();
  for (const s of sheets) {
    const rows = s.values.map((line) => line.map((v) => (v === null || v === undefined ? '' : v)));
    fake.addSheet(s.name, rows, 'A1', s.hidden ? 'VeryHidden' : 'Visible');
  }
  const wb = officeWorkbook(fake);
  return {
    kind,
    workbook: wb,
    sheets: async () =>
      fake.model.liveSheets().map((sheet) => {
        const values: CellValue[][] = [];
        sheet.values.rows.forEach((row, r) => {
          if (!row) return;
          while (values.length <= r) values.push([]);
          values[r] = Array.from({ length: row.length }, (_, c) => row[c] ?? null);
        });
        return { name: sheet.name, values, hidden: sheet.visibility !== 'Visible' };
      }),
  };
}

/** The workbook `from` holds, opened in a new host of kind `to` (as if saved and reopened there). */
export async function carry(from: Host, to: HostKind): Promise<Host> {
  return openHost(to, await from.sheets());
}
