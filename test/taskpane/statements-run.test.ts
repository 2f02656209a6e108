/**
 * Statements through the pane's own run path (read ranges, engine, write) on the memory workbook:
 * the index and one sheet per customer are written, the company name is kept in the workbook's run
 * record and comes back as the next run's default; the inputs are validated before a run.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { matchDefaults } from '../../src/taskpane/engine/engine-tasks';
import { runReconciliation } from '../../src/taskpane/state/run-reconciliation';
import { statementsDraftOf, validateStatements } from '../../src/taskpane/state/statements-draft';
import { readCsv } from '../../src/workbook/file/read-csv';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';

const FIXTURES = path.join(__dirname, '../fixtures/statements');
const csv = (name: string) => readCsv(new Uint8Array(readFileSync(path.join(FIXTURES, name))));

describe('statements from the pane', () => {
  test('written beside the matches; the company name is kept in the workbook for the next run', async () => {
    const workbook = new MemoryWorkbook([
      { name: '应收账款', values: csv('应收账款明细账-2025-03.csv') },
      { name: '工行', values: csv('工行流水-2025-03.csv') },
    ]);
    const ledger = await workbook.readValues('应收账款');
    const bank = await workbook.readValues('工行');
    const draft = { ...statementsDraftOf(null), enabled: true, company: '上海星辰电子有限公司', period: '2025-03' };
    const { settings } = validateStatements(draft);
    await runReconciliation(workbook, new InProcessEngineClient(), {
      ledgerAddress: ledger.address,
      bankAddress: bank.address,
      ledgerOptions: {},
      bankOptions: {},
      match: matchDefaults(),
      locale: 'zh-CN',
      statements: settings!,
    });
    const names = await workbook.sheetNames();
    expect(names).toEqual(expect.arrayContaining(['对账单目录', '上海明辉贸易有限公司', '香港永興貿易有限公司', 'ACME Trading Ltd.']));
    expect(workbook.valueAt('对账单目录', 'A1')).toBe('客户');
    expect(workbook.linkAt('对账单目录', 'B2')).toBe(`'${workbook.valueAt('对账单目录', 'B2')}'!A1`);
    expect(workbook.pageSetup('上海明辉贸易有限公司')).toMatchObject({ paper: 'A4', fitToPagesWide: 1, footerCenter: '第 &P 页，共 &N 页' });
    // The index's total line equals the sum of its customer lines, to the cent.
    const index = (await workbook.readValues('对账单目录')).values;
    const totalRow = index.findIndex((r) => r[0] === '合计');
    const sumCents = index.slice(1, totalRow).reduce((s, r) => s + Math.round(Number(r[2]) * 100), 0);
    expect(Math.round(Number(index[totalRow][2]) * 100)).toBe(sumCents);
    expect(sumCents).toBe(2_515_049);

    const record = await workbook.lastRun();
    expect(record?.options.company).toBe('上海星辰电子有限公司');
    expect(statementsDraftOf(record)).toMatchObject({ enabled: true, company: '上海星辰电子有限公司' });
  });

  test('a wrong period or date is refused before a run; empty means the defaults', () => {
    const base = { enabled: true, company: ' ACME ', period: '', statementDate: '' };
    expect(validateStatements(base)).toEqual({ settings: { company: 'ACME' }, errors: {}, valid: true });
    expect(validateStatements({ ...base, period: '2025-3' })).toMatchObject({ valid: true, settings: { period: { from: '2025-03-01', to: '2025-03-31' } } });
    expect(validateStatements({ ...base, period: 'March' })).toMatchObject({ valid: false, errors: { period: 'statements.period.invalid' } });
    expect(validateStatements({ ...base, statementDate: '2025-02-30' })).toMatchObject({ valid: false, errors: { statementDate: 'statements.date.invalid' } });
    expect(validateStatements({ ...base, enabled: false, period: 'nonsense' })).toEqual({ settings: null, errors: {}, valid: true });
  });
});
