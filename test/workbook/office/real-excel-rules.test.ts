/**
 * Issue 9: behaviours of real Excel that the fake did not model, one describe block per finding.
 * Each rule lives in the fake (test/fake-excel) with a comment citing its source; each test here
 * failed on the add-in before its fix.
 */
import { FakeExcel } from '../../fake-excel';
import type { Locale } from '../../../src/i18n/locale';
import { paneText, type PaneMessageId } from '../../../src/i18n/pane';
import { describeError } from '../../../src/taskpane/describe-error';
import { HIGHLIGHT_COLOURS } from '../../../src/workbook/colours';
import { BANK_SHEET, LEDGER_SHEET, officeWorkbook, runOutputs, setUpWorkbook } from './fixtures';

const SMALL = { ledgerRows: 60, bankRows: 45 };
const OTHER = { ledgerRows: 60, bankRows: 30, matchRows: 25 };

function setUp(excelApi = '1.7'): FakeExcel {
  const fake = new FakeExcel({ excelApi });
  setUpWorkbook(fake, SMALL);
  return fake;
}

/** Sheets a user would not expect: Recon's temporaries and leftovers. */
function leftovers(fake: FakeExcel): string[] {
  return fake.sheetNames().filter((n) => /^_recon_(tmp|old)_/i.test(n));
}

describe('#1 a very hidden sheet is made hidden before it is deleted', () => {
  test('re-runs leave no _recon_old_ sheets and report no failed clean-up', async () => {
    const fake = setUp();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    await wb.writeRun(runOutputs(OTHER));
    await wb.writeRun(runOutputs(SMALL));
    expect(leftovers(fake)).toEqual([]);
    expect(fake.sheet('_recon_state').visibility).toBe('VeryHidden');
  });

  test('Clear results removes the very hidden state sheet', async () => {
    const fake = setUp();
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    await wb.writeRun(runOutputs(OTHER));
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
  });

  test('a rollback removes the very hidden temporary state sheet', async () => {
    const fake = setUp();
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    // The switch-over is the sync that adds the highlight rules; fail it before it is sent.
    fake.stats.reset();
    await wb.writeRun(runOutputs(SMALL));
    const switchAt = Math.max(...fake.stats.syncs.filter((s) => s.labels.includes('ConditionalFormatCollection.add')).map((s) => s.index));
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
    fake.stats.reset();
    fake.failAtSync(switchAt);
    await expect(wb.writeRun(runOutputs(SMALL))).rejects.toThrow(/lost/);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('#3 tables are made from a range of the intended sheet', () => {
  test('with the ledger active, the Matches table lands on the Matches sheet and the ledger is untouched', async () => {
    const fake = setUp();
    fake.activate(LEDGER_SHEET);
    const ledgerBefore = fake.snapshot().sheets.find((s) => s.name === LEDGER_SHEET)!.cells.filter(([a]) => !/!I\d+$/.test(a));
    await officeWorkbook(fake).writeRun(runOutputs(SMALL));
    expect(fake.snapshot().tables).toEqual([{ name: 'ReconMatches', range: '匹配结果!A1:H46' }]);
    const ledgerAfter = fake.snapshot().sheets.find((s) => s.name === LEDGER_SHEET)!.cells.filter(([a]) => !/!I\d+$/.test(a));
    expect(ledgerAfter).toEqual(ledgerBefore);
  });
});

describe('#4 frozen headers never fail a run', () => {
  test('the header is frozen once the sheet is visible, and the run does not roll back', async () => {
    const fake = setUp();
    await officeWorkbook(fake).writeRun(runOutputs(SMALL));
    expect(fake.sheet('匹配结果').frozenRows).toBe(1);
  });

  test('a build whose freezeRows fails even on a visible sheet still gets the results', async () => {
    const fake = setUp();
    const wb = officeWorkbook(fake);
    fake.stats.reset();
    await wb.writeRun(runOutputs(SMALL));
    const freezeAt = fake.stats.syncs.find((s) => s.labels.includes('WorksheetFreezePanes.freezeRows'))!.index;
    await wb.clearRun();
    fake.stats.reset();
    fake.failAtSync(freezeAt, { code: 'GeneralException' });
    fake.failAtSync(freezeAt + 1, { code: 'GeneralException' }); // and its one retry
    await wb.writeRun(runOutputs(SMALL));
    expect(fake.sheetNames()).toContain('匹配结果');
    expect(fake.sheet('匹配结果').frozenRows).toBe(0);
  });
});

/** Recon's highlight rules on a sheet: custom rules whose fill is one of Recon's colours. */
function reconRules(fake: FakeExcel, sheet: string) {
  const colours = new Set(Object.values(HIGHLIGHT_COLOURS).map((c) => c.toUpperCase()));
  return fake.sheet(sheet).conditionalFormats.filter((cf) => cf.type === 'Custom' && colours.has((cf.fill ?? '').toUpperCase()));
}

describe('#6 rules go on top of the priority list, and are found again after rows move', () => {
  function withUsersRules(): FakeExcel {
    const fake = setUp();
    fake.addConditionalFormat(LEDGER_SHEET, 'E5:F64', { type: 'DataBar' });
    fake.addConditionalFormat(BANK_SHEET, 'A5:H49', { type: 'Custom', formula: '=$E5>0', fill: '#FF0000' });
    return fake;
  }

  test('Recon’s highlight shows over the user’s own rule on the same cells; after Clear theirs shows again', async () => {
    const fake = withUsersRules();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    const first = fake.sheet(BANK_SHEET).conditionalFormats[0];
    expect(first.fill).not.toBe('#FF0000'); // ours, added last, on top
    const row = 4; // first data row (0-based), bank amount in E is > 0 or F holds it
    expect(fake.displayedFill(BANK_SHEET, row, 0)).toBe(HIGHLIGHT_COLOURS.auto);
    await wb.clearRun();
    expect(fake.sheet(BANK_SHEET).conditionalFormats).toEqual([expect.objectContaining({ formula: '=$E5>0', fill: '#FF0000' })]);
  });

  async function insertCells(fake: FakeExcel, sheet: string, address: string): Promise<void> {
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).insert('Down' as Excel.InsertShiftDirection);
    });
  }

  test('cells inserted in part of the ledger split Recon’s rules into several areas; Clear still removes them', async () => {
    const fake = withUsersRules();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    await insertCells(fake, LEDGER_SHEET, 'A10:E11');
    expect(reconRules(fake, LEDGER_SHEET).length).toBeGreaterThan(0);
    expect(reconRules(fake, LEDGER_SHEET).every((cf) => (cf.more?.length ?? 0) > 0)).toBe(true);
    await wb.clearRun();
    expect(reconRules(fake, LEDGER_SHEET)).toEqual([]);
    expect(fake.sheet(LEDGER_SHEET).conditionalFormats.map((cf) => cf.type)).toEqual(['DataBar']);
  });

  test('rows inserted above the ledger move Recon’s rules and their formulas; a re-run replaces them, not adds to them', async () => {
    const fake = withUsersRules();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    const count = reconRules(fake, LEDGER_SHEET).length;
    await insertCells(fake, LEDGER_SHEET, '2:2');
    expect(reconRules(fake, LEDGER_SHEET).every((cf) => /\$I6\b/.test(cf.formula ?? ''))).toBe(true);
    await wb.writeRun(runOutputs(SMALL));
    expect(reconRules(fake, LEDGER_SHEET).length).toBe(count);
    expect(reconRules(fake, LEDGER_SHEET).every((cf) => /\$I5\b/.test(cf.formula ?? ''))).toBe(true);
  });
});

describe('#5 re-runs write over Recon’s sheets in place, so references to them keep working', () => {
  /** The snapshot without the state sheet (its record differs by run time and history). */
  function userView(fake: FakeExcel) {
    const snap = fake.snapshot();
    return { ...snap, sheets: snap.sheets.filter((s) => s.name !== '_recon_state') };
  }

  test('a teammate’s =匹配结果!B2, a summary of the discrepancies and a defined name still point at the new output', async () => {
    const fake = setUp();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    fake.addSheet('汇总', []);
    fake.setFormula('汇总', 'A1', '=匹配结果!B2', 5);
    fake.setFormula('汇总', 'A2', '=SUM(差异明细!D3:D4)', 1146.5);
    fake.addName('首个匹配', '=匹配结果!$A$2');
    await wb.writeRun(runOutputs(OTHER));
    await wb.writeRun(runOutputs(SMALL));
    expect(fake.cell('汇总', 'A1').formula).toBe('=匹配结果!B2');
    expect(fake.cell('汇总', 'A2').formula).toBe('=SUM(差异明细!D3:D4)');
    expect(fake.cell('汇总', 'A1').error).toBeUndefined();
    expect(fake.snapshot().names).toEqual([{ name: '首个匹配', formula: '=匹配结果!$A$2' }]);
  });

  test('a sheet written over in place looks exactly like one written by a first run', async () => {
    const rerun = setUp();
    const wb = officeWorkbook(rerun);
    await wb.writeRun(runOutputs(SMALL));
    await wb.writeRun(runOutputs(OTHER));
    const fresh = setUp();
    await officeWorkbook(fresh).writeRun(runOutputs(OTHER));
    expect(userView(rerun)).toEqual(userView(fresh));
  });

  test('a chart on a sheet written over in place is replaced, not added to', async () => {
    const withChart = (s: typeof SMALL) => {
      const o = runOutputs(s);
      o.sheets[1].charts = [{ type: 'column', title: '差异', data: { row: 1, column: 0, rows: 4, columns: 4 }, anchor: { row: 6, column: 0, rows: 10, columns: 5 } }];
      return o;
    };
    const fake = setUp();
    const wb = officeWorkbook(fake);
    await wb.writeRun(withChart(SMALL));
    await wb.writeRun(withChart(OTHER));
    await wb.writeRun(withChart(SMALL));
    expect(fake.sheet('差异明细').charts.length).toBe(1);
  });

  test('highlight rules that read code columns on the state sheet keep working over re-runs', async () => {
    // The same label with two highlights: only a code column can tell the rows apart.
    const outputs = (s: typeof SMALL) => {
      const o = runOutputs(s);
      o.annotations[0].labels = o.annotations[0].labels.map(() => '见备注');
      return o;
    };
    const fake = setUp();
    const wb = officeWorkbook(fake);
    await wb.writeRun(outputs(SMALL));
    const count = fake.sheet(LEDGER_SHEET).conditionalFormats.length;
    await wb.writeRun(outputs(OTHER));
    await wb.writeRun(outputs(SMALL));
    const rules = fake.sheet(LEDGER_SHEET).conditionalFormats;
    expect(rules.length).toBe(count);
    expect(rules.every((cf) => (cf.formula ?? '').includes("'_recon_state'!") && !(cf.formula ?? '').includes('#REF!'))).toBe(true);
    const a = outputs(SMALL).annotations[0];
    const wrong = a.highlights.flatMap((h, i) => {
      const shown = fake.displayedFill(LEDGER_SHEET, a.firstRow + i, 0);
      const want = h ? HIGHLIGHT_COLOURS[h] : undefined;
      return shown === want ? [] : [`row ${a.firstRow + i + 1}: ${shown} ≠ ${want}`];
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test('a sheet the re-run no longer writes is deleted; references to it become #REF! (the one case that breaks)', async () => {
    const fake = setUp();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    fake.addSheet('汇总', []);
    fake.setFormula('汇总', 'A1', '=差异明细!D5', 1146.5);
    await wb.writeRun(runOutputs(SMALL, { discrepancies: '差异明细（新）' }));
    expect(fake.sheetNames()).not.toContain('差异明细');
    expect(fake.cell('汇总', 'A1')).toMatchObject({ formula: '=#REF!D5', value: '#REF!', error: true });
  });
});

describe('#7 a busy or protected workbook: a clear message in the pane’s language, nothing half-written', () => {
  const pane = (locale: Locale) => ({ t: (id: PaneMessageId, params?: Record<string, string | number>) => paneText(id, locale, params) });

  test('while a cell is being edited every batch fails; the run changes nothing and says to finish editing', async () => {
    const fake = setUp();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    const before = fake.snapshot();
    fake.editingCell = true;
    const error = await wb.writeRun(runOutputs(OTHER)).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(fake.snapshot()).toEqual(before);
    expect(describeError(error, pane('zh-CN'))).toMatch(/完成编辑.*再运行一次/);
    expect(describeError(error, pane('zh-TW'))).toMatch(/完成編輯.*再執行一次/);
    expect(describeError(error, pane('en'))).toMatch(/Finish editing the cell.*then run again/);
    await expect(wb.clearRun()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    fake.editingCell = false;
    await wb.writeRun(runOutputs(OTHER));
  });

  test('a protected bank sheet: nothing is written anywhere and the message names the sheet to unprotect', async () => {
    const fake = setUp();
    const before = fake.snapshot();
    fake.protect(BANK_SHEET);
    const error = await officeWorkbook(fake).writeRun(runOutputs(SMALL)).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'SheetProtected', sheet: BANK_SHEET });
    expect(fake.snapshot()).toEqual(before);
    expect(describeError(error, pane('zh-CN'))).toContain(`工作表“${BANK_SHEET}”受保护`);
    expect(describeError(error, pane('en'))).toContain(`Sheet "${BANK_SHEET}" is protected. Unprotect it`);
  });

  test('a protected workbook structure: a first run adds no sheet and says to unprotect the workbook; Clear likewise', async () => {
    const fake = setUp();
    const before = fake.snapshot();
    fake.protect();
    const error = await officeWorkbook(fake).writeRun(runOutputs(SMALL)).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'WorkbookProtected' });
    expect(fake.snapshot()).toEqual(before);
    expect(describeError(error, pane('zh-TW'))).toContain('取消保護活頁簿');
    fake.protect(undefined, false);
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    const after = fake.snapshot();
    fake.protect();
    await expect(wb.clearRun()).rejects.toMatchObject({ code: 'WorkbookProtected' });
    expect(fake.snapshot()).toEqual(after);
  });

  test('a defined name with the output table’s name: refused before anything is written, with a clear message', async () => {
    const fake = setUp();
    fake.addName('ReconMatches', '=银行存款日记账!$A$1');
    const before = fake.snapshot();
    await expect(officeWorkbook(fake).writeRun(runOutputs(SMALL))).rejects.toThrow(/already has a name "ReconMatches"/);
    expect(fake.snapshot()).toEqual(before);
  });

  test('text over Excel’s 32,767 characters a cell is refused before anything is written, naming sheet, row and column', async () => {
    const fake = setUp();
    const before = fake.snapshot();
    const outputs = runOutputs(SMALL);
    outputs.sheets[0].values[3][7] = '备注'.repeat(17_000);
    await expect(officeWorkbook(fake).writeRun(outputs)).rejects.toThrow(/匹配结果.*row 4.*column H.*32,767/);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('#7 writes beside the user’s rows that collide with merged cells, spilled arrays or a table', () => {
  const pane = (locale: Locale) => ({ t: (id: PaneMessageId, params?: Record<string, string | number>) => paneText(id, locale, params) });
  const statusColumnOf = (fake: FakeExcel, sheet: string) =>
    fake.valuesOf(sheet, 'I4:L4')[0].findIndex((v) => v === '对账结果');

  test('a 备注 merged across the status column (H10:I10): with ExcelApi 1.13 the status column moves past it, the merge untouched', async () => {
    const fake = setUp('1.13');
    fake.mergeCells(LEDGER_SHEET, 'H10:I10');
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    expect(statusColumnOf(fake, LEDGER_SHEET)).toBe(1); // J, not I
    expect(fake.cell(LEDGER_SHEET, 'J5').value).toBe('M1');
    expect(fake.snapshot().sheets.find((s) => s.name === LEDGER_SHEET)!.merges).toEqual([`${LEDGER_SHEET}!H10:I10`]);
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
  });

  test('a merge found only from its top-left cell (office-js #3611): a vertical merge I3:I6 starting above the status rows', async () => {
    const fake = setUp('1.13');
    fake.setValues(LEDGER_SHEET, 'I3', [['（备用）']]);
    fake.mergeCells(LEDGER_SHEET, 'I3:I6');
    await officeWorkbook(fake).writeRun(runOutputs(SMALL));
    expect(statusColumnOf(fake, LEDGER_SHEET)).toBe(1);
    expect(fake.cell(LEDGER_SHEET, 'I3').value).toBe('（备用）');
  });

  test('Office 2019 (ExcelApi 1.7, merged areas cannot be asked for): Excel refuses, nothing is written, the message says to unmerge', async () => {
    const fake = setUp('1.7');
    fake.mergeCells(LEDGER_SHEET, 'H10:I10');
    const before = fake.snapshot();
    const error = await officeWorkbook(fake).writeRun(runOutputs(SMALL)).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'MergedCells', sheet: LEDGER_SHEET });
    expect(fake.snapshot()).toEqual(before);
    expect(describeError(error, pane('zh-CN'))).toMatch(new RegExp(`工作表“${LEDGER_SHEET}”.*I 列.*合并.*取消合并`));
    expect(describeError(error, pane('zh-TW'))).toMatch(new RegExp(`工作表「${LEDGER_SHEET}」.*I 欄.*合併.*取消合併`));
    expect(describeError(error, pane('en'))).toMatch(new RegExp(`column I of sheet "${LEDGER_SHEET}".*merged.*Unmerge`));
  });

  test('a dynamic array spilling into the status rows (=UNIQUE at I2, ExcelApi 1.12) is left alone: no #SPILL!, the status column moves right', async () => {
    const fake = setUp('1.12');
    // Whether Excel counts spilled cells in a range's used range is not documented; the add-in
    // must not depend on it (it asks Range.hasSpill).
    fake.spillsInUsedRange = false;
    fake.addSpill(LEDGER_SHEET, 'I2', '=UNIQUE(D5:D64)', [['上海明辉贸易有限公司'], ['北京星河科技有限公司'], ['广州南方物流有限公司'], ['深圳华强电子有限公司'], ['ACME Trading Ltd.']]);
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    expect(fake.cell(LEDGER_SHEET, 'I2')).toMatchObject({ formula: '=UNIQUE(D5:D64)', value: '上海明辉贸易有限公司' });
    expect(fake.cell(LEDGER_SHEET, 'I2').error).toBeUndefined();
    expect(fake.cell(LEDGER_SHEET, 'I6').value).toBe('ACME Trading Ltd.');
    expect(statusColumnOf(fake, LEDGER_SHEET)).toBe(1);
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
  });

  test('a ledger kept as an Excel table: the status column is not written beside it, so the table does not take it in', async () => {
    const fake = setUp();
    fake.addTable(LEDGER_SHEET, 'A4:H65', '日记账');
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    expect(fake.snapshot().tables.find((t) => t.name === '日记账')).toEqual({ name: '日记账', range: `${LEDGER_SHEET}!A4:H65` });
    expect(statusColumnOf(fake, LEDGER_SHEET)).toBe(1); // J: one empty column between the table and Recon's labels
    await wb.writeRun(runOutputs(OTHER));
    expect(fake.snapshot().tables.find((t) => t.name === '日记账')!.range).toBe(`${LEDGER_SHEET}!A4:H65`);
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('#7 a range’s used range (values only) read loosely: the sheet’s used range cut to the range', () => {
  test('first run, re-run, Clear: the status column stays put, no user value is read as data or written over', async () => {
    const fake = setUp();
    fake.rangeUsedRange = 'sheet-bounds';
    fake.setValues(LEDGER_SHEET, 'K2', [['复核：王会计']]);
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    const read = await wb.readValues(LEDGER_SHEET);
    await wb.writeRun(runOutputs(SMALL));
    const column = fake.valuesOf(LEDGER_SHEET, 'I4:M4')[0].findIndex((v) => v === '对账结果');
    const again = await wb.readValues(LEDGER_SHEET);
    expect(again.address).toBe(read.address);
    await wb.writeRun(runOutputs(SMALL));
    expect(fake.valuesOf(LEDGER_SHEET, 'I4:M4')[0].findIndex((v) => v === '对账结果')).toBe(column);
    expect(fake.cell(LEDGER_SHEET, 'K2').value).toBe('复核：王会计');
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('all rules on: reconcile five times, then Clear', () => {
  test.each(['1.7', '1.13'])('ExcelApi %s: no Recon sheet, name, rule or hidden sheet is left; the user’s cells, formats, rules, names, tables, merges and spills are exactly as before', async (excelApi) => {
    const fake = setUp(excelApi);
    fake.rangeUsedRange = 'sheet-bounds';
    fake.mergeCells(LEDGER_SHEET, 'A1:H1'); // the journal's title, merged and centred
    // A note merged into the status column: avoidable only where merged areas can be asked for.
    if (excelApi !== '1.7') fake.mergeCells(BANK_SHEET, 'H30:I30');
    fake.addTable(LEDGER_SHEET, 'A4:H65', '日记账');
    fake.setFormat(LEDGER_SHEET, 'A4:H4', 'fill', '#DDEBF7');
    fake.setFormat(LEDGER_SHEET, 'E5:G65', 'numberFormat', '#,##0.00');
    fake.setFormat(BANK_SHEET, 'I1:I60', 'fill', '#FFFF00');
    fake.addConditionalFormat(LEDGER_SHEET, 'E5:F64', { type: 'DataBar' });
    fake.addConditionalFormat(BANK_SHEET, 'E5:E49', { type: 'Custom', formula: '=$E5>10000', fill: '#FF0000' });
    fake.addSheet('Lookup', [['客户', '编码'], ['上海明辉贸易有限公司', 'C001']]);
    fake.addTable('Lookup', 'A1:B2', 'Customers');
    if (excelApi !== '1.7') fake.addSpill(BANK_SHEET, 'J2', '=SEQUENCE(8)', [[1], [2], [3], [4], [5], [6], [7], [8]]);
    fake.addName('期末余额', `='${LEDGER_SHEET}'!$G$65`);
    fake.setFormula('Lookup', 'D1', `=SUM('${BANK_SHEET}'!E5:E49)`, 0);
    fake.sheet(LEDGER_SHEET).frozenRows = 4;
    const before = fake.snapshot();

    const wb = officeWorkbook(fake, { maxRequestBytes: 20_000 });
    const runs = [SMALL, OTHER, SMALL, { ...SMALL, matchRows: 10 }, OTHER];
    for (const [i, run] of runs.entries()) {
      const outputs = runOutputs(run, i === 3 ? { discrepancies: '差异明细（二）' } : {});
      await wb.writeRun(outputs);
      expect(leftovers(fake)).toEqual([]);
    }
    await wb.clearRun();
    const after = fake.snapshot();
    expect(after.sheets.map((s) => [s.name, s.visibility])).toEqual(before.sheets.map((s) => [s.name, s.visibility]));
    expect(after.names).toEqual(before.names);
    expect(after.tables).toEqual(before.tables);
    expect(after).toEqual(before);
    expect(await wb.lastRun()).toBeNull();
  });
});
