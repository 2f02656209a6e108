/**
 * Pass 1, reference + amount: the same invoice/cheque/order number on both sides (or written in the
 * other side's memo) and the same amount. The surest evidence there is, so it looks as far as the
 * reference window: invoices are paid on 30/60/90-day terms and the memo quotes the invoice number.
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
  nameScore,
  referenceEvidence,
  referenceReason,
  reasonList,
} from '../evidence';
import { collectSameReference } from '../indexes';
import { comparable } from '../prepared-entry';
import { ambiguousReason, dateReason, REASONS } from '../reason-codes';

/** Strength: inside the date window counts most (a monthly rent reuses its contract number), then names. */
const IN_WINDOW = 4;

export function referenceAmountPass(ctx: MatchContext): void {
  const { ledger, bank, options } = ctx;
  const window = options.referenceWindowDays;
  const candidates = new Candidates();
  const found: number[] = [];
  for (let lp = 0; lp < ledger.length; lp++) {
    if ((lp & 1023) === 1023) ctx.progress.advance(1024);
    const l = ledger[lp];
    if (ctx.ledgerFree[lp] === 0 || l.sign === 0 || l.keyCount === 0) continue;
    found.length = 0;
    collectSameReference(ctx, l, 'bank', window, ctx.newVisit(), found);
    for (const bp of found) {
      const b = bank[bp];
      if (b.amountKey !== l.amountKey || !comparable(l, b) || referenceEvidence(l, b) === null) continue;
      const gap = Math.abs(l.day - b.day);
      const names = nameEvidence(ctx, l, b);
      const score = 0.85 + 0.1 * Math.max(0, nameScore(names)) + 0.05 * dateCloseness(gap, window);
      const strength = (gap <= options.dateWindowDays ? IN_WINDOW : 0) + nameLevel(names, options.nameStrictness);
      candidates.push(lp, bp, clampScore(score), strength, evidenceCode(names));
    }
  }

  choosePairs(candidates, ledger.length, bank.length, (chosen) => {
    const { l: lp, b: bp, score } = chosen;
    const l = ledger[lp];
    const b = bank[bp];
    const gap = Math.abs(l.day - b.day);
    const names = NAME_EVIDENCE[chosen.tag];
    const namesOk = nameLevel(names, options.nameStrictness) >= 0;
    const auto = namesOk && (chosen.unique || (chosen.dominant && gap <= options.dateWindowDays));
    const reasons = reasonList(referenceReason(referenceEvidence(l, b)), REASONS.sameAmount, nameReason(ctx, names, l, b), dateReason(gap));
    if (!auto && chosen.rivals > 1) reasons.push(ambiguousReason(chosen.rivals));
    ctx.record({ ledger: [lp], bank: [bp], status: auto ? 'auto' : 'suggested', rule: 'reference-amount', score: auto ? score : Math.min(score, 0.8), reasons });
  });
}
