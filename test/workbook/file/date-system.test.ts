/**
 * Workbooks of the 1904 date system: every reader gives the dates a 1900 workbook of the same dates
 * gives, whichever way the file spells the flag (Excel "1", LibreOffice "true"), and a workbook the
 * page saves shows its own dates and Recon's in one system.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { declares1904 } from '../../../src/workbook/date-system';
import { loadTable } from '../../../src/workbook/file/load-table';
import { readXlsx } from '../../../src/workbook/file/read-xlsx';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsx-workbook';

const XLS = path.join(__dirname, '../../fixtures/xls');
/** 2025-01-01 as a 1900-system serial. */
const NEW_YEAR_2025 = 45658;

async function excel1904Workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = true;
  const ws = book.addWorksheet('Bank');
  ws.addRow(['日期', '金额']);
  ws.addRow([new Date(Date.UTC(2025, 0, 1)), 5]).getCell(1).numFmt = 'yyyy-mm-dd';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function workbookXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
}

describe('1904 date system', () => {
  it('a LibreOffice workbook (date1904="true") reads with the same dates as its 1900 twin, streamed or whole', async () => {
    expect(declares1904(await workbookXml(await fs.readFile(path.join(XLS, 'libreoffice-97-1904.xlsx'))))).toBe(true);
    const in1900 = await loadTable(path.join(XLS, 'libreoffice-97.xlsx'));
    const in1904 = await loadTable(path.join(XLS, 'libreoffice-97-1904.xlsx'));
    expect(in1900.cells[2][0]).toBe(NEW_YEAR_2025);
    expect(in1904.cells).toEqual(in1900.cells);
    const whole = async (name: string) => (await readXlsx(new Uint8Array(await fs.readFile(path.join(XLS, name))))).sheets[0].values;
    const whole1904 = await whole('libreoffice-97-1904.xlsx');
    expect(whole1904[2][0]).toBe(NEW_YEAR_2025);
    // dates 1,462 days on; times of day (hh:mm:ss, below 1) left as they are
    expect(whole1904).toEqual(await whole('libreoffice-97.xlsx'));
  });

  it('an Excel workbook (date1904="1") reads the same way', async () => {
    const bytes = await excel1904Workbook();
    expect(declares1904(await workbookXml(bytes))).toBe(true);
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'recon-1904-')), 'bank.xlsx');
    await fs.writeFile(file, bytes);
    expect((await loadTable(file)).cells[1]).toEqual([NEW_YEAR_2025, 5]);
    expect((await readXlsx(bytes)).sheets[0].values[1]).toEqual([NEW_YEAR_2025, 5]);
  });

  it.each([
    ['Excel', excel1904Workbook],
    ['LibreOffice', async () => new Uint8Array(await fs.readFile(path.join(XLS, 'libreoffice-97-1904.xlsx')))],
  ])('the page moves a 1904 workbook from %s to the 1900 system, its dates as they were', async (_maker, make) => {
    const workbook = await XlsxWorkbook.fromBytes(await make(), 'book.xlsx');
    const name = (await workbook.sheetNames())[0];
    const read = async (w: XlsxWorkbook) => (await w.readValues(`'${name}'!A1:A3`)).values.flat().find((v) => typeof v === 'number');
    expect(await read(workbook)).toBe(NEW_YEAR_2025);
    const saved = await workbook.toBytes();
    expect(declares1904(await workbookXml(saved))).toBe(false);
    expect(await read(await XlsxWorkbook.fromBytes(saved, 'book.xlsx'))).toBe(NEW_YEAR_2025);
  });

  it('reads the flag in either spelling, and only on workbookPr', () => {
    expect(declares1904('<workbook><workbookPr date1904="1"/></workbook>')).toBe(true);
    expect(declares1904("<x:workbookPr backupFile='false' date1904='true'/>")).toBe(true);
    expect(declares1904('<workbookPr date1904="0"/>')).toBe(false);
    expect(declares1904('<workbookPr date1904="false" defaultThemeVersion="1"/>')).toBe(false);
    expect(declares1904('<workbookPr/><definedName>date1904="1"</definedName>')).toBe(false);
  });
});
