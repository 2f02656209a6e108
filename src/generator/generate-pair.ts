/**
 * generatePair: a realistic ledger and bank export with the known answer (which rows belong together,
 * which exist on one side only, which lines are titles and totals).
 *
 * Three passes, each O(n):
 *   1. plan   scenario instances (kind, base day, size) until both sides reach the requested rows;
 *   2. fill   instances in day order: amounts, names, references, lines of each side;
 *   3. write  lines sorted by day (counting sort) into cells, with titles, header, totals and balances.
 *
 * The truth must be the one best explanation of the data, or a quality score would punish a right
 * answer. So while filling, a registry of recently used amounts (a sliding window of W days) rejects an
 * amount that would make two explanations equally good: the same customer paying the same amount twice
 * in a window, or a one-sided line / a person-named bank line (no name to tell it apart) sharing its amount
 * with any line on the other side in the window.
 */
import type { CellsSource } from '../engine/types';
import { civilFromDay, dayFromCivil, daysInMonth, parseIsoDay } from './days';
import { BANK_STYLES_FOR, type BankStyle, type Layout } from './layouts';
import { orderByDay } from './lines';
import { PairBuilder, clamp } from './pair-builder';
import { DEFAULT_MIX, NOT_IN_LAYOUT, SCENARIO_KINDS, type ScenarioKind, type ScenarioMix } from './scenarios';
import type { Truth } from './truth';
import { writePair } from './write-pair';

export { withTypo } from './pair-builder';

export interface PairSpec {
  seed: number;
  /** Data rows per side, roughly: planning stops when the two sides average this many. */
  rows: number;
  layout: Layout;
  /** Weights merged over DEFAULT_MIX; 0 turns a kind off. */
  scenarios?: ScenarioMix;
  /** First day of the period, ISO (default 2025-03-01). */
  startDate?: string;
  /** Length of the period in days (default: the rest of the start month for ≤ 2,500 rows; for more, 80 rows a day up to a year). */
  days?: number;
  /** Bank export style (default: picked from the layout's styles by seed modulo their count). */
  bankStyle?: BankStyle;
  /**
   * Wider than the three fixed layouts (src/generator/layout-table.ts): ledger and bank headers, column
   * order, extra columns and money forms drawn from the table; instalments up to 30 days apart; N:1 of
   * 2–5 lines; references written as banks write them. The layout still names language and book.
   */
  wide?: boolean;
}

export interface GeneratedPair {
  ledger: CellsSource;
  bank: CellsSource;
  truth: Truth;
}

/**
 * Which rows each planned instance adds, [ledger, bank], for the stop rule. On a receivables ledger each
 * receipt line also brings its invoice, when that was raised inside the period (`invoiceInPeriod`).
 */
function plannedRows(kind: ScenarioKind, size: number, receivables: boolean, invoiceInPeriod: boolean): [number, number] {
  const invoice = receivables && invoiceInPeriod ? 1 : 0;
  switch (kind) {
    case 'many-to-one':
      return [size * (1 + invoice), 1];
    case 'one-to-many':
      return [1 + invoice, size];
    case 'same-amount':
      return [2 * (1 + invoice), 2];
    case 'supplier-payment':
      return [receivables ? 0 : 1, 1];
    case 'outstanding-cheque':
    case 'ledger-only':
      return [1, 0];
    case 'deposit-in-transit':
      return [1 + invoice, 0];
    case 'open-invoice':
      return [1, 0];
    case 'bank-interest':
    case 'bank-charge':
    case 'unrecorded-receipt':
      return [0, 1];
    default:
      return [1 + invoice, 1];
  }
}

function resolveMix(spec: PairSpec): Array<[ScenarioKind, number]> {
  const excluded = new Set(NOT_IN_LAYOUT[spec.layout]);
  return SCENARIO_KINDS.filter((kind) => !excluded.has(kind))
    .map((kind): [ScenarioKind, number] => [kind, spec.scenarios?.[kind] ?? DEFAULT_MIX[kind]])
    .filter(([, weight]) => weight > 0);
}

function periodDays(spec: PairSpec, start: number): number {
  if (spec.days !== undefined) return Math.max(1, Math.floor(spec.days));
  const c = civilFromDay(start);
  const month = daysInMonth(c.year, c.month) - c.day + 1;
  if (spec.rows <= 2500) return month;
  const year = dayFromCivil(c.year + 1, c.month, Math.min(c.day, daysInMonth(c.year + 1, c.month))) - start;
  return clamp(Math.ceil(spec.rows / 80), month, year);
}

export function generatePair(spec: PairSpec): GeneratedPair {
  if (!(spec.rows > 0)) throw new Error(`rows must be a positive number, found ${spec.rows}`);
  const start = parseIsoDay(spec.startDate ?? '2025-03-01');
  const days = periodDays(spec, start);
  const styles = BANK_STYLES_FOR[spec.layout];
  const bankStyle = spec.bankStyle ?? styles[Math.abs(Math.floor(spec.seed)) % styles.length];
  const builder = new PairBuilder(spec, bankStyle, start, days);
  const rng = builder.rng;

  // 1. Plan: one of each kind first (so even a small pair shows everything), then draws by weight.
  const mix = resolveMix(spec);
  const weights = mix.map(([, w]) => w);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const planKinds: number[] = [];
  const planDays: number[] = [];
  const planSizes: number[] = [];
  const planInvoiceLags: number[] = [];
  let ledgerRows = 0;
  let bankRows = 0;
  const plan = (mixIndex: number): void => {
    const kind = mix[mixIndex][0];
    const size = kind === 'many-to-one' ? rng.int(2, spec.wide ? 5 : 4) : kind === 'one-to-many' ? rng.int(2, 3) : 1;
    const day = builder.baseDay(kind);
    const invoiceLag = builder.receivables ? rng.int(3, 45) : 0;
    const [l, b] = plannedRows(kind, size, builder.receivables, day - invoiceLag >= start);
    ledgerRows += l;
    bankRows += b;
    planKinds.push(mixIndex);
    planDays.push(day);
    planSizes.push(size);
    planInvoiceLags.push(invoiceLag);
  };
  for (const index of rng.shuffle(mix.map((_, i) => i))) plan(index);
  while ((ledgerRows + bankRows) / 2 < spec.rows) plan(rng.weighted(weights, totalWeight));

  // 2. Fill in day order, so the amount registry only looks back over a sliding window.
  const planOrder = orderByDay(planDays, planDays.length, start, days);
  for (let i = 0; i < planOrder.length; i++) {
    const at = planOrder[i];
    builder.fill(mix[planKinds[at]][0], planDays[at], planSizes[at], planInvoiceLags[at]);
  }

  // 3. Write.
  return writePair(builder, spec.layout, start, days);
}
