/**
 * A 出纳流水账 kept for several accounts in one sheet against one bank's export: the account the
 * export is, by the data; the others' lines set aside with why, only when that is clear.
 */
import { reconcile } from '../../../src/engine';
import { buildReconciliation } from '../../../src/engine/report/reconciliation';
import type { CellValue } from '../../../src/engine/types';
import { formatReadText, formatReadTexts } from '../../../src/i18n/read-texts';

const JOURNAL: CellValue[][] = [
  ['日期', '凭证号', '账户', '摘要', '对方单位', '收入', '支出'],
  ['2025-06-03', '记-001', '工行基本户', '收货款', '合肥同创电子有限公司', '26800.00', ''],
  ['2025-06-03', '记-002', '现金', '报销差旅费', '张磊', '', '1280.00'],
  ['2025-06-04', '记-003', '建行一般户', '支付社保', '合肥市社会保险事业管理中心', '', '18642.36'],
  ['2025-06-06', '记-004', '工行基本户', '支付材料款', '芜湖长信新材料有限公司', '', '43500.00'],
  ['2025-06-10', '记-005', '建行一般户', '收货款', '蚌埠天宇玻璃有限公司', '9600.00', ''],
  ['2025-06-12', '记-006', '工行基本户', '支付电费', '国网安徽省电力有限公司合肥供电公司', '', '6218.90'],
  ['2025-06-18', '记-007', '工行基本户', '收货款', '马鞍山恒远机械有限公司', '31250.00', ''],
  ['2025-06-20', '记-008', '现金', '零星采购', '', '', '356.00'],
  ['2025-06-30', '记-009', '工行基本户', '收货款', '淮南金鼎贸易有限公司', '8800.00', ''],
];
const ICBC: CellValue[][] = [
  ['交易日期', '摘要', '对方户名', '借方发生额', '贷方发生额', '余额'],
  ['2025-06-03', '货款', '合肥同创电子有限公司', '', '26800.00', '176800.00'],
  ['2025-06-06', '材料款', '芜湖长信新材料有限公司', '43500.00', '', '133300.00'],
  ['2025-06-12', '电费', '国网安徽省电力有限公司合肥供电公司', '6218.90', '', '127081.10'],
  ['2025-06-19', '货款', '马鞍山恒远机械有限公司', '', '31250.00', '158331.10'],
  ['2025-06-30', '手续费', '', '15.00', '', '158316.10'],
];

describe('a journal of several accounts against one bank', () => {
  const result = reconcile({ cells: JOURNAL }, { cells: ICBC }, { ledger: { kind: 'cash-journal' } });

  it('reconciles the account the bank export is and skips the others’ rows, each saying why', () => {
    expect(result.ledger.entries.map((e) => e.row)).toEqual([2, 5, 7, 8, 10]);
    expect(result.ledger.skipped.filter((s) => s.kind === 'other-account').map((s) => s.row)).toEqual([3, 4, 6, 9]);
    expect(result.ledger.skipped.find((s) => s.row === 4)!.reason).toBe('A line of another account (建行一般户); this reconciliation is of “工行基本户”');
    expect(formatReadTexts(result.ledger.decisions, 'zh-CN')).toContain('账户（C 列）记有 3 个账户；与对方相符的是“工行基本户”（4/5 行），按此账户对账，其余账户（现金 / 建行一般户）的 4 行跳过');
  });

  it('leaves the other accounts out of the bank reconciliation statement', () => {
    const { statement } = buildReconciliation(result);
    expect(statement!.bank.add.items.map((i) => i.rows[0])).toEqual([10]);
    expect(statement!.bank.subtract.items).toEqual([]);
  });

  it('entry indices stay positions after the others are set aside', () => {
    expect(result.ledger.entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
    expect(result.matches.length).toBe(4);
  });
});

describe('when more than one account meets the other side', () => {
  it('sets nothing aside and warns', () => {
    // the bank export holds both accounts' lines (a corporate export of every account)
    const both: CellValue[][] = [...ICBC, ['2025-06-04', '社保', '合肥市社会保险事业管理中心', '18642.36', '', ''], ['2025-06-10', '货款', '蚌埠天宇玻璃有限公司', '', '9600.00', '']];
    const result = reconcile({ cells: JOURNAL.filter((r) => r[2] !== '现金') }, { cells: both }, { ledger: { kind: 'cash-journal' } });
    expect(result.ledger.skipped.filter((s) => s.kind === 'other-account')).toEqual([]);
    expect(result.ledger.issues).toEqual([expect.objectContaining({ severity: 'warning', row: 1, column: 'C', why: expect.objectContaining({ code: 'accounts-several' }) })]);
  });

  it('reads a bank export naming its one account on every row as it is', () => {
    const withAccount = ICBC.map((row, i) => [...row, i === 0 ? '本方账号' : '1302010109000123456']);
    const result = reconcile({ cells: JOURNAL.filter((r) => r[2] !== '现金' && r[2] !== '建行一般户') }, { cells: withAccount });
    expect(result.bank.entries).toHaveLength(5);
    expect(result.bank.issues).toEqual([]);
  });

  it('never takes an English report’s Account column (the contra account) for the account', () => {
    const xero: CellValue[][] = [
      ['Date', 'Description', 'Reference', 'Account', 'Debit', 'Credit'],
      ['2025-06-03', 'Payment: Acme Ltd', 'INV-101', 'Sales', '2680.00', ''],
      ['2025-06-05', 'Rent June', '', 'Rent', '', '1500.00'],
      ['2025-06-09', 'Payment: Brightsilver', 'INV-102', 'Sales', '940.00', ''],
      ['2025-06-12', 'Stationery', '', 'Office Expenses', '', '86.40'],
    ];
    const bank: CellValue[][] = [['Date', 'Description', 'Amount'], ['2025-06-03', 'ACME LTD', '2680.00'], ['2025-06-09', 'BRIGHTSILVER', '940.00'], ['2025-06-10', 'CARD 1234', '-86.40']];
    const result = reconcile({ cells: xero }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    expect(result.ledger.entries).toHaveLength(4);
  });
});

describe('our receivables ledger of every customer against one customer’s own payables ledger (往来对账)', () => {
  const ours: CellValue[][] = [
    ['日期', '凭证号', '客户名称', '摘要', '发票号', '借方', '贷方'],
    ['2025-04-02', '记-0004', '常州华源电器有限公司', '销售商品', '04518801', '18200.00', ''],
    ['2025-04-03', '记-0012', '苏州恒通机电设备有限公司', '销售商品', '04518821', '35600.00', ''],
    ['2025-04-07', '记-0019', '常州华源电器有限公司', '收到货款', '', '', '26000.00'],
    ['2025-04-08', '记-0025', '苏州恒通机电设备有限公司', '收到货款', '', '', '50000.00'],
    ['2025-04-15', '记-0041', '苏州恒通机电设备有限公司', '销售商品', '04518867', '12480.00', ''],
    ['2025-04-21', '记-0052', '南通金桥纺织有限公司', '收到货款', '', '', '7460.00'],
    ['2025-04-30', '记-0071', '苏州恒通机电设备有限公司', '销售商品', '04518951', '9750.00', ''],
  ];
  const theirs: CellValue[][] = [
    ['应付账款明细账'],
    ['日期', '凭证字号', '摘要', '借方金额', '贷方金额', '余额'],
    ['2025-04-06', '转-15', '采购材料 发票04518821', '', '35600.00', '122000.00'],
    ['2025-04-07', '付-08', '支付货款', '50000.00', '', '72000.00'],
    ['2025-04-17', '转-33', '采购材料 发票04518867', '', '12480.00', '84480.00'],
  ];

  it('reconciles only the customer whose lines meet their books, and says so', () => {
    const result = reconcile({ cells: ours }, { cells: theirs });
    expect(result.ledger.kind).toBe('receivables-ledger');
    expect(result.ledger.entries.map((e) => e.row)).toEqual([3, 5, 6, 8]);
    expect(result.ledger.skipped.filter((s) => s.kind === 'other-counterparty').map((s) => s.row)).toEqual([2, 4, 7]);
    expect(formatReadTexts(result.ledger.decisions, 'en').at(-1)).toBe(
      'The ledger has 3 counterparties; “苏州恒通机电设备有限公司” is the one whose lines meet their books (3 of 4), so only it is reconciled and the others’ (常州华源电器有限公司 / 南通金桥纺织有限公司) 3 lines are skipped',
    );
    expect(result.matches.every((m) => m.status === 'auto')).toBe(true);
    expect(result.unmatched.ledger.map((i) => result.ledger.entries[i].row)).toEqual([8]);
  });

  it('keeps every customer when the other side is the bank', () => {
    const bank: CellValue[][] = [['交易日期', '对方户名', '收入金额', '支出金额'], ['2025-04-07', '常州华源电器有限公司', '26000.00', ''], ['2025-04-08', '苏州恒通机电设备有限公司', '50000.00', ''], ['2025-04-21', '南通金桥纺织有限公司', '7460.00', '']];
    const result = reconcile({ cells: ours }, { cells: bank });
    expect(result.ledger.skipped.filter((s) => s.kind === 'other-counterparty')).toEqual([]);
  });
});

describe('keepOneAccount on entries a host built without cents', () => {
  it('keys amounts by their value, not by a missing cents field', async () => {
    const { keepOneAccount } = await import('../../../src/engine/read/accounts');
    const { readSideDetailed } = await import('../../../src/engine/read/read-side');
    const ledger = readSideDetailed({ cells: JOURNAL }, { side: 'ledger', kind: 'cash-journal' });
    const bank = readSideDetailed({ cells: ICBC }, { side: 'bank' });
    // the same entries as plain objects (a host's copy): amount kept, cents absent
    ledger.result.entries = ledger.result.entries.map((e) => ({ ...e, amount: e.amount }));
    const other = { ...bank.result, entries: bank.result.entries.map((e) => ({ ...e, amount: e.amount })) };
    keepOneAccount(ledger, other, 7);
    expect(ledger.result.entries.map((e) => e.row)).toEqual([2, 5, 7, 8, 10]);
  });
});

describe('a cash book in two currencies against one currency\'s account', () => {
  const journal: CellValue[][] = [
    ['日期', '憑證號', '摘要', '幣別', '收入', '支出'],
    ['2025-07-02', 'JV-101', '收 永昌貿易 貨款', 'HKD', '86,500.00', ''],
    ['2025-07-03', 'JV-102', '付 租金 7月', 'HKD', '', '42,000.00'],
    ['2025-07-05', 'JV-103', '收 Pacific Rim Trading 貨款', 'USD', '12,800.00', ''],
    ['2025-07-08', 'JV-104', '付 電費 中電', 'HKD', '', '3,862.40'],
    ['2025-07-10', 'JV-105', '付 Shenzhen Huafeng 貨款', 'USD', '', '9,650.00'],
    ['2025-07-15', 'JV-106', '收 利達五金 貨款', 'HKD', '23,180.00', ''],
  ];
  const hsbc: CellValue[][] = [
    ['Date', 'Transaction Details', 'Deposit', 'Withdrawal', 'Balance'],
    ['02Jul2025', 'CR WING CHEONG TRADING', '86500.00', '', '586500.00'],
    ['03Jul2025', 'DR RENT JUL', '', '42000.00', '544500.00'],
    ['08Jul2025', 'DR CLP POWER', '', '3862.40', '540637.60'],
    ['15Jul2025', 'CR LEE TAT HARDWARE', '23180.00', '', '563817.60'],
  ];
  it('sets the other currency\'s lines aside, each saying so, and says which currency is reconciled', () => {
    const result = reconcile({ cells: journal }, { cells: hsbc }, { ledger: { kind: 'cash-journal' } });
    expect(result.ledger.entries.map((e) => e.row)).toEqual([2, 3, 5, 7]);
    expect(result.ledger.skipped.filter((s) => s.kind === 'other-account').map((s) => [s.row, formatReadText(s.why!, 'zh-TW')])).toEqual([
      [4, '另一幣別（USD）的記錄；本次對帳的是 HKD 帳戶'],
      [6, '另一幣別（USD）的記錄；本次對帳的是 HKD 帳戶'],
    ]);
    expect(result.ledger.decisions.map((d) => d.code)).toContain('currency-chosen');
    expect(result.unmatched.ledger).toEqual([]);
  });
  it('keeps every line when the bank meets both currencies (no clear account)', () => {
    const both = [...hsbc, ['05Jul2025', 'CR PACIFIC RIM TRADING', '12800.00', '', '576617.60'], ['10Jul2025', 'DR SHENZHEN HUAFENG', '', '9650.00', '566967.60'], ['11Jul2025', 'DR SHENZHEN HUAFENG', '', '1.00', '566966.60']];
    const result = reconcile({ cells: journal }, { cells: both }, { ledger: { kind: 'cash-journal' } });
    expect(result.ledger.entries).toHaveLength(6);
    expect(result.ledger.issues.map((i) => i.why?.code)).toContain('currencies-several');
  });
});

describe('a 序时账 (every account’s voucher lines) selected for the bank’s', () => {
  const VOUCHERS: CellValue[][] = [
    ['日期', '凭证字号', '摘要', '科目代码', '科目名称', '借方金额', '贷方金额'],
    ['2025-06-03', '记-1', '收货款', '1002.01', '银行存款_工商银行', '26800.00', ''],
    ['2025-06-03', '记-1', '收货款', '1122', '应收账款_合肥同创电子有限公司', '', '26800.00'],
    ['2025-06-06', '记-4', '支付材料款', '2202', '应付账款_芜湖长信新材料有限公司', '43500.00', ''],
    ['2025-06-06', '记-4', '支付材料款', '1002.01', '银行存款_工商银行', '', '43500.00'],
    ['2025-06-12', '记-6', '支付电费', '6602.08', '管理费用_水电费', '6218.90', ''],
    ['2025-06-12', '记-6', '支付电费', '1002.01', '银行存款_工商银行', '', '6218.90'],
    ['2025-06-18', '记-7', '收货款', '1002.01', '银行存款_工商银行', '31250.00', ''],
    ['2025-06-18', '记-7', '收货款', '1122', '应收账款_马鞍山恒远机械有限公司', '', '31250.00'],
  ];

  it('reconciles the bank account’s lines, named by 科目名称, and sets every other account’s aside', () => {
    const result = reconcile({ cells: VOUCHERS }, { cells: ICBC }, { ledger: { kind: 'cash-journal' } });
    expect(result.ledger.entries.map((e) => [e.row, e.amount.toFixed(2)])).toEqual([[2, '26800.00'], [5, '-43500.00'], [7, '-6218.90'], [8, '31250.00']]);
    expect(result.ledger.skipped.filter((s) => s.kind === 'other-account').map((s) => s.row)).toEqual([3, 4, 6, 9]);
    expect(result.ledger.skipped.find((s) => s.row === 3)!.reason).toBe('A line of another account (应收账款_合肥同创电子有限公司); this reconciliation is of “银行存款_工商银行”');
    expect(result.matches).toHaveLength(4);
  });

  it('but a 日记账’s 科目 column, the contra account of each line, does not split the book', () => {
    const journal: CellValue[][] = [
      ['日期', '凭证号', '摘要', '科目', '收入', '支出'],
      ['2025-06-03', '记-001', '收货款', '应收账款', '26800.00', ''],
      ['2025-06-06', '记-004', '支付材料款', '应付账款', '', '43500.00'],
      ['2025-06-12', '记-006', '支付电费', '管理费用', '', '6218.90'],
      ['2025-06-18', '记-007', '收货款', '应收账款', '31250.00', ''],
    ];
    const result = reconcile({ cells: journal }, { cells: ICBC }, { ledger: { kind: 'cash-journal' } });
    expect(result.ledger.entries).toHaveLength(4);
    expect(result.ledger.skipped.filter((s) => s.kind === 'other-account')).toEqual([]);
    expect(result.ledger.issues).toEqual([]);
    expect(result.matches).toHaveLength(4);
  });
});
