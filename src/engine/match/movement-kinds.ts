/**
 * What kind of movement a line's words say it is, for lines no counterparty names: cash drawn or
 * paid in (the book's `ATM取现`, the bank's `银联ATM取款`), wages paid in a batch, taxes, social
 * insurance, the housing fund, a transfer between the holder's own accounts (savings, a sweep). A
 * clerk pairs the book's "ATM取现 1,000.00" with the bank's "ATM取款 1,000.00" of the same day without
 * a second look; a round sum that is the only one of its amount in the window counts as named when
 * both sides say the same kind (amount-date.ts). Never evidence against a pair: words a side leaves
 * out say nothing. The words name the movement itself: 税款, not the 税 of 含税货款.
 */
import type { Entry } from '../types';

type MovementKind = 'cash' | 'wages' | 'tax' | 'social-insurance' | 'housing-fund' | 'own-account';

/** Chinese words, found inside the text; simplified and traditional. */
const CJK_WORDS: readonly { kind: MovementKind; words: readonly string[] }[] = [
  { kind: 'cash', words: ['现金', '現金', '取现', '取現', '存现', '存現', '取款', '提款', '现钞', '現鈔'] },
  { kind: 'wages', words: ['工资', '工資', '薪资', '薪資', '薪金', '代发', '代發', '奖金', '獎金'] },
  { kind: 'tax', words: ['税款', '稅款', '缴税', '繳稅', '纳税', '納稅', '完税', '完稅', '税费', '稅費', '国税', '地税', '个税', '增值税', '所得税', '税务', '稅務', '国库', '國庫'] },
  { kind: 'social-insurance', words: ['社保', '社会保险', '社會保險', '养老保险', '養老保險', '医疗保险', '醫療保險', '劳保', '勞保', '健保'] },
  { kind: 'housing-fund', words: ['公积金', '公積金'] },
  // between the holder's own accounts: a sweep, savings, a term deposit, a wealth product
  { kind: 'own-account', words: ['定期', '理财', '理財', '通知存款', '归集', '歸集', '内部转账', '內部轉帳'] },
];

/** English words and phrases, whole words only (`tax` is not in `taxi`). */
const LATIN_WORDS: readonly { kind: MovementKind; words: readonly string[] }[] = [
  { kind: 'cash', words: ['atm', 'cash'] },
  { kind: 'wages', words: ['payroll', 'salary', 'salaries', 'wages', 'wage'] },
  { kind: 'tax', words: ['tax', 'hmrc', 'irs', 'vat', 'gst', 'paye'] },
  { kind: 'social-insurance', words: ['pension', 'superannuation', 'nic'] },
  { kind: 'own-account', words: ['sweep', 'savings', 'money market', 'term deposit', 'fixed deposit', 'own account'] },
];

const NOT_LATIN_LETTERS = /[^a-z]+/g;

/** The kinds a text names (a 工资 line that also says 个税 names both). */
function kindsOf(text: string): Set<MovementKind> {
  const kinds = new Set<MovementKind>();
  if (!text) return kinds;
  for (const { kind, words } of CJK_WORDS) if (words.some((w) => text.includes(w))) kinds.add(kind);
  // the Latin words between single spaces, so a word or phrase is found only whole
  const words = ` ${text.toLowerCase().replace(NOT_LATIN_LETTERS, ' ').trim()} `;
  if (words.length > 2) for (const { kind, words: list } of LATIN_WORDS) if (list.some((w) => words.includes(` ${w} `))) kinds.add(kind);
  return kinds;
}

/** What a line says of itself: its description and its notes (a bank's 客户摘要, a book's 备注). */
function wordsOfLine(entry: Entry): string {
  return entry.notes ? `${entry.description} ${entry.notes}` : entry.description;
}

/**
 * The two lines' words when both name the same kind of movement (for the reason), else null. Read
 * only for the few pairs that need it (a round sum with no name), so nothing is kept per entry.
 */
export function sameMovementKind(ledger: Entry, bank: Entry): { ledger: string; bank: string } | null {
  const l = wordsOfLine(ledger);
  const b = wordsOfLine(bank);
  const ledgerKinds = kindsOf(l);
  if (ledgerKinds.size === 0) return null;
  for (const kind of kindsOf(b)) if (ledgerKinds.has(kind)) return { ledger: ledger.description || l.trim(), bank: bank.description || b.trim() };
  return null;
}
