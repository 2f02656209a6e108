import fc from 'fast-check';
import { readSide } from '../../../src/engine/read/read-side';
import type { CellValue, ReadIssue, ReadOptions, ReadResult } from '../../../src/engine/types';
import { formatReadTexts } from '../../../src/i18n/read-texts';

/** Every row of the cells is in exactly one of entries or skipped. */
function expectEveryRowOnce(result: ReadResult, rowCount: number, firstRow = 1): void {
  const rows = [...result.entries.map((e) => e.row), ...result.skipped.map((s) => s.row)].sort((a, b) => a - b);
  expect(rows).toEqual(Array.from({ length: rowCount }, (_, i) => firstRow + i));
}

/** Issues as the English contract has them (the code and params are checked in read-texts tests). */
const withoutWhy = ({ why: _why, ...issue }: ReadIssue) => issue;
const amounts = (result: ReadResult) => result.entries.map((e) => e.amount.toFixed(2));
const skippedKinds = (result: ReadResult) => result.skipped.map((s) => `${s.row}:${s.kind}`);

function read(cells: CellValue[][], options: Partial<ReadOptions> = {}, firstRow?: number, firstColumn?: number): ReadResult {
  const result = readSide({ cells, firstRow, firstColumn }, { side: 'bank', ...options });
  expectEveryRowOnce(result, cells.length, firstRow);
  return result;
}

describe('readSide: a total labelled in another text column', () => {
  // An English cash book whose closing line is dated and says Total under Details, not under Memo.
  const cells: CellValue[][] = [
    ['Doc Date', 'Doc No', 'Memo', 'Invoice', 'Client', 'Details', 'Receipts', 'Payments'],
    ['2025-03-03', 'CB-001', 'Customer payment', 'INV-1001', 'Acme Ltd', 'Bank transfer', '1,200.00', ''],
    ['2025-03-04', 'CB-002', 'Payment to supplier', '', 'Total Energies UK', 'Fuel', '', '310.50'],
    ['2025-03-31', '', '', '', '', 'Total', '1,200.00', '310.50'],
  ];
  const result = read(cells, { side: 'ledger' });

  it('skips the line as a total and keeps a counterparty whose name starts with the word', () => {
    expect(skippedKinds(result)).toEqual(['1:header', '4:total']);
    expect(result.entries.map((e) => e.counterparty)).toEqual(['Acme Ltd', 'Total Energies UK']);
  });
});

describe('readSide: a Chinese bank statement', () => {
  const cells: CellValue[][] = [
    ['中国工商银行对公账户明细'],
    ['账号：', '1202 0000 0000 0000 123', '户名：', '上海某某贸易有限公司'],
    ['查询期间：2025-03-01 至 2025-03-31'],
    [],
    ['交易日期', '凭证号', '摘要', '对方户名', '借方发生额', '贷方发生额', '余额', '币种'],
    ['2025-03-03', 'FP20250301', '货款', '甲公司', '', '12,000.00', '112,000.00', '人民币'],
    ['2025/3/5', '', '付供应商', '乙公司', '3,456.78', '', '108,543.22', '人民币'],
    ['20250306', '', '手续费', '', '15.00', '-', '108,528.22', '人民币'],
    ['2025年3月7日', 'INV-7', '退款', '丙公司', '(200.00)', '', '108,728.22', '人民币'],
    ['本页合计', '', '', '', '3,271.78', '12,000.00', '', ''],
    ['以上数据仅供参考，具体内容请以柜台为准'],
  ];

  const result = read(cells);

  it('finds the header after the title lines and maps the roles', () => {
    expect(result.headerRow).toBe(5);
    expect(result.columns).toEqual({ date: 0, reference: 1, description: 2, counterparty: 3, outflow: 4, inflow: 5, balance: 6, currency: 7 });
    expect(result.columnHeaders.outflow).toBe('借方发生额');
    expect(result.kind).toBe('bank-statement');
  });

  it('signs amounts as cash effect on our account: 借方发生额 is money out on a bank statement', () => {
    expect(amounts(result)).toEqual(['12000.00', '-3456.78', '-15.00', '200.00']);
    expect(result.entries.map((e) => e.date)).toEqual(['2025-03-03', '2025-03-05', '2025-03-06', '2025-03-07']);
    expect(result.entries.every((e) => e.document === 'movement')).toBe(true);
    expect(result.entries[0]).toMatchObject({ reference: 'FP20250301', counterparty: '甲公司', description: '货款', currency: 'CNY', row: 6, index: 0 });
    expect(result.entries[1].balance?.toFixed(2)).toBe('108543.22');
  });

  it('skips titles, the header, the total and the footer, each with a reason', () => {
    expect(skippedKinds(result)).toEqual(['1:title', '2:title', '3:title', '4:blank', '5:header', '10:total', '11:note']);
    expect(result.skipped.find((s) => s.row === 10)?.reason).toContain('本页合计');
    expect(result.issues.map(withoutWhy)).toEqual([]);
  });
});

describe('readSide: ledger kinds and signs', () => {
  const journal: CellValue[][] = [
    ['银行存款日记账'],
    ['日期', '凭证号', '摘要', '对方单位', '借方', '贷方', '余额'],
    ['2025-03-01', '', '期初余额', '', '', '', '100,000.00'],
    ['2025-03-03', '记-1', '收甲公司货款', '甲公司', '12,000.00', '', '112,000.00'],
    ['2025-03-05', '记-2', '付乙公司货款', '乙公司', '', '3,456.78', '108,543.22'],
    ['2025-03-31', '', '本月合计', '', '12,000.00', '3,456.78', '108,543.22'],
  ];

  it('a cash journal reads 借方 as money in and skips dated total lines', () => {
    const result = read(journal, { side: 'ledger' });
    expect(result.kind).toBe('cash-journal');
    expect(formatReadTexts(result.decisions, 'en').join('\n')).toContain('"借方" read as money in');
    expect(amounts(result)).toEqual(['12000.00', '-3456.78']);
    expect(skippedKinds(result)).toEqual(['1:title', '2:header', '3:total', '6:total']);
  });

  it('a receivables ledger turns 借方 into invoices and 贷方 into receipts, both positive', () => {
    const cells: CellValue[][] = [
      ['应收账款明细账'],
      ['日期', '发票号', '客户名称', '摘要', '借方', '贷方', '余额'],
      ['2025-03-01', 'INV-001', '甲公司', '销售', '5,000.00', '', '5,000.00'],
      ['2025-03-10', 'INV-001', '甲公司', '收款', '', '5,000.00', '0.00'],
    ];
    const result = read(cells, { side: 'ledger' });
    expect(result.kind).toBe('receivables-ledger');
    expect(result.entries.map((e) => [e.document, e.amount.toFixed(2)])).toEqual([
      ['invoice', '5000.00'],
      ['receipt', '5000.00'],
    ]);
  });

  it('a payables ledger turns 贷方 into bills and 借方 into payments, both negative', () => {
    const cells: CellValue[][] = [
      ['日期', '供应商', '摘要', '借方', '贷方'],
      ['2025-03-01', '乙公司', '采购', '', '2,000.00'],
      ['2025-03-20', '乙公司', '付款', '2,000.00', ''],
    ];
    const result = read(cells, { side: 'ledger' });
    expect(result.kind).toBe('payables-ledger');
    expect(result.entries.map((e) => [e.document, e.amount.toFixed(2)])).toEqual([
      ['bill', '-2000.00'],
      ['payment', '-2000.00'],
    ]);
  });

  it('oppositeSigns negates every amount (a counterparty’s own ledger)', () => {
    const result = read(journal, { side: 'ledger', oppositeSigns: true });
    expect(amounts(result)).toEqual(['-12000.00', '3456.78']);
  });

  it('an explicit kind overrides detection', () => {
    const result = read(journal, { side: 'ledger', kind: 'bank-statement' });
    expect(amounts(result)).toEqual(['-12000.00', '3456.78']);
  });
});

describe('readSide: direction columns and excluded rows', () => {
  it('signs an unsigned amount from 收/支, excluding 不计收支, `/` and closed trades', () => {
    const cells: CellValue[][] = [
      ['交易时间', '交易对方', '收/支', '金额', '交易状态', '交易订单号'],
      ['2023-02-12 21:32:14 ', '某商户', '支出', '49.74', '交易成功', '2023021200001\t'],
      ['2023-01-18 10:17:29', '张三', '收入', '¥28.50', '交易成功', '2023011800002\t'],
      ['2023-02-04 18:21:04', '某商户', '不计收支', '16.03', '退款成功', ''],
      ['2021-01-17 10:07:31', '/', '/', '¥2000.00', '支付成功', ''],
      ['2023-01-09 18:21:50', '一卡通', '支出', '50.00', '交易关闭', ''],
    ];
    const result = read(cells);
    expect(amounts(result)).toEqual(['-49.74', '28.50']);
    expect(result.entries[0].reference).toBe('2023021200001');
    expect(skippedKinds(result)).toEqual(['1:header', '4:excluded', '5:excluded', '6:excluded']);
    expect(result.skipped[1].reason).toBe('收/支 is "不计收支": neither money in nor out');
    expect(result.skipped[2].reason).toBe('收/支 is "/": neither money in nor out');
    expect(result.skipped[3].reason).toBe('交易状态 is "交易关闭": no money moved');
    expect(formatReadTexts(result.decisions, 'en').join('\n')).toContain('金额 has no signs; 收/支 says money in or out');
  });

  it('reads BOCOM’s bilingual 借 Dr / 贷 Cr', () => {
    const cells: CellValue[][] = [
      ['序号', '交易日期', '借贷', '交易金额', '余额'],
      [1, '2025-01-01', '贷 Cr', '1.23', '1334.63'],
      [2, '2024-02-02', '借 Dr', '3.21', '2334.62'],
    ];
    expect(amounts(read(cells))).toEqual(['1.23', '-3.21']);
  });

  it('keeps an amount’s own sign when the column is signed, whatever the direction column says', () => {
    const cells: CellValue[][] = [
      ['Details', 'Posting Date', 'Description', 'Amount', 'Type', 'Balance'],
      ['DEBIT', '3/18/2016', 'Payment', '-2680.89', 'ACCT_XFER', '3409.86'],
      ['CREDIT', '3/15/2016', 'Payroll', '2590.73', 'ACH_CREDIT', '6090.75'],
    ];
    const result = read(cells);
    expect(amounts(result)).toEqual(['-2680.89', '2590.73']);
    expect(formatReadTexts(result.decisions, 'en').join('\n')).toContain('Amount carries its own signs');
  });

  it('reports a direction word it does not know', () => {
    const cells: CellValue[][] = [
      ['日期', '收支', '金额'],
      ['2025-03-05', '转账', '10.00'],
      ['2025-03-06', '收', '10.00'],
    ];
    const result = read(cells);
    expect(result.issues.map(withoutWhy)).toEqual([
      { side: 'bank', row: 2, column: 'B', severity: 'error', message: 'Row 2, column B (收支): expected 收入/支出, 借/贷 or Credit/Debit, found "转账"' },
    ]);
    expect(amounts(result)).toEqual(['10.00']);
  });
});

describe('readSide: bad cells are reported by row, column letter and header', () => {
  const cells: CellValue[][] = [
    ['日期', '摘要', '借方金额', '贷方金额'],
    ['2025-03-05', '正常', '100.00', ''],
    ['2025-03-06', '坏金额', 'abc', ''],
    ['2025-13-45', '坏日期', '5.00', ''],
    ['', '没有日期', '6.00', ''],
    ['2025-03-08', '没有金额', '', ''],
    ['2025-03-09', '零', '0.00', '0'],
    ['备注：这是一行说明'],
  ];

  it('uses the source’s own rows and columns', () => {
    const result = read(cells, {}, 10, 2);
    const messages = result.issues.map((i) => i.message);
    expect(messages).toEqual([
      'Row 12, column E (借方金额): expected an amount such as 1,234.50 or (100.00), found "abc"',
      'Row 13, column C (日期): expected a date such as 2025-03-05, 2025/3/5, 20250305 or 2025年3月5日, found "2025-13-45"',
      'Row 14, column C (日期): expected a date such as 2025-03-05, 2025/3/5, 20250305 or 2025年3月5日, found an empty cell',
    ]);
    expect(result.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [12, 'E', 'error'],
      [13, 'C', 'error'],
      [14, 'C', 'error'],
    ]);
    expect(skippedKinds(result)).toEqual(['10:header', '12:unparseable', '13:unparseable', '14:unparseable', '15:blank', '16:blank', '17:note']);
    expect(result.skipped.find((s) => s.row === 15)?.reason).toBe('Row 15: no amount in E (借方金额) / F (贷方金额)');
    expect(result.skipped.find((s) => s.row === 12)?.reason).toBe(messages[0]);
    expect(amounts(result)).toEqual(['-100.00']);
  });

  it('warns about annotations it leaves out of an amount', () => {
    const result = read([
      ['交易时间', '金额', '收/支'],
      ['2024-12-28 13:27:56\t', '131.77(已退款89.84)', '支出'],
    ]);
    expect(amounts(result)).toEqual(['-131.77']);
    expect(result.issues.map(withoutWhy)).toEqual([
      {
        side: 'bank', row: 2, column: 'B', severity: 'warning',
        message: 'Row 2, column B (金额): read 131.77; the note "(已退款89.84)" after it is not part of the amount',
      },
    ]);
  });

  it('reports once, per column, balances that cannot be read', () => {
    const result = read([
      ['交易日期', '交易金额', '余额'],
      ['2023-05-02', '-13.40', 'xx,yyyy.zz'],
      ['2023-05-03', '-1.00', 'xx,yyyy.zz'],
    ]);
    expect(result.entries.map((e) => e.balance)).toEqual([null, null]);
    expect(result.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', 'Column C (余额): 2 balances could not be read (e.g. "xx,yyyy.zz"); balances left empty'],
    ]);
  });

  it('without a date and an amount column every row says why', () => {
    const cells: CellValue[][] = [['名称', '说明'], ['a', 'b']];
    const result = read(cells);
    expect(result.entries).toEqual([]);
    expect(result.issues[0].message).toBe('Could not find a date column and an amount column (no header row was recognised); choose the header row and columns');
    expect(result.skipped.map((s) => s.kind)).toEqual(['unparseable', 'unparseable']);
  });
});

describe('readSide: dates decided per column', () => {
  it('reads DD/MM/YYYY when a value proves it (HSBC Hong Kong)', () => {
    const result = read([
      ['Transaction date', 'Post date', 'Description', 'Billing amount'],
      ['09/04/2025', '10/04/2025', 'QR UNIONPAY', '-1,099.14\t'],
      ['31/03/2025', '01/04/2025', 'RETURN', '25.00'],
    ]);
    expect(result.entries.map((e) => e.date)).toEqual(['2025-04-10', '2025-04-01']);
    expect(formatReadTexts(result.decisions, 'en').join('\n')).toContain('Dates read as day/month/year');
  });

  it('defaults to MM/DD for undecidable dates with English headers, and says so', () => {
    const cells: CellValue[][] = [
      ['Date', 'Amount'],
      ['01/04/2020', '5.00'],
    ];
    const result = read(cells);
    expect(result.entries[0].date).toBe('2020-01-04');
    expect(formatReadTexts(result.decisions, 'en').join('\n')).toContain('fit both month/day and day/month; read as month/day');
    expect(read(cells, { dateOrder: 'DMY' }).entries[0].date).toBe('2020-04-01');
  });

  it('reads DD/MM with decimal-comma amounts (European exports)', () => {
    const result = read([
      ['Date', 'Label', 'Debit', 'Credit'],
      ['01/04/20', 'LABEL 1', '-50,00', ''],
      ['02/04/20', 'LABEL 4', '', '1300,00'],
    ]);
    expect(result.entries.map((e) => [e.date, e.amount.toFixed(2)])).toEqual([
      ['2020-04-01', '-50.00'],
      ['2020-04-02', '1300.00'],
    ]);
  });

  it('takes the year of MM/DD dates from the title, or from defaultYear, or reports it', () => {
    const body: CellValue[][] = [
      ['交易日', '记账日', '交易摘要', '人民币金额'],
      ['', '12/29', '掌上生活还款', '-1.23'],
      ['01/02', '01/03', '电影票', '56.78'],
    ];
    const titled = read([['招商银行信用卡对账单（个人消费卡账户 2024年01月）'], ...body]);
    expect(titled.entries.map((e) => e.date)).toEqual(['2023-12-29', '2024-01-03']);
    expect(read(body, { defaultYear: 2030 }).entries.map((e) => e.date)).toEqual(['2030-12-29', '2030-01-03']);
    const bare = read(body);
    expect(bare.entries).toEqual([]);
    expect(bare.issues[0].message).toBe('Row 2, column B (记账日): the date "12/29" has no year and no title line names one; set the year');
  });

  it('reads ROC dates and Taiwanese headers', () => {
    const result = read([
      ['交易日期', '摘要', '支出金額', '存入金額', '餘額', '備註'],
      ['114/03/05', '轉帳', '', '1,000', '5,000', 'A1'],
      ['民國114年3月6日', '提款', '200', '', '4,800', ''],
    ]);
    expect(result.entries.map((e) => [e.date, e.amount.toFixed(0)])).toEqual([
      ['2025-03-05', '1000'],
      ['2025-03-06', '-200'],
    ]);
  });

  it('reads Excel serial dates and numeric amounts', () => {
    const result = read([
      ['记账日', '支出', '收入', '账户余额'],
      [45721, 0, 1200.5, 5200.5],
      [45722.5, 35.1, 0, 5165.4],
      [45723, 0, 0, 5165.4],
    ]);
    expect(result.entries.map((e) => [e.date, e.amount.toFixed(2)])).toEqual([
      ['2025-03-05', '1200.50'],
      ['2025-03-06', '-35.10'],
    ]);
    expect(skippedKinds(result)).toEqual(['1:header', '4:blank']);
  });
});

describe('readSide: layout options and odd layouts', () => {
  it('infers roles without a header row and says so (TD Canada)', () => {
    const result = read([
      ['05/01/2023', 'DOLLARAMA # 845   _M', '1.96', '', '13.04'],
      ['05/01/2023', 'T T SUPERMARKET   _M', '12.10', '', '15.00'],
      ['05/01/2023', 'SFCA             MSP', '', '0.01', '37.10'],
      ['05/01/2023', 'PTS TO:  02816700587', '10.00', '', '27.10'],
      [],
    ]);
    expect(result.headerRow).toBe(0);
    expect(result.columns).toEqual({ date: 0, description: 1, outflow: 2, inflow: 3, balance: 4 });
    expect(amounts(result)).toEqual(['-1.96', '-12.10', '0.01', '-10.00']);
    expect(formatReadTexts(result.decisions, 'en').join('\n')).toContain('No header row');
  });

  it('tells a signed amount from its running balance when both fill every line (CommBank, no header)', () => {
    const rows: CellValue[][] = [
      ['03/03/2025', '+3850.00', 'Transfer from BONDI CAFE GROUP INV-0412', '+45130.55'],
      ['05/03/2025', '-642.18', 'BUNNINGS 382000 ALEXANDRIA AU', '+44488.37'],
      ['06/03/2025', '-2915.40', 'Transfer To Hafele Australia NetBank BILL-2231', '+41572.97'],
      ['10/03/2025', '+12100.00', 'Transfer from MOSMAN HOMES PTY LTD INV0415', '+53672.97'],
    ];
    const result = read(rows);
    expect(result.columns).toEqual({ date: 0, amount: 1, description: 2, balance: 3 });
    expect(amounts(result)).toEqual(['3850.00', '-642.18', '-2915.40', '12100.00']);
    // newest first, balance written before the amount: the same evidence read the other way
    const swapped = rows.map((r) => [r[0], r[2], r[3], r[1]]).reverse();
    expect(read(swapped).columns).toEqual({ date: 0, description: 1, balance: 2, amount: 3 });
  });

  it('gives a line with no date the date of the line just above it (a day’s date written once) and says so', () => {
    const cells: CellValue[][] = [
      ['日期', '摘要', '借方', '贷方', '余额'],
      ['2025-03-03', '收华兴货款', '18,500.00', '', '138,500.00'],
      ['', '付明达材料款', '', '6,200.00', '132,300.00'],
      ['', '付电费', '', '1,430.80', '130,869.20'],
      ['', '本日合计', '18,500.00', '7,630.80', '130,869.20'],
      ['', '付房租', '', '8,000.00', '122,869.20'],
    ];
    const result = read(cells);
    expect(result.entries.map((e) => [e.row, e.date])).toEqual([[2, '2025-03-03'], [3, '2025-03-03'], [4, '2025-03-03']]);
    expect(result.decisions).toContainEqual({ code: 'dates-carried', params: { count: 2, row: 3, column: 'A', header: '日期' } });
    // not across a total line: that line's date is still asked for, naming the cell
    expect(result.skipped.find((s) => s.row === 6)).toMatchObject({ kind: 'unparseable', why: { code: 'cell-expected', params: { row: 6, column: 'A', expected: 'expected-date', found: '' } } });
  });

  it('honours an explicit header row and columns', () => {
    const cells: CellValue[][] = [
      ['x', 'y', 'z'],
      ['when', 'what', 'how much'],
      ['2025-03-05', 'fee', '-3.00'],
    ];
    const result = read(cells, { headerRow: 2, columns: { date: 0, description: 1, amount: 2 } });
    expect(result.headerRow).toBe(2);
    expect(amounts(result)).toEqual(['-3.00']);
    expect(result.entries[0].description).toBe('fee');
    expect(skippedKinds(result)).toEqual(['1:title', '2:header']);
  });

  it('an explicit role wins over the detected one on the same column', () => {
    const cells: CellValue[][] = [
      ['日期', '摘要', '金额', '备注'],
      ['2025-03-05', '货款', '100.00', 'INV-9'],
    ];
    const result = read(cells, { columns: { description: 3 } });
    expect(result.columns.description).toBe(3);
    expect(result.columns.reference).toBeUndefined();
    expect(result.entries[0].description).toBe('INV-9');
  });

  it('money in and out stated by the user win over what Debit and Credit headers would mean', () => {
    // A US check register prints "Payment/Debit (-)" and "Deposit/Credit (+)": the bank's words, not a
    // ledger's. Stated as outflow and inflow, Debit is money out (it was once read as money in anyway).
    const cells: CellValue[][] = [
      ['Number', 'Date', 'Description', 'Debit (-)', 'C', 'Credit (+)', 'Balance'],
      ['', '3/25/2011', 'Balance forward', '', '', '', '412.66'],
      ['318', '3/28/2011', 'Greenfield Lawn Care', '60.00', '', '', '352.66'],
      ['', '3/31/2011', 'Dividend March', '', 'x', '0.01', '352.67'],
      ['319', '4/1/2011', 'Corner Market', '45.33', '', '', '307.34'],
    ];
    const result = read(cells, { side: 'ledger', columns: { date: 1, description: 2, outflow: 3, inflow: 5, balance: 6, reference: 0 } });
    expect(result.kind).toBe('cash-journal');
    expect(result.columns).toMatchObject({ outflow: 3, inflow: 5 });
    expect(amounts(result)).toEqual(['-60.00', '0.01', '-45.33']);
    const texts = formatReadTexts(result.decisions, 'en');
    expect(texts).toContain('"Credit (+)" read as money in, "Debit (-)" as money out');
    expect(texts.join('\n')).not.toMatch(/借方/);
  });

  it("reads a book's 备注 of words as what the line says, and one of numbers as its reference", () => {
    // A household book's 备注 (晚上转的) was read as 凭证号/流水号: its names were never searched and the
    // 差异表 printed "单号: 网上国网 还没扣".
    const words: CellValue[][] = [
      ['日期', '收入', '支出', '备注'],
      ['2025-12-03', '', '3.88', '基金定投'],
      ['2025-12-20', '10.00', '', '晚上转的'],
      ['2025-12-31', '', '500.00', '给妈妈生活费'],
    ];
    const alone = read(words, { side: 'ledger' });
    expect(alone.columns.description).toBe(3);
    expect(alone.columns.reference).toBeUndefined();
    expect(alone.entries[1].description).toBe('晚上转的');
    expect(formatReadTexts(alone.decisions, 'zh-CN').join('\n')).toContain('D 列 备注 写的是说明，不是单号：读作摘要');
    const withSummary = read([['日期', '摘要', '收入', '支出', '备注'], ...words.slice(1).map(([d, i, o, n]) => [d, '转账', i, o, n])], { side: 'ledger' });
    expect(withSummary.columns.description).toBe(1);
    expect(withSummary.columns.reference).toBeUndefined();
    expect(withSummary.entries[2].notes).toBe('给妈妈生活费');
    const numbers = read([['日期', '摘要', '金额', '备注'], ['2025-03-05', '货款', '100.00', 'INV-9'], ['2025-03-06', '货款', '200.00', 'INV-10']], { side: 'ledger' });
    expect(numbers.columns.reference).toBe(3);
  });

  it('takes the year of month/day dates from a year line below the header (2023年 … 2024年)', () => {
    // A paper-style household book was refused: 1月1日 "has no year and no title line names one".
    const cells: CellValue[][] = [
      ['家庭收支账', '', '', '', ''],
      ['日期', '摘要', '收入', '支出', '结余'],
      ['2023年', '', '', '', ''],
      ['12月31日', '买菜', '', '50.00', '3,500.00'],
      ['2024年', '', '', '', ''],
      ['1月1日', '哈哈还借款', '10,000.00', '', '13,500.00'],
      ['1月2日', '交通卡充值', '', '10.00', '13,490.00'],
    ];
    const result = read(cells, { side: 'ledger' });
    expect(result.entries.map((e) => e.date)).toEqual(['2023-12-31', '2024-01-01', '2024-01-02']);
    expect(result.issues).toEqual([]);
    expect(skippedKinds(result)).toEqual(['1:title', '2:header', '3:note', '5:note']);
    expect(formatReadTexts([result.skipped[3].why!], 'zh-CN')).toEqual(['年份行：其下的月日按 2024 年读取']);
  });

  it('takes a column of 收入/支出 under a header that says nothing (类型) for the direction', () => {
    // An Alipay household book (日期, 类型, 金额, 分类, 备注) was refused: every 金额 read as money in.
    const cells: CellValue[][] = [
      ['日期', '类型', '金额', '分类', '备注'],
      ['2023-1-9', '支出', '50', '交通', '公交卡充值'],
      ['2023-1-9', '收入', '50', '退款', '公交卡充值失败退回'],
      ['2023-1-18', '收入', '222228.5', '其他收入', '老王 卖车尾款'],
      ['2023-2-4', '支出', '16.03', '日用', '超市'],
    ];
    const result = read(cells, { side: 'ledger' });
    expect(result.columns.direction).toBe(1);
    expect(amounts(result)).toEqual(['-50.00', '50.00', '222228.50', '-16.03']);
    const texts = formatReadTexts(result.decisions, 'zh-CN');
    expect(texts).toContain('B 列 类型 写的是 支出/收入：作为收支方向列使用');
    expect(texts.join('\n')).not.toMatch(/借方为收入/);
    // a category column (交通, 退款 …) is not one: 分类 stays unused
    expect(Object.values(result.columns)).not.toContain(3);
  });

  it('reads a card book’s 类型 of 消费/还款/退款 from the card’s side, under a header that says nothing or says 收支', () => {
    // Every amount was read as money in, silently (类型 ignored); headed 收支 the book was refused.
    for (const header of ['类型', '收支']) {
      const cells: CellValue[][] = [
        ['招商银行信用卡 2024年1月账单期'],
        ['日期', header, '摘要', '金额'],
        ['2023-12-28', '还款', '微信还款', '345.67'],
        ['2024-01-02', '消费', '电影票（掌上生活）', '56.78'],
        ['2024-01-03', '退款', '饭票返现', '3.90'],
        ['2024-01-05', '消费', '中国移动 合约机', '8000.00'],
      ];
      const result = read(cells, { side: 'ledger' });
      expect(result.columns.direction).toBe(1);
      expect(amounts(result)).toEqual(['345.67', '-56.78', '3.90', '-8000.00']);
      expect(result.issues).toEqual([]);
      expect(formatReadTexts(result.decisions, 'en').join('\n')).toContain(`Column B ${header} holds a card’s words (还款/消费/退款): read from the card’s side`);
    }
  });

  it('does not read 还款 as money in where the column also writes 收入/支出 (from a debit account it is money out)', () => {
    const cells: CellValue[][] = [
      ['日期', '收支', '摘要', '金额'],
      ['2024-01-02', '支出', '超市', '56.78'],
      ['2024-01-03', '收入', '工资', '8000.00'],
      ['2024-01-05', '还款', '还信用卡', '3000.00'],
    ];
    const result = read(cells, { side: 'ledger' });
    expect(result.entries.map((e) => e.row)).not.toContain(4);
    expect(result.issues.map((i) => i.row)).toContain(4);
  });

  it('does not take a balance column that is 0 on every line for a running balance (UOB)', () => {
    // The statement read the bank's balance as 0.00 and showed the real balance as a difference.
    const cells: CellValue[][] = [
      ['Transaction Date', 'Description', 'Withdrawal', 'Deposit', 'Available Balance'],
      ['30 Jun 2023', 'Interest Credit', '0.0', '0.12', '0.0'],
      ['29 Jun 2023', 'ATM', '800.0', '0.0', '0.0'],
      ['28 Jun 2023', 'Cheque', '0.0', '545.05', '0.0'],
    ];
    const result = read(cells);
    expect(result.entries.map((e) => e.balance)).toEqual([null, null, null]);
    expect(formatReadTexts(result.decisions, 'en')).toContain(
      'Column E Available Balance is 0 on every line: not a running balance, not used (enter the balance for the reconciliation statement)',
    );
    const real = read(cells.map((row, i) => (i === 0 ? row : [...row.slice(0, 4), String(1000 + i)])));
    expect(real.entries.map((e) => e.balance?.toFixed(2))).toEqual(['1001.00', '1002.00', '1003.00']);
  });

  it('with columnsComplete, a column left out of the mapping stays unused', () => {
    const cells: CellValue[][] = [
      ['日期', '摘要', '金额', '备注'],
      ['2025-03-05', '货款', '100.00', 'INV-9'],
    ];
    const detected = read(cells);
    expect(detected.columns.reference).toBe(3);
    const result = read(cells, { columns: { date: 0, description: 1, amount: 2 }, columnsComplete: true });
    expect(result.columns).toEqual({ date: 0, description: 1, amount: 2 });
    expect(result.entries[0].reference).toBe('');
    expect(result.entries[0].amount.toFixed(2)).toBe('100.00');
  });

  it('skips repeated headers at page breaks', () => {
    const result = read([
      ['日期', '金额'],
      ['2025-03-05', '1.00'],
      ['日期', '金额'],
      ['2025-03-06', '2.00'],
    ]);
    expect(skippedKinds(result)).toEqual(['1:header', '3:header']);
    expect(amounts(result)).toEqual(['1.00', '2.00']);
  });

  it('takes a posting date’s neighbour where it is empty', () => {
    const result = read([
      ['交易日期', '记账日期', '金额'],
      ['2025-03-05', '', '1.00'],
    ]);
    expect(result.entries[0].date).toBe('2025-03-05');
  });
});

describe('readSide: every row lands exactly once', () => {
  const cell = fc.oneof(
    fc.constantFrom<CellValue>('', ' ', '-', '/', '合计', 'Total', '以上数据仅供参考', '交易关闭', '不计收支', '收入', '支出', '借 Dr', 'abc', '(1,234.50)', '¥28.16', '131.77(已退款89.84)'),
    fc.constantFrom<CellValue>('2025-03-05', '2025/3/5', '20250305', '12/29', '31/03/2025', '114/03/05', null, 45721, 0),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.string({ maxLength: 6 }),
  );
  const header = fc.shuffledSubarray(['交易日期', '摘要', '收/支', '金额', '借方', '贷方', '余额', '对方户名', '交易状态'], { minLength: 2 });

  it('holds for random sheets with or without a header, on both sides', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }),
        fc.option(header, { nil: undefined }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom<'bank' | 'ledger'>('bank', 'ledger'),
        (rows, head, at, side) => {
          const cells = rows.map((r) => [...r]);
          if (head) cells.splice(Math.min(at, cells.length), 0, head);
          const result = readSide({ cells, firstRow: 3 }, { side });
          expectEveryRowOnce(result, cells.length, 3);
          for (const entry of result.entries) expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          for (const issue of result.issues) expect(issue.message).toMatch(/^(Row|Column|Could|Header) /);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readSide: a 外币 journal headed on two rows (借方 / 贷方 / 余额 over 原币 / 汇率 / 本位币)', () => {
  // The upper cells are merged across three columns, so only the first (原币) holds the word.
  const cells: CellValue[][] = [
    ['日期', '凭证号', '摘要', '借方', '', '', '贷方', '', '', '余额', ''],
    ['', '', '', '原币', '汇率', '本位币', '原币', '汇率', '本位币', '原币', '本位币'],
    ['2025-05-06', '记-0005', '收到货款 INV-25031', '18450.00', '7.1782', '132437.79', '', '', '', '70760.25', '507931.42'],
    ['2025-05-09', '记-0011', '支付海运费', '', '', '', '2380.00', '7.1782', '17084.12', '68380.25', '490847.30'],
  ];
  const result = read(cells, { side: 'ledger' });

  it('skips the second header row as a header, not as a row with no date', () => {
    expect(result.issues).toEqual([]);
    expect(skippedKinds(result)).toEqual(['1:header', '2:header']);
    expect(result.skipped[1].reason).toBe('Second header row (原币 / 汇率 / 本位币)');
  });

  it('reads the amounts in the original currency and says which columns they come from', () => {
    expect(amounts(result)).toEqual(['18450.00', '-2380.00']);
    const said = formatReadTexts(result.decisions, 'en').find((t) => t.startsWith('Row 2'));
    expect(said).toBe('Row 2 is the header’s second row (原币 / 汇率 / 本位币); amounts are read from D 借方 原币, G 贷方 原币, J 余额 原币');
  });

  it('takes an opening line without figures (期初余额, 平) for what it is, not for a header', () => {
    const opening = read([cells[0], cells[1], ['', '', '期初余额', '', '', '', '', '', '', '平', ''], cells[2]], { side: 'ledger' });
    expect(skippedKinds(opening)).toEqual(['1:header', '2:header', '3:total']);
  });

  it('takes a first line of words and figures for data, not for a header', () => {
    const plain = read([cells[0], ['2025-05-01', '', '上年结转', '', '', '', '', '', '', '52310.25', '375493.41'], cells[2]], { side: 'ledger' });
    expect(skippedKinds(plain)).not.toContain('2:header');
  });
});

describe('readSide: a subtotal nobody labelled below a day’s lines', () => {
  // A probe's GBK household book: `,,,,103.78,"2,140.13"` under each day. Read as a line of that day
  // (its date carried down), it counted the day's spending twice.
  it('is skipped when it is the sum of the lines right above, or when the balance does not move', () => {
    const cells: CellValue[][] = [
      ['日期', '摘要', '对方', '收入', '支出', '余额'],
      ['2025-01-01', '上年结转', '', '', '', '2,243.91'],
      ['2025-01-02', '午饭', '美团', '', '28.50', '2,215.41'],
      ['2025-01-02', '打车', '滴滴', '', '45.28', '2,170.13'],
      ['2025-01-02', '咖啡', '瑞幸', '', '30.00', '2,140.13'],
      ['', '', '', '', '103.78', ''],
      ['2025-01-05', '超市', '永辉', '', '599.48', '1,540.65'],
      ['', '', '', '', '599.48', '1,540.65'],
    ];
    const result = read(cells, { side: 'ledger', kind: 'cash-journal' });
    expect(result.entries.map((e) => e.row)).toEqual([3, 4, 5, 7]);
    expect(result.skipped.filter((l) => l.row >= 6).map((l) => [l.row, l.kind, l.why?.code])).toEqual([
      [6, 'total', 'skip-unlabelled-subtotal'],
      [8, 'total', 'skip-unlabelled-balance-still'],
    ]);
    expect(formatReadTexts([result.skipped.find((l) => l.row === 6)!.why!], 'en')[0]).toContain('the sum of the 3 lines right above');
  });

  it('still reads a line without words below a dated one as of that day when it moves the balance and adds up nothing', () => {
    const result = read(
      [
        ['日期', '摘要', '收入', '支出', '余额'],
        ['2025-01-02', '午饭', '', '28.50', '2,215.41'],
        ['2025-01-02', '打车', '', '45.28', '2,170.13'],
        ['', '', '', '12.00', '2,158.13'],
      ],
      { side: 'ledger', kind: 'cash-journal' },
    );
    expect(result.entries.map((e) => [e.row, e.date, e.amount.toFixed(2)])).toEqual([
      [2, '2025-01-02', '-28.50'],
      [3, '2025-01-02', '-45.28'],
      [4, '2025-01-02', '-12.00'],
    ]);
  });
});

describe('readSide: opening lines worded as ledgers word them, their figure only in the balance column', () => {
  // A probe's AR ledgers: 上期結轉 (zh-TW) and `Balance forward (INV-1038 of 11/10)` were skipped as
  // blank lines, so every customer's statement began at 0 and stated a wrong balance.
  it.each([
    ['zh-TW 上期結轉', ['日期', '客戶', '摘要', '借方', '貸方', '餘額'], ['110/12/01', 'ACME INC', '上期結轉', '', '', '12,500.00'], '上期結轉'],
    ['zh-CN 上月结余', ['日期', '客户', '摘要', '借方', '贷方', '余额'], ['2021-12-01', 'ACME INC', '上月结余', '', '', '12,500.00'], '上月结余'],
    ['zh-CN 期初', ['日期', '客户', '摘要', '借方', '贷方', '余额'], ['2021-12-01', 'ACME INC', '期初', '', '', '12,500.00'], '期初'],
    ['en, naming the invoice', ['Date', 'Customer', 'Description', 'Debit', 'Credit', 'Balance'], ['12/01/2021', 'ACME INC', 'Balance forward (INV-1038 of 11/10)', '', '', '12,500.00'], 'Balance forward (INV-1038 of 11/10)'],
  ])('%s: an opening balance line, and its balance the opening balance', (_what, header, opening, label) => {
    const cells: CellValue[][] = [
      header as CellValue[],
      opening as CellValue[],
      [opening[0] === '110/12/01' ? '110/12/03' : opening[0] === '12/01/2021' ? '12/03/2021' : '2021-12-03', 'ACME INC', 'INV-1046', '3,600.00', '', '16,100.00'],
      [opening[0] === '110/12/01' ? '110/12/15' : opening[0] === '12/01/2021' ? '12/15/2021' : '2021-12-15', 'ACME INC', '收款 Receipt', '', '10,000.00', '6,100.00'],
    ];
    const result = read(cells, { side: 'ledger', kind: 'receivables-ledger' });
    expect(result.entries.map((e) => e.row)).toEqual([3, 4]);
    expect(result.skipped.find((l) => l.row === 2)).toMatchObject({ kind: 'total', why: { code: 'skip-opening-line', params: { found: label } } });
    expect(result.balances?.filter((l) => l.kind === 'opening').map((l) => [l.row, l.amount.toFixed(2)])).toEqual([[2, '12500.00']]);
  });

  it('still skips a dated line with no amount and no balance word as a line without an amount', () => {
    const result = read(
      [
        ['日期', '摘要', '借方', '贷方', '余额'],
        ['2025-03-01', '期初余额', '', '', '1,000.00'],
        ['2025-03-02', '作废凭证', '', '', ''],
        ['2025-03-03', '收款', '500.00', '', '1,500.00'],
      ],
      { side: 'ledger', kind: 'cash-journal' },
    );
    expect(result.skipped.find((l) => l.row === 3)).toMatchObject({ kind: 'blank', why: { code: 'skip-no-split-amount' } });
  });
});

describe('readSide: a 明细账 whose 方向 column is the balance’s side', () => {
  const cells: CellValue[][] = [
    ['日期', '凭证号', '摘要', '借方', '贷方', '方向', '余额'],
    ['2025-04-01', '', '期初余额', '', '', '借', '1200.00'],
    ['2025-04-03', '记-01', '销售商品', '5000.00', '', '借', '6200.00'],
    ['2025-04-09', '记-02', '收到货款', '', '6200.00', '平', '0.00'],
    ['2025-04-20', '记-03', '预收货款', '', '800.00', '贷', '-800.00'],
  ];
  const result = read(cells, { side: 'ledger', kind: 'receivables-ledger' });

  it('does not take 借/贷/平 beside 余额 for each line’s direction, and says so', () => {
    expect(result.columns.direction).toBeUndefined();
    expect(formatReadTexts(result.decisions, 'en')).toContain('Column F 方向 is the balance’s side (借/贷/平, beside 余额), not each line’s direction: it only signs the balance');
    expect(result.issues).toEqual([]);
    expect(result.entries.map((e) => e.row)).toEqual([3, 4, 5]);
  });

  it('signs each balance by its side: a 贷 balance of a receivables ledger is owed to the customer', () => {
    expect(result.entries.map((e) => e.balance?.toFixed(2))).toEqual(['6200.00', '0.00', '-800.00']);
    expect(result.balances?.find((l) => l.kind === 'opening')?.amount.toFixed(2)).toBe('1200.00');
  });

  // A company credit card's 银行存款日记账 (公务卡) owes all month: 方向 贷 and the 余额 unsigned, rising
  // with every purchase. Taken unsigned it agreed with a payables reading on every line and outvoted the
  // book's own title (a probe against the real 中行 card bill matched nothing).
  const card: CellValue[][] = [
    ['银行存款日记账'],
    ['科目：1002.03 银行存款-中行公务卡'],
    ['日期', '凭证字号', '摘要', '对方科目', '借方', '贷方', '方向', '余额'],
    ['2024-12-01', '', '期初余额', '', '', '', '贷', '1,200.00'],
    ['2024-12-03', '记-3', '差旅费 京东', '管理费用-差旅费', '', '356.20', '贷', '1,556.20'],
    ['2024-12-08', '记-7', '办公用品', '管理费用-办公费', '', '89.90', '贷', '1,646.10'],
    ['2024-12-10', '记-9', '还款', '银行存款-工行', '1,200.00', '', '贷', '446.10'],
    ['2024-12-15', '记-12', '招待费', '管理费用-招待费', '', '268.00', '贷', '714.10'],
    ['2024-12-20', '记-15', '京东退款', '管理费用-办公费', '89.90', '', '贷', '624.20'],
    ['2024-12-28', '记-19', '快递费', '管理费用-办公费', '', '23.00', '贷', '647.20'],
  ];
  const cardBook = read(card, { side: 'ledger' });

  it('reads a card’s 日记账 standing 贷 all month as a cash journal with its balance owed, not as a payables ledger', () => {
    expect(cardBook.kind).toBe('cash-journal');
    expect(cardBook.entries.map((e) => e.amount.toFixed(2))).toEqual(['-356.20', '-89.90', '1200.00', '-268.00', '89.90', '-23.00']);
    expect(cardBook.entries.map((e) => e.balance?.toFixed(2))).toEqual(['-1556.20', '-1646.10', '-446.10', '-714.10', '-624.20', '-647.20']);
    expect(cardBook.balances?.find((l) => l.kind === 'opening')?.amount.toFixed(2)).toBe('-1200.00');
    const texts = formatReadTexts(cardBook.decisions, 'en');
    expect(texts.some((t) => /balance/i.test(t) && /6 of 6|5 of 5/.test(t))).toBe(true);
  });

  it('signs the same 贷 balance positive when the book is read as a payables ledger (what is owed to the supplier)', () => {
    const payables = read(card, { side: 'ledger', kind: 'payables-ledger' });
    expect(payables.entries.map((e) => e.balance?.toFixed(2))).toEqual(['1556.20', '1646.10', '446.10', '714.10', '624.20', '647.20']);
  });

  it('keeps a bank’s 借贷标志 beside its amounts as the direction', () => {
    const bank = read([
      ['交易日期', '借贷标志', '交易金额', '余额'],
      ['2025-04-03', '贷', '5000.00', '6200.00'],
      ['2025-04-09', '借', '6200.00', '0.00'],
    ]);
    expect(bank.columns.direction).toBe(1);
  });
});
