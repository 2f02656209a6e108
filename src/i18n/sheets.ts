/**
 * Words written into the workbook: sheet names, column headers, status labels, rule names.
 * One table keyed by message id, one column per locale, so a translator scans a row at a time.
 * `{name}` placeholders are filled by `sheetText`.
 */
import type { MatchRule, MatchStatus, SkipKind } from '../engine/types';
import type { MatchOrigin } from '../engine/decisions/decision';
import type { Locale } from './locale';
import { fillTemplate } from './template';

const SHEET_MESSAGES = {
  // Sheet tab names (at most 31 characters).
  'sheet.matches': { 'zh-CN': '匹配结果', 'zh-TW': '比對結果', en: 'Matches' },
  'sheet.audit': { 'zh-CN': '审计日志', 'zh-TW': '稽核紀錄', en: 'Audit log' },
  'sheet.aliases': { 'zh-CN': '户名别名', 'zh-TW': '戶名別名', en: 'Aliases' },

  // The Aliases sheet: pairs of names people confirmed, edited by hand and read back by the next run.
  'aliases.explain': {
    'zh-CN': '每行一对户名：银行上的户名（如代付的个人）就是账簿上的这个单位。可以增加、修改、删除行，下次对账按本表使用。',
    'zh-TW': '每列一對戶名：銀行上的戶名（如代付的個人）就是帳簿上的這個單位。可以新增、修改、刪除列，下次對帳依本表使用。',
    en: 'One pair of names per row: the name on the bank side (a person paying, an abbreviation) is this ledger counterparty. Add, change or delete rows; the next run uses this sheet.',
  },
  'aliases.ledgerName': { 'zh-CN': '账簿户名', 'zh-TW': '帳簿戶名', en: 'Ledger name' },
  'aliases.bankName': { 'zh-CN': '银行户名', 'zh-TW': '銀行戶名', en: 'Bank name' },
  'aliases.by': { 'zh-CN': '添加人', 'zh-TW': '新增人', en: 'Added by' },
  'aliases.at': { 'zh-CN': '添加时间', 'zh-TW': '新增時間', en: 'Added on' },
  'aliases.note': { 'zh-CN': '备注', 'zh-TW': '備註', en: 'Note' },
  'aliases.learned': { 'zh-CN': '{decision}（{kind}）时学到', 'zh-TW': '{decision}（{kind}）時學到', en: 'Learned from {decision} ({kind})' },
  'aliases.incomplete': {
    'zh-CN': '{sheet} 第 {row} 行：{column} 列（{header}）为空，应填写户名；此行未使用',
    'zh-TW': '{sheet} 第 {row} 列：{column} 欄（{header}）為空，應填寫戶名；此列未使用',
    en: '{sheet} row {row}: column {column} ({header}) is empty, expected a name; the row is not used',
  },
  'aliases.noHeader': {
    'zh-CN': '{sheet} 中找不到表头（应有“{ledger}”和“{bank}”两列）；本次使用上次保存的别名',
    'zh-TW': '{sheet} 中找不到表頭（應有「{ledger}」和「{bank}」兩欄）；本次使用上次儲存的別名',
    en: 'No header found in {sheet} (expected columns "{ledger}" and "{bank}"); the aliases saved by the last run are used',
  },

  // The Audit log: one line per run and per decision, chained by a running checksum.
  'audit.number': { 'zh-CN': '序号', 'zh-TW': '序號', en: '#' },
  'audit.time': { 'zh-CN': '时间', 'zh-TW': '時間', en: 'Time' },
  'audit.user': { 'zh-CN': '操作人', 'zh-TW': '操作人', en: 'User' },
  'audit.action': { 'zh-CN': '操作', 'zh-TW': '操作', en: 'Action' },
  'audit.detail': { 'zh-CN': '内容', 'zh-TW': '內容', en: 'What' },
  'audit.checksum': { 'zh-CN': '校验码', 'zh-TW': '校驗碼', en: 'Checksum' },
  'audit.action.run': { 'zh-CN': '对账', 'zh-TW': '對帳', en: 'Run' },
  'audit.action.decision': { 'zh-CN': '决定', 'zh-TW': '決定', en: 'Decision' },
  'audit.action.sign-off': { 'zh-CN': '复核', 'zh-TW': '複核', en: 'Sign-off' },
  'audit.action.edited': { 'zh-CN': '日志被改动', 'zh-TW': '紀錄被改動', en: 'Log edited' },
  'audit.action.alias': { 'zh-CN': '别名', 'zh-TW': '別名', en: 'Alias' },
  'audit.aliasLearned': { 'zh-CN': '学到别名：{bank} → {ledger}（{decision}）', 'zh-TW': '學到別名：{bank} → {ledger}（{decision}）', en: 'Alias learned: {bank} → {ledger} ({decision})' },
  'audit.aliasAdded': { 'zh-CN': '别名表中新增：{bank} → {ledger}', 'zh-TW': '別名表中新增：{bank} → {ledger}', en: 'Alias added in the sheet: {bank} → {ledger}' },
  'audit.aliasDeleted': { 'zh-CN': '别名表中删除，不再使用：{bank} → {ledger}', 'zh-TW': '別名表中刪除，不再使用：{bank} → {ledger}', en: 'Alias deleted in the sheet, no longer used: {bank} → {ledger}' },
  'audit.run': {
    'zh-CN': '账簿 {ledgerRange}：{ledgerCount} 笔，合计 {ledgerSum}，内容指纹 {ledgerPrint}；银行 {bankRange}：{bankCount} 笔，合计 {bankSum}，内容指纹 {bankPrint}；选项 {options}；自动 {auto} 组，待确认 {suggested} 组，人工 {decided} 组',
    'zh-TW': '帳簿 {ledgerRange}：{ledgerCount} 筆，合計 {ledgerSum}，內容指紋 {ledgerPrint}；銀行 {bankRange}：{bankCount} 筆，合計 {bankSum}，內容指紋 {bankPrint}；選項 {options}；自動 {auto} 組，待確認 {suggested} 組，人工 {decided} 組',
    en: 'Ledger {ledgerRange}: {ledgerCount} entries, total {ledgerSum}, content print {ledgerPrint}; bank {bankRange}: {bankCount} entries, total {bankSum}, content print {bankPrint}; options {options}; {auto} auto, {suggested} suggested, {decided} decided groups',
  },
  'audit.decision': { 'zh-CN': '{decision} {kind}：{rows}；说明：{reason}', 'zh-TW': '{decision} {kind}：{rows}；說明：{reason}', en: '{decision} {kind}: {rows}; note: {reason}' },
  'audit.signOff': { 'zh-CN': '已复核', 'zh-TW': '已複核', en: 'Signed off' },
  'audit.signOffRefused': { 'zh-CN': '未复核：本次结果与复核人看到的不同（{changes} 处变化），请检查后再复核', 'zh-TW': '未複核：本次結果與複核人看到的不同（{changes} 處變化），請檢查後再複核', en: 'Not signed off: the results differ from what the reviewer saw ({changes} changes); review them and sign off again' },
  'audit.signOffCleared': { 'zh-CN': '{by} 于 {at} 的复核因本次对账失效', 'zh-TW': '{by} 於 {at} 的複核因本次對帳失效', en: 'Sign-off by {by} at {at} cleared by this run' },
  'audit.edited': { 'zh-CN': '审计日志第 {rows} 行在 Recon 之外被改动，已按 Recon 的记录恢复', 'zh-TW': '稽核紀錄第 {rows} 列在 Recon 之外被改動，已依 Recon 的紀錄還原', en: 'Audit log line(s) {rows} were changed outside Recon; restored from Recon\'s record' },
  'audit.rows': { 'zh-CN': '账簿第 {ledger} 行，银行第 {bank} 行', 'zh-TW': '帳簿第 {ledger} 列，銀行第 {bank} 列', en: 'ledger rows {ledger}, bank rows {bank}' },
  'decisionKind.accept': { 'zh-CN': '接受', 'zh-TW': '接受', en: 'accept' },
  'decisionKind.reject': { 'zh-CN': '拒绝', 'zh-TW': '拒絕', en: 'reject' },
  'decisionKind.unmatch': { 'zh-CN': '取消匹配', 'zh-TW': '取消比對', en: 'unmatch' },
  'decisionKind.manual': { 'zh-CN': '手工匹配', 'zh-TW': '手工比對', en: 'manual match' },
  'decisionKind.explained': { 'zh-CN': '说明无对应', 'zh-TW': '說明無對應', en: 'explained, no counterpart' },

  // Matches sheet columns.
  'column.id': { 'zh-CN': '编号', 'zh-TW': '編號', en: 'ID' },
  'column.status': { 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' },
  'column.rule': { 'zh-CN': '匹配规则', 'zh-TW': '比對規則', en: 'Rule' },
  'column.date': { 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' },
  'column.counterparty': { 'zh-CN': '对方单位', 'zh-TW': '對方單位', en: 'Counterparty' },
  'column.description': { 'zh-CN': '摘要', 'zh-TW': '摘要', en: 'Description' },
  'column.ledgerRows': { 'zh-CN': '账簿行号', 'zh-TW': '帳簿列號', en: 'Ledger rows' },
  'column.bankRows': { 'zh-CN': '银行行号', 'zh-TW': '銀行列號', en: 'Bank rows' },
  'column.ledgerAmount': { 'zh-CN': '账簿金额', 'zh-TW': '帳簿金額', en: 'Ledger amount' },
  'column.bankAmount': { 'zh-CN': '银行金额', 'zh-TW': '銀行金額', en: 'Bank amount' },
  // the same two columns when the other side is the counterparty's own ledger (往来对账)
  'column.theirRows': { 'zh-CN': '对方行号', 'zh-TW': '對方列號', en: 'Their rows' },
  'column.theirAmount': { 'zh-CN': '对方金额', 'zh-TW': '對方金額', en: 'Their amount' },
  'column.difference': { 'zh-CN': '差额', 'zh-TW': '差額', en: 'Difference' },
  'column.reasons': { 'zh-CN': '匹配依据', 'zh-TW': '比對依據', en: 'Why' },
  'row.total': { 'zh-CN': '合计', 'zh-TW': '合計', en: 'Total' },
  'note.noMatches': { 'zh-CN': '没有找到匹配项', 'zh-TW': '沒有找到比對項目', en: 'No matches found' },

  // The status column written beside the user's own ranges.
  'status.header': { 'zh-CN': '对账状态', 'zh-TW': '對帳狀態', en: 'Recon status' },
  'status.auto': { 'zh-CN': '已匹配', 'zh-TW': '已匹配', en: 'Matched' },
  'status.suggested': { 'zh-CN': '待确认', 'zh-TW': '待確認', en: 'Suggested' },
  'status.unmatched': { 'zh-CN': '未匹配', 'zh-TW': '未匹配', en: 'Unmatched' },
  'status.document': { 'zh-CN': '单据(不参与银行对账)', 'zh-TW': '單據(不參與銀行對帳)', en: 'Document (not matched to bank)' },
  'status.skipped': { 'zh-CN': '跳过: {kind}', 'zh-TW': '略過: {kind}', en: 'Skipped: {kind}' },
  /** The words before `{kind}` above; highlight rules key on them. */
  'status.skippedPrefix': { 'zh-CN': '跳过: ', 'zh-TW': '略過: ', en: 'Skipped: ' },

  // Why a line was skipped, by SkipKind.
  'skip.title': { 'zh-CN': '标题行', 'zh-TW': '標題列', en: 'title line' },
  'skip.header': { 'zh-CN': '表头行', 'zh-TW': '表頭列', en: 'header line' },
  'skip.total': { 'zh-CN': '合计行', 'zh-TW': '合計列', en: 'total line' },
  // a total-kind line that states a balance (期初余额, 上期結轉, Balance forward): named as what it is
  'skip.opening': { 'zh-CN': '期初余额行', 'zh-TW': '期初餘額列', en: 'opening balance line' },
  'skip.closing': { 'zh-CN': '期末余额行', 'zh-TW': '期末餘額列', en: 'closing balance line' },
  'skip.blank': { 'zh-CN': '空行', 'zh-TW': '空白列', en: 'blank line' },
  'skip.note': { 'zh-CN': '备注行', 'zh-TW': '備註列', en: 'note line' },
  'skip.excluded': { 'zh-CN': '不计收支', 'zh-TW': '不計收支', en: 'not a movement' },
  'skip.other-account': { 'zh-CN': '其他账户', 'zh-TW': '其他帳戶', en: 'another account' },
  'skip.other-counterparty': { 'zh-CN': '其他往来单位', 'zh-TW': '其他往來單位', en: 'another counterparty' },
  'skip.unparseable': { 'zh-CN': '无法读取', 'zh-TW': '無法讀取', en: 'could not be read' },

  // Matching rules, by MatchRule.
  'rule.reference-amount': { 'zh-CN': '单号与金额一致', 'zh-TW': '單號與金額一致', en: 'Same reference and amount' },
  'rule.amount-date': { 'zh-CN': '金额一致且日期相近', 'zh-TW': '金額一致且日期相近', en: 'Same amount, close dates' },
  'rule.many-to-one': { 'zh-CN': '多笔账对一笔银行', 'zh-TW': '多筆帳對一筆銀行', en: 'Several ledger lines, one bank line' },
  'rule.one-to-many': { 'zh-CN': '一笔账对多笔银行', 'zh-TW': '一筆帳對多筆銀行', en: 'One ledger line, several bank lines' },
  'rule.amount-tolerance': { 'zh-CN': '金额差在容差内', 'zh-TW': '金額差在容差內', en: 'Amounts within tolerance' },
  'rule.reference-typo': { 'zh-CN': '单号近似', 'zh-TW': '單號近似', en: 'Reference nearly equal' },
  'rule.amount-typo': { 'zh-CN': '金额数字颠倒', 'zh-TW': '金額數字顛倒', en: 'Amount digits swapped' },
  'rule.reversal': { 'zh-CN': '冲销（同一方相互抵销）', 'zh-TW': '沖銷（同一方相互抵銷）', en: 'Reversal (cancels out on one side)' },
  'rule.manual': { 'zh-CN': '人工决定', 'zh-TW': '人工決定', en: 'Decided by a person' },

  // Who decided: the Matches sheet's decision columns (a teammate without the add-in fills the
  // Decision column: accept/reject on a line, or a new line with rows, a decision and a reason).
  'column.origin': { 'zh-CN': '来源', 'zh-TW': '來源', en: 'Origin' },
  'column.decidedBy': { 'zh-CN': '决定人', 'zh-TW': '決定人', en: 'Decided by' },
  'column.decision': { 'zh-CN': '决定（接受/拒绝）', 'zh-TW': '決定（接受/拒絕）', en: 'Decision (accept/reject)' },
  'column.decisionReason': { 'zh-CN': '决定说明', 'zh-TW': '決定說明', en: 'Decision note' },
  'origin.auto': { 'zh-CN': '自动', 'zh-TW': '自動', en: 'Auto' },
  'origin.suggested': { 'zh-CN': '建议', 'zh-TW': '建議', en: 'Suggested' },
  'origin.accepted': { 'zh-CN': '已接受', 'zh-TW': '已接受', en: 'Accepted' },
  'origin.manual': { 'zh-CN': '手工匹配', 'zh-TW': '手工比對', en: 'Manual' },
  'origin.explained': { 'zh-CN': '已说明（无对应）', 'zh-TW': '已說明（無對應）', en: 'Explained, no counterpart' },
} as const satisfies Record<string, Record<Locale, string>>;

export type SheetMessageId = keyof typeof SHEET_MESSAGES;

export function sheetText(id: SheetMessageId, locale: Locale, params?: Record<string, string | number>): string {
  const template: string = SHEET_MESSAGES[id][locale];
  if (params === undefined) return template;
  return fillTemplate(template, params);
}

export function statusText(status: MatchStatus | 'unmatched', locale: Locale): string {
  return sheetText(`status.${status}`, locale);
}

export function originText(origin: MatchOrigin, locale: Locale): string {
  return sheetText(`origin.${origin}`, locale);
}

export function ruleText(rule: MatchRule, locale: Locale): string {
  return sheetText(`rule.${rule}`, locale);
}

/** `跳过: 合计行`, `略過: 合計列`, `Skipped: total line`. */
export function skippedText(kind: SkipKind, locale: Locale): string {
  return sheetText('status.skipped', locale, { kind: sheetText(`skip.${kind}`, locale) });
}

/** A skipped row's label: as skippedText, but an opening or closing balance line says so (`跳过: 期初余额行`), not 合计行. */
export function skippedLineText(line: { kind: SkipKind; why?: { code: string } }, locale: Locale): string {
  const code = line.why?.code;
  const kind = code === 'skip-opening-line' ? 'skip.opening' : code === 'skip-closing-line' ? 'skip.closing' : (`skip.${line.kind}` as const);
  return sheetText('status.skipped', locale, { kind: sheetText(kind, locale) });
}
