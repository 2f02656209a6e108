/**
 * Pass 3a, N:1: one bank line paying several ledger lines of one counterparty (a customer settling
 * three invoices with one transfer; a supplier paid for several bills at once).
 */
import type { MatchContext } from '../context';
import { runGroupPass } from './combined-groups';

export function manyToOnePass(ctx: MatchContext): void {
  runGroupPass(ctx, { rule: 'many-to-one', oneSide: 'bank', byReference: false });
}

/** N:1 where the transfer's memo names every ledger line it pays, however far apart they are dated. */
export function manyToOneByReferencePass(ctx: MatchContext): void {
  runGroupPass(ctx, { rule: 'many-to-one', oneSide: 'bank', byReference: true });
}
