/**
 * Shared by the N:1 and 1:N passes: one entry ("the one") settled by several entries of the other side
 * ("the many"), adding up exactly. Two shapes:
 *   by reference  every line carries the single entry's reference (the invoice number in each
 *                 instalment's memo; the transfer's memo naming each invoice it pays), anywhere within
 *                 the reference window; auto when exactly one combination adds up and it uses every
 *                 line carrying the reference: the references and the amounts agree.
 *   by name       lines of one counterparty within the date window, plus any line tied by reference
 *                 within the reference window; auto only when the combination is the only one, every
 *                 line is tied to the single entry by name or reference, and at least one strongly.
 * Candidates come from the name and reference indexes (never a scan of all entries); the nearest few
 * go to a bounded subset-sum search. Several combinations that add up are reported as a suggestion,
 * the likeliest first (most references, then nearest in date), never as auto.
 */
import type { MatchRule, Reason, Side } from '../../types';
import type { MatchContext } from '../context';
import {
  clampScore,
  dateCloseness,
  nameEvidence,
  nameLevel,
  nameReason,
  pointsElsewhere,
  referenceEvidence,
  referenceReason,
  type NameEvidence,
  type ReferenceEvidence,
} from '../evidence';
import { collectSameName, collectSameReference } from '../indexes';
import { compareNames } from '../normalize-name';
import { comparable, type PreparedEntry } from '../prepared-entry';
import { exactSubsets } from '../subset-sum';
import { dateReason, REASONS } from '../reason-codes';

/** Candidates handed to the subset search: the nearest by date. 2^18 subsets is the ceiling. */
export const MAX_GROUP_CANDIDATES = 18;
/** Nodes one subset search may visit before giving up (then the result is at best suggested). */
export const MAX_SEARCH_NODES = 5000;
/** Solutions collected to choose from; two already prove the combination is not unique. */
const MAX_SOLUTIONS = 8;

export interface Member {
  pos: number;
  entry: PreparedEntry;
  names: NameEvidence;
  reference: ReferenceEvidence | null;
  gap: number;
}

export interface GroupPassShape {
  rule: MatchRule;
  /** The side of the single entry (bank for N:1, ledger for 1:N). */
  oneSide: Side;
  /** Only lines carrying the single entry's reference (see the file comment). */
  byReference: boolean;
}

export function runGroupPass(ctx: MatchContext, shape: GroupPassShape): void {
  const { options } = ctx;
  const manySide: Side = shape.oneSide === 'bank' ? 'ledger' : 'bank';
  const ones = ctx.entries(shape.oneSide);
  const oneFree = ctx.free(shape.oneSide);
  const many = ctx.entries(manySide);
  // Every entry is tested, and most candidates fail, on sign and amount: flat columns, not the objects.
  const oneCents = ctx.cents(shape.oneSide);
  const oneSigns = ctx.signs(shape.oneSide);
  const manyCents = ctx.cents(manySide);
  const manySigns = ctx.signs(manySide);
  const window = options.dateWindowDays;
  const referenceWindow = options.referenceWindowDays;
  // Any name evidence (a short name in the description too) may propose; auto needs more, below.
  const minLevel = options.nameStrictness === 'strict' ? 2 : 1;

  // Entries the first sweep proved can have no group: the second sweep sees a subset of the same
  // candidates (lines only ever stop being free; the tests on a line do not depend on what is free),
  // so too few lines, too little money, or a complete search without a combination stays so.
  const hopeless = new Uint8Array(ones.length);
  const found: number[] = [];

  // Two sweeps: the certain groups first, everywhere; then the rest as suggestions. A suggestion takes
  // its lines, which could make a later combination look like the only one: it must not become auto.
  for (const certainOnly of [true, false]) {
    for (let op = 0; op < ones.length; op++) {
      if (!certainOnly && (op & 1023) === 1023) ctx.progress.advance(1024);
      const oneSign = oneSigns[op];
      const oneSize = Math.abs(oneCents[op]); // NaN when not exact
      if (oneFree[op] === 0 || hopeless[op] === 1 || oneSign === 0 || oneSize !== oneSize) continue;
      const one = ones[op];
      if (shape.byReference && one.keyCount === 0) continue;

      const mark = ctx.newVisit();
      found.length = 0;
      if (!shape.byReference) collectSameName(ctx, one, shape.oneSide, manySide, window, mark, found);
      collectSameReference(ctx, one, manySide, referenceWindow, mark, found);
      const members: Member[] = [];
      for (const mp of found) {
        // NaN (not exact) fails `<` as well
        if (manySigns[mp] !== oneSign || !(Math.abs(manyCents[mp]) < oneSize)) continue;
        const m = many[mp];
        if (!comparable(one, m)) continue;
        const l = shape.oneSide === 'bank' ? m : one;
        const b = shape.oneSide === 'bank' ? one : m;
        const reference = referenceEvidence(l, b);
        const gap = Math.abs(m.day - one.day);
        // Beyond the date window only a reference ties a line; by reference, only a reference does.
        if (reference === null && (shape.byReference || gap > window)) continue;
        const names = nameEvidence(ctx, l, b);
        if (nameLevel(names, options.nameStrictness) < minLevel && reference === null) continue;
        // A line whose own memo names other entries of the single entry's side belongs elsewhere. (Not
        // the other way round: the single entry's memo naming the group's other lines is expected.)
        if (reference === null && pointsElsewhere(ctx, m, manySide, one)) continue;
        members.push({ pos: mp, entry: m, names, reference, gap });
      }
      if (members.length < 2) {
        hopeless[op] = 1;
        continue;
      }
      const target = oneSize;
      let allReachable = 0;
      for (const m of members) allReachable += Math.abs(m.entry.cents);
      if (allReachable < target) {
        hopeless[op] = 1;
        continue;
      }

      // Lines tied by reference first, then the nearest by date.
      members.sort((x, y) => (x.reference === null ? 1 : 0) - (y.reference === null ? 1 : 0) || x.gap - y.gap || x.pos - y.pos);
      const tied = members.length;
      if (members.length > MAX_GROUP_CANDIDATES) members.length = MAX_GROUP_CANDIDATES;
      let reachable = 0;
      for (const m of members) reachable += Math.abs(m.entry.cents);
      if (reachable < target) continue;

      const search = exactSubsets(
        members.map((m) => Math.abs(m.entry.cents)),
        target,
        { minSize: 2, maxSize: options.maxGroupSize, maxSolutions: MAX_SOLUTIONS, maxNodes: MAX_SEARCH_NODES },
      );
      const groups = search.solutions
        .map((indices) => indices.map((i) => members[i]))
        .filter(oneCounterparty(options.nameStrictness))
        .sort(byLikelihood);
      if (groups.length === 0) {
        // Every combination of these lines was tried (none cut off): fewer lines offer none either.
        if (search.exhausted && tied <= MAX_GROUP_CANDIDATES) hopeless[op] = 1;
        continue;
      }

      const group = groups[0];
      const unique = search.exhausted && search.solutions.length === 1;
      const level = (m: Member): number => (m.reference !== null ? 2 : nameLevel(m.names, options.nameStrictness));
      const certain = shape.byReference
        ? // The only combination of the lines carrying the reference, and it uses them all; no two organisations' names differ.
          unique && group.length === tied && group.every((m) => nameLevel(m.names, options.nameStrictness) >= 0)
        : // The only combination, every line tied by name or reference, at least one strongly.
          unique && group.every((m) => level(m) >= minLevel) && group.some((m) => level(m) >= 2);
      if (certainOnly && !certain) continue;
      const auto = certainOnly;
      ctx.record({
        ledger: shape.oneSide === 'bank' ? group.map((m) => m.pos).sort((a, b) => a - b) : [op],
        bank: shape.oneSide === 'bank' ? [op] : group.map((m) => m.pos).sort((a, b) => a - b),
        status: auto ? 'auto' : 'suggested',
        rule: shape.rule,
        score: groupScore(group, auto, shape.byReference ? referenceWindow : window),
        reasons: groupReasons(ctx, shape, one, group, search.solutions.length, search.exhausted),
      });
    }
  }
}

/**
 * Named lines of one group must name the same counterparty (a memo can mention several). Lines that
 * carry the reference are exempt: a director may pay one instalment of the company's invoice.
 */
function oneCounterparty(strictness: 'strict' | 'normal' | 'loose') {
  return (group: Member[]): boolean => {
    const named = group.filter((m) => m.entry.name !== null && m.reference === null);
    if (named.length === 0) return true;
    return named.every((m) => {
      const verdict = compareNames(named[0].entry.name!, m.entry.name!, strictness);
      return verdict === 'agree' || verdict === 'similar';
    });
  };
}

/**
 * Prefer the combination with the most lines tied by reference, then names that agree, then lines
 * dated closest together, then the one closest in date to the single entry, then fewer lines, then
 * canonical order.
 */
export function byLikelihood(x: Member[], y: Member[]): number {
  const references = (g: Member[]): number => g.reduce((sum, m) => sum + (m.reference !== null ? 1 : 0), 0);
  const agreeing = (g: Member[]): number => g.reduce((sum, m) => sum + (m.names === 'agree' || m.names === 'in-text' ? 1 : 0), 0);
  const gap = (g: Member[]): number => g.reduce((sum, m) => sum + m.gap, 0);
  // Lines booked together (one voucher for the invoices one transfer pays) belong together.
  const spread = (g: Member[]): number => Math.max(...g.map((m) => m.entry.day)) - Math.min(...g.map((m) => m.entry.day));
  return (
    references(y) - references(x) ||
    agreeing(y) / y.length - agreeing(x) / x.length ||
    spread(x) - spread(y) ||
    gap(x) - gap(y) ||
    x.length - y.length ||
    compareLists(x.map((m) => m.pos), y.map((m) => m.pos))
  );
}

function compareLists(x: number[], y: number[]): number {
  const xs = [...x].sort((a, b) => a - b);
  const ys = [...y].sort((a, b) => a - b);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) if (xs[i] !== ys[i]) return xs[i] - ys[i];
  return xs.length - ys.length;
}

export function groupScore(group: Member[], auto: boolean, window: number): number {
  const widest = Math.max(...group.map((m) => m.gap));
  return clampScore((auto ? 0.85 : 0.6) + 0.1 * dateCloseness(widest, window));
}

export function groupReasons(ctx: MatchContext, shape: Pick<GroupPassShape, 'oneSide'>, one: PreparedEntry, group: Member[], solutions: number, exhausted: boolean): Reason[] {
  const reasons: Reason[] = [
    // side: which side's lines add up to the single entry on the other side.
    { code: 'group-sum', params: { count: group.length, side: shape.oneSide === 'bank' ? 'ledger' : 'bank' } },
  ];
  const named = group.find((m) => m.names !== 'unknown' && m.names !== 'differ');
  if (named) {
    const [l, b] = shape.oneSide === 'bank' ? [named.entry, one] : [one, named.entry];
    const reason = nameReason(ctx, named.names, l, b);
    if (reason) reasons.push(reason);
  }
  for (const m of group) {
    const reason = referenceReason(m.reference);
    if (reason) reasons.push(reason);
  }
  reasons.push(dateReason(Math.max(...group.map((m) => m.gap))));
  if (solutions > 1) reasons.push({ code: 'combinations', params: { count: solutions } });
  else if (!exhausted) reasons.push(REASONS.searchLimit);
  else reasons.push(REASONS.combinationUnique);
  return reasons;
}
