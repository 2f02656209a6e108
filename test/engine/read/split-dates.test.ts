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
});
