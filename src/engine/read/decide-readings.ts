/**
 * The data test: with both sides read, how well does each candidate reading of one side meet the other?
 * Under each reading, count the lines that have a line of the other side of the same amount, in the same
 * direction, within the date window: a reading under which the ledger meets the bank many times better
 * wins over a header word (a cash journal with a 发票号 column is still a cash journal).
 *
 * Cheap by construction: the other side is indexed once by signed amount (sorted days per amount), and
 * each candidate is one pass over this side with a binary search per line: O(n log n), never n × m.
 */
import { isInvoiceOrBill, type Reason } from '../types';
import { columnsForReading, possibleBuckets, readingDecisions, withinDoubt, type ReadingPlan } from './plan-reading';
import { resign } from './read-rows';
import { assembleResult, readingSummary, type MeetFigures, type SideReading } from './read-side';
import { effectUnder, type MovementBucket, type Reading } from './readings';
import type { ScoredReading } from './reading-evidence';
import Decimal from 'decimal.js';
import { centsToFixed2, exactCents } from '../cents';
import { resignedBalance } from './balance-side';

/** Points per unit of ln(meets + 1): 2,031 meets against 12 is worth ≈ 10 points, more than any header word. */
export const DATA_WEIGHT = 2;

/**
 * A side's lines under a reading: per line, its key (direction and amount as written, `+1234.50`; or,
 * when every amount of both sides is exact in cents, the signed cents as a number: the same keys, no
 * text) and its day.
 */
export interface KeyedLines<K extends string | number> {
  keys: K[];
  days: number[];
  /** Per line with a fee (Gross/Fee/Net exports), the key of its other size (entry.feeAlternative); met by either. */
  feeKeys?: Map<number, K>;
}

const ONE = new Decimal(1);

/** What a bucket and the sign of the written value give under a reading: sign of the effect, and whether it is a document (an invoice or bill) */
function effectTable(reading: Reading): Map<MovementBucket, { negative: boolean; document: boolean }[]> {
  const table = new Map<MovementBucket, { negative: boolean; document: boolean }[]>();
  for (const bucket of ['in', 'out', 'debit', 'credit', 'signed', 'inflow-role', 'outflow-role'] as MovementBucket[]) {
    // [positive value, negative value]
    table.set(
      bucket,
      [ONE, ONE.negated()].map((value) => {
        const effect = effectUnder(reading, bucket, value);
        return { negative: effect.amount.isNegative(), document: isInvoiceOrBill(effect.document) };
      }),
    );
  }
  return table;
}

/** Absolute amounts as text, computed once per side (the costly part): from the cents where exact. */
function absoluteKeys(side: SideReading): string[] {
  const values = side.rows.values;
  const keys = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const cents = values.centsAt(i);
    keys[i] = cents === cents ? centsToFixed2(cents < 0 ? -cents : cents) : values.decimal(i).abs().toFixed(2);
  }
  return keys;
}

/** Every value of the side is exact in cents (then its keys can be numbers). */
function allInCents(side: SideReading): boolean {
  const values = side.rows.values;
  for (let i = 0; i < values.length; i++) if (values.centsAt(i) !== values.centsAt(i)) return false;
  return true;
}

/** How a side's lines are keyed: the line's own amount, and the other size of a line with a fee. */
interface Keying<K> {
  key(negative: boolean, i: number): K;
  feeKey(negative: boolean, size: Decimal): K;
}

/** Keys as text: direction and the absolute amount to the cent (`+1234.50`). */
function textKeys(side: SideReading): Keying<string> {
  const absolute = absoluteKeys(side);
  return {
    key: (negative, i) => `${negative ? '-' : '+'}${absolute[i]}`,
    feeKey: (negative, size) => `${negative ? '-' : '+'}${size.toFixed(2)}`,
  };
}

/** Keys as numbers: the signed cents (never zero: a zero value is not held in cents). */
function centsKeys(side: SideReading): Keying<number> {
  const values = side.rows.values;
  return {
    key: (negative, i) => {
      const cents = values.centsAt(i);
      const absolute = cents < 0 ? -cents : cents;
      return negative ? -absolute : absolute;
    },
    // a fee's other size is exact in cents when the amount and the fee are (allInCents)
    feeKey: (negative, size) => {
      const cents = exactCents(size);
      return negative ? -cents : cents;
    },
  };
}

/**
 * The lines a side offers for matching under a reading: its cash lines when it also holds invoices or
 * bills (those are settled within the ledger), all of them otherwise.
 */
function linesUnder<K extends string | number>(side: SideReading, reading: Reading, keying: Keying<K>): KeyedLines<K> {
  const table = effectTable(reading);
  const { buckets, values } = side.rows;
  const entries = side.result.entries;
  const cash: KeyedLines<K> = { keys: [], days: [] };
  const documents: KeyedLines<K> = { keys: [], days: [] };
  for (let i = 0; i < entries.length; i++) {
    const effect = table.get(buckets[i])![values.isNegative(i) ? 1 : 0];
    const lines = effect.document ? documents : cash;
    const other = entries[i].feeAlternative;
    if (other) (lines.feeKeys ??= new Map()).set(lines.keys.length, keying.feeKey(effect.negative, other));
    lines.keys.push(keying.key(effect.negative, i));
    lines.days.push(entries[i].day);
  }
  return cash.keys.length > 0 ? cash : documents;
}

/** Sorted days per signed amount. */
export function indexByAmount<K extends string | number>(lines: KeyedLines<K>): Map<K, Int32Array> {
  const lists = new Map<K, number[]>();
  const add = (key: K, day: number) => {
    const list = lists.get(key);
    if (list) list.push(day);
    else lists.set(key, [day]);
  };
  for (let i = 0; i < lines.keys.length; i++) add(lines.keys[i], lines.days[i]);
  if (lines.feeKeys) for (const [i, key] of lines.feeKeys) add(key, lines.days[i]);
  const index = new Map<K, Int32Array>();
  for (const [key, days] of lists) index.set(key, Int32Array.from(days).sort());
  return index;
}

/** Is there a day within [from, to] in the sorted list? */
export function anyWithin(days: Int32Array, from: number, to: number): boolean {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo] <= to;
}

/** How many of `lines` meet a line of `other` (its indexByAmount) within the window, at either of their sizes. */
export function meetCount<K extends string | number>(lines: KeyedLines<K>, other: Map<K, Int32Array>, windowDays: number): number {
  let meets = 0;
  const meet = (key: K | undefined, day: number) => {
    const days = key === undefined ? undefined : other.get(key);
    return days !== undefined && anyWithin(days, day - windowDays, day + windowDays);
  };
  for (let i = 0; i < lines.keys.length; i++) {
    const day = lines.days[i];
    if (meet(lines.keys[i], day) || meet(lines.feeKeys?.get(i), day)) meets++;
  }
  return meets;
}

/** Decision lines about the reading itself (replaced when the data test has spoken). */
function isReadingLine(reason: Reason): boolean {
  return /^(kind-|evidence-|meaning-)/.test(reason.code) || reason.code === 'opposite-signs' || reason.code === 'signed-flipped' || reason.code === 'signed-reversed-book' || reason.code === 'signs-reversed-chosen';
}

/** One candidate per way of reading the rows (the best-scored of each signature), contradicted ones left out. */
function distinctCandidates(plan: ReadingPlan): ScoredReading[] {
  const seen = new Set<string>();
  const out: ScoredReading[] = [];
  for (const candidate of plan.candidates) {
    if (candidate.contradicted || seen.has(candidate.signature)) continue;
    seen.add(candidate.signature);
    out.push(candidate);
  }
  return out;
}

/** The candidates the data test weighs on a side: only the given reading when the caller fixed it. */
function testedCandidates(side: SideReading): ScoredReading[] {
  const plan = side.plan;
  if (plan.readingGiven || plan.refusal) return plan.candidates.filter((c) => c.reading.key === plan.reading.key).slice(0, 1);
  return distinctCandidates(plan);
}

interface PairScore {
  ledger: ScoredReading;
  bank: ScoredReading;
  meets: number;
  total: number;
}

/** Applies the data test's verdict to one side: its reading, entries, columns, decisions and summary. */
function applyVerdict(side: SideReading, chosen: ScoredReading, rescored: ScoredReading[], doubtful: boolean, figures: MeetFigures, windowDays: number): void {
  const plan = side.plan;
  const changed = chosen.reading.key !== plan.reading.key;
  const tested = new Set(rescored.map((c) => c.reading.key));
  const untested = plan.candidates.filter((c) => !tested.has(c.reading.key));
  const ranked = [chosen, ...rescored.filter((c) => c !== chosen).sort((a, b) => b.score - a.score), ...untested];
  const newPlan: ReadingPlan = { ...plan, reading: chosen.reading, candidates: ranked, doubtful };
  newPlan.columns = columnsForReading(plan, chosen.reading);
  if (changed) {
    const balanceSides = side.rows.balanceSides && { sides: side.rows.balanceSides, from: plan.reading.kind };
    resign(side.rows.entries, side.rows.buckets, side.rows.values, chosen.reading, side.rows.creditNotes, balanceSides);
    const headers: ReadingPlan['columnHeaders'] = {};
    for (const [role, column] of Object.entries(newPlan.columns)) {
      const text = plan.layout?.texts[column as number] ?? '';
      if (text !== '') headers[role as keyof typeof headers] = text;
    }
    newPlan.columnHeaders = headers;
  }
  const best = figures.get(chosen.reading.key);
  const dataLines: Reason[] = [];
  if (best) {
    dataLines.push({ code: plan.side === 'ledger' ? 'evidence-data' : 'evidence-data-bank', params: { kind: chosen.reading.key, meets: best.meets, lines: best.lines, days: windowDays } });
    for (const candidate of distinctCandidates(newPlan)) {
      if (candidate.signature === chosen.signature) continue;
      dataLines.push({ code: 'evidence-data-other', params: { kind: candidate.reading.key, meets: figures.get(candidate.reading.key)?.meets ?? 0 } });
    }
  }
  // the reading's own lines are replaced: the decision, then the data, then the rest of its evidence
  const rest = plan.decisions.filter((d) => !isReadingLine(d));
  const own = readingDecisions(newPlan, plan);
  newPlan.decisions = [own[0], ...dataLines, ...own.slice(1), ...rest];
  side.plan = newPlan;
  const balances = (side.result.balances ?? []).map((line) =>
    changed && line.balanceSide !== undefined ? { ...line, amount: resignedBalance(line.amount, line.balanceSide, plan.reading.kind, chosen.reading.kind) } : line,
  );
  side.result = assembleResult(newPlan, side.rows, readingSummary(newPlan, new Map(newPlan.candidates.map((c) => [c.reading.key, c.signature])), figures), balances);
}

/**
 * The data test on both sides at once: every pair (ledger reading × bank reading) is scored as the two
 * sides' own evidence plus DATA_WEIGHT × ln(1 + ledger lines meeting a bank line). The best pair wins;
 * a side is doubtful when a pair reading that side differently comes within DOUBT_MARGIN.
 * (A counterparty's payables ledger on the bank side meets our receivables ledger only when both are
 * read right: pairs, not one side at a time.)
 */
export function decideReadings(ledger: SideReading, bank: SideReading, windowDays: number): void {
  if (ledger.result.entries.length === 0 || bank.result.entries.length === 0) return;
  const ledgerCandidates = testedCandidates(ledger);
  const bankCandidates = testedCandidates(bank);
  if (ledgerCandidates.length === 0 || bankCandidates.length === 0) return;
  if (ledgerCandidates.length * bankCandidates.length === 1) return;

  // keys as numbers when every amount is exact in cents (the usual case), else as text
  const numeric = allInCents(ledger) && allInCents(bank);
  const ledgerKey: Keying<string | number> = numeric ? centsKeys(ledger) : textKeys(ledger);
  const bankKey: Keying<string | number> = numeric ? centsKeys(bank) : textKeys(bank);
  const ledgerLines = new Map(ledgerCandidates.map((c) => [c.reading.key, linesUnder(ledger, c.reading, ledgerKey)]));
  const bankLines = new Map(bankCandidates.map((c) => [c.reading.key, linesUnder(bank, c.reading, bankKey)]));
  const bankIndexes = new Map([...bankLines].map(([key, lines]) => [key, indexByAmount(lines)]));

  const pairs: PairScore[] = [];
  for (const l of ledgerCandidates) {
    for (const b of bankCandidates) {
      const meets = meetCount(ledgerLines.get(l.reading.key)!, bankIndexes.get(b.reading.key)!, windowDays);
      pairs.push({ ledger: l, bank: b, meets, total: l.score + b.score + DATA_WEIGHT * Math.log(meets + 1) });
    }
  }
  pairs.sort((x, y) => y.total - x.total);
  const best = pairs[0];
  // A side read against its own evidence (the bank's signs reversed though its export says otherwise)
  // must be carried by the data. When another pair meets more lines, the winner rests on words the rows
  // do not bear out (a cash book's 'Sales invoice' receipts read as a receivables ledger, mirrored by the
  // bank's reversed signs: 5 lines met, against 7 read right): asked, never taken silently.
  const againstOwn = best.ledger.score < Math.max(...ledgerCandidates.map((c) => c.score)) || best.bank.score < Math.max(...bankCandidates.map((c) => c.score));
  const outmet = againstOwn ? pairs.filter((p) => p.meets > best.meets) : [];
  const ledgerDoubtful =
    ledgerCandidates.length > 1 &&
    pairs.some((p) => p.ledger.signature !== best.ledger.signature && (withinDoubt(best.total, p.total) || outmet.includes(p)));
  const bankDoubtful =
    bankCandidates.length > 1 && pairs.some((p) => p.bank.signature !== best.bank.signature && (withinDoubt(best.total, p.total) || outmet.includes(p)));

  // figures per side: each of its readings with the other side's reading that suits it best (the
  // winning pair for the winner), so a choice offered in doubt shows what it would really give
  const ledgerFigures: MeetFigures = new Map();
  const ledgerRescored = ledgerCandidates.map((l) => {
    const pair = pairs.find((p) => p.ledger === l)!; // pairs are sorted: the first is its best
    ledgerFigures.set(l.reading.key, { meets: pair.meets, lines: ledgerLines.get(l.reading.key)!.keys.length });
    return { ...l, score: l.score + DATA_WEIGHT * Math.log(pair.meets + 1) };
  });
  const ledgerIndexes = new Map<string, Map<string | number, Int32Array>>();
  const bankFigures: MeetFigures = new Map();
  const bankRescored = bankCandidates.map((b) => {
    const partner = pairs.find((p) => p.bank === b)!.ledger.reading.key;
    let ledgerIndex = ledgerIndexes.get(partner);
    if (!ledgerIndex) {
      ledgerIndex = indexByAmount(ledgerLines.get(partner)!);
      ledgerIndexes.set(partner, ledgerIndex);
    }
    const lines = bankLines.get(b.reading.key)!;
    const meets = meetCount(lines, ledgerIndex, windowDays);
    bankFigures.set(b.reading.key, { meets, lines: lines.keys.length });
    return { ...b, score: b.score + DATA_WEIGHT * Math.log(meets + 1) };
  });
  if (ledgerCandidates.length > 1) applyVerdict(ledger, ledgerRescored.find((c) => c.reading.key === best.ledger.reading.key)!, ledgerRescored, ledgerDoubtful, ledgerFigures, windowDays);
  if (bankCandidates.length > 1) applyVerdict(bank, bankRescored.find((c) => c.reading.key === best.bank.reading.key)!, bankRescored, bankDoubtful, bankFigures, windowDays);
}
