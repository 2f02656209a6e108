/**
 * The Summary sheet's figures beyond the report's own counts: amounts per status on each side, and
 * unmatched amounts by age, both as sums of absolute amounts (money in and money out would cancel
 * out otherwise). Each figure is a decimal.js sum of the very lines it stands for.
 */
import Decimal from 'decimal.js';
import type { Entry, MatchRule, ReconcileResult } from '../types';
import type { CountAndSum, Report } from './report';

export type AmountStatus = 'auto' | 'suggested' | 'unmatched';

export interface SidePair {
  ledger: Decimal;
  bank: Decimal;
}

/** Days before the period end, as a table: a line `age` days old falls in the first bucket with age ≤ upTo. */
export const AGE_BUCKETS: readonly { key: string; upTo: number }[] = [
  { key: 'after', upTo: -1 },
  { key: '0-7', upTo: 7 },
  { key: '8-30', upTo: 30 },
  { key: '31-60', upTo: 60 },
  { key: '61-90', upTo: 90 },
  { key: '90+', upTo: Infinity },
];

export interface RunFigures {
  /** Earliest date on either side, and the period end. */
  period: { from: string; to: string };
  statusAmounts: ({ status: AmountStatus } & SidePair)[];
  ageAmounts: ({ bucket: string; count: number } & SidePair)[];
  /** Match groups per rule, in the rules' order of certainty as they occur. */
  byRule: { rule: MatchRule; auto: number; suggested: number }[];
}

const DAY_MS = 86_400_000;

export function buildRunFigures(result: ReconcileResult, periodEnd: string): RunFigures {
  const zero = new Decimal(0);
  const endDay = Date.UTC(Number(periodEnd.slice(0, 4)), Number(periodEnd.slice(5, 7)) - 1, Number(periodEnd.slice(8, 10))) / DAY_MS;
  const status = new Map<AmountStatus, SidePair>((['auto', 'suggested', 'unmatched'] as const).map((s) => [s, { ledger: zero, bank: zero }]));
  const add = (pair: SidePair, entry: Entry) => (pair[entry.side] = pair[entry.side].plus(entry.amount.abs()));
  const byRule = new Map<MatchRule, { rule: MatchRule; auto: number; suggested: number }>();
  for (const m of result.matches) {
    const pair = status.get(m.status)!;
    for (const i of m.ledger) add(pair, result.ledger.entries[i]);
    for (const i of m.bank) add(pair, result.bank.entries[i]);
    const rule = byRule.get(m.rule) ?? { rule: m.rule, auto: 0, suggested: 0 };
    rule[m.status]++;
    byRule.set(m.rule, rule);
  }
  const ages = AGE_BUCKETS.map((b) => ({ bucket: b.key, count: 0, ledger: zero, bank: zero }));
  const open = [...result.unmatched.ledger.map((i) => result.ledger.entries[i]), ...result.unmatched.bank.map((i) => result.bank.entries[i])];
  for (const entry of open) {
    add(status.get('unmatched')!, entry);
    const age = endDay - entry.day;
    const at = AGE_BUCKETS.findIndex((b) => age <= b.upTo);
    ages[at].count++;
    add(ages[at], entry);
  }
  const dates = [...result.ledger.entries, ...result.bank.entries].map((e) => e.date);
  const from = dates.reduce((min, d) => (d < min ? d : min), periodEnd);
  return {
    period: { from, to: periodEnd },
    statusAmounts: [...status].map(([s, pair]) => ({ status: s, ...pair })),
    // "after the period end" only when there are such lines.
    ageAmounts: ages.filter((a) => a.bucket !== 'after' || a.count > 0),
    byRule: [...byRule.values()],
  };
}

/**
 * Rows people explained as having no counterpart, per side: reconciled (they count in the match
 * rate as matched lines), shown apart so nobody mistakes them for lines the bank confirmed.
 */
export function explainedFigures(report: Pick<Report, 'matches'>): { ledger: CountAndSum; bank: CountAndSum } {
  const figures = { ledger: { count: 0, sum: new Decimal(0) }, bank: { count: 0, sum: new Decimal(0) } };
  for (const m of report.matches) {
    if (m.origin !== 'explained') continue;
    figures.ledger.count += m.ledgerRows.length;
    figures.ledger.sum = figures.ledger.sum.plus(m.ledgerTotal);
    figures.bank.count += m.bankRows.length;
    figures.bank.sum = figures.bank.sum.plus(m.bankTotal);
  }
  return figures;
}
