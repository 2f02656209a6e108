/**
 * Recently used amounts, so that a generated truth stays the one best explanation of the data: an
 * amount is rejected when it would make two explanations equally good (see generate-pair.ts).
 * Instances are filled in day order, so remembering the last day each key was used is enough, and
 * forgetting what left the window keeps the maps small (amortised O(1) per line).
 */

/** Days either side within which two equal amounts could be confused (matcher window 7 + lag 5 + margin). */
export const W = 20;

/** Keys are integer cents, and party × 2^31 + cents. */
export class AmountRegistry {
  readonly partyAmount = new Map<number, number>();
  readonly ledgerAmount = new Map<number, number>();
  readonly bankAmount = new Map<number, number>();
  readonly weakLedger = new Map<number, number>();
  readonly weakBank = new Map<number, number>();
  readonly feeDifference = new Map<number, number>();
  readonly combined = new Map<number, number>();
  private prunedAt = -Infinity;

  static partyKey(party: number, cents: number): number {
    return party * 2147483648 + cents;
  }

  near(map: Map<number, number>, key: number, day: number): boolean {
    const last = map.get(key);
    return last !== undefined && last >= day - W;
  }

  note(map: Map<number, number>, key: number, day: number): void {
    const last = map.get(key);
    if (last === undefined || last < day) map.set(key, day);
  }

  /** Forget what is out of every window; amortised O(1) per line because it runs once per 2W days. */
  prune(day: number): void {
    if (day - this.prunedAt < 2 * W) return;
    for (const map of [this.partyAmount, this.ledgerAmount, this.bankAmount, this.weakLedger, this.weakBank, this.feeDifference, this.combined]) {
      for (const [key, last] of map) if (last < day - 2 * W) map.delete(key);
    }
    this.prunedAt = day;
  }
}

/** A line about to be added, checked against the registry before anything is recorded. */
export interface Planned {
  side: 'ledger' | 'bank';
  cents: number;
  day: number;
  /** Pool index of the counterparty (customers first, then suppliers), or -1 when none. */
  party: number;
  /** No name to tell it apart: a one-sided line, or a bank line showing a person. */
  weak: boolean;
}
