/** Journals in the paper layout: 月 and 日 columns, the year above, month and day each written once. */
import { readSide } from '../../../src/engine';
import { joinSplitDates } from '../../../src/engine/read/split-dates';
import type { CellValue } from '../../../src/engine/types';

const cells: CellValue[][] = [
  ['银行存款日记账', '', '', '', '', ''],
  ['2025年', '', '', '', '', ''],
  ['月', '日', '摘要', '借方', '贷方', '余额'],
  [2, 27, '收华兴货款', '9,400.00', '', '120,000.00'],
  ['3', '3', '收华兴货款', '18,500.00', '', '138,500.00'],
  ['', '', '付明达材料款', '', '6,200.00', '132,300.00'],
  ['', '８', '收恒丰货款', '9,600.00', '', '141,900.00'],
];

describe('月 and 日 in two columns', () => {
  it('joins them into the month column of a copy, carrying the month down', () => {
    const split = joinSplitDates(cells)!;
    expect(split).toMatchObject({ month: 0, day: 1, headerIndex: 2 });
    expect(split.cells.map((r) => r[0])).toEqual(['银行存款日记账', '2025年', '日期', '2月27日', '3月3日', '', '3月8日']);
    expect(cells[2][0]).toBe('月'); // the user's cells are not changed
  });

  it('reads the side with the year from the title, a blank day taking the line above, and says both', () => {
    const read = readSide({ cells }, { side: 'ledger' });
    expect(read.entries.map((e) => [e.row, e.date])).toEqual([[4, '2025-02-27'], [5, '2025-03-03'], [6, '2025-03-03'], [7, '2025-03-08']]);
    expect(read.decisions.map((d) => d.code)).toEqual(expect.arrayContaining(['split-dates', 'dates-carried']));
    expect(read.decisions.find((d) => d.code === 'split-dates')?.params).toEqual({ month: '月', monthColumn: 'A', day: '日', dayColumn: 'B' });
  });

  it('leaves a header that has a date column alone', () => {
    expect(joinSplitDates([['日期', '月', '日', '金额'], ['2025-03-03', 3, 3, '1.00']])).toBeNull();
    expect(joinSplitDates([['摘要', '月', '金额']])).toBeNull();
  });

  it('reads a printed page whose header is two rows: 2025年 over 月 | 日, 凭证 over 字 | 号, 借方 and 贷方 over 金额', () => {
    const printed: CellValue[][] = [
      ['银行存款日记账', '', '', '', '', '', '', '', ''],
      ['2025年', '', '凭证', '', '摘要', '借方', '贷方', '借或贷', '余额'],
      ['月', '日', '字', '号', '', '金额', '金额', '', ''],
      ['3', '1', '', '', '期初余额', '', '', '借', '86,420.00'],
      ['', '3', '记', '0003', '收到杭州明远科技货款', '25,000.00', '', '借', '111,420.00'],
      ['', '5', '记', '0007', '支付上海恒基物业房租', '', '12,000.00', '借', '99,420.00'],
    ];
    const split = joinSplitDates(printed)!;
    expect(split.headerIndex).toBe(2);
    expect(split.cells[2]).toEqual(['日期', '日', '凭证字', '号', '摘要', '借方金额', '贷方金额', '借或贷', '余额']);
    expect(printed[2][5]).toBe('金额'); // the user's cells are not changed
    const read = readSide({ cells: printed }, { side: 'ledger' });
    expect(read.columnHeaders).toMatchObject({ date: '日期', inflow: '借方金额', outflow: '贷方金额', balance: '余额' });
    expect(read.entries.map((e) => [e.row, e.date, e.amount.toFixed(2)])).toEqual([
      [5, '2025-03-03', '25000.00'],
      [6, '2025-03-05', '-12000.00'],
    ]);
  });

  it('does not take a data line above a 月/日 header for the header’s first row', () => {
    // the row above holds figures: a header of one row, as before
    const oneRow: CellValue[][] = [
      ['2025', '3', '', '', '', ''],
      ['月', '日', '摘要', '借方', '贷方', '余额'],
      ['3', '3', '收华兴货款', '18,500.00', '', '138,500.00'],
    ];
    expect(joinSplitDates(oneRow)!.cells[1]).toEqual(['日期', '日', '摘要', '借方', '贷方', '余额']);
  });
});
