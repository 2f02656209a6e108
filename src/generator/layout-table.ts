/**
 * Ledger and bank layouts drawn at random (PairSpec.wide), so the matcher and the reader cannot be
 * tuned to a handful of fixed files. The bank headers are the ones the real exports in
 * test/fixtures/real-exports use (see SOURCES.md: ICBC, CCB, CMB, ABC, BOCOM, SPDB, TD, Chase-style,
 * UOB, DCU), plus corporate online-banking columns (借方发生额/贷方发生额, 用途, 备注); the ledger headers
 * are what accounting software and hand-kept sheets print (金蝶/用友 exports, 银行存款日记账 templates).
 *
 * Each table row says which columns a layout may have, how each header may be written, and how money
 * is written (debit/credit columns in the book's own meaning, a signed amount, an amount with a 借/贷
 * direction column). A draw picks one row, one header word per column, optional extra columns, and an
 * order; the reader must work all of it out.
 */
import type { AmountStyle } from './money';
import type { DateStyle } from './days';
import type { BankLayout, LedgerLayout, Layout } from './layouts';
import type { NameLanguage } from './names';
import type { Random } from './random';

/** How a side writes its money. */
export type MoneyForm = 'debit-credit' | 'signed' | 'direction';

/** Header words per ledger field, per language; the first is the most common. */
const LEDGER_WORDS: Record<NameLanguage, Record<string, string[]>> = {
  zh: {
    date: ['日期', '记账日期', '凭证日期', '业务日期'],
    voucher: ['凭证号', '凭证字号', '凭证编号'],
    summary: ['摘要', '摘要说明', '业务摘要'],
    party: ['客户名称', '对方单位', '往来单位', '客户', '单位名称'],
    invoice: ['发票号', '发票号码', '单据号', '订单号'],
    dept: ['部门', '经办部门', '经办人'],
    note: ['备注', '附注'],
    debitCash: ['借方金额', '借方', '收入', '借方发生额'],
    creditCash: ['贷方金额', '贷方', '支出', '贷方发生额'],
    debitReceivables: ['借方金额', '借方', '借方发生额'],
    creditReceivables: ['贷方金额', '贷方', '贷方发生额'],
    amount: ['金额', '发生额', '发生金额'],
    direction: ['借/贷', '方向', '借贷'],
    balance: ['余额', '期末余额'],
  },
  en: {
    date: ['Date', 'Posting Date', 'Doc Date'],
    voucher: ['Doc No', 'Voucher', 'Journal No'],
    summary: ['Description', 'Narrative', 'Details'],
    party: ['Customer', 'Customer Name', 'Account Name', 'Client'],
    invoice: ['Invoice', 'Invoice No', 'Ref', 'Reference'],
    dept: ['Department', 'Cost Centre'],
    note: ['Memo', 'Notes'],
    debitCash: ['Debit', 'Receipts', 'Money In', 'Dr'],
    creditCash: ['Credit', 'Payments', 'Money Out', 'Cr'],
    debitReceivables: ['Debit', 'Dr'],
    creditReceivables: ['Credit', 'Cr'],
    amount: ['Amount', 'Net Amount'],
    direction: ['Dr/Cr', 'Debit/Credit'],
    balance: ['Balance', 'Running Balance'],
  },
};

/** What a direction column holds for debit and credit, per language. */
const LEDGER_DIRECTION_WORDS: Record<NameLanguage, Array<[string, string]>> = {
  zh: [['借', '贷']],
  en: [['Dr', 'Cr'], ['DR', 'CR']],
};

const LEDGER_TITLES: Record<'cash-journal' | 'receivables-ledger', Record<NameLanguage, string[]>> = {
  'cash-journal': { zh: ['银行存款日记账', '银行日记账', ''], en: ['Cash Book', 'Bank Journal', ''] },
  'receivables-ledger': { zh: ['应收账款明细账', '应收账款明细表', ''], en: ['Accounts Receivable Ledger', ''] },
};

const DEPARTMENTS: Record<NameLanguage, string[]> = { zh: ['销售部', '财务部', '市场部', '华东区'], en: ['Sales', 'Finance', 'North', 'Export'] };

/**
 * A bank export family, as the real files write it. `fields` in the file's own order; `optional`
 * fields are dropped at random; `words` gives the header choices per field.
 */
interface BankFamily {
  label: string;
  language: NameLanguage;
  money: MoneyForm | 'in-out';
  fields: string[];
  optional: string[];
  words: Record<string, string[]>;
  /** Direction words for money in / money out. */
  directionWords?: Array<[string, string]>;
  date: DateStyle[];
  amount: AmountStyle[];
  titles: string[];
  totalLabel: string;
  note?: string;
  upperCaseNames: boolean;
}

const ZH_TITLES = ['{bank}账户明细', '账号: {account}', '户名: {holder}', '查询期间: {from} 至 {to}'];
const EN_TITLES = ['Account transactions', 'Account: {account}', 'Holder: {holder}', 'From {from} to {to}'];

const BANK_FAMILIES: BankFamily[] = [
  {
    label: 'ICBC 明细 (记账金额收入/支出, 交易详情)',
    language: 'zh', money: 'in-out',
    fields: ['date', 'summary', 'memo', 'in', 'out', 'balance', 'party', 'account'],
    optional: ['account', 'balance'],
    words: { date: ['交易日期'], summary: ['摘要'], memo: ['交易详情', '附言'], in: ['记账金额(收入)', '收入金额'], out: ['记账金额(支出)', '支出金额'], balance: ['余额'], party: ['对方户名'], account: ['对方账户'] },
    date: ['iso', 'compact'], amount: ['number', 'thousands'], titles: ZH_TITLES.map((t) => t.replace('{bank}', '中国工商银行')), totalLabel: '人民币合计', upperCaseNames: false,
  },
  {
    label: 'CCB 交易明细 (支出/收入, 摘要)',
    language: 'zh', money: 'in-out',
    fields: ['date', 'out', 'in', 'balance', 'currency', 'summary', 'account', 'party', 'memo'],
    optional: ['currency', 'account'],
    words: { date: ['交易日期', '记账日'], out: ['支出'], in: ['收入'], balance: ['账户余额'], currency: ['币种'], summary: ['摘要'], account: ['对方账号'], party: ['对方户名'], memo: ['附言', '备注'] },
    date: ['compact'], amount: ['number'], titles: ZH_TITLES.map((t) => t.replace('{bank}', '中国建设银行')), totalLabel: '合计', note: '以上数据仅供参考|具体内容请以柜台为准', upperCaseNames: false,
  },
  {
    label: 'CMB 交易流水 (交易金额 signed, 客户摘要)',
    language: 'zh', money: 'signed',
    fields: ['date', 'currency', 'amount', 'balance', 'summary', 'party', 'memo'],
    optional: ['currency'],
    words: { date: ['记账日期', '交易日期'], currency: ['货币'], amount: ['交易金额'], balance: ['联机余额'], summary: ['交易摘要'], party: ['对手信息', '对方户名'], memo: ['客户摘要', '附言'] },
    date: ['iso', 'slash-short'], amount: ['thousands', 'number'], titles: ZH_TITLES.map((t) => t.replace('{bank}', '招商银行')), totalLabel: '合计', upperCaseNames: false,
  },
  {
    label: 'ABC 明细 (交易金额 +/-, 交易附言)',
    language: 'zh', money: 'signed',
    fields: ['date', 'summary', 'amount', 'balance', 'party', 'serial', 'memo'],
    optional: ['serial'],
    words: { date: ['交易日期'], summary: ['交易摘要'], amount: ['交易金额'], balance: ['本次余额'], party: ['对手信息', '对方户名'], serial: ['日志号'], memo: ['交易附言'] },
    date: ['compact', 'slash-short'], amount: ['plus-signed'], titles: ZH_TITLES.map((t) => t.replace('{bank}', '中国农业银行')), totalLabel: '合计', upperCaseNames: false,
  },
  {
    label: 'BOCOM 明细 (借贷 借 Dr/贷 Cr + 交易金额)',
    language: 'zh', money: 'direction',
    fields: ['serial', 'date', 'kind', 'direction', 'amount', 'balance', 'account', 'party', 'summary', 'memo'],
    optional: ['serial', 'account', 'kind'],
    words: { serial: ['序号'], date: ['交易日期'], kind: ['交易类型'], direction: ['借贷'], amount: ['交易金额'], balance: ['余额'], account: ['对方账号'], party: ['对方户名'], summary: ['摘要'], memo: ['附言', '备注'] },
    directionWords: [['贷 Cr', '借 Dr'], ['贷', '借']],
    date: ['iso', 'compact'], amount: ['number', 'thousands'], titles: ZH_TITLES.map((t) => t.replace('{bank}', '交通银行')), totalLabel: '合计', upperCaseNames: false,
  },
  {
    label: 'SPDB 明细 (存入金额/取出金额, 附言)',
    language: 'zh', money: 'in-out',
    fields: ['serial', 'date', 'kind', 'in', 'out', 'balance', 'party', 'account', 'memo'],
    optional: ['serial', 'kind'],
    words: { serial: ['顺序号'], date: ['交易日期'], kind: ['交易类型'], in: ['存入金额'], out: ['取出金额'], balance: ['余额'], party: ['交易对手名称'], account: ['交易对手账号'], memo: ['附言'] },
    date: ['slash-short', 'iso'], amount: ['number'], titles: ZH_TITLES.map((t) => t.replace('{bank}', '浦发银行')), totalLabel: '合计', upperCaseNames: false,
  },
  {
    label: '企业网银 (借方发生额=支出/贷方发生额=收入, 用途, 备注)',
    language: 'zh', money: 'debit-credit',
    fields: ['date', 'party', 'account', 'out', 'in', 'balance', 'summary', 'memo', 'note'],
    optional: ['account', 'note'],
    words: { date: ['交易日期', '交易时间'], party: ['对方户名', '对方单位名称'], account: ['对方账号'], out: ['借方发生额', '借方金额'], in: ['贷方发生额', '贷方金额'], balance: ['余额', '账户余额'], summary: ['摘要'], memo: ['用途', '附言'], note: ['备注'] },
    date: ['iso', 'compact'], amount: ['thousands', 'number'], titles: ZH_TITLES.map((t) => t.replace('{bank}', '中国银行')), totalLabel: '合计', upperCaseNames: false,
  },
  {
    label: 'TD-style (Debit=out/Credit=in)',
    language: 'en', money: 'debit-credit',
    fields: ['date', 'summary', 'party', 'out', 'in', 'balance', 'memo'],
    optional: ['balance'],
    words: { date: ['Date', 'Transaction Date'], summary: ['Description'], party: ['Payee', 'Name'], out: ['Debit'], in: ['Credit'], balance: ['Balance'], memo: ['Reference', 'Memo'] },
    date: ['iso', 'dmy'], amount: ['number', 'thousands'], titles: EN_TITLES, totalLabel: 'Total', upperCaseNames: true,
  },
  {
    label: 'Chase-style (Amount signed, DEBIT/CREDIT details)',
    language: 'en', money: 'signed',
    fields: ['kind', 'date', 'summary', 'party', 'amount', 'balance', 'memo'],
    optional: ['kind'],
    words: { kind: ['Type'], date: ['Posting Date', 'Date'], summary: ['Description'], party: ['Payee', 'Counterparty'], amount: ['Amount'], balance: ['Balance'], memo: ['Memo', 'Reference'] },
    date: ['iso', 'dmy'], amount: ['number', 'thousands'], titles: EN_TITLES, totalLabel: 'Total', upperCaseNames: true,
  },
  {
    label: 'UOB-style (Withdrawal/Deposit)',
    language: 'en', money: 'in-out',
    fields: ['date', 'summary', 'party', 'out', 'in', 'balance', 'memo'],
    optional: [],
    words: { date: ['Transaction Date', 'Value Date'], summary: ['Transaction Description', 'Description'], party: ['Payee', 'Payer'], out: ['Withdrawal', 'Paid out'], in: ['Deposit', 'Paid in'], balance: ['Available Balance', 'Balance'], memo: ['Reference', 'Details'] },
    date: ['dmy', 'iso'], amount: ['number'], titles: EN_TITLES, totalLabel: 'Total', upperCaseNames: true,
  },
  {
    label: 'Credit-union style (AMOUNT + CREDIT/DEBIT flag)',
    language: 'en', money: 'direction',
    fields: ['date', 'summary', 'party', 'direction', 'amount', 'memo', 'balance'],
    optional: ['balance'],
    words: { date: ['DATE', 'Date'], summary: ['DESCRIPTION'], party: ['PAYEE', 'Name'], direction: ['Credit/Debit', 'Dr/Cr'], amount: ['AMOUNT'], memo: ['MEMO'], balance: ['CURRENT BALANCE'] },
    directionWords: [['CREDIT', 'DEBIT'], ['CR', 'DR']],
    date: ['iso'], amount: ['number', 'thousands'], titles: EN_TITLES, totalLabel: 'Total', upperCaseNames: false,
  },
];

/** Ledger shapes: which money form and which optional columns a book of this kind may have. */
const LEDGER_FORMS: Record<'cash-journal' | 'receivables-ledger', MoneyForm[]> = {
  'cash-journal': ['debit-credit', 'debit-credit', 'signed', 'direction'],
  'receivables-ledger': ['debit-credit', 'debit-credit', 'direction'],
};

export interface DrawnLayouts {
  ledger: LedgerLayout;
  bank: BankLayout;
  /** Short label of the ledger's shape, for reports: "zh cash journal · signed · 发票号". */
  ledgerLabel: string;
  bankLabel: string;
}

function pickWord(rng: Random, words: string[]): string {
  return rng.chance(0.6) ? words[0] : rng.pick(words);
}

/** Moves a few columns, keeping date first most of the time (as nearly every export does). */
function shuffledOrder<T>(rng: Random, items: T[], keepFirst: boolean): T[] {
  const out = items.slice();
  const swaps = rng.int(1, 3);
  for (let i = 0; i < swaps; i++) {
    const a = rng.int(keepFirst ? 1 : 0, out.length - 1);
    const b = rng.int(keepFirst ? 1 : 0, out.length - 1);
    [out[a], out[b]] = [out[b], out[a]];
  }
  return out;
}

/** A ledger and a bank layout for `layout`'s language and book, drawn from the tables. */
export function drawLayouts(rng: Random, layout: Layout, base: LedgerLayout): DrawnLayouts {
  const language = base.language;
  const book = base.book;
  const words = LEDGER_WORDS[language];
  const form = rng.pick(LEDGER_FORMS[book]);
  const receivables = book === 'receivables-ledger';
  // Columns: date, voucher, summary, party and money always; invoice always in a receivables ledger.
  const fields: string[] = ['date'];
  if (rng.chance(0.85)) fields.push('voucher');
  fields.push('summary', 'party');
  if (receivables || rng.chance(0.6)) fields.push('invoice');
  if (rng.chance(0.3)) fields.push('dept');
  if (rng.chance(0.25)) fields.push('note');
  const money = form === 'debit-credit' ? ['debit', 'credit'] : form === 'signed' ? ['amount'] : ['amount', 'direction'];
  const balance = rng.chance(0.85) ? ['balance'] : [];
  const front = shuffledOrder(rng, fields, true);
  const all = [...front, ...money, ...balance] as LedgerLayout['fields'];
  const headerOf = (field: string): string => {
    switch (field) {
      case 'debit':
        return pickWord(rng, receivables ? words.debitReceivables : words.debitCash);
      case 'credit':
        return pickWord(rng, receivables ? words.creditReceivables : words.creditCash);
      default:
        return pickWord(rng, words[field]);
    }
  };
  let headers = all.map(headerOf);
  // 收入/支出 and Receipts/Payments come as a pair.
  const debitAt = all.indexOf('debit');
  if (debitAt >= 0) {
    const pairs = receivables ? [[words.debitReceivables, words.creditReceivables]] : [[words.debitCash, words.creditCash]];
    const k = pairs[0][0].indexOf(headers[debitAt]);
    headers = headers.map((h, i) => (all[i] === 'credit' ? pairs[0][1][k] : h));
  }
  const title = rng.pick(LEDGER_TITLES[book][language]);
  const ledger: LedgerLayout = {
    ...base,
    fields: all,
    headers,
    title: title || undefined,
    directionWords: form === 'direction' ? rng.pick(LEDGER_DIRECTION_WORDS[language]) : undefined,
    departments: DEPARTMENTS[language],
  };

  const families = BANK_FAMILIES.filter((f) => f.language === language);
  const family = rng.pick(families);
  const bankFields = family.fields.filter((f) => !family.optional.includes(f) || rng.chance(0.6));
  const order = rng.chance(0.3) ? shuffledOrder(rng, bankFields, true) : bankFields;
  const bank: BankLayout = {
    language,
    fields: order as BankLayout['fields'],
    headers: order.map((f) => pickWord(rng, family.words[f])),
    titles: family.titles,
    periodDate: 'iso',
    date: rng.pick(family.date),
    amount: rng.pick(family.amount),
    empty: rng.chance(0.5) ? null : '',
    totalLabel: family.totalLabel,
    note: family.note,
    upperCaseNames: family.upperCaseNames,
    directionWords: family.directionWords ? rng.pick(family.directionWords) : undefined,
  };
  const extras = all.filter((f) => f === 'invoice' || f === 'dept' || f === 'note').map((f) => headers[all.indexOf(f)]);
  const ledgerLabel = `${layout} · ${form}${extras.length ? ' · ' + extras.join('/') : ''}${title ? '' : ' · no title'}`;
  return { ledger, bank, ledgerLabel, bankLabel: `${family.label}` };
}

/** Labels of every bank family, for reports. */
export const BANK_FAMILY_LABELS = BANK_FAMILIES.map((f) => f.label);
