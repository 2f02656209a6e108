/**
 * Match ids that stay: a group made of the same rows (by content) as a group of the last run keeps
 * that group's id; a new group gets the next number, never one used before.
 */
import type { Match } from '../types';
import type { GroupRecord, MatchOrigin, RowKey } from './decision';

function contentSignature(ledger: readonly string[], bank: readonly string[]): string {
  return `${[...ledger].sort().join(',')}|${[...bank].sort().join(',')}`;
}

export function originOf(match: Match): MatchOrigin {
  return match.origin ?? match.status;
}

/** Sets `id` on every match (in place); returns this run's group records and the next number. */
export function assignStableIds(
  matches: Match[],
  keys: { ledger: readonly RowKey[]; bank: readonly RowKey[] },
  previous: readonly GroupRecord[],
  nextNumber: number,
): { groups: GroupRecord[]; nextMatchNumber: number } {
  const previousIds = new Map(previous.map((g) => [contentSignature(g.ledger, g.bank), g.id]));
  // A loop, not Math.max(...list): a spread of a million previous groups overflows the stack.
  let next = Math.max(1, nextNumber);
  for (const g of previous) next = Math.max(next, Number(/^M(\d+)$/.exec(g.id)?.[1] ?? 0) + 1);
  const used = new Set<string>();
  const groups: GroupRecord[] = matches.map((match) => {
    const ledger = match.ledger.map((i) => keys.ledger[i].fingerprint);
    const bank = match.bank.map((i) => keys.bank[i].fingerprint);
    const kept = previousIds.get(contentSignature(ledger, bank));
    match.id = kept !== undefined && !used.has(kept) ? kept : `M${next++}`;
    used.add(match.id);
    return { id: match.id, origin: originOf(match), ledger, bank, rule: match.rule };
  });
  return { groups, nextMatchNumber: next };
}

/** A first run's ids: M<first>, M<first+1> … in the matches' order; returns the next number. */
export function numberMatches(matches: Match[], first: number): number {
  let next = Math.max(1, first);
  for (const match of matches) match.id = `M${next++}`;
  return next;
}

/** This run's group records (rows by fingerprint), for the next run's stable ids and sheet decisions. */
export function groupRecords(matches: readonly Match[], keys: { ledger: readonly RowKey[]; bank: readonly RowKey[] }): GroupRecord[] {
  return matches.map((match) => ({
    id: match.id,
    origin: originOf(match),
    ledger: match.ledger.map((i) => keys.ledger[i].fingerprint),
    bank: match.bank.map((i) => keys.bank[i].fingerprint),
    rule: match.rule,
  }));
}
