/**
 * What the reader decided and what it could not read, in the user's language. The reader returns
 * decisions, issues and skip reasons as data ({ code, params }); this TABLE, one row per code and one
 * column per locale, turns them into text, as reasons.ts does for match reasons. The English column is
 * also what ReadIssue.message and SkippedLine.reason hold (the JSON contract and logs).
 *
 * Params with a meaning of their own are rendered per locale:
 *   {place}  from row/column/header: `Row 14, column F (借方金额)` / `第 14 行 F 列（借方金额）`
 *   {found}  the text as found, quoted, or "an empty cell"
 *   {kind}, {other}, {missing}, {expected}, {bucket}  words from PARAM_WORDS
 */
import { fillTemplate } from './template';
import type { Reason } from '../engine/types';
import type { Locale } from './locale';
import { roleText } from './pane';

type Texts = Record<Locale, string>;

export const READ_TEXTS: Record<string, Texts> = {
  // --- decisions: the kind of book, with its evidence
  'kind-chosen': { 'zh-CN': '按所选类型读取：{kind}', 'zh-TW': '按所選類型讀取：{kind}', en: 'Read as a {kind} (chosen)' },
  'kind-decided': { 'zh-CN': '读作{kind}', 'zh-TW': '讀作{kind}', en: 'Read as a {kind}' },
  'kind-doubtful': {
    'zh-CN': '无法确定这是{kind}还是{other}：两种读法的依据相近，请选择类型',
    'zh-TW': '無法確定這是{kind}還是{other}：兩種讀法的依據相近，請選擇類型',
    en: 'Cannot tell whether this is a {kind} or a {other}: the evidence is close; choose the kind',
  },
  'evidence-title-word': { 'zh-CN': '标题写有“{word}”', 'zh-TW': '標題寫有「{word}」', en: 'the title says “{word}”' },
  'evidence-header-word': { 'zh-CN': '表头写有“{word}”', 'zh-TW': '表頭寫有「{word}」', en: 'the headers say “{word}”' },
  'evidence-row-words': {
    'zh-CN': '{total} 行摘要中有“{word}”等词，其中 {agree} 行的方向与此读法相符',
    'zh-TW': '{total} 行摘要中有「{word}」等詞，其中 {agree} 行的方向與此讀法相符',
    en: '{agree} of {total} lines with words such as “{word}” fit this reading',
  },
  'evidence-balance': {
    'zh-CN': '余额列与此读法相符 {agree} 次（共 {total} 次）',
    'zh-TW': '餘額欄與此讀法相符 {agree} 次（共 {total} 次）',
    en: 'the balance column agrees with this reading on {agree} of {total} rows',
  },
  'evidence-balance-contradicts': {
    'zh-CN': '{kind}的读法与余额列矛盾（相符 {agree} 次，共 {total} 次），不采用',
    'zh-TW': '{kind}的讀法與餘額欄矛盾（相符 {agree} 次，共 {total} 次），不採用',
    en: 'reading it as a {kind} contradicts its own balance column ({agree} of {total} rows agree); not used',
  },
  'evidence-both-sides': {
    'zh-CN': '{count} 个往来单位（共 {total} 个）借贷两方都有记录',
    'zh-TW': '{count} 個往來單位（共 {total} 個）借貸兩方都有記錄',
    en: '{count} of {total} counterparties have lines on both sides',
  },
  'evidence-card': { 'zh-CN': '这是信用卡账单（“{word}”）', 'zh-TW': '這是信用卡帳單（「{word}」）', en: 'it is a credit-card statement (“{word}”)' },
  'evidence-default': { 'zh-CN': '没有其他依据时的默认读法', 'zh-TW': '沒有其他依據時的預設讀法', en: 'the default when nothing else decides' },
  'evidence-data': {
    'zh-CN': '读作{kind}：{lines} 行中有 {meets} 行在 {days} 天内有金额和方向都相同的银行记录',
    'zh-TW': '讀作{kind}：{lines} 行中有 {meets} 行在 {days} 天內有金額和方向都相同的銀行記錄',
    en: 'read as a {kind}: {meets} of {lines} lines have a bank line of the same amount and direction within {days} days',
  },
  'evidence-data-other': {
    'zh-CN': '读作{kind}：{meets} 行相符',
    'zh-TW': '讀作{kind}：{meets} 行相符',
    en: 'read as a {kind}: {meets} lines meet',
  },
  'evidence-data-bank': {
    'zh-CN': '读作{kind}：{lines} 行中有 {meets} 行在 {days} 天内与账簿记录金额和方向都相同',
    'zh-TW': '讀作{kind}：{lines} 行中有 {meets} 行在 {days} 天內與帳簿記錄金額和方向都相同',
    en: 'read as a {kind}: {meets} of {lines} lines meet a ledger line of the same amount and direction within {days} days',
  },
  'meaning-bank-statement': { 'zh-CN': '{debit}为支出，{credit}为收入（银行视角）', 'zh-TW': '{debit}為支出，{credit}為收入（銀行視角）', en: '{debit} read as money out, {credit} as money in (the bank’s own view)' },
  'meaning-card-statement': { 'zh-CN': '消费为支出，还款和退货为收入（持卡人视角）', 'zh-TW': '消費為支出，還款和退貨為收入（持卡人視角）', en: 'purchases read as money out, payments and refunds as money in (the cardholder’s side)' },
  'meaning-cash-journal': { 'zh-CN': '{debit}为收入，{credit}为支出', 'zh-TW': '{debit}為收入，{credit}為支出', en: '{debit} read as money in, {credit} as money out' },
  'meaning-receivables-ledger': { 'zh-CN': '{debit}为开出的发票，{credit}为收款', 'zh-TW': '{debit}為開出的發票，{credit}為收款', en: '{debit} read as invoices raised, {credit} as receipts' },
  'meaning-payables-ledger': { 'zh-CN': '{credit}为收到的账单，{debit}为付款', 'zh-TW': '{credit}為收到的帳單，{debit}為付款', en: '{credit} read as bills received, {debit} as payments made' },
  'signs-reversed-chosen': { 'zh-CN': '正负号按所选取反：支出为正、收入为负', 'zh-TW': '正負號按所選取反：支出為正、收入為負', en: 'Signs reversed as chosen: money out written positive, money in negative' },
  'signed-reversed-book': {
    'zh-CN': '{header} 中正数为支出、负数为收入（花出去的钱记为正数）：正负号取反读取',
    'zh-TW': '{header} 中正數為支出、負數為收入（花出去的錢記為正數）：正負號取反讀取',
    en: '{header}: positive amounts are money out and negative money in (spending written as positive); read with the signs reversed',
  },
  'opposite-signs': { 'zh-CN': '正负号取反：这是对方单位自己的账', 'zh-TW': '正負號取反：這是對方單位自己的帳', en: 'Signs reversed: this is the counterparty’s own ledger' },
  'signed-flipped': {
    'zh-CN': '{header} 中正数为支出、负数为收入（发卡行视角），按持卡人视角取反',
    'zh-TW': '{header} 中正數為支出、負數為收入（發卡行視角），按持卡人視角取反',
    en: '{header}: positive amounts are money out and negative money in (the card issuer’s side); signs reversed to the cardholder’s side',
  },
  // --- decisions: columns, dates, amounts
  'header-row': { 'zh-CN': '第 {row} 行为表头：{roles}', 'zh-TW': '第 {row} 行為表頭：{roles}', en: 'Header row {row}: {roles}' },
  'header-row-chosen': { 'zh-CN': '第 {row} 行为表头（所选）：{roles}', 'zh-TW': '第 {row} 行為表頭（所選）：{roles}', en: 'Header row {row} (chosen): {roles}' },
  'no-header-row': { 'zh-CN': '没有表头：按数据识别各列：{roles}', 'zh-TW': '沒有表頭：按資料辨識各欄：{roles}', en: 'No header row: columns read from the data: {roles}' },
  'date-fallback': {
    'zh-CN': '日期取自 {column}（{header}），为空时取自 {other}（{otherHeader}）',
    'zh-TW': '日期取自 {column}（{header}），為空時取自 {other}（{otherHeader}）',
    en: 'Dates from {column} ({header}); where it is empty, from {other} ({otherHeader})',
  },
  'counterparty-fallback': {
    'zh-CN': '{column}（{header}）每行都为空：对方户名取自 {other}（{otherHeader}）',
    'zh-TW': '{column}（{header}）每列皆為空：對方戶名取自 {other}（{otherHeader}）',
    en: '{column} ({header}) is empty on every line: names from {other} ({otherHeader})',
  },
  'date-column-chosen': {
    'zh-CN': '日期取自 {column}（{header}）：每行都有且顺序与行一致；{other}（{otherHeader}）只有 {filled}/{total} 行有日期',
    'zh-TW': '日期取自 {column}（{header}）：每行都有且順序與行一致；{other}（{otherHeader}）只有 {filled}/{total} 行有日期',
    en: 'Dates from {column} ({header}): filled on every row and ordered like the rows; {other} ({otherHeader}) has a date on {filled} of {total} rows',
  },
  'decimal-comma': { 'zh-CN': '{column}（{header}）以逗号为小数点（1.234,56）', 'zh-TW': '{column}（{header}）以逗號為小數點（1.234,56）', en: 'Amounts in {column} ({header}) use a decimal comma (1.234,56)' },
  'date-order-forced': {
    'zh-CN': '日期按{order}/年读取：{example} 只符合这种顺序',
    'zh-TW': '日期按{order}/年讀取：{example} 只符合這種順序',
    en: 'Dates read as {order}/year: {example} fits no other order',
  },
  'date-order-chosen': {
    'zh-CN': '日期按所选的顺序读取：{order}',
    'zh-TW': '日期按所選的順序讀取：{order}',
    en: 'Dates read in the order chosen: {order}',
  },
  'date-order-from-other-side': {
    'zh-CN': '{example} 这样的日期既可读作月/日也可读作日/月；按{order}读取，因为这样有 {meets} 行在 {days} 天内与另一方金额相同（另一种读法只有 {otherMeets} 行）',
    'zh-TW': '{example} 這樣的日期既可讀作月/日也可讀作日/月；按{order}讀取，因為這樣有 {meets} 行在 {days} 天內與另一方金額相同（另一種讀法只有 {otherMeets} 行）',
    en: 'Dates such as {example} fit both month/day and day/month; read as {order} because then {meets} lines meet a line of the same amount on the other side within {days} days (read the other way: {otherMeets})',
  },
  'date-order-doubtful': {
    'zh-CN': '{example} 这样的日期既可读作月/日也可读作日/月；两边的日期顺序相反（这样有 {meets} 行在 {days} 天内与另一方金额相同，按同一顺序读只有 {otherMeets} 行），但看不出哪一边是日/月：暂按{order}读取，请指定日期顺序',
    'zh-TW': '{example} 這樣的日期既可讀作月/日也可讀作日/月；兩邊的日期順序相反（這樣有 {meets} 行在 {days} 天內與另一方金額相同，按同一順序讀只有 {otherMeets} 行），但看不出哪一邊是日/月：暫按{order}讀取，請指定日期順序',
    en: 'Dates such as {example} fit both month/day and day/month; the two sides write them in opposite orders ({meets} lines meet a line of the same amount within {days} days that way, {otherMeets} read alike), but nothing tells which side is day/month: read as {order} for now — set the date order',
  },
  'date-order-guessed': {
    'zh-CN': '{example} 这样的日期既可读作月/日也可读作日/月；已按{order}读取{why}，如有误请设置日期顺序',
    'zh-TW': '{example} 這樣的日期既可讀作月/日也可讀作日/月；已按{order}讀取{why}，如有誤請設定日期順序',
    en: 'Dates such as {example} fit both month/day and day/month; read as {order}{why} — set the date order if that is wrong',
  },
  'note-as-description': {
    'zh-CN': '{column} 列 {header} 写的是说明，不是单号：读作摘要（没有摘要列；其中的单号照样会被识别）',
    'zh-TW': '{column} 欄 {header} 寫的是說明，不是單號：讀作摘要（沒有摘要欄；其中的單號照樣會被辨識）',
    en: 'Column {column} {header} holds words, not numbers: read as the description (there is none; numbers written in it are still found)',
  },
  'note-as-text': {
    'zh-CN': '{column} 列 {header} 写的是说明，不是单号：作为补充说明读取（其中的单号照样会被识别）',
    'zh-TW': '{column} 欄 {header} 寫的是說明，不是單號：作為補充說明讀取（其中的單號照樣會被辨識）',
    en: 'Column {column} {header} holds words, not numbers: read as further text (numbers written in it are still found)',
  },
  'skip-year-line': { 'zh-CN': '年份行：其下的月日按 {year} 年读取', 'zh-TW': '年份列：其下的月日按 {year} 年讀取', en: 'A year line: the month/day dates below it are read in {year}' },
  'direction-is-balance-side': {
    'zh-CN': '{column} 列 {header} 是余额的方向（借/贷/平，紧挨 {balance}），不是每笔的收支方向：只用来确定余额的正负',
    'zh-TW': '{column} 欄 {header} 是餘額的方向（借/貸/平，緊挨 {balance}），不是每筆的收支方向：只用來確定餘額的正負',
    en: 'Column {column} {header} is the balance’s side (借/贷/平, beside {balance}), not each line’s direction: it only signs the balance',
  },
  'direction-card-words': {
    'zh-CN': '{column} 列 {header} 写的是信用卡的用语（{words}）：按持卡人视角读取，消费、取现为支出，还款、退款为收入',
    'zh-TW': '{column} 欄 {header} 寫的是信用卡的用語（{words}）：按持卡人視角讀取，消費、取現為支出，還款、退款為收入',
    en: 'Column {column} {header} holds a card’s words ({words}): read from the card’s side, purchases and cash advances as money out, repayments and refunds as money in',
  },
  'direction-from-values': {
    'zh-CN': '{column} 列 {header} 写的是 {words}：作为收支方向列使用',
    'zh-TW': '{column} 欄 {header} 寫的是 {words}：作為收支方向欄使用',
    en: 'Column {column} {header} holds {words}: used as the direction (money in or out)',
  },
  'balance-all-zero': {
    'zh-CN': '{column} 列 {header} 每行都是 0：不是余额，不使用（余额调节表需要另行输入银行余额）',
    'zh-TW': '{column} 欄 {header} 每列都是 0：不是餘額，不使用（餘額調節表需要另行輸入銀行餘額）',
    en: 'Column {column} {header} is 0 on every line: not a running balance, not used (enter the balance for the reconciliation statement)',
  },
  'direction-not-needed': { 'zh-CN': '{header} 自带正负号，不需要 {direction} 判断方向', 'zh-TW': '{header} 自帶正負號，不需要 {direction} 判斷方向', en: '{header} carries its own signs; {direction} is not needed for the direction' },
  'direction-used': { 'zh-CN': '{header} 没有正负号，由 {direction} 判断收支', 'zh-TW': '{header} 沒有正負號，由 {direction} 判斷收支', en: '{header} has no signs; {direction} says money in or out' },
  'all-money-in': {
    'zh-CN': '{header} 没有负数，也没有方向列：全部读作收入',
    'zh-TW': '{header} 沒有負數，也沒有方向欄：全部讀作收入',
    en: '{header} has no negative amounts and there is no direction column: every amount read as money in',
  },
  'outflow-presigned': {
    'zh-CN': '{header} 已带负号，按{bucket}读取，不再重复取反',
    'zh-TW': '{header} 已帶負號，按{bucket}讀取，不再重複取反',
    en: '{header} is written with minus signs already; read as money {bucket} without negating twice',
  },
  'direction-from-description': {
    'zh-CN': '{header} 没有正负号；方向取自 {description} 开头的词（{words}）',
    'zh-TW': '{header} 沒有正負號；方向取自 {description} 開頭的詞（{words}）',
    en: '{header} has no signs; the direction is the first word of {description} ({words})',
  },
  'marked-credits': {
    'zh-CN': '{header} 中带“{mark}”的金额为收入，其余为支出',
    'zh-TW': '{header} 中帶「{mark}」的金額為收入，其餘為支出',
    en: '{header}: amounts marked “{mark}” are money in, the others money out',
  },
  'net-with-fee': {
    'zh-CN': '{header} 为实收实付净额；{fee} 列的手续费另行列示（{count} 行，合计 {total}）',
    'zh-TW': '{header} 為實收實付淨額；{fee} 欄的手續費另行列示（{count} 行，合計 {total}）',
    en: '{header} read as the net movement; the fees in {fee} are kept beside it ({count} rows, {total} in all)',
  },
  'gross-with-fee': {
    'zh-CN': '{header} 按原值读取（未扣手续费）；{fee} 列的手续费另行列示（{count} 行，合计 {total}）',
    'zh-TW': '{header} 按原值讀取（未扣手續費）；{fee} 欄的手續費另行列示（{count} 行，合計 {total}）',
    en: '{header} read as written (before fees); the fees in {fee} are kept beside it ({count} rows, {total} in all)',
  },
  'parties-holder': {
    'zh-CN': '{payer} 与 {payee} 两列中，{holder} 是本账户户名，出现在几乎每一行；对方户名取另一列',
    'zh-TW': '{payer} 與 {payee} 兩欄中，{holder} 是本帳戶戶名，出現在幾乎每一列；對方戶名取另一欄',
    en: '{holder}, on nearly every line in {payer} or {payee}, is the account holder; the other name is the counterparty',
  },
  'parties-by-direction': {
    'zh-CN': '{payer} 与 {payee} 两列：收入取付款人，支出取收款人为对方户名',
    'zh-TW': '{payer} 與 {payee} 兩欄：收入取付款人，支出取收款人為對方戶名',
    en: '{payer} and {payee}: the counterparty is the payer of money in and the payee of money out',
  },
  'parties-from-sections': {
    'zh-CN': '没有往来单位列：{count} 行的往来单位取自其上方的分组标题（共 {parties} 个，如 {found}）',
    'zh-TW': '沒有往來單位欄：{count} 列的往來單位取自其上方的分組標題（共 {parties} 個，如 {found}）',
    en: 'No counterparty column: {count} lines take theirs from the section heading above them ({parties} in all, such as {found})',
  },
  'split-dates': {
    'zh-CN': '{month}（{monthColumn} 列）与 {day}（{dayColumn} 列）合起来读作日期，月份按上方最近写出的月份',
    'zh-TW': '{month}（{monthColumn} 欄）與 {day}（{dayColumn} 欄）合起來讀作日期，月份按上方最近寫出的月份',
    en: '{month} (column {monthColumn}) and {day} (column {dayColumn}) read together as the date, the month carried down from the last line that wrote one',
  },
  'account-chosen': {
    'zh-CN': '{header}（{column} 列）记有 {count} 个账户；与对方相符的是“{chosen}”（{meets}/{lines} 行），按此账户对账，其余账户（{others}）的 {skipped} 行跳过',
    'zh-TW': '{header}（{column} 欄）記有 {count} 個帳戶；與對方相符的是「{chosen}」（{meets}/{lines} 列），按此帳戶對帳，其餘帳戶（{others}）的 {skipped} 列略過',
    en: '{header} (column {column}) names {count} accounts; “{chosen}” is the one that meets the other side ({meets} of {lines} lines), so it is reconciled and the other accounts’ ({others}) {skipped} lines are skipped',
  },
  'currency-chosen': {
    'zh-CN': '{header}（{column} 列）记有 {count} 种币种；与对方相符的是 {chosen}（{meets}/{lines} 行），按此币种对账，其余币种（{others}）的 {skipped} 行跳过',
    'zh-TW': '{header}（{column} 欄）記有 {count} 種幣別；與對方相符的是 {chosen}（{meets}/{lines} 列），按此幣別對帳，其餘幣別（{others}）的 {skipped} 列略過',
    en: '{header} (column {column}) names {count} currencies; {chosen} is the one that meets the other side ({meets} of {lines} lines), so it is reconciled and the {skipped} lines in {others} are skipped',
  },
  'currencies-several': {
    'zh-CN': '{header}（{column} 列）记有 {count} 种币种，其中不止一种与对方相符（{accounts}）：已全部参与对账；不同币种的金额不会相互匹配',
    'zh-TW': '{header}（{column} 欄）記有 {count} 種幣別，其中不止一種與對方相符（{accounts}）：已全部參與對帳；不同幣別的金額不會相互比對',
    en: '{header} (column {column}) names {count} currencies and more than one meets the other side ({accounts}): all are reconciled; amounts in different currencies never match each other',
  },
  'accounts-several': {
    'zh-CN': '{header}（{column} 列）记有 {count} 个账户，其中不止一个与对方相符（{accounts}）：已全部参与对账；如只对其中一个账户，请只选择该账户的行',
    'zh-TW': '{header}（{column} 欄）記有 {count} 個帳戶，其中不止一個與對方相符（{accounts}）：已全部參與對帳；如只對其中一個帳戶，請只選擇該帳戶的列',
    en: '{header} (column {column}) names {count} accounts and more than one meets the other side ({accounts}): all are reconciled; to reconcile one account, select only its rows',
  },
  'counterparty-chosen': {
    'zh-CN': '账簿有 {count} 个往来单位；与对方账相符的是“{chosen}”（{meets}/{lines} 行），只与此单位对账，其余单位（{others}）的 {skipped} 行跳过',
    'zh-TW': '帳簿有 {count} 個往來單位；與對方帳相符的是「{chosen}」（{meets}/{lines} 列），只與此單位對帳，其餘單位（{others}）的 {skipped} 列略過',
    en: 'The ledger has {count} counterparties; “{chosen}” is the one whose lines meet their books ({meets} of {lines}), so only it is reconciled and the others’ ({others}) {skipped} lines are skipped',
  },
  'counterparties-several': {
    'zh-CN': '账簿有 {count} 个往来单位，其中不止一个与对方账相符（{accounts}）：已全部参与对账；如只与一个单位对账，请只选择该单位的行',
    'zh-TW': '帳簿有 {count} 個往來單位，其中不止一個與對方帳相符（{accounts}）：已全部參與對帳；如只與一個單位對帳，請只選擇該單位的列',
    en: 'The ledger has {count} counterparties and more than one meets their books ({accounts}): all are reconciled; to reconcile with one, select only its rows',
  },
  'sub-header': {
    'zh-CN': '第 {row} 行是表头的第二行（{words}），金额取自 {columns}',
    'zh-TW': '第 {row} 列是表頭的第二列（{words}），金額取自 {columns}',
    en: 'Row {row} is the header’s second row ({words}); amounts are read from {columns}',
  },
  'dates-carried': {
    'zh-CN': '{count} 行的 {header}（{column} 列）为空，按紧邻的上一行的日期读取（同一天的日期只写在第一行；首见第 {row} 行）',
    'zh-TW': '{count} 列的 {header}（{column} 欄）為空，按緊鄰的上一列的日期讀取（同一天的日期只寫在第一列；首見第 {row} 列）',
    en: '{count} lines with an empty {header} (column {column}) take the date of the line just above (a day’s date written once; first at row {row})',
  },
  'yearless-chosen': { 'zh-CN': '没有年份的日期按 {year} 年读取（所选）', 'zh-TW': '沒有年份的日期按 {year} 年讀取（所選）', en: 'Dates without a year read in {year} (chosen)' },
  'yearless-from-title': {
    'zh-CN': '{count} 个没有年份的日期按标题 {found} 中的账期读取：{period}',
    'zh-TW': '{count} 個沒有年份的日期按標題 {found} 中的帳期讀取：{period}',
    en: 'Dates without a year ({count}) read in the statement period from the title {found}: {period}',
  },
  'yearless-from-title-month': {
    'zh-CN': '{count} 个没有年份的日期按标题 {found} 中的账期读取：{period}；相差六个月以上的月份归入相邻年份',
    'zh-TW': '{count} 個沒有年份的日期按標題 {found} 中的帳期讀取：{period}；相差六個月以上的月份歸入相鄰年份',
    en: 'Dates without a year ({count}) read in the statement period from the title {found}: {period}; months more than six away fall in the neighbouring year',
  },
  // --- asking the user to choose
  'reading-doubtful-cli': {
    'zh-CN': '无法确定如何读取：几种读法的依据相近。请选择其一后重新运行：{choices}',
    'zh-TW': '無法確定如何讀取：幾種讀法的依據相近。請選擇其一後重新執行：{choices}',
    en: 'cannot tell how to read it: the evidence for its readings is close. Choose one and run again: {choices}',
  },
  'choice-with-figures': {
    'zh-CN': '{flag}（{lines} 行中有 {meets} 行与对方金额、方向相符）',
    'zh-TW': '{flag}（{lines} 行中有 {meets} 行與對方金額、方向相符）',
    en: '{flag} ({meets} of {lines} lines meet the other side)',
  },
  choice: { 'zh-CN': '{flag}', 'zh-TW': '{flag}', en: '{flag}' },
  'choice-figures': {
    'zh-CN': '{lines} 行中有 {meets} 行与对方金额、方向相符',
    'zh-TW': '{lines} 行中有 {meets} 行與對方金額、方向相符',
    en: '{meets} of {lines} lines meet the other side',
  },
  'date-order-doubtful-cli': {
    'zh-CN': '无法确定日期顺序：账簿和银行的日期（如 {ledgerExample} 和 {bankExample}）写法顺序相反，但看不出哪一边是日/月。请选择其一后重新运行：{choices}',
    'zh-TW': '無法確定日期順序：帳簿和銀行的日期（如 {ledgerExample} 和 {bankExample}）寫法順序相反，但看不出哪一邊是日/月。請選擇其一後重新執行：{choices}',
    en: 'cannot tell the date order: the ledger and the bank write dates (such as {ledgerExample} and {bankExample}) in opposite orders, and nothing tells which side is day/month. Choose one and run again: {choices}',
  },
  'date-order-doubtful-pane': {
    'zh-CN': '两边的日期顺序相反，看不出哪一边是日/月（如账簿 {ledgerExample}，银行 {bankExample}）。请选择，将按所选重新对账：',
    'zh-TW': '兩邊的日期順序相反，看不出哪一邊是日/月（如帳簿 {ledgerExample}，銀行 {bankExample}）。請選擇，將按所選重新對帳：',
    en: 'The two sides write dates in opposite orders and nothing tells which is day/month (the ledger’s {ledgerExample}, the bank’s {bankExample}). Choose; the run is redone with it:',
  },
  'reading-doubtful-pane': {
    'zh-CN': '这一方的读法不确定：几种读法的依据相近。请选择一种，将按所选重新对账。',
    'zh-TW': '這一方的讀法不確定：幾種讀法的依據相近。請選擇一種，將按所選重新對帳。',
    en: 'How to read this side is doubtful: the evidence for its readings is close. Pick one; the run is redone with it.',
  },
  // --- issues and skip reasons
  'header-row-outside': { 'zh-CN': '表头行 {row} 不在数据范围内（第 {first}–{last} 行）', 'zh-TW': '表頭列 {row} 不在資料範圍內（第 {first}–{last} 列）', en: 'Header row {row} is outside the data (rows {first}–{last})' },
  'no-columns': {
    'zh-CN': '在第 {row} 行表头中找不到{missing}；请选择表头行和各列',
    'zh-TW': '在第 {row} 列表頭中找不到{missing}；請選擇表頭列和各欄',
    en: 'Could not find {missing} in header row {row}; choose the header row and columns',
  },
  'amount-other-half': {
    'zh-CN': '{column} 列（{header}）被读作金额，但有 {count} 行它是空的，而 {other} 列（{otherHeader}）有金额（第 {row} 行：{found}）：{other} 列像是收入、支出两列中的另一列。请指定各列，哪一列是收入、哪一列是支出',
    'zh-TW': '{column} 欄（{header}）被讀作金額，但有 {count} 列它是空的，而 {other} 欄（{otherHeader}）有金額（第 {row} 列：{found}）：{other} 欄像是存入、支出兩欄中的另一欄。請指定各欄，哪一欄是存入、哪一欄是支出',
    en: 'Column {column} ({header}) is read as the amount, but it is empty on {count} rows where column {other} ({otherHeader}) holds an amount (row {row}: {found}): {other} looks like the other half of a money-in / money-out pair. Choose the columns: which one is money in and which money out',
  },
  'no-columns-no-header': {
    'zh-CN': '找不到{missing}（没有识别出表头行）；请选择表头行和各列',
    'zh-TW': '找不到{missing}（沒有辨識出表頭列）；請選擇表頭列和各欄',
    en: 'Could not find {missing} (no header row was recognised); choose the header row and columns',
  },
  'cell-expected': { 'zh-CN': '{place}：应为{expected}，实为{found}', 'zh-TW': '{place}：應為{expected}，實為{found}', en: '{place}: expected {expected}, found {found}' },
  'amount-note': {
    'zh-CN': '{place}：读作 {value}；其后的备注“({note})”不计入金额',
    'zh-TW': '{place}：讀作 {value}；其後的備註「({note})」不計入金額',
    en: '{place}: read {value}; the note "({note})" after it is not part of the amount',
  },
  'date-no-year': {
    'zh-CN': '{place}：日期 {found} 没有年份，标题中也没有年份；请设置年份',
    'zh-TW': '{place}：日期 {found} 沒有年份，標題中也沒有年份；請設定年份',
    en: '{place}: the date {found} has no year and no title line names one; set the year',
  },
  'both-amounts': {
    'zh-CN': '第 {row} 行：{inHeader} 和 {outHeader} 都有金额；请拆成两行',
    'zh-TW': '第 {row} 列：{inHeader} 和 {outHeader} 都有金額；請拆成兩列',
    en: 'Row {row}: both {inHeader} and {outHeader} hold an amount; split it into two rows',
  },
  'both-amounts-difference': {
    'zh-CN': '第 {row} 行：{inHeader} 和 {outHeader} 都有金额；按两者之差读取',
    'zh-TW': '第 {row} 列：{inHeader} 和 {outHeader} 都有金額；按兩者之差讀取',
    en: 'Row {row}: both {inHeader} and {outHeader} hold an amount; read as their difference',
  },
  'bad-balance': {
    'zh-CN': '{column} 列（{header}）：1 个余额无法读取（{found}）；余额留空',
    'zh-TW': '{column} 欄（{header}）：1 個餘額無法讀取（{found}）；餘額留空',
    en: 'Column {column} ({header}): 1 balance could not be read (e.g. {found}); balances left empty',
  },
  'bad-balances': {
    'zh-CN': '{column} 列（{header}）：{count} 个余额无法读取（例如 {found}）；余额留空',
    'zh-TW': '{column} 欄（{header}）：{count} 個餘額無法讀取（例如 {found}）；餘額留空',
    en: 'Column {column} ({header}): {count} balances could not be read (e.g. {found}); balances left empty',
  },
  'refused-direction': {
    'zh-CN': '{column} 列（{header}）：金额没有正负号，也看不出哪些是收入；请设置方向列，或把收入、支出分成两列',
    'zh-TW': '{column} 欄（{header}）：金額沒有正負號，也看不出哪些是收入；請設定方向欄，或把收入、支出分成兩欄',
    en: 'Column {column} ({header}): the amounts carry no sign and nothing says which are money in; set the direction column, or split money in and money out into two columns',
  },
  'refused-card-sign': {
    'zh-CN': '{column} 列（{header}）：无法确定正数是消费还是还款；请设置方向列，或按 --bank-columns 指定收入/支出列',
    'zh-TW': '{column} 欄（{header}）：無法確定正數是消費還是還款；請設定方向欄，或按 --bank-columns 指定收入/支出欄',
    en: 'Column {column} ({header}): cannot tell whether positive amounts are purchases or payments; set the direction column, or give money-in/money-out columns (--bank-columns)',
  },
  'skip-blank': { 'zh-CN': '空行', 'zh-TW': '空白列', en: 'Empty row' },
  'skip-blank-above': { 'zh-CN': '表头上方的空行', 'zh-TW': '表頭上方的空白列', en: 'Empty row above the header' },
  'skip-generic-header': { 'zh-CN': '真正表头上方的通用列名（Column1、Column2…）', 'zh-TW': '真正表頭上方的通用欄名（Column1、Column2…）', en: 'Generic column names (Column1, Column2 …) above the real header' },
  'skip-section': { 'zh-CN': '分组标题：以下各行属于 {name}', 'zh-TW': '分組標題：以下各列屬於 {name}', en: 'Section heading: the lines below are {name}’s' },
  'skip-title': { 'zh-CN': '表头上方：{found}', 'zh-TW': '表頭上方：{found}', en: 'Above the header row: {found}' },
  'skip-header': { 'zh-CN': '表头行', 'zh-TW': '表頭列', en: 'Header row' },
  'skip-other-account': {
    'zh-CN': '另一账户（{account}）的记录；本次对账的是“{chosen}”',
    'zh-TW': '另一帳戶（{account}）的記錄；本次對帳的是「{chosen}」',
    en: 'A line of another account ({account}); this reconciliation is of “{chosen}”',
  },
  'skip-other-currency': {
    'zh-CN': '另一币种（{account}）的记录；本次对账的是 {chosen} 账户',
    'zh-TW': '另一幣別（{account}）的記錄；本次對帳的是 {chosen} 帳戶',
    en: 'A line in another currency ({account}); this reconciliation is of the {chosen} account',
  },
  'skip-other-counterparty': {
    'zh-CN': '另一往来单位（{account}）的记录；本次与“{chosen}”对账',
    'zh-TW': '另一往來單位（{account}）的記錄；本次與「{chosen}」對帳',
    en: 'A line of another counterparty ({account}); this reconciliation is with “{chosen}”',
  },
  'skip-subheader': { 'zh-CN': '表头的第二行（{words}）', 'zh-TW': '表頭的第二列（{words}）', en: 'Second header row ({words})' },
  'skip-repeated-header': { 'zh-CN': '重复的表头行（{header}）', 'zh-TW': '重複的表頭列（{header}）', en: 'Repeated header row ({header})' },
  'skip-total': { 'zh-CN': '合计行：{found}', 'zh-TW': '合計列：{found}', en: 'Total line: {found}' },
  'skip-unlabelled-subtotal': {
    'zh-CN': '无标签的小计行：没有日期和文字，{found} 恰是上方 {lines} 行之和，不是一笔业务',
    'zh-TW': '無標籤的小計列：沒有日期和文字，{found} 恰是上方 {lines} 列之和，不是一筆交易',
    en: 'Unlabelled subtotal: no date and no words, and {found} is the sum of the {lines} lines right above; not a movement',
  },
  'skip-unlabelled-balance-still': {
    'zh-CN': '无标签的小计行：没有日期和文字，且余额与上一行相同（{found} 没有使余额变动），不是一笔业务',
    'zh-TW': '無標籤的小計列：沒有日期和文字，且餘額與上一列相同（{found} 沒有使餘額變動），不是一筆交易',
    en: 'Unlabelled subtotal: no date and no words, and the balance is the same as on the line above ({found} did not move it); not a movement',
  },
  'skip-opening-line': { 'zh-CN': '期初余额行：{found}', 'zh-TW': '期初餘額列：{found}', en: 'Opening balance line: {found}' },
  'skip-closing-line': { 'zh-CN': '期末余额行：{found}', 'zh-TW': '期末餘額列：{found}', en: 'Closing balance line: {found}' },
  'skip-note': { 'zh-CN': '说明行：{found}', 'zh-TW': '說明列：{found}', en: 'Note line: {found}' },
  'skip-footer': { 'zh-CN': '表格之后的页脚（自第 {from} 行）：{found}', 'zh-TW': '表格之後的頁尾（自第 {from} 列）：{found}', en: 'Footer text after the table (from row {from}): {found}' },
  'skip-no-date-amount': { 'zh-CN': '没有日期也没有金额：{found}', 'zh-TW': '沒有日期也沒有金額：{found}', en: 'No date and no amount: {found}' },
  'skip-excluded-status': { 'zh-CN': '{header} 为 {found}：没有资金变动', 'zh-TW': '{header} 為 {found}：沒有資金變動', en: '{header} is {found}: no money moved' },
  'skip-neutral-direction': { 'zh-CN': '{header} 为 {found}：既非收入也非支出', 'zh-TW': '{header} 為 {found}：既非收入也非支出', en: '{header} is {found}: neither money in nor out' },
  'skip-pending': {
    'zh-CN': '{place}：{found}，尚未入账，不参与对账',
    'zh-TW': '{place}：{found}，尚未入帳，不參與對帳',
    en: '{place}: {found}, not yet posted; left out of the reconciliation',
  },
  'skip-no-amount': { 'zh-CN': '{place}：没有金额', 'zh-TW': '{place}：沒有金額', en: '{place}: no amount' },
  'skip-zero-amount': { 'zh-CN': '{place}：金额为零', 'zh-TW': '{place}：金額為零', en: '{place}: the amount is zero' },
  'skip-no-split-amount': { 'zh-CN': '第 {row} 行：{columns} 中都没有金额', 'zh-TW': '第 {row} 列：{columns} 中都沒有金額', en: 'Row {row}: no amount in {columns}' },
};

/** Words that fill a param whose value is itself a word. */
const PARAM_WORDS: Record<string, Texts> = {
  'bank-statement': { 'zh-CN': '银行对账单', 'zh-TW': '銀行對帳單', en: 'bank statement' },
  'card-statement': { 'zh-CN': '信用卡账单', 'zh-TW': '信用卡帳單', en: 'credit-card statement' },
  'cash-journal': { 'zh-CN': '银行存款日记账', 'zh-TW': '銀行存款日記帳', en: 'cash journal (银行存款日记账)' },
  'cash-journal-reversed': { 'zh-CN': '日记账（支出记为正数）', 'zh-TW': '日記帳（支出記為正數）', en: 'cash book with spending written as positive' },
  'receivables-ledger': { 'zh-CN': '应收账款明细账', 'zh-TW': '應收帳款明細帳', en: 'receivables ledger (应收账款明细账)' },
  'payables-ledger': { 'zh-CN': '应付账款明细账', 'zh-TW': '應付帳款明細帳', en: 'payables ledger (应付账款明细账)' },
  'counterparty-payables-ledger': { 'zh-CN': '对方单位的应付账款明细账', 'zh-TW': '對方單位的應付帳款明細帳', en: 'counterparty’s own payables ledger' },
  'counterparty-receivables-ledger': { 'zh-CN': '对方单位的应收账款明细账', 'zh-TW': '對方單位的應收帳款明細帳', en: 'counterparty’s own receivables ledger' },
  'card-statement-flipped': { 'zh-CN': '信用卡账单（正数为消费）', 'zh-TW': '信用卡帳單（正數為消費）', en: 'credit-card statement (positive amounts are purchases)' },
  'bank-statement-flipped': { 'zh-CN': '银行对账单（正数为支出）', 'zh-TW': '銀行對帳單（正數為支出）', en: 'bank statement (positive amounts are money out)' },
  date: { 'zh-CN': '日期列', 'zh-TW': '日期欄', en: 'a date column' },
  amount: { 'zh-CN': '金额列', 'zh-TW': '金額欄', en: 'an amount column' },
  'date-amount': { 'zh-CN': '日期列和金额列', 'zh-TW': '日期欄和金額欄', en: 'a date column and an amount column' },
  'expected-amount': { 'zh-CN': '金额（如 1,234.50 或 (100.00)）', 'zh-TW': '金額（如 1,234.50 或 (100.00)）', en: 'an amount such as 1,234.50 or (100.00)' },
  'expected-date': {
    'zh-CN': '日期（如 2025-03-05、2025/3/5、20250305 或 2025年3月5日）',
    'zh-TW': '日期（如 2025-03-05、2025/3/5、20250305 或 2025年3月5日）',
    en: 'a date such as 2025-03-05, 2025/3/5, 20250305 or 2025年3月5日',
  },
  'expected-direction': { 'zh-CN': '收入/支出、借/贷 或 Credit/Debit', 'zh-TW': '收入/支出、借/貸 或 Credit/Debit', en: '收入/支出, 借/贷 or Credit/Debit' },
  DMY: { 'zh-CN': '日/月', 'zh-TW': '日/月', en: 'day/month' },
  MDY: { 'zh-CN': '月/日', 'zh-TW': '月/日', en: 'month/day' },
  'order-DMY': { 'zh-CN': '日/月/年', 'zh-TW': '日/月/年', en: 'day/month/year' },
  'order-MDY': { 'zh-CN': '月/日/年', 'zh-TW': '月/日/年', en: 'month/day/year' },
  'order-YMD': { 'zh-CN': '年/月/日', 'zh-TW': '年/月/日', en: 'year/month/day' },
  'comma-why': { 'zh-CN': '（金额以逗号为小数点）', 'zh-TW': '（金額以逗號為小數點）', en: ' (the amounts use a decimal comma)' },
  none: { 'zh-CN': '', 'zh-TW': '', en: '' },
  out: { 'zh-CN': '支出', 'zh-TW': '支出', en: 'out' },
  'credit-side': { 'zh-CN': '贷方', 'zh-TW': '貸方', en: 'on the credit side' },
};

/** Params whose value is looked up in PARAM_WORDS. */
const WORD_PARAMS = new Set(['kind', 'other', 'missing', 'expected', 'order', 'why', 'bucket']);

const EMPTY_CELL: Texts = { 'zh-CN': '空单元格', 'zh-TW': '空白儲存格', en: 'an empty cell' };
const QUOTES: Record<Locale, [string, string]> = { 'zh-CN': ['“', '”'], 'zh-TW': ['「', '」'], en: ['"', '"'] };

/** `"abc"` or `an empty cell`; long text cut at 60 characters. */
export function foundWords(text: string, locale: Locale): string {
  if (text === '') return EMPTY_CELL[locale];
  const [open, close] = QUOTES[locale];
  return `${open}${text.length > 60 ? `${text.slice(0, 57)}…` : text}${close}`;
}

/** `Row 14, column F (借方金额)`; the header left out when the column has none. */
function placeWords(params: Reason['params'], locale: Locale): string {
  const header = params.header === undefined ? '' : String(params.header);
  if (locale === 'en') return header ? `Row ${params.row}, column ${params.column} (${header})` : `Row ${params.row}, column ${params.column}`;
  const row = locale === 'zh-TW' ? '列' : '行';
  const col = locale === 'zh-TW' ? '欄' : '列';
  return header ? `第 ${params.row} ${row} ${params.column} ${col}（${header}）` : `第 ${params.row} ${row} ${params.column} ${col}`;
}

const DEBIT_CREDIT: Record<Locale, [string, string]> = { 'zh-CN': ['借方', '贷方'], 'zh-TW': ['借方', '貸方'], en: ['Debit', 'Credit'] };

const NO_HEADER: Texts = { 'zh-CN': '（无表头）', 'zh-TW': '（無表頭）', en: '(no header)' };

/** `A 交易日期 → Date, E 借方 → Money in`; the engine passes `letter\theader\trole` lines. */
function rolesWords(encoded: string, locale: Locale): string {
  if (encoded === '') return '';
  return encoded
    .split('\n')
    .map((line) => {
      const [letter, header, role] = line.split('\t');
      return `${letter} ${header || NO_HEADER[locale]} → ${roleText(role as Parameters<typeof roleText>[0], locale)}`;
    })
    .join(locale === 'en' ? ', ' : '，');
}

/** The name of a reading (a key of src/engine/read/readings.ts) in the user's language. */
export function readingName(key: string, locale: Locale): string {
  return PARAM_WORDS[key]?.[locale] ?? key;
}

export const READ_CODES: readonly string[] = Object.keys(READ_TEXTS);

export function formatReadText(reason: Reason, locale: Locale): string {
  const texts = READ_TEXTS[reason.code];
  if (!texts) return reason.code;
  // Each parameter in the user's words, then the one template filler every text table uses.
  const words: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason.params)) {
    const word = WORD_PARAMS.has(key) ? PARAM_WORDS[String(value)] : undefined;
    words[key] = key === 'found' ? foundWords(String(value), locale) : word ? word[locale] : String(value);
  }
  // what 借方/贷方 mean, said in the side's own headers where it has debit/credit columns
  if (reason.code.startsWith('meaning-')) {
    const [debit, credit] = DEBIT_CREDIT[locale];
    const header = (value: unknown, plain: string): string => (value === undefined || String(value) === plain ? plain : foundWords(String(value), locale));
    words.debit = header(reason.params.debit, debit);
    words.credit = header(reason.params.credit, credit);
  }
  words.place = placeWords(reason.params, locale);
  words.roles = rolesWords(String(reason.params.roles ?? ''), locale);
  return fillTemplate(texts[locale], words);
}

/** Decisions one per line. */
export function formatReadTexts(reasons: readonly Reason[], locale: Locale): string[] {
  return reasons.map((reason) => formatReadText(reason, locale));
}
