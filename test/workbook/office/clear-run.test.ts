import { FakeExcel } from '../../fake-excel';
import { BANK_SHEET, LEDGER_SHEET, officeWorkbook, runOutputs, setUpWorkbook } from './fixtures';

const SMALL = { ledgerRows: 60, bankRows: 45 };

/** A workbook the way accountants keep them: formats, a data bar, a table, a frozen header. */
function usersWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  setUpWorkbook(fake, SMALL);
  fake.setFormat(LEDGER_SHEET, 'A4:H4', 'fill', '#DDEBF7');
  fake.setFormat(LEDGER_SHEET, 'A4:H4', 'bold', true);
  fake.setFormat(LEDGER_SHEET, 'E5:G65', 'numberFormat', '#,##0.00');
  fake.setFormat(BANK_SHEET, 'I1:I60', 'fill', '#FFFF00'); // their own colour where the status column goes
  fake.setColumnWidth(LEDGER_SHEET, 2, 120);
  fake.addConditionalFormat(LEDGER_SHEET, 'E5:F64', { type: 'DataBar' });
  fake.addConditionalFormat(BANK_SHEET, 'E5:E49', { type: 'Custom', formula: '=$E5>10000', fill: '#FF0000' });
  fake.addSheet('Lookup', [['客户', '编码'], ['上海明辉贸易有限公司', 'C001']]);
  fake.addTable('Lookup', 'A1:B2', 'Customers');
  fake.sheet(LEDGER_SHEET).frozenRows = 4;
  return fake;
}

describe('clearRun', () => {
  test('removes the sheets, status columns, rules and record; the user’s values and formats are exactly as before', async () => {
    const fake = usersWorkbook();
    const before = fake.snapshot();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    expect(fake.snapshot()).not.toEqual(before);
    expect(fake.sheet(BANK_SHEET).conditionalFormats.length).toBe(4);

    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
    expect(await wb.lastRun()).toBeNull();
  });

  test('after a re-run and after a clean-up that failed, Clear still leaves no trace', async () => {
    const fake = usersWorkbook();
    const before = fake.snapshot();
    const wb = officeWorkbook(fake, { maxRequestBytes: 6_000 });
    await wb.writeRun(runOutputs(SMALL));
    const second = runOutputs({ ledgerRows: 60, bankRows: 30, matchRows: 10 });
    // Fail every sync after the switch-over: the previous run's leftovers stay, listed as pending.
    fake.stats.reset();
    await wb.writeRun(second);
    const clean = fake.stats.syncs.length;
    const switchAt = Math.max(...fake.stats.syncs.filter((s) => s.labels.includes('ConditionalFormatCollection.add')).map((s) => s.index));
    await wb.writeRun(runOutputs(SMALL)); // back to the first shape
    fake.stats.reset();
    for (let i = switchAt + 1; i <= switchAt + 3 * (clean - switchAt) + 3; i++) fake.failAtSync(i);
    await expect(wb.writeRun(second)).rejects.toThrow(/The results were written/);
    fake.clearFailures();

    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
  });

  test('with no run recorded it changes nothing', async () => {
    const fake = usersWorkbook();
    const before = fake.snapshot();
    await officeWorkbook(fake).clearRun();
    expect(fake.snapshot()).toEqual(before);
  });

  test('what the user changed after the run survives Clear', async () => {
    const fake = usersWorkbook();
    const wb = officeWorkbook(fake);
    await wb.writeRun(runOutputs(SMALL));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(LEDGER_SHEET).getRange('H6').values = [['已电话确认']];
      context.workbook.worksheets.add('我的笔记');
    });
    await wb.clearRun();
    expect(fake.cell(LEDGER_SHEET, 'H6').value).toBe('已电话确认');
    expect(fake.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, 'Lookup', '我的笔记']);
    expect(fake.cell(BANK_SHEET, 'I5').value).toBeUndefined();
    expect(fake.cell(BANK_SHEET, 'I5').formats.fill).toBe('#FFFF00');
  });
});
