/**
 * A single amount column whose rows are half empty, beside a column the header words did not name
 * that holds the amounts of exactly those rows: the split money-in / money-out layout with one half
 * unrecognised (玉山's 提款金額 read as the amount, 存款金額 left out). Read as it stands, every
 * deposit would be skipped as a row "with no amount" and the side would match on half its lines.
 * The reader refuses instead and says which columns to set; which of the two is money in cannot be
 * told from the cells alone.
 */
import type { CellValue, ColumnMapping } from '../types';
import { parseAmount } from './amount';
import { cellText, isBlankCell } from './text';

/** Data rows looked at (the plan's head: the first rows are enough to see the shape). */
const SAMPLE_ROWS = 5_000;
/** The other column must carry the amount of at least this share of the dated rows, and two rows. */
const LEAST_SHARE = 0.1;
const LEAST_ROWS = 2;

export interface UnreadHalf {
  /** The unnamed column (0-based within the cells). */
  column: number;
  /** Dated rows with no amount in the amount column and one in `column`. */
  rows: number;
  /** The first such row (index into the cells) and what `column` holds there. */
  firstIndex: number;
  found: string;
}

function holdsAmount(value: CellValue): boolean {
  if (isBlankCell(value)) return false;
  const parse = parseAmount(value);
  return parse.kind === 'ok' && !parse.value.isZero();
}

/**
 * The unnamed column holding the amounts the amount column lacks, or null. `mapped`: every column the
 * plan already reads (any role), which cannot be the other half.
 */
export function unreadAmountHalf(cells: readonly (readonly CellValue[] | undefined)[], dataStart: number, columns: ColumnMapping, mapped: ReadonlySet<number>): UnreadHalf | null {
  const amountCol = columns.amount;
  const dateCol = columns.date;
  if (amountCol === undefined || dateCol === undefined) return null;
  let dated = 0;
  const alone = new Map<number, { rows: number; firstIndex: number; found: string }>();
  const both = new Map<number, number>();
  const end = Math.min(cells.length, dataStart + SAMPLE_ROWS);
  for (let i = Math.max(0, dataStart); i < end; i++) {
    const row = cells[i];
    if (!row || isBlankCell(row[dateCol])) continue;
    dated++;
    const amountHere = holdsAmount(row[amountCol]);
    for (let c = 0; c < row.length; c++) {
      if (c === amountCol || mapped.has(c) || !holdsAmount(row[c])) continue;
      if (amountHere) both.set(c, (both.get(c) ?? 0) + 1);
      else {
        const seen = alone.get(c);
        if (seen) seen.rows++;
        else alone.set(c, { rows: 1, firstIndex: i, found: cellText(row[c]) });
      }
    }
  }
  let best: UnreadHalf | null = null;
  for (const [column, seen] of alone) {
    // The two halves of a pair are filled on different rows: a column filled beside the amount too is something else.
    const together = both.get(column) ?? 0;
    if (seen.rows < LEAST_ROWS || seen.rows < dated * LEAST_SHARE || together > seen.rows / 4) continue;
    if (!best || seen.rows > best.rows) best = { column, ...seen };
  }
  return best;
}
