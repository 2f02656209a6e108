/**
 * The pane's own run path (read both ranges, the engine, the layout, the Office writer) on the
 * fake Excel with every rule of issue 9 on: five reconciliations in a row, in two languages and
 * with different options, then Clear results. After every run nothing of Recon's is left over
 * and the user's merged title, table, spilled array, formats, rule and name are untouched; after
 * Clear the workbook is exactly as the user had it.
 */
import { FakeExcel } from '../../fake-excel';
import type { StoredValue } from '../../fake-excel/text-entry';
import { InProcessEngineClient } from '../../../src/taskpane/engine/in-process-engine-client';
import { matchDefaults } from '../../../src/taskpane/engine/engine-tasks';
import { runReconciliation, type RunPlan } from '../../../src/taskpane/state/run-reconciliation';
import { BANK_RANGE, BANK_ROWS, BANK_SHEET, LEDGER_RANGE, LEDGER_ROWS, LEDGER_SHEET } from '../../taskpane/march-books';
import { officeWorkbook } from './fixtures';

function usersWorkbook(excelApi: string): FakeExcel {
  const fake = new FakeExcel({ excelApi });
  fake.rangeUsedRange = 'sheet-bounds';
  fake.spillsInUsedRange = false;
  fake.addSheet(LEDGER_SHEET, LEDGER_ROWS as StoredValue[][]);
  fake.addSheet(BANK_SHEET, BANK_ROWS as StoredValue[][]);
  fake.mergeCells(LEDGER_SHEET, 'A1:G1');
  fake.setFormat(LEDGER_SHEET, 'A3:G3', 'fill', '#DDEBF7');
  fake.setFormat(LEDGER_SHEET, 'E4:G14', 'numberFormat', '#,##0.00');
  fake.addTable(BANK_SHEET, 'A4:H13', '工行3月');
  fake.addConditionalFormat(BANK_SHEET, 'E5:E13', { type: 'DataBar' });
  fake.addName('期末余额', `=${LEDGER_SHEET}!$G$14`);
  // Where dynamic arrays exist (Excel 365/2021): a check column spilled right of the ledger.
  if (excelApi !== '1.7') fake.addSpill(LEDGER_SHEET, 'H2', '=SEQUENCE(4)', [[1], [2], [3], [4]]);
  fake.activate(LEDGER_SHEET);
  return fake;
}

const plan = (overrides: Partial<RunPlan> = {}): RunPlan => ({
  ledgerAddress: LEDGER_RANGE,
  bankAddress: BANK_RANGE,
  ledgerOptions: {},
  bankOptions: {},
  match: matchDefaults(),
  locale: 'zh-CN',
  ...overrides,
});

test.each(['1.7', '1.13'])('ExcelApi %s: five pane runs, then Clear, leave the user’s workbook exactly as it was', async (excelApi) => {
  const fake = usersWorkbook(excelApi);
  const before = fake.snapshot();
  const userCells = (sheet: string) => before.sheets.find((s) => s.name === sheet)!.cells;
  const workbook = officeWorkbook(fake, { maxRequestBytes: 20_000 });
  const engine = new InProcessEngineClient();
  const runs: RunPlan[] = [
    plan(),
    plan({ match: { ...matchDefaults(), dateWindowDays: 3 } }),
    plan({ locale: 'en' }),
    plan({ locale: 'zh-TW' }),
    plan(),
  ];
  for (const run of runs) {
    await runReconciliation(workbook, engine, run);
    const now = fake.snapshot();
    expect(now.sheets.filter((s) => /^_recon_(tmp|old)_/i.test(s.name))).toEqual([]);
    expect(now.sheets.filter((s) => s.visibility !== 'Visible').map((s) => [s.name, s.visibility])).toEqual([['_recon_state', 'VeryHidden']]);
    expect(now.tables.find((t) => t.name === '工行3月')).toEqual({ name: '工行3月', range: `${BANK_SHEET}!A4:H13` });
    expect(now.names.filter((n) => n.name === '期末余额')).toEqual([{ name: '期末余额', formula: `=${LEDGER_SHEET}!$G$14` }]);
    // Every cell the user had is still there, as it was (Recon only adds its status column).
    for (const sheet of [LEDGER_SHEET, BANK_SHEET]) {
      const cells = new Map(now.sheets.find((s) => s.name === sheet)!.cells);
      for (const [address, cell] of userCells(sheet)) expect([address, cells.get(address)]).toEqual([address, cell]);
    }
    if (excelApi !== '1.7') expect(fake.cell(LEDGER_SHEET, 'H2')).toMatchObject({ formula: '=SEQUENCE(4)', value: 1 });
  }
  await workbook.clearRun();
  expect(fake.snapshot()).toEqual(before);
  expect(await workbook.lastRun()).toBeNull();
});
