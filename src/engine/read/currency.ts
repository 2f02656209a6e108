/**
 * Currency cells as ISO codes where the word is a known one (人民币 → CNY, 港币 → HKD), so both sides
 * of a reconciliation compare alike. Unknown words are kept as written, in capitals. The one table of
 * currency names: the reader, the matcher and the statement's 金额单位 all go through it.
 */
import { normalizeLabel } from './text';

const CURRENCY_NAMES: Record<string, string[]> = {
  // CNH (offshore yuan) is the same money for a reconciliation: the bank's CNH account books in 元.
  CNY: ['cny', 'cnh', 'rmb', '人民币', '人民幣', '元', '¥', '￥'],
  USD: ['usd', 'us$', '美元', '美金'],
  HKD: ['hkd', 'hk$', '港币', '港幣', '港元'],
  EUR: ['eur', '€', '欧元', '歐元'],
  GBP: ['gbp', '£', '英镑', '英鎊'],
  JPY: ['jpy', '日元', '日圓'],
  TWD: ['twd', 'ntd', 'nt$', '新台币', '新台幣', '新臺幣'],
  SGD: ['sgd', 's$', '新加坡元'],
  CAD: ['cad', 'c$', '加元', '加币'],
  AUD: ['aud', 'a$', '澳元', '澳币'],
  INR: ['inr', '₹', 'rs.', 'rs', '印度卢比'],
};

/**
 * What may be written before or after an amount in its cell (`¥2,127.82`, `HK$1,099.14`, `₹2,20,000.00`,
 * `Rs. 1,65,000`, `28.50元`): every name above, and `$` (a dollar of any country: no code of its own),
 * lower case, longest first so `HK$` wins over `$` and `日元` over `元`.
 */
export const CURRENCY_MARKS: readonly string[] = [...new Set([...Object.values(CURRENCY_NAMES).flat(), '$'])]
  .map((name) => name.toLowerCase())
  .sort((a, b) => b.length - a.length);

const LOOKUP = new Map<string, string>();
for (const code of Object.keys(CURRENCY_NAMES)) for (const name of CURRENCY_NAMES[code]) LOOKUP.set(normalizeLabel(name), code);

// A file has few spellings and asks once per row: remember them (bounded, for a file of free text).
const seen = new Map<string, string>();

export function normalizeCurrency(text: string): string {
  if (text === '') return '';
  let code = seen.get(text);
  if (code === undefined) {
    code = LOOKUP.get(normalizeLabel(text)) ?? text.trim().toUpperCase();
    if (seen.size < 1000) seen.set(text, code);
  }
  return code;
}

/** Names that say a currency inside a sentence (美元, 港币, USD as a word): no symbol, and not 元, which every Chinese amount may carry. */
const NAMES_IN_TEXT: readonly { code: string; pattern: RegExp }[] = Object.entries(CURRENCY_NAMES).flatMap(([code, names]) =>
  names
    .filter((name) => name !== '元' && !/[$¥￥€£₹]/.test(name) && !name.endsWith('.'))
    .map((name) => ({ code, pattern: /^[a-z]+$/.test(name) ? new RegExp(`\\b${name}\\b`, 'i') : new RegExp(name) })),
);

/**
 * The one currency a title names (应收账款明细账（美金戶）, `Customer ledger (USD)`), or '' when it names
 * none or several.
 */
export function currencyNamedIn(text: string): string {
  const codes = new Set(NAMES_IN_TEXT.filter((n) => n.pattern.test(text)).map((n) => n.code));
  return codes.size === 1 ? [...codes][0] : '';
}
