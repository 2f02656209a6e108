/**
 * What the generated files look like, as tables: ledger headers per layout, and bank export styles
 * (title lines, date and amount writing, total and footnote lines) modelled on real Chinese and English
 * bank exports.
 */
import type { DateStyle } from './days';
import type { AmountStyle } from './money';
import type { NameLanguage } from './names';

export type Layout = 'zh-bank-cash-journal' | 'zh-receivables' | 'en-bank';
export const LAYOUTS: readonly Layout[] = ['zh-bank-cash-journal', 'zh-receivables', 'en-bank'];

/** Columns a generated ledger can have; each layout orders a subset of them. */
export type LedgerField = 'date' | 'voucher' | 'invoice' | 'party' | 'summary' | 'debit' | 'credit' | 'balance' | 'amount' | 'direction' | 'dept' | 'note';

export interface LedgerLayout {
  language: NameLanguage;
  /** 借方 is money in (cash journal) or an invoice raised (receivables). */
  book: 'cash-journal' | 'receivables-ledger';
  fields: LedgerField[];
  headers: string[];
  openingLabel: string;
  /** Label of the closing total line; `periodTotalLabel` when the period spans more than one month. */
  totalLabel: string;
  periodTotalLabel: string;
  /** A title line above the header (银行存款日记账), when the sheet has one. */
  title?: string;
  /** With an `amount` and a `direction` column: the words for debit and credit (借/贷, Dr/Cr). */
  directionWords?: [string, string];
  /** What a `dept` column holds. */
  departments?: string[];
}

export const LEDGER_LAYOUTS: Record<Layout, LedgerLayout> = {
  'zh-bank-cash-journal': {
    language: 'zh',
    book: 'cash-journal',
    fields: ['date', 'voucher', 'summary', 'party', 'debit', 'credit', 'balance'],
    headers: ['日期', '凭证号', '摘要', '客户名称', '借方', '贷方', '余额'],
    openingLabel: '期初余额',
    totalLabel: '本月合计',
    periodTotalLabel: '本期合计',
  },
  'zh-receivables': {
    language: 'zh',
    book: 'receivables-ledger',
    fields: ['date', 'voucher', 'invoice', 'party', 'summary', 'debit', 'credit', 'balance'],
    headers: ['日期', '凭证号', '发票号', '客户名称', '摘要', '借方金额', '贷方金额', '余额'],
    openingLabel: '期初余额',
    totalLabel: '本月合计',
    periodTotalLabel: '本期合计',
  },
  'en-bank': {
    language: 'en',
    book: 'cash-journal',
    fields: ['date', 'invoice', 'summary', 'party', 'debit', 'credit', 'balance'],
    headers: ['Date', 'Ref', 'Description', 'Customer', 'Debit', 'Credit', 'Balance'],
    openingLabel: 'Opening balance',
    totalLabel: 'Total',
    periodTotalLabel: 'Total',
  },
};

export type BankField = 'date' | 'summary' | 'party' | 'account' | 'in' | 'out' | 'balance' | 'memo' | 'amount' | 'direction' | 'note' | 'currency' | 'serial' | 'kind';
export type BankStyle = 'icbc' | 'ccb' | 'abc' | 'uk' | 'intl';

export interface BankLayout {
  language: NameLanguage;
  fields: BankField[];
  headers: string[];
  /** Lines above the header; `{account}`, `{holder}`, `{from}`, `{to}` are filled in. Then one blank row. */
  titles: string[];
  /** How `{from}`/`{to}` are written in the title. */
  periodDate: DateStyle;
  date: DateStyle;
  amount: AmountStyle;
  /** What an empty 收入/支出 cell holds: nothing, or an empty string (text exports). */
  empty: null | '';
  totalLabel: string;
  /** A footnote under the total line, as some banks print. */
  note?: string;
  upperCaseNames: boolean;
  /** With an `amount` and a `direction` column: the words for money in and money out (贷 Cr/借 Dr, CREDIT/DEBIT). */
  directionWords?: [string, string];
}

const ZH_BANK_FIELDS: BankField[] = ['date', 'summary', 'party', 'account', 'in', 'out', 'balance', 'memo'];
const ZH_BANK_HEADERS = ['交易日期', '摘要', '对方户名', '对方账号', '收入金额', '支出金额', '余额', '附言'];
const EN_BANK_FIELDS: BankField[] = ['date', 'summary', 'party', 'in', 'out', 'balance', 'memo'];
const EN_BANK_HEADERS = ['Date', 'Description', 'Payee', 'Deposits', 'Withdrawals', 'Balance', 'Reference'];

export const BANK_LAYOUTS: Record<BankStyle, BankLayout> = {
  icbc: {
    language: 'zh',
    fields: ZH_BANK_FIELDS,
    headers: ZH_BANK_HEADERS,
    titles: ['中国工商银行账户明细', '账号: {account}', '户名: {holder}', '查询期间: {from} 至 {to}'],
    periodDate: 'iso',
    date: 'iso',
    amount: 'number',
    empty: null,
    totalLabel: '合计',
    upperCaseNames: false,
  },
  ccb: {
    language: 'zh',
    fields: ZH_BANK_FIELDS,
    headers: ZH_BANK_HEADERS,
    titles: ['中国建设银行 账户交易明细', '账号：{account}', '户名：{holder}', '起止日期：{from}-{to}'],
    periodDate: 'compact',
    date: 'compact',
    amount: 'thousands',
    empty: '',
    totalLabel: '合计',
    note: '以上数据仅供参考，具体以银行盖章回单为准',
    upperCaseNames: false,
  },
  abc: {
    language: 'zh',
    fields: ZH_BANK_FIELDS,
    headers: ZH_BANK_HEADERS,
    titles: ['中国农业银行 银行账户交易明细', '账号: {account}', '户名: {holder}', '查询期间: {from} - {to}'],
    periodDate: 'slash-short',
    date: 'slash-short',
    amount: 'yuan-thousands',
    empty: null,
    totalLabel: '合计',
    upperCaseNames: false,
  },
  uk: {
    language: 'en',
    fields: EN_BANK_FIELDS,
    headers: EN_BANK_HEADERS,
    titles: ['Statement of account', 'Account number: {account}', 'Account name: {holder}', 'Period: {from} to {to}'],
    periodDate: 'dmy',
    date: 'dmy',
    amount: 'number',
    empty: null,
    totalLabel: 'Total',
    upperCaseNames: true,
  },
  intl: {
    language: 'en',
    fields: EN_BANK_FIELDS,
    headers: EN_BANK_HEADERS,
    titles: ['Account transactions', 'Account: {account}', 'Holder: {holder}', 'From {from} to {to}'],
    periodDate: 'iso',
    date: 'iso',
    amount: 'thousands',
    empty: '',
    totalLabel: 'Total',
    note: 'This statement is provided for information only.',
    upperCaseNames: false,
  },
};

/** Bank styles each layout is paired with; a seed picks one (seed modulo the list) unless the spec names it. */
export const BANK_STYLES_FOR: Record<Layout, BankStyle[]> = {
  'zh-bank-cash-journal': ['icbc', 'ccb', 'abc'],
  'zh-receivables': ['ccb', 'abc', 'icbc'],
  'en-bank': ['uk', 'intl'],
};

/** Words that fill 摘要/附言/Description cells, per language. */
export interface Wording {
  bankReceipt: string[];
  bankPayment: string[];
  bankInterest: string[];
  bankCharge: string[];
  /** 附言 without a reference. */
  genericMemo: string[];
  ledgerReceipt: (short: string) => string;
  ledgerPayment: (short: string) => string;
  ledgerCheque: (short: string, cheque: string) => string;
  ledgerInvoice: string[];
  /** Ledger-only cash-journal lines the bank never sees: adjustments, money in and money out. */
  ledgerAdjustmentIn: string[];
  ledgerAdjustmentOut: string[];
  invoiceMention: (invoice: string) => string;
}

export const WORDING: Record<NameLanguage, Wording> = {
  zh: {
    bankReceipt: ['转账收入', '网银转账', '跨行汇款', '汇入汇款', '货款', '他行来账'],
    bankPayment: ['网银转账', '转账支出', '跨行转账', '代付', '支付货款'],
    bankInterest: ['利息', '结息', '存款利息'],
    bankCharge: ['手续费', '汇划手续费', '账户管理费', '短信服务费', '网银年费'],
    genericMemo: ['货款', '往来款', '付货款', ''],
    ledgerReceipt: (short) => `收${short}货款`,
    ledgerPayment: (short) => `付${short}材料款`,
    ledgerCheque: (short, cheque) => `开具转账支票付${short}货款 支票号${cheque}`,
    ledgerInvoice: ['销售商品', '开具增值税专用发票', '销售货款'],
    ledgerAdjustmentIn: ['往来调整', '代收款', '暂收款'],
    ledgerAdjustmentOut: ['往来调整', '代付款', '暂付款'],
    invoiceMention: (invoice) => `发票${invoice}`,
  },
  en: {
    bankReceipt: ['FASTER PAYMENT RECEIVED', 'BACS CREDIT', 'TRANSFER IN', 'CHAPS CREDIT'],
    bankPayment: ['FASTER PAYMENT', 'BACS PAYMENT', 'DIRECT DEBIT', 'TRANSFER OUT'],
    bankInterest: ['INTEREST PAID', 'CREDIT INTEREST'],
    bankCharge: ['ACCOUNT FEE', 'SERVICE CHARGE', 'TRANSFER FEE'],
    genericMemo: ['PAYMENT', 'INVOICES', ''],
    ledgerReceipt: (short) => `Receipt from ${short}`,
    ledgerPayment: (short) => `Payment to ${short}`,
    ledgerCheque: (short, cheque) => `Cheque ${cheque} to ${short}`,
    ledgerInvoice: ['Invoice'],
    ledgerAdjustmentIn: ['Adjustment', 'Journal correction', 'Suspense receipt'],
    ledgerAdjustmentOut: ['Adjustment', 'Journal correction', 'Suspense payment'],
    invoiceMention: (invoice) => invoice,
  },
};

/** Receivables-ledger wording that differs from the cash journal. */
export const ZH_RECEIVABLES_WORDS = {
  receipt: ['收回货款', '收到货款', '银行收款'],
  adjustment: ['销售折让', '坏账核销', '现金折扣'],
};
