/**
 * The reviewer's sign-off (复核) as a run sees it, one table from state to words: a sign-off run
 * sets it only when the results are the ones the reviewer saw (same groups, no new decisions);
 * any other run, or a decision, clears a standing sign-off and says so (pane, Summary, Audit log).
 */
import type { GroupRecord } from '../../engine/decisions/decision';
import type { SignOff } from './recon-state';

export type SignOffStatus =
  /** Signed off by this run. */
  | { state: 'signed'; by: string; at: string }
  /** A sign-off that stood before this run, cleared by it. */
  | { state: 'cleared'; by: string; at: string }
  /** Asked for, but the results differ from the last run's: `changes` groups or decisions differ. */
  | { state: 'refused'; changes: number }
  | { state: 'none' };

/** Groups of `before` and `after` that are not the same group with the same origin, counted once each. */
export function changedGroups(before: readonly GroupRecord[], after: readonly GroupRecord[]): number {
  const print = (g: GroupRecord) => `${g.id}|${g.origin}|${[...g.ledger].sort().join(',')}|${[...g.bank].sort().join(',')}`;
  const old = new Set(before.map(print));
  const now = new Set(after.map(print));
  let changes = 0;
  for (const p of old) if (!now.has(p)) changes++;
  for (const p of now) if (!old.has(p)) changes++;
  return changes;
}

/**
 * What becomes of the sign-off in a run: `requested` is the reviewer's mark when this run is a
 * sign-off; `changes` how many groups and decisions differ from the run the reviewer saw.
 */
export function signOffAfterRun(standing: SignOff | null, requested: SignOff | undefined, changes: number): SignOffStatus {
  if (requested && changes === 0) return { state: 'signed', ...requested };
  if (requested) return { state: 'refused', changes };
  if (standing) return { state: 'cleared', ...standing };
  return { state: 'none' };
}
