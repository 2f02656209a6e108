/**
 * The sheets behind test/engine/report/sample-result.ts, as a user would have them in Excel:
 * a 银行存款日记账 with its header on row 1 and a 合计 line on row 9, and a bank export with four
 * title lines, its header on row 5 and a 合计 line on row 12.
 */
import type { CellValue } from '../../../src/engine/types';

export const LEDGER_SHEET = '日记账';
export const BANK_SHEET = 'Bank export';

export const LEDGER_VALUES: CellValue[][] = [
  ['日期', '凭证号', '摘要', '对方单位', '借方', '贷方', '余额'],
  ['2025-03-03', 'HC-0301', '收货款 HC-0301', '上海华程贸易有限公司', 12800, null, 112800],
  ['2025-03-05', '记-12', '付运费', '北京顺达物流有限公司', null, 3560.4, 109239.6],
  ['2025-03-06', '记-13', '收货款 第一笔', '杭州明远科技有限公司', 4500, null, 113739.6],
  ['2025-03-06', '记-14', '收货款 第二笔', '杭州明远科技有限公司', 2300.5, null, 116040.1],
  ['2025-03-10', '记-15', '=SUM(A1) 办公用品', '深圳佳美办公用品', null, 980, 115060.1],
  ['2025-03-12', '记-16', '缴增值税', '国家税务总局上海市税务局', null, 15000, 100060.1],
  ['2025-03-15', '记-17', '收货款', '广州联合电子', 7650.33, null, 107710.43],
  ['合计', null, null, null, 27250.83, 19540.4, 107710.43],
];

export const BANK_VALUES: CellValue[][] = [
  ['中国工商银行 账户明细', null, null, null, null, null, null],
  ['账号: 6222 0212 3456 7890 123', null, null, null, null, null, null],
  ['户名: 上海某某贸易有限公司', null, null, null, null, null, null],
  ['查询期间: 2025-03-01 至 2025-03-31', null, null, null, null, null, null],
  ['交易日期', '对方户名', '摘要', '借方发生额', '贷方发生额', '余额', '流水号'],
  ['20250303', '上海华程贸易有限公司', '货款', null, '12,800.00', '112,800.00', 'HC-0301'],
  ['20250305', '北京顺达物流有限公司', '运费', '3,560.40', null, '109,239.60', 'B0002'],
  ['20250307', '杭州明远科技有限公司', '货款', null, '6,800.50', '116,040.10', 'B0003'],
  ['20250311', '深圳佳美办公用品', '+转账 办公', '975.00', null, '115,065.10', 'B0004'],
  ['20250318', '', '手续费', '25.00', null, '115,040.10', 'B0005'],
  ['20250320', '苏州恒达', '货款', null, '3,000.00', '118,040.10', 'B0006'],
  ['合计', null, null, '4,560.40', '22,600.50', null, null],
];

export const LEDGER_ADDRESS = '日记账!A1:G9';
export const BANK_ADDRESS = "'Bank export'!A1:G12";
