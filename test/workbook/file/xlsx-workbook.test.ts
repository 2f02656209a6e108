import ExcelJS from 'exceljs';
import { buildReport } from '../../../src/engine/report/build-report';
import type { CellValue } from '../../../src/engine/types';
import type { Locale } from '../../../src/i18n/locale';
import { STATE_MARKER } from '../../../src/workbook/layout/recon-state';
import { STATE_SHEET, XlsxWorkbook, type XlsxWorkbookOptions } from '../../../src/workbook/file/xlsx-workbook';
import { buildRunOutputs } from '../../../src/workbook/layout/run-outputs';
import type { RunOutputs } from '../../../src/workbook/workbook';
import { sampleResult } from '../../engine/report/sample-result';
import { BANK_SHEET, BANK_VALUES, LEDGER_ADDRESS, LEDGER_SHEET, LEDGER_VALUES } from '../memory/sample-sheets';

/** exceljs keeps a sheet's conditional formats in a field its types leave out. */
const conditionalFormats = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

const YELLOW = 'FFFFFF00';

/** The user's workbook as Excel would save it: their fills, a number format, their own conditional format. */
async function userFileBytes(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ledger = book.addWorksheet(LEDGER_SHEET);
  LEDGER_VALUES.forEach((row, r) => row.forEach((v, c) => v !== null && (ledger.getCell(r + 1, c + 1).value = v)));
  ledger.getCell('C6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: YELLOW } };
  ledger.getCell('E2').numFmt = '#,##0.00';
  ledger.getCell('A1').font = { bold: true };
  const bank = book.addWorksheet(BANK_SHEET);
  BANK_VALUES.forEach((row, r) => row.forEach((v, c) => v !== null && (bank.getCell(r + 1, c + 1).value = v)));
  bank.getCell('B8').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: YELLOW } };
  bank.addConditionalFormatting({
    ref: 'F6:F11',
    rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }],
  });
  const own = book.addWorksheet('Matches');
  own.getCell('A1').value = 'My own notes';
  own.getCell('A2').value = { formula: 'SUM(B2:B3)', result: 42 };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

async function outputsFor(wb: XlsxWorkbook, locale: Locale = 'zh-CN'): Promise<RunOutputs> {
  const ledger = await wb.readValues(LEDGER_ADDRESS);
  const bank = await wb.readValues(BANK_SHEET);
  const result = sampleResult();
  return buildRunOutputs(result, buildReport(result), {
    locale,
    ledger: { ...ledger, width: ledger.values[0].length },
    bank: { ...bank, width: bank.values[0].length },
    ranAt: '2025-04-01T08:00:00.000Z',
    existingSheetNames: await wb.sheetNames(),
    previousRun: await wb.lastRun(),
  });
}

/** What a user sees in a sheet: every cell with a value or a style of its own, and the conditional formats. */
function userView(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = { numFmt: cell.numFmt, fill: cell.fill, bold: cell.font?.bold ?? false };
      if (cell.value === null && !style.numFmt && !style.fill && !style.bold) return;
      cells[cell.address] = { value: cell.value, formula: cell.formula, ...style };
    }),
  );
  return { name: ws.name, state: ws.state, cells, conditional: JSON.parse(JSON.stringify(conditionalFormats(ws))) };
}

async function freshWorkbook(options: XlsxWorkbookOptions = {}) {
  return XlsxWorkbook.fromBytes(await userFileBytes(), 'books.xlsx', options);
}

describe('XlsxWorkbook reads', () => {
  it('lists sheets, reads ranges and used ranges, and has no selection', async () => {
    const wb = await freshWorkbook();
    expect(await wb.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, 'Matches']);
    const bank = await wb.readValues(BANK_SHEET);
    expect(bank).toMatchObject({ sheet: BANK_SHEET, top: 1, left: 1, address: "'Bank export'!A1:G12" });
    expect(bank.values[5]).toEqual(BANK_VALUES[5]);
    expect((await wb.readValues(`'${BANK_SHEET}'!B6:C7`)).values).toEqual([['上海华程贸易有限公司', '货款'], ['北京顺达物流有限公司', '运费']]);
    await expect(wb.selectedAddress()).rejects.toThrow('no selection');
  });

  it('opens a CSV file as a one-sheet workbook named after the file', async () => {
    const csv = '交易日期,对方户名,金额\n20250303,上海华程贸易有限公司,"12,800.00"\n';
    const wb = await XlsxWorkbook.fromBytes(new TextEncoder().encode(csv), 'exports/工行流水 2025-03.csv');
    expect(await wb.sheetNames()).toEqual(['工行流水 2025-03']);
    expect((await wb.readValues('工行流水 2025-03')).values).toEqual([['交易日期', '对方户名', '金额'], ['20250303', '上海华程贸易有限公司', '12,800.00']]);
  });
});

describe('XlsxWorkbook.writeRun, saved and reopened', () => {
  let original: ExcelJS.Workbook;
  let saved: ExcelJS.Workbook;
  let outputs: RunOutputs;

  beforeAll(async () => {
    original = await load(await userFileBytes());
    const wb = await freshWorkbook();
    outputs = await outputsFor(wb, 'en');
    await wb.writeRun(outputs);
    saved = await load(await wb.toBytes());
  });

  it('adds the Matches sheet beside the user\'s own "Matches", and hides the state sheet', () => {
    expect(saved.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      [LEDGER_SHEET, 'visible'], [BANK_SHEET, 'visible'], ['Matches', 'visible'], ['Matches (2)', 'visible'],
      ['Discrepancies', 'visible'], ['Bank reconciliation', 'visible'], ['Summary', 'visible'], [STATE_SHEET, 'veryHidden'],
    ]);
    expect(userView(saved.getWorksheet('Matches')!)).toEqual(userView(original.getWorksheet('Matches')!));
  });

  it('writes the Matches sheet as a real Excel table with formats, frozen header and widths', () => {
    const ws = saved.getWorksheet('Matches (2)')!;
    const table = ws.getTable('ReconMatches') as unknown as { table: { tableRef: string; columns: { name: string }[] } };
    expect(table.table.tableRef).toBe('A1:P5');
    expect(table.table.columns.map((c) => c.name).slice(0, 3)).toEqual(['ID', 'Status', 'Rule']);
    expect(ws.getCell('A2').value).toBe('M1');
    expect(ws.getCell('I4').value).toBe(6800.5);
    expect(ws.getCell('I4').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D2').value).toEqual(new Date('2025-03-03T00:00:00Z')); // a date serial, shown as a date
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(12).width).toBe(50);
  });

  it('writes a totals line equal to the sums of the amount columns', () => {
    const ws = saved.getWorksheet('Matches (2)')!;
    expect(ws.getCell('A6').value).toBe('Total');
    expect(ws.getCell('A6').font?.bold).toBe(true);
    for (const column of ['I', 'J', 'K']) {
      const lines = [2, 3, 4, 5].map((r) => Math.round((ws.getCell(`${column}${r}`).value as number) * 100));
      expect(Math.round((ws.getCell(`${column}6`).value as number) * 100)).toBe(lines.reduce((a, b) => a + b, 0));
    }
    expect([ws.getCell('I6').value, ws.getCell('J6').value, ws.getCell('K6').value]).toEqual([15060.1, 15065.1, 5]);
  });

  it('keeps text that looks like a formula as text', () => {
    const memo = saved.getWorksheet('Matches (2)')!.getCell('F5');
    expect(memo.value).toBe('=SUM(A1) 办公用品; +转账 办公');
    expect(memo.type).toBe(ExcelJS.ValueType.String);
    expect(memo.formula).toBeUndefined();
  });

  it('writes the status column beside each range and leaves every user cell as it was', () => {
    const bank = saved.getWorksheet(BANK_SHEET)!;
    expect(bank.getCell('H5').value).toBe('Recon status');
    expect(['H6', 'H8', 'H10', 'H12'].map((a) => bank.getCell(a).value)).toEqual(['M1 Matched', 'M3 Suggested', 'Unmatched', 'Skipped: total line']);
    expect(bank.getCell('H4').value).toBeNull();
    for (const name of [LEDGER_SHEET, BANK_SHEET]) {
      const before = userView(original.getWorksheet(name)!);
      const after = userView(saved.getWorksheet(name)!);
      const userCells = Object.fromEntries(Object.entries(after.cells).filter(([address]) => !address.startsWith('H')));
      expect(userCells).toEqual(before.cells);
    }
  });

  it('highlights through conditional formats keyed on the status column, beside the user\'s own rule', () => {
    const formats = conditionalFormats(saved.getWorksheet(BANK_SHEET)!);
    expect(formats).toHaveLength(2);
    expect(formats[0].ref).toBe('F6:F11');
    const ours = formats[1];
    expect(ours.ref).toBe('A6:H12');
    expect(ours.rules.map((r) => (r as { formulae: string[] }).formulae[0])).toEqual([
      'EXACT(RIGHT($H6,8)," Matched")',
      'EXACT(RIGHT($H6,10)," Suggested")',
      'EXACT($H6,"Unmatched")',
      'EXACT(LEFT($H6,9),"Skipped: ")',
    ]);
    const fill = (ours.rules[0] as { style: { fill: { bgColor: { argb: string } } } }).style.fill.bgColor.argb;
    expect(fill).toBe('FFC6EFCE');
    expect(conditionalFormats(saved.getWorksheet(LEDGER_SHEET)!).map((f) => f.ref)).toEqual(['A2:H9']);
  });

  it('stores the run record in the hidden sheet, readable after reopening', async () => {
    const reopened = await XlsxWorkbook.fromBytes(new Uint8Array(await saved.xlsx.writeBuffer()), 'books.xlsx');
    const record = await reopened.lastRun();
    expect(record).toMatchObject({ version: 1, sheets: ['Matches (2)', 'Discrepancies', 'Bank reconciliation', 'Summary'], highlightAreas: ['日记账!A2:H9', "'Bank export'!A6:H12"] });
    expect(await reopened.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, 'Matches', 'Matches (2)', 'Discrepancies', 'Bank reconciliation', 'Summary']);
    // A re-run reads the same user range: Recon's own status column is not part of it.
    expect((await reopened.readValues(BANK_SHEET)).address).toBe("'Bank export'!A1:G12");
  });
});

describe('XlsxWorkbook re-run and clear', () => {
  it('a re-run on the reopened file replaces only Recon\'s sheet, status column and rules', async () => {
    const first = await freshWorkbook();
    await first.writeRun(await outputsFor(first, 'en'));
    const reopened = await XlsxWorkbook.fromBytes(await first.toBytes(), 'books.xlsx');
    await reopened.writeRun(await outputsFor(reopened, 'zh-TW'));
    const book = await load(await reopened.toBytes());
    expect(book.worksheets.map((ws) => ws.name)).toEqual([LEDGER_SHEET, BANK_SHEET, 'Matches', '比對結果', '差異表', '餘額調節表', '對帳彙總', STATE_SHEET]);
    expect(book.getWorksheet(BANK_SHEET)!.getCell('H6').value).toBe('M1 已匹配');
    expect(conditionalFormats(book.getWorksheet(BANK_SHEET)!).map((f) => f.ref)).toEqual(['F6:F11', 'A6:H12']);
    expect(book.getWorksheet('比對結果')!.getTable('ReconMatches')).toBeDefined();
  });

  it('clearRun, saved and reopened, leaves the user\'s values, styles and rules as in the original', async () => {
    const wb = await freshWorkbook();
    await wb.writeRun(await outputsFor(wb, 'en'));
    const reopened = await XlsxWorkbook.fromBytes(await wb.toBytes(), 'books.xlsx');
    await reopened.clearRun();
    expect(await reopened.lastRun()).toBeNull();
    const cleared = await load(await reopened.toBytes());
    const original = await load(await userFileBytes());
    expect(cleared.worksheets.map(userView)).toEqual(original.worksheets.map(userView));
  });

  it('keeps a long run record across several cells of the state sheet', async () => {
    const wb = await freshWorkbook();
    const outputs = await outputsFor(wb);
    outputs.runRecord.options.note = '长'.repeat(70_000);
    await wb.writeRun(outputs);
    const book = await load(await wb.toBytes());
    const state = book.getWorksheet(STATE_SHEET)!;
    // The shared format (layout/recon-state): a marker row, then parts under Excel's cell limit.
    expect(state.getCell(1, 1).value).toBe(STATE_MARKER);
    expect([2, 3, 4].map((r) => (state.getCell(r, 1).value as string).length)).toEqual([30_000, 30_000, expect.any(Number)]);
    const reopened = await XlsxWorkbook.fromBytes(await wb.toBytes(), 'books.xlsx');
    expect((await reopened.lastRun())?.options.note).toBe('长'.repeat(70_000));
  });
});

describe('XlsxWorkbook.writeRun is all-or-nothing', () => {
  it.each(['sheet:匹配结果', 'status:Bank export', 'highlight:日记账', 'record'])('a failure at %s leaves the file as it was', async (failing) => {
    const wb = await freshWorkbook({
      beforeStep: (step) => {
        if (step === failing) throw new Error('disk full');
      },
    });
    await expect(wb.writeRun(await outputsFor(wb))).rejects.toThrow('disk full');
    expect(await wb.lastRun()).toBeNull();
    const after = await load(await wb.toBytes());
    const original = await load(await userFileBytes());
    expect(after.worksheets.map(userView)).toEqual(original.worksheets.map(userView));
  });

  it('an abort part-way through leaves the file as it was', async () => {
    const wb = await freshWorkbook();
    const controller = new AbortController();
    const run = wb.writeRun(await outputsFor(wb), (done) => done === 1 && controller.abort(), controller.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const after = await load(await wb.toBytes());
    expect(after.worksheets.map((ws) => ws.name)).toEqual([LEDGER_SHEET, BANK_SHEET, 'Matches']);
  });

  it('writes a value that starts with = as a string cell, never a formula', async () => {
    const wb = XlsxWorkbook.fromSheets([{ name: 'Data', values: [['x']] }]);
    const values: CellValue[][] = [['Memo'], ['=1+1'], ['+86 138 0000 0000'], ['@SUM(A1)']];
    await wb.writeRun({
      sheets: [{ key: 'matches', name: 'Out', values }],
      annotations: [],
      runRecord: { version: 1, ranAt: 'x', ledgerRange: 'Data!A1', bankRange: 'Data!A1', sheets: ['Out'], statusColumns: [], options: {} },
    });
    const ws = (await load(await wb.toBytes())).getWorksheet('Out')!;
    for (const [r, text] of [[2, '=1+1'], [3, '+86 138 0000 0000'], [4, '@SUM(A1)']] as const) {
      expect(ws.getCell(r, 1).value).toBe(text);
      expect(ws.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
    }
  });
});

describe('XlsxWorkbook.toBytes', () => {
  it('shares look-alike styles only for the write: a cell restyled after a save does not restyle its look-alikes', async () => {
    // made here, not loaded (exceljs shares one style object among the cells of a loaded file anyway)
    const values: CellValue[][] = Array.from({ length: 50 }, (_, i) => [i + 1, `t${i + 1}`, (i + 1) / 3]);
    const wb = XlsxWorkbook.fromSheets([{ name: 'S', values }], 'styles.xlsx');
    const inner = (wb as unknown as { book: ExcelJS.Workbook }).book.getWorksheet('S')!;
    for (let r = 1; r <= 50; r++) {
      inner.getCell(r, 3).numFmt = '#,##0.00';
      inner.getCell(r, 4).value = new Date(Date.UTC(2025, 0, r));
    }
    inner.getCell(1, 3).font = { bold: true };
    const look = (b: ExcelJS.Workbook, address: string) => {
      const cell = b.getWorksheet('S')!.getCell(address);
      return { numFmt: cell.numFmt, bold: cell.font?.bold ?? false, italic: cell.font?.italic ?? false, value: cell.value };
    };
    const first = await load(await wb.toBytes());
    expect([look(first, 'A2'), look(first, 'C1'), look(first, 'C2'), look(first, 'C50')]).toEqual([
      { numFmt: undefined, bold: false, italic: false, value: 2 },
      { numFmt: '#,##0.00', bold: true, italic: false, value: 1 / 3 },
      { numFmt: '#,##0.00', bold: false, italic: false, value: 2 / 3 },
      { numFmt: '#,##0.00', bold: false, italic: false, value: 50 / 3 },
    ]);
    expect(look(first, 'D3').value).toEqual(new Date(Date.UTC(2025, 0, 3)));
    // the same workbook restyled after the first save: only the cells restyled change
    inner.getCell('C2').numFmt = '0.0%';
    inner.getCell('A3').font = { italic: true };
    const second = await load(await wb.toBytes());
    expect(look(second, 'C2').numFmt).toBe('0.0%');
    expect([look(second, 'C3'), look(second, 'C50')]).toEqual([look(first, 'C3'), look(first, 'C50')]);
    expect(look(second, 'A3').italic).toBe(true);
    expect([look(second, 'A2'), look(second, 'A4'), look(second, 'A50')]).toEqual([look(first, 'A2'), look(first, 'A4'), look(first, 'A50')]);
    expect(look(second, 'D3')).toEqual(look(first, 'D3'));
  });
});
