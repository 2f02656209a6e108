/**
 * Statements at scale in the add-in's own path, on the fake Excel: 300 customers and 100k ledger
 * lines read from the workbook, matched, and written back as 300 statements and their index,
 * within Excel on the web's request budget, with a fixed number of format operations per
 * statement (not per line), progress reported to the end, and Cancel leaving the workbook as it was.
 */
import { reconcile } from '../../../src/engine';
import { buildReport } from '../../../src/engine/report/build-report';
import { buildRunOutputs } from '../../../src/workbook/layout/run-outputs';
import type { RunOutputs } from '../../../src/workbook/workbook';
import { FakeExcel, FIVE_MB } from '../../fake-excel';
import { generateKnownLedger } from '../../engine/report/statements/receivables-ledger';
import { officeWorkbook } from './fixtures';

const LEDGER = '应收账款明细账';
const BANK = '工行流水';
const BANK_ROWS = [
  ['交易日期', '对方户名', '收入金额', '支出金额'],
  ['2025-03-31', '某某公司', 1.5, ''],
];

interface Run {
  fake: FakeExcel;
  outputs: RunOutputs;
  ledgerLines: number;
  statements: number;
}

async function prepare(customers: number, linesPerCustomer: number): Promise<Run> {
  const known = generateKnownLedger({ customers, seed: 7, linesPerCustomer });
  const fake = new FakeExcel({ excelApi: '1.9' });
  fake.addSheet(LEDGER, known.cells as (string | number)[][]);
  fake.addSheet(BANK, BANK_ROWS);
  const wb = officeWorkbook(fake);
  const ledger = await wb.readValues(LEDGER);
  const bank = await wb.readValues(BANK);
  const result = reconcile({ cells: ledger.values, firstRow: ledger.top }, { cells: bank.values, firstRow: bank.top }, { ledger: { kind: 'receivables-ledger' } });
  const outputs = buildRunOutputs(result, buildReport(result), {
    locale: 'zh-CN',
    ledger: ledger.address,
    bank: bank.address,
    ranAt: '2025-04-02T09:00:00Z',
    existingSheetNames: await wb.sheetNames(),
    statements: { ledger: { cells: ledger.values, firstRow: ledger.top }, options: { period: { from: '2025-03-01', to: '2025-03-31' }, company: '上海星辰电子有限公司', customerTerms: known.customerTerms } },
  });
  fake.stats.reset();
  const statements = outputs.sheets.filter((s) => s.key.startsWith('statement:')).length;
  return { fake, outputs, ledgerLines: result.ledger.entries.length, statements };
}

async function write(run: Run): Promise<{ progress: [number, number][] }> {
  const progress: [number, number][] = [];
  await officeWorkbook(run.fake).writeRun(run.outputs, (done, total) => progress.push([done, total]));
  return { progress };
}

describe('300 customers, 100k ledger lines, in the add-in', () => {
  let big: Run;
  let bigProgress: [number, number][];
  beforeAll(async () => {
    big = await prepare(300, 174);
    bigProgress = (await write(big)).progress;
  }, 600_000);

  test('every statement and the index are written; requests and responses stay under 5 MB', () => {
    expect(big.ledgerLines).toBeGreaterThanOrEqual(100_000);
    expect(big.statements).toBeGreaterThanOrEqual(280);
    const names = big.fake.sheetNames();
    for (const sheet of big.outputs.sheets) expect(names).toContain(sheet.name);
    const stats = big.fake.stats;
    expect(stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(stats.syncs.every((s) => !s.failed)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(`statements: ${big.statements} sheets from ${big.ledgerLines} lines; ${stats.summary()}; format ops ${stats.total('format')}`);
  });

  test('format operations are a fixed number per statement, the same with 10× fewer lines', async () => {
    const small = await prepare(300, 16);
    await write(small);
    const perStatement = (run: Run) => run.fake.stats.total('format') / (run.statements + 1);
    expect(small.statements).toBe(big.statements);
    expect(Math.abs(perStatement(big) - perStatement(small))).toBeLessThanOrEqual(1);
    expect(perStatement(big)).toBeLessThan(100);
    // Single-cell operations (the index's link, one-cell blocks such as the statement date) are a
    // handful per statement too, never one per line.
    const singlePerStatement = (run: Run) => run.fake.stats.singleCellWrites / run.statements;
    expect(singlePerStatement(big)).toBeLessThanOrEqual(15);
    expect(singlePerStatement(small)).toBeLessThanOrEqual(15);
  }, 600_000);

  test('progress climbs to the end', () => {
    expect(bigProgress.length).toBeGreaterThan(3);
    const [lastDone, lastTotal] = bigProgress[bigProgress.length - 1];
    expect(lastDone).toBe(lastTotal);
    expect(bigProgress.every(([d], i) => i === 0 || d >= bigProgress[i - 1][0])).toBe(true);
  });

  test('a closing balance on a statement sheet is the one the model computed', () => {
    const spec = big.outputs.sheets.find((s) => s.key.startsWith('statement:'))!;
    const closingRow = spec.values.findIndex((r) => r[3] === '期末余额');
    expect(big.fake.valuesOf(spec.name, `G${closingRow + 1}:G${closingRow + 1}`)[0][0]).toBe(spec.values[closingRow][6]);
  });

  test('Cancel part-way leaves the workbook exactly as it was', async () => {
    const run = await prepare(300, 16);
    const before = run.fake.sheetNames();
    const controller = new AbortController();
    let calls = 0;
    const wb = officeWorkbook(run.fake);
    await expect(
      wb.writeRun(run.outputs, () => {
        if (++calls === 3) controller.abort();
      }, controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(run.fake.sheetNames()).toEqual(before);
    expect(await wb.lastRun()).toBeNull();
  }, 600_000);
});
