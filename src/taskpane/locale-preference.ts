/**
 * Which language the pane starts in: the user's last choice in this pane if any, else Office's
 * display language (Office.context.displayLanguage), else the browser's.
 */
import { normaliseLocale, type Locale } from '../i18n/locale';

const STORAGE_KEY = 'recon.paneLocale';
const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

/** localStorage, when the host allows it (some webviews throw on access). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function initialLocale(displayLanguage: string | undefined): Locale {
  try {
    const saved = storage()?.getItem(STORAGE_KEY);
    if (saved && (LOCALES as string[]).includes(saved)) return saved as Locale;
  } catch {
    // fall through to the display language
  }
  return normaliseLocale(displayLanguage ?? (typeof navigator === 'undefined' ? '' : navigator.language));
}

export function rememberLocale(locale: Locale): void {
  try {
    storage()?.setItem(STORAGE_KEY, locale);
  } catch {
    // A pane that cannot remember still works; it starts in the display language next time.
  }
}
