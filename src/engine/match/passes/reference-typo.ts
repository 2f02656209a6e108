/**
 * Pass 5, reference typo: references one or two edits apart (INV-2025-0042 keyed as INV-2025-0024 or
 * INV-2025-042), amount equal or within tolerance, inside the date window; a typo is a hint, never
 * proof, so these are always suggested.
 */
import { Candidates, choosePairs } from '../choose-pairs';
import type { MatchContext } from '../context';
import {
  clampScore,
  dateCloseness,
  evidenceCode,
  NAME_EVIDENCE,
  nameEvidence,
  nameLevel,
  nameReason,
  reasonList,
  nameScore,
  referenceTypo,
} from '../evidence';
import { bandIndex, collectWindow } from '../indexes';
import { comparable } from '../prepared-entry';
import { ambiguousReason, dateReason, REASONS } from '../reason-codes';
import { differenceReason, toleranceCents } from './amount-tolerance';
import { swappedDigitsReason } from './swapped-digits';

export function referenceTypoPass(ctx: MatchContext): void {
  const { ledger, bank, options } = ctx;
  const tolerance = toleranceCents(options.tolerance);
  // Amount bands one tolerance wide: a match lies in the ledger amount's band or a neighbour.
  const width = Math.max(tolerance, 1);
  const bands = bandIndex(ctx, 'bank', width);
  const window = options.dateWindowDays;
  const candidates = new Candidates();
  const found: number[] = [];

  for (let lp = 0; lp < ledger.length; lp++) {
    if ((lp & 1023) === 1023) ctx.progress.advance(1024);
    const l = ledger[lp];
    if (ctx.ledgerFree[lp] === 0 || l.sign === 0 || Number.isNaN(l.cents)) continue;
    if (l.keyCount === 0) continue;
    const band = Math.floor(l.cents / width);
    const mark = ctx.newVisit();
    found.length = 0;
    for (let k = band - 1; k <= band + 1; k++) collectWindow(ctx, 'bank', bands.get(k), l.day, window, mark, found);
    for (const bp of found) {
      const b = bank[bp];
      if (b.sign !== l.sign || Math.abs(b.cents - l.cents) > tolerance || !comparable(l, b)) continue;
      if (b.keyCount === 0) continue;
      const typo = referenceTypo(l, b);
      if (typo === null) continue;
      const names = nameEvidence(ctx, l, b);
      if (names === 'differ') continue; // two different companies: a near-miss reference is chance
      const sameAmount = b.cents === l.cents;
      const score =
        0.45 + (typo.edits === 1 ? 0.15 : 0.05) + 0.2 * nameScore(names) + (sameAmount ? 0.1 : 0) +
        0.05 * dateCloseness(Math.abs(l.day - b.day), window);
      const strength = nameLevel(names, options.nameStrictness) + (sameAmount ? 1 : 0) + (typo.edits === 1 ? 1 : 0);
      candidates.push(lp, bp, clampScore(score), strength, evidenceCode(names));
    }
  }

  choosePairs(candidates, ledger.length, bank.length, (chosen) => {
    const { l: lp, b: bp, score } = chosen;
    const l = ledger[lp];
    const b = bank[bp];
    const typo = referenceTypo(l, b)!;
    const difference = b.entry.amount.minus(l.entry.amount);
    const reasons = reasonList(
      { code: 'reference-typo', params: { ledger: typo.ledger, bank: typo.bank, edits: typo.edits } },
      difference.isZero() ? REASONS.sameAmount : differenceReason(difference),
      swappedDigitsReason(l.entry.amount, b.entry.amount),
      nameReason(ctx, NAME_EVIDENCE[chosen.tag], l, b),
      dateReason(Math.abs(l.day - b.day)),
    );
    if (!chosen.unique) reasons.push(ambiguousReason(chosen.rivals));
    ctx.record({ ledger: [lp], bank: [bp], status: 'suggested', rule: 'reference-typo', score: Math.min(score, 0.7), reasons });
  });
}
