/**
 * Reasons as data, built here so the common ones are shared: a million matches need not carry a
 * million copies of "names agree". Shared reasons are frozen; never mutate a reason.
 * Every code used here has a text in src/i18n/reasons.ts.
 */
import type { Reason } from '../types';

const NO_PARAMS: Record<string, string | number> = Object.freeze({}) as Record<string, string | number>;

/** Every shared reason, with a key for interning lists of them. */
const SHARED_KEYS = new Map<Reason, string>();

function shared(code: string, params: Record<string, string | number> = NO_PARAMS, key: string = code): Reason {
  const reason: Reason = Object.freeze({ code, params: params === NO_PARAMS ? params : Object.freeze(params) });
  SHARED_KEYS.set(reason, key);
  return reason;
}

/** Reasons without parameters. */
export const REASONS = {
  sameAmount: shared('same-amount'),
  sameDay: shared('same-day'),
  namesAgree: shared('names-agree'),
  uniqueCandidate: shared('unique-candidate'),
  othersSettled: shared('others-settled'),
  interchangeable: shared('interchangeable'),
  roundSumNoName: shared('round-sum-no-name'),
  reversalCancels: shared('reversal-cancels'),
  referenceElsewhere: shared('reference-elsewhere'),
  otherNameInText: shared('other-name-in-text'),
  combinationUnique: shared('combination-unique'),
  searchLimit: shared('search-limit'),
} as const;

const interned = new Map<string, Reason[]>();
const MAX_INTERNED = 10_000;

/**
 * The same list of shared reasons (same amount; names agree; 2 days apart; the only candidate) is
 * common to many matches: keep one frozen copy. Lists holding a reason with its own params
 * (a reference, a fee) are kept as an exact-length copy: a list built by push has room for 17
 * reasons, four times what it holds, on every match of a million.
 */
export function internReasons(reasons: Reason[]): Reason[] {
  let key = '';
  for (const r of reasons) {
    const part = SHARED_KEYS.get(r);
    if (part === undefined) return reasons.slice();
    key += part + '|';
  }
  let found = interned.get(key);
  if (found === undefined) {
    found = Object.freeze(reasons.slice()) as Reason[];
    if (interned.size < MAX_INTERNED) interned.set(key, found);
  }
  return found;
}

/** Day gaps and rival counts up to this are shared (the date window is at most a year). */
const CACHED = 1000;
const dateGaps: Reason[] = [];
const ambiguities: Reason[] = [];

/** 'same-day', or 'date-gap' with the number of days (shared per value). */
export function dateReason(days: number): Reason {
  if (days === 0) return REASONS.sameDay;
  if (days >= CACHED) return { code: 'date-gap', params: { days } };
  let reason = dateGaps[days];
  if (reason === undefined) {
    reason = shared('date-gap', { days }, `date-gap:${days}`);
    dateGaps[days] = reason;
  }
  return reason;
}

/** 'ambiguous': this many entries fitted equally well (shared per value). */
export function ambiguousReason(candidates: number): Reason {
  if (candidates >= CACHED) return { code: 'ambiguous', params: { candidates } };
  let reason = ambiguities[candidates];
  if (reason === undefined) {
    reason = shared('ambiguous', { candidates }, `ambiguous:${candidates}`);
    ambiguities[candidates] = reason;
  }
  return reason;
}
