/**
 * Currency cells as ISO codes where the word is a known one (人民币 → CNY, 港币 → HKD), so both sides
 * of a reconciliation compare alike. Unknown words are kept as written.
 */
import { normalizeLabel } from './text';

const CURRENCY_NAMES: Record<string, string[]> = {
  CNY: ['cny', 'rmb', '人民币', '人民幣', '元', '¥', '￥'],
  USD: ['usd', 'us$', '美元', '美金'],
  HKD: ['hkd', 'hk$', '港币', '港幣', '港元'],
  EUR: ['eur', '€', '欧元', '歐元'],
  GBP: ['gbp', '£', '英镑', '英鎊'],
  JPY: ['jpy', '日元', '日圓'],
  TWD: ['twd', 'ntd', 'nt$', '新台币', '新台幣'],
  SGD: ['sgd', '新加坡元'],
  CAD: ['cad', '加元', '加币'],
};

const LOOKUP = new Map<string, string>();
for (const code of Object.keys(CURRENCY_NAMES)) for (const name of CURRENCY_NAMES[code]) LOOKUP.set(normalizeLabel(name), code);

export function normalizeCurrency(text: string): string {
  if (text === '') return '';
  return LOOKUP.get(normalizeLabel(text)) ?? text.toUpperCase();
}
