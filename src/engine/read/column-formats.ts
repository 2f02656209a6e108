/**
 * Decisions made once per column from its own data, before any row is read: the decimal mark,
 * whether an amount column carries signs, whether a money-out column is already negative.
 */
import type { CellValue } from '../types';
import { decideAmountStyle, DOT_DECIMAL, type AmountStyle } from './amount';
import { trimPadding } from './text';

/** Text values of one column from row `start` on (numbers are skipped: they carry no format). */
export function* columnStrings(cells: readonly (readonly CellValue[] | undefined)[], column: number, start: number): Generator<string> {
  for (let i = start; i < cells.length; i++) {
    const value = cells[i]?.[column];
    if (typeof value === 'string') {
      const text = trimPadding(value);
      if (text !== '') yield text;
    }
  }
}

/**
 * Decimal mark per amount column. A column whose values say nothing (`1,234`, `500`) follows the other
 * amount columns of the same table; with no evidence anywhere, a dot.
 */
export function decideAmountStyles(
  cells: readonly (readonly CellValue[] | undefined)[],
  columns: readonly number[],
  start: number,
): Map<number, AmountStyle> {
  const decided = new Map<number, AmountStyle | undefined>();
  for (const column of columns) decided.set(column, decideAmountStyle(columnStrings(cells, column, start)));
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
export function hasNegative(cells: readonly (readonly CellValue[] | undefined)[], column: number, start: number): boolean {
  for (let i = start; i < cells.length; i++) if (signOf(cells[i]?.[column]) < 0) return true;
  return false;
}

/** Is every non-zero value of the column negative (a money-out column written with its minus: `-50,00`)? */
export function allNegative(cells: readonly (readonly CellValue[] | undefined)[], column: number, start: number): boolean {
  let negatives = 0;
  for (let i = start; i < cells.length; i++) {
    const sign = signOf(cells[i]?.[column]);
    if (sign > 0) return false;
    if (sign < 0) negatives++;
  }
  return negatives > 0;
}
