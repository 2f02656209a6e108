/**
 * A single amount column empty on the rows another, unnamed column carries (a money-in / money-out pair
 * with one half unrecognised) is refused with a message naming both columns, never read as "rows with
 * no amount" on half the file.
 */
import { readSide } from '../../../src/engine/read/read-side';
import type { CellValue, ReadOptions } from '../../../src/engine/types';
import { formatReadText } from '../../../src/i18n/read-texts';

const read = (cells: CellValue[][], options: Partial<ReadOptions> = {}) => readSide({ cells }, { side: 'bank', ...options });

// 提款 recognised as the amount once; 入帳 (an account's own word for deposits) not a header word
const HALF_KNOWN: CellValue[][] = [
  ['日期', '摘要', '金額', '入帳', '餘額'],
  ['2025/03/03', '跨行轉入', '', '126,000', '1,412,450'],
  ['2025/03/05', '網銀轉出', '85,000', '', '1,327,450'],
  ['2025/03/07', '跨行轉入', '', '84,000', '1,411,450'],
  ['2025/03/10', '網銀轉出', '64,260', '', '1,347,190'],
];

describe('one half of a money-in / money-out pair left unread', () => {
  it('is refused, naming the two columns and a row, in every language', () => {
    const result = read(HALF_KNOWN);
    expect(result.entries).toEqual([]);
    const error = result.issues.find((issue) => issue.severity === 'error')!;
    expect(error.why).toEqual({
      code: 'amount-other-half',
      params: { row: 2, column: 'C', header: '金額', other: 'D', otherHeader: '入帳', count: 2, found: '126,000' },
    });
    expect(error.message).toBe(
      'Column C (金額) is read as the amount, but it is empty on 2 rows where column D (入帳) holds an amount (row 2: "126,000"): D looks like the other half of a money-in / money-out pair. Choose the columns: which one is money in and which money out',
    );
    expect(formatReadText(error.why!, 'zh-TW')).toContain('D 欄（入帳）有金額（第 2 列：「126,000」）');
    expect(formatReadText(error.why!, 'zh-CN')).toContain('哪一列是收入、哪一列是支出');
  });

  it('also when the half that was read is a money-in column (a register whose money-out header is unknown)', () => {
    const register: CellValue[][] = [
      ['Num', 'Date', 'Description', 'Cheques drawn', 'Deposit (+)', 'Balance'],
      ['DEBIT', '3/2/2025', 'Staples - printer ink', '46.18', '', '8,168.37'],
      ['1187', '3/3/2025', 'Lakeview Properties - March rent', '1,250.00', '', '6,918.37'],
      ['DEP', '3/6/2025', 'Client payment - Hanna Studio', '', '2,400.00', '9,318.37'],
      ['ACH', '3/10/2025', 'ComEd', '212.40', '', '9,105.97'],
    ];
    const result = read(register, { side: 'ledger' });
    expect(result.entries).toEqual([]);
    expect(result.issues.find((issue) => issue.severity === 'error')?.why).toEqual({
      code: 'amount-other-half',
      params: { row: 2, column: 'E', header: 'Deposit (+)', other: 'D', otherHeader: 'Cheques drawn', count: 3, found: '46.18' },
    });
  });

  it('reads the pair once the columns are given', () => {
    const result = read(HALF_KNOWN, { columns: { date: 0, description: 1, outflow: 2, inflow: 3, balance: 4 } });
    expect(result.entries.map((e) => e.amount.toFixed(2))).toEqual(['126000.00', '-85000.00', '84000.00', '-64260.00']);
  });

  it('leaves alone a column filled beside the amount too (an account number, a fee) and a lone empty amount', () => {
    const cells: CellValue[][] = [
      ['日期', '摘要', '金額', '對方帳號'],
      ['2025/03/03', '跨行轉入', '126,000', '1234567890'],
      ['2025/03/05', '網銀轉出', '-85,000', '9988776655'],
      ['2025/03/06', '網銀轉出', '', '9988776655'],
      ['2025/03/07', '跨行轉入', '84,000', '5566778899'],
    ];
    const result = read(cells);
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.entries).toHaveLength(3);
  });
});
