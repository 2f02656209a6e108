/**
 * Pass 3b, 1:N: one ledger line paid by several bank lines of one counterparty (an invoice paid in
 * instalments; one journal line for a payment the bank split).
 */
import type { MatchContext } from '../context';
import { runGroupPass } from './combined-groups';

export function oneToManyPass(ctx: MatchContext): void {
  runGroupPass(ctx, { rule: 'one-to-many', oneSide: 'ledger', byReference: false });
}

/** 1:N where every instalment's memo carries the ledger line's reference, weeks apart or not. */
export function oneToManyByReferencePass(ctx: MatchContext): void {
  runGroupPass(ctx, { rule: 'one-to-many', oneSide: 'ledger', byReference: true });
}
