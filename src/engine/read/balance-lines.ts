/**
 * Balance lines: 期初余额 / Opening balance, 期末余额 / Closing balance, and total lines (本月合计)
 * that carry the running balance. The reader skips them as summary lines (they are not movements);
 * this pass reads their amounts so the reconciliation statement can use them, without changing
 * what the reader decides about any row.
 */
import type Decimal from 'decimal.js';
import type { BalanceLine, CellValue, ColumnMapping, Side, SideKind, SkippedLine } from '../types';
import { parseAmount, type AmountStyle } from './amount';
import { balanceSideOf, sidedBalance, type BalanceSide } from './balance-side';
import { parseDate, type DateRules } from './date';
import { cellText, normalizeLabel } from './text';

/**
 * A hand-kept cash book's abbreviations: Balance b/f (brought forward) and b/d (brought down) open a
 * period, c/f and c/d close it. Total lines too (summary-lines.ts), so both lists take these.
 */
export const ABBREVIATED_BALANCE_WORDS = {
  opening: ['balanceb/f', 'balb/f', 'balanceb/fwd', 'balanceb/d', 'balb/d', 'bal.b/f', 'bal.broughtforward', 'b/f', 'b/fwd'],
  closing: ['balancec/f', 'balc/f', 'balancec/fwd', 'balancec/d', 'balc/d', 'bal.c/f', 'bal.carriedforward', 'c/f', 'c/fwd'],
} as const;

/** Which label says which balance, compared after normalizeLabel (half-width, lower case, no spaces). */
const BALANCE_WORDS: readonly { word: string; kind: 'opening' | 'closing' }[] = [
  ...['期初余额', '期初餘額', '年初余额', '年初餘額', '上期结转', '上期結轉', '上年结转', '上年結轉', '上月结转', '上月結轉',
    '上月结余', '上月結餘', '上期结余', '上期結餘', '期初结余', '期初結餘', '承前余额', '承前餘額', '期初',
    'openingbalance', 'balanceforward', 'balancebroughtforward', 'broughtforward', 'beginningbalance', 'startingbalance',
    'previousbalance', 'balanceatstartofperiod', ...ABBREVIATED_BALANCE_WORDS.opening].map((word) => ({ word, kind: 'opening' as const })),
  ...['期末余额', '期末餘額', '月末余额', '月末餘額', '结转下期', '結轉下期', '期末结余', '本月结余', '本月結餘', 'closingbalance', 'endingbalance', 'newbalance',
    'balanceatendofperiod', 'balancecarriedforward', ...ABBREVIATED_BALANCE_WORDS.closing].map((word) => ({ word, kind: 'closing' as const })),
];

const NORMALIZED_WORDS = BALANCE_WORDS.map((w) => ({ ...w, word: normalizeLabel(w.word) }));

export interface BalanceLineContext {
  side: Side;
  /** A row of the table by index (rows of total lines at least). */
  rowAt(index: number): readonly CellValue[] | undefined;
  /** 1-based source row of index 0. */
  firstRow: number;
  columns: ColumnMapping;
  skipped: readonly SkippedLine[];
  dateRules: DateRules;
  /** How the balance column (or, without one, the amount columns) writes numbers. */
  styleOf: (column: number) => AmountStyle;
  /** A 方向 column giving the balance's side (借/贷/平), and the kind the side is read as. */
  balanceSide?: { column: number; kind: SideKind };
}

/** The balance a label states (期初余额 → opening, 期末余额 → closing), or null. One word list for every reader of balance lines. */
export function balanceLabelKind(text: string): 'opening' | 'closing' | null {
  const normal = normalizeLabel(text);
  if (normal === '') return null;
  return NORMALIZED_WORDS.find((w) => normal.startsWith(w.word))?.kind ?? null;
}

/** The kind of balance a row's label states, or null (a 合计 line is 'total': only its balance cell counts). */
function labelKind(row: readonly CellValue[]): { kind: BalanceLine['kind']; label: string } | null {
  for (const value of row) {
    if (typeof value !== 'string') continue;
    const kind = balanceLabelKind(value);
    if (kind) return { kind, label: cellText(value) };
  }
  return null;
}

export function readBalanceLines(context: BalanceLineContext): BalanceLine[] {
  const { firstRow, columns, side } = context;
  const lines: BalanceLine[] = [];
  const moneyColumns = [columns.amount, columns.inflow, columns.outflow].filter((c): c is number => c !== undefined);
  for (const skipped of context.skipped) {
    if (skipped.kind === 'title') {
      const line = titleBalanceLine(context, skipped.row);
      if (line) lines.push(line);
      continue;
    }
    if (skipped.kind !== 'total') continue;
    const row = context.rowAt(skipped.row - firstRow);
    if (!row) continue;
    const labelled = labelKind(row);
    const kind = labelled?.kind ?? 'total';
    const label = labelled?.label ?? firstText(row);
    let amount: Decimal | null = null;
    let written: BalanceSide | undefined;
    if (columns.balance !== undefined) {
      const parse = parseAmount(row[columns.balance], context.styleOf(columns.balance));
      if (parse.kind === 'ok') amount = parse.value;
      const sideColumn = context.balanceSide;
      // a balance written with a minus is signed already (read-rows.ts)
      written = sideColumn && amount !== null && !amount.isNegative() ? balanceSideOf(cellText(row[sideColumn.column])) : undefined;
      if (amount !== null && written !== undefined) amount = sidedBalance(amount, written, sideColumn!.kind);
    }
    // A named balance with no balance column: the one amount on the line (two would be a total of movements).
    if (amount === null && kind !== 'total') {
      const found = moneyColumns
        .map((c) => parseAmount(row[c], context.styleOf(c)))
        .filter((p): p is Extract<ReturnType<typeof parseAmount>, { kind: 'ok' }> => p.kind === 'ok');
      if (found.length === 1) amount = found[0].value;
    }
    if (amount === null) continue;
    const date = columns.date !== undefined ? parseDate(row[columns.date], context.dateRules) : { kind: 'empty' as const };
    lines.push({ side, row: skipped.row, kind, date: date.kind === 'ok' ? date.iso : '', amount, label, ...(written !== undefined && { balanceSide: written }) });
  }
  return lines;
}

/** A date written in a label: `as of 03/31/2025`, `截至2025年3月31日`, `2025-03-31`. */
const DATE_IN_TEXT = /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{8})/;

/**
 * A balance stated in the block above the table (Bank of America's `Ending balance as of 03/31/2025`
 * with its amount two cells on; `期末余额：12,345.67` in one cell): its label is a balance word and the
 * row holds exactly one amount. Dated by a date in the label, if any.
 */
function titleBalanceLine(context: BalanceLineContext, sourceRow: number): BalanceLine | null {
  const row = context.rowAt(sourceRow - context.firstRow);
  if (!row) return null;
  let label = '';
  let labelAt = -1;
  let kind: 'opening' | 'closing' | null = null;
  for (let c = 0; c < row.length && kind === null; c++) {
    const value = row[c];
    kind = typeof value === 'string' ? balanceLabelKind(value) : null;
    if (kind !== null) {
      label = cellText(value);
      labelAt = c;
    }
  }
  if (kind === null) return null;
  // written as the table writes its money (a French export's `+31070,11` above a decimal-comma table)
  const { columns } = context;
  const style = context.styleOf(columns.balance ?? columns.amount ?? columns.inflow ?? columns.outflow ?? -1);
  const amounts: Decimal[] = [];
  for (let c = 0; c < row.length; c++) {
    if (c === labelAt || row[c] === null || row[c] === undefined || row[c] === '') continue;
    const parse = parseAmount(row[c], style);
    if (parse.kind === 'ok') amounts.push(parse.value);
    else return null; // other words on the row: not a label and its figure
  }
  // 期末余额：12,345.67, one cell
  const colon = label.search(/[:：]/);
  if (amounts.length === 0 && colon >= 0) {
    const parse = parseAmount(label.slice(colon + 1), style);
    if (parse.kind === 'ok') amounts.push(parse.value);
  }
  if (amounts.length !== 1) return null;
  const written = DATE_IN_TEXT.exec(label);
  const date = written ? parseDate(written[1], context.dateRules) : { kind: 'empty' as const };
  return { side: context.side, row: sourceRow, kind, date: date.kind === 'ok' ? date.iso : '', amount: amounts[0], label };
}

function firstText(row: readonly CellValue[]): string {
  for (const value of row) {
    const text = cellText(value);
    if (text !== '') return text;
  }
  return '';
}
