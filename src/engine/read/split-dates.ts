/**
 * Journals kept in the paper layout: 月 | 日 | 凭证号数 | 摘要 | 借方 | 贷方 | 余额, the year written once
 * above the columns (2025年) and the month written only on the first line of each month. No column
 * holds a date, so the side could not be read at all. Here the two columns are read together: the
 * month column takes `3月5日` (the month carried down from the line that wrote it), the header above
 * it takes 日期, and the reader goes on as for any year-less date (the year from the title, as it
 * says in its decisions). A copy of the cells: the user's own cells are never changed.
 */
import type { CellValue } from '../types';
import { HEADER_SCAN_ROWS, layoutOfRow } from './header-row';
import { AMOUNT_KEYS } from './header-words';
import { cellText, normalizeLabel } from './text';

export interface SplitDates {
  cells: CellValue[][];
  /** 0-based columns of 月 and 日, and the header row's index. */
  month: number;
  day: number;
  headerIndex: number;
}

const MONTH_WORDS = new Set(['月', '月份']);
const DAY_WORDS = new Set(['日', '日期(日)']);

/** What a printed 账页 writes over its 月 | 日 columns in the header's first row: the year, or nothing. */
const YEAR_OVER_DAYS = /^(?:(?:19|20)\d\d\s*年?(?:度)?)?$/;

/**
 * Where a header row has 月 then 日 side by side and no date column, the cells with the two joined; else
 * null. The printed 三栏式 journal heads its columns in two rows: `2025年 | | 凭证 | | 摘要 | 借方 |
 * 贷方 | 借或贷 | 余额` over `月 | 日 | 字 | 号 | | 金额 | 金额`: the 月/日 row is then read as the header
 * with the words of the row above it joined in (twoRowHeader), and that row, the year's, stays a title.
 */
export function joinSplitDates(cells: readonly (readonly CellValue[] | undefined)[]): SplitDates | null {
  const limit = Math.min(cells.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = cells[i];
    if (!row) continue;
    const labels = row.map((v) => (typeof v === 'string' ? normalizeLabel(v) : ''));
    const month = labels.findIndex((l) => MONTH_WORDS.has(l));
    if (month < 0 || !DAY_WORDS.has(labels[month + 1] ?? '')) continue;
    const layout = layoutOfRow(row);
    if (layout.keys.date !== undefined) continue;
    // the two rows together when they name more columns (借方 | 贷方 over 金额 | 金额)
    const above = i > 0 ? twoRowHeader(cells[i - 1], row, month) : null;
    if (above && Object.keys(layoutOfRow(above).keys).length > Object.keys(layout.keys).length) {
      return { cells: joined(cells, i, month, month + 1, above), month, day: month + 1, headerIndex: i };
    }
    if (AMOUNT_KEYS.some((key) => layout.keys[key] !== undefined)) return { cells: joined(cells, i, month, month + 1), month, day: month + 1, headerIndex: i };
  }
  return null;
}

/** The header a 月/日 row and the row above it make together, or null when the row above is no header's first row. */
function twoRowHeader(upper: readonly CellValue[] | undefined, lower: readonly CellValue[], month: number): CellValue[] | null {
  if (!upper) return null;
  const text = (row: readonly CellValue[], c: number) => (typeof row[c] === 'string' ? cellText(row[c]) : row[c] === null || row[c] === undefined ? '' : null);
  // over 月 and 日: the year or nothing (a figure there is a data line, not a header)
  for (const c of [month, month + 1]) {
    const over = text(upper, c);
    if (over === null || !YEAR_OVER_DAYS.test(over)) return null;
  }
  const merged: CellValue[] = [];
  for (let c = 0; c < Math.max(upper.length, lower.length); c++) {
    const below = text(lower, c);
    const top = text(upper, c);
    if (top === null) return null; // numbers in the row above: data, not a header
    // a word under a merged cell reads with it (凭证 over 字 | 号, 借方 over 金额)
    merged[c] = c === month || c === month + 1 ? (lower[c] ?? '') : below && top ? top + below : below || top;
  }
  const layout = layoutOfRow(merged);
  return layout.keys.date === undefined && AMOUNT_KEYS.some((key) => layout.keys[key] !== undefined) ? merged : null;
}

function joined(cells: readonly (readonly CellValue[] | undefined)[], headerIndex: number, monthCol: number, dayCol: number, header?: readonly CellValue[]): CellValue[][] {
  const out: CellValue[][] = [];
  let month = 0;
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i] ?? [];
    if (i < headerIndex) {
      out.push(row as CellValue[]);
      continue;
    }
    const copy = i === headerIndex && header ? header.slice() : row.slice();
    if (i === headerIndex) {
      copy[monthCol] = '日期';
    } else {
      const m = wholeNumber(row[monthCol]);
      if (m >= 1 && m <= 12) month = m;
      const d = wholeNumber(row[dayCol]);
      // A month written on a line of its own (or a line with no day) gives no date: the reader says so.
      copy[monthCol] = month > 0 && d >= 1 && d <= 31 ? `${month}月${d}日` : cellText(row[monthCol]) === '' || m > 0 ? '' : row[monthCol];
    }
    out.push(copy);
  }
  return out;
}

/** A cell holding a whole number (3, '03', '３'), or 0. */
function wholeNumber(value: CellValue | undefined): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : 0;
  const text = cellText(value).replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^\d{1,2}$/.test(text) ? Number(text) : 0;
}
