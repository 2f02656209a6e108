/**
 * A line whose own row states its fee (PayPal's Gross/Fee/Net, a 支付宝/微信 bill's 服务费): the other
 * book may have booked its other size, the gross where the export's amount is the net (a shop books
 * each sale at 120.00 and the month's fees apart; PayPal shows 116.22 net of 3.78). The file says what
 * the difference is, so it is no guess at a fee: it pairs as equal amounts do (amount-date.ts's
 * equalAmountsVerdict; a reference counts as a name), beyond the tolerance too.
 * After the exact passes, so an equal amount always comes first.
 */
import type { Side } from '../../types';
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
import { exactCents, comparable, type PreparedEntry } from '../prepared-entry';
import { ambiguousReason, dateReason, REASONS } from '../reason-codes';
import { equalAmountsVerdict } from './amount-date';

/** Positions of one side's lines with a fee, by the signed cents of their other size. */
function byOtherSize(entries: readonly PreparedEntry[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (let p = 0; p < entries.length; p++) {
    const other = entries[p].entry.feeAlternative;
    if (!other) continue;
    const cents = exactCents(other);
    if (cents !== cents) continue;
    const key = entries[p].sign < 0 ? -cents : cents;
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  }
  return index;
}

export function statedFeePass(ctx: MatchContext): void {
  const { ledger, bank, options } = ctx;
  const window = options.dateWindowDays;
  const candidates = new Candidates();
  // Lines with a fee are on one side (the platform's export), rarely the other: both are looked at.
  const consider = (feeSide: Side, lines: Map<number, number[]>) => {
    if (lines.size === 0) return;
    const own = feeSide === 'bank' ? ledger : bank;
    const ownFree = feeSide === 'bank' ? ctx.ledgerFree : ctx.bankFree;
    const feeFree = feeSide === 'bank' ? ctx.bankFree : ctx.ledgerFree;
    const feeLines = feeSide === 'bank' ? bank : ledger;
    for (let p = 0; p < own.length; p++) {
      const e = own[p];
      if (ownFree[p] === 0 || e.sign === 0 || e.cents !== e.cents) continue;
      const found = lines.get(e.cents);
      if (!found) continue;
      for (const q of found) {
        const f = feeLines[q];
        if (feeFree[q] === 0 || Math.abs(f.day - e.day) > window) continue;
        const [lp, bp] = feeSide === 'bank' ? [p, q] : [q, p];
        const l = ledger[lp];
        const b = bank[bp];
        if (!comparable(l, b)) continue;
        const names = nameEvidence(ctx, l, b);
        const level = nameLevel(names, options.nameStrictness);
        const reference = referenceEvidence(l, b);
        if (level < 0 || (reference === null && referenceConflict(ctx, l, b))) continue;
        const score = 0.6 + 0.25 * nameScore(names) + (reference ? 0.1 : 0) + 0.05 * dateCloseness(Math.abs(l.day - b.day), window);
        candidates.push(lp, bp, clampScore(score), reference ? Math.max(level, 1) : level, evidenceCode(names));
      }
    }
  };
  consider('bank', byOtherSize(bank));
  consider('ledger', byOtherSize(ledger));

  choosePairs(candidates, ledger.length, bank.length, (chosen) => {
    const { l: lp, b: bp, score } = chosen;
    const l = ledger[lp];
    const b = bank[bp];
    const feeLine = b.entry.fee ? b : l;
    const { auto, uniqueEnough, sameKind } = equalAmountsVerdict(ctx, chosen, l, b);
    const reasons = reasonList(
      { code: 'fee-stated', params: { fee: amountText(feeLine.entry.fee!) } },
      referenceReason(referenceEvidence(l, b)),
      nameReason(ctx, NAME_EVIDENCE[chosen.tag], l, b),
      dateReason(Math.abs(l.day - b.day)),
    );
    if (sameKind) reasons.push({ code: 'same-movement-kind', params: sameKind });
    if (chosen.unique) {
      reasons.push(REASONS.uniqueCandidate);
      if (!auto && !uniqueEnough) reasons.push(REASONS.roundSumNoName);
    } else if (!auto && chosen.rivals > 1) reasons.push(ambiguousReason(chosen.rivals));
    ctx.record({ ledger: [lp], bank: [bp], status: auto ? 'auto' : 'suggested', rule: 'amount-tolerance', score: auto ? score : Math.min(score, 0.75), reasons });
  });
}
