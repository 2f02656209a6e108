/**
 * Column roles for data without a header row (TD Canada's CSV: date, description, debit, credit,
 * balance). Roles come from what the cells hold; a running balance, when there is one, decides which of
 * two amount columns is money in.
 */
import Decimal from 'decimal.js';
import type { CellValue, ColumnMapping, Reason } from '../types';
import { parseAmount } from './amount';
import { columnLetter } from './column-letter';
import { parseDate, type DateRules } from './date';
import { cellText, isBlankRow } from './text';

export const INFER_SAMPLE_ROWS = 200;
/** Share of a column's non-empty cells that must read as dates / amounts. */
const DATE_SHARE = 0.8;
const AMOUNT_SHARE = 0.8;

interface ColumnStats {
  nonEmpty: number;
  dates: number;
  amounts: number;
  /** Amount text with a decimal point or grouping: money, not a row number or a card suffix. */
  moneyLike: number;
  text: number;
}

export interface InferredColumns {
  columns: ColumnMapping;
  /** 'no-header-row' with the roles as `letter\t\trole` lines (src/i18n/read-texts.ts renders them). */
  decision: Reason;
}

function amountOf(value: CellValue): Decimal | null {
  const parsed = parseAmount(value);
  return parsed.kind === 'ok' ? parsed.value : null;
}

/**
 * Neighbour rows whose `balance` moves by exactly the row's movement: oldest first, this row's;
 * newest first, the previous row's. `movement` is null where a row gives none.
 */
function balanceAgreements(rows: readonly CellValue[][], balance: number, movement: (row: CellValue[]) => Decimal | null): number {
  let votes = 0;
  for (let i = 1; i < rows.length; i++) {
    const prev = amountOf(rows[i - 1][balance]);
    const curr = amountOf(rows[i][balance]);
    if (!prev || !curr) continue;
    const moved = movement(rows[i]);
    const movedBefore = movement(rows[i - 1]);
    if ((moved && curr.minus(prev).equals(moved)) || (movedBefore && prev.minus(curr).equals(movedBefore))) votes++;
  }
  return votes;
}

const ZERO = new Decimal(0);

/** For a split pair A/B with a balance: how many neighbour pairs agree with A as money out (and B in), and the other way. */
function balanceVotes(rows: readonly CellValue[][], a: number, b: number, balance: number): { aOut: number; aIn: number } {
  const net = (outCol: number, inCol: number) => (row: CellValue[]) => (amountOf(row[inCol]) ?? ZERO).minus(amountOf(row[outCol]) ?? ZERO);
  return { aOut: balanceAgreements(rows, balance, net(a, b)), aIn: balanceAgreements(rows, balance, net(b, a)) };
}

/**
 * Neighbour pairs whose `balance` moves by exactly `amount`. Signed amount and running balance, both
 * on every line (CommBank's CSV: date, "+3850.00", description, "+45130.55"), agree on nearly every
 * pair; a debit/credit pair does not.
 */
function runningBalanceVotes(rows: readonly CellValue[][], amount: number, balance: number): number {
  return balanceAgreements(rows, balance, (row) => amountOf(row[amount]));
}

/** Share of neighbour pairs that must agree before two full amount columns are read as amount and balance. */
const RUNNING_BALANCE_SHARE = 0.8;

export function inferColumns(cells: readonly (CellValue[] | undefined)[], rules: DateRules): InferredColumns | null {
  const rows: CellValue[][] = [];
  for (let i = 0; i < cells.length && rows.length < INFER_SAMPLE_ROWS; i++) {
    const row = cells[i];
    if (row && !isBlankRow(row)) rows.push(row);
  }
  if (rows.length === 0) return null;
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const stats: ColumnStats[] = [];
  for (let c = 0; c < width; c++) {
    const s: ColumnStats = { nonEmpty: 0, dates: 0, amounts: 0, moneyLike: 0, text: 0 };
    for (const row of rows) {
      const value = row[c];
      const text = cellText(value);
      if (text === '') continue;
      s.nonEmpty++;
      const date = parseDate(value, rules);
      const dateAlt = date.kind === 'ok' ? date : parseDate(value, { ...rules, order: rules.order === 'DMY' ? 'MDY' : 'DMY' });
      if (dateAlt.kind === 'ok' && typeof value === 'string') s.dates++;
      else if (parseAmount(value).kind === 'ok') {
        s.amounts++;
        if (typeof value === 'number' || /[.,]\d/.test(text)) s.moneyLike++;
      } else s.text++;
    }
    stats.push(s);
  }
  const date = stats.findIndex((s) => s.nonEmpty >= rows.length / 2 && s.dates >= s.nonEmpty * DATE_SHARE);
  if (date < 0) return null;
  const amounts: number[] = [];
  stats.forEach((s, c) => {
    if (c !== date && s.nonEmpty > 0 && s.amounts >= s.nonEmpty * AMOUNT_SHARE && s.moneyLike >= s.amounts / 2) amounts.push(c);
  });
  if (amounts.length === 0) return null;
  const columns: ColumnMapping = { date };
  let description = -1;
  stats.forEach((s, c) => {
    if (c !== date && !amounts.includes(c) && (description < 0 || s.text > stats[description].text)) description = c;
  });
  if (description >= 0 && stats[description].text > 0) columns.description = description;

  const letter = (c: number) => columnLetter(c);
  const full = (c: number) => stats[c].nonEmpty === rows.length;
  if (amounts.length === 1) {
    columns.amount = amounts[0];
  } else {
    // the last always-filled amount column after a split pair is a running balance
    let pair = amounts.slice(0, 2);
    const last = amounts[amounts.length - 1];
    const hasBalance = amounts.length >= 3 || (amounts.length === 2 && full(last) && !full(amounts[0]));
    // Two amounts on every line: a signed amount and its running balance when the balance moves by
    // the amount from row to row (either column may be the balance); otherwise a debit/credit pair.
    const [first, second] = amounts;
    const bothFull = amounts.length === 2 && full(first) && full(second);
    const needed = Math.max(1, Math.ceil((rows.length - 1) * RUNNING_BALANCE_SHARE));
    const secondRuns = bothFull ? runningBalanceVotes(rows, first, second) : 0;
    const firstRuns = bothFull ? runningBalanceVotes(rows, second, first) : 0;
    if (bothFull && rows.length > 2 && Math.max(secondRuns, firstRuns) >= needed) {
      columns.amount = secondRuns >= firstRuns ? first : second;
      columns.balance = secondRuns >= firstRuns ? second : first;
    } else if (amounts.length === 2 && hasBalance) {
      columns.amount = amounts[0];
      columns.balance = last;
    } else {
      if (amounts.length >= 3) columns.balance = last;
      pair = amounts.slice(0, 2);
      let [outCol, inCol] = pair;
      if (columns.balance !== undefined) {
        const votes = balanceVotes(rows, pair[0], pair[1], columns.balance);
        if (votes.aIn > votes.aOut) [outCol, inCol] = [pair[1], pair[0]];
      }
      columns.outflow = outCol;
      columns.inflow = inCol;
    }
  }
  const roles = (Object.keys(columns) as (keyof ColumnMapping)[])
    .sort((a, b) => columns[a]! - columns[b]!)
    .map((role) => `${letter(columns[role]!)}\t\t${role}`)
    .join('\n');
  return { columns, decision: { code: 'no-header-row', params: { roles } } };
}
