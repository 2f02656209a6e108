/**
 * Risk flags: lines a reviewer should look at, each with the rule that flagged it. The rules are a
 * table (RISK_RULES), every rule states its thresholds, and the sheet prints the rule in words
 * (src/i18n/report-sheets.ts, `risk.<code>`). A flag is a pointer for review, not a verdict; flags
 * are listed beside the discrepancy sections, not inside them, so a flagged line can also be matched.
 */
import Decimal from 'decimal.js';
import { normalizeText, textWords } from '../match/normalize-name';
import { cachedNames } from './name-cache';
import type { Entry, Side } from '../types';

export type RiskCode = 'amount-outlier' | 'round-amount' | 'outside-period' | 'bank-only-counterparty' | 'non-working-day';

export interface RiskFlag {
  code: RiskCode;
  entry: Entry;
  /** Figures the rule's words quote (thresholds, the counterparty's median …), as text. */
  params: Record<string, string | number>;
}

export interface RiskContext {
  ledger: readonly Entry[];
  bank: readonly Entry[];
  /** Not in any match. */
  isOpen: (entry: Entry) => boolean;
  /** The period: the bank export's first date to the statement's period end (ISO). */
  periodStart: string;
  periodEnd: string;
}

/** Thresholds, named so the words on the sheet can quote them. */
export const RISK_THRESHOLDS = {
  /** A counterparty needs this many other lines before its "usual" amount means anything. */
  outlierMinHistory: 5,
  outlierPercentile: 0.95,
  outlierMedianMultiple: 3,
  roundAmountMin: new Decimal(100_000),
  roundAmountUnit: new Decimal(10_000),
  /** Non-working-day postings are flagged only on a side where fewer than this share fall on such days. */
  nonWorkingShareMax: 0.05,
} as const;

/** Fixed-date public holidays (month-day) flagged with weekends; moving feasts (春节) are not listed. */
const FIXED_HOLIDAYS: ReadonlySet<string> = new Set(['01-01', '05-01', '05-02', '05-03', '10-01', '10-02', '10-03', '12-25']);

interface RiskRule {
  code: RiskCode;
  find(context: RiskContext): RiskFlag[];
}

export const RISK_RULES: readonly RiskRule[] = [
  { code: 'amount-outlier', find: (c) => [...amountOutliers(c.ledger), ...amountOutliers(c.bank)] },
  { code: 'round-amount', find: (c) => [...c.ledger, ...c.bank].filter(isRoundAmount).map((entry) => flag('round-amount', entry, {
    min: RISK_THRESHOLDS.roundAmountMin.toFixed(0), unit: RISK_THRESHOLDS.roundAmountUnit.toFixed(0),
  })) },
  { code: 'outside-period', find: (c) => [...c.ledger, ...c.bank]
    .filter((e) => c.isOpen(e) && (e.date < c.periodStart || e.date > c.periodEnd))
    .map((entry) => flag('outside-period', entry, { from: c.periodStart, to: c.periodEnd })) },
  { code: 'bank-only-counterparty', find: bankOnlyCounterparties },
  { code: 'non-working-day', find: (c) => [...nonWorkingDays(c.ledger), ...nonWorkingDays(c.bank)] },
];

export function findRiskFlags(context: RiskContext): RiskFlag[] {
  const flags = RISK_RULES.flatMap((rule) => rule.find(context));
  return flags.sort((a, b) => sideOrder(a.entry.side) - sideOrder(b.entry.side) || a.entry.row - b.entry.row || a.code.localeCompare(b.code));
}

function sideOrder(side: Side): number {
  return side === 'ledger' ? 0 : 1;
}

function flag(code: RiskCode, entry: Entry, params: Record<string, string | number>): RiskFlag {
  return { code, entry, params };
}

function isRoundAmount(entry: Entry): boolean {
  const size = entry.amount.abs();
  return size.greaterThanOrEqualTo(RISK_THRESHOLDS.roundAmountMin) && size.isInteger() && size.mod(RISK_THRESHOLDS.roundAmountUnit).isZero();
}

/** Above the counterparty's 95th percentile and at least 3× its median, both over its other lines. */
function amountOutliers(entries: readonly Entry[]): RiskFlag[] {
  const byName = new Map<string, Entry[]>();
  const nameOf = cachedNames();
  for (const entry of entries) {
    const name = nameOf(entry.counterparty);
    if (!name) continue;
    const list = byName.get(name.core);
    if (list) list.push(entry);
    else byName.set(name.core, [entry]);
  }
  const flags: RiskFlag[] = [];
  const t = RISK_THRESHOLDS;
  for (const list of byName.values()) {
    if (list.length < t.outlierMinHistory + 1) continue;
    const sizes = list.map((e) => e.amount.abs()).sort((a, b) => a.comparedTo(b));
    const firstIndex = new Map<string, number>();
    sizes.forEach((s, i) => firstIndex.has(s.toFixed()) || firstIndex.set(s.toFixed(), i));
    for (const entry of list) {
      const size = entry.amount.abs();
      // The other lines are `sizes` without one copy of this size: index around it, no copy per line.
      const skip = firstIndex.get(size.toFixed())!;
      const other = (k: number) => sizes[k < skip ? k : k + 1];
      const m = sizes.length - 1;
      const p95 = other(Math.max(0, Math.ceil(t.outlierPercentile * m) - 1));
      const median = m % 2 === 1 ? other((m - 1) / 2) : other(m / 2 - 1).plus(other(m / 2)).dividedBy(2);
      if (size.greaterThan(p95) && size.greaterThanOrEqualTo(median.times(t.outlierMedianMultiple))) {
        flags.push(flag('amount-outlier', entry, { p95: p95.toFixed(2), median: median.toFixed(2), lines: m }));
      }
    }
  }
  return flags;
}

/** Open bank lines of a named counterparty the ledger never names (when the ledger names anyone). */
function bankOnlyCounterparties(context: RiskContext): RiskFlag[] {
  const known = new Set<string>();
  const nameOf = cachedNames();
  for (const entry of context.ledger) {
    const name = nameOf(entry.counterparty);
    if (!name) continue;
    known.add(name.core).add(name.regionless);
    if (name.short) known.add(`short:${name.short}`);
  }
  if (known.size === 0) return [];
  const unknown = context.bank.filter((entry) => {
    if (!context.isOpen(entry)) return false;
    const name = nameOf(entry.counterparty);
    return name !== null && name.organisation && !known.has(name.core) && !known.has(name.regionless) && !(name.short && known.has(`short:${name.short}`));
  });
  if (unknown.length === 0) return [];
  // A short name (字号 such as 德恒, a Latin first word) written in a ledger description also counts.
  const shorts = new Set(unknown.map((e) => nameOf(e.counterparty)!.short).filter((s) => s !== ''));
  const written = new Set<string>();
  for (const entry of context.ledger) {
    if (shorts.size === written.size) break;
    const text = normalizeText(entry.description);
    for (const short of shorts) if (!written.has(short) && (text.includes(short) || textWords(entry.description).includes(short))) written.add(short);
  }
  return unknown
    .filter((entry) => {
      const short = nameOf(entry.counterparty)!.short;
      return !(short && written.has(short));
    })
    .map((entry) => flag('bank-only-counterparty', entry, { name: entry.counterparty }));
}

/** Weekday of a day number (1970-01-01 was a Thursday): 0 Sunday … 6 Saturday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isNonWorkingDay(entry: Entry): boolean {
  const w = weekday(entry.day);
  return w === 0 || w === 6 || FIXED_HOLIDAYS.has(entry.date.slice(5));
}

function nonWorkingDays(entries: readonly Entry[]): RiskFlag[] {
  const flagged = entries.filter(isNonWorkingDay);
  if (flagged.length === 0 || flagged.length >= RISK_THRESHOLDS.nonWorkingShareMax * entries.length) return [];
  return flagged.map((entry) => flag('non-working-day', entry, { count: flagged.length, of: entries.length }));
}
