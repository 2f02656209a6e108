/**
 * Finding the header row: the row whose cells best match the header words, with at least a date and
 * an amount column. Title lines above it (bank name, 账号, 户名, 查询期间, `Account Number:` pairs,
 * Power Query's `Column1…Column11`) never qualify: key/value cells and long text are not headers.
 */
import type { CellValue } from '../types';
import { AMOUNT_KEYS, isDayHeader, matchHeader, type HeaderKey } from './header-words';
import { cellText, isBlankRow } from './text';

/** Header rows sit near the top; a longer preamble is not a bank export. */
export const HEADER_SCAN_ROWS = 300;

export interface HeaderLayout {
  /** Best column per header key. */
  keys: Partial<Record<HeaderKey, number>>;
  /** A second date column (transaction date beside a posting date), used where the first is empty. */
  secondaryDate?: number;
  /** Every column whose header names a date, best header match first. */
  dateColumns: number[];
  /** Every column whose header names the counterparty, best header match first. */
  counterpartyColumns: number[];
  /** Cleaned text of every header cell. */
  texts: string[];
}

/** Reads one row as a header: each key gets its best-matching column (ties: leftmost). */
export function layoutOfRow(row: readonly CellValue[]): HeaderLayout {
  const texts = row.map((value) => (typeof value === 'string' ? cellText(value) : ''));
  const best: Partial<Record<HeaderKey, { column: number; score: number }>> = {};
  const dates: { column: number; score: number }[] = [];
  const parties: { column: number; score: number }[] = [];
  texts.forEach((text, column) => {
    if (text === '') return;
    const match = matchHeader(text);
    if (!match) return;
    if (match.key === 'date') dates.push({ column, score: match.score });
    if (match.key === 'counterparty') parties.push({ column, score: match.score });
    const current = best[match.key];
    if (!current || match.score > current.score) best[match.key] = { column, score: match.score };
  });
  const keys: Partial<Record<HeaderKey, number>> = {};
  for (const key of Object.keys(best) as HeaderKey[]) keys[key] = best[key]!.column;
  pairDebitCredit(keys);
  const secondary = dates
    .filter((d) => d.column !== keys.date && isDayHeader(texts[d.column]))
    .sort((a, b) => b.score - a.score || a.column - b.column)[0];
  const bestFirst = (list: { column: number; score: number }[]) => [...list].sort((a, b) => b.score - a.score || a.column - b.column).map((d) => d.column);
  return { keys, secondaryDate: secondary?.column, dateColumns: bestFirst(dates), counterpartyColumns: bestFirst(parties), texts };
}

/**
 * One debit or credit word beside one money-in or money-out word is a debit/credit pair: a receivables
 * ledger's Invoiced | Received (the receipts are its credits), Charges | Payments, a payables ledger's
 * Bills | Paid. Read as two halves of money in and out, such a book was refused.
 */
function pairDebitCredit(keys: Partial<Record<HeaderKey, number>>): void {
  const flows = (['inflow', 'outflow'] as const).filter((key) => keys[key] !== undefined);
  const sides = (['debit', 'credit'] as const).filter((key) => keys[key] !== undefined);
  if (flows.length !== 1 || sides.length !== 1) return;
  const other = sides[0] === 'debit' ? 'credit' : 'debit';
  keys[other] = keys[flows[0]];
  delete keys[flows[0]];
}

/**
 * Words of a header's second row: a 外币 journal heads 借方, 贷方 and 余额 each over 原币 / 汇率 /
 * 本位币 (the upper cell merged across them), a stock journal over 数量 / 单价 / 金额.
 */
const SUB_HEADER_WORDS: ReadonlySet<string> = new Set([
  '原币', '汇率', '本位币', '本币', '外币', '人民币', '金额', '数量', '单价', '借方', '贷方', '方向',
  '原幣', '匯率', '本位幣', '本幣', '外幣', '人民幣', '金額', '數量', '單價', '貸方',
  'foreign', 'local', 'rate', 'amount', 'qty', 'quantity', 'price', 'fx', 'base', 'original', 'functional', 'debit', 'credit',
]);

/** Words of a first line that is data without figures (期初余额 with its 借/平 and no amount): never a header. */
const NOT_SUB_HEADER = /期初|期末|合计|合計|承前|过次|過次|本月|本年|上年|结转|結轉|total|opening|closing|forward/i;

/**
 * The texts of a header's second row (原币 / 汇率 / 本位币 under a merged 借方), or null when `row`
 * is not one: at least two short words, no digits, every one a header word.
 */
export function subHeaderTexts(row: readonly CellValue[]): string[] | null {
  const texts: string[] = [];
  for (const value of row) {
    if (value === null || value === undefined || value === '') continue;
    if (typeof value !== 'string') return null;
    const text = cellText(value);
    if (text === '') continue;
    if (text.length > 10 || /[0-9０-９]/.test(text) || NOT_SUB_HEADER.test(text)) return null;
    if (!SUB_HEADER_WORDS.has(text.toLowerCase()) && matchHeader(text) === null) return null;
    texts.push(text);
  }
  return texts.length >= 2 ? texts : null;
}

function qualifies(layout: HeaderLayout): boolean {
  return layout.keys.date !== undefined && AMOUNT_KEYS.some((key) => layout.keys[key] !== undefined);
}

/** Index (into cells) of the best header row, or -1 when no row names a date and an amount column. */
export function findHeaderRow(cells: readonly (readonly CellValue[] | undefined)[]): number {
  let bestIndex = -1;
  let bestCount = 0;
  const limit = Math.min(cells.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = cells[i];
    if (!row || isBlankRow(row)) continue;
    const layout = layoutOfRow(row);
    if (!qualifies(layout)) continue;
    const count = Object.keys(layout.keys).length;
    if (count > bestCount) {
      bestCount = count;
      bestIndex = i;
    }
  }
  return bestIndex;
}
