/**
 * The fake must fail the way Excel fails, or the adapter's tests prove nothing. These tests use
 * the fake's Office.js surface directly, as careless add-in code would.
 */
import { FakeExcel, FakeOfficeError, FIVE_MB } from '../../fake-excel';

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

function fakeWithSheet(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Data', [
    ['日期', '金额'],
    [45658, 100.5],
    [45659, -20],
  ]);
  return fake;
}

describe('proxies and loading', () => {
  test('reading a property before load() and sync() throws PropertyNotLoaded with Excel’s message', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
      expect(() => range.values).toThrow(NOT_LOADED);
      range.load('values');
      // Loaded but not synced: still not available.
      expect(() => range.values).toThrow(FakeOfficeError);
      await context.sync();
      expect(range.values).toEqual([
        ['日期', '金额'],
        [45658, 100.5],
        [45659, -20],
      ]);
      // Only what was loaded is available.
      try {
        void range.rowCount;
        throw new Error('expected PropertyNotLoaded');
      } catch (error) {
        expect((error as FakeOfficeError).code).toBe('PropertyNotLoaded');
      }
    });
  });

  test('collections need items loaded; nested loads reach navigation properties', async () => {
    const fake = fakeWithSheet();
    fake.addSheet('Second');
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Second']);
      expect(() => sheets.items[0].visibility).toThrow(/'visibility' is not available/);
      const range = sheets.getItem('Data').getRange('A1');
      range.load('format/fill/color,format/font/bold');
      await context.sync();
      expect(range.format.fill.color).toBe('#FFFFFF');
      expect(range.format.font.bold).toBe(false);
    });
  });

  test('getItemOrNullObject gives a null object; getItem of a missing sheet fails the sync with ItemNotFound', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      missing.load('name');
      const present = context.workbook.worksheets.getItemOrNullObject('data').load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Data');
      context.workbook.worksheets.getItem('Nope').load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound', name: 'RichApi.Error' });
    });
  });
});

describe('queueing and Excel.run', () => {
  test('writes queue until sync; the document changes only then', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('C1');
      range.values = [['备注']];
      // Office.js shows the written value on the proxy at once...
      expect(range.values).toEqual([['备注']]);
      // ...but nothing reached the document.
      expect(context.pendingOperations).toBeGreaterThan(0);
      expect(fake.cell('Data', 'C1').value).toBeUndefined();
      await context.sync();
      expect(fake.cell('Data', 'C1').value).toBe('备注');
    });
  });

  test('Excel.run syncs what is still queued when the batch resolves, then its objects are dead', async () => {
    const fake = fakeWithSheet();
    let kept: { values: unknown } | undefined;
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('D1');
      range.values = [['late']];
      kept = range as unknown as { values: unknown };
    });
    expect(fake.cell('Data', 'D1').value).toBe('late');
    expect(fake.stats.syncCount).toBe(1);
    expect(() => {
      (kept as { values: unknown }).values = [['after']];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  test('a runtime error part-way leaves earlier operations of the batch applied (no transaction)', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('E1').values = [['first']];
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['never']];
      context.workbook.worksheets.getItem('Data').getRange('E2').values = [['third']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    expect(fake.cell('Data', 'E1').value).toBe('first');
    expect(fake.cell('Data', 'E2').value).toBeUndefined();
  });

  test('values of the wrong shape are refused', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [['only one row']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});

describe('payload limits (Excel on the web)', () => {
  test('a request over 5 MB fails the sync and applies nothing of it', async () => {
    const fake = fakeWithSheet();
    const big = Array.from({ length: 90_000 }, (_, i) => [`第${i}行 摘要：支付上海明辉贸易有限公司材料款`]);
    await fake.run(async (context) => {
      context.workbook.worksheets.add('Before');
      context.workbook.worksheets.getItem('Data').getRange(`A1:A${big.length}`).values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.stats.syncs[0].requestBytes).toBeGreaterThan(FIVE_MB);
    expect(fake.sheetNames()).toEqual(['Data']);
    expect(fake.cell('Data', 'A1').value).toBe('日期');
  });

  test('a response over 5 MB fails the sync and undoes the writes queued with it', async () => {
    const fake = new FakeExcel();
    const rows = Array.from({ length: 80_000 }, (_, i) => [`HX2025${i}`, '网银转账 支付材料款 上海明辉贸易有限公司', 1234.56]);
    fake.addSheet('Bank', rows);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Bank');
      sheet.getRange('E1').values = [['written in the same batch']];
      sheet.getRange('A1:C80000').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
    expect(fake.stats.syncs[0].responseBytes).toBeGreaterThan(FIVE_MB);
    expect(fake.cell('Bank', 'E1').value).toBeUndefined();
  });

  test('a range read over 5,000,000 cells is refused (RangeExceedsLimit)', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:E1048576').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
      // 4 columns × 1,048,576 rows = 4,194,304 cells: the cell cap allows it (it is the size that matters then).
      context.workbook.worksheets.getItem('Data').getRange('A1:D1048576').load('rowCount');
      await context.sync();
    });
  });
});

describe('text written to values behaves as in Excel', () => {
  const cases: [string, { value: unknown; formula?: string; error?: boolean }][] = [
    ['=SUM(A1:A9)', { value: '#NAME?', formula: '=SUM(A1:A9)' }],
    ['+86 138 0013 8000', { value: '#NAME?', formula: '=+86 138 0013 8000' }],
    ['-冲销', { value: '#NAME?', formula: '=-冲销' }],
    ['@张三', { value: '#NAME?', formula: '=@张三' }],
    ['00123', { value: 123 }],
    ['1,234.50', { value: 1234.5 }],
    ['(100.00)', { value: -100 }],
    ['１２３', { value: 123 }],
    ['2025/3/5', { value: 45721 }],
    ['2025年3月5日', { value: 45721 }],
    ['TRUE', { value: true }],
    ['#N/A', { value: '#N/A', error: true }],
    ['-', { value: '-' }],
    ['收货款', { value: '收货款' }],
  ];

  test.each(cases)('%s written to a General cell', async (input, expected) => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('F1').values = [[input]];
    });
    const cell = fake.cell('Data', 'F1');
    expect(cell.value).toEqual(expected.value);
    expect(cell.formula).toBe(expected.formula);
    expect(cell.error).toBe(expected.error);
  });

  test('an apostrophe keeps text (and is not part of the value); numberFormat @ keeps it verbatim', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('F1:F3').values = [["'=SUM(A1)"], ["'00123"], ["''quoted"]];
      const text = sheet.getRange('G1:G3');
      text.numberFormat = '@' as unknown as string[][];
      text.values = [['=SUM(A1)'], ['00123'], ["'kept"]];
      // Format set AFTER the values: too late, Excel already parsed them.
      const late = sheet.getRange('H1');
      late.values = [['=1+1']];
      late.numberFormat = [['@']];
    });
    expect(fake.valuesOf('Data', 'F1:F3')).toEqual([['=SUM(A1)'], ['00123'], ["'quoted"]]);
    expect(fake.cell('Data', 'F1').formula).toBeUndefined();
    expect(fake.valuesOf('Data', 'G1:G3')).toEqual([['=SUM(A1)'], ['00123'], ["'kept"]]);
    expect(fake.cell('Data', 'G1').formula).toBeUndefined();
    expect(fake.cell('Data', 'H1').formula).toBe('=1+1');
  });
});

describe('failure injection, requirement sets, counters', () => {
  test('a failure at the Nth sync: before the batch applies nothing, afterOps applies a prefix', async () => {
    const fake = fakeWithSheet();
    fake.failAtSync(2);
    fake.failAtSync(3, { afterOps: 2 });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A10').values = [['sync 1']];
      await context.sync();
      sheet.getRange('A11').values = [['sync 2']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ConnectionFailure' });
      const s = context.workbook.worksheets.getItem('Data');
      s.getRange('A12').values = [['sync 3 first']]; // operations: getItem, getRange, values=
      s.getRange('A13').values = [['sync 3 second']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ConnectionFailure' });
    });
    expect(fake.cell('Data', 'A10').value).toBe('sync 1');
    expect(fake.cell('Data', 'A11').value).toBeUndefined();
    expect(fake.cell('Data', 'A12').value).toBeUndefined(); // the first 2 operations (paths) ran, the write did not
    expect(fake.stats.syncs.map((s) => s.failed)).toEqual([undefined, 'ConnectionFailure', 'ConnectionFailure']);
  });

  test('members newer than the host’s ExcelApi throw ApiNotFound; isSetSupported agrees', async () => {
    const fake = new FakeExcel({ excelApi: '1.7' });
    fake.addSheet('Data');
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      expect(() => sheet.getRanges('A1:B2, D4')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => sheet.getRangeByIndexes(0, 0, 1, 1)).not.toThrow();
    });
    const old = new FakeExcel({ excelApi: '1.6' });
    old.addSheet('Data');
    await old.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 0, 1, 1)).toThrow(/ExcelApi 1\.7/);
    });
  });

  test('conditional formats: custom rules decide the fill a cell shows', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data', [['状态'], ['M1'], ['m2'], ['未匹配'], ['']]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A2:A5');
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=EXACT(LEFT($A2,1),"M")';
      cf.custom.format.fill.color = '#C6EFCE';
      const other = range.conditionalFormats.add('Custom');
      other.custom.rule.formula = '=$A2="未匹配"';
      other.custom.format.fill.color = '#FFC7CE';
    });
    expect([1, 2, 3, 4].map((r) => fake.displayedFill('Data', r, 0))).toEqual(['#C6EFCE', undefined, '#FFC7CE', undefined]);
  });

  test('every sync is measured: operations by kind, request and response bytes, single-cell writes', async () => {
    const fake = fakeWithSheet();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A1').format.font.bold = true;
      sheet.getRange('A2:B3').numberFormat = '#,##0.00' as unknown as string[][];
      sheet.getRange('A1:B3').load('values');
      await context.sync();
    });
    const [s] = fake.stats.syncs;
    expect(fake.stats.syncCount).toBe(1);
    expect(s.byCategory.format).toBe(2);
    expect(s.byCategory.load).toBe(1);
    expect(s.singleCellWrites).toBe(1);
    expect(s.requestBytes).toBeGreaterThan(0);
    expect(s.responseBytes).toBeGreaterThan(JSON.stringify([['日期', '金额']]).length);
  });
});
