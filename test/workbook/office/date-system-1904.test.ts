/**
 * A workbook of the 1904 date system in Excel: range.values gives its dates as it stores them,
 * 1,462 less than a 1900 workbook's. The add-in reads them as the dates they show and writes its own
 * dates so they show right there; a run gives what the same book in the 1900 system gives.
 */
import { DAYS_1904_TO_1900 } from '../../../src/workbook/date-system';
import { specFor1904 } from '../../../src/workbook/office/date-system-1904';
import type { SheetSpec } from '../../../src/workbook/workbook';
import { FakeExcel } from '../../fake-excel';
import { officeWorkbook } from './fixtures';
import { paneRun } from './pane-run';

/** 2025-01-02 as a 1900-system serial. */
const JAN_2 = 45659;

/** A clerk's cash journal with real date cells (numbers shown as dates) against a bank export whose dates are text. */
function book(date1904: boolean): FakeExcel {
  const fake = new FakeExcel();
  fake.model.date1904 = date1904;
  const stored = (serial: number) => (date1904 ? serial - DAYS_1904_TO_1900 : serial);
  const amounts = [1280.5, 36000, 455.2, 9800, 120, 77000.01];
  fake.addSheet('日记账', [
    ['日期', '凭证号', '摘要', '借方金额', '贷方金额', '余额'],
    ...amounts.map((a, i) => [stored(JAN_2 + i * 3), `记-${i + 1}`, `收款 客户${i + 1}`, a, '', 100000 + a]),
  ]);
  fake.setFormat('日记账', 'A2:A7', 'numberFormat', 'yyyy/m/d');
  fake.setFormat('日记账', 'D2:F7', 'numberFormat', '#,##0.00');
  fake.addSheet('银行流水', [
    ['交易日期', '摘要', '对方户名', '收入金额', '支出金额'],
    ...amounts.map((a, i) => [`2025-01-${String(2 + i * 3).padStart(2, '0')}`, '网银转账', `客户${i + 1}`, a, '']),
  ]);
  return fake;
}

const ADDRESSES = { ledgerAddress: '日记账', bankAddress: '银行流水', locale: 'zh-CN' as const, ledgerKind: 'cash-journal' as const };

describe('a 1904-date-system workbook in Excel', () => {
  test('the fake works DATE out in the workbook’s system, as Excel does', async () => {
    for (const date1904 of [false, true]) {
      const fake = new FakeExcel();
      fake.model.date1904 = date1904;
      await fake.run(async (context) => {
        const y2000 = context.workbook.functions.date(2000, 1, 1);
        expect(() => y2000.value).toThrow(/not available/);
        y2000.load('value');
        const early = context.workbook.functions.date(1903, 12, 31).load('value,error');
        await context.sync();
        expect(y2000.value).toBe(date1904 ? 35064 : 36526);
        expect(early.error).toBe(date1904 ? '#NUM!' : null);
      });
    }
  });

  test('its date cells read as the dates they show; numbers in other formats as they are', async () => {
    const block = await officeWorkbook(book(true)).readValues('日记账');
    const twin = await officeWorkbook(book(false)).readValues('日记账');
    expect(block.values).toEqual(twin.values);
    expect(block.values[1][0]).toBe(JAN_2);
    expect(block.values[1][3]).toBe(1280.5);
  });

  test('a run matches as in the 1900 twin, and every date Recon writes shows the same date there', async () => {
    const runs = [];
    for (const date1904 of [false, true]) {
      const fake = book(date1904);
      const run = await paneRun(officeWorkbook(fake), ADDRESSES);
      runs.push({ fake, run });
    }
    const [in1900, in1904] = runs;
    expect(in1904.run.result.matches.length).toBe(6);
    expect(in1904.run.result.matches.filter((m) => m.status === 'auto').length).toBe(6);
    expect(in1904.run.result.ledger.entries.map((e) => e.date)).toEqual(in1900.run.result.ledger.entries.map((e) => e.date));
    expect(in1904.run.result.ledger.entries[0].date).toBe('2025-01-02');
    let dates = 0;
    for (const spec of in1900.run.outputs.sheets) {
      const a = in1900.fake.sheet(spec.name);
      const b = in1904.fake.sheet(spec.name);
      for (let r = 0; r < spec.values.length; r++) {
        for (let c = 0; c < spec.values[r].length; c++) {
          const format = in1900.fake.cellAt(a, r, c).formats.numberFormat;
          const shown = in1900.fake.cellAt(a, r, c).value;
          const stored = in1904.fake.cellAt(b, r, c).value;
          if (typeof format === 'string' && /y/.test(format) && typeof shown === 'number') {
            expect(stored).toBe(shown - DAYS_1904_TO_1900);
            dates++;
          } else {
            expect(stored).toEqual(shown);
          }
        }
      }
    }
    expect(dates).toBeGreaterThanOrEqual(6);
  });

  test('specFor1904 moves numbers in date-formatted columns and areas only', () => {
    const spec: SheetSpec = {
      key: 'k',
      name: 'n',
      values: [
        ['日期', '金额', '到期日'],
        [45659, 45659, 45700],
        ['合计', 100, ''],
      ],
      columnFormats: ['date', 'amount', 'general'],
      styles: [{ area: { row: 1, column: 2, rows: 1, columns: 1 }, format: 'date' }],
    };
    expect(specFor1904(spec).values).toEqual([
      ['日期', '金额', '到期日'],
      [45659 - DAYS_1904_TO_1900, 45659, 45700 - DAYS_1904_TO_1900],
      ['合计', 100, ''],
    ]);
    expect(spec.values[1][0]).toBe(45659);
  });
});
