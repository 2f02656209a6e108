/**
 * The matcher's groups with people's decisions put back: groups never to propose again are taken
 * out (their rows become unmatched), kept groups and explained rows are added, and the whole list
 * is in row order again (by first ledger row, then first bank row).
 */
import Decimal from 'decimal.js';
import type { Entry, Match, MatchResult } from '../types';
import { groupSignature, type ResolvedDecisions } from './apply-decisions';

const ORIGIN = { accept: 'accepted', manual: 'manual', explained: 'explained' } as const;

export function keepDecidedGroups(found: MatchResult, resolved: ResolvedDecisions, ledger: readonly Entry[], bank: readonly Entry[]): MatchResult {
  if (resolved.held.length === 0 && resolved.forbidden.size === 0) return found;
  const unmatchedLedger = [...found.unmatched.ledger];
  const unmatchedBank = [...found.unmatched.bank];
  const matches: Match[] = [];
  for (const match of found.matches) {
    if (resolved.forbidden.has(groupSignature(match.ledger, match.bank))) {
      unmatchedLedger.push(...match.ledger);
      unmatchedBank.push(...match.bank);
    } else matches.push(match);
  }
  for (const { decision, ledger: l, bank: b } of resolved.held) {
    const kind = decision.kind as keyof typeof ORIGIN;
    const sum = (entries: readonly Entry[], list: number[]) => list.reduce((total, i) => total.plus(entries[i].amount), new Decimal(0));
    const sortRows = (entries: readonly Entry[], list: number[]) => [...list].sort((x, y) => entries[x].row - entries[y].row);
    matches.push({
      id: '',
      ledger: sortRows(ledger, l),
      bank: sortRows(bank, b),
      status: 'auto',
      rule: decision.rule ?? 'manual',
      score: 1,
      difference: sum(bank, b).minus(sum(ledger, l)),
      reasons: [{ code: `decision.${kind}`, params: { by: decision.by, reason: decision.reason } }],
      origin: ORIGIN[kind],
      decidedBy: { decision: decision.id, by: decision.by, at: decision.at, reason: decision.reason },
    });
  }
  const firstRow = (entries: readonly Entry[], list: number[]) => (list.length > 0 ? entries[list[0]].row : Number.MAX_SAFE_INTEGER);
  matches.sort((x, y) => firstRow(ledger, x.ledger) - firstRow(ledger, y.ledger) || firstRow(bank, x.bank) - firstRow(bank, y.bank));
  const byRow = (entries: readonly Entry[]) => (x: number, y: number) => entries[x].row - entries[y].row;
  return { ...found, matches, unmatched: { ledger: unmatchedLedger.sort(byRow(ledger)), bank: unmatchedBank.sort(byRow(bank)) } };
}
