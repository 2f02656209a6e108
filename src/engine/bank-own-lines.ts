/**
 * Lines a bank writes for itself, which no book has a counterpart for until the bookkeeper enters
 * them: interest and charges. Named by the words of the line (利息, 手续费, interest, fee). The report
 * says what such an unmatched line is (银行已记企业未记: 利息 / 手续费); the matcher never offers one as a
 * typing slip of a book's line.
 */
import type { Entry } from './types';

const INTEREST_WORDS: readonly string[] = ['利息', '结息', '結息', '存息', 'interest'];

/** Description words that name what a bank-only line is; first hit wins. */
const BANK_OWN_WORDS: readonly { words: readonly string[]; code: 'bank-interest' | 'bank-charge' }[] = [
  { words: INTEREST_WORDS, code: 'bank-interest' },
  { words: ['手续费', '手續費', '工本费', '年费', '管理费', '服务费', '服務費', '费用', 'charge', 'fee', 'commission'], code: 'bank-charge' },
];

/**
 * What a line says, for a reader: its description, else its reference or notes column (a bank export
 * with only 附言 writes OUTWARD REMITTANCE CHARGE there), so no item stands unnamed.
 */
export function wordsOf(entry: Entry): string {
  return entry.description || entry.reference || entry.notes || '';
}

/** 'bank-interest' or 'bank-charge' when the line's words (or its counterparty) name one, else null. */
export function bankOwnLineCode(entry: Entry): 'bank-interest' | 'bank-charge' | null {
  const text = `${wordsOf(entry)} ${entry.counterparty}`.toLowerCase();
  return BANK_OWN_WORDS.find((w) => w.words.some((word) => text.includes(word)))?.code ?? null;
}

/** The interest words as one case-blind test, for text tested often (every pair of differing names): no lower-cased copy. */
const SAYS_INTEREST = new RegExp(INTEREST_WORDS.join('|'), 'i');

/** Whether a text names interest: a bank's interest account given as the counterparty (应付个人活期储蓄存款利息). */
export function namesInterest(text: string): boolean {
  return SAYS_INTEREST.test(text);
}
