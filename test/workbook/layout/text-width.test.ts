/**
 * Widths of a sheet Recon makes from a CSV (the command line's --out, the standalone page): a
 * teammate opening it must see dates, names and amounts whole, not `2025-03-0` and `####`.
 */
import ExcelJS from 'exceljs';
import { fittedColumnWidths, textWidth } from '../../../src/workbook/layout/text-width';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsx-workbook';
import type { CellValue } from '../../../src/engine/types';

// A bank export as pasted: title lines, a header, movements, a total line.
const ICBC = [
  ['中国工商银行 明细查询 账号: 1001 2100 0900 0098 765 户名: 上海锦程贸易有限公司 查询期间 2025-03-01 至 2025-03-31'],
  [],
  ['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额', '备注'],
  ['2025-03-03', '货款', '苏州华兴电子有限公司', '18,600.00', '', 375420, '=HYPERLINK("x")'],
  ['2025-03-05', '房租', '上海徐汇置业有限公司', '', '15,000.00', 360420.5, ''],
  ['2025-03-31', '合计', '', '18,600.00', '15,000.00', '', 'x'.repeat(300)],
];

describe('fittedColumnWidths', () => {
  it('counts Chinese characters twice and leaves title lines out', () => {
    expect(textWidth('苏州华兴电子有限公司')).toBe(20);
    expect(textWidth('ＡＢ１')).toBe(6); // full-width letters and digits
    expect(textWidth('Brightsilver Ltd')).toBe(16);
    const widths = fittedColumnWidths(ICBC);
    // A: the dates (10) and the header 交易日期 (8), not the 70-character title above
    expect(widths[0]).toBe(12);
    expect(widths[1]).toBeUndefined(); // 摘要, 货款: the default width shows them
    expect(widths[2]).toBe(22); // 苏州华兴电子有限公司 + room
    expect(widths[3]).toBe(11); // 18,600.00
    expect(widths[5]).toBe(10); // 360420.5 as General shows it
    expect(widths[6]).toBe(50); // a long memo is capped
  });

  it('measures numbers as their column’s format shows them: a date serial as a date, an amount with separators', () => {
    const rows: CellValue[][] = [
      ['日期', '摘要', '收入'],
      [45719, '收到貨款', 1234567.5],
    ];
    expect(fittedColumnWidths(rows)).toEqual([undefined, 10, 11]); // General: 45719 and 1234567.5
    expect(fittedColumnWidths(rows, ['yyyy/m/d', undefined, '#,##0.00'])).toEqual([12, 10, 14]); // 2025/3/3, 1,234,567.50
  });

  it('looks at a sample of a very long sheet, the same answer each time', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => ['2025-03-01', `客户${i % 97}`, String(i)]);
    rows[299_999] = ['2025-03-01', '一个很长的客户名称有限责任公司', '1'];
    const widths = fittedColumnWidths(rows);
    expect(widths).toEqual(fittedColumnWidths(rows));
    expect(widths[0]).toBe(12);
    expect(widths[2]).toBeUndefined(); // at most 6 digits
  });

  it('gives a workbook made from a CSV these widths, values untouched', async () => {
    const book = XlsxWorkbook.fromSheets([{ name: 'icbc', values: ICBC }]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await book.toBytes()) as unknown as ArrayBuffer);
    const ws = read.getWorksheet('icbc')!;
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([12, undefined, 22, 11]);
    expect(ws.getCell('G4').value).toBe('=HYPERLINK("x")'); // text stays text
    expect(ws.getCell('A1').value).toBe(ICBC[0][0]);
  });
});
