import { FakeExcel, FIVE_MB } from '../../fake-excel';
import { BANK_SHEET, bankRows, LEDGER_SHEET, ledgerRows, officeWorkbook } from './fixtures';

describe('readValues', () => {
  test('a bare sheet name reads its used range, title lines and total included, with sheet positions', async () => {
    const fake = new FakeExcel();
    const rows = ledgerRows(50);
    fake.addSheet(LEDGER_SHEET, rows, 'B3');
    const block = await officeWorkbook(fake).readValues(LEDGER_SHEET);
    expect(block.sheet).toBe(LEDGER_SHEET);
    expect(block.top).toBe(3);
    expect(block.left).toBe(2);
    // The shared A1 form (layout/a1): quotes only where Excel needs them.
    expect(block.address).toBe(`${LEDGER_SHEET}!B3:I${2 + rows.length}`);
    expect(block.values.length).toBe(rows.length);
    expect(block.values[3]).toEqual(['日期', '凭证号', '摘要', '对方单位', '借方金额', '贷方金额', '余额', '备注']);
    // Empty cells come back as '' (as Excel gives them), short rows padded to the width.
    expect(block.values[0]).toEqual(['银行存款日记账', '', '', '', '', '', '', '']);
    expect(block.values[4]).toEqual(rows[4].concat(Array(8 - rows[4].length).fill('')).map((v) => v));
  });

  test('an explicit address, a quoted sheet name and whole columns (clipped to the used range)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Bank export', bankRows(30));
    const wb = officeWorkbook(fake);
    const part = await wb.readValues("'Bank export'!A4:C6");
    expect(part.values).toEqual([
      ['交易日期', '摘要', '对方户名'],
      bankRows(30)[4].slice(0, 3),
      bankRows(30)[5].slice(0, 3),
    ]);
    expect(part.address).toBe("'Bank export'!A4:C6");
    const columns = await wb.readValues("'Bank export'!A:H");
    expect(columns.values.length).toBe(34);
    expect(columns.address).toBe("'Bank export'!A1:H34");
    expect(fake.stats.maxResponseBytes).toBeLessThan(200_000);
  });

  test('a range on the active sheet when no sheet is named', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Other', [['x']]);
    fake.addSheet(BANK_SHEET, bankRows(5));
    fake.activate(BANK_SHEET);
    const block = await officeWorkbook(fake).readValues('A4:B5');
    expect(block.sheet).toBe(BANK_SHEET);
    expect(block.values[0]).toEqual(['交易日期', '摘要']);
  });

  test('one cell inside an Excel table means the whole table', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1', [['note'], [], ['日期', '金额', '摘要'], [45658, 10, 'a'], [45659, 20, 'b']]);
    fake.addTable('Sheet1', 'A3:C5', 'Bank');
    const block = await officeWorkbook(fake).readValues("'Sheet1'!B4");
    expect(block.address).toBe('Sheet1!A3:C5');
    expect(block.values).toEqual([
      ['日期', '金额', '摘要'],
      [45658, 10, 'a'],
      [45659, 20, 'b'],
    ]);
    const outside = await officeWorkbook(fake).readValues("'Sheet1'!A1");
    expect(outside.values).toEqual([['note']]);
  });

  test('an empty sheet gives no rows; a missing sheet a clear message', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Empty');
    const wb = officeWorkbook(fake);
    await expect(wb.readValues('Empty')).resolves.toMatchObject({ values: [], top: 1, left: 1 });
    await expect(wb.readValues('不存在')).rejects.toThrow('There is no sheet named "不存在" in this workbook.');
  });

  test('100k rows × 8 columns: chunked reads, few syncs, every response under 5 MB, values intact', async () => {
    const fake = new FakeExcel();
    const rows = ledgerRows(100_000);
    fake.addSheet(LEDGER_SHEET, rows);
    const progress: number[] = [];
    const block = await officeWorkbook(fake).readValues(LEDGER_SHEET, (done, total) => {
      expect(total).toBe(rows.length);
      progress.push(done);
    });
    expect(block.values.length).toBe(rows.length);
    expect(block.values[50_004]).toEqual(rows[50_004]);
    expect(block.values[rows.length - 1]).toEqual(rows[rows.length - 1]);
    expect(fake.stats.syncCount).toBeLessThanOrEqual(10);
    expect(fake.stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.syncs.every((s) => !s.failed)).toBe(true);
    expect(progress[progress.length - 1]).toBe(rows.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test('syncs grow with the data in chunks: 10× the rows costs at most ~10× the syncs, far fewer than rows/1000', async () => {
    const syncsFor = async (n: number) => {
      const fake = new FakeExcel();
      fake.addSheet(BANK_SHEET, bankRows(n));
      await officeWorkbook(fake).readValues(BANK_SHEET);
      return fake.stats.syncCount;
    };
    const small = await syncsFor(10_000);
    const large = await syncsFor(100_000);
    expect(small).toBeGreaterThanOrEqual(2);
    expect(large).toBeGreaterThan(small);
    expect(large).toBeLessThanOrEqual(10 * small);
    expect(large).toBeLessThanOrEqual(100_000 / 1000 / 10);
  });

  test('no range in a read exceeds the chunk cap; a sync refused for size is retried smaller', async () => {
    const fake = new FakeExcel({ maxResponseBytes: 1_000_000 });
    const rows = bankRows(40_000);
    fake.addSheet(BANK_SHEET, rows);
    // The adapter believes it may receive 3 MB per sync; the host allows 1 MB.
    const block = await officeWorkbook(fake, { maxResponseBytes: 3_000_000, maxCellsPerChunk: 50_000 }).readValues(BANK_SHEET);
    expect(block.values).toEqual(rows.map((r) => r.concat(Array(8 - r.length).fill(''))));
    expect(fake.stats.maxRangeCells).toBeLessThanOrEqual(50_000);
    expect(fake.stats.syncs.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    const succeeded = fake.stats.syncs.filter((s) => !s.failed);
    expect(succeeded.every((s) => s.responseBytes <= 1_000_000)).toBe(true);
  });
});

describe('small reads', () => {
  test('sheetNames hides Recon’s own sheets; selectedAddress quotes the sheet; activateSheet', async () => {
    const fake = new FakeExcel();
    fake.addSheet(LEDGER_SHEET, ledgerRows(3));
    fake.addSheet('Bank export', bankRows(3));
    fake.addSheet('_recon_state', [['x']], 'A1', 'VeryHidden');
    fake.select('Bank export', 'A4:H7');
    const wb = officeWorkbook(fake);
    expect(await wb.sheetNames()).toEqual([LEDGER_SHEET, 'Bank export']);
    expect(await wb.selectedAddress()).toBe("'Bank export'!A4:H7");
    await wb.activateSheet('Bank export');
    expect(fake.model.activeSheet?.name).toBe('Bank export');
    await expect(wb.activateSheet('Nope')).rejects.toThrow('There is no sheet named "Nope"');
  });
});
