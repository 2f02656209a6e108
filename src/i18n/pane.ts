/**
 * Words in the task pane. One table keyed by message id, one column per locale, so a translator
 * scans a row at a time. `{name}` placeholders are filled by `paneText`.
 * (Words written into the workbook live in sheets.ts; match reasons in reasons.ts.)
 */
import type { ColumnRole, NameStrictness, SideKind, Stage } from '../engine/types';
import type { Locale } from './locale';
import { fillTemplate } from './template';

const PANE_MESSAGES = {
  'app.title': { 'zh-CN': '对账助手', 'zh-TW': '對帳助手', en: 'Recon' },
  'app.subtitle': { 'zh-CN': '核对账簿与银行流水，数据只在本机处理', 'zh-TW': '核對帳簿與銀行明細，資料只在本機處理', en: 'Reconcile your books with the bank. Your data stays on this computer.' },
  'app.loading': { 'zh-CN': '正在加载…', 'zh-TW': '正在載入…', en: 'Loading…' },
  'language.label': { 'zh-CN': '界面语言', 'zh-TW': '介面語言', en: 'Language' },

  // Choosing the two ranges.
  'side.ledger.title': { 'zh-CN': '1. 账簿', 'zh-TW': '1. 帳簿', en: '1. Ledger' },
  'side.ledger.hint': { 'zh-CN': '银行存款日记账，或应收/应付账款明细账', 'zh-TW': '銀行存款日記帳，或應收/應付帳款明細帳', en: 'Cash journal, or a receivables or payables ledger' },
  'side.bank.title': { 'zh-CN': '2. 银行流水', 'zh-TW': '2. 銀行明細', en: '2. Bank statement' },
  'side.bank.hint': {
    'zh-CN': '从网银、支付宝或微信导出的明细，标题行和合计行可以保留；往来对账时选对方寄来的对账单或往来明细账',
    'zh-TW': '從網路銀行、支付寶或微信匯出的明細，標題列和合計列可以保留；往來對帳時選對方寄來的對帳單或往來明細帳',
    en: 'The export from your bank, Alipay or WeChat Pay; title and total lines may stay. To reconcile with a customer or supplier, their own statement or ledger',
  },
  'range.address.label': { 'zh-CN': '区域', 'zh-TW': '範圍', en: 'Range' },
  'range.address.placeholder': { 'zh-CN': '例如 Sheet1!A1:H200 或工作表名称', 'zh-TW': '例如 Sheet1!A1:H200 或工作表名稱', en: 'e.g. Sheet1!A1:H200 or a sheet name' },
  'range.useSelection': { 'zh-CN': '使用当前选择', 'zh-TW': '使用目前選取範圍', en: 'Use current selection' },
  'range.read': { 'zh-CN': '读取', 'zh-TW': '讀取', en: 'Read' },
  'range.sheet.label': { 'zh-CN': '或整张工作表', 'zh-TW': '或整張工作表', en: 'Or a whole sheet' },
  'range.sheet.placeholder': { 'zh-CN': '选择工作表…', 'zh-TW': '選擇工作表…', en: 'Choose a sheet…' },
  'range.reading': { 'zh-CN': '正在读取…', 'zh-TW': '正在讀取…', en: 'Reading…' },
  'range.detecting': { 'zh-CN': '正在识别各列…', 'zh-TW': '正在辨識各欄…', en: 'Detecting columns…' },
  'range.summary': { 'zh-CN': '{address}：读到 {entries} 笔记录，跳过 {skipped} 行', 'zh-TW': '{address}：讀到 {entries} 筆記錄，略過 {skipped} 列', en: '{address}: {entries} entries read, {skipped} lines set aside' },

  // What the reader detected, and the user's corrections.
  'setup.headerRow': { 'zh-CN': '表头所在行', 'zh-TW': '表頭所在列', en: 'Header row' },
  'setup.noHeader': { 'zh-CN': '未找到表头，已按内容推断各列', 'zh-TW': '未找到表頭，已依內容推斷各欄', en: 'No header row found; columns were inferred from their contents' },
  'setup.kind': { 'zh-CN': '账簿类型', 'zh-TW': '帳簿類型', en: 'Kind of book' },
  'setup.oppositeSigns': { 'zh-CN': '这是对方的账（收支方向相反）', 'zh-TW': '這是對方的帳（收支方向相反）', en: "This is the other party's book (signs reversed)" },
  'setup.dateOrder': { 'zh-CN': '日期顺序', 'zh-TW': '日期順序', en: 'Date order' },
  'setup.dateOrder.hint': { 'zh-CN': '{example} 这样的日期两种顺序都说得通', 'zh-TW': '{example} 這樣的日期兩種順序都說得通', en: 'Dates such as {example} fit either order' },
  'setup.dateOrder.auto': { 'zh-CN': '自动（目前按{order}）', 'zh-TW': '自動（目前按{order}）', en: 'Automatic (now {order})' },
  'setup.dateOrder.DMY': { 'zh-CN': '日/月/年', 'zh-TW': '日/月/年', en: 'day/month/year' },
  'setup.dateOrder.MDY': { 'zh-CN': '月/日/年', 'zh-TW': '月/日/年', en: 'month/day/year' },
  'setup.dateOrder.YMD': { 'zh-CN': '年/月/日', 'zh-TW': '年/月/日', en: 'year/month/day' },
  'setup.dateOrder.ledgerDayFirst': { 'zh-CN': '账簿的日期是日/月/年（如 {example}）', 'zh-TW': '帳簿的日期是日/月/年（如 {example}）', en: 'The ledger writes day/month/year (such as {example})' },
  'setup.dateOrder.bankDayFirst': { 'zh-CN': '银行的日期是日/月/年（如 {example}）', 'zh-TW': '銀行的日期是日/月/年（如 {example}）', en: 'The bank writes day/month/year (such as {example})' },
  'setup.columns': { 'zh-CN': '各列含义', 'zh-TW': '各欄含義', en: 'What each column holds' },
  'setup.column': { 'zh-CN': '列', 'zh-TW': '欄', en: 'Column' },
  'setup.header': { 'zh-CN': '表头', 'zh-TW': '表頭', en: 'Header' },
  'setup.role': { 'zh-CN': '含义', 'zh-TW': '含義', en: 'Holds' },
  'setup.roleFor': { 'zh-CN': '{column} 列（{header}）的含义', 'zh-TW': '{column} 欄（{header}）的含義', en: 'What column {column} ({header}) holds' },
  'setup.decisions': { 'zh-CN': '识别依据', 'zh-TW': '辨識依據', en: 'How it was read' },

  'kind.cash-journal': { 'zh-CN': '银行存款日记账', 'zh-TW': '銀行存款日記帳', en: 'Cash journal' },
  'kind.card-statement': { 'zh-CN': '信用卡账单', 'zh-TW': '信用卡帳單', en: 'Credit-card statement' },
  'kind.receivables-ledger': { 'zh-CN': '应收账款明细账', 'zh-TW': '應收帳款明細帳', en: 'Receivables ledger' },
  'kind.payables-ledger': { 'zh-CN': '应付账款明细账', 'zh-TW': '應付帳款明細帳', en: 'Payables ledger' },
  'kind.bank-statement': { 'zh-CN': '银行流水（对账单）', 'zh-TW': '銀行明細（對帳單）', en: 'Bank statement' },

  'role.none': { 'zh-CN': '（不使用）', 'zh-TW': '（不使用）', en: '(not used)' },
  'role.date': { 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' },
  'role.amount': { 'zh-CN': '金额', 'zh-TW': '金額', en: 'Amount' },
  'role.inflow': { 'zh-CN': '收入金额', 'zh-TW': '收入金額', en: 'Money in' },
  'role.outflow': { 'zh-CN': '支出金额', 'zh-TW': '支出金額', en: 'Money out' },
  'role.direction': { 'zh-CN': '收支方向（借/贷）', 'zh-TW': '收支方向（借/貸）', en: 'Direction (Dr/Cr)' },
  'role.counterparty': { 'zh-CN': '对方户名', 'zh-TW': '對方戶名', en: 'Counterparty' },
  'role.reference': { 'zh-CN': '凭证号/流水号', 'zh-TW': '憑證號/交易序號', en: 'Reference' },
  'role.description': { 'zh-CN': '摘要', 'zh-TW': '摘要', en: 'Description' },
  'role.currency': { 'zh-CN': '币种', 'zh-TW': '幣別', en: 'Currency' },
  'role.balance': { 'zh-CN': '余额', 'zh-TW': '餘額', en: 'Balance' },
  'role.status': { 'zh-CN': '交易状态', 'zh-TW': '交易狀態', en: 'Status' },
  'role.fee': { 'zh-CN': '手续费', 'zh-TW': '手續費', en: 'Fee' },

  'preview.title': { 'zh-CN': '前几笔记录（按识别结果）', 'zh-TW': '前幾筆記錄（依辨識結果）', en: 'First entries as read' },
  'preview.row': { 'zh-CN': '行', 'zh-TW': '列', en: 'Row' },
  'preview.empty': { 'zh-CN': '没有读到任何记录，请检查区域和各列含义', 'zh-TW': '沒有讀到任何記錄，請檢查範圍和各欄含義', en: 'No entries were read; check the range and the column roles' },
  'issues.title': { 'zh-CN': '需要注意（{count}）', 'zh-TW': '需要注意（{count}）', en: 'Needs attention ({count})' },
  'issues.more': { 'zh-CN': '另有 {count} 条未列出', 'zh-TW': '另有 {count} 筆未列出', en: '{count} more not shown' },

  // People's decisions that a run could not place.
  'decisions.lost.title': { 'zh-CN': '以下决定找不到对应的行，未应用', 'zh-TW': '以下決定找不到對應的列，未套用', en: 'These decisions no longer find their rows and were not applied' },
  'decisions.lost.item': { 'zh-CN': '{id} {kind}（{by}）：{rows}；说明：{reason}', 'zh-TW': '{id} {kind}（{by}）：{rows}；說明：{reason}', en: '{id} {kind} ({by}): {rows}; note: {reason}' },
  'decisions.unread': { 'zh-CN': '匹配结果表第 {row} 行的决定「{text}」无法识别：请填 接受、拒绝、手工 或 说明', 'zh-TW': '比對結果表第 {row} 列的決定「{text}」無法辨識：請填 接受、拒絕、手工 或 說明', en: 'The decision "{text}" on row {row} of the Matches sheet is not one Recon knows: use accept, reject, manual or explained' },
  'decisions.moved': { 'zh-CN': '{id} {kind}：匹配结果表上填写的{side}第 {typed} 行按上次对账时的行读取，这些记录现在位于第 {now} 行（之后源数据被排序或增删了行）；请在匹配结果表上核对', 'zh-TW': '{id} {kind}：比對結果表上填寫的{side}第 {typed} 列依上次對帳時的列讀取，這些記錄現在位於第 {now} 列（之後來源資料被排序或增刪了列）；請在比對結果表上核對', en: '{id} {kind}: {side} row(s) {typed} typed on the Matches sheet were read as the rows they were at the last run; those entries are now row(s) {now} (the source was sorted, or rows inserted or deleted, since). Check them on the Matches sheet' },
  'decisions.kind.accept': { 'zh-CN': '接受', 'zh-TW': '接受', en: 'accept' },
  'decisions.kind.reject': { 'zh-CN': '拒绝', 'zh-TW': '拒絕', en: 'reject' },
  'decisions.kind.unmatch': { 'zh-CN': '取消匹配', 'zh-TW': '取消比對', en: 'unmatch' },
  'decisions.kind.manual': { 'zh-CN': '手工匹配', 'zh-TW': '手工比對', en: 'manual match' },
  'decisions.kind.explained': { 'zh-CN': '说明无对应', 'zh-TW': '說明無對應', en: 'explained, no counterpart' },
  // The reconciliation statement's inputs (empty: from the data).
  'reconciliation.title': { 'zh-CN': '4. 余额调节表', 'zh-TW': '4. 餘額調節表', en: '4. Bank reconciliation statement' },
  'reconciliation.periodEnd': { 'zh-CN': '期末日', 'zh-TW': '期末日', en: 'Period end' },
  'reconciliation.bookBalance': { 'zh-CN': '日记账期末余额', 'zh-TW': '日記帳期末餘額', en: 'Balance per books' },
  'reconciliation.bankBalance': { 'zh-CN': '银行对账单期末余额', 'zh-TW': '銀行對帳單期末餘額', en: 'Balance per bank' },
  'reconciliation.fromData': { 'zh-CN': '留空则从数据中读取', 'zh-TW': '留空則從資料中讀取', en: 'Leave empty to take it from the data' },
  'reconciliation.date.invalid': { 'zh-CN': '请输入日期，例如 2025-03-31', 'zh-TW': '請輸入日期，例如 2025-03-31', en: 'Enter a date such as 2025-03-31' },
  'reconciliation.amount.invalid': { 'zh-CN': '请输入金额，例如 125,890.00', 'zh-TW': '請輸入金額，例如 125,890.00', en: 'Enter an amount such as 125,890.00' },

  // Matching options.
  'options.title': { 'zh-CN': '3. 匹配选项', 'zh-TW': '3. 比對選項', en: '3. Matching options' },
  'options.dateWindow': { 'zh-CN': '日期相差不超过（天）', 'zh-TW': '日期相差不超過（天）', en: 'Dates at most this many days apart' },
  'options.whole.invalid': { 'zh-CN': '请输入 {min} 到 {max} 之间的整数', 'zh-TW': '請輸入 {min} 到 {max} 之間的整數', en: 'Enter a whole number from {min} to {max}' },
  'options.amount.range': { 'zh-CN': '请输入 {min} 到 {max} 之间的金额', 'zh-TW': '請輸入 {min} 到 {max} 之間的金額', en: 'Enter an amount from {min} to {max}' },
  'options.referenceWindow': { 'zh-CN': '凭发票号/单号匹配时相差不超过（天）', 'zh-TW': '憑發票號/單號匹配時相差不超過（天）', en: 'With a matching reference, at most this many days apart' },
  'options.referenceWindow.hint': {
    'zh-CN': '银行附言写明发票号时，分期付款和合并付款可跨越更长时间',
    'zh-TW': '銀行附言寫明發票號時，分期付款和合併付款可跨越更長時間',
    en: 'When the bank memo quotes the invoice number, instalments and combined payments may span longer',
  },
  'options.tolerance': { 'zh-CN': '金额容差（如手续费）', 'zh-TW': '金額容許差（如手續費）', en: 'Amount tolerance (e.g. bank fees)' },
  'options.tolerance.hint': { 'zh-CN': '0 表示金额必须完全一致', 'zh-TW': '0 表示金額必須完全一致', en: '0 means amounts must be equal' },
  'options.amount.invalid': { 'zh-CN': '请输入不小于 0 的金额，例如 50.00', 'zh-TW': '請輸入不小於 0 的金額，例如 50.00', en: 'Enter an amount of 0 or more, such as 50.00' },
  'options.allowCombined': { 'zh-CN': '允许合并付款（一笔银行款对多笔账）', 'zh-TW': '允許合併付款（一筆銀行款對多筆帳）', en: 'Allow combined payments (one bank line for several ledger lines)' },
  'options.allowInstalments': { 'zh-CN': '允许分期付款（一笔账对多笔银行款）', 'zh-TW': '允許分期付款（一筆帳對多筆銀行款）', en: 'Allow instalments (several bank lines for one ledger line)' },
  'options.maxGroupSize': { 'zh-CN': '一组最多几笔', 'zh-TW': '一組最多幾筆', en: 'Most lines in one group' },
  'options.nameStrictness': { 'zh-CN': '户名比对', 'zh-TW': '戶名比對', en: 'Name matching' },
  'strictness.strict': { 'zh-CN': '严格', 'zh-TW': '嚴格', en: 'Strict' },
  'strictness.normal': { 'zh-CN': '一般', 'zh-TW': '一般', en: 'Normal' },
  'strictness.loose': { 'zh-CN': '宽松', 'zh-TW': '寬鬆', en: 'Loose' },

  // Running.
  'error.statements': {
    'zh-CN': '无法生成客户对账单：需要应收账款明细账（按客户记录发票与收款）。请把账簿类型选为“应收账款明细账”，或关闭客户对账单。（{detail}）',
    'zh-TW': '無法產生客戶對帳單：需要應收帳款明細帳（按客戶記錄發票與收款）。請把帳簿類型選為「應收帳款明細帳」，或關閉客戶對帳單。（{detail}）',
    en: 'Cannot make customer statements: they need a receivables ledger (invoices and receipts per customer). Choose "receivables ledger" as the ledger’s kind, or turn statements off. ({detail})',
  },
  'statements.title': { 'zh-CN': '5. 客户对账单', 'zh-TW': '5. 客戶對帳單', en: '5. Customer statements' },
  'statements.enable': { 'zh-CN': '为每个客户生成对账单（应收账款明细账）', 'zh-TW': '為每個客戶產生對帳單（應收帳款明細帳）', en: 'Make a statement per customer (receivables ledger)' },
  'statements.company': { 'zh-CN': '我方公司名称', 'zh-TW': '本公司名稱', en: 'Our company name' },
  'statements.company.hint': { 'zh-CN': '只需填写一次，保存在工作簿中', 'zh-TW': '只需填寫一次，保存在活頁簿中', en: 'Entered once, kept in the workbook' },
  'statements.period': { 'zh-CN': '对账期间', 'zh-TW': '對帳期間', en: 'Period' },
  'statements.period.hint': { 'zh-CN': '如 2025-03；留空为账簿最后一个完整月份（只有一个月的账簿即该月）', 'zh-TW': '如 2025-03；留空為帳簿最後一個完整月份（只有一個月的帳簿即該月）', en: 'e.g. 2025-03; empty: the ledger’s last full month (a ledger of one month: that month)' },
  'statements.period.invalid': { 'zh-CN': '请输入月份如 2025-03，或 2025-03-01..2025-03-31', 'zh-TW': '請輸入月份如 2025-03，或 2025-03-01..2025-03-31', en: 'Enter a month such as 2025-03, or 2025-03-01..2025-03-31' },
  'statements.date': { 'zh-CN': '对账日期', 'zh-TW': '對帳日期', en: 'Statement date' },
  'statements.date.hint': { 'zh-CN': '留空为期间最后一天', 'zh-TW': '留空為期間最後一天', en: 'Empty: the period’s last day' },
  'statements.date.invalid': { 'zh-CN': '请输入日期如 2025-03-31', 'zh-TW': '請輸入日期如 2025-03-31', en: 'Enter a date such as 2025-03-31' },
  'run.start': { 'zh-CN': '开始对账', 'zh-TW': '開始對帳', en: 'Reconcile' },
  'run.cancel': { 'zh-CN': '取消', 'zh-TW': '取消', en: 'Cancel' },
  'run.cancelling': { 'zh-CN': '正在取消…', 'zh-TW': '正在取消…', en: 'Cancelling…' },
  'run.needRanges': { 'zh-CN': '请先选择并读取账簿和银行流水', 'zh-TW': '請先選擇並讀取帳簿和銀行明細', en: 'Choose and read the ledger and the bank statement first' },
  'run.fixOptions': { 'zh-CN': '请先修正匹配选项', 'zh-TW': '請先修正比對選項', en: 'Fix the matching options first' },
  'run.cancelled': { 'zh-CN': '已取消，工作簿保持原样。', 'zh-TW': '已取消，活頁簿維持原狀。', en: 'Cancelled. The workbook is as it was.' },
  'run.progress': { 'zh-CN': '{stage}…（{percent}%）', 'zh-TW': '{stage}…（{percent}%）', en: '{stage}… ({percent}%)' },
  'stage.reading': { 'zh-CN': '读取数据', 'zh-TW': '讀取資料', en: 'Reading' },
  'stage.matching': { 'zh-CN': '匹配', 'zh-TW': '比對', en: 'Matching' },
  'stage.reporting': { 'zh-CN': '生成报告', 'zh-TW': '產生報告', en: 'Preparing the report' },
  'stage.writing': { 'zh-CN': '写入工作簿', 'zh-TW': '寫入活頁簿', en: 'Writing to the workbook' },

  // The result.
  'summary.title': { 'zh-CN': '对账结果', 'zh-TW': '對帳結果', en: 'Result' },
  'summary.matchRate': { 'zh-CN': '匹配率 {rate}', 'zh-TW': '比對率 {rate}', en: 'Match rate {rate}' },
  'summary.matchCount': { 'zh-CN': '共 {count} 组匹配', 'zh-TW': '共 {count} 組比對', en: '{count} match groups' },
  'summary.row.auto': { 'zh-CN': '已匹配', 'zh-TW': '已匹配', en: 'Matched' },
  'summary.row.suggested': { 'zh-CN': '待确认', 'zh-TW': '待確認', en: 'Suggested' },
  'summary.row.unmatched': { 'zh-CN': '未匹配', 'zh-TW': '未匹配', en: 'Unmatched' },
  'summary.row.documents': { 'zh-CN': '单据（不参与银行对账）', 'zh-TW': '單據（不參與銀行對帳）', en: 'Documents (not matched to bank)' },
  'summary.col.status': { 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' },
  'summary.col.ledger': { 'zh-CN': '账簿', 'zh-TW': '帳簿', en: 'Ledger' },
  'summary.col.bank': { 'zh-CN': '银行', 'zh-TW': '銀行', en: 'Bank' },
  'summary.figure': { 'zh-CN': '{count} 笔 {amount}', 'zh-TW': '{count} 筆 {amount}', en: '{count} · {amount}' },
  'summary.skipped': { 'zh-CN': '跳过的行：账簿 {ledger} 行，银行 {bank} 行', 'zh-TW': '略過的列：帳簿 {ledger} 列，銀行 {bank} 列', en: 'Lines set aside: {ledger} in the ledger, {bank} in the bank statement' },
  'summary.goToMatches': { 'zh-CN': '查看“{sheet}”工作表', 'zh-TW': '查看「{sheet}」工作表', en: 'Go to the {sheet} sheet' },

  // Who is deciding (Excel does not say: typed once, kept on this computer).
  'user.label': { 'zh-CN': '你的姓名', 'zh-TW': '你的姓名', en: 'Your name' },
  'user.hint': { 'zh-CN': '记入决定、复核和审计日志；只需填写一次，保存在本机', 'zh-TW': '記入決定、複核和稽核紀錄；只需填寫一次，保存在本機', en: 'Recorded with decisions, the sign-off and the Audit log; entered once, kept on this computer' },
  'user.needed': { 'zh-CN': '请先填写你的姓名', 'zh-TW': '請先填寫你的姓名', en: 'Enter your name first' },

  // People decide (after a run).
  'decide.title': { 'zh-CN': '6. 人工处理与复核', 'zh-TW': '6. 人工處理與複核', en: '6. Decide and sign off' },
  'decide.hint': { 'zh-CN': '每个决定都会记录操作人和时间，写入审计日志，并重新生成结果（保留所有已有决定）', 'zh-TW': '每個決定都會記錄操作人和時間，寫入稽核紀錄，並重新產生結果（保留所有既有決定）', en: 'Each decision is stored with who and when, written to the Audit log, and the results are written again around every decision kept' },
  'decide.needRun': { 'zh-CN': '先对账一次，再在这里接受、拒绝或手工匹配', 'zh-TW': '先對帳一次，再在這裡接受、拒絕或手工比對', en: 'Reconcile once, then accept, reject or match by hand here' },
  'decide.suggestions': { 'zh-CN': '待确认的匹配（{count} 组）', 'zh-TW': '待確認的比對（{count} 組）', en: 'Suggested matches ({count})' },
  'decide.suggestionsMore': { 'zh-CN': '只列出前 {shown} 组；其余可在匹配结果表的“决定”列填写', 'zh-TW': '只列出前 {shown} 組；其餘可在比對結果表的「決定」欄填寫', en: 'The first {shown} are listed; decide the rest in the Decision column of the Matches sheet' },
  'decide.noSuggestions': { 'zh-CN': '没有待确认的匹配', 'zh-TW': '沒有待確認的比對', en: 'No suggested matches' },
  'decide.group': { 'zh-CN': '{id}：账簿第 {ledger} 行 {ledgerTotal}，银行第 {bank} 行 {bankTotal}，{counterparty}', 'zh-TW': '{id}：帳簿第 {ledger} 列 {ledgerTotal}，銀行第 {bank} 列 {bankTotal}，{counterparty}', en: '{id}: ledger row(s) {ledger} {ledgerTotal}, bank row(s) {bank} {bankTotal}, {counterparty}' },
  'decide.accept': { 'zh-CN': '接受', 'zh-TW': '接受', en: 'Accept' },
  'decide.reject': { 'zh-CN': '拒绝', 'zh-TW': '拒絕', en: 'Reject' },
  'decide.acceptFor': { 'zh-CN': '接受 {id}', 'zh-TW': '接受 {id}', en: 'Accept {id}' },
  'decide.rejectFor': { 'zh-CN': '拒绝 {id}', 'zh-TW': '拒絕 {id}', en: 'Reject {id}' },
  'decide.unmatch.label': { 'zh-CN': '取消一组匹配（匹配编号）', 'zh-TW': '取消一組比對（比對編號）', en: 'Unmatch a match (its id)' },
  'decide.unmatch.button': { 'zh-CN': '取消匹配', 'zh-TW': '取消比對', en: 'Unmatch' },
  'decide.unmatch.unknown': { 'zh-CN': '上次对账没有编号为 {id} 的匹配', 'zh-TW': '上次對帳沒有編號為 {id} 的比對', en: 'The last run has no match {id}' },
  'decide.unmatch.suggested': { 'zh-CN': '{id} 是待确认的匹配：请用“拒绝”', 'zh-TW': '{id} 是待確認的比對：請用「拒絕」', en: '{id} is a suggested match: reject it instead' },
  'decide.rows.title': { 'zh-CN': '手工匹配或说明无对应', 'zh-TW': '手工比對或說明無對應', en: 'Match by hand, or explain rows with no counterpart' },
  'decide.rows.hint': { 'zh-CN': '在 Excel 中选中账簿或银行流水的行，点“加入选中的行”；可多次加入，两边任意多行', 'zh-TW': '在 Excel 中選取帳簿或銀行明細的列，按「加入選取的列」；可多次加入，兩邊任意多列', en: 'Select rows of the ledger or the bank statement in Excel and press "Add the selected rows"; add as often as needed, any number on each side' },
  'decide.rows.add': { 'zh-CN': '加入选中的行', 'zh-TW': '加入選取的列', en: 'Add the selected rows' },
  'decide.rows.clear': { 'zh-CN': '清空', 'zh-TW': '清空', en: 'Clear' },
  'decide.rows.chosen': { 'zh-CN': '账簿第 {ledger} 行；银行第 {bank} 行', 'zh-TW': '帳簿第 {ledger} 列；銀行第 {bank} 列', en: 'Ledger rows {ledger}; bank rows {bank}' },
  'decide.rows.outside': { 'zh-CN': '选中的区域不在账簿或银行流水的区域内（两者只能选其一）', 'zh-TW': '選取的範圍不在帳簿或銀行明細的範圍內（兩者只能選其一）', en: 'The selection is not inside the ledger range or the bank range (select in one of them)' },
  'decide.rows.header': { 'zh-CN': '选中的是表头或标题行，不是记录', 'zh-TW': '選取的是表頭或標題列，不是記錄', en: 'The selection is the header or title lines, not entries' },
  'decide.reason.label': { 'zh-CN': '原因（可从列表选择或直接输入）', 'zh-TW': '原因（可從清單選擇或直接輸入）', en: 'Reason (pick from the list or type one)' },
  'decide.reason.needed': { 'zh-CN': '请填写原因', 'zh-TW': '請填寫原因', en: 'Give a reason' },
  'decide.reason.bankCharge': { 'zh-CN': '银行手续费，已另行入账', 'zh-TW': '銀行手續費，已另行入帳', en: 'Bank charge, booked elsewhere' },
  'decide.reason.split': { 'zh-CN': '分笔付款 / 合并付款', 'zh-TW': '分筆付款 / 合併付款', en: 'Split or combined payment' },
  'decide.reason.timing': { 'zh-CN': '跨期入账（时间差）', 'zh-TW': '跨期入帳（時間差）', en: 'Booked in another period (timing)' },
  'decide.reason.otherAccount': { 'zh-CN': '记入其他科目或账户', 'zh-TW': '記入其他科目或帳戶', en: 'Booked to another account' },
  'decide.reason.correction': { 'zh-CN': '冲销 / 更正分录', 'zh-TW': '沖銷 / 更正分錄', en: 'Reversal or correcting entry' },
  'decide.match': { 'zh-CN': '手工匹配这些行', 'zh-TW': '手工比對這些列', en: 'Match these rows' },
  'decide.explain': { 'zh-CN': '说明无对应', 'zh-TW': '說明無對應', en: 'Explain: no counterpart' },
  'decide.matchNeedsBoth': { 'zh-CN': '手工匹配需要账簿和银行两边的行', 'zh-TW': '手工比對需要帳簿和銀行兩邊的列', en: 'A manual match needs rows on both sides' },
  'decide.saved': { 'zh-CN': '已记录：{kind}（{by}），结果已更新', 'zh-TW': '已記錄：{kind}（{by}），結果已更新', en: 'Recorded: {kind} ({by}); the results are written again' },
  'review.title': { 'zh-CN': '复核', 'zh-TW': '複核', en: 'Sign-off' },
  'review.button': { 'zh-CN': '标记为已复核', 'zh-TW': '標記為已複核', en: 'Mark as reviewed' },
  'review.standing': { 'zh-CN': '已复核：{by}，{at}', 'zh-TW': '已複核：{by}，{at}', en: 'Signed off by {by} at {at}' },
  'review.none': { 'zh-CN': '尚未复核', 'zh-TW': '尚未複核', en: 'Not signed off yet' },
  'review.signed': { 'zh-CN': '已复核：{by}，{at}。之后的任何决定或重新对账都会取消复核。', 'zh-TW': '已複核：{by}，{at}。之後的任何決定或重新對帳都會取消複核。', en: 'Signed off by {by} at {at}. Any later decision or run clears the sign-off.' },
  'review.cleared': { 'zh-CN': '{by} 于 {at} 的复核已因本次对账或决定失效，需要重新复核', 'zh-TW': '{by} 於 {at} 的複核已因本次對帳或決定失效，需要重新複核', en: 'The sign-off by {by} at {at} was cleared by this run or decision; it needs a new review' },
  'review.refused': { 'zh-CN': '未复核：结果与上次显示的不同（{changes} 处变化）。请检查新结果后再复核。', 'zh-TW': '未複核：結果與上次顯示的不同（{changes} 處變化）。請檢查新結果後再複核。', en: 'Not signed off: the results differ from those last shown ({changes} changes). Review the new results, then sign off.' },
  'summary.row.explained': { 'zh-CN': '其中：已说明无对应', 'zh-TW': '其中：已說明無對應', en: 'Of which explained, no counterpart' },
  'settings.restored': { 'zh-CN': '已按工作簿中保存的设置填好区域和选项', 'zh-TW': '已依活頁簿中保存的設定填好範圍和選項', en: 'Ranges and options filled in from the set-up kept in this workbook' },
  'clear.button': { 'zh-CN': '清除结果', 'zh-TW': '清除結果', en: 'Clear results' },
  'clear.done': { 'zh-CN': '已清除上次对账写入的内容，你自己的数据未改动。', 'zh-TW': '已清除上次對帳寫入的內容，你自己的資料未變動。', en: "The last run's results were removed; your own data is untouched." },
  'clear.lastRun': { 'zh-CN': '上次对账：{time}', 'zh-TW': '上次對帳：{time}', en: 'Last run: {time}' },

  // Errors.
  'error.title': { 'zh-CN': '出错了', 'zh-TW': '發生錯誤', en: 'Something went wrong' },
  'error.generic': { 'zh-CN': '{detail}', 'zh-TW': '{detail}', en: '{detail}' },
  'error.unknown': { 'zh-CN': '发生未知错误。', 'zh-TW': '發生未知錯誤。', en: 'An unknown error occurred.' },
  'error.rangeNotFound': { 'zh-CN': '找不到这个区域，请检查地址或工作表名称。（{detail}）', 'zh-TW': '找不到這個範圍，請檢查位址或工作表名稱。（{detail}）', en: 'That range could not be found; check the address or the sheet name. ({detail})' },
  'error.noSelection': { 'zh-CN': '请先在工作表中选择一个区域。', 'zh-TW': '請先在工作表中選取一個範圍。', en: 'Select a range in the sheet first.' },
  'error.readOnly': { 'zh-CN': '工作簿受保护或只读，无法写入结果。（{detail}）', 'zh-TW': '活頁簿受保護或唯讀，無法寫入結果。（{detail}）', en: 'The workbook is protected or read-only, so the results cannot be written. ({detail})' },
  'error.cellEditMode': { 'zh-CN': '有单元格正在编辑。请先完成编辑（按 Enter 或 Esc），再运行一次。工作簿没有任何改动。', 'zh-TW': '有儲存格正在編輯。請先完成編輯（按 Enter 或 Esc），再執行一次。活頁簿沒有任何變更。', en: 'A cell is being edited. Finish editing the cell (press Enter or Esc), then run again. Nothing in the workbook was changed.' },
  'error.sheetProtected': { 'zh-CN': '工作表“{sheet}”受保护。请先撤消工作表保护（审阅 → 撤消工作表保护），再运行一次。工作簿没有任何改动。', 'zh-TW': '工作表「{sheet}」受保護。請先取消保護工作表（校閱 → 取消保護工作表），再執行一次。活頁簿沒有任何變更。', en: 'Sheet "{sheet}" is protected. Unprotect it (Review → Unprotect Sheet), then run again. Nothing in the workbook was changed.' },
  'error.mergedCells': { 'zh-CN': 'Excel 拒绝在工作表“{sheet}”的 {column} 列写入对账结果，很可能是因为该列有与旁边单元格合并的单元格。请先取消合并这些单元格（开始 → 合并后居中），再运行一次。工作簿没有任何改动。', 'zh-TW': 'Excel 拒絕在工作表「{sheet}」的 {column} 欄寫入對帳結果，很可能是因為該欄有與旁邊儲存格合併的儲存格。請先取消合併這些儲存格（常用 → 跨欄置中），再執行一次。活頁簿沒有任何變更。', en: 'Excel refused to write the status labels in column {column} of sheet "{sheet}", most likely because cells there are merged with cells beside them. Unmerge them (Home → Merge & Center), then run again. Nothing in the workbook was changed.' },
  'error.workbookProtected': { 'zh-CN': '工作簿结构受保护，无法添加或删除工作表。请先撤消工作簿保护（审阅 → 保护工作簿），再运行一次。工作簿没有任何改动。', 'zh-TW': '活頁簿結構受保護，無法新增或刪除工作表。請先取消保護活頁簿（校閱 → 保護活頁簿），再執行一次。活頁簿沒有任何變更。', en: 'The workbook structure is protected, so sheets cannot be added or removed. Unprotect the workbook (Review → Protect Workbook), then run again. Nothing in the workbook was changed.' },
  'error.tooLarge': { 'zh-CN': '区域太大，Excel 无法一次传输。请缩小区域后重试。', 'zh-TW': '範圍太大，Excel 無法一次傳輸。請縮小範圍後重試。', en: 'The range is too large for Excel to transfer at once. Choose a smaller range and try again.' },
  'error.crash': { 'zh-CN': '窗格遇到问题：{detail}', 'zh-TW': '窗格遇到問題：{detail}', en: 'The pane ran into a problem: {detail}' },
  'error.retry': { 'zh-CN': '重试', 'zh-TW': '重試', en: 'Try again' },
  'error.dismiss': { 'zh-CN': '关闭', 'zh-TW': '關閉', en: 'Dismiss' },

  // Opened somewhere other than Excel.
  'host.notExcel.title': { 'zh-CN': '请在 Excel 中打开', 'zh-TW': '請在 Excel 中開啟', en: 'Open this in Excel' },
  'host.notExcel.body': {
    'zh-CN': '这是 Excel 加载项“对账助手”的任务窗格。请在 Excel 中加载 manifest.xml，然后在“开始”选项卡点击“银行对账”。',
    'zh-TW': '這是 Excel 增益集「對帳助手」的工作窗格。請在 Excel 中載入 manifest.xml，然後在「常用」索引標籤按「銀行對帳」。',
    en: 'This is the task pane of the Recon Excel add-in. Load manifest.xml in Excel, then click Reconcile on the Home tab.',
  },
  'host.tooOld.title': { 'zh-CN': '需要较新版本的 Excel', 'zh-TW': '需要較新版本的 Excel', en: 'A newer Excel is needed' },
  'host.tooOld': {
    'zh-CN': '此版本的 Excel 太旧，无法使用对账助手（需要 ExcelApi 1.7，即 Excel 2019、Microsoft 365 或网页版 Excel）。',
    'zh-TW': '此版本的 Excel 太舊，無法使用對帳助手（需要 ExcelApi 1.7，即 Excel 2019、Microsoft 365 或網頁版 Excel）。',
    en: 'This version of Excel is too old for Recon (it needs ExcelApi 1.7: Excel 2019, Microsoft 365 or Excel on the web).',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PaneMessageId = keyof typeof PANE_MESSAGES;

/** The languages the pane offers, each named in itself. */
export const PANE_LOCALES: { locale: Locale; name: string }[] = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'zh-TW', name: '繁體中文' },
  { locale: 'en', name: 'English' },
];

export function paneText(id: PaneMessageId, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = PANE_MESSAGES[id][locale];
  return fillTemplate(template, params);
}

export function roleText(role: ColumnRole, locale: Locale): string {
  return paneText(`role.${role}`, locale);
}

export function kindText(kind: SideKind, locale: Locale): string {
  return paneText(`kind.${kind}`, locale);
}

export function stageText(stage: Stage, locale: Locale): string {
  return paneText(`stage.${stage}`, locale);
}

export function strictnessText(strictness: NameStrictness, locale: Locale): string {
  return paneText(`strictness.${strictness}`, locale);
}

/** Every message id, for tests that check each language has every message. */
export const PANE_MESSAGE_IDS = Object.keys(PANE_MESSAGES) as PaneMessageId[];
