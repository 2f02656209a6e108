/**
 * Why two rows were matched, in the user's language. The engine returns reasons as data
 * ({ code, params }); this TABLE, one row per code and one column per locale, turns them into text.
 * `{name}` placeholders are filled from params; a code we do not know is shown as itself.
 */
import type { Reason } from '../engine/types';
import type { Locale } from './locale';

type Texts = Record<Locale, string>;

const REASON_TEXTS: Record<string, Texts> = {
  // People's decisions
  'decision.accept': { 'zh-CN': '{by} 已接受', 'zh-TW': '{by} 已接受', en: 'Accepted by {by}' },
  'decision.manual': { 'zh-CN': '{by} 手工匹配：{reason}', 'zh-TW': '{by} 手工比對：{reason}', en: 'Matched by hand by {by}: {reason}' },
  'decision.explained': { 'zh-CN': '{by} 说明无对应：{reason}', 'zh-TW': '{by} 說明無對應：{reason}', en: 'No counterpart, explained by {by}: {reason}' },
  // References
  'same-reference': { 'zh-CN': '单据号相同：{reference}', 'zh-TW': '單據號相同：{reference}', en: 'Same reference: {reference}' },
  'reference-in-text': {
    'zh-CN': '对方摘要中写有单据号 {reference}',
    'zh-TW': '對方摘要中寫有單據號 {reference}',
    en: 'Reference {reference} appears in the other side’s description',
  },
  'shared-reference': {
    'zh-CN': '双方摘要都写有单据号 {reference}',
    'zh-TW': '雙方摘要都寫有單據號 {reference}',
    en: 'Both descriptions quote reference {reference}',
  },
  'reference-typo': {
    'zh-CN': '单据号相近（差 {edits} 个字符）：{ledger} / {bank}',
    'zh-TW': '單據號相近（差 {edits} 個字元）：{ledger} / {bank}',
    en: 'References {edits} character(s) apart: {ledger} / {bank}',
  },
  'reference-elsewhere': {
    'zh-CN': '附言中的单据号指向其他记录',
    'zh-TW': '附言中的單據號指向其他記錄',
    en: 'A reference in the memo points to another entry',
  },
  // Amounts
  'same-amount': { 'zh-CN': '金额相同', 'zh-TW': '金額相同', en: 'Same amount' },
  'fee-difference': {
    'zh-CN': '差额 {amount}，可能是银行手续费',
    'zh-TW': '差額 {amount}，可能是銀行手續費',
    en: 'Difference {amount}, probably a bank fee',
  },
  'fee-stated': {
    'zh-CN': '差额即该行所列手续费 {fee}',
    'zh-TW': '差額即該行所列手續費 {fee}',
    en: 'The difference is the fee stated on the line ({fee})',
  },
  'platform-fee': {
    'zh-CN': '{platform}结算，扣除手续费 {amount}（费率 {rate}%）',
    'zh-TW': '{platformTw}結算，扣除手續費 {amount}（費率 {rate}%）',
    en: '{platformEn} settlement less its fee of {amount} ({rate}%)',
  },
  'platform-day-total': {
    'zh-CN': '当日 {count} 笔{platform}收款一并结算',
    'zh-TW': '當日 {count} 筆{platformTw}收款一併結算',
    en: 'The day’s {count} {platformEn} receipts settled together',
  },
  'platform-rate-days': {
    'zh-CN': '同一费率适用于 {days} 天的结算',
    'zh-TW': '同一費率適用於 {days} 天的結算',
    en: 'The same rate fits {days} days’ settlements',
  },
  'digits-swapped': {
    'zh-CN': '{ledger} 与 {bank} 数字相同、顺序不同，可能是录入时数字颠倒',
    'zh-TW': '{ledger} 與 {bank} 數字相同、順序不同，可能是輸入時數字顛倒',
    en: '{ledger} and {bank} have the same digits in another order: probably a typing slip',
  },
  'amount-difference': {
    'zh-CN': '金额相差 {amount}（在容差内）',
    'zh-TW': '金額相差 {amount}（在容差內）',
    en: 'Amounts differ by {amount} (within tolerance)',
  },
  'group-sum': {
    'zh-CN': '{count} 笔{side}记录合计等于对方金额',
    'zh-TW': '{count} 筆{side}記錄合計等於對方金額',
    en: '{count} {side} lines add up to the other side’s amount',
  },
  combinations: {
    'zh-CN': '有 {count} 种组合金额相符，已选日期最近的一种',
    'zh-TW': '有 {count} 種組合金額相符，已選日期最近的一種',
    en: '{count} combinations add up; the one closest in date is suggested',
  },
  'combination-unique': { 'zh-CN': '唯一相符的组合', 'zh-TW': '唯一相符的組合', en: 'The only combination that adds up' },
  'search-limit': {
    'zh-CN': '组合过多，未能确认唯一',
    'zh-TW': '組合過多，未能確認唯一',
    en: 'Too many combinations to prove this one is the only one',
  },
  // Names
  'names-agree': { 'zh-CN': '对方户名一致', 'zh-TW': '對方戶名一致', en: 'Counterparty names agree' },
  'known-alias': {
    'zh-CN': '{bank} 是 {ledger} 的已知别名（{by} 于 {at} 添加）',
    'zh-TW': '{bank} 是 {ledger} 的已知別名（{by} 於 {at} 新增）',
    en: '{bank} is a known alias of {ledger}, added by {by} on {at}',
  },
  'name-in-text': { 'zh-CN': '摘要中写有户名 {name}', 'zh-TW': '摘要中寫有戶名 {name}', en: 'Name {name} appears in the description' },
  'short-name-in-text': {
    'zh-CN': '摘要中写有简称 {name}（{full}）',
    'zh-TW': '摘要中寫有簡稱 {name}（{full}）',
    en: 'Short name {name} ({full}) appears in the description',
  },
  'names-similar': {
    'zh-CN': '户名相近：{ledger} / {bank}',
    'zh-TW': '戶名相近：{ledger} / {bank}',
    en: 'Similar names: {ledger} / {bank}',
  },
  'other-name-in-text': {
    'zh-CN': '摘要中写的是另一个单位的名称',
    'zh-TW': '摘要中寫的是另一個單位的名稱',
    en: 'The description names another counterparty',
  },
  'names-differ': {
    'zh-CN': '户名不同：{ledger} / {bank}',
    'zh-TW': '戶名不同：{ledger} / {bank}',
    en: 'Different names: {ledger} / {bank}',
  },
  // Dates
  'same-day': { 'zh-CN': '同一天', 'zh-TW': '同一天', en: 'Same day' },
  'date-gap': { 'zh-CN': '日期相差 {days} 天', 'zh-TW': '日期相差 {days} 天', en: 'Dates {days} day(s) apart' },
  // Certainty
  'unique-candidate': {
    'zh-CN': '窗口期内唯一金额相同的记录',
    'zh-TW': '期間內唯一金額相同的記錄',
    en: 'The only entry with this amount in the date window',
  },
  'others-settled': {
    'zh-CN': '窗口期内其余同额记录已按户名与别的记录配对，只剩这一笔',
    'zh-TW': '期間內其餘同額記錄已按戶名與別的記錄配對，只剩這一筆',
    en: 'The other entries of this amount in the date window are matched by name to other lines: this is the one left',
  },
  'interchangeable': {
    'zh-CN': '其余同额记录与之完全相同（户名、摘要一致），取日期最近的一笔',
    'zh-TW': '其餘同額記錄與之完全相同（戶名、摘要一致），取日期最近的一筆',
    en: 'The other entries of this amount are the same (name and description): the nearest by date is taken',
  },
  'reversal-word': {
    'zh-CN': '写有“{word}”',
    'zh-TW': '寫有「{word}」',
    en: 'Says “{word}”',
  },
  'reversal-names-original': {
    'zh-CN': '冲销行写明原单号 {reference}',
    'zh-TW': '沖銷列寫明原單號 {reference}',
    en: 'The reversing line names the original, {reference}',
  },
  'reversal-cancels': {
    'zh-CN': '两笔金额相反、相互抵销，另一方无需对应',
    'zh-TW': '兩筆金額相反、相互抵銷，另一方無需對應',
    en: 'Equal and opposite: they cancel out and need no line on the other side',
  },
  'same-movement-kind': {
    'zh-CN': '两边摘要说的是同一类收付：{ledger} / {bank}',
    'zh-TW': '兩邊摘要說的是同一類收付：{ledger} / {bank}',
    en: 'Both sides describe the same kind of movement: {ledger} / {bank}',
  },
  'round-sum-no-name': {
    'zh-CN': '整百金额且无户名佐证，请确认',
    'zh-TW': '整百金額且無戶名佐證，請確認',
    en: 'A round sum with no name to back it; please confirm',
  },
  ambiguous: {
    'zh-CN': '有 {candidates} 笔记录同样符合，请确认',
    'zh-TW': '有 {candidates} 筆記錄同樣符合，請確認',
    en: '{candidates} entries fit equally well; please confirm',
  },
};

/** Words that fill a param whose value is itself a word (the `side` of group-sum). */
const PARAM_WORDS: Record<string, Texts> = {
  ledger: { 'zh-CN': '账簿', 'zh-TW': '帳簿', en: 'ledger' },
  bank: { 'zh-CN': '银行', 'zh-TW': '銀行', en: 'bank' },
};

/** Every code the engine emits has a row here (the tests check this against the passes). */
export const REASON_CODES: readonly string[] = Object.keys(REASON_TEXTS);

/**
 * A code's text in one locale split at its placeholders, for a writer that fills it without a regex:
 * literals[0] key[0] literals[1] … literals[keys.length]. Null for a code without a text (formatReason
 * shows the code itself). Filling it as formatReason does: a param that is absent leaves `{key}` as
 * written; a value goes through reasonParamText.
 */
export interface ReasonTemplate {
  literals: string[];
  keys: string[];
}

export function reasonTemplate(code: string, locale: Locale): ReasonTemplate | null {
  const texts = REASON_TEXTS[code];
  if (!texts) return null;
  const parts = texts[locale].split(/\{(\w+)\}/);
  return { literals: parts.filter((_, i) => i % 2 === 0), keys: parts.filter((_, i) => i % 2 === 1) };
}

/** A param's value as formatReason writes it into the text (a `side` is a word of the locale). */
export function reasonParamText(key: string, value: string | number, locale: Locale): string {
  const word = key === 'side' && typeof value === 'string' ? PARAM_WORDS[value] : undefined;
  return word ? word[locale] : String(value);
}

export function formatReason(reason: Reason, locale: Locale): string {
  const texts = REASON_TEXTS[reason.code];
  if (!texts) return reason.code;
  return texts[locale].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = reason.params[key];
    if (value === undefined) return whole;
    const word = key === 'side' && typeof value === 'string' ? PARAM_WORDS[value] : undefined;
    return word ? word[locale] : String(value);
  });
}

/** Reasons joined into one cell: ； in Chinese, ; in English. */
export function formatReasons(reasons: readonly Reason[], locale: Locale): string {
  return reasons.map((r) => formatReason(r, locale)).join(locale === 'en' ? '; ' : '；');
}
