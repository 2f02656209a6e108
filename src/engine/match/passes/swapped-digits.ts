/**
 * Amounts keyed with two digits trading places (515.20 booked for 515.02, 1,890.00 for 1,980.00):
 * the slip a bookkeeper looks for first when a difference divides by 9. Only between lines nothing
 * else claimed, of the same sign, a few days apart at most (a slip is made copying the same slip of
 * paper), whose names are not against it, and never with the bank's own interest or charges (a
 * 1,544.72 credit interest against a customer's 1,445.72 a week earlier is chance: a 100k-line run
 * offered three such). Always suggested: the person checking looks at the digits and corrects the book.
 */
import type Decimal from 'decimal.js';
import type { Reason } from '../../types';
import { bankOwnLineCode } from '../../bank-own-lines';
import { Candidates, choosePairs } from '../choose-pairs';
import type { MatchContext } from '../context';
import { amountText, clampScore, dateCloseness, evidenceCode, NAME_EVIDENCE, nameEvidence, nameReason, nameScore, reasonList } from '../evidence';
import { amountIndex, collectWindow } from '../indexes';
import { comparable } from '../prepared-entry';
import { ambiguousReason, dateReason } from '../reason-codes';

/** Below 10.00 (three digits of cents) two swapped digits are as likely chance as a slip. */
const MIN_DIGITS = 4;
/** Days apart at most, however wide the date window is. */
const MAX_GAP_DAYS = 3;

/** Every amount in cents that `cents` becomes when two of its digits trade places (no leading zero made). */
export function swappedVariants(cents: number): number[] {
  const digits = String(cents);
  const out: number[] = [];
  if (digits.length < MIN_DIGITS) return out;
  for (let i = 0; i < digits.length; i++) {
    for (let j = i + 1; j < digits.length; j++) {
      if (digits[i] === digits[j] || (i === 0 && digits[j] === '0')) continue;
      out.push(Number(digits.slice(0, i) + digits[j] + digits.slice(i + 1, j) + digits[i] + digits.slice(j + 1)));
    }
  }
  return out;
}

/**
 * Two amounts alike but for two digits that trade places (150.85 against 150.58): a typing slip, not
 * a fee; said so, so the person checking looks at the digits (the tolerance and reference-typo passes
 * say it beside their difference too). Null when they are not.
 */
export function swappedDigitsReason(ledger: Decimal, bank: Decimal): Reason | null {
  const a = ledger.abs().toFixed(2);
  const b = bank.abs().toFixed(2);
  if (a.length !== b.length) return null;
  // exactly two digits trade places (11362.90 against 11360.29 is three moved: not a slip)
  const differ: number[] = [];
  for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i);
  const swapped = differ.length === 2 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]];
  return swapped ? { code: 'digits-swapped', params: { ledger: amountText(ledger.abs()), bank: amountText(bank.abs()) } } : null;
}

export function swappedDigitsPass(ctx: MatchContext): void {
  const { ledger, bank, options } = ctx;
  const window = Math.min(options.dateWindowDays, MAX_GAP_DAYS);
  const byAmount = amountIndex(ctx, 'bank');
  const candidates = new Candidates();
  const found: number[] = [];

  for (let lp = 0; lp < ledger.length; lp++) {
    if ((lp & 1023) === 1023) ctx.progress.advance(1024);
    const l = ledger[lp];
    if (ctx.ledgerFree[lp] === 0 || l.sign === 0 || Number.isNaN(l.cents)) continue;
    const mark = ctx.newVisit();
    found.length = 0;
    for (const variant of swappedVariants(Math.abs(l.cents))) collectWindow(ctx, 'bank', byAmount.get(l.sign * variant), l.day, window, mark, found);
    for (const bp of found) {
      const b = bank[bp];
      // (the same sign: the amounts looked up carry the line's)
      if (!comparable(l, b) || bankOwnLineCode(b.entry) !== null) continue;
      const names = nameEvidence(ctx, l, b);
      if (names === 'differ') continue; // two different companies: the digits are chance
      const score = 0.45 + 0.15 * nameScore(names) + 0.1 * dateCloseness(Math.abs(l.day - b.day), window);
      candidates.push(lp, bp, clampScore(score), 0, evidenceCode(names));
    }
  }

  choosePairs(candidates, ledger.length, bank.length, (chosen) => {
    const { l: lp, b: bp, score } = chosen;
    const l = ledger[lp];
    const b = bank[bp];
    const reasons = reasonList(
      swappedDigitsReason(l.entry.amount, b.entry.amount),
      nameReason(ctx, NAME_EVIDENCE[chosen.tag], l, b),
      dateReason(Math.abs(l.day - b.day)),
    );
    if (!chosen.unique) reasons.push(ambiguousReason(chosen.rivals));
    ctx.record({ ledger: [lp], bank: [bp], status: 'suggested', rule: 'amount-typo', score: Math.min(score, 0.65), reasons });
  });
}
