import { readDirection, excludedStatus } from '../../../src/engine/read/direction';
import { findHeaderRow, layoutOfRow } from '../../../src/engine/read/header-row';
import { HEADER_WORDS, isGenericHeader, matchHeader } from '../../../src/engine/read/header-words';
import { readSide } from '../../../src/engine/read/read-side';
import { formatReadTexts } from '../../../src/i18n/read-texts';
import { summaryOf } from '../../../src/engine/read/summary-lines';
import type { CellValue, SideKind } from '../../../src/engine/types';

const keyOf = (text: string) => matchHeader(text)?.key ?? null;

describe('header words', () => {
  it.each([
    // zh-CN
    ['交易日期', 'date'], ['记账日期', 'date'], ['交易日', 'date'], ['入账日期', 'date'], ['交易时间', 'date'], ['记账时间', 'date'], ['收入金额（+元）', 'inflow'], ['支出金额（-元）', 'outflow'], ['入账时间', 'date'], ['發生時間', 'date'],
    ['金额', 'amount'], ['交易金额', 'amount'], ['发生额', 'amount'], ['金额(元)', 'amount'], ['人民币金额', 'amount'],
    ['收入', 'inflow'], ['存入', 'inflow'], ['交易金额(收入)', 'inflow'], ['记账金额(收入)', 'inflow'],
    ['支出', 'outflow'], ['取出', 'outflow'], ['记账金额(支出)', 'outflow'],
    ['借方', 'debit'], ['借方发生额', 'debit'], ['借方金额', 'debit'], ['贷方', 'credit'], ['贷方发生额', 'credit'],
    ['收/支', 'direction'], ['借贷', 'direction'], ['借贷标志', 'direction'],
    ['对方户名', 'counterparty'], ['交易对方', 'counterparty'], ['客户名称', 'counterparty'], ['对手信息', 'counterparty'], ['商户名称', 'counterparty'],
    ['发票号', 'reference'], ['凭证号', 'reference'], ['交易单号', 'reference'], ['交易订单号', 'reference'], ['附言', 'reference'], ['日 志 号', 'reference'],
    ['摘要', 'description'], ['用途', 'description'], ['交易说明', 'description'], ['商品说明', 'description'], ['交易描述', 'description'],
    ['币种', 'currency'], ['货币', 'currency'], ['币\u3000\u3000种', 'currency'],
    ['余额', 'balance'], ['账户余额', 'balance'], ['本次余额', 'balance'], ['联机余额', 'balance'],
    ['交易状态', 'status'], ['当前状态', 'status'],
    // zh-TW
    ['交易日期', 'date'], ['記帳日期', 'date'], ['金額', 'amount'], ['對方戶名', 'counterparty'], ['餘額', 'balance'], ['貸方', 'credit'], ['備註', 'reference'],
    // Taiwanese banks and books: 玉山/兆豐 提款·存款, 臺銀 支出·存入, 國泰 提出, 中信 結餘; 帳務日期, 傳票日期, 客戶/廠商
    ['提款金額', 'outflow'], ['存款金額', 'inflow'], ['提出', 'outflow'], ['存入金額', 'inflow'], ['支出金額', 'outflow'], ['結餘', 'balance'],
    ['帳務日期', 'date'], ['傳票日期', 'date'], ['客戶/廠商', 'counterparty'], ['廠商名稱', 'counterparty'], ['附註', 'reference'], ['傳票號碼', 'reference'],
    ['存入金額(新臺幣)', 'inflow'], ['發票號', 'reference'], ['發票', 'reference'],
    // 招商银行 corporate export
    ['收(付)方名称', 'counterparty'], ['交易日', 'date'],
    // English
    ['Date', 'date'], ['Posting Date', 'date'], ['Transaction date', 'date'], ['Date Posted', 'date'], ['Post date', 'date'],
    ['Amount', 'amount'], [' Transaction Amount', 'amount'], ['Billing amount', 'amount'],
    ['Deposits', 'inflow'], ['Money in', 'inflow'], ['Withdrawals', 'outflow'], ['Money out', 'outflow'],
    ['Debit', 'debit'], ['Credit', 'credit'], ['Credit / Debit', 'direction'], ['Type', 'direction'],
    ['Payee', 'counterparty'], ['Merchant name', 'counterparty'], ['Counterparty', 'counterparty'], ['Customer', 'counterparty'], ['Supplier', 'counterparty'],
    ['Reference', 'reference'], ['Invoice', 'reference'], ['Check or Slip #', 'reference'], ['ID', 'reference'],
    // QuickBooks Desktop's check numbers (Num), QuickBooks Online's Ref No., MYOB's Cheque No.
    ['Num', 'reference'], ['Ref No.', 'reference'], ['Cheque No.', 'reference'], ['Check Number', 'reference'],
    ['Description', 'description'], ['Memo', 'description'], ['Details', 'description'], ['Label', 'description'],
    ['Currency', 'currency'], ['Balance', 'balance'], ['結餘金額', 'balance'], ['余额金额', 'balance'], ['CURRENT BALANCE', 'balance'], ['Status', 'status'],
    // a hand-kept register or cash book: signs after the header, its own words; Bank of America's Running Bal.
    ['Payment (-)', 'outflow'], ['Deposit (+)', 'inflow'], ['Received', 'inflow'], ['Paid', 'outflow'], ['Income', 'inflow'], ['Expenditure', 'outflow'],
    ['Running Bal.', 'balance'],
    // a 用友/金蝶 日记账's cheque number beside 结算方式
    ['票号', 'reference'], ['支票号码', 'reference'], ['结算号', 'reference'],
    // a small business's 流水账 (收款 / 付款 / 余额, 收/付), an Indian bank's Narration and Chq./Ref.No.
    ['收款', 'inflow'], ['付款额', 'outflow'], ['收/付', 'direction'], ['收款人', 'counterparty'], ['对方', 'counterparty'], ['Narration', 'description'], ['Chq./Ref.No.', 'reference'],
    // a card's own book (公务卡台账): repayments in, spending out; 工商银行's card export names the merchant 交易场所
    ['还款', 'inflow'], ['消费', 'outflow'], ['消费金额', 'outflow'], ['交易场所', 'counterparty'],
    // books probed against real exports: a US register's Payment/Debit (-), a card book's 还款/退款, a
    // household's 内容 / 明细 / 商家, an English receivables ledger's Invoiced, a register's Running total
    ['Payment/Debit (-)', 'outflow'], ['Deposit/Credit (+)', 'inflow'], ['Debit (-)', 'outflow'], ['Credit (+)', 'inflow'],
    ['还款/退款', 'inflow'], ['还款、退款', 'inflow'], ['还款额', 'inflow'], ['商家', 'counterparty'], ['商家/渠道', 'counterparty'],
    ['Client / Supplier', 'counterparty'], ['Paid to / Received from', 'counterparty'], ['内容', 'description'], ['明细', 'description'],
    ['事项', 'description'], ['项目', 'description'], ['Invoiced', 'debit'], ['Charges', 'debit'], ['Running total', 'balance'], ['Balance Due', 'balance'],
  ])('%j names %s', (text, key) => {
    expect(keyOf(text)).toBe(key);
  });

  it('takes 收支类别 for a category, not a direction', () => {
    expect(['收支类别', '收支项目', '收支分类'].map(keyOf)).toEqual([null, null, null]);
  });

  it('reads one debit or credit word beside one money-in or money-out word as a debit/credit pair', () => {
    // an English receivables ledger (Invoiced | Received) and a payables ledger (Bills | Paid) were refused
    expect(layoutOfRow(['Date', 'Customer', 'Invoiced', 'Received', 'Balance Due']).keys).toMatchObject({ debit: 2, credit: 3 });
    expect(layoutOfRow(['Date', 'Supplier', 'Bills', 'Paid', 'Balance']).keys).toMatchObject({ credit: 2, debit: 3 });
    // a register's Deposits | Withdrawals stay what they are
    expect(layoutOfRow(['Date', 'Payee', 'Withdrawals', 'Deposits']).keys).toMatchObject({ outflow: 2, inflow: 3 });
  });

  it('keeps account numbers and bank branches out of the money and name columns', () => {
    expect(['存款帳號', '提款帳號', '收(付)方帐号', '收(付)方开户行名', '客戶代號'].map(keyOf)).toEqual([null, null, null, null, null]);
  });

  it('ignores key/value cells, long text, numbers and unrelated headers', () => {
    for (const text of ['卡号: 1234****9876', '账　　号：', 'Download start date : 01/04/2020', '2023-05-02', '1.本回单内容可表明支付宝受理了相应支付交易申请', '对方账号', '卡号后四位', 'Column1']) {
      expect(keyOf(text)).toBeNull();
    }
  });

  it('prefers the posting date, the booked amount and the account-currency amount', () => {
    expect(matchHeader('记账日期')!.score).toBeGreaterThan(matchHeader('交易日期')!.score);
    expect(matchHeader('记账金额(收入)')!.score).toBeGreaterThan(matchHeader('交易金额(收入)')!.score);
    expect(matchHeader('人民币金额')!.score).toBeGreaterThan(matchHeader('交易地金额')?.score ?? 0);
  });

  it('keeps the words as a table with every role present', () => {
    for (const key of Object.keys(HEADER_WORDS)) expect(HEADER_WORDS[key as keyof typeof HEADER_WORDS].exact.length).toBeGreaterThan(0);
    expect(isGenericHeader('Column11')).toBe(true);
    expect(isGenericHeader('Columns')).toBe(false);
  });
});

describe('header row', () => {
  const cells: CellValue[][] = [
    ['中国建设银行 China Construction Bank'],
    ['账\u3000\u3000号：', '6217 0000 1234'],
    ['户\u3000\u3000名：', '某某公司'],
    ['查询期间：2025-01-01 至 2025-03-31'],
    [],
    ['记账日 ', '交易日期 ', '支出 ', '收入 ', '账户余额 ', '币种 ', '摘要 ', '对方户名 '],
    ['20250101', '20250101', 0, 1200, 5200, '人民币', '转账', '甲公司'],
  ];

  it('is found after the bank’s title lines, with header cells trimmed', () => {
    expect(findHeaderRow(cells)).toBe(5);
    const layout = layoutOfRow(cells[5]);
    expect(layout.keys).toMatchObject({ date: 0, outflow: 2, inflow: 3, balance: 4, currency: 5, description: 6, counterparty: 7 });
    expect(layout.secondaryDate).toBe(1);
  });

  it('needs a date and an amount column', () => {
    expect(findHeaderRow([['摘要', '对方户名', '余额'], ['a', 'b', '1']])).toBe(-1);
    expect(findHeaderRow([['Column1', 'Column2'], ['Date', 'Amount']])).toBe(1);
  });
});

describe('summary lines', () => {
  it.each([
    ['合计', 'total'], ['本页合计', 'total'], ['人民币合计', 'total'], ['合计金额', 'total'], ['总计', 'total'],
    ['承前页', 'total'], ['过次页', 'total'], ['期初余额', 'total'], ['期末余额', 'total'],
    ['Total', 'total'], ['Balance forward', 'total'], ['Balance at start of period', 'total'], ['Balance at end of period', 'total'],
    ['以上数据仅供参考|具体内容请以柜台为准', 'note'], ['导出信息：', 'note'], ['特别提示：', 'note'], ['-----------', 'note'],
    ['------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------', 'note'],
  ])('%j is a %s line', (text, kind) => {
    expect(summaryOf(text)?.kind).toBe(kind);
  });

  it('leaves transactions alone, and dated rows need the word itself', () => {
    for (const text of ['代发工资合计结算款项目', '转账', '消费', 'TOTAL WINE & MORE #123', '2025-03-05']) expect(summaryOf(text, true)).toBeNull();
    expect(summaryOf('本月合计', true)?.kind).toBe('total');
    expect(summaryOf('Total', true)?.kind).toBe('total');
    // the date a balance is stated at may follow the word on a dated row (Bank of America's first row)
    expect(summaryOf('Beginning balance as of 03/01/2025', true)?.kind).toBe('total');
    expect(summaryOf('Closing balance 31.03.2025', true)?.kind).toBe('total');
    expect(summaryOf('Opening balance adjustment', true)).toBeNull();
  });
});

describe('direction and status words', () => {
  it.each([
    ['收入', 'in'], ['支出', 'out'], ['收', 'in'], ['支', 'out'], ['付', 'out'], ['借 Dr', 'debit'], ['贷 Cr', 'credit'],
    ['DEBIT', 'debit'], ['CREDIT', 'credit'], ['DEBIT ', 'debit'], ['ACH_CREDIT', 'credit'],
    ['不计收支', 'neutral'], ['其他', 'neutral'], ['/', 'neutral'], ['', 'empty'],
  ])('%j reads as %s', (text, value) => {
    expect(readDirection(text)).toBe(value);
  });

  it('does not guess unknown words', () => {
    expect(readDirection('转账')).toBeUndefined();
  });

  it('excludes closed and failed transactions only', () => {
    expect(excludedStatus('交易关闭')).toBe('交易关闭');
    expect(excludedStatus('支付失败')).toBe('失败');
    expect(excludedStatus('Declined')).toBe('declined');
    for (const status of ['交易成功', '退款成功', '等待确认收货', 'POSTED', '已全额退款', '']) expect(excludedStatus(status)).toBeUndefined();
  });
});

describe('side kind', () => {
  const rows = (title: string[], header: string[]): CellValue[][] => [
    ...(title.length ? [title] : []),
    header,
    header.map((h) => (h === '日期' ? '2025-03-03' : h === '借方' ? '100.00' : h === '贷方' ? '' : '甲公司')),
    header.map((h) => (h === '日期' ? '2025-03-04' : h === '借方' ? '' : h === '贷方' ? '40.00' : '乙公司')),
  ];
  const kindOf = (side: 'ledger' | 'bank', title: string[], header: string[], kind?: SideKind) => readSide({ cells: rows(title, header) }, { side, kind }).kind;

  it('a bank side is a bank statement unless chosen otherwise', () => {
    expect(kindOf('bank', [], ['日期', '借方', '贷方'])).toBe('bank-statement');
    expect(kindOf('bank', [], ['日期', '借方', '贷方'], 'cash-journal')).toBe('cash-journal');
  });

  it('a ledger is read from its title and header words, a lone 发票号 column is not enough', () => {
    expect(kindOf('ledger', ['银行存款日记账'], ['日期', '借方', '贷方'])).toBe('cash-journal');
    expect(kindOf('ledger', ['应收账款明细账'], ['日期', '借方', '贷方'])).toBe('receivables-ledger');
    expect(kindOf('ledger', ['应付账款明细账'], ['日期', '供应商', '借方', '贷方'])).toBe('payables-ledger');
    const plain = readSide({ cells: rows([], ['日期', '摘要', '借方', '贷方']) }, { side: 'ledger' });
    expect(plain.kind).toBe('cash-journal');
    expect(formatReadTexts(plain.decisions, 'en').join('\n')).toContain('"借方" read as money in');
  });
});
