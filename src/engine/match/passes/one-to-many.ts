/**
 * Pass 3b, 1:N: one ledger line paid by several bank lines of one counterparty (an invoice paid in
 * instalments; one journal line for a payment the bank split).
 */
import type { MatchContext } from '../context';
import { runGroupPass } from './combined-groups';

export function oneToManyPass(ctx: MatchContext): void {
  runGroupPass(ctx, { rule: 'one-to-many', oneSide: 'ledger' });
}
