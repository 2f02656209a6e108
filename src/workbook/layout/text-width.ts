/**
 * How wide a value shows in a cell, in Excel's column-width units (characters of the default font),
 * and the widths that show a copied sheet's values whole. A sheet made from a CSV has no widths of its
 * own: at Excel's default (8.43) a date is cut to `2025-03-0`, a name to its first word and an amount
 * shows as `####`, in the workbook a teammate opens without the add-in.
 */
import type { CellValue } from '../../engine/types';

/** Width of a text: CJK and full-width characters take two units, others one. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

/** Excel's default column width is 8.43: a column whose text fits in 9 keeps it. */
const KEPT_DEFAULT = 9;
/** A long memo is not worth a column wider than this: it shows its start and the rest on hover. */
const WIDEST = 50;
/** Room either side of the text. */
const PADDING = 2;
/** Rows looked at: all of a sheet up to this, else this many spread evenly over it (1M rows cost no time). */
const SAMPLED_ROWS = 20_000;

/** The width a value shows at: a number as its format or General shows it (at most 11 characters), text as written. */
function valueWidth(value: CellValue, numFmt?: string): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number') {
    if (numFmt !== undefined && /[ymd]/i.test(numFmt.replace(/"[^"]*"/g, ''))) return 10; // a date: 2025/03/10
    if (numFmt !== undefined && numFmt.includes('0')) {
      // 1,234,567.89: the whole digits, a separator per three, the decimals the format asks for
      const whole = String(Math.trunc(Math.abs(value))).length;
      const decimals = /\.(0+)/.exec(numFmt)?.[1].length ?? 0;
      return whole + (numFmt.includes(',') ? Math.floor((whole - 1) / 3) : 0) + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0);
    }
    return Math.min(11, String(value).length);
  }
  if (typeof value === 'boolean') return 5;
  return textWidth(value);
}

/**
 * A width per column (undefined: keep the default) that shows the values whole, up to WIDEST, numbers
 * as their column's number format shows them (`formats`: an .xlsx source's dates and amounts). Lines
 * with a single filled cell (a bank's title lines, a footer note) are left out: they spill over the
 * empty cells beside them, and would widen column A for nothing.
 */
export function fittedColumnWidths(values: readonly (readonly CellValue[])[], formats: readonly (string | undefined)[] = []): (number | undefined)[] {
  const widest: number[] = [];
  const step = Math.max(1, Math.ceil(values.length / SAMPLED_ROWS));
  for (let r = 0; r < values.length; r += step) {
    const line = values[r];
    if (!line) continue;
    let filled = 0;
    for (let c = 0; c < line.length && filled < 2; c++) if (valueWidth(line[c], formats[c]) > 0) filled++;
    if (filled < 2) continue;
    for (let c = 0; c < line.length; c++) {
      const width = valueWidth(line[c], formats[c]);
      if (width > (widest[c] ?? 0)) widest[c] = width;
    }
  }
  const widths: (number | undefined)[] = [];
  for (let c = 0; c < widest.length; c++) {
    const width = Math.min(WIDEST, (widest[c] ?? 0) + PADDING);
    widths.push(width > KEPT_DEFAULT ? width : undefined);
  }
  return widths;
}
