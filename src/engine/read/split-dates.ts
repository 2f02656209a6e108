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

/** Where a header row has 月 then 日 side by side and no date column, the cells with the two joined; else null. */
export function joinSplitDates(cells: readonly (readonly CellValue[] | undefined)[]): SplitDates | null {
  const limit = Math.min(cells.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = cells[i];
    if (!row) continue;
    const labels = row.map((v) => (typeof v === 'string' ? normalizeLabel(v) : ''));
    const month = labels.findIndex((l) => MONTH_WORDS.has(l));
    if (month < 0 || !DAY_WORDS.has(labels[month + 1] ?? '')) continue;
    const layout = layoutOfRow(row);
    if (layout.keys.date !== undefined || !AMOUNT_KEYS.some((key) => layout.keys[key] !== undefined)) continue;
    return { cells: joined(cells, i, month, month + 1), month, day: month + 1, headerIndex: i };
  }
  return null;
}

function joined(cells: readonly (readonly CellValue[] | undefined)[], headerIndex: number, monthCol: number, dayCol: number): CellValue[][] {
  const out: CellValue[][] = [];
  let month = 0;
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i] ?? [];
    if (i < headerIndex) {
      out.push(row as CellValue[]);
      continue;
    }
    const copy = row.slice();
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
