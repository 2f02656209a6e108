/**
 * Issue 9: behaviours of real Excel that the fake did not model, one describe block per finding.
 * Each rule lives in the fake (test/fake-excel) with a comment citing its source; each test here
 * failed on the add-in before its fix.
 */
import { FakeExcel } from '../../fake-excel';
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
    // The switch-over is the sync that renames sheets; fail it before it is sent.
    fake.stats.reset();
    await wb.writeRun(runOutputs(SMALL));
    const switchAt = Math.max(...fake.stats.syncs.filter((s) => s.labels.includes('Worksheet.name=')).map((s) => s.index));
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
