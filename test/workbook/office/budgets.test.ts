/**
 * Performance budgets of the Office adapter, measured by the fake (no timings: counts and bytes).
 * 100k ledger rows × 8 columns and 100k bank rows, read and written back with status labels,
 * highlights and a 100k-row matches sheet.
 */
import { FakeExcel, FIVE_MB, type FakeStats } from '../../fake-excel';
import { HIGHLIGHT_COLOURS } from '../../../src/workbook/colours';
import { BANK_SHEET, LEDGER_SHEET, officeWorkbook, runOutputs, setUpWorkbook } from './fixtures';

interface Measured {
  /** Syncs to read the ledger, then the bank. */
  readSyncs: [number, number];
  readMaxResponse: number;
  write: FakeStats;
}

const measured = new Map<number, Measured>();

async function measure(rows: number): Promise<Measured> {
  const cached = measured.get(rows);
  if (cached) return cached;
  const fake = new FakeExcel();
  const scenario = { ledgerRows: rows, bankRows: rows };
  setUpWorkbook(fake, scenario);
  const wb = officeWorkbook(fake);
  await wb.readValues(LEDGER_SHEET);
  const ledgerSyncs = fake.stats.syncCount;
  let readMaxResponse = fake.stats.maxResponseBytes;
  fake.stats.reset();
  await wb.readValues(BANK_SHEET);
  const readSyncs: [number, number] = [ledgerSyncs, fake.stats.syncCount];
  readMaxResponse = Math.max(readMaxResponse, fake.stats.maxResponseBytes);
  fake.stats.reset();
  const outputs = runOutputs(scenario);
  await wb.writeRun(outputs);
  const write = fake.stats;

  // Every label is in place and every row shows its colour (through the rules, not per-cell fills).
  const ledger = outputs.annotations[0];
  const wrong = ledger.highlights.filter((h, i) => fake.displayedFill(LEDGER_SHEET, ledger.firstRow + i, ledger.statusColumn - 1) !== (h && HIGHLIGHT_COLOURS[h])).length;
  expect(wrong).toBe(0);
  expect(fake.cell(BANK_SHEET, `I${4 + rows}`).value).toBe(outputs.annotations[1].labels[rows - 1]);
  expect(fake.sheet(LEDGER_SHEET).formats.fill.bounds()).toBeNull();

  const result = { readSyncs, readMaxResponse, write };
  measured.set(rows, result);
  // The numbers for the record (npm run bench prints its own).
  // eslint-disable-next-line no-console
  console.log(
    `${rows} rows: read ledger ${readSyncs[0]} + bank ${readSyncs[1]} syncs, max response ${readMaxResponse} B; write ${write.summary()}; format ops ${write.total('format')}`,
  );
  return result;
}

describe('budgets for 100k rows', () => {
  test('reading 100k × 8 twice: ≤ 10 syncs per side, every response under 5 MB', async () => {
    const m = await measure(100_000);
    expect(m.readSyncs[0]).toBeLessThanOrEqual(10);
    expect(m.readSyncs[1]).toBeLessThanOrEqual(10);
    expect(m.readMaxResponse).toBeLessThan(FIVE_MB);
  });

  test('writing 100k labels + highlights + a 100k-row sheet: every request under 5 MB, no per-cell operation', async () => {
    const { write } = await measure(100_000);
    expect(write.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(write.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(write.singleCellWrites).toBe(0);
    expect(write.maxRangeCells).toBeLessThanOrEqual(200_000);
    expect(write.syncs.every((s) => !s.failed)).toBe(true);
    expect(write.syncCount).toBeLessThanOrEqual(25);
  });

  test('formatting costs a fixed number of operations: the same for 10k rows as for 100k', async () => {
    const small = await measure(10_000);
    const large = await measure(100_000);
    expect(large.write.total('format')).toBe(small.write.total('format'));
    expect(large.write.total('format')).toBeLessThan(60);
    // Values grow in chunks, not per row: ~10× the data, at most ~10× the value writes.
    expect(large.write.total('values')).toBeLessThanOrEqual(10 * small.write.total('values'));
    expect(large.write.total('values')).toBeLessThan(100);
  });

  test('a range over 5,000,000 cells is refused by Excel; the adapter never asks for one', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Wide', [['a', 'b', 'c', 'd', 'e', 'f']]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Wide').getRange('A1:F1000000').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
    fake.stats.reset();
    // The user picks whole columns: the adapter reads only the used part, in chunks.
    const block = await officeWorkbook(fake).readValues("'Wide'!A:F");
    expect(block.values).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
    expect(fake.stats.maxRangeCells).toBeLessThanOrEqual(200_000);
  });
});
