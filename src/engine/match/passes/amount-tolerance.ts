/**
 * Pass 4, amount within tolerance: the bank amount differs by at most `tolerance`, typically a
 * transfer fee the payer's or our bank deducted (ledger 10,000.00, bank 9,985.00). Only between
 * entries of the same counterparty or tied by a reference, inside the date window; suggested, unless
 * names AND reference agree and the pair is unique.
 */
import type Decimal from 'decimal.js';
import type { Reason } from '../../types';
import { Candidates, choosePairs } from '../choose-pairs';
import type { MatchContext } from '../context';
import {
  amountText,
  clampScore,
  dateCloseness,
  evidenceCode,
  NAME_EVIDENCE,
  nameEvidence,
  nameLevel,
  nameReason,
  nameScore,
  referenceConflict,
  referenceEvidence,
  referenceReason,
  reasonList,
} from '../evidence';
import { collectSameName, collectSameReference } from '../indexes';
import { exactCents, comparable } from '../prepared-entry';
import { ambiguousReason, dateReason } from '../reason-codes';
import { swappedDigitsReason } from './swapped-digits';

/** A "fee" may be at most this share of the amount: 50.00 off a 60.00 payment is not a fee. */
const MAX_DIFFERENCE_SHARE = 0.5;

/** Integer cents of the tolerance, rounded down (a tolerance of 0.005 allows nothing). */
export function toleranceCents(tolerance: Decimal): number {
  if (tolerance.isNegative() || tolerance.isZero()) return 0;
  const cents = exactCents(tolerance.toDecimalPlaces(2, 1 /* ROUND_DOWN */));
  return Number.isNaN(cents) ? 0 : cents;
}

/** The reason for a difference: bank below ledger is a fee taken; above is something else. */
export function differenceReason(difference: Decimal): Reason {
  return { code: difference.isNegative() ? 'fee-difference' : 'amount-difference', params: { amount: amountText(difference) } };
}

export function amountTolerancePass(ctx: MatchContext): void {
  const { ledger, bank, options } = ctx;
  const tolerance = toleranceCents(options.tolerance);
  if (tolerance === 0) return;
  const window = options.dateWindowDays;
  // Any name evidence (a short name in the description too) may propose; auto needs more, below.
  const minLevel = options.nameStrictness === 'strict' ? 2 : 1;
  const candidates = new Candidates();
  const found: number[] = [];

  for (let lp = 0; lp < ledger.length; lp++) {
    if ((lp & 1023) === 1023) ctx.progress.advance(1024);
    const l = ledger[lp];
    if (ctx.ledgerFree[lp] === 0 || l.sign === 0 || Number.isNaN(l.cents)) continue;
    const mark = ctx.newVisit();
    found.length = 0;
    collectSameName(ctx, l, 'ledger', 'bank', window, mark, found);
    collectSameReference(ctx, l, 'bank', window, mark, found);
    for (const bp of found) {
      const b = bank[bp];
      if (b.sign !== l.sign || Number.isNaN(b.cents) || !comparable(l, b)) continue;
      const difference = Math.abs(b.cents - l.cents);
      if (difference === 0 || difference > tolerance || difference > MAX_DIFFERENCE_SHARE * Math.abs(l.cents)) continue;
      const names = nameEvidence(ctx, l, b);
      const level = nameLevel(names, options.nameStrictness);
      const reference = referenceEvidence(l, b);
      if (level < minLevel && reference === null) continue;
      if (reference === null && referenceConflict(ctx, l, b)) continue; // the memo pays something else
      const score =
        0.5 + 0.2 * nameScore(names) + (reference ? 0.15 : 0) + 0.1 * (1 - difference / tolerance) +
        0.05 * dateCloseness(Math.abs(l.day - b.day), window);
      candidates.push(lp, bp, clampScore(score), level + (reference ? 2 : 0), evidenceCode(names));
    }
  }

  choosePairs(candidates, ledger.length, bank.length, (chosen) => {
    const { l: lp, b: bp, score } = chosen;
    const l = ledger[lp];
    const b = bank[bp];
    const names = NAME_EVIDENCE[chosen.tag];
    const reference = referenceEvidence(l, b);
    const auto = chosen.unique && reference !== null && nameLevel(names, options.nameStrictness) >= 2;
    const reasons = reasonList(
      differenceReason(b.entry.amount.minus(l.entry.amount)),
      swappedDigitsReason(l.entry.amount, b.entry.amount),
      referenceReason(reference),
      nameReason(ctx, names, l, b),
      dateReason(Math.abs(l.day - b.day)),
    );
    if (!chosen.unique) reasons.push(ambiguousReason(chosen.rivals));
    ctx.record({ ledger: [lp], bank: [bp], status: auto ? 'auto' : 'suggested', rule: 'amount-tolerance', score: auto ? score : Math.min(score, 0.7), reasons });
  });
}
