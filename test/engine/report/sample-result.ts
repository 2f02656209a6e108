/**
 * A small, realistic reconcile result built by hand (no reader or matcher involved), shared by the
 * report, layout and workbook tests: a 银行存款日记账 (header on row 1) against a bank export with
 * four title lines, its header on row 5 and a 合计 line at the bottom.
 */
import Decimal from 'decimal.js';
import type { Entry, ReconcileResult, Side } from '../../../src/engine/types';

function entry(side: Side, index: number, row: number, date: string, amount: string, counterparty: string, extra: Partial<Entry> = {}): Entry {
  return {
    side,
    index,
    row,
    date,
    day: Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000),
    amount: new Decimal(amount),
    document: 'movement',
    counterparty,
    reference: '',
    description: '',
    currency: 'CNY',
    balance: null,
    ...extra,
  };
}

export const LEDGER_ENTRIES: Entry[] = [
  entry('ledger', 0, 2, '2025-03-03', '12800.00', '上海华程贸易有限公司', { description: '收货款 HC-0301', reference: 'HC-0301' }),
  entry('ledger', 1, 3, '2025-03-05', '-3560.40', '北京顺达物流有限公司', { description: '付运费' }),
  entry('ledger', 2, 4, '2025-03-06', '4500.00', '杭州明远科技有限公司', { description: '收货款 第一笔' }),
  entry('ledger', 3, 5, '2025-03-06', '2300.50', '杭州明远科技有限公司', { description: '收货款 第二笔' }),
  entry('ledger', 4, 6, '2025-03-10', '-980.00', '深圳佳美办公用品', { description: '=SUM(A1) 办公用品' }),
  entry('ledger', 5, 7, '2025-03-12', '-15000.00', '国家税务总局上海市税务局', { description: '缴增值税' }),
  entry('ledger', 6, 8, '2025-03-15', '7650.33', '广州联合电子', { description: '收货款' }),
];

export const BANK_ENTRIES: Entry[] = [
  entry('bank', 0, 6, '2025-03-03', '12800.00', '上海华程贸易有限公司', { reference: 'HC-0301', description: '货款' }),
  entry('bank', 1, 7, '2025-03-05', '-3560.40', '北京顺达物流有限公司', { description: '运费' }),
  entry('bank', 2, 8, '2025-03-07', '6800.50', '杭州明远科技有限公司', { description: '货款' }),
  entry('bank', 3, 9, '2025-03-11', '-975.00', '深圳佳美办公用品', { description: '+转账 办公' }),
  entry('bank', 4, 10, '2025-03-18', '-25.00', '', { description: '手续费' }),
  entry('bank', 5, 11, '2025-03-20', '3000.00', '苏州恒达', { description: '货款' }),
];

export function sampleResult(): ReconcileResult {
  return {
    ledger: {
      side: 'ledger',
      headerRow: 1,
      columns: { date: 0, reference: 1, description: 2, counterparty: 3, inflow: 4, outflow: 5, balance: 6 },
      columnHeaders: { date: '日期', reference: '凭证号', description: '摘要', counterparty: '对方单位', inflow: '借方', outflow: '贷方', balance: '余额' },
      kind: 'cash-journal',
      decisions: [{ code: 'meaning-cash-journal', params: {} }],
      entries: LEDGER_ENTRIES,
      skipped: [{ side: 'ledger', row: 9, kind: 'total', reason: '合计行' }],
      issues: [],
    },
    bank: {
      side: 'bank',
      headerRow: 5,
      columns: { date: 0, counterparty: 1, description: 2, outflow: 3, inflow: 4, balance: 5, reference: 6 },
      columnHeaders: { date: '交易日期', counterparty: '对方户名', description: '摘要', outflow: '借方发生额', inflow: '贷方发生额', balance: '余额', reference: '流水号' },
      kind: 'bank-statement',
      decisions: [],
      entries: BANK_ENTRIES,
      skipped: [
        { side: 'bank', row: 1, kind: 'title', reason: '标题行' },
        { side: 'bank', row: 2, kind: 'title', reason: '账号' },
        { side: 'bank', row: 3, kind: 'title', reason: '户名' },
        { side: 'bank', row: 4, kind: 'title', reason: '查询期间' },
        { side: 'bank', row: 12, kind: 'total', reason: '合计' },
      ],
      issues: [{ side: 'bank', row: 11, column: 'A', severity: 'warning', message: 'Row 11, column A (交易日期): date outside the statement period' }],
    },
    matches: [
      { id: 'M1', ledger: [0], bank: [0], status: 'auto', rule: 'reference-amount', score: 0.99, difference: new Decimal('0'), reasons: [{ code: 'same-reference', params: { reference: 'HC-0301' } }, { code: 'same-amount', params: { amount: '12,800.00' } }] },
      { id: 'M2', ledger: [1], bank: [1], status: 'auto', rule: 'amount-date', score: 0.95, difference: new Decimal('0'), reasons: [{ code: 'same-amount', params: { amount: '-3,560.40' } }, { code: 'same-day', params: {} }] },
      { id: 'M3', ledger: [2, 3], bank: [2], status: 'suggested', rule: 'many-to-one', score: 0.8, difference: new Decimal('0'), reasons: [{ code: 'group-sum', params: { count: 2, side: 'ledger' } }, { code: 'date-gap', params: { days: 1 } }] },
      { id: 'M4', ledger: [4], bank: [3], status: 'suggested', rule: 'amount-tolerance', score: 0.6, difference: new Decimal('5.00'), reasons: [{ code: 'amount-difference', params: { amount: '5.00' } }, { code: 'names-agree', params: {} }] },
    ],
    unmatched: { ledger: [6, 5], bank: [4, 5] },
    ledgerDocuments: [],
    options: { dateWindowDays: 7, referenceWindowDays: 90, tolerance: new Decimal('50'), allowCombined: true, allowInstalments: true, maxGroupSize: 5, nameStrictness: 'normal' },
    decisions: [],
    groups: [],
    nextMatchNumber: 5,
  };
}
