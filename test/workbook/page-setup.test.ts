/**
 * SheetSpec.page in every host: the .xlsx file (exceljs pageSetup + headerFooter, read back from
 * the saved bytes), the memory workbook (kept as given) and Office.js pageLayout on the fake Excel
 * (ExcelApi 1.9; on 1.7 the sheet is written without print settings).
 */
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/file/xlsx-workbook';
import { escapeHeaderText, printStrings } from '../../src/workbook/layout/page-setup';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import type { RunOutputs, SheetSpec } from '../../src/workbook/workbook';
import { FakeExcel } from '../fake-excel';
import { officeWorkbook } from './office/fixtures';

const NAME = '客户对账单 Smith & Co (HK)';

function printedSheet(): SheetSpec {
  const lines = Array.from({ length: 60 }, (_, i) => [`2025-03-${String((i % 28) + 1).padStart(2, '0')}`, `记-${i + 1}`, '销售货款', 1000 + i, null, 1000 * (i + 1)]);
  return {
    key: 'statement:test',
    name: NAME,
    values: [['Smith & Co 上海明辉贸易有限公司'], ['日期', '凭证号', '摘要', '借方', '贷方', '余额'], ...lines, ['期末余额', null, null, null, null, 61_830]],
    columnWidths: [12, 10, 20, 14, 14, 16],
    page: {
      orientation: 'portrait',
      paper: 'A4',
      fitToPagesWide: 1,
      printArea: { row: 0, column: 0, rows: 63, columns: 6 },
      repeatRows: { first: 1, last: 1 },
      headerCenter: 'Smith & Co 2025-03',
      footerCenter: '第 &P 页，共 &N 页',
    },
  };
}

function outputs(sheet: SheetSpec, ledgerSheet: string): RunOutputs {
  return {
    sheets: [sheet],
    annotations: [],
    runRecord: { version: 1, ranAt: '2025-04-02T09:00:00Z', ledgerRange: `'${ledgerSheet}'!A1:B2`, bankRange: `'${ledgerSheet}'!A1:B2`, sheets: [], statusColumns: [], options: {} },
  };
}

describe('print strings shared by the hosts', () => {
  test('print area, title rows, header with a literal ampersand, footer codes kept', () => {
    const s = printStrings(printedSheet(), printedSheet().page!);
    expect(s).toEqual({ printArea: 'A1:F63', titleRows: '2:2', headerCenter: 'Smith && Co 2025-03', footerCenter: '第 &P 页，共 &N 页' });
  });

  test('header text is cut at 255 characters without half an escape', () => {
    const text = escapeHeaderText(`${'x'.repeat(254)}&tail`);
    expect(text).toBe('x'.repeat(254));
  });

  test('without a print area the whole grid prints', () => {
    const spec = { ...printedSheet(), page: { fitToPagesWide: 1 } };
    expect(printStrings(spec, spec.page).printArea).toBe('A1:F63');
  });
});

describe('.xlsx file host', () => {
  test('pageSetup and headerFooter survive saving and reopening', async () => {
    const wb = XlsxWorkbook.fromSheets([{ name: 'Ledger', values: [['a', 'b'], [1, 2]] }]);
    await wb.writeRun(outputs(printedSheet(), 'Ledger'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await wb.toBytes()) as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet(NAME)!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    expect(ws.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?F\$?63$/);
    expect(ws.headerFooter).toMatchObject({ oddHeader: '&CSmith && Co 2025-03', oddFooter: '&C第 &P 页，共 &N 页' });
  });

  test("a name with an apostrophe: a file that reopens (exceljs cannot quote it), paper and fit kept", async () => {
    const wb = XlsxWorkbook.fromSheets([{ name: 'Ledger', values: [['a', 'b'], [1, 2]] }]);
    await wb.writeRun(outputs({ ...printedSheet(), name: "O'Brien Ltd" }, 'Ledger'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await wb.toBytes()) as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet("O'Brien Ltd")!.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
  });
});

describe('memory host', () => {
  test('keeps the page setup as given', async () => {
    const wb = new MemoryWorkbook([{ name: 'Ledger', values: [['a', 'b'], [1, 2]] }]);
    await wb.writeRun(outputs(printedSheet(), 'Ledger'));
    expect(wb.pageSetup(NAME)).toEqual(printedSheet().page);
    expect(wb.pageSetup('Ledger')).toBeNull();
  });
});

describe('Office host (fake Excel)', () => {
  test('ExcelApi 1.9: paper, orientation, fit one page wide, print area, title rows, header and footer', async () => {
    const fake = new FakeExcel({ excelApi: '1.9' });
    fake.addSheet('Ledger', [['a', 'b'], [1, 2]]);
    await officeWorkbook(fake).writeRun(outputs(printedSheet(), 'Ledger'));
    expect(fake.sheet(NAME).page).toEqual({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: { r0: 0, c0: 0, r1: 62, c1: 5 },
      printTitleRows: { r0: 1, r1: 1 },
      centerHeader: 'Smith && Co 2025-03',
      centerFooter: '第 &P 页，共 &N 页',
    });
  });

  test('ExcelApi 1.7: the sheet is written, without print settings and without an error', async () => {
    const fake = new FakeExcel({ excelApi: '1.7' });
    fake.addSheet('Ledger', [['a', 'b'], [1, 2]]);
    await officeWorkbook(fake).writeRun(outputs(printedSheet(), 'Ledger'));
    expect(fake.sheet(NAME).page).toEqual({});
    expect(fake.valuesOf(NAME, 'A63:F63')[0]).toEqual(['期末余额', '', '', '', '', 61_830]);
  });
});
