/**
 * Pass 2, amount + date: the same amount within ±dateWindowDays, ranked by names, a near-miss
 * reference and date distance. Equal amounts are common (round sums, fixed fees), so a pair is only
 * matched automatically when nothing else could be it (unique) or when its evidence is stronger than
 * every rival's (dominant). Two customers paying 5,000.00 in the same week with no names to tell them
 * apart are suggested, never auto-matched.
 *
 * Pairs with evidence AGAINST them (two different company names; a memo that names another invoice)
 * are held back until the final sweep, so they cannot take an entry a combination or a fee match
 * explains better; the sweep offers what is left as suggestions.
 */
import type { NameStrictness } from '../../types';
import { adjacencyOf, Candidates, choosePairs, type Adjacency, type ChosenPair } from '../choose-pairs';
import type { MatchContext } from '../context';
import {
  clampScore,
  dateCloseness,
  evidenceCode,
  NAME_EVIDENCE,
  nameEvidence,
  type NameEvidence,
  nameLevel,
  nameReason,
  reasonList,
  nameScore,
  referenceConflict,
  referenceTypo,
} from '../evidence';
import { amountIndex, collectSameName, nearestFree } from '../indexes';
import { comparable, type PreparedEntry } from '../prepared-entry';
import { ambiguousReason, dateReason, REASONS } from '../reason-codes';
import { sameMovementKind } from '../movement-kinds';

/** Most candidates kept per ledger entry (the nearest by date); more than this is noise. */
const MAX_CANDIDATES = 16;

/** Least strength for a unique pair to be auto: strict wants names to agree, others only no conflict. */
const UNIQUE_AUTO_STRENGTH: Record<NameStrictness, number> = { strict: 2, normal: 0, loose: 0 };
/**
 * Least strength for a dominant pair (the only one with the best evidence at both ends) to be auto:
 * its name, or at least its short name, is there and no rival has any.
 */
const DOMINANT_AUTO_STRENGTH = 1;

/**
 * A known alias (a person confirmed 张伟 pays for 恒丰) counts as names that agree, but makes a pair
 * auto only when nothing else in the window could be it: one person may pay for several customers.
 */
const AUTO_ONLY_WHEN_UNIQUE: ReadonlySet<NameEvidence> = new Set<NameEvidence>(['alias']);

/**
 * Whole hundreds (100.00, 5,000.00): amounts many unrelated payments share, so being the only one in
 * the window proves little without a name.
 */
function isRound(e: PreparedEntry): boolean {
  return e.cents === e.cents && e.cents % 10_000 === 0;
}

/**
 * When a pair of equal amounts (or amounts equal once a stated fee is counted: stated-fee.ts) is auto:
 * unique in the window and not a round sum without a name, or dominant by its name. Unique too is a
 * pair whose rivals all went to pairs settled before it by their names (the 1,234.56 paid to 张三 on
 * 4-25 taken by 张三's line leaves the same-day 1,234.56 for 掌上生活还款 alone). `uniqueEnough`
 * false says the only candidate waits because it is a round sum with no name. A round sum both sides
 * describe as the same kind of movement (cash drawn, wages: movement-kinds.ts) counts as named;
 * `sameKind` then holds the two descriptions, for the reason.
 */
export function equalAmountsVerdict(
  ctx: MatchContext,
  chosen: ChosenPair,
  l: PreparedEntry,
  b: PreparedEntry,
): { auto: boolean; uniqueEnough: boolean; sameKind: { ledger: string; bank: string } | null } {
  const strength = chosen.strength;
  // A round sum with no name to back it is common, unless both books are between the same two companies.
  let uniqueEnough = strength > 0 || !isRound(l) || ctx.oneCounterparty;
  const alone = chosen.unique || chosen.othersSettled;
  const sameKind = !uniqueEnough && alone && strength === 0 ? sameMovementKind(l.entry, b.entry) : null;
  if (sameKind) uniqueEnough = true;
  const auto =
    (alone && uniqueEnough && strength >= UNIQUE_AUTO_STRENGTH[ctx.options.nameStrictness]) ||
    (chosen.dominant && strength >= DOMINANT_AUTO_STRENGTH && !AUTO_ONLY_WHEN_UNIQUE.has(NAME_EVIDENCE[chosen.tag]));
  return { auto, uniqueEnough, sameKind };
}

/** The main pass: conflicting pairs are skipped. */
export function amountDatePass(ctx: MatchContext): void {
  runAmountDate(ctx, false);
}

/** The final sweep: whatever equal amounts are left, conflicts included, as suggestions. */
export function amountDateSweepPass(ctx: MatchContext): void {
  runAmountDate(ctx, true);
}

function runAmountDate(ctx: MatchContext, sweep: boolean): void {
  const { ledger, bank, options } = ctx;
  const window = options.dateWindowDays;
  const byAmount = amountIndex(ctx, 'bank');
  const candidates = new Candidates();
  const near: number[] = [];
  const named: number[] = [];
  for (let lp = 0; lp < ledger.length; lp++) {
    if ((lp & 1023) === 1023) ctx.progress.advance(1024);
    const l = ledger[lp];
    if (ctx.ledgerFree[lp] === 0 || l.sign === 0) continue;
    const busy = nearestFree(ctx, 'bank', byAmount.get(l.amountKey), l.day, window, MAX_CANDIDATES, near);
    if (busy) {
      // More entries of this amount in the window than we keep: the customer's own may be further
      // away than the nearest few, so add equal amounts of the same counterparty as well.
      const mark = ctx.newVisit();
      for (const bp of near) ctx.visit('bank', bp, mark);
      named.length = 0;
      collectSameName(ctx, l, 'ledger', 'bank', window, mark, named);
      for (const bp of named) if (bank[bp].amountKey === l.amountKey) near.push(bp);
    }
    for (const bp of near) {
      const b = bank[bp];
      if (!comparable(l, b)) continue;
      const names = nameEvidence(ctx, l, b);
      const conflict = nameLevel(names, options.nameStrictness) < 0 || referenceConflict(ctx, l, b);
      if (conflict && !sweep) continue;
      // A near-miss reference only ranks: sequential invoice numbers are one edit apart anyway.
      const typo = referenceTypo(l, b) !== null;
      const score =
        0.6 + 0.25 * nameScore(names) + (typo ? 0.1 : 0) - (conflict ? 0.2 : 0) + 0.05 * dateCloseness(Math.abs(l.day - b.day), window);
      const strength = conflict ? -1 : nameLevel(names, options.nameStrictness);
      candidates.push(lp, bp, clampScore(score), strength, evidenceCode(names));
    }
  }

  const twins = sweep ? null : new Interchangeable(ctx, candidates);
  choosePairs(candidates, ledger.length, bank.length, (chosen) => {
    const { l: lp, b: bp, score } = chosen;
    const l = ledger[lp];
    const b = bank[bp];
    const { auto: autoByEvidence, uniqueEnough, sameKind } = equalAmountsVerdict(ctx, chosen, l, b);
    const alike =
      !autoByEvidence && twins !== null && chosen.strength >= 1 && !AUTO_ONLY_WHEN_UNIQUE.has(NAME_EVIDENCE[chosen.tag]) && twins.alike(lp, bp);
    const auto = !sweep && (autoByEvidence || alike);
    const typo = referenceTypo(l, b);
    const names = nameReason(ctx, NAME_EVIDENCE[chosen.tag], l, b);
    const reasons = reasonList(REASONS.sameAmount, names, dateReason(Math.abs(l.day - b.day)));
    if (sameKind) reasons.push({ code: 'same-movement-kind', params: sameKind });
    if (typo) reasons.push({ code: 'reference-typo', params: { ledger: typo.ledger, bank: typo.bank, edits: typo.edits } });
    if (sweep && referenceConflict(ctx, l, b)) reasons.push(REASONS.referenceElsewhere);
    if (alike) reasons.push(REASONS.interchangeable);
    else if ((chosen.unique || chosen.othersSettled) && !sweep) {
      reasons.push(chosen.unique ? REASONS.uniqueCandidate : REASONS.othersSettled);
      // Say why the only candidate is still only a suggestion.
      if (!auto && !uniqueEnough) reasons.push(REASONS.roundSumNoName);
    } else if (!auto && chosen.rivals > 1) reasons.push(ambiguousReason(chosen.rivals));
    ctx.record({
      ledger: [lp],
      bank: [bp],
      status: auto ? 'auto' : 'suggested',
      rule: 'amount-date',
      score: auto ? score : Math.min(score, 0.75),
      reasons,
    });
    return auto;
  });
}

/**
 * Three fund purchases of 3.88 to one 基金销售有限公司 on 12-3 and 12-5 against a book's 3.88 of 12-3:
 * the rivals on one side are all the same line again (same amount, same payer or payee, same text),
 * and every line of the other side that could take one of them could take only such a line. Then
 * whichever is taken the reconciliation reads the same, and the nearest by date (taken first by its
 * score) is the one to take. Only where the pair's names tie it to that payer (strength ≥ 1) and the
 * twins name one: two customers' unnamed 5,000.00 stay suggestions.
 */
class Interchangeable {
  /** Each ledger line's candidates, and each bank line's (choose-pairs.ts adjacencyOf), made when first asked. */
  private byLedger: Adjacency | null = null;
  private byBank: Adjacency | null = null;

  constructor(
    private readonly ctx: MatchContext,
    private readonly candidates: Candidates,
  ) {}

  alike(lp: number, bp: number): boolean {
    const c = this.candidates;
    this.byLedger ??= adjacencyOf(c, c.l, this.ctx.ledger.length);
    this.byBank ??= adjacencyOf(c, c.b, this.ctx.bank.length);
    return this.twinsOn('bank', bp, lp, this.byLedger, this.byBank) || this.twinsOn('ledger', lp, bp, this.byBank, this.byLedger);
  }

  /**
   * Is `own` (on `side`) one of a class of twins that its partner and every other line wanting one
   * of them choose among, with a twin for each of those lines? `candidatesOf`: the candidates at each
   * line of the other side (their ends on `side`); `takersOf` the reverse.
   */
  private twinsOn(side: 'ledger' | 'bank', own: number, partner: number, candidatesOf: Adjacency, takersOf: Adjacency): boolean {
    const entries = side === 'ledger' ? this.ctx.ledger : this.ctx.bank;
    if (entries[own].entry.counterparty.trim() === '') return false;
    const c = this.candidates;
    const onSide = side === 'ledger' ? c.l : c.b;
    const onOther = side === 'ledger' ? c.b : c.l;
    const twins = new Set<number>([own]);
    const takers = new Set<number>([partner]);
    const twinQueue = [own];
    const takerQueue = [partner];
    while (twinQueue.length > 0 || takerQueue.length > 0) {
      for (const taker of takerQueue.splice(0)) {
        for (let i = candidatesOf.start[taker]; i < candidatesOf.start[taker + 1]; i++) {
          const other = onSide[candidatesOf.list[i]];
          if (twins.has(other)) continue;
          if (!this.same(side, own, other)) return false;
          twins.add(other);
          twinQueue.push(other);
        }
      }
      for (const twin of twinQueue.splice(0)) {
        for (let i = takersOf.start[twin]; i < takersOf.start[twin + 1]; i++) {
          const taker = onOther[takersOf.list[i]];
          if (takers.has(taker)) continue;
          takers.add(taker);
          takerQueue.push(taker);
        }
      }
      if (twins.size > 64) return false; // a busy amount: leave it to the user
    }
    // more lines wanting one than there are twins: which is left over matters
    return takers.size <= twins.size;
  }

  private same(side: 'ledger' | 'bank', a: number, b: number): boolean {
    const entries = side === 'ledger' ? this.ctx.ledger : this.ctx.bank;
    const x = entries[a].entry;
    const y = entries[b].entry;
    return entries[a].amountKey === entries[b].amountKey && x.counterparty.trim() === y.counterparty.trim() && this.ctx.text(side, a) === this.ctx.text(side, b);
  }
}
