/**
 * Words of the customer statements (客户对账单) and their index sheet (对账单目录): one row per
 * message, one column per language. A statement is written in its customer's language; the index
 * in the run's. `{name}` placeholders are filled by `statementText`.
 */
import type { AgingBucket, AgingMethod, DisputeKind, StatementNoteKind } from '../engine/report/statements/statement-model';
import type { Locale } from './locale';
import { fillTemplate } from './template';

const STATEMENT_MESSAGES = {
  // The statement sheet.
  'statement.title': { 'zh-CN': '客户对账单', 'zh-TW': '客戶對帳單', en: 'Customer statement' },
  'statement.company': { 'zh-CN': '我方单位', 'zh-TW': '本公司', en: 'From' },
  'statement.noCompany': { 'zh-CN': '（未填写公司名称）', 'zh-TW': '（未填寫公司名稱）', en: '(company name not given)' },
  'statement.customer': { 'zh-CN': '客户', 'zh-TW': '客戶', en: 'Customer' },
  'statement.period': { 'zh-CN': '对账期间', 'zh-TW': '對帳期間', en: 'Period' },
  'statement.periodRange': { 'zh-CN': '{from} 至 {to}', 'zh-TW': '{from} 至 {to}', en: '{from} to {to}' },
  'statement.date': { 'zh-CN': '对账日期', 'zh-TW': '對帳日期', en: 'Statement date' },
  'statement.currency': { 'zh-CN': '币种', 'zh-TW': '幣別', en: 'Currency' },
  'statement.localCurrency': { 'zh-CN': '人民币', 'zh-TW': '本位幣', en: 'Local currency' },
  'statement.terms': { 'zh-CN': '账期', 'zh-TW': '帳期', en: 'Terms' },
  'statement.termsDays': { 'zh-CN': '{days} 天', 'zh-TW': '{days} 天', en: '{days} days' },
  'column.date': { 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' },
  'column.voucher': { 'zh-CN': '凭证号', 'zh-TW': '憑證號', en: 'Voucher' },
  'column.reference': { 'zh-CN': '发票/订单号', 'zh-TW': '發票/訂單號', en: 'Invoice / order' },
  'column.description': { 'zh-CN': '摘要', 'zh-TW': '摘要', en: 'Description' },
  'column.invoiced': { 'zh-CN': '本期应收', 'zh-TW': '本期應收', en: 'Invoiced' },
  'column.received': { 'zh-CN': '本期收款', 'zh-TW': '本期收款', en: 'Received' },
  'column.balance': { 'zh-CN': '余额', 'zh-TW': '餘額', en: 'Balance' },
  'column.bankDate': { 'zh-CN': '银行入账日', 'zh-TW': '銀行入帳日', en: 'Bank date' },
  'column.matchId': { 'zh-CN': '匹配编号', 'zh-TW': '比對編號', en: 'Match' },
  'row.opening': { 'zh-CN': '期初余额', 'zh-TW': '期初餘額', en: 'Opening balance' },
  'row.periodTotal': { 'zh-CN': '本期合计', 'zh-TW': '本期合計', en: 'Period total' },
  'row.closing': { 'zh-CN': '期末余额', 'zh-TW': '期末餘額', en: 'Closing balance' },
  'row.noLines': { 'zh-CN': '本期无发生额', 'zh-TW': '本期無發生額', en: 'No movement in the period' },
  'kind.credit-note': { 'zh-CN': '红字冲销', 'zh-TW': '紅字沖銷', en: 'Credit note' },

  // Aging.
  'aging.title': { 'zh-CN': '账龄分析（截至 {date}）', 'zh-TW': '帳齡分析（截至 {date}）', en: 'Aging at {date}' },
  'aging.current': { 'zh-CN': '未到期', 'zh-TW': '未到期', en: 'Current' },
  'aging.days1to30': { 'zh-CN': '逾期 1–30 天', 'zh-TW': '逾期 1–30 天', en: '1–30 days overdue' },
  'aging.days31to60': { 'zh-CN': '逾期 31–60 天', 'zh-TW': '逾期 31–60 天', en: '31–60 days overdue' },
  'aging.days61to90': { 'zh-CN': '逾期 61–90 天', 'zh-TW': '逾期 61–90 天', en: '61–90 days overdue' },
  'aging.over90': { 'zh-CN': '逾期 90 天以上', 'zh-TW': '逾期 90 天以上', en: 'Over 90 days overdue' },
  'aging.total': { 'zh-CN': '合计', 'zh-TW': '合計', en: 'Total' },
  'method.linked-then-fifo': {
    'zh-CN': '计算方法：收款先冲销其注明的发票，其余按先进先出（最早到期的先冲）；到期日取账簿所列，没有的按发票日期加账期 {terms} 天。',
    'zh-TW': '計算方法：收款先沖銷其註明的發票，其餘按先進先出（最早到期者先沖）；到期日取帳簿所列，沒有的按發票日期加帳期 {terms} 天。',
    en: 'Method: receipts are set against the invoices they name, the rest oldest due first (FIFO); due dates from the ledger, else invoice date plus {terms} days.',
  },
  'method.fifo': {
    'zh-CN': '计算方法：收款按先进先出冲销（最早到期的先冲）；到期日取账簿所列，没有的按发票日期加账期 {terms} 天。',
    'zh-TW': '計算方法：收款按先進先出沖銷（最早到期者先沖）；到期日取帳簿所列，沒有的按發票日期加帳期 {terms} 天。',
    en: 'Method: receipts set against the oldest due invoices first (FIFO); due dates from the ledger, else invoice date plus {terms} days.',
  },

  // Open and disputed items.
  'open.title': { 'zh-CN': '未结清项目', 'zh-TW': '未結清項目', en: 'Open items' },
  'open.dueDate': { 'zh-CN': '到期日', 'zh-TW': '到期日', en: 'Due date' },
  'open.amount': { 'zh-CN': '原始金额', 'zh-TW': '原始金額', en: 'Amount' },
  'open.open': { 'zh-CN': '未结金额', 'zh-TW': '未結金額', en: 'Open' },
  'open.daysOverdue': { 'zh-CN': '逾期天数', 'zh-TW': '逾期天數', en: 'Days overdue' },
  'open.unapplied': { 'zh-CN': '未核销收款', 'zh-TW': '未核銷收款', en: 'Unapplied receipt' },
  'open.none': { 'zh-CN': '无', 'zh-TW': '無', en: 'None' },
  'disputed.title': { 'zh-CN': '有争议项目', 'zh-TW': '有爭議項目', en: 'Disputed items' },
  'disputed.kind': { 'zh-CN': '情况', 'zh-TW': '情況', en: 'Issue' },
  'disputed.difference': { 'zh-CN': '差额（银行−账簿）', 'zh-TW': '差額（銀行−帳簿）', en: 'Difference (bank − ledger)' },
  'disputed.matched-with-difference': { 'zh-CN': '银行到账金额与账簿不一致', 'zh-TW': '銀行入帳金額與帳簿不一致', en: 'Bank amount differs from the ledger' },
  'disputed.not-in-bank': { 'zh-CN': '银行流水中未见此笔收款', 'zh-TW': '銀行明細中未見此筆收款', en: 'Receipt not shown by the bank' },
  'disputed.bank-not-booked': { 'zh-CN': '银行已收款，账簿未入账', 'zh-TW': '銀行已收款，帳簿未入帳', en: 'Paid to our bank, not yet booked' },

  // The confirmation block.
  'confirm.title': { 'zh-CN': '对账确认函', 'zh-TW': '對帳確認函', en: 'Balance confirmation' },
  'confirm.intro': {
    'zh-CN': '截至 {date}，贵公司尚欠{company}款项 {currency} {balance}。请核对后在下方勾选、签章并回复。',
    'zh-TW': '截至 {date}，貴公司尚欠{company}款項 {currency} {balance}。請核對後於下方勾選、簽章並回覆。',
    en: 'At {date} your balance owed to {company} is {currency} {balance}. Please check it, tick below, sign and reply.',
  },
  'confirm.introCredit': {
    'zh-CN': '截至 {date}，{company}尚欠贵公司（预收或多收款项）{currency} {balance}。请核对后在下方勾选、签章并回复。',
    'zh-TW': '截至 {date}，{company}尚欠貴公司（預收或多收款項）{currency} {balance}。請核對後於下方勾選、簽章並回覆。',
    en: 'At {date} {company} owes you {currency} {balance} (received in advance or overpaid). Please check it, tick below, sign and reply.',
  },
  'confirm.agree': { 'zh-CN': '□ 以上余额核对相符，予以确认。', 'zh-TW': '□ 以上餘額核對相符，予以確認。', en: '□ The balance above is confirmed.' },
  'confirm.disagree': { 'zh-CN': '□ 以上余额核对不符，差异如下：', 'zh-TW': '□ 以上餘額核對不符，差異如下：', en: '□ Not confirmed; the differences are as follows:' },
  'confirm.signature': { 'zh-CN': '经办人签字：', 'zh-TW': '經辦人簽名：', en: 'Signature:' },
  'confirm.stamp': { 'zh-CN': '单位盖章：', 'zh-TW': '公司蓋章：', en: 'Company stamp:' },
  'confirm.date': { 'zh-CN': '日期：', 'zh-TW': '日期：', en: 'Date:' },
  'confirm.reply': {
    'zh-CN': '请于 {replyBy} 前将签章后的确认函回复{company}{contact}。',
    'zh-TW': '請於 {replyBy} 前將簽章後的確認函回覆{company}{contact}。',
    en: 'Please reply to {company}{contact} with this confirmation signed by {replyBy}.',
  },
  'confirm.contact': { 'zh-CN': '（{email}）', 'zh-TW': '（{email}）', en: ' ({email})' },
  'confirm.ourCompany': { 'zh-CN': '我公司', 'zh-TW': '本公司', en: 'us' },

  // Page header and footer (Excel codes: &P page, &N pages).
  'page.header': { 'zh-CN': '{company} 客户对账单 {period}', 'zh-TW': '{company} 客戶對帳單 {period}', en: '{company} customer statement {period}' },
  'page.footer': { 'zh-CN': '第 &P 页，共 &N 页', 'zh-TW': '第 &P 頁，共 &N 頁', en: 'Page &P of &N' },

  // The index sheet.
  'index.sheet': { 'zh-CN': '对账单目录', 'zh-TW': '對帳單目錄', en: 'Statements' },
  'index.title': { 'zh-CN': '客户对账单目录  {period}', 'zh-TW': '客戶對帳單目錄  {period}', en: 'Customer statements  {period}' },
  'index.customer': { 'zh-CN': '客户', 'zh-TW': '客戶', en: 'Customer' },
  'index.sheetLink': { 'zh-CN': '对账单', 'zh-TW': '對帳單', en: 'Statement' },
  'index.balance': { 'zh-CN': '期末余额', 'zh-TW': '期末餘額', en: 'Balance' },
  'index.overdue': { 'zh-CN': '逾期金额', 'zh-TW': '逾期金額', en: 'Overdue' },
  'index.oldest': { 'zh-CN': '最长逾期天数', 'zh-TW': '最長逾期天數', en: 'Max days late' },
  'index.email': { 'zh-CN': '联系邮箱', 'zh-TW': '聯絡信箱', en: 'E-mail' },
  'index.subject': { 'zh-CN': '邮件主题', 'zh-TW': '郵件主旨', en: 'Subject' },
  'index.body': { 'zh-CN': '邮件正文', 'zh-TW': '郵件內文', en: 'Body' },
  'index.language': { 'zh-CN': '语言', 'zh-TW': '語言', en: 'Language' },
  'index.total': { 'zh-CN': '合计', 'zh-TW': '合計', en: 'Total' },
  'index.ledgerTotal': { 'zh-CN': '账簿应收余额（核对）', 'zh-TW': '帳簿應收餘額（核對）', en: 'Ledger receivable (check)' },
  'index.leftOut': {
    'zh-CN': '另有 {count} 个客户本期无发生额且余额为零，未生成对账单。',
    'zh-TW': '另有 {count} 個客戶本期無發生額且餘額為零，未產生對帳單。',
    en: 'Customers with a zero balance and no movement, left without a statement: {count}.',
  },
  'index.notes': { 'zh-CN': '需要注意的数据', 'zh-TW': '需要注意的資料', en: 'Input to check' },
  'index.noteRows': { 'zh-CN': '账簿行号', 'zh-TW': '帳簿列號', en: 'Ledger rows' },
  'index.noNotes': { 'zh-CN': '无', 'zh-TW': '無', en: 'None' },
  'mail.subject': {
    'zh-CN': '{company} 对账单（{period}）：贵公司余额 {currency} {balance}',
    'zh-TW': '{company} 對帳單（{period}）：貴公司餘額 {currency} {balance}',
    en: '{company} statement ({period}): your balance {currency} {balance}',
  },
  'mail.body': {
    'zh-CN': '{customer}：您好！附上{company} {period} 的对账单。截至 {date}，贵公司余额为 {currency} {balance}，其中逾期 {overdue}。请于 {replyBy} 前核对并签章回复对账确认函。谢谢！',
    'zh-TW': '{customer}：您好！附上{company} {period} 的對帳單。截至 {date}，貴公司餘額為 {currency} {balance}，其中逾期 {overdue}。請於 {replyBy} 前核對並簽章回覆對帳確認函。謝謝！',
    en: 'Dear {customer}, please find attached the statement from {company} for {period}. At {date} your balance is {currency} {balance}, of which {overdue} is overdue. Please check it and return the signed balance confirmation by {replyBy}. Thank you.',
  },

  // Notes on bad input, by StatementNoteKind.
  'note.no-customer-name': {
    'zh-CN': '这些行没有客户名称（金额合计 {amount}），未计入任何客户的对账单；请补上客户名称。',
    'zh-TW': '這些列沒有客戶名稱（金額合計 {amount}），未計入任何客戶的對帳單；請補上客戶名稱。',
    en: 'These lines name no customer (amounts {amount}); they are in no statement. Fill in the customer.',
  },
  'note.unreadable-line': { 'zh-CN': '此行无法读取，未计入对账单：{reason}', 'zh-TW': '此列無法讀取，未計入對帳單：{reason}', en: 'This line could not be read and is in no statement: {reason}' },
  'note.receipt-exceeds-open': {
    'zh-CN': '收款大于该客户全部未结发票，多出 {amount} 列为未核销收款（预收或多收，请核实）。',
    'zh-TW': '收款大於該客戶全部未結發票，多出 {amount} 列為未核銷收款（預收或多收，請核實）。',
    en: 'Receipt exceeds everything open: {amount} shown as unapplied (prepayment or overpayment? please check).',
  },
  'note.opening-missing': {
    'zh-CN': '此客户没有期初余额行；期初按账簿中更早的行计为 {opening}，请核实。',
    'zh-TW': '此客戶沒有期初餘額列；期初按帳簿中更早的列計為 {opening}，請核實。',
    en: 'No opening-balance line for this customer: opening taken as {opening} from its earlier lines. Please check.',
  },
  'note.customer-left-out': { 'zh-CN': '未生成对账单', 'zh-TW': '未產生對帳單', en: 'No statement' },
  'note.currency-mixed': {
    'zh-CN': '此客户的行有多种币种（{currencies}），余额按原币直接相加，请分币种核对。',
    'zh-TW': '此客戶的列有多種幣別（{currencies}），餘額按原幣直接相加，請分幣別核對。',
    en: 'Lines in several currencies ({currencies}), added as written: check per currency.',
  },
  'language.zh-CN': { 'zh-CN': '简体中文', 'zh-TW': '簡體中文', en: 'Simplified Chinese' },
  'language.zh-TW': { 'zh-CN': '繁体中文', 'zh-TW': '繁體中文', en: 'Traditional Chinese' },
  'language.en': { 'zh-CN': '英文', 'zh-TW': '英文', en: 'English' },
} as const satisfies Record<string, Record<Locale, string>>;

export type StatementMessageId = keyof typeof STATEMENT_MESSAGES;

export function statementText(id: StatementMessageId, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(STATEMENT_MESSAGES[id][locale], params);
}

export const agingText = (bucket: AgingBucket | 'total', locale: Locale) => statementText(`aging.${bucket}`, locale);
export const methodText = (method: AgingMethod, locale: Locale, terms: number) => statementText(`method.${method}`, locale, { terms });
export const disputeText = (kind: DisputeKind, locale: Locale) => statementText(`disputed.${kind}`, locale);
export const noteText = (kind: StatementNoteKind, locale: Locale, params: Record<string, string>) => statementText(`note.${kind}`, locale, params);
