/**
 * Readings decided from evidence, the data test included (issue 7): a cash journal that names invoices
 * is still a cash journal; a counterparty's payables ledger against our receivables ledger is found
 * from the data. The books here are written out by hand, as a clerk keeps them and a bank exports them.
 */
import { reconcile } from '../../../src/engine';
import { readSide } from '../../../src/engine/read/read-side';
import type { CellValue, ReadResult } from '../../../src/engine/types';
import { formatReadTexts } from '../../../src/i18n/read-texts';
import { rowMeanings } from '../../../src/engine/read/reading-evidence';

const codes = (result: ReadResult) => result.decisions.map((d) => d.code);
const text = (result: ReadResult, locale: 'zh-CN' | 'zh-TW' | 'en' = 'en') => formatReadTexts(result.decisions, locale).join('\n');

/** A cash journal kept in a sheet: no title, a 客户名称 and a 发票号 column beside 借方/贷方. */
const ZH_JOURNAL: CellValue[][] = [
  ['日期', '凭证号', '摘要', '客户名称', '发票号', '借方金额', '贷方金额'],
  ['2025-03-03', '记-001', '收到货款', '上海华东贸易有限公司', '25311201', '12,800.00', ''],
  ['2025-03-04', '记-002', '收到货款', '杭州明达电子有限公司', '25311207', '3,460.50', ''],
  ['2025-03-05', '记-003', '支付货款', '苏州恒通物流有限公司', '', '', '8,000.00'],
  ['2025-03-06', '记-004', '收到货款', '南京金陵商贸有限公司', '25311215', '21,000.00', ''],
  ['2025-03-10', '记-005', '收到货款', '上海华东贸易有限公司', '25311222', '7,650.00', ''],
  ['2025-03-11', '记-006', '支付房租', '上海浦江物业管理有限公司', '', '', '15,000.00'],
  ['2025-03-12', '记-007', '收到货款', '宁波海港进出口有限公司', '25311230', '45,210.00', ''],
  ['2025-03-14', '记-008', '收到货款', '杭州明达电子有限公司', '25311233', '980.00', ''],
  ['2025-03-17', '记-009', '支付货款', '无锡宏发机械有限公司', '', '', '32,500.00'],
  ['2025-03-18', '记-010', '收到货款', '合肥徽商贸易有限公司', '25311241', '6,300.00', ''],
  ['2025-03-20', '记-011', '收到货款', '南京金陵商贸有限公司', '25311246', '18,750.00', ''],
  ['2025-03-24', '记-012', '收到货款', '宁波海港进出口有限公司', '25311252', '9,999.90', ''],
];

/** The same journal with 摘要 that say nothing about the direction: only the data can tell. */
const ZH_JOURNAL_PLAIN = ZH_JOURNAL.map((row, i) => (i === 0 ? row : row.map((cell, c) => (c === 2 ? '货款' : cell))));

/** ICBC-style export of the same month: titles above, 借方发生额 is money out. */
const ICBC_BANK: CellValue[][] = [
  ['中国工商银行对公账户明细'],
  ['账号：', '1001 2345 0900 0123 456', '户名：', '上海某某贸易有限公司'],
  ['交易日期', '摘要', '对方户名', '借方发生额', '贷方发生额', '余额', '附言'],
  ['2025-03-03', '转账收入', '上海华东贸易有限公司', '', '12,800.00', '112,800.00', '货款 25311201'],
  ['2025-03-05', '转账收入', '杭州明达电子有限公司', '', '3,460.50', '116,260.50', '发票25311207'],
  ['2025-03-05', '转账支出', '苏州恒通物流有限公司', '8,000.00', '', '108,260.50', '运费'],
  ['2025-03-06', '转账收入', '南京金陵商贸有限公司', '', '21,000.00', '129,260.50', ''],
  ['2025-03-10', '转账收入', '上海华东贸易有限公司', '', '7,650.00', '136,910.50', '25311222'],
  ['2025-03-11', '转账支出', '上海浦江物业管理有限公司', '15,000.00', '', '121,910.50', '3月房租'],
  ['2025-03-13', '转账收入', '宁波海港进出口有限公司', '', '45,210.00', '167,120.50', ''],
  ['2025-03-14', '转账收入', '杭州明达电子有限公司', '', '980.00', '168,100.50', ''],
  ['2025-03-17', '转账支出', '无锡宏发机械有限公司', '32,500.00', '', '135,600.50', '设备款'],
  ['2025-03-18', '转账收入', '合肥徽商贸易有限公司', '', '6,300.00', '141,900.50', ''],
  ['2025-03-20', '转账收入', '南京金陵商贸有限公司', '', '18,750.00', '160,650.50', ''],
  ['2025-03-25', '转账收入', '宁波海港进出口有限公司', '', '9,999.90', '170,650.40', ''],
  ['2025-03-31', '结息', '', '', '12.34', '170,662.74', ''],
  ['合计', '', '', '55,500.00', '126,162.74', '', ''],
];

describe('a cash journal with a 发票号 column (zh)', () => {
  it('is read as a cash journal from its own rows: 收到货款 lines are money in', () => {
    const alone = readSide({ cells: ZH_JOURNAL }, { side: 'ledger' });
    expect(alone.kind).toBe('cash-journal');
    expect(alone.decisions.find((d) => d.code === 'evidence-row-words')?.params).toMatchObject({ agree: 12, total: 12 });
    expect(alone.entries.map((e) => e.document)).toEqual(Array(12).fill('movement'));
  });

  it('meets the bank as a cash journal, and says so with figures in the user’s language', () => {
    const result = reconcile({ cells: ZH_JOURNAL }, { cells: ICBC_BANK });
    expect(result.ledger.kind).toBe('cash-journal');
    expect(result.ledger.reading?.doubtful).toBe(false);
    const data = result.ledger.decisions.find((d) => d.code === 'evidence-data')!;
    expect(data.params).toMatchObject({ kind: 'cash-journal', meets: 12, lines: 12, days: 7 });
    expect(text(result.ledger)).toContain('read as a cash journal (银行存款日记账): 12 of 12 lines have a bank line of the same amount and direction within 7 days');
    expect(text(result.ledger)).toMatch(/read as a receivables ledger \(应收账款明细账\): \d/);
    expect(text(result.ledger, 'zh-CN')).toContain('读作银行存款日记账：12 行中有 12 行在 7 天内有金额和方向都相同的银行记录');
    expect(text(result.ledger, 'zh-CN')).not.toMatch(/[A-Za-z]{4,}/);
    expect(result.matches.filter((m) => m.status === 'auto').length).toBeGreaterThanOrEqual(12);
  });

  it('with 摘要 that say nothing, the 发票号 header alone leaves it doubtful; the bank data decides', () => {
    const alone = readSide({ cells: ZH_JOURNAL_PLAIN }, { side: 'ledger' });
    expect(alone.reading?.doubtful).toBe(true);
    expect(codes(alone)[0]).toBe('kind-doubtful');

    const result = reconcile({ cells: ZH_JOURNAL_PLAIN }, { cells: ICBC_BANK });
    expect(result.ledger.kind).toBe('cash-journal');
    expect(result.ledger.reading).toMatchObject({ doubtful: false, chosen: { key: 'cash-journal', meets: 12, lines: 12 } });
    const receivables = result.ledger.reading!.alternatives.find((a) => a.key === 'receivables-ledger')!;
    expect(receivables.meets).toBe(0);
    expect(result.ledger.entries.map((e) => e.amount.toFixed(2)).slice(0, 3)).toEqual(['12800.00', '3460.50', '-8000.00']);
  });
});

/** The English equivalent: Date, Doc No, Description, Customer, Invoice, a signed Amount. */
const EN_CASH_BOOK: CellValue[][] = [
  ['Date', 'Doc No', 'Description', 'Customer', 'Invoice', 'Amount'],
  ['03/03/2025', 'CB-101', 'Customer payment', 'Harbour Foods Ltd', 'INV-20431', '4,250.00'],
  ['03/04/2025', 'CB-102', 'Customer payment', 'Northwind Traders', 'INV-20437', '1,180.75'],
  ['03/05/2025', 'CB-103', 'Payment to supplier', 'Acme Packaging', '', '-2,400.00'],
  ['03/07/2025', 'CB-104', 'Customer payment', 'Blue Lake Cafe', 'INV-20442', '612.40'],
  ['03/10/2025', 'CB-105', 'Customer payment', 'Harbour Foods Ltd', 'INV-20450', '3,975.00'],
  ['03/11/2025', 'CB-106', 'Payment to landlord', 'Kings Road Properties', '', '-5,500.00'],
  ['03/13/2025', 'CB-107', 'Customer payment', 'Greenway Grocers', 'INV-20455', '2,040.00'],
  ['03/17/2025', 'CB-108', 'Customer payment', 'Northwind Traders', 'INV-20461', '860.00'],
  ['03/20/2025', 'CB-109', 'Customer payment', 'Blue Lake Cafe', 'INV-20466', '1,299.99'],
];

const EN_BANK: CellValue[][] = [
  ['Account Number:', '12345678'],
  ['Date', 'Description', 'Money out', 'Money in', 'Balance'],
  ['03/03/2025', 'FASTER PAYMENT HARBOUR FOODS INV-20431', '', '4,250.00', '24,250.00'],
  ['03/05/2025', 'BACS NORTHWIND TRADERS', '', '1,180.75', '25,430.75'],
  ['03/05/2025', 'ACME PACKAGING', '2,400.00', '', '23,030.75'],
  ['03/07/2025', 'BLUE LAKE CAFE 20442', '', '612.40', '23,643.15'],
  ['03/10/2025', 'HARBOUR FOODS LTD', '', '3,975.00', '27,618.15'],
  ['03/11/2025', 'KINGS ROAD PROPERTIES RENT', '5,500.00', '', '22,118.15'],
  ['03/14/2025', 'GREENWAY GROCERS', '', '2,040.00', '24,158.15'],
  ['03/17/2025', 'NORTHWIND TRADERS', '', '860.00', '25,018.15'],
  ['03/21/2025', 'BLUE LAKE CAFE', '', '1,299.99', '26,318.14'],
  ['03/31/2025', 'MONTHLY ACCOUNT FEE', '15.00', '', '26,303.14'],
];

describe('a cash book with an Invoice column (en)', () => {
  it('is read as a cash journal with the evidence named', () => {
    const result = reconcile({ cells: EN_CASH_BOOK }, { cells: EN_BANK });
    expect(result.ledger.kind).toBe('cash-journal');
    expect(result.ledger.columnHeaders).toMatchObject({ amount: 'Amount', reference: 'Invoice', counterparty: 'Customer' });
    const decided = text(result.ledger);
    expect(decided).toContain('Read as a cash journal');
    expect(decided).toContain('read as a cash journal (银行存款日记账): 9 of 9 lines have a bank line of the same amount and direction within 7 days');
    expect(decided).toMatch(/9 of 9 lines with words such as “customerpayment” fit this reading/);
    expect(result.ledger.entries.filter((e) => e.amount.isNegative()).map((e) => e.row)).toEqual([4, 7]);
    expect(result.matches.length).toBe(9);
  });
});

/**
 * A UK café's cash book whose header row is not recognised (the columns are read from the data), two
 * of its receipts described `Catering invoice paid`, against a Barclays-style export with signed
 * amounts and BILL PAYMENT lines. Read as a receivables ledger (the two `invoice` lines) paired with
 * the bank's signs reversed, 5 lines met; read right, 7 do. That mirror pair once won on the word.
 */
const UK_CASH_BOOK_NO_HEADER: CellValue[][] = [
  ['Harbour Café Ltd — Cash book — March 2025'],
  ['Date', 'Voucher', 'Payee / Payer', 'Details', 'Invoice', 'Paid in £', 'Paid out £', 'Balance £'],
  ['01/03/2025', '', '', 'Balance brought forward', '', '', '', '£12,480.00'],
  ['03/03/2025', 'CB101', 'Müller & Söhne GmbH', 'Coffee beans', 'PI-7781', '', '£1,264.50', '£11,215.50'],
  ['05/03/2025', 'CB102', 'Brasserie Lyon Ltd', 'Catering invoice paid', 'SI-2041', '£2,340.00', '', '£13,555.50'],
  ['07/03/2025', 'CB103', 'Crédit Agricole Leasing', 'Espresso machine lease', '', '', '£415.00', '£13,140.50'],
  ['10/03/2025', 'CB104', 'The Old Rectory Hotel', 'Catering SI-2044', 'SI-2044', '£1,180.00', '', '£14,320.50'],
  ['10/03/2025', 'CB105', 'The Old Rectory Hotel', 'Catering SI-2045', 'SI-2045', '£960.00', '', '£15,280.50'],
  ['14/03/2025', 'CB106', 'HMRC', 'VAT return Q4', '', '', '£3,612.40', '£11,668.10'],
  ['18/03/2025', 'CB107', 'Zoë Patel', 'Event deposit SI-2050', 'SI-2050', '£1,500.00', '', '£13,168.10'],
  ['20/03/2025', 'CB108', 'Brasserie Lyon Ltd', 'Catering invoice paid', 'SI-2047', '£2,340.00', '', '£15,508.10'],
  ['25/03/2025', 'CB109', 'British Gas', 'Gas DD', '', '', '£286.73', '£15,221.37'],
  ['28/03/2025', 'CB110', 'Müller & Söhne GmbH', 'Cheque 100234', 'PI-7790', '', '£842.00', '£14,379.37'],
  ['31/03/2025', 'CB111', 'Staff', 'March wages', '', '', '£6,850.00', '£7,529.37'],
];
const BARCLAYS: CellValue[][] = [
  ['Number', 'Date', 'Account', 'Amount', 'Subcategory', 'Memo'],
  ['', '04/03/2025', '20-32-06 13152170', '-1264.50', 'PAYMENT', 'MULLER & SOHNE GMBH PI-7781 FP'],
  ['', '05/03/2025', '20-32-06 13152170', '2340.00', 'FUNDS TRANSFER', 'BRASSERIE LYON LTD SI-2041'],
  ['', '07/03/2025', '20-32-06 13152170', '-415.00', 'DIRECT DEBIT', 'CA LEASING UK REF 88231'],
  ['', '11/03/2025', '20-32-06 13152170', '2140.00', 'FUNDS TRANSFER', 'OLD RECTORY HOTEL SI-2044 SI-2045'],
  ['', '14/03/2025', '20-32-06 13152170', '-3612.40', 'DIRECT DEBIT', 'HMRC VAT 123456789'],
  ['', '19/03/2025', '20-32-06 13152170', '750.00', 'FUNDS TRANSFER', 'Z PATEL EVENT SI-2050 DEP 1'],
  ['', '20/03/2025', '20-32-06 13152170', '2340.00', 'FUNDS TRANSFER', 'BRASSERIE LYON LTD SI-2047'],
  ['', '25/03/2025', '20-32-06 13152170', '-286.73', 'BILL PAYMENT', 'BRITISH GAS 6104 3381'],
  ['', '26/03/2025', '20-32-06 13152170', '750.00', 'FUNDS TRANSFER', 'Z PATEL SI-2050 DEP 2'],
  ['', '31/03/2025', '20-32-06 13152170', '-6850.00', 'BILL PAYMENT', 'MARCH WAGES BATCH'],
  ['', '31/03/2025', '20-32-06 13152170', '-8.50', 'CHARGES', 'ACCOUNT FEE MARCH'],
  ['', '31/03/2025', '20-32-06 13152170', '3.12', 'INTEREST', 'CREDIT INTEREST'],
];

describe('a cash book whose descriptions say “invoice paid” (en, header not recognised)', () => {
  it('stays a cash journal, and the bank keeps its own signs', () => {
    const result = reconcile({ cells: UK_CASH_BOOK_NO_HEADER }, { cells: BARCLAYS });
    expect(result.ledger.kind).toBe('cash-journal');
    expect(result.bank.decisions.some((d) => d.code === 'signed-flipped')).toBe(false);
    expect(text(result.ledger)).toContain('read as a cash journal (银行存款日记账): 7 of 11 lines have a bank line');
    expect(text(result.ledger)).toContain('2 of 2 lines with words such as “invoice paid” fit this reading');
    expect(result.bank.entries.find((e) => e.row === 2)!.amount.toFixed(2)).toBe('-1264.50');
    expect(result.matches.filter((m) => m.status === 'auto').length).toBeGreaterThanOrEqual(7);
  });
});

describe('a reading against a side’s own evidence that the data does not carry', () => {
  // The same book, its two receipts described 'Sales invoice' (a clerk's shorthand for the payment of one):
  // the words point to a receivables ledger, which meets the bank only with the bank's signs reversed.
  const salesInvoice = UK_CASH_BOOK_NO_HEADER.map((row) => row.map((cell) => (cell === 'Catering invoice paid' ? 'Sales invoice' : cell)));

  it('is asked, never taken: both sides doubtful, each choice with what it really meets', () => {
    const result = reconcile({ cells: salesInvoice }, { cells: BARCLAYS });
    expect(result.ledger.reading?.doubtful).toBe(true);
    expect(result.bank.reading?.doubtful).toBe(true);
    const options = [result.ledger.reading!.chosen, ...result.ledger.reading!.alternatives];
    const cash = options.find((o) => o.kind === 'cash-journal')!;
    expect({ meets: cash.meets, lines: cash.lines }).toEqual({ meets: 7, lines: 11 });
  });

  it('reads right once the ledger’s kind is given', () => {
    const result = reconcile({ cells: salesInvoice }, { cells: BARCLAYS }, { ledger: { kind: 'cash-journal' } });
    expect(result.bank.reading?.doubtful).toBe(false);
    expect(result.bank.entries.find((e) => e.row === 2)!.amount.toFixed(2)).toBe('-1264.50');
    expect(result.matches.filter((m) => m.status === 'auto').length).toBeGreaterThanOrEqual(7);
  });
});

/** Our receivables ledger with one customer: invoices (借方) early in the month, receipts (贷方) late. */
const OUR_RECEIVABLES: CellValue[][] = [
  ['应收账款明细账'],
  ['客户：杭州明达电子有限公司'],
  ['日期', '凭证号', '摘要', '借方', '贷方', '余额'],
  ['2025-03-01', '记-01', '期初余额', '', '', '0.00'],
  ['2025-03-02', '记-11', '销售商品 发票25311201', '12,800.00', '', '12,800.00'],
  ['2025-03-03', '记-12', '销售商品 发票25311202', '3,460.50', '', '16,260.50'],
  ['2025-03-05', '记-13', '销售商品 发票25311203', '21,000.00', '', '37,260.50'],
  ['2025-03-06', '记-14', '销售商品 发票25311204', '7,650.00', '', '44,910.50'],
  ['2025-03-08', '记-15', '销售商品 发票25311205', '45,210.00', '', '90,120.50'],
  ['2025-03-09', '记-16', '销售商品 发票25311206', '980.00', '', '91,100.50'],
  ['2025-03-10', '记-17', '销售商品 发票25311207', '6,300.00', '', '97,400.50'],
  ['2025-03-24', '记-31', '收到货款', '', '12,800.00', '84,600.50'],
  ['2025-03-25', '记-32', '收到货款', '', '3,460.50', '81,140.00'],
  ['2025-03-26', '记-33', '收到货款', '', '21,000.00', '60,140.00'],
  ['2025-03-27', '记-34', '收到货款', '', '7,650.00', '52,490.00'],
  ['2025-03-28', '记-35', '收到货款', '', '45,210.00', '7,280.00'],
  ['2025-03-31', '记-36', '收到货款', '', '980.00', '6,300.00'],
];

/** The customer's own 应付账款 ledger for us, sent back for 往来对账: no title, their 贷方 is our 借方. */
const THEIR_PAYABLES: CellValue[][] = [
  ['日期', '凭证号', '摘要', '借方', '贷方', '余额'],
  ['2025-03-04', '转-201', '采购入库 发票25311201', '', '12,800.00', '12,800.00'],
  ['2025-03-05', '转-202', '采购入库 发票25311202', '', '3,460.50', '16,260.50'],
  ['2025-03-07', '转-203', '采购入库 发票25311203', '', '21,000.00', '37,260.50'],
  ['2025-03-08', '转-204', '采购入库 发票25311204', '', '7,650.00', '44,910.50'],
  ['2025-03-10', '转-205', '采购入库 发票25311205', '', '45,210.00', '90,120.50'],
  ['2025-03-11', '转-206', '采购入库 发票25311206', '', '980.00', '91,100.50'],
  ['2025-03-12', '转-207', '采购入库 发票25311207', '', '6,300.00', '97,400.50'],
  ['2025-03-24', '付-301', '支付货款', '12,800.00', '', '84,600.50'],
  ['2025-03-25', '付-302', '支付货款', '3,460.50', '', '81,140.00'],
  ['2025-03-25', '付-303', '支付货款', '21,000.00', '', '60,140.00'],
  ['2025-03-27', '付-304', '支付货款', '7,650.00', '', '52,490.00'],
  ['2025-03-28', '付-305', '支付货款', '45,210.00', '', '7,280.00'],
  ['2025-03-31', '付-306', '支付货款', '980.00', '', '6,300.00'],
];

describe('a counterparty’s payables ledger against our receivables ledger (往来对账)', () => {
  it('is detected from the data: opposite signs, their 贷方 our 借方', () => {
    const result = reconcile({ cells: OUR_RECEIVABLES }, { cells: THEIR_PAYABLES });
    expect(result.ledger.kind).toBe('receivables-ledger');
    expect(result.bank.kind).toBe('payables-ledger');
    expect(result.bank.reading).toMatchObject({ doubtful: false, chosen: { key: 'counterparty-payables-ledger', oppositeSigns: true } });
    // their payments (借方) are our receipts, money in; their bills (贷方) our invoices
    const payments = result.bank.entries.filter((e) => e.document === 'payment');
    expect(payments.map((e) => e.amount.toFixed(2))).toEqual(['12800.00', '3460.50', '21000.00', '7650.00', '45210.00', '980.00']);
    expect(result.bank.entries.filter((e) => e.document === 'bill')).toHaveLength(7);
    expect(result.bank.decisions.find((d) => d.code === 'evidence-data-bank')?.params).toMatchObject({ meets: 6, lines: 6 });
    expect(text(result.bank)).toContain('Signs reversed: this is the counterparty’s own ledger');
    expect(text(result.bank, 'zh-CN')).toContain('对方单位的应付账款明细账');
  });

  it('on its own, its vouchers (凭证号) and bill lines (采购入库) already point to a ledger; a bank export does not', () => {
    const alone = readSide({ cells: THEIR_PAYABLES }, { side: 'bank' });
    expect(alone.reading?.chosen.key).toBe('counterparty-payables-ledger');
    expect(codes(alone)).not.toContain('evidence-data-bank');
    expect(readSide({ cells: ICBC_BANK }, { side: 'bank' }).kind).toBe('bank-statement');
  });
});

describe('the data test keys amounts by cents, or by text when an amount is not exact in cents', () => {
  it('gives the same figures either way', () => {
    const figures = (ledger: CellValue[][]) => {
      const result = reconcile({ cells: ledger }, { cells: ICBC_BANK });
      return result.ledger.decisions.filter((d) => d.code.startsWith('evidence-data')).map((d) => JSON.stringify(d.params));
    };
    // one more line of three decimals meets nothing, and turns the keys into text for both sides
    const withMills = [...ZH_JOURNAL_PLAIN, ['2025-03-25', '记-013', '货款', '某公司', '', '0.005', '']];
    const cents = figures(ZH_JOURNAL_PLAIN);
    const text = figures(withMills);
    expect(cents.length).toBeGreaterThan(0);
    expect(text.map((t) => t.replace(/"lines":13/, '"lines":12'))).toEqual(cents);
  });
});

describe('row words: an invoice or a bill that is paid is money moved, not a document', () => {
  const meanings = (description: string) => rowMeanings(description).map((hit) => hit.meaning);
  it.each([
    ['Catering invoice paid', ['cash']],
    // a payment into a card for card statements (the first word that applies to the reading counts), money moved for the rest
    ['BILL PAYMENT', ['in', 'cash']],
    ['开票款已结清', ['cash']],
    ['收到货款 发票25311201', ['in']],
    ['收到货款 销售发票', ['in', 'invoice']], // the first word counts: 收到货款
    ['Unpaid invoice 2041', ['invoice']],
    ['Sales invoice SI-2041', ['invoice']],
    ['开票 销售商品', ['invoice']],
    ['采购入库 发票25311201', ['bill']],
  ])('%s', (description, expected) => {
    expect(meanings(description)).toEqual(expected);
  });
});

describe('a book of 支出/收入 with no title: cash journal, receivables or payables read every line alike', () => {
  // a household's card book: every line is money in or out under all three kinds, no line an invoice or a bill
  const CARD_BOOK: CellValue[][] = [
    ['日期', '摘要', '商户', '支出', '收入'],
    ['2024/10/20', '信用卡还款', '中信银行', '', '1.21'],
    ['2024/10/20', '洗护用品', '上海家化', '10.34', ''],
    ['2024/11/09', '返现', '中信银行', '', '0.20'],
    ['2024/11/09', '显示器', '京东', '807.89', ''],
  ];
  const BANK: CellValue[][] = [
    ['交易日期', '交易描述', '金额'],
    ['2024-10-20', '财付通还款', '1.21'],
    ['2024-10-20', '支付宝－上海家化电子商务有限公司', '-10.34'],
    ['2024-11-09', '0.2元现金奖励', '0.20'],
    ['2024-11-09', '财付通－京东商城平台商户', '-807.89'],
  ];

  it('is read as a cash journal without asking, alone and against the bank', () => {
    const alone = readSide({ cells: CARD_BOOK }, { side: 'ledger' });
    expect(alone.kind).toBe('cash-journal');
    expect(alone.reading?.doubtful).toBe(false);
    const both = reconcile({ cells: CARD_BOOK }, { cells: BANK });
    expect(both.ledger.kind).toBe('cash-journal');
    expect(both.ledger.reading?.doubtful).toBe(false);
    expect(both.matches.filter((m) => m.status === 'auto')).toHaveLength(4);
  });

  it('says nothing of 借方/贷方, which the book does not have', () => {
    const alone = readSide({ cells: CARD_BOOK }, { side: 'ledger' });
    expect(codes(alone)).not.toContain('meaning-cash-journal');
    expect(text(alone, 'zh-CN')).not.toContain('借方');
    // a journal that has them is told what they mean
    expect(codes(readSide({ cells: ZH_JOURNAL }, { side: 'ledger' }))).toContain('meaning-cash-journal');
  });
});
