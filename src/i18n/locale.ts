/**
 * The three languages Recon speaks. Hosts hand us whatever tag they have (Office's displayLanguage,
 * navigator.language, a --lang flag); `normaliseLocale` folds it into one of these.
 */
export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

/** Chinese tags that mean traditional script: Taiwan, Hong Kong, Macau, or an explicit Hant. */
const TRADITIONAL_CHINESE = /^zh[-_](tw|hk|mo|hant)(?:$|[-_])/i;

/** 'zh-Hant-HK' → zh-TW, 'zh', 'zh-Hans-CN', 'zh_SG' → zh-CN, anything else (or nothing) → en. */
export function normaliseLocale(tag: string): Locale {
  const trimmed = (tag ?? '').trim();
  if (TRADITIONAL_CHINESE.test(trimmed)) return 'zh-TW';
  if (/^zh(?:$|[-_])/i.test(trimmed)) return 'zh-CN';
  return 'en';
}
