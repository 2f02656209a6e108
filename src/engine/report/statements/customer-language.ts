/**
 * The language a customer's statement is written in: the user's setting for that customer, else
 * what the name shows (a Hong Kong, Macau or Taiwan customer gets Traditional Chinese; a name in
 * Latin letters only gets English), else the run's language. A table of evidence, first row wins.
 */
import type { StatementLanguage } from './statement-model';

const NAME_EVIDENCE: { test: (name: string) => boolean; language: StatementLanguage }[] = [
  { test: (n) => /香港|澳門|澳门|台灣|臺灣|台湾|臺北|台北|高雄|新竹|九龍|九龙|新界|灣仔|湾仔|銅鑼灣|旺角/.test(n), language: 'zh-TW' },
  { test: (n) => /[\u4e00-\u9fff]/.test(n) && /[們個來為學實與國門開關東車長電機會區廠業貿發萬]/.test(n), language: 'zh-TW' },
  { test: (n) => /[A-Za-z]/.test(n) && !/[\u3000-\u9fff\uff00-\uffef]/.test(n), language: 'en' },
];

export function customerLanguage(name: string, settings: Record<string, StatementLanguage>, runLanguage: StatementLanguage): StatementLanguage {
  const set = settings[name] ?? Object.entries(settings).find(([k]) => k.trim().toUpperCase() === name.trim().toUpperCase())?.[1];
  if (set) return set;
  return NAME_EVIDENCE.find((e) => e.test(name))?.language ?? runLanguage;
}
