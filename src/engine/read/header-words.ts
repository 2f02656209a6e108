/**
 * Header words per column role, in zh-CN, zh-TW and English. A header cell is compared after
 * normalizeLabel (half-width, lower case, no spaces, no trailing `(元)`).
 *
 * `debit`/`credit` are not roles yet: what 借方/贷方 (Debit/Credit) mean depends on the side's kind
 * (a bank's 借方 is money out, a company's 借方 money in), so side-kind.ts turns them into inflow/outflow.
 *
 * Within a role, earlier words are preferred: where a sheet has both, the posting date beats the
 * transaction date, 记账金额 beats 交易金额, 人民币金额 beats 交易地金额.
 */
import type { ColumnRole } from '../types';
import { normalizeLabel } from './text';

export type HeaderKey = ColumnRole | 'debit' | 'credit';

interface RoleWords {
  /** Whole-cell matches. */
  exact: string[];
  /** Matches anywhere in a short header cell; weaker than exact, longer words stronger. */
  contains: string[];
  /** A contains-match is void when the header also holds one of these (对方账号 is no counterparty). */
  not?: string[];
}

export const HEADER_WORDS: Record<HeaderKey, RoleWords> = {
  date: {
    exact: [
      '记账日期', '记账日', '入账日期', '入账日', '银行记账日', '过账日期', '記帳日期', '入帳日期', '帳務日期', '账务日期',
      'postingdate', 'postdate', 'dateposted', 'bookingdate', 'bookeddate',
      '交易日期', '交易日', '日期', 'date', 'transactiondate', 'transdate', 'valuedate',
      '凭证日期', '業務日期', '业务日期', '发生日期', '制单日期', '单据日期', '憑證日期', '傳票日期', '传票日期',
      '交易时间', '交易時間', '交易日期時間', '时间', '時間', '付款时间', '创建时间',
      // 微信支付商户平台's 资金账单 (记账时间), banks' and wallets' 入账时间 / 发生时间 / 到账时间
      '记账时间', '記帳時間', '入账时间', '入帳時間', '发生时间', '發生時間', '交易发生时间', '到账时间', '到帳時間',
      // payment platforms: Stripe's created / created (UTC), PayPal's Date
      'created', 'created(utc)', 'createdutc', 'created_utc', 'createddate(utc)', 'createddate', 'createdat', 'created_at',
    ],
    contains: ['日期', 'date'],
    not: ['更新', '打印', '导出', 'download', 'print'],
  },
  amount: {
    exact: [
      '人民币金额', '记账金额', '结算金额', '入账金额', '本币金额', '交易金额', '金额', '發生額', '发生额', '发生金额',
      '交易額', '交易额', '金額', 'net', 'netamount', 'amount', 'transactionamount', 'billingamount', 'amt',
    ],
    contains: ['金额', '金額', '发生额', 'amount'],
    not: ['交易地', '原币', '外币', '手续费', 'fee', 'refunded', 'disputed', 'converted', 'captured'],
  },
  inflow: {
    exact: [
      '收入', '存入', '收入金额', '存入金额', '转入', '转入金额', '收款金额', '存入金額', '收入金額', '存款', '存款金額', '存款金额',
      'deposit', 'deposits', 'moneyin', 'paidin', 'receipts', 'in',
      // a hand-kept cash book's own words (Received / Paid, Income / Expenditure)
      'received', 'amountreceived', 'moneyreceived', 'income', 'incoming', '收款', '收款额', '收款額',
      // a card's own book (公务卡台账, a credit-card register): repayments in, spending out
      '还款', '还款金额', '還款', '還款金額', '还款额', '還款額', 'repayment', 'repayments',
    ],
    contains: ['记账金额(收入)', '(收入)', '收入', '存入', '存款金', 'deposit', 'moneyin'],
    not: ['帳號', '账号', '账户', '帳戶', '户名', '戶名', '利率'],
  },
  outflow: {
    exact: [
      '支出', '取出', '支出金额', '取出金额', '转出', '转出金额', '付款金额', '支出金額', '取出金額', '提款', '提款金額', '提款金额',
      '提出', '提出金額', '支取', '支取金额', '支取金額', 'withdrawal', 'withdrawals', 'moneyout', 'paidout', 'payments', 'out',
      'paid', 'amountpaid', 'moneypaid', 'spent', 'expenditure', 'expenses', 'outgoing', 'outgoings', 'payment',
      '付款', '付款额', '付款額',
      '消费', '消费金额', '消費', '消費金額', 'purchases', 'spending',
    ],
    contains: ['记账金额(支出)', '(支出)', '支出', '取出', '提款', '支取', 'withdrawal', 'moneyout'],
    not: ['帳號', '账号', '账户', '帳戶', '户名', '戶名', '利率'],
  },
  debit: {
    // CCB corporate exports: 借方发生额（支取）/贷方发生额（收入）; without these the longer 发生额 reads as a lone amount.
    exact: [
      '借方', '借方金额', '借方发生额', '借方金額', '借方發生額', '借方发生额(支取)', '借方发生额(支出)', '借', 'debit', 'debits', 'debitamount', 'dr',
      // a supplier's 客户对账单 (their receivables: 应收 is an invoice to us) or a customer's (their
      // payables: 已付 is a payment); the reading, not the word, says whose side a debit is
      '本期应收', '应收金额', '本期應收', '應收金額', '本期已付', '已付金额', '本期已付金额', '已付金額',
      // an English receivables ledger's own words: what was invoiced is its debit (its receipts, beside it, the credit)
      'invoiced', 'invoiceamount', 'invoicedamount', 'amountinvoiced', 'charges', 'charged', 'billed', 'amountbilled', 'sales',
      // …and a Chinese 应收台账's: 开票金额 beside 收款金额
      '开票金额', '開票金額', '开票', '開票', '本期开票', '本期開票', '开票额', '開票額', '发票金额', '發票金額', '销售金额', '銷售金額',
    ],
    contains: ['借方', 'debit'],
  },
  credit: {
    exact: [
      '贷方', '贷方金额', '贷方发生额', '貸方', '貸方金額', '貸方發生額', '贷方发生额(收入)', '贷方发生额(存入)', '贷', 'credit', 'credits', 'creditamount', 'cr',
      '本期已收', '已收金额', '本期已收金额', '本期已收款', '已收金額', '本期应付', '应付金额', '本期應付', '應付金額',
      // an English payables ledger's bills
      'bills', 'billamount', 'billsreceived', 'purchasesinvoiced',
    ],
    contains: ['贷方', '貸方', 'credit'],
  },
  direction: {
    exact: [
      '收/支', '收支', '收支类型', '收支方向', '借贷', '借贷标志', '借贷方向', '借/贷', '借或贷', '借貸', '方向', '资金方向',
      '收付标志', '收/付', '收付', '交易方向', 'credit/debit', 'debit/credit', 'dr/cr', 'cr/dr', 'type', 'transactiontype', 'direction',
    ],
    contains: ['借贷', '收/支', '收支', 'credit/debit', 'debit/credit'],
    // 收支类别 / 收支项目 is a category (餐饮, 交通), not a direction
    not: ['类别', '類別', '项目', '項目', '分类', '分類', '科目'],
  },
  counterparty: {
    exact: [
      '对方户名', '对方名称', '对方账户名称', '对方账户名', '对方单位', '对方单位名称', '交易对方', '交易对手', '交易对手名称', '对手信息', '对方信息',
      '对方', '對方', '對方戶名', '對方名稱', '客户名称', '客户', '客戶名稱', '客戶', '供应商名称', '供应商', '廠商', '廠商名稱', '客戶/廠商', '客户/供应商',
      '單位名稱', '单位名称', '往来单位', '往來對象', '交易對象',
      // 招商银行's corporate export names the other party 收(付)方名称
      '收(付)方名称', '收(付)方户名', '收付方名称', '付(收)方名称', '收款方名称', '付款方名称', '对手方名称', '对方账户户名', '對方帳戶名稱',
      '付款人', '收款人', '付款人名称', '收款人名称', '付款方', '收款方', '商户名称', '商户', '商戶名稱', '商家', '商家名称', '商家名稱',
      // 工商银行's card export: the merchant, beside an 对方户名 it leaves empty
      '交易场所', '交易場所',
      'payee', 'payer', 'counterparty', 'merchant', 'merchantname', 'beneficiary', 'name', 'payeename',
      'customer', 'customername', 'client', 'supplier', 'vendor', 'vendorname', 'accountname',
      // a register's one column for both ways (Paid to / Received from)
      'paidto', 'receivedfrom', 'paidto/from', 'paidto/receivedfrom', 'receivedfrom/paidto', 'from/to', 'to/from',
    ],
    contains: ['对方户名', '对方名称', '户名', '收款人', '付款人', '客户名称', '供应商', '廠商', 'payee', 'counterparty', 'merchant'],
    not: ['账号', '帐号', '帳號', '账户号', '卡号', '開戶', '开户行', '行号', '代號', '代号', '编号', '編號', 'account', 'acct', 'bank'],
  },
  reference: {
    exact: [
      '发票号', '发票号码', '發票號碼',
      // a cheque's or draft's number (用友/金蝶 日记账 票号 beside 结算方式): the bank writes it too, the
      // voucher number (凭证号) never, so it comes first
      '票号', '票据号码', '支票号', '支票号码', '结算号', '结算凭证号', '票號', '支票號',
      '凭证号', '凭证字号', '凭证编号', '憑證號碼', '交易单号', '交易订单号', '订单号',
      '附言', '交易附言', '备注', '備註', '附註', '附注', '交易流水号', '流水号', '业务编号', '票据号', '单据号', '日志号', '交易参考号',
      '傳票號碼', '傳票編號', '憑證編號', '支票號碼', '票據號碼', '發票號', '發票', '單據號碼', '訂單號碼', '單號',
      'reference', 'ref', 'referenceno', 'reference#', 'invoice', 'invoiceno', 'invoice#', 'checkorslip#', 'checkno',
      'check#', 'chequeno', 'id', 'transactionid', 'operationnumber', 'chq./ref.no.', 'chq/refno', 'chqno', 'chq.no.',
      // QuickBooks Desktop's register and reports (Num), QuickBooks Online's (Ref No.), MYOB's (Cheque No.)
      'num', 'refno', 'refno.', 'ref.', 'ref.no.', 'ref#', 'checknumber', 'chequenumber', 'cheque#', 'checkno.', 'chequeno.',
    ],
    contains: ['发票', '發票', '发票号', '凭证号', '订单号', '单号', '流水号', '附言', '备注', 'reference', 'invoice'],
  },
  description: {
    exact: [
      '摘要', '交易摘要', '用途', '交易说明', '商品说明', '交易描述', '交易详情', '说明', '描述', '業務摘要', '业务摘要',
      '商品', '客户摘要', '摘要說明', 'description', 'transactiondescription', 'memo', 'details', 'narrative',
      'particulars', 'label', 'narration',
      // a household's or small shop's book: 内容 / 明细 / 事项 / 项目 say what the money was for
      '内容', '內容', '交易内容', '交易內容', '明细', '明細', '事项', '事項', '项目', '項目', '款项', '款項',
      // a French bank's or book's Libellé (accents are folded by normalizeLabel)
      'libelle',
    ],
    contains: ['摘要', '说明', '說明', '描述', '用途', 'description', 'memo', 'detail'],
  },
  currency: {
    // the currency of the amount read: 结算金额 beats 交易金额, so 结算币种 beats 交易币种 (中信's card bill has both)
    exact: ['记账币种', '结算币种', '入账币种', '币种', '幣別', '币别', '货币', '貨幣', '交易币种', 'billingcurrency', 'settlementcurrency', 'currency', 'transactioncurrency', 'ccy'],
    contains: ['币种', '幣別', 'currency'],
  },
  balance: {
    exact: [
      '余额', '账户余额', '本次余额', '联机余额', '可用余额', '当前余额', '餘額', '帳戶餘額', '結餘', '结余', '結存', '结存',
      // Taiwanese and some mainland exports write the balance as an amount: 結餘金額, 余额金额
      '結餘金額', '结余金额', '餘額金額', '余额金额', '結存金額', '结存金额', '帳戶結餘', '账户结余',
      'balance', 'currentbalance', 'availablebalance', 'runningbalance', 'ledgerbalance', 'runningbal', 'runningbal.', 'bal', 'bal.',
      'runningtotal', 'balancedue',
    ],
    contains: ['余额', '餘額', '結餘', '结余', 'balance'],
  },
  fee: {
    exact: ['手续费', '手續費', '服务费', '服務費', '交易手续费', 'fee', 'fees', 'feeamount', 'processingfee', 'paypalfee'],
    contains: ['手续费', '手續費', 'fee'],
    not: ['feerate', 'feeid', '费率'],
  },
  status: {
    exact: ['交易状态', '当前状态', '状态', '交易狀態', '狀態', 'status', 'transactionstatus', '交易结果'],
    contains: ['状态', '狀態', 'status'],
  },
};

export interface HeaderMatch {
  key: HeaderKey;
  /** Higher is a better match: exact beats contains, earlier words beat later ones. */
  score: number;
}

const EXACT = new Map<string, HeaderMatch>();
const CONTAINS: { word: string; key: HeaderKey; score: number; not: string[] }[] = [];

for (const key of Object.keys(HEADER_WORDS) as HeaderKey[]) {
  const words = HEADER_WORDS[key];
  words.exact.forEach((word, i) => {
    const normal = normalizeLabel(word);
    if (!EXACT.has(normal)) EXACT.set(normal, { key, score: 100 - i * 0.1 });
  });
  words.contains.forEach((word, i) => {
    CONTAINS.push({ word: normalizeLabel(word), key, score: 50 + word.length - i * 0.01, not: (words.not ?? []).map(normalizeLabel) });
  });
}

/** Header cells are short labels; longer text is a title or a note. */
const MAX_HEADER_LENGTH = 30;

/** A sign printed after a header, as registers do: Debit (-), Credit (+). normalizeLabel drops it. */
const SIGN_MARK = /[(（]\s*(?:([+＋])|[-−–－])\s*[)）]/;

const MONEY_KEYS: ReadonlySet<HeaderKey> = new Set(['debit', 'credit', 'inflow', 'outflow']);

/** The role a header cell names, or null. Key/value cells (`卡号: 1234`) and data are not headers. */
export function matchHeader(text: string): HeaderMatch | null {
  const normal = normalizeLabel(text);
  if (normal === '' || normal.length > MAX_HEADER_LENGTH) return null;
  const first = normal.charCodeAt(0);
  if (first >= 48 && first <= 57) return null; // data or a numbered note line
  if (normal.indexOf(':') >= 0) return null;
  const found = EXACT.get(normal) ?? matchHalves(normal) ?? matchContained(normal);
  // "Debit (-)" in a check register is money out, whatever a ledger's debit would be: the sign says so
  const sign = found && MONEY_KEYS.has(found.key) ? SIGN_MARK.exec(text) : null;
  if (sign) return { key: sign[1] ? 'inflow' : 'outflow', score: found!.score };
  return found;
}

/**
 * A header of two words for one column (还款/退款, Payment/Debit, Client / Supplier): the role its
 * halves agree on; a money-in or money-out word beats a debit or credit one (Payment/Debit is money out).
 */
function matchHalves(normal: string): HeaderMatch | null {
  if (!/[/、|]/.test(normal)) return null;
  const halves = normal
    .split(/[/、|]/)
    .map((half) => EXACT.get(half))
    .filter((match): match is HeaderMatch => match !== undefined);
  if (halves.length === 0) return null;
  const flows = halves.filter((match) => match.key === 'inflow' || match.key === 'outflow');
  const agreed = flows.length > 0 ? flows : halves;
  if (agreed.some((match) => match.key !== agreed[0].key)) return null;
  // below a whole-cell match, above a word found inside a longer header
  return { key: agreed[0].key, score: agreed[0].score - 10 };
}

function matchContained(normal: string): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (const entry of CONTAINS) {
    if (normal.indexOf(entry.word) < 0) continue;
    if (entry.not.some((word) => normal.indexOf(word) >= 0)) continue;
    if (!best || entry.score > best.score) best = { key: entry.key, score: entry.score };
  }
  return best;
}

/**
 * The contra account (对方科目) of a 金蝶/用友 journal line. Not a role: 应收账款-杭州宏远纺织有限公司 is
 * an account, not a counterparty, but the customer or supplier it names (辅助核算) is the best name a
 * cash journal has, so the line's text includes it (other-text.ts).
 */
export const CONTRA_ACCOUNT_HEADERS: ReadonlySet<string> = new Set(
  ['对方科目', '對方科目', '对方科目名称', '對方科目名稱', '对应科目', '對應科目', '对方会计科目', '對方會計科目', 'contraaccount', 'offsetaccount'].map(
    normalizeLabel,
  ),
);

/**
 * The account a line went through, in a 出纳流水账 kept for several accounts at once (现金, 工行基本户,
 * 建行一般户, 支付宝) or a bank export of several accounts. Not a role: it decides which lines belong
 * to this reconciliation (read/accounts.ts). Plain "Account" is left out: in Xero or QuickBooks reports
 * it is the contra account (Sales, Rent), and 对方账号 / Account name are the other party's.
 */
export const ACCOUNT_HEADERS: ReadonlySet<string> = new Set(
  [
    '银行账户', '账户', '帐户', '账户名称', '帐户名称', '收支账户', '收付账户', '资金账户', '结算账户', '银行', '开户行', '开户银行', '银行名称',
    '账号', '银行账号', '本方账号', '本方账户', '我方账号', '本方户名', '帳戶', '銀行帳戶', '帳號', '銀行帳號', '帳戶名稱', '資金帳戶', '收支帳戶',
    'bankaccount', 'accountnumber', 'accountno', 'accountno.', 'account#', 'acctno', 'fundingaccount', 'paymentaccount',
  ].map(normalizeLabel),
);

/**
 * A 序时账 / 凭证列表's 科目 column (every account's voucher lines, selected for the bank's). An account
 * column only when it names a cash or bank account (LEDGER_CASH_ACCOUNT) on some line: a 日记账's own
 * 科目 column is the contra account of each line (应收账款, 管理费用), which must not split the book.
 */
export const LEDGER_ACCOUNT_HEADERS: ReadonlySet<string> = new Set(
  ['科目', '科目名称', '科目名稱', '会计科目', '會計科目', '总账科目', '總帳科目', '科目代码', '科目代碼', '科目编码', '科目編碼'].map(normalizeLabel),
);

/** 银行存款 / 库存现金 / 其他货币资金 by name or by their codes (1002, 1001, 1012) in the 企业会计准则 chart. */
export const LEDGER_CASH_ACCOUNT = /银行存款|銀行存款|库存现金|庫存現金|其他货币资金|其他貨幣資金|^10(?:01|02|12)(?:\D|$)/;

/** Keys that carry an amount; a header row needs one of them and a date. */
export const AMOUNT_KEYS: readonly HeaderKey[] = ['amount', 'inflow', 'outflow', 'debit', 'credit'];

/** Time-of-day headers (交易时间) are dates only when nothing better is there; never a fallback date. */
export function isDayHeader(text: string): boolean {
  const normal = normalizeLabel(text);
  return normal.indexOf('日') >= 0 || normal.indexOf('date') >= 0;
}

/** `Column1`, `Column2` … : Power Query's generic header above a real one. */
export function isGenericHeader(text: string): boolean {
  return /^(?:column|列)\s*\d+$/i.test(text);
}
