/**
 * Words of the month-end sheets: Discrepancies (差异表), the bank reconciliation statement
 * (银行存款余额调节表) and the Summary. One table keyed by message id, one column per locale, like
 * sheets.ts (which keeps the Matches sheet's and the status column's words). `{name}` placeholders.
 */
import type { Locale } from './locale';
import { fillTemplate } from './template';

const REPORT_MESSAGES = {
  // Sheet tab names (at most 31 characters).
  'sheet.discrepancies': { 'zh-CN': '差异表', 'zh-TW': '差異表', en: 'Discrepancies' },
  'sheet.statement': { 'zh-CN': '余额调节表', 'zh-TW': '餘額調節表', en: 'Bank reconciliation' },
  'sheet.summary': { 'zh-CN': '对账汇总', 'zh-TW': '對帳彙總', en: 'Summary' },

  'side.ledger': { 'zh-CN': '账簿', 'zh-TW': '帳簿', en: 'Ledger' },
  'side.bank': { 'zh-CN': '银行', 'zh-TW': '銀行', en: 'Bank' },
  /** The bank side when it is the counterparty's own ledger (往来对账). */
  'side.counterparty': { 'zh-CN': '对方', 'zh-TW': '對方', en: 'Theirs' },
  'side.ours': { 'zh-CN': '我方', 'zh-TW': '我方', en: 'Ours' },
  'period': { 'zh-CN': '{from} 至 {to}', 'zh-TW': '{from} 至 {to}', en: '{from} to {to}' },
  'page.footer': { 'zh-CN': '第 &P 页，共 &N 页', 'zh-TW': '第 &P 頁，共 &N 頁', en: 'Page &P of &N' },
  'none': { 'zh-CN': '（无）', 'zh-TW': '（無）', en: '(none)' },
  'yes': { 'zh-CN': '是', 'zh-TW': '是', en: 'Yes' },
  'no': { 'zh-CN': '否', 'zh-TW': '否', en: 'No' },

  // Discrepancies sheet.
  'disc.title': { 'zh-CN': '差异表　{period}', 'zh-TW': '差異表　{period}', en: 'Discrepancies, {period}' },
  'disc.sectionsHeader': { 'zh-CN': '分类', 'zh-TW': '分類', en: 'Section' },
  'disc.count': { 'zh-CN': '笔数', 'zh-TW': '筆數', en: 'Lines' },
  'disc.amountTotal': { 'zh-CN': '金额合计', 'zh-TW': '金額合計', en: 'Amount total' },
  'disc.differenceTotal': { 'zh-CN': '差额合计', 'zh-TW': '差額合計', en: 'Difference total' },
  'disc.conservation': {
    'zh-CN': '以上各类合计 {rows} 行，恰好是全部未匹配、待确认、有差额和已说明无对应的行，每行只列一次；风险提示另列，可与上面重复。',
    'zh-TW': '以上各類合計 {rows} 列，恰好是全部未匹配、待確認、有差額和已說明無對應的列，每列只列一次；風險提示另列，可與上面重複。',
    en: 'The sections cover {rows} rows: every unmatched, suggested, differing or explained row, each exactly once. Risk flags are listed apart and may repeat them.',
  },
  'section.ledger-only': { 'zh-CN': '企业已记银行未记', 'zh-TW': '企業已記銀行未記', en: 'On the ledger only' },
  'section.bank-only': { 'zh-CN': '银行已记企业未记', 'zh-TW': '銀行已記企業未記', en: 'On the bank only' },
  'section.ledger-only.counterparty': { 'zh-CN': '我方已记对方未记', 'zh-TW': '我方已記對方未記', en: 'In our books only' },
  'section.bank-only.counterparty': { 'zh-CN': '对方已记我方未记', 'zh-TW': '對方已記我方未記', en: 'In their books only' },
  'section.difference': { 'zh-CN': '已匹配但金额有差额', 'zh-TW': '已比對但金額有差額', en: 'Matched with a difference' },
  'section.suggested': { 'zh-CN': '待确认的匹配', 'zh-TW': '待確認的比對', en: 'Suggested, awaiting a decision' },
  'section.duplicate': { 'zh-CN': '疑似重复', 'zh-TW': '疑似重複', en: 'Suspected duplicates' },
  'section.explained': { 'zh-CN': '已说明无对应（已对平）', 'zh-TW': '已說明無對應（已對平）', en: 'Explained, no counterpart (reconciled)' },
  'section.risk': { 'zh-CN': '风险提示', 'zh-TW': '風險提示', en: 'Risk flags' },
  'section.unreadable': { 'zh-CN': '无法读取的行', 'zh-TW': '無法讀取的列', en: 'Rows that could not be read' },
  // caveats below the statement's verdict: what it stands on that nobody has confirmed
  'st.caveatUnreadable': {
    'zh-CN': '注意：账簿有 {ledger} 行、银行有 {bank} 行无法读取（见差异表“无法读取的行”），不在本表中；改正这些行并重新对账之前，本表不能作为定稿。',
    'zh-TW': '注意：帳簿有 {ledger} 列、銀行有 {bank} 列無法讀取（見差異表「無法讀取的列」），不在本表中；更正這些列並重新對帳之前，本表不能作為定稿。',
    en: 'Note: {ledger} ledger row(s) and {bank} bank row(s) could not be read (see “Rows that could not be read” on the Discrepancies sheet) and are not in this statement; it is not final until they are corrected and the run repeated.',
  },
  'st.caveatSuggested': {
    'zh-CN': '注意：有 {count} 组匹配尚待确认（见差异表“待确认的匹配”），本表把它们当作已对上；确认之前本表不能作为定稿。',
    'zh-TW': '注意：有 {count} 組比對尚待確認（見差異表「待確認的比對」），本表把它們當作已對上；確認之前本表不能作為定稿。',
    en: 'Note: {count} match(es) still await a decision (see “Suggested, awaiting a decision” on the Discrepancies sheet); this statement counts them as settled and is not final until they are decided.',
  },
  'st.caveatDuplicates': {
    'zh-CN': '注意：本表有 {count} 个未达账项疑似重复记录（如第 {rows} 行；见差异表“疑似重复”）；如确为重复，应更正记录，而不是等待对方入账。',
    'zh-TW': '注意：本表有 {count} 個未達帳項疑似重複記錄（如第 {rows} 列；見差異表「疑似重複」）；如確為重複，應更正記錄，而不是等待對方入帳。',
    en: 'Note: {count} items in this statement look like repeats of another line (e.g. rows {rows}; see “Suspected duplicates” on the Discrepancies sheet); if they are duplicates, correct the records rather than wait for the other side.',
  },
  'st.caveatDuplicate': {
    'zh-CN': '注意：{side}第 {row} 行与第 {copyOf} 行疑似重复（见差异表“疑似重复”），本表仍把它列为未达账项；如确为重复，应更正记录，而不是等待对方入账。',
    'zh-TW': '注意：{side}第 {row} 列與第 {copyOf} 列疑似重複（見差異表「疑似重複」），本表仍把它列為未達帳項；如確為重複，應更正記錄，而不是等待對方入帳。',
    en: 'Note: {side} row {row} looks like a repeat of row {copyOf} (see “Suspected duplicates” on the Discrepancies sheet) and is still listed here as an item in transit; if it is a duplicate, correct the record rather than wait for the other side.',
  },
  'col.section': { 'zh-CN': '分类', 'zh-TW': '分類', en: 'Section' },
  'col.reason': { 'zh-CN': '原因', 'zh-TW': '原因', en: 'Reason' },
  'col.side': { 'zh-CN': '来源', 'zh-TW': '來源', en: 'Side' },
  'col.row': { 'zh-CN': '行号', 'zh-TW': '列號', en: 'Row' },
  'col.date': { 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' },
  'col.counterparty': { 'zh-CN': '对方单位', 'zh-TW': '對方單位', en: 'Counterparty' },
  'col.reference': { 'zh-CN': '单号', 'zh-TW': '單號', en: 'Reference' },
  'col.description': { 'zh-CN': '摘要', 'zh-TW': '摘要', en: 'Description' },
  'col.amount': { 'zh-CN': '金额', 'zh-TW': '金額', en: 'Amount' },
  'col.otherRows': { 'zh-CN': '对方行号', 'zh-TW': '對方列號', en: 'Other rows' },
  'col.otherAmount': { 'zh-CN': '对方金额', 'zh-TW': '對方金額', en: 'Other amount' },
  'col.difference': { 'zh-CN': '差额', 'zh-TW': '差額', en: 'Difference' },
  'col.match': { 'zh-CN': '匹配编号', 'zh-TW': '比對編號', en: 'Match' },
  'col.details': { 'zh-CN': '说明', 'zh-TW': '說明', en: 'Details' },
  'col.rule': { 'zh-CN': '规则', 'zh-TW': '規則', en: 'Rule' },
  'disc.risksTitle': { 'zh-CN': '风险提示（规则见“规则”列）', 'zh-TW': '風險提示（規則見「規則」欄）', en: 'Risk flags (each with its rule)' },
  'disc.noLines': { 'zh-CN': '没有差异：每一行都已匹配且金额一致', 'zh-TW': '沒有差異：每一列都已比對且金額一致', en: 'No discrepancies: every row is matched with equal amounts' },
  'disc.noRisks': { 'zh-CN': '没有风险提示', 'zh-TW': '沒有風險提示', en: 'No risk flags' },
  'disc.overlap': {
    'zh-CN': '{side}第 {first}–{last} 行重复了第 {firstCopy}–{lastCopy} 行（{from} 至 {to}）：这段期间的流水疑似被粘贴了两次',
    'zh-TW': '{side}第 {first}–{last} 列重複了第 {firstCopy}–{lastCopy} 列（{from} 至 {to}）：這段期間的明細疑似被貼上了兩次',
    en: '{side} rows {first}–{last} repeat rows {firstCopy}–{lastCopy} ({from} to {to}): this period looks pasted twice',
  },

  // Why a line is on the Discrepancies sheet (DiscrepancyLine.reason.code).
  'why.explained': { 'zh-CN': '{by} 说明：{reason}', 'zh-TW': '{by} 說明：{reason}', en: 'Explained by {by}: {reason}' },
  'why.deposit-in-transit': { 'zh-CN': '企业已收银行未收（在途存款）', 'zh-TW': '企業已收銀行未收（在途存款）', en: 'Deposit in transit (received in the books, not yet by the bank)' },
  'why.settled-before': {
    'zh-CN': '早于另一方的起始日；期初余额相符，说明此前已对平，不计入本期调节',
    'zh-TW': '早於另一方的起始日；期初餘額相符，表示此前已對平，不列入本期調節',
    en: 'Before the other side’s first day; the opening balances agree, so it was settled earlier and is not an item this period',
  },
  'why.neutral-counterpart': {
    'zh-CN': '银行第 {row} 行（{date}）金额相同，但账单把它记为不计收支（{found}）：可能就是这一笔，请核对',
    'zh-TW': '銀行第 {row} 列（{date}）金額相同，但帳單把它記為不計收支（{found}）：可能就是這一筆，請核對',
    en: 'Bank row {row} ({date}) has the same amount but the bill marks it neither in nor out ({found}): probably this line; check it',
  },
  'why.payment-not-presented': { 'zh-CN': '企业已付银行未付（未兑付的支票或付款）', 'zh-TW': '企業已付銀行未付（未兌付的支票或付款）', en: 'Outstanding cheque or payment (paid in the books, not yet by the bank)' },
  'why.bank-interest': { 'zh-CN': '银行已收企业未收：利息', 'zh-TW': '銀行已收企業未收：利息', en: 'Interest credited by the bank, not yet booked' },
  'why.bank-charge': { 'zh-CN': '银行已付企业未付：手续费', 'zh-TW': '銀行已付企業未付：手續費', en: 'Bank charge, not yet booked' },
  'why.receipt-not-booked': { 'zh-CN': '银行已收企业未收：收款尚未入账', 'zh-TW': '銀行已收企業未收：收款尚未入帳', en: 'Received by the bank, not yet booked' },
  'why.payment-not-booked': { 'zh-CN': '银行已付企业未付：付款尚未入账', 'zh-TW': '銀行已付企業未付：付款尚未入帳', en: 'Paid by the bank, not yet booked' },
  'why.difference-less': { 'zh-CN': '银行少 {amount}：手续费或对方少付', 'zh-TW': '銀行少 {amount}：手續費或對方少付', en: 'The bank shows {amount} less: a fee or a short payment' },
  'why.difference-more': { 'zh-CN': '银行多 {amount}：对方多付或账簿少记', 'zh-TW': '銀行多 {amount}：對方多付或帳簿少記', en: 'The bank shows {amount} more: an overpayment or an amount booked short' },
  'why.only-ours-document': { 'zh-CN': '我方已记的发票，对方尚未入账（在途或漏记）', 'zh-TW': '我方已記的發票，對方尚未入帳（在途或漏記）', en: 'An invoice or bill in our books, not yet in theirs (in transit or missed)' },
  'why.only-ours-cash': { 'zh-CN': '我方已记的收付款，对方尚未入账', 'zh-TW': '我方已記的收付款，對方尚未入帳', en: 'A payment in our books, not yet in theirs' },
  'why.only-theirs-document': { 'zh-CN': '对方已记的发票，我方尚未入账', 'zh-TW': '對方已記的發票，我方尚未入帳', en: 'An invoice or bill in their books, not in ours' },
  'why.only-theirs-cash': { 'zh-CN': '对方已记的收付款，我方尚未入账（在途款项或票据）', 'zh-TW': '對方已記的收付款，我方尚未入帳（在途款項或票據）', en: 'A payment in their books, not yet in ours (in transit, or a bill of exchange)' },
  'why.difference-less-theirs': { 'zh-CN': '对方账上少 {amount}：折让、扣款或少记', 'zh-TW': '對方帳上少 {amount}：折讓、扣款或少記', en: 'Their books show {amount} less: a discount, a deduction or an amount booked short' },
  'why.difference-more-theirs': { 'zh-CN': '对方账上多 {amount}：多付或我方少记', 'zh-TW': '對方帳上多 {amount}：多付或我方少記', en: 'Their books show {amount} more: an overpayment or an amount we booked short' },
  'why.suggested': { 'zh-CN': '待确认：请核对后接受或拒绝', 'zh-TW': '待確認：請核對後接受或拒絕', en: 'Suggested: check, then accept or reject' },
  'why.duplicate-name-date': { 'zh-CN': '与第 {row} 行同日、同额、同对方', 'zh-TW': '與第 {row} 列同日、同額、同對方', en: 'Same date, amount and counterparty as row {row}' },
  'why.duplicate-reference': { 'zh-CN': '与第 {row} 行同单号、同额', 'zh-TW': '與第 {row} 列同單號、同額', en: 'Same reference and amount as row {row}' },
  'why.duplicate-overlap': {
    'zh-CN': '重复第 {row} 行：第 {first}–{last} 行疑似重复粘贴（{from} 至 {to}）',
    'zh-TW': '重複第 {row} 列：第 {first}–{last} 列疑似重複貼上（{from} 至 {to}）',
    en: 'Repeats row {row}: rows {first}–{last} look pasted twice ({from} to {to})',
  },

  // Risk rules, in words (RiskFlag.code).
  'risk.amount-outlier': {
    'zh-CN': '金额远高于该对方单位的通常金额：高于其第 95 百分位（{p95}），且至少是中位数（{median}）的 3 倍（依据其另外 {lines} 笔）',
    'zh-TW': '金額遠高於該對方單位的通常金額：高於其第 95 百分位（{p95}），且至少是中位數（{median}）的 3 倍（依據其另外 {lines} 筆）',
    en: "Far above this counterparty's usual: above its 95th percentile ({p95}) and at least 3× its median ({median}), from its {lines} other lines",
  },
  'risk.round-amount': { 'zh-CN': '整数大额：不低于 {min} 且为 {unit} 的整数倍', 'zh-TW': '整數大額：不低於 {min} 且為 {unit} 的整數倍', en: 'Round amount: at least {min} and a multiple of {unit}' },
  'risk.outside-period': { 'zh-CN': '日期在对账期间（{from} 至 {to}）之外，且未匹配', 'zh-TW': '日期在對帳期間（{from} 至 {to}）之外，且未比對', en: 'Dated outside the period ({from} to {to}) and unmatched' },
  'risk.bank-only-counterparty': { 'zh-CN': '对方单位“{name}”只出现在银行流水中，账簿里没有', 'zh-TW': '對方單位「{name}」只出現在銀行明細中，帳簿裡沒有', en: 'Counterparty "{name}" appears only on the bank side, never in the ledger' },
  'risk.non-working-day': {
    'zh-CN': '记在周末或节假日（1/1、5/1–5/3、10/1–10/3、12/25），而本方 {of} 笔中只有 {count} 笔如此',
    'zh-TW': '記在週末或節假日（1/1、5/1–5/3、10/1–10/3、12/25），而本方 {of} 筆中只有 {count} 筆如此',
    en: 'Posted on a weekend or holiday (1/1, 5/1–5/3, 10/1–10/3, 12/25), where only {count} of this side’s {of} lines are',
  },

  // The bank reconciliation statement.
  'st.title': { 'zh-CN': '银行存款余额调节表', 'zh-TW': '銀行存款餘額調節表', en: 'Bank reconciliation statement' },
  'st.asAt': { 'zh-CN': '截至 {date}　　金额单位：{unit}', 'zh-TW': '截至 {date}　　金額單位：{unit}', en: 'As at {date}; amounts in {unit}' },
  'st.bookSide': { 'zh-CN': '企业银行存款日记账', 'zh-TW': '企業銀行存款日記帳', en: 'Per books' },
  'st.bankSide': { 'zh-CN': '银行对账单', 'zh-TW': '銀行對帳單', en: 'Per bank statement' },
  'st.item': { 'zh-CN': '项目', 'zh-TW': '項目', en: 'Item' },
  'st.date': { 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' },
  'st.rowOf': { 'zh-CN': '{side}行号', 'zh-TW': '{side}列號', en: '{side} row' },
  'st.amount': { 'zh-CN': '金额', 'zh-TW': '金額', en: 'Amount' },
  'st.bookBalance': { 'zh-CN': '企业银行存款日记账余额', 'zh-TW': '企業銀行存款日記帳餘額', en: 'Balance per books' },
  'st.bankBalance': { 'zh-CN': '银行对账单余额', 'zh-TW': '銀行對帳單餘額', en: 'Balance per bank statement' },
  'st.bankReceived': { 'zh-CN': '加：银行已收、企业未收', 'zh-TW': '加：銀行已收、企業未收', en: 'Add: received by the bank, not in the books' },
  'st.bankPaid': { 'zh-CN': '减：银行已付、企业未付', 'zh-TW': '減：銀行已付、企業未付', en: 'Less: paid by the bank, not in the books' },
  'st.bookReceived': { 'zh-CN': '加：企业已收、银行未收', 'zh-TW': '加：企業已收、銀行未收', en: 'Add: deposits in transit' },
  'st.bookPaid': { 'zh-CN': '减：企业已付、银行未付', 'zh-TW': '減：企業已付、銀行未付', en: 'Less: outstanding cheques and payments' },
  // The same statement between two ledgers (往来对账): what is owed, per us and per them.
  'st.titleCounterparty': { 'zh-CN': '往来余额调节表', 'zh-TW': '往來餘額調節表', en: 'Balance reconciliation with the counterparty' },
  'st.ourSide': { 'zh-CN': '我方账簿', 'zh-TW': '我方帳簿', en: 'Per our ledger' },
  'st.theirSide': { 'zh-CN': '对方账簿', 'zh-TW': '對方帳簿', en: 'Per their ledger' },
  'st.ourBalance': { 'zh-CN': '我方余额', 'zh-TW': '我方餘額', en: 'Balance per our ledger' },
  'st.theirBalance': { 'zh-CN': '对方余额', 'zh-TW': '對方餘額', en: 'Balance per their ledger' },
  'st.theirIncrease': { 'zh-CN': '加：对方已记、我方未记（增加往来余额）', 'zh-TW': '加：對方已記、我方未記（增加往來餘額）', en: 'Add: in their books, not ours' },
  'st.theirDecrease': { 'zh-CN': '减：对方已记、我方未记（减少往来余额）', 'zh-TW': '減：對方已記、我方未記（減少往來餘額）', en: 'Less: in their books, not ours' },
  'st.ourIncrease': { 'zh-CN': '加：我方已记、对方未记（增加往来余额）', 'zh-TW': '加：我方已記、對方未記（增加往來餘額）', en: 'Add: in our books, not theirs' },
  'st.ourDecrease': { 'zh-CN': '减：我方已记、对方未记（减少往来余额）', 'zh-TW': '減：我方已記、對方未記（減少往來餘額）', en: 'Less: in our books, not theirs' },
  'st.unexplainedCounterparty': { 'zh-CN': '未解释差额（我方调节后 − 对方调节后）', 'zh-TW': '未解釋差額（我方調節後 − 對方調節後）', en: 'Unexplained difference (adjusted ours − adjusted theirs)' },
  'st.adjusted': { 'zh-CN': '调节后余额', 'zh-TW': '調節後餘額', en: 'Adjusted balance' },
  'st.itemDifference': { 'zh-CN': '{id} 金额差额', 'zh-TW': '{id} 金額差額', en: '{id} amount difference' },
  'st.itemAfter': { 'zh-CN': '（{id} 对方在期末后入账）', 'zh-TW': '（{id} 對方在期末後入帳）', en: '({id}: other side after the period end)' },
  'st.agree': { 'zh-CN': '调节后余额相等', 'zh-TW': '調節後餘額相等', en: 'The adjusted balances agree' },
  'st.unexplained': { 'zh-CN': '未解释差额（账簿调节后 − 银行调节后）', 'zh-TW': '未解釋差額（帳簿調節後 − 銀行調節後）', en: 'Unexplained difference (adjusted books − adjusted bank)' },
  'st.unknown': { 'zh-CN': '缺少余额，无法比较调节后余额', 'zh-TW': '缺少餘額，無法比較調節後餘額', en: 'A balance is missing, so the adjusted balances cannot be compared' },
  'st.likely': { 'zh-CN': '最可能的原因：', 'zh-TW': '最可能的原因：', en: 'Most likely explanations:' },
  'st.source': { 'zh-CN': '余额来源：', 'zh-TW': '餘額來源：', en: 'Balance from: ' },
  'st.preparedBy': { 'zh-CN': '编制人：', 'zh-TW': '編製人：', en: 'Prepared by:' },
  'st.reviewedBy': { 'zh-CN': '复核人：', 'zh-TW': '複核人：', en: 'Reviewed by:' },
  'st.notCash': {
    'zh-CN': '账簿是{kind}，余额调节表只适用于银行存款日记账，本次未编制。',
    'zh-TW': '帳簿是{kind}，餘額調節表只適用於銀行存款日記帳，本次未編製。',
    en: 'The ledger is a {kind}; a bank reconciliation statement needs a cash journal, so none was drawn up.',
  },
  'st.noEntries': { 'zh-CN': '两边都没有读到记录，无法编制余额调节表。', 'zh-TW': '兩邊都沒有讀到記錄，無法編製餘額調節表。', en: 'Neither side has any entries, so there is no statement.' },
  'source.entered': { 'zh-CN': '用户输入', 'zh-TW': '使用者輸入', en: 'entered by the user' },
  'source.balance-column': { 'zh-CN': '余额列，第 {row} 行（{date}）', 'zh-TW': '餘額欄，第 {row} 列（{date}）', en: 'the balance column, row {row} ({date})' },
  'source.closing-line': { 'zh-CN': '“{label}”行，第 {row} 行', 'zh-TW': '「{label}」列，第 {row} 列', en: 'the "{label}" line, row {row}' },
  'source.opening-line': { 'zh-CN': '“{label}”（第 {row} 行）加截至期末的发生额 {movements}', 'zh-TW': '「{label}」（第 {row} 列）加截至期末的發生額 {movements}', en: 'the "{label}" line (row {row}) plus movements to the period end, {movements}' },
  'source.none': {
    'zh-CN': '文件中没有余额：请在任务窗格输入，或用 {flag}',
    'zh-TW': '檔案中沒有餘額：請在工作窗格輸入，或用 {flag}',
    en: 'none in the file: enter it in the pane, or with {flag}',
  },
  'break': {
    'zh-CN': '{side}余额列与本身的发生额不符：第 {row} 行应为 {expected}（第 {previous} 行余额加本行发生额），实为 {stated}，差 {off}；共 {breaks} 处',
    'zh-TW': '{side}餘額欄與本身的發生額不符：第 {row} 列應為 {expected}（第 {previous} 列餘額加本列發生額），實為 {stated}，差 {off}；共 {breaks} 處',
    en: "{side} balance column disagrees with its own rows: row {row} should be {expected} (row {previous}'s balance plus this row), it says {stated}, off by {off}; {breaks} break(s) in all",
  },
  'explain.balance-break': { 'zh-CN': '{side}第 {row} 行余额列断开，差 {amount}', 'zh-TW': '{side}第 {row} 列餘額欄斷開，差 {amount}', en: '{side} row {row}: the balance column breaks by {amount}' },
  'explain.duplicate': { 'zh-CN': '{side}第 {row} 行疑似重复（{amount}）', 'zh-TW': '{side}第 {row} 列疑似重複（{amount}）', en: '{side} row {row} looks like a duplicate ({amount})' },
  'explain.match-difference': { 'zh-CN': '{id} 的金额差额 {amount}', 'zh-TW': '{id} 的金額差額 {amount}', en: 'the amount difference of {id}, {amount}' },
  'explain.equal-amount': { 'zh-CN': '{side}第 {row} 行金额 {amount} 等于差额：可能漏记或重复记录', 'zh-TW': '{side}第 {row} 列金額 {amount} 等於差額：可能漏記或重複記錄', en: '{side} row {row}, {amount}, equals the difference: left out of the balance or booked twice?' },
  'explain.double-amount': { 'zh-CN': '{side}第 {row} 行金额 {amount} 的两倍等于差额：可能记反了方向', 'zh-TW': '{side}第 {row} 列金額 {amount} 的兩倍等於差額：可能記反了方向', en: '{side} row {row}: twice its {amount} equals the difference: booked with the wrong sign?' },
  'explain.transposition': { 'zh-CN': '差额 {amount} 能被 9 整除：可能有两位数字颠倒', 'zh-TW': '差額 {amount} 能被 9 整除：可能有兩位數字顛倒', en: 'The difference {amount} divides by 9: two digits may be swapped' },

  // Summary.
  'sum.title': { 'zh-CN': '对账汇总', 'zh-TW': '對帳彙總', en: 'Reconciliation summary' },
  'sum.period': { 'zh-CN': '对账期间', 'zh-TW': '對帳期間', en: 'Period' },
  'sum.periodEnd': { 'zh-CN': '期末日', 'zh-TW': '期末日', en: 'Period end' },
  'sum.ranAt': { 'zh-CN': '运行时间', 'zh-TW': '執行時間', en: 'Run at' },
  'sum.ranges': { 'zh-CN': '区域', 'zh-TW': '範圍', en: 'Ranges' },
  'sum.review': { 'zh-CN': '复核', 'zh-TW': '複核', en: 'Review (sign-off)' },
  'review.signed': { 'zh-CN': '已复核：{by}，{at}', 'zh-TW': '已複核：{by}，{at}', en: 'Signed off by {by} at {at}' },
  'review.cleared': { 'zh-CN': '未复核：{by} 于 {at} 的复核因本次对账失效，请重新复核', 'zh-TW': '未複核：{by} 於 {at} 的複核因本次對帳失效，請重新複核', en: 'Not signed off: the sign-off by {by} at {at} was cleared by this run; review again' },
  'review.refused': { 'zh-CN': '未复核：结果与复核人看到的不同（{changes} 处变化），请检查后再复核', 'zh-TW': '未複核：結果與複核人看到的不同（{changes} 處變化），請檢查後再複核', en: 'Not signed off: the results differ from what the reviewer saw ({changes} changes); review them and sign off again' },
  'review.none': { 'zh-CN': '未复核', 'zh-TW': '未複核', en: 'Not signed off' },
  'sum.explained': { 'zh-CN': '已说明无对应（计入已对平）', 'zh-TW': '已說明無對應（計入已對平）', en: 'Explained, no counterpart (counted as reconciled)' },
  'sum.figure': { 'zh-CN': '项目', 'zh-TW': '項目', en: 'Figure' },
  'sum.entries': { 'zh-CN': '读到的记录', 'zh-TW': '讀到的記錄', en: 'Entries read' },
  'sum.entriesAmount': { 'zh-CN': '记录金额合计', 'zh-TW': '記錄金額合計', en: 'Entries, amount' },
  'sum.skipped': { 'zh-CN': '跳过的行', 'zh-TW': '略過的列', en: 'Lines set aside' },
  'sum.auto': { 'zh-CN': '自动匹配', 'zh-TW': '自動比對', en: 'Matched automatically' },
  'sum.suggested': { 'zh-CN': '待确认', 'zh-TW': '待確認', en: 'Suggested' },
  'sum.unmatched': { 'zh-CN': '未匹配', 'zh-TW': '未比對', en: 'Unmatched' },
  'sum.documents': { 'zh-CN': '单据（不参与银行对账）', 'zh-TW': '單據（不參與銀行對帳）', en: 'Documents (not matched to bank)' },
  'sum.matchRate': { 'zh-CN': '匹配率', 'zh-TW': '比對率', en: 'Match rate' },
  'sum.lines': { 'zh-CN': '{what}（笔）', 'zh-TW': '{what}（筆）', en: '{what} (lines)' },
  'sum.amount': { 'zh-CN': '{what}（金额）', 'zh-TW': '{what}（金額）', en: '{what} (amount)' },
  'sum.rules': { 'zh-CN': '各规则的匹配组数', 'zh-TW': '各規則的比對組數', en: 'Match groups by rule' },
  'sum.options': { 'zh-CN': '选项', 'zh-TW': '選項', en: 'Options' },
  'sum.value': { 'zh-CN': '值', 'zh-TW': '值', en: 'Value' },
  'sum.balances': { 'zh-CN': '余额', 'zh-TW': '餘額', en: 'Balances' },
  'sum.adjusted': { 'zh-CN': '调节后余额', 'zh-TW': '調節後餘額', en: 'Adjusted balance' },
  'sum.status': { 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' },
  'sum.age': { 'zh-CN': '账龄（距期末天数）', 'zh-TW': '帳齡（距期末天數）', en: 'Age (days before the period end)' },
  'sum.chartStatus': { 'zh-CN': '各状态金额（绝对值合计）', 'zh-TW': '各狀態金額（絕對值合計）', en: 'Amounts by status (sum of absolute amounts)' },
  'sum.chartAge': { 'zh-CN': '未匹配金额账龄（绝对值合计）', 'zh-TW': '未比對金額帳齡（絕對值合計）', en: 'Unmatched amounts by age (sum of absolute amounts)' },
  'sum.ledgerKind': { 'zh-CN': '账簿类型', 'zh-TW': '帳簿類型', en: 'Ledger kind' },
  'sum.bankKind': { 'zh-CN': '银行一方类型', 'zh-TW': '銀行一方類型', en: 'Bank side kind' },
  'sum.statementNone': { 'zh-CN': '未编制', 'zh-TW': '未編製', en: 'not drawn up' },
  'age.after': { 'zh-CN': '期末之后', 'zh-TW': '期末之後', en: 'After the period end' },
  'age.0-7': { 'zh-CN': '0–7 天', 'zh-TW': '0–7 天', en: '0–7 days' },
  'age.8-30': { 'zh-CN': '8–30 天', 'zh-TW': '8–30 天', en: '8–30 days' },
  'age.31-60': { 'zh-CN': '31–60 天', 'zh-TW': '31–60 天', en: '31–60 days' },
  'age.61-90': { 'zh-CN': '61–90 天', 'zh-TW': '61–90 天', en: '61–90 days' },
  'age.90+': { 'zh-CN': '90 天以上', 'zh-TW': '90 天以上', en: 'Over 90 days' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReportMessageId = keyof typeof REPORT_MESSAGES;

export function reportText(id: ReportMessageId, locale: Locale, params?: Record<string, string | number>): string {
  const template: string = REPORT_MESSAGES[id][locale];
  return params === undefined ? template : fillTemplate(template, params);
}

/** What the statement's amounts are counted in: 元 unless the lines name another currency (a 美元户: 美元, USD). */
const CURRENCY_UNITS: Record<string, Record<Locale, string>> = {
  '': { 'zh-CN': '元', 'zh-TW': '元', en: 'the files’ currency' },
  CNY: { 'zh-CN': '元', 'zh-TW': '人民幣元', en: 'CNY' },
  USD: { 'zh-CN': '美元', 'zh-TW': '美元', en: 'USD' },
  HKD: { 'zh-CN': '港元', 'zh-TW': '港元', en: 'HKD' },
  TWD: { 'zh-CN': '新台币元', 'zh-TW': '元', en: 'TWD' },
  EUR: { 'zh-CN': '欧元', 'zh-TW': '歐元', en: 'EUR' },
  GBP: { 'zh-CN': '英镑', 'zh-TW': '英鎊', en: 'GBP' },
  JPY: { 'zh-CN': '日元', 'zh-TW': '日圓', en: 'JPY' },
};

export function amountUnit(currency: string, locale: Locale): string {
  return CURRENCY_UNITS[currency]?.[locale] ?? currency;
}

/** A message id built from data (`why.${code}`); an unknown code shows as itself, so a gap is visible. */
export function reportTextOf(prefix: string, code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const id = `${prefix}.${code}`;
  return id in REPORT_MESSAGES ? reportText(id as ReportMessageId, locale, params) : code;
}

/** Every message id, for tests that check each language has every message. */
export const REPORT_MESSAGE_IDS = Object.keys(REPORT_MESSAGES) as ReportMessageId[];
