/**
 * A receivables or payables ledger exported by customer (用友/金蝶 辅助明细账): no customer column,
 * each block headed `客户：100301 广西瑞丰商贸有限公司`. The lines below a heading are that customer's.
 */
import { readBothSides, readSide } from '../../../src/engine';
import { partyAt, sectionParty } from '../../../src/engine/read/section-headings';
import type { CellValue } from '../../../src/engine/types';

describe('sectionParty', () => {
  it.each([
    [['客户：100301 广西瑞丰商贸有限公司', '', ''], '广西瑞丰商贸有限公司'],
    [['客户: [100305]厦门金源贸易有限公司'], '厦门金源贸易有限公司'],
    [['', '客戶：台北永興貿易股份有限公司    期間：114年3月'], '台北永興貿易股份有限公司'],
    [['供应商：', '佛山永昌包装材料有限公司'], '佛山永昌包装材料有限公司'],
    [['往来单位：C-0012 东莞华泰电子科技有限公司'], '东莞华泰电子科技有限公司'],
    [['Customer: ACME Trading Ltd.'], 'ACME Trading Ltd.'],
    [['Customer: 3M China Ltd'], '3M China Ltd'],
  ] as [CellValue[], string][])('%j names %s', (row, name) => {
    expect(sectionParty(row)).toBe(name);
  });

  it.each([
    [['科目：1122 应收账款', '', '期间：2025.03']],
    [['期间：2025.03']],
    [['客户：']],
    [['收回货款 客户：广西瑞丰']],
    [['应收账款明细账']],
  ] as [CellValue[]][])('%j names no one', (row) => {
    expect(sectionParty(row)).toBeNull();
  });

  it('finds the heading above a row', () => {
    const headings = [{ row: 3, name: '甲' }, { row: 9, name: '乙' }];
    expect([1, 3, 5, 9, 20].map((r) => partyAt(headings, r))).toEqual(['', '甲', '甲', '乙', '乙']);
  });
});

const ledger: CellValue[][] = [
  ['应收账款明细账', '', '', '', '', '', ''],
  ['科目：1122 应收账款', '', '', '', '', '', '期间：2025.03'],
  ['客户：100301 广西瑞丰商贸有限公司', '', '', '', '', '', ''],
  ['日期', '凭证号', '摘要', '借方', '贷方', '方向', '余额'],
  ['2025-03-01', '', '期初余额', '', '', '借', '35,600.00'],
  ['2025-03-05', '记-0008', '销售商品 发票44120865', '15,680.00', '', '借', '51,280.00'],
  ['2025-03-18', '记-0031', '收回货款', '', '35,600.00', '借', '15,680.00'],
  ['', '', '本月合计', '15,680.00', '35,600.00', '借', '15,680.00'],
  ['客户：100305 厦门金源贸易有限公司', '', '', '', '', '', ''],
  ['日期', '凭证号', '摘要', '借方', '贷方', '方向', '余额'],
  ['2025-03-01', '', '期初余额', '', '', '借', '12,450.00'],
  ['2025-03-10', '记-0019', '销售商品 发票44120890', '8,800.00', '', '借', '21,250.00'],
  ['2025-03-21', '记-0040', '收回货款', '', '12,450.00', '借', '8,800.00'],
  ['', '', '本月合计', '8,800.00', '12,450.00', '借', '8,800.00'],
];
const bank: CellValue[][] = [
  ['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额'],
  ['2025-03-18', '货款', '广西瑞丰商贸有限公司', '35,600.00', '', '135,600.00'],
  ['2025-03-21', '货款', '厦门金源贸易有限公司', '12,450.00', '', '148,050.00'],
];

describe('a receivables ledger exported by customer', () => {
  it('gives each line the customer of its block, says so, and names the headings among the skipped rows', () => {
    const { ledger: read } = readBothSides({ cells: ledger }, { cells: bank }, { dateWindowDays: 7 });
    expect(read.kind).toBe('receivables-ledger');
    expect(read.entries.map((e) => [e.row, e.counterparty])).toEqual([
      [6, '广西瑞丰商贸有限公司'], [7, '广西瑞丰商贸有限公司'], [12, '厦门金源贸易有限公司'], [13, '厦门金源贸易有限公司'],
    ]);
    expect(read.decisions).toContainEqual({ code: 'parties-from-sections', params: { count: 4, parties: 2, found: '广西瑞丰商贸有限公司' } });
    expect(read.skipped.filter((s) => s.why?.code === 'skip-section').map((s) => [s.row, s.kind])).toEqual([[3, 'title'], [9, 'note']]);
  });

  it('reads the same when the side is read alone (the pane’s preview)', () => {
    expect(readSide({ cells: ledger }, { side: 'ledger' }).entries.map((e) => e.counterparty)).toEqual(['广西瑞丰商贸有限公司', '广西瑞丰商贸有限公司', '厦门金源贸易有限公司', '厦门金源贸易有限公司']);
  });

  it('keeps a customer column’s own names where a line has one', () => {
    const withColumn = ledger.map((row, i) => [...row, i === 3 || i === 9 ? '客户名称' : i === 5 ? '瑞丰商贸' : '']);
    const { ledger: read } = readBothSides({ cells: withColumn }, { cells: bank }, { dateWindowDays: 7 });
    expect(read.entries.map((e) => e.counterparty)).toEqual(['瑞丰商贸', '广西瑞丰商贸有限公司', '厦门金源贸易有限公司', '厦门金源贸易有限公司']);
  });

  it('leaves a bank statement’s lines alone: its 户名 heading is the account holder', () => {
    const headed: CellValue[][] = [['客户：南宁力拓机电设备有限公司'], ...bank];
    const { bank: read } = readBothSides({ cells: ledger }, { cells: headed }, { dateWindowDays: 7 });
    expect(read.entries.map((e) => e.counterparty)).toEqual(['广西瑞丰商贸有限公司', '厦门金源贸易有限公司']);
    const nameless: CellValue[][] = [['客户：南宁力拓机电设备有限公司'], ...bank.map((r) => [r[0], r[1], r[3], r[4], r[5]])];
    expect(readBothSides({ cells: ledger }, { cells: nameless }, { dateWindowDays: 7 }).bank.entries.map((e) => e.counterparty)).toEqual(['', '']);
  });
});
