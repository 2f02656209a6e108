/**
 * The matching passes, from most to least certain. Each pass only sees the entries earlier passes
 * left free, so a sure match is never taken away by a guess. Read top to bottom: this table is the
 * matching policy.
 */
import type { MatchOptions, MatchRule, Side } from '../types';
import type { MatchContext } from './context';
import { amountDatePass, amountDateSweepPass } from './passes/amount-date';
import { amountTolerancePass } from './passes/amount-tolerance';
import { manyToOneByReferencePass, manyToOnePass } from './passes/many-to-one';
import { oneToManyByReferencePass, oneToManyPass } from './passes/one-to-many';
import { referenceAmountPass } from './passes/reference-amount';
import { platformSettlementPass } from './passes/platform-settlement';
import { swappedDigitsPass } from './passes/swapped-digits';
import { referenceTypoPass } from './passes/reference-typo';
import { reversalPass, reversalSweepPass } from './passes/reversals';
import { statedFeePass } from './passes/stated-fee';
import { unnamedGroupsPass } from './passes/unnamed-groups';

export interface MatchPass {
  rule: MatchRule;
  /** The side the pass walks entry by entry (for progress). */
  walks: Side;
  /** When the options switch the pass off. */
  enabled: (options: MatchOptions) => boolean;
  run: (ctx: MatchContext) => void;
}

export const PASSES: readonly MatchPass[] = [
  // A line and the line that reverses it by name (冲销记-0015, Reversal of JE-15) cancel out on one
  // side: first, so the wrong line never meets a bank line of its amount.
  { rule: 'reversal', walks: 'ledger', enabled: () => true, run: reversalPass },
  // Same reference and same amount: the invoice number in the bank memo. Surest, so it goes first and
  // may reach beyond the date window (payment terms).
  { rule: 'reference-amount', walks: 'ledger', enabled: () => true, run: referenceAmountPass },
  // Groups whose every line carries the reference: instalments that each quote the invoice number, a
  // transfer whose memo names each invoice it pays. Within the reference window, whatever the gap.
  { rule: 'one-to-many', walks: 'ledger', enabled: (o) => o.allowInstalments, run: oneToManyByReferencePass },
  { rule: 'many-to-one', walks: 'bank', enabled: (o) => o.allowCombined, run: manyToOneByReferencePass },
  // Same amount within the window: the bulk of a cash journal. Auto only when unique or clearly best
  // by name; equal rivals are suggested. Pairs with evidence against them wait for the sweep.
  { rule: 'amount-date', walks: 'ledger', enabled: () => true, run: amountDatePass },
  // A platform's line that states its fee (Gross/Fee/Net) against the other book's gross: equal
  // amounts once the stated fee is counted, so right after them and before any combination.
  { rule: 'amount-tolerance', walks: 'ledger', enabled: () => true, run: statedFeePass },
  // One bank line for several ledger lines of one counterparty (one transfer settling three invoices).
  // After 1:1 so a single exact match is never split into a combination.
  { rule: 'many-to-one', walks: 'bank', enabled: (o) => o.allowCombined, run: manyToOnePass },
  // One ledger line paid by several bank lines of one counterparty (instalments, split transfers).
  { rule: 'one-to-many', walks: 'ledger', enabled: (o) => o.allowInstalments, run: oneToManyPass },
  // A day's 微信支付/支付宝 receipts settled a day or so later less the platform's rate: the rate
  // that fits day after day is the evidence. Before the fixed tolerance, which it is not.
  { rule: 'amount-tolerance', walks: 'bank', enabled: () => true, run: platformSettlementPass },
  // Amounts a fee apart, same counterparty or reference. After exact sums, so a fee never explains
  // away what an exact combination accounts for.
  { rule: 'amount-tolerance', walks: 'ledger', enabled: (o) => o.tolerance.greaterThan(0), run: amountTolerancePass },
  // References a typo apart, amount equal or within tolerance: always suggested.
  { rule: 'reference-typo', walks: 'ledger', enabled: () => true, run: referenceTypoPass },
  // Sweep: equal amounts held back for conflicting names or references, offered as suggestions only
  // now that nothing better claimed them.
  { rule: 'amount-date', walks: 'ledger', enabled: () => true, run: amountDateSweepPass },
  // Lines tied by nothing but an exact sum within a few days (a deposit slip of several cheques):
  // suggested, and only when every combination could be tried and one alone adds up.
  { rule: 'many-to-one', walks: 'bank', enabled: (o) => o.allowCombined || o.allowInstalments, run: unnamedGroupsPass },
  // Amounts keyed with two digits swapped (515.20 for 515.02), between lines nothing else explains:
  // suggested, so the slip is corrected rather than left as two unexplained lines.
  { rule: 'amount-typo', walks: 'ledger', enabled: () => true, run: swappedDigitsPass },
  // A line saying 冲销/冲正/reversal and the one opposite line it can cancel, named or not: suggested.
  { rule: 'reversal', walks: 'ledger', enabled: () => true, run: reversalSweepPass },
];
