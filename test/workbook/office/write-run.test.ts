import { FakeExcel } from '../../fake-excel';
import { HIGHLIGHT_COLOURS } from '../../../src/workbook/colours';
import { widthToPoints } from '../../../src/workbook/office/sheet-writer';
import type { Highlight, RunOutputs, SheetSpec, SourceAnnotation } from '../../../src/workbook/workbook';
import { BANK_SHEET, HEADER_ROW, LEDGER_SHEET, officeWorkbook, runOutputs, setUpWorkbook } from './fixtures';

const SMALL = { ledgerRows: 60, bankRows: 45 };

function setUp(excelApi = '1.7'): FakeExcel {
  const fake = new FakeExcel({ excelApi });
  setUpWorkbook(fake, SMALL);
  return fake;
}

/** Every data row shows its highlight's colour across the user's columns and the status cell. */
function expectHighlights(fake: FakeExcel, a: SourceAnnotation, columns = [0, 4, a.statusColumn - 1]): void {
  const wrong: string[] = [];
  a.highlights.forEach((h, i) => {
    const row0 = a.firstRow + i; // 0-based row of data row i
    for (const c of columns) {
      const shown = fake.displayedFill(a.sheet, row0, c);
      const want = h ? HIGHLIGHT_COLOURS[h] : fake.cellAt(fake.sheet(a.sheet), row0, c).formats.fill;
      if (shown !== want) wrong.push(`row ${row0 + 1} col ${c + 1}: ${shown} ≠ ${want} (${a.labels[i]})`);
    }
  });
  expect(wrong.slice(0, 5)).toEqual([]);
}

function noFormulaAnywhere(fake: FakeExcel): void {
  const formulas = fake.snapshot().sheets.flatMap((s) => s.cells.filter(([, c]) => c.formula !== undefined || c.error).map(([a]) => a));
  expect(formulas).toEqual([]);
}

describe('writeRun', () => {
  test('writes output sheets with values, number formats per column, table, frozen header and widths', async () => {
    const fake = setUp();
    const outputs = runOutputs(SMALL);
    const wb = officeWorkbook(fake);
    await wb.writeRun(outputs);

    expect(fake.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, '匹配结果', '差异明细', '_recon_state']);
    expect(fake.sheet('_recon_state').visibility).toBe('VeryHidden');
    expect(await wb.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, '匹配结果', '差异明细']);

    const matches = outputs.sheets[0];
    expect(fake.valuesOf('匹配结果', 'A1:H3')).toEqual(matches.values.slice(0, 3));
    expect(fake.valuesOf('匹配结果', `A46:H46`)).toEqual([matches.values[45]]);
    expect(fake.cell('匹配结果', 'A2').formats.numberFormat).toBe('@');
    expect(fake.cell('匹配结果', 'B46').formats.numberFormat).toBe('0');
    expect(fake.cell('匹配结果', 'D2').formats.numberFormat).toBe('yyyy-mm-dd');
    expect(fake.cell('匹配结果', 'E46').formats.numberFormat).toBe('#,##0.00');
    expect(fake.cell('匹配结果', 'A1').formats).toMatchObject({ bold: true, fill: HIGHLIGHT_COLOURS.header });
    expect(fake.cell('匹配结果', 'A2').formats.fill).toBeUndefined();
    expect(fake.sheet('匹配结果').frozenRows).toBe(1);
    expect(fake.sheet('匹配结果').columnWidths.get(5)).toBe(widthToPoints(28));
    expect(fake.snapshot().tables).toEqual([{ name: 'ReconMatches', range: '匹配结果!A1:H46' }]);

    expect(fake.sheet('差异明细').merges.length).toBe(1);
    expect(fake.cell('差异明细', 'A2').formats.borderBottom).toBe('Continuous');
    expect(fake.cell('差异明细', 'E5').formats.borderTop).toBe('Continuous');

    expect(await wb.lastRun()).toEqual({
      ...outputs.runRecord,
      sheets: ['匹配结果', '差异明细'],
      statusColumns: [
        { sheet: LEDGER_SHEET, column: 9, firstRow: HEADER_ROW, lastRow: HEADER_ROW + 61 },
        { sheet: BANK_SHEET, column: 9, firstRow: HEADER_ROW, lastRow: HEADER_ROW + 45 },
      ],
      // The areas the highlight rules cover (the layout's highlightArea: data rows, A to the status column).
      highlightAreas: [`${LEDGER_SHEET}!A5:I65`, `${BANK_SHEET}!A5:I49`],
    });
    expect(fake.sheetNames().some((n) => n.startsWith('_recon_tmp_') || n.startsWith('_recon_old_'))).toBe(false);
  });

  test('text stays text everywhere: no cell Recon writes becomes a formula, number, date or error', async () => {
    const fake = setUp();
    const tricky = ['=SUM(A1:A9)', '+86 138 0013 8000', '-冲销上月', '@张三', "'引号", '00123', '1,234.50', '2025/3/5', '(100)', 'TRUE', '#N/A', '１２３', '3:45', '-'];
    const spec: SheetSpec = {
      key: 'notes',
      name: '备注',
      values: [['文本列', '常规列'], ...tricky.map((t) => [t, t])],
      columnFormats: ['text', 'general'],
    };
    const outputs = runOutputs(SMALL);
    outputs.sheets.push(spec);
    const bank = outputs.annotations[1];
    tricky.forEach((t, i) => {
      bank.labels[i] = t;
      bank.highlights[i] = 'note';
    });
    await officeWorkbook(fake).writeRun(outputs);

    expect(fake.valuesOf('备注', `A2:B${tricky.length + 1}`)).toEqual(tricky.map((t) => [t, t]));
    expect(fake.valuesOf(BANK_SHEET, `I${HEADER_ROW + 1}:I${HEADER_ROW + tricky.length}`)).toEqual(tricky.map((t) => [t]));
    noFormulaAnywhere(fake);
    // The 差异明细 sheet's memo "=SUM(A1:A9) 不是公式" in a General column too.
    expect(fake.cell('差异明细', 'E3').value).toBe('=SUM(A1:A9) 不是公式');
    expectHighlights(fake, bank);
  });

  test('status labels beside the user’s rows, highlights as a fixed set of conditional formats', async () => {
    const fake = setUp();
    fake.setFormat(LEDGER_SHEET, 'A4:H4', 'fill', '#DDEBF7'); // the user's own header fill
    const outputs = runOutputs(SMALL);
    const ledger = outputs.annotations[0];
    // Rows with nothing to say: empty label, no highlight.
    for (const i of [7, 8, 20]) {
      ledger.labels[i] = '';
      ledger.highlights[i] = null;
    }
    const before = fake.snapshot();
    await officeWorkbook(fake).writeRun(outputs);

    expect(fake.cell(LEDGER_SHEET, `I${HEADER_ROW}`).value).toBe('对账结果');
    expect(fake.valuesOf(LEDGER_SHEET, `I${HEADER_ROW + 1}:I${HEADER_ROW + 3}`)).toEqual([['M1'], ['M2'], ['M3']]);
    expect(fake.cell(LEDGER_SHEET, `I${HEADER_ROW + 8}`).value).toBeUndefined();
    expectHighlights(fake, ledger);
    expectHighlights(fake, outputs.annotations[1]);

    const rules = fake.sheet(LEDGER_SHEET).conditionalFormats;
    expect(rules.map((r) => r.fill).sort()).toEqual(
      (['auto', 'suggested', 'unmatched', 'skipped'] as Highlight[]).map((h) => HIGHLIGHT_COLOURS[h]).sort(),
    );
    expect(rules.every((r) => r.formula?.includes('$I5'))).toBe(true);

    // The user's own cells (A:H) are exactly as before: values and formats.
    const userCells = (snap: typeof before) =>
      snap.sheets.find((s) => s.name === LEDGER_SHEET)!.cells.filter(([address]) => !/!I\d+$/.test(address));
    expect(userCells(fake.snapshot())).toEqual(userCells(before));
  });

  test('labels that cannot tell highlights apart fall back to a hidden code column', async () => {
    const fake = setUp();
    const outputs = runOutputs(SMALL);
    const bank = outputs.annotations[1];
    // '' is both "skipped" (row 3) and "nothing to say" (rows 10, 11): the status text cannot key it.
    bank.labels[2] = '';
    bank.highlights[2] = 'skipped';
    bank.labels[10] = '';
    bank.highlights[10] = null;
    bank.labels[11] = '';
    bank.highlights[11] = null;
    await officeWorkbook(fake).writeRun(outputs);
    const rules = fake.sheet(BANK_SHEET).conditionalFormats;
    expect(rules.every((r) => r.formula?.startsWith("=EXACT('_recon_state'!$"))).toBe(true);
    expect(rules.length).toBe(4);
    expectHighlights(fake, bank);
    expectHighlights(fake, outputs.annotations[0]); // the ledger's labels still key its rules
    expect(fake.sheet(LEDGER_SHEET).conditionalFormats.every((r) => r.formula?.includes('$I5'))).toBe(true);
  });

  test('a status column already holding the user’s values moves right (the shared plan); their value stays', async () => {
    const fake = setUp();
    fake.setValues(LEDGER_SHEET, 'I10', [['我的批注']]);
    fake.setValues(LEDGER_SHEET, 'J70', [['表外备注']]); // below the status rows: does not block column J
    const outputs = runOutputs(SMALL);
    const wb = officeWorkbook(fake);
    await wb.writeRun(outputs);

    const ledger = { ...outputs.annotations[0], statusColumn: 10 };
    expect(fake.cell(LEDGER_SHEET, 'I10').value).toBe('我的批注');
    expect(fake.valuesOf(LEDGER_SHEET, `I${HEADER_ROW}:I${HEADER_ROW + 61}`).flat().filter((v) => v !== '')).toEqual(['我的批注']);
    expect(fake.cell(LEDGER_SHEET, `J${HEADER_ROW}`).value).toBe('对账结果');
    expect(fake.valuesOf(LEDGER_SHEET, `J${HEADER_ROW + 1}:J${HEADER_ROW + 61}`)).toEqual(ledger.labels.map((l) => [l]));
    expect(fake.cell(LEDGER_SHEET, 'J70').value).toBe('表外备注');
    // The rules key on J; they cover the user's columns, not the column between.
    expect(fake.sheet(LEDGER_SHEET).conditionalFormats.every((r) => r.formula?.includes('$J5') && r.rect.c1 === 7)).toBe(true);
    expectHighlights(fake, ledger, [0, 4, 7]);
    expect((await wb.lastRun())?.statusColumns[0]).toEqual({ sheet: LEDGER_SHEET, column: 10, firstRow: HEADER_ROW, lastRow: HEADER_ROW + 61 });

    // A re-run finds the same place (its own labels do not push it further right), and Clear
    // leaves the user's notes.
    await wb.writeRun(outputs);
    expect((await wb.lastRun())?.statusColumns[0].column).toBe(10);
    await wb.clearRun();
    expect(fake.valuesOf(LEDGER_SHEET, `J${HEADER_ROW}:J${HEADER_ROW + 61}`).flat().every((v) => v === '')).toBe(true);
    expect([fake.cell(LEDGER_SHEET, 'I10').value, fake.cell(LEDGER_SHEET, 'J70').value]).toEqual(['我的批注', '表外备注']);
  });

  test('a range with no header row (firstRow 0): labels from row 1, no header cell, Clear leaves nothing', async () => {
    const fake = new FakeExcel();
    fake.addSheet('无表头', [[45658, '收货款', 100], [45659, '付房租', -50], [45660, '=备注', 20]]);
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    await wb.writeRun({
      sheets: [],
      annotations: [
        { rangeAddress: '无表头!A1:C3', sheet: '无表头', firstRow: 0, lastRow: 3, statusColumn: 4, statusHeader: '对账状态', labels: ['M1 已匹配', '未匹配', ''], highlights: ['auto', 'unmatched', null] },
      ],
      runRecord: { version: 1, ranAt: 'x', ledgerRange: '无表头!A1:C3', bankRange: '无表头!A1:C3', sheets: [], statusColumns: [], options: {} },
    });
    expect(fake.valuesOf('无表头', 'D1:D3')).toEqual([['M1 已匹配'], ['未匹配'], ['']]);
    expect(fake.cell('无表头', 'B3').value).toBe('=备注');
    expect([0, 1, 2].map((r) => fake.displayedFill('无表头', r, 0))).toEqual([HIGHLIGHT_COLOURS.auto, HIGHLIGHT_COLOURS.unmatched, undefined]);
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
  });

  test('status columns several columns right: the columns are read a few at a time, not one sync each', async () => {
    const fake = setUp();
    // The user's notes fill I:M beside rows 20–30 of the ledger.
    fake.setValues(LEDGER_SHEET, 'I20', Array.from({ length: 11 }, () => ['备注', '备注', '备注', '备注', '备注']));
    const outputs = runOutputs(SMALL);
    await officeWorkbook(fake).writeRun(outputs);
    expect(fake.cell(LEDGER_SHEET, `N${HEADER_ROW + 1}`).value).toBe(outputs.annotations[0].labels[0]);
    expect(fake.valuesOf(LEDGER_SHEET, 'I20:M30').flat().every((v) => v === '备注')).toBe(true);
    const planningSyncs = fake.stats.syncs.filter((s) => s.labels.some((l) => l.includes('getUsedRangeOrNullObject'))).length;
    expect(planningSyncs).toBeLessThanOrEqual(3);
  });

  test('an output name taken by the user’s own sheet or table is refused before anything changes', async () => {
    const fake = setUp();
    fake.addSheet('匹配结果', [['mine']]);
    const before = fake.snapshot();
    await expect(officeWorkbook(fake).writeRun(runOutputs(SMALL))).rejects.toThrow(/A sheet named "匹配结果" already exists and was not created by Recon/);
    expect(fake.snapshot()).toEqual(before);

    const other = setUp();
    other.addSheet('Lookup', [['a', 'b'], [1, 2]]);
    other.addTable('Lookup', 'A1:B2', 'ReconMatches');
    await expect(officeWorkbook(other).writeRun(runOutputs(SMALL))).rejects.toThrow(/already has a table named "ReconMatches" on sheet "Lookup"/);
    expect(other.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, 'Lookup']);
  });

  test('outputs Excel cannot hold are refused without a single sync', async () => {
    const fake = setUp();
    const wb = officeWorkbook(fake);
    const twice = runOutputs(SMALL);
    twice.sheets[1].name = '匹配结果';
    await expect(wb.writeRun(twice)).rejects.toThrow('Two output sheets are both named "匹配结果"');
    const bad = runOutputs(SMALL);
    bad.sheets[0].name = '匹配/结果';
    await expect(wb.writeRun(bad)).rejects.toThrow(/cannot be a sheet name/);
    const short = runOutputs(SMALL);
    short.annotations[0].labels.pop();
    await expect(wb.writeRun(short)).rejects.toThrow(/has 60 labels and 61 highlights for 61 rows/);
    expect(fake.stats.syncCount).toBe(0);
  });

  test('a re-run replaces the previous run: its sheets, rules and labels go, rows no longer covered are cleared', async () => {
    const fake = setUp();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    const second = runOutputs({ ledgerRows: 60, bankRows: 30, matchRows: 20 });
    second.runRecord.ranAt = '2025-07-01T08:00:00.000Z';
    await wb.writeRun(second);

    expect(fake.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, '匹配结果', '差异明细', '_recon_state']);
    expect(fake.valuesOf('匹配结果', 'A21:A22')).toEqual([['M20'], ['']]);
    expect(fake.snapshot().tables).toEqual([{ name: 'ReconMatches', range: '匹配结果!A1:H21' }]);
    // The bank's status column shrank from 45 to 30 rows: the rest is empty again, no rule is left twice.
    expect(fake.valuesOf(BANK_SHEET, `I${HEADER_ROW + 31}:I${HEADER_ROW + 45}`).flat().every((v) => v === '')).toBe(true);
    expect(fake.sheet(BANK_SHEET).conditionalFormats.length).toBe(3);
    expect(fake.sheet(LEDGER_SHEET).conditionalFormats.length).toBe(4);
    expectHighlights(fake, second.annotations[0]);
    expectHighlights(fake, second.annotations[1]);
    expect((await wb.lastRun())?.ranAt).toBe('2025-07-01T08:00:00.000Z');

    // The same run again changes nothing visible.
    const before = fake.snapshot();
    await wb.writeRun(second);
    expect(fake.snapshot()).toEqual(before);
  });

  test('progress is reported up to the total', async () => {
    const fake = setUp();
    const seen: [number, number][] = [];
    await officeWorkbook(fake, { maxRequestBytes: 5_000 }).writeRun(runOutputs(SMALL), (done, total) => seen.push([done, total]));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[seen.length - 1][0]).toBe(seen[seen.length - 1][1]);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
  });

  test('ExcelApi 1.9: many styled areas go through RangeAreas in a few calls, same result as 1.7', async () => {
    const spec: SheetSpec = {
      key: 'discrepancies',
      name: '差异明细',
      values: Array.from({ length: 401 }, (_, i) => (i === 0 ? ['行', '金额'] : [i, i * 1.5])),
      columnFormats: ['integer', 'amount'],
      styles: Array.from({ length: 200 }, (_, i) => ({ area: { row: 1 + 2 * i, column: 0, rows: 1, columns: 2 }, fill: 'unmatched' as Highlight })),
    };
    const write = async (excelApi: string) => {
      const fake = setUp(excelApi);
      const outputs: RunOutputs = { ...runOutputs(SMALL), sheets: [spec] };
      await officeWorkbook(fake).writeRun(outputs);
      return fake;
    };
    const old = await write('1.7');
    const modern = await write('1.9');
    const sheetOf = (f: FakeExcel) => f.snapshot().sheets.find((s) => s.name === '差异明细');
    expect(sheetOf(modern)).toEqual(sheetOf(old));
    expect(old.stats.total('format')).toBeGreaterThan(200);
    expect(modern.stats.total('format')).toBeLessThan(old.stats.total('format') - 190);
    expect(old.cell('差异明细', 'A4').formats.fill).toBe(HIGHLIGHT_COLOURS.unmatched);
    expect(old.cell('差异明细', 'A3').formats.fill).toBeUndefined();
  });
});

