/**
 * A small, realistic month for the pane's tests: a company's 银行存款日记账 (cash journal) as an
 * accountant keeps it in Excel (dates as Excel serials, 借方/贷方 columns, an opening-balance line
 * and a 本月合计 line) beside its ICBC-style bank export pasted into another sheet (title lines
 * above the header, dates as 20250303 text, 收入/支出 columns, a 合计 line below).
 *
 * What a reconciliation should find, by construction:
 *   exact pairs            15,000.00 · 3,260.00 (bank a day later) · 86,540.00 · 12,800.00 (a day later) · 9,999.99
 *   within tolerance       48,000.00 invoiced, 47,985.00 received (15.00 bank fee withheld)
 *   two receipts, one line 6,000.00 + 4,000.00 in the books, 10,000.00 at the bank
 *   only in the books      -25,000.00 to 苏州新纪元设备有限公司 (cheque not yet presented)
 *   only at the bank       -25.00 手续费 and +132.45 利息 (not yet booked)
 */
import type { CellValue } from '../../src/engine/types';
import { quoteSheetName } from '../../src/workbook/layout/a1';
import type { MemorySheetInit } from '../../src/workbook/memory/memory-workbook';

/** Excel's serial day number of a date (what Office.js hands over for a date cell). */
export function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const d = (day: number) => excelSerial(2025, 3, day);

export const LEDGER_SHEET = '日记账';
export const BANK_SHEET = '工行流水';

export const LEDGER_ROWS: CellValue[][] = [
  ['银行存款日记账', null, null, null, null, null, null],
  ['科目：1002.01 银行存款—工商银行西湖支行', null, null, null, null, null, '2025年3月'],
  ['日期', '凭证号', '摘要', '对方单位', '借方金额', '贷方金额', '余额'],
  [d(1), null, '期初余额', null, null, null, 100000],
  [d(3), '记-003', '收到货款', '上海明远贸易有限公司', 15000, null, 115000],
  [d(5), '记-007', '支付运费', '杭州顺达物流有限公司', null, 3260, 111740],
  [d(10), '记-012', '发放2月工资', '杭州青禾科技有限公司工资户', null, 86540, 25200],
  [d(12), '记-015', '收到货款', '北京远景电子有限公司', 48000, null, 73200],
  [d(18), '记-021', '支付包装材料款', '宁波华光包装材料厂', null, 12800, 60400],
  [d(20), '记-024', '收到货款（第1笔）', '广州百川商贸有限公司', 6000, null, 66400],
  [d(22), '记-026', '收到货款（第2笔）', '广州百川商贸有限公司', 4000, null, 70400],
  [d(25), '记-029', '支付设备款（转账支票）', '苏州新纪元设备有限公司', null, 25000, 45400],
  [d(29), '记-031', '收到服务费', '深圳星辰网络科技有限公司', 9999.99, null, 55399.99],
  [null, null, '本月合计', null, 82999.99, 127600, 55399.99],
];

export const BANK_ROWS: CellValue[][] = [
  ['中国工商银行账户历史明细', null, null, null, null, null, null, null],
  ['账号：1202 0210 0900 1234 567', null, '户名：杭州青禾科技有限公司', null, null, null, null, null],
  ['查询期间：20250301-20250331', null, null, null, null, null, null, null],
  ['交易日期', '摘要', '对方户名', '对方账号', '收入金额', '支出金额', '余额', '交易流水号'],
  ['20250303', '货款', '上海明远贸易有限公司', '3100 2345 6789', '15,000.00', '', '115,000.00', 'HZ25030300112'],
  ['20250306', '运费', '杭州顺达物流有限公司', '1202 0055 6621', '', '3,260.00', '111,740.00', 'HZ25030600871'],
  ['20250310', '代发工资', '杭州青禾科技有限公司工资户', '1202 0210 0900 7654', '', '86,540.00', '25,200.00', 'HZ25031000023'],
  ['20250313', '货款', '北京远景电子有限公司', '1100 8866 1234', '47,985.00', '', '73,185.00', 'HZ25031300419'],
  ['20250315', '手续费', '', '', '', '25.00', '73,160.00', 'HZ25031500002'],
  ['20250319', '材料款', '宁波华光包装材料厂', '3901 2288 0101', '', '12,800.00', '60,360.00', 'HZ25031900655'],
  ['20250322', '货款', '广州百川商贸有限公司', '3602 1199 8877', '10,000.00', '', '70,360.00', 'HZ25032200310'],
  ['20250328', '利息', '', '', '132.45', '', '70,492.45', 'HZ25032800001'],
  ['20250329', '服务费', '深圳星辰网络科技有限公司', '4000 1234 5566', '9,999.99', '', '80,492.44', 'HZ25032900777'],
  ['合计', '', '', '', '83,117.44', '102,625.00', '', ''],
];

/** Both sheets, plus a sheet of the user's notes that must stay untouched. */
export function marchBooks(): MemorySheetInit[] {
  return [
    { name: LEDGER_SHEET, values: LEDGER_ROWS, fills: { E5: '#FFFF00' } },
    { name: BANK_SHEET, values: BANK_ROWS },
    { name: '备注', values: [['=SUM(1,2) 这一格是文本，不是公式'], ['三月对账：王会计']] },
  ];
}

/** The full ranges as Excel writes their addresses (Chinese sheet names need no quotes). */
export const LEDGER_RANGE = `${quoteSheetName(LEDGER_SHEET)}!A1:G14`;
export const BANK_RANGE = `${quoteSheetName(BANK_SHEET)}!A1:H14`;
