/**
 * A line and its reversal on the same side: a voucher booked wrong and cancelled in red ink (冲销记-0015,
 * 红字冲回, Reversal of JE-15), a payment the bank took and put back (冲正, 抹账, returned item). The
 * two cancel out and have no counterpart on the other side; left alone they would stand in the bank
 * reconciliation statement as a deposit in transit and a payment not presented, and the wrong line
 * might even meet an unrelated bank line of its amount.
 *
 * Only a line whose text says it reverses something is looked at, and its pair must be the opposite
 * amount, on or before its date, within a month. Early, before any cross-side pass, a pair is made
 * (auto) when the reversing line names the original's reference and only one line fits; last, what is
 * left is offered (suggested) when exactly one line fits.
 */
import type { Reason, Side } from '../../types';
import type { MatchContext } from '../context';
import { clampScore, dateCloseness } from '../evidence';
import { normalizeReference } from '../normalize-reference';
import { comparable, hasToken, type PreparedEntry } from '../prepared-entry';
import { amountIndex, collectWindow } from '../indexes';
import { dateReason, REASONS } from '../reason-codes';

/** A reversal follows its original within about a month (the next month's first days at most). */
const REVERSAL_WINDOW_DAYS = 31;

/**
 * Words of a reversing line. 冲 alone is too common (冲减, 冲抵 are offsets, not reversals), so it
 * counts only followed by 销/红/回/正/账 or by the voucher it cancels (冲记-0015, 冲第15号).
 * Latin words are matched on the raw text, case-insensitive ("transfer" holds "nsf": no NSF).
 */
const REVERSAL_WORDS =
  /[冲沖](?:销|銷|红|紅|回|正|账|帳|记|記|第)|[红紅](?:字|冲|沖)|抹[账帳]|作[废廢]|撤[销銷]|退票|revers|\bvoid|returned\s*(?:item|cheque|check|payment|dd)|bounced|dishono/i;

/** The reversal word a line's text holds, or null. */
export function reversalWord(text: string): string | null {
  const found = REVERSAL_WORDS.exec(text);
  return found === null ? null : found[0];
}

export function reversalPass(ctx: MatchContext): void {
  runReversals(ctx, 'ledger', false);
  runReversals(ctx, 'bank', false);
}

export function reversalSweepPass(ctx: MatchContext): void {
  runReversals(ctx, 'ledger', true);
  runReversals(ctx, 'bank', true);
}

/** The reversal word in a line's description, reference or notes, or null. */
function wordOf(e: PreparedEntry): string | null {
  const { description, reference, notes } = e.entry;
  return reversalWord(description) ?? (reference === '' ? null : reversalWord(reference)) ?? (notes ? reversalWord(notes) : null);
}

/**
 * Does the reversing line name the original's reference (记-0015 → its tokens hold 记0015 or 0015)?
 * The reference as written, not the matching key: a voucher number is too weak a key to meet the
 * bank by, but it is exactly what a reversal names.
 */
function namesOriginal(reversing: PreparedEntry, original: PreparedEntry): boolean {
  const reference = normalizeReference(original.entry.reference);
  if (reference === '' || reference === normalizeReference(reversing.entry.reference)) return false;
  if (hasToken(reversing, reference)) return true;
  // The number after the prefix (记0015 → 0015, JE15 → 15), as the reversing line's tokens hold it.
  const core = TRAILING_NUMBER.exec(reference)?.[0] ?? '';
  return core !== '' && core !== reference && hasToken(reversing, core);
}

const TRAILING_NUMBER = /\d+$/;

function runReversals(ctx: MatchContext, side: Side, sweep: boolean): void {
  const entries = ctx.entries(side);
  const free = ctx.free(side);
  const cents = ctx.cents(side);
  const signs = ctx.signs(side);
  const byAmount = amountIndex(ctx, side);
  const near: number[] = [];
  for (let rp = 0; rp < entries.length; rp++) {
    if (free[rp] === 0 || signs[rp] === 0 || cents[rp] !== cents[rp]) continue;
    // Only a line whose opposite amount is on its side can be half of a pair: its text is read only
    // then (reading every line's text costs more than the rest of the pass in a busy book).
    const opposite = byAmount.get(-cents[rp]);
    if (opposite === undefined) continue;
    const word = ctx.memo(side, 'reversal-word', rp, () => wordOf(entries[rp]));
    if (word === null) continue;
    const reversing = entries[rp];
    near.length = 0;
    collectWindow(ctx, side, opposite, reversing.day, REVERSAL_WINDOW_DAYS, ctx.newVisit(), near);
    const fits: number[] = [];
    const named: number[] = [];
    for (const op of near) {
      const original = entries[op];
      if (original.day > reversing.day || !comparable(original, reversing)) continue;
      fits.push(op);
      if (namesOriginal(reversing, original)) named.push(op);
    }
    const chosen = named.length === 1 ? named[0] : fits.length === 1 ? fits[0] : -1;
    if (chosen < 0) continue;
    // The early pass makes only the sure pairs; the sweep offers what is left, named ones included
    // (a named original that had a rival early may stand alone once the other sides are matched).
    const auto = !sweep && named.length === 1;
    if (!sweep && !auto) continue;
    const original = entries[chosen];
    const gap = reversing.day - original.day;
    const reasons: Reason[] = [{ code: 'reversal-word', params: { word } }];
    if (named.length === 1) reasons.push({ code: 'reversal-names-original', params: { reference: original.entry.reference } });
    reasons.push(REASONS.reversalCancels, dateReason(gap));
    if (!auto) reasons.push(REASONS.uniqueCandidate);
    const positions = chosen < rp ? [chosen, rp] : [rp, chosen];
    ctx.record({
      ledger: side === 'ledger' ? positions : [],
      bank: side === 'bank' ? positions : [],
      status: auto ? 'auto' : 'suggested',
      rule: 'reversal',
      score: clampScore((auto ? 0.9 : 0.65) + 0.05 * dateCloseness(gap, REVERSAL_WINDOW_DAYS)),
      reasons,
    });
  }
}
