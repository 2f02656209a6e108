import { buildReport } from '../../../src/engine/report/build-report';
import type { Locale } from '../../../src/i18n/locale';
import { HIGHLIGHT_COLOURS } from '../../../src/workbook/colours';
import { buildRunOutputs } from '../../../src/workbook/layout/run-outputs';
import { MemoryWorkbook, type MemoryWorkbookOptions } from '../../../src/workbook/memory/memory-workbook';
import { sampleResult } from '../../engine/report/sample-result';
import { BANK_ADDRESS, BANK_SHEET, BANK_VALUES, LEDGER_ADDRESS, LEDGER_SHEET, LEDGER_VALUES } from './sample-sheets';

const YELLOW = '#FFFF00';

function userWorkbook(options: MemoryWorkbookOptions = {}): MemoryWorkbook {
  return new MemoryWorkbook(
    [
      { name: LEDGER_SHEET, values: LEDGER_VALUES, formats: { E2: 'amount', F2: 'amount' }, fills: { C6: YELLOW, A1: '#D9D9D9' } },
      { name: BANK_SHEET, values: BANK_VALUES, fills: { B8: YELLOW } },
      { name: 'Matches', values: [['My own notes'], ['=SUM(A1)', 42]] },
    ],
    options,
  );
}

/** A run as the pane does it: read both ranges, reconcile (here: the hand-built result), lay out. */
async function outputsFor(wb: MemoryWorkbook, locale: Locale = 'en', bankAddress = BANK_SHEET) {
  const ledger = await wb.readValues(LEDGER_ADDRESS);
  const bank = await wb.readValues(bankAddress);
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

describe('MemoryWorkbook reads', () => {
  it('reads a range, a whole sheet as its used range, and a table from one of its cells', async () => {
    const wb = new MemoryWorkbook([{ name: 'Bank', values: [[null, null], [null, 'x', 'y'], [null, 1, 2]], tables: [{ name: 'T', range: 'B2:C3' }] }]);
    expect(await wb.readValues('Bank')).toEqual({ sheet: 'Bank', top: 2, left: 2, values: [['x', 'y'], [1, 2]], address: 'Bank!B2:C3' });
    expect((await wb.readValues('Bank!C3')).address).toBe('Bank!B2:C3');
    expect((await wb.readValues("'Bank'!A1:B2")).values).toEqual([[null, null], [null, 'x']]);
    await expect(wb.selectedAddress()).rejects.toThrow('Nothing is selected');
    wb.select('Bank!B2:C3');
    expect(await wb.selectedAddress()).toBe('Bank!B2:C3');
  });
});

describe('MemoryWorkbook.writeRun', () => {
  it('writes the Matches sheet beside a user sheet called "Matches", which stays untouched', async () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    await wb.writeRun(await outputsFor(wb));
    expect(await wb.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, 'Matches', 'Matches (2)', 'Discrepancies', 'Bank reconciliation', 'Summary']);
    const after = wb.snapshot();
    expect(after.sheets[2]).toEqual(before.sheets[2]);
    expect(wb.valueAt('Matches (2)', 'A2')).toBe('M1');
    expect(wb.tables('Matches (2)')).toEqual([{ name: 'ReconMatches', range: { top: 1, left: 1, bottom: 5, right: 16 } }]);
    expect(wb.formatAt('Matches (2)', 3, 9)).toBe('amount');
    expect((await wb.lastRun())?.sheets).toEqual(['Matches (2)', 'Discrepancies', 'Bank reconciliation', 'Summary']);
  });

  it('writes status labels beside the ranges and never changes a user cell', async () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    await wb.writeRun(await outputsFor(wb));
    expect(wb.valueAt(BANK_SHEET, 'H5')).toBe('Recon status');
    expect(wb.valueAt(BANK_SHEET, 'H6')).toBe('M1 Matched');
    expect(wb.valueAt(BANK_SHEET, 'H12')).toBe('Skipped: total line');
    expect(wb.valueAt(BANK_SHEET, 'H4')).toBeNull();
    expect(wb.valueAt(LEDGER_SHEET, 'H5')).toBe('M3 Suggested');
    const after = wb.snapshot();
    for (const i of [0, 1]) {
      const userCells = Object.fromEntries(Object.entries(after.sheets[i].cells).filter(([k]) => !k.endsWith(',8')));
      expect(userCells).toEqual(before.sheets[i].cells);
      expect(after.sheets[i].fills).toEqual(before.sheets[i].fills);
      expect(after.sheets[i].formats).toEqual(before.sheets[i].formats);
    }
  });

  it('colours rows by conditional rules on the range, keyed on the status column, not by fills', async () => {
    const wb = userWorkbook();
    await wb.writeRun(await outputsFor(wb));
    expect(wb.conditionalHighlights(BANK_SHEET)).toHaveLength(1);
    expect(wb.conditionalHighlights(BANK_SHEET)[0]).toMatchObject({ area: { top: 6, bottom: 12, left: 1, right: 8 }, statusColumn: 8 });
    expect(wb.highlightAt(BANK_SHEET, 6, 1)).toBe('auto');
    expect(wb.highlightAt(BANK_SHEET, 8, 3)).toBe('suggested');
    expect(wb.highlightAt(BANK_SHEET, 10, 7)).toBe('unmatched');
    expect(wb.highlightAt(BANK_SHEET, 12, 2)).toBe('skipped');
    expect(wb.highlightAt(BANK_SHEET, 5, 1)).toBeNull();
    expect(wb.shownFill(BANK_SHEET, 'B8')).toBe(HIGHLIGHT_COLOURS.suggested);
    expect(wb.shownFill(LEDGER_SHEET, 'C6')).toBe(HIGHLIGHT_COLOURS.suggested);
    expect(wb.shownFill(LEDGER_SHEET, 'A1')).toBe('#D9D9D9');
  });

  it('keeps a memo that starts with = as the exact text', async () => {
    const wb = userWorkbook();
    await wb.writeRun(await outputsFor(wb));
    expect(wb.valueAt('Matches (2)', 'F5')).toBe('=SUM(A1) 办公用品; +转账 办公');
    expect(wb.valueAt(LEDGER_SHEET, 'C6')).toBe('=SUM(A1) 办公用品');
  });

  it('replaces only its own sheets and status columns on a re-run', async () => {
    const wb = userWorkbook();
    await wb.writeRun(await outputsFor(wb, 'en'));
    const firstRun = wb.snapshot();
    await wb.writeRun(await outputsFor(wb, 'en'));
    expect(await wb.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, 'Matches', 'Matches (2)', 'Discrepancies', 'Bank reconciliation', 'Summary']);
    expect({ ...wb.snapshot(), state: null }).toEqual({ ...firstRun, state: null });

    await wb.writeRun(await outputsFor(wb, 'zh-CN'));
    expect(await wb.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, 'Matches', '匹配结果', '差异表', '余额调节表', '对账汇总']);
    expect(wb.valueAt(BANK_SHEET, 'H6')).toBe('M1 已匹配');
    expect(wb.conditionalHighlights(BANK_SHEET)).toHaveLength(1);
    expect(wb.snapshot().sheets[2]).toEqual(firstRun.sheets[2]);
  });

  it('moves the status column right when the column beside the range holds a user value', async () => {
    const values = BANK_VALUES.map((row) => [...row]);
    values[8][7] = '我的备注';
    const wb = new MemoryWorkbook([{ name: LEDGER_SHEET, values: LEDGER_VALUES }, { name: BANK_SHEET, values }]);
    await wb.writeRun(await outputsFor(wb, 'en', BANK_ADDRESS)); // the user chose A1:G12, not the used range
    expect(wb.valueAt(BANK_SHEET, 'H9')).toBe('我的备注');
    expect(wb.valueAt(BANK_SHEET, 'I9')).toBe('M4 Suggested');
    expect(wb.valueAt(BANK_SHEET, 'I6')).toBe('M1 Matched');
    expect((await wb.lastRun())?.statusColumns[1]).toEqual({ sheet: BANK_SHEET, column: 9, firstRow: 5, lastRow: 12 });
  });
});

describe('MemoryWorkbook.clearRun', () => {
  it('restores user cells and formats exactly', async () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    await wb.writeRun(await outputsFor(wb));
    await wb.writeRun(await outputsFor(wb, 'zh-TW'));
    await wb.clearRun();
    expect(wb.snapshot()).toEqual(before);
    expect(await wb.lastRun()).toBeNull();
  });

  it('does nothing on a workbook Recon never wrote to', async () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    await wb.clearRun();
    expect(wb.snapshot()).toEqual(before);
  });
});

describe('MemoryWorkbook.writeRun is all-or-nothing', () => {
  it.each(['sheet:Matches (2)', 'status:Bank export', 'highlight:Bank export', 'record'])('a failure at %s leaves the workbook as it was', async (failing) => {
    const wb = userWorkbook({
      beforeStep: (step) => {
        if (step === failing) throw new Error('host failed');
      },
    });
    const before = wb.snapshot();
    await expect(wb.writeRun(await outputsFor(wb))).rejects.toThrow('host failed');
    expect(wb.snapshot()).toEqual(before);
  });

  it('a failure during a re-run keeps the previous run in place', async () => {
    let failing = '';
    const wb = userWorkbook({
      beforeStep: (step) => {
        if (step === failing) throw new Error('host failed');
      },
    });
    await wb.writeRun(await outputsFor(wb));
    const firstRun = wb.snapshot();
    failing = 'status:日记账';
    await expect(wb.writeRun(await outputsFor(wb, 'zh-CN'))).rejects.toThrow('host failed');
    expect(wb.snapshot()).toEqual(firstRun);
  });

  it('an abort part-way through leaves the workbook as it was', async () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    const controller = new AbortController();
    const progress: number[] = [];
    const run = wb.writeRun(await outputsFor(wb), (done) => {
      progress.push(done);
      if (done === 2) controller.abort();
    }, controller.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toEqual([1, 2]);
    expect(wb.snapshot()).toEqual(before);
  });

  it('an already aborted signal writes nothing', async () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    await expect(wb.writeRun(await outputsFor(wb), undefined, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(wb.snapshot()).toEqual(before);
  });

  it('refuses to write over a user sheet, changing nothing', async () => {
    const wb = userWorkbook();
    const outputs = await outputsFor(wb);
    outputs.sheets[0].name = 'Matches';
    const before = wb.snapshot();
    await expect(wb.writeRun(outputs)).rejects.toThrow('"Matches" already exists and was not created by Recon');
    expect(wb.snapshot()).toEqual(before);
  });
});
