/**
 * Decisions made once per column from its own data, before any row is read: the decimal mark, the
 * order of day and month, whether an amount column carries signs, whether a money-out column is
 * already negative. They rest on every row of the column; for a table streamed from a file the plan
 * sees only its first rows, so `watchEvidence` checks the rows read after it (read-side.ts).
 */
import type { CellValue } from '../types';
import { amountMarkOf, decideAmountStyle, DOT_DECIMAL, type AmountStyle } from './amount';
import { decideDateOrder, hasAmbiguousDates, isAmbiguousDate, orderEvidenceOf, type OrderEvidence } from './date';
import { trimPadding } from './text';

type Rows = readonly (readonly CellValue[] | undefined)[];

/** A cell as the column decisions see it: text, trimmed; numbers and empty cells say nothing about formats. */
function formatText(value: CellValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = trimPadding(value);
  return text === '' ? undefined : text;
}

/** Text values of one column from row `start` on (numbers are skipped: they carry no format). */
export function* columnStrings(cells: Rows, column: number, start: number): Generator<string> {
  for (let i = start; i < cells.length; i++) {
    const text = formatText(cells[i]?.[column]);
    if (text !== undefined) yield text;
  }
}

/**
 * Decimal mark per amount column. A column whose values say nothing (`1,234`, `500`) follows the other
 * amount columns of the same table; with no evidence anywhere, a dot.
 */
export function decideAmountStyles(decided: ReadonlyMap<number, AmountStyle | undefined>): Map<number, AmountStyle> {
  const columns = [...decided.keys()];
  const known = [...decided.values()].filter((s): s is AmountStyle => s !== undefined);
  const commaVotes = known.filter((s) => s.decimalComma).length;
  const fallback = known.length > 0 && commaVotes > known.length / 2 ? known.find((s) => s.decimalComma)! : DOT_DECIMAL;
  const styles = new Map<number, AmountStyle>();
  for (const column of columns) styles.set(column, decided.get(column) ?? fallback);
  return styles;
}

/** -1 for a value written negative (`-5`, `$-5`, `(5)`, `5-`), 1 for positive, 0 for zero or no amount. */
function signOf(value: CellValue): -1 | 0 | 1 {
  if (typeof value === 'number') return value < 0 ? -1 : value > 0 ? 1 : 0;
  if (typeof value !== 'string') return 0;
  let seenDigit = false;
  let nonZero = false;
  let minusFirst = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1;
    if (digit >= 0) {
      seenDigit = true;
      if (digit > 0) nonZero = true;
    } else if (!seenDigit && (c === 45 || c === 0x2212 || c === 0xff0d || c === 40 || c === 0xff08)) {
      minusFirst = true;
    }
  }
  if (!nonZero) return 0;
  return minusFirst || trimPadding(value).endsWith('-') ? -1 : 1;
}

/** Does the column hold any negative amount? Then it is signed, and a direction column only describes it. */
function hasNegative(cells: Rows, column: number, start: number): boolean {
  for (let i = start; i < cells.length; i++) if (signOf(cells[i]?.[column]) < 0) return true;
  return false;
}

/** The signs a column holds: any positive value (the scan stops there) and any negative one before it. */
function signsOf(cells: Rows, column: number, start: number): { positive: boolean; negative: boolean } {
  let negative = false;
  for (let i = start; i < cells.length; i++) {
    const sign = signOf(cells[i]?.[column]);
    if (sign > 0) return { positive: true, negative };
    if (sign < 0) negative = true;
  }
  return { positive: false, negative };
}

/** Is every non-zero value of a money-out column negative (written with its minus: `-50,00`)? */
export function allNegative(signs: { positive: boolean; negative: boolean }): boolean {
  return !signs.positive && signs.negative;
}

/** The columns a plan decides formats for, once its columns are known. */
export interface EvidenceWanted {
  /** Money columns: each one's decimal mark. */
  money: readonly number[];
  /** Date columns in order of precedence: day/month order (none, an empty list, when the caller gave the order). */
  dates: readonly number[];
  /** The amount column: does it hold a negative value? */
  amount?: number;
  /** The money-out column: is it written negative? */
  outflow?: number;
}

/** What the whole-column decisions rest on, as the rows at hand show it. */
export interface ColumnEvidence {
  /** Each money column's own decimal mark, before the table-wide fallback (decideAmountStyles). */
  marks: Map<number, AmountStyle | undefined>;
  /** Per date column (as in `dates`): the first value that decides day/month order, and the first ambiguous one. */
  dates: { column: number; order: OrderEvidence | undefined; ambiguous: string | undefined }[];
  amount?: { column: number; negative: boolean };
  outflow?: { column: number; positive: boolean; negative: boolean };
}

export function gatherEvidence(cells: Rows, start: number, wanted: EvidenceWanted): ColumnEvidence {
  const marks = new Map<number, AmountStyle | undefined>();
  for (const column of wanted.money) marks.set(column, decideAmountStyle(columnStrings(cells, column, start)));
  const dates = wanted.dates.map((column) => ({
    column,
    order: decideDateOrder(columnStrings(cells, column, start)),
    ambiguous: hasAmbiguousDates(columnStrings(cells, column, start)),
  }));
  const evidence: ColumnEvidence = { marks, dates };
  if (wanted.amount !== undefined) evidence.amount = { column: wanted.amount, negative: hasNegative(cells, wanted.amount, start) };
  if (wanted.outflow !== undefined) evidence.outflow = { column: wanted.outflow, ...signsOf(cells, wanted.outflow, start) };
  return evidence;
}

/** Reads rows that come after the evidence's rows and tells whether any would have changed a decision. */
export interface EvidenceWatch {
  add(row: readonly CellValue[]): void;
  changed(): boolean;
}

/**
 * Watches the rest of a streamed table for a value that would have changed one of the decisions
 * the first rows made: a decimal mark where the column showed none (or a dot after commas), day/month
 * evidence in a date column that had none, a negative amount in a column with none, or signs that
 * turn a money-out column's "all negative" around. Null when nothing further can change any of them.
 * Usually only the date column stays open (ISO dates never decide the order), and a one-character test
 * rejects its values.
 */
export function watchEvidence(evidence: ColumnEvidence): EvidenceWatch | null {
  const checks: ((row: readonly CellValue[]) => boolean)[] = [];
  for (const [column, mark] of evidence.marks) {
    if (mark === DOT_DECIMAL) continue;
    const changes = mark === undefined ? (m: string | undefined) => m !== undefined : (m: string | undefined) => m === 'dot';
    checks.push((row) => {
      const text = formatText(row[column]);
      return text !== undefined && changes(amountMarkOf(text));
    });
  }
  // the first date column with evidence decides; evidence in a column before it would have come first
  const orderFrom = evidence.dates.findIndex((d) => d.order !== undefined);
  const ambiguousFrom = evidence.dates.findIndex((d) => d.ambiguous !== undefined);
  evidence.dates.forEach(({ column }, i) => {
    const order = orderFrom < 0 || i < orderFrom;
    const ambiguous = ambiguousFrom < 0 || i < ambiguousFrom;
    if (!order && !ambiguous) return;
    checks.push((row) => {
      const text = formatText(row[column]);
      return text !== undefined && ((order && orderEvidenceOf(text) !== undefined) || (ambiguous && isAmbiguousDate(text)));
    });
  });
  if (evidence.amount && !evidence.amount.negative) {
    const column = evidence.amount.column;
    checks.push((row) => signOf(row[column]) < 0);
  }
  // a money-out column: a positive value settles "not all negative"; until then the rest's signs count
  const outflow = evidence.outflow && !evidence.outflow.positive ? { ...evidence.outflow } : undefined;
  if (checks.length === 0 && !outflow) return null;
  let changed = false;
  return {
    add(row) {
      if (changed) return;
      for (const check of checks) {
        if (check(row)) {
          changed = true;
          return;
        }
      }
      if (outflow && !outflow.positive) {
        const sign = signOf(row[outflow.column]);
        if (sign > 0) outflow.positive = true;
        else if (sign < 0) outflow.negative = true;
      }
    },
    changed: () => changed || (outflow !== undefined && allNegative(outflow) !== allNegative(evidence.outflow!)),
  };
}
