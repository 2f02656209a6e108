/**
 * Last pass, suggestions only: several lines that add up to one line of the other side with nothing
 * but the sum and the dates to tie them. A deposit slip holding two customers' cheques (the cash book
 * has a line per cheque, the bank one credit), cash receipts paid in together (现金送存银行), a payroll
 * the bank shows as net pay and tax. No name or reference says these lines belong together, so the
 * pass only speaks when the answer is certain as arithmetic: every free line of that direction within
 * a few days was looked at (few enough to try every combination) and exactly one combination adds up.
 * In a busy book (hundreds of lines a day) there are always too many lines to be sure, and it stays
 * silent.
 */
import type { Side } from '../../types';
import type { MatchContext } from '../context';
import { nameEvidence, pointsElsewhere } from '../evidence';
import { firstPositionOnOrAfter } from '../indexes';
import { comparable } from '../prepared-entry';
import { exactSubsets } from '../subset-sum';
import { groupReasons, groupScore, type Member } from './combined-groups';

/** A slip is paid in, a payroll split, within a few days of the books. */
const SLIP_WINDOW_DAYS = 3;
/** More free lines than this in the window and "the only combination" would be a guess. */
const MAX_LINES = 12;
/** Positions looked at around one date before giving up (a busy day: too many to be sure anyway). */
const MAX_SCAN = 400;

export function unnamedGroupsPass(ctx: MatchContext): void {
  if (ctx.options.allowCombined) runUnnamed(ctx, 'bank');
  if (ctx.options.allowInstalments) runUnnamed(ctx, 'ledger');
}

function runUnnamed(ctx: MatchContext, oneSide: Side): void {
  const manySide: Side = oneSide === 'bank' ? 'ledger' : 'bank';
  const window = Math.min(SLIP_WINDOW_DAYS, ctx.options.dateWindowDays);
  const ones = ctx.entries(oneSide);
  const oneFree = ctx.free(oneSide);
  const oneCents = ctx.cents(oneSide);
  const oneSigns = ctx.signs(oneSide);
  const many = ctx.entries(manySide);
  const manyFree = ctx.free(manySide);
  const manyCents = ctx.cents(manySide);
  const manySigns = ctx.signs(manySide);
  const manyDays = ctx.days(manySide);
  const members: Member[] = [];

  for (let op = 0; op < ones.length; op++) {
    const sign = oneSigns[op];
    const target = Math.abs(oneCents[op]); // NaN when not exact
    if (oneFree[op] === 0 || sign === 0 || target !== target) continue;
    const one = ones[op];
    members.length = 0;
    let complete = true;
    let scanned = 0;
    for (let mp = firstPositionOnOrAfter(manyDays, one.day - window); mp < many.length && manyDays[mp] <= one.day + window; mp++) {
      if (++scanned > MAX_SCAN) {
        complete = false;
        break;
      }
      if (manyFree[mp] === 0 || manySigns[mp] !== sign || !(Math.abs(manyCents[mp]) < target)) continue;
      const m = many[mp];
      if (!comparable(one, m)) continue;
      const [l, b] = oneSide === 'bank' ? [m, one] : [one, m];
      const names = nameEvidence(ctx, l, b);
      // Another organisation's name, or a memo naming other entries: this line is someone else's.
      if (names === 'differ' || names === 'other-in-text' || pointsElsewhere(ctx, m, manySide, one)) continue;
      if (members.length === MAX_LINES) {
        complete = false;
        break;
      }
      members.push({ pos: mp, entry: m, names, reference: null, gap: Math.abs(m.day - one.day) });
    }
    if (!complete || members.length < 2) continue;
    const search = exactSubsets(
      members.map((m) => Math.abs(manyCents[m.pos])),
      target,
      { minSize: 2, maxSize: ctx.options.maxGroupSize, maxSolutions: 2, maxNodes: 1 << MAX_LINES },
    );
    if (!search.exhausted || search.solutions.length !== 1) continue;
    const group = search.solutions[0].map((i) => members[i]);
    const positions = group.map((m) => m.pos).sort((a, b) => a - b);
    ctx.record({
      ledger: oneSide === 'bank' ? positions : [op],
      bank: oneSide === 'bank' ? [op] : positions,
      status: 'suggested',
      rule: oneSide === 'bank' ? 'many-to-one' : 'one-to-many',
      score: groupScore(group, false, window),
      reasons: groupReasons(ctx, { oneSide }, one, group, 1, true),
    });
  }
}

