/**
 * 银行存款余额调节表 / Bank reconciliation statement, as plain data, at a period end P:
 *
 *   book balance                                   bank balance
 *   + 银行已收企业未收 (bank received, book not)     + 企业已收银行未收 (book received, bank not)
 *   − 银行已付企业未付 (bank paid, book not)         − 企业已付银行未付 (book paid, bank not)
 *   = adjusted book balance                        = adjusted bank balance
 *
 * Only lines dated on or before P count (they are what each balance holds). A line is an item when
 * its counterpart on the other side is not in that other balance: unmatched lines, and the lines of a
 * group whose other side falls after P. A group wholly inside the period adds its difference (a fee
 * the bank deducted) as its own item on the book side. Suggested groups count as matched: either way
 * the two columns move together, so the statement still balances; the Discrepancies sheet lists them.
 * When the adjusted balances still differ, the rest is the "unexplained difference", with the
 * lines most likely to explain it.
 *
 * 往来对账 (our 应收/应付账款明细账 against the customer's or supplier's own ledger) is the same sum
 * over what is owed: our balance, plus what they booked and we did not (an invoice raises what is
 * owed, a payment lowers it), equals their balance plus what we booked and they did not. A line's
 * effect is owedEffect's; the balances are each ledger's own, as written (both say what is owed).
 */
import Decimal from 'decimal.js';
import type { Entry, ReadResult, ReconcileResult, Side } from '../types';
import type { BalanceBreak, SideBalance } from './balances';
import type { DuplicateLine } from './duplicates';
import type { SettledBefore } from './settled-before';
import { owedEffect } from '../side-kinds';
import { wordsOf } from '../bank-own-lines';

export type AdjustmentKey =
  | 'bankReceived' | 'bankPaid' | 'bookReceived' | 'bookPaid'
  // 往来: their lines we have not booked, raising or lowering what is owed; ours they have not
  | 'theirIncrease' | 'theirDecrease' | 'ourIncrease' | 'ourDecrease';

/** A bank reconciliation (cash journal against the bank), or a balance confirmation between two ledgers (往来对账). */
export type StatementKind = 'bank' | 'counterparty';

/** The adjustment keys of each kind: [other side's lines: add, subtract], [our lines: add, subtract]. */
const KEYS: Record<StatementKind, { other: [AdjustmentKey, AdjustmentKey]; own: [AdjustmentKey, AdjustmentKey] }> = {
  bank: { other: ['bankReceived', 'bankPaid'], own: ['bookReceived', 'bookPaid'] },
  counterparty: { other: ['theirIncrease', 'theirDecrease'], own: ['ourIncrease', 'ourDecrease'] },
};

export interface StatementItem {
  /** The side whose lines these are (bank items adjust the book column, and the other way round). */
  side: Side;
  rows: number[];
  date: string;
  counterparty: string;
  /** wordsOf the (first) line. */
  description: string;
  /** Always positive: the adjustment's sign says add or subtract. */
  amount: Decimal;
  /** 'difference': a matched group's amount difference; 'after-period': its counterpart is dated after P. */
  why: 'unmatched' | 'difference' | 'after-period';
  matchId?: string;
}

export interface StatementAdjustment {
  key: AdjustmentKey;
  items: StatementItem[];
  total: Decimal;
}

export interface StatementColumn {
  balance: SideBalance;
  add: StatementAdjustment;
  subtract: StatementAdjustment;
  /** null when the balance is unknown. */
  adjusted: Decimal | null;
}

export type ExplanationCode = 'balance-break' | 'equal-amount' | 'double-amount' | 'duplicate' | 'match-difference' | 'transposition';

/** A line (or a fact) that may explain an unexplained difference, best first. */
export interface Explanation {
  code: ExplanationCode;
  side?: Side;
  row?: number;
  amount?: Decimal;
  matchId?: string;
}

export interface ReconciliationStatement {
  kind: StatementKind;
  periodEnd: string;
  book: StatementColumn;
  bank: StatementColumn;
  /** adjusted book − adjusted bank; null when a balance is unknown. Zero when the statement agrees. */
  unexplained: Decimal | null;
  explanations: Explanation[];
  /** Balance columns that disagree with their own rows. */
  breaks: BalanceBreak[];
}

export interface StatementInput {
  result: ReconcileResult;
  periodEnd: string;
  bookBalance: SideBalance;
  bankBalance: SideBalance;
  breaks: BalanceBreak[];
  duplicates: DuplicateLine[];
  /** Unmatched lines from before the other side begins, settled as the opening balances show: not items. */
  earlier?: SettledBefore;
  /** 往来对账 (default: a bank reconciliation); `receivable` when our ledger is the 应收 side. */
  counterparty?: { receivable: boolean };
}

const MAX_EXPLANATIONS = 8;

export function buildStatement(input: StatementInput): ReconciliationStatement {
  const { result, periodEnd } = input;
  const ledger = result.ledger.entries;
  const bank = result.bank.entries;
  const inPeriod = (e: Entry) => e.date <= periodEnd;
  const kind: StatementKind = input.counterparty ? 'counterparty' : 'bank';
  const keys = KEYS[kind];
  const bucket = {} as Record<AdjustmentKey, StatementItem[]>;
  for (const key of [...keys.other, ...keys.own]) bucket[key] = [];
  // The sign that files a line under add or subtract: money in or out, or (往来) more or less owed.
  const effect = (entry: Entry, amount: Decimal): Decimal => (input.counterparty ? owedEffect(entry, amount, input.counterparty.receivable) : amount);
  const put = (item: StatementItem, signed: Decimal) => {
    const [add, subtract] = item.side === 'bank' ? keys.other : keys.own;
    bucket[signed.isPositive() ? add : subtract].push(item);
  };
  const itemOf = (entry: Entry, why: StatementItem['why'], matchId?: string): StatementItem => ({
    side: entry.side, rows: [entry.row], date: entry.date, counterparty: entry.counterparty, description: wordsOf(entry),
    amount: entry.amount.abs(), why, ...(matchId !== undefined && { matchId }),
  });

  for (const match of result.matches) {
    const l = match.ledger.map((i) => ledger[i]);
    const b = match.bank.map((i) => bank[i]);
    if (l.every(inPeriod) && b.every(inPeriod)) {
      // A row explained with no counterpart (one side empty) is a person's note, not a fee difference.
      if (!match.difference.isZero() && b.length > 0) {
        const first = b[0];
        put({
          side: 'bank', rows: b.map((e) => e.row), date: first.date, counterparty: first.counterparty, description: wordsOf(first),
          amount: match.difference.abs(), why: 'difference', matchId: match.id,
        }, effect(first, match.difference));
      }
      continue;
    }
    for (const entry of l) if (inPeriod(entry)) put(itemOf(entry, 'after-period', match.id), effect(entry, entry.amount));
    for (const entry of b) if (inPeriod(entry)) put(itemOf(entry, 'after-period', match.id), effect(entry, entry.amount));
  }
  const earlier = input.earlier;
  for (const i of result.unmatched.ledger) if (inPeriod(ledger[i]) && !earlier?.ledger.has(i)) put(itemOf(ledger[i], 'unmatched'), effect(ledger[i], ledger[i].amount));
  for (const i of result.unmatched.bank) if (inPeriod(bank[i]) && !earlier?.bank.has(i)) put(itemOf(bank[i], 'unmatched'), effect(bank[i], bank[i].amount));

  const adjustment = (key: AdjustmentKey): StatementAdjustment => {
    const items = bucket[key].sort((x, y) => x.date.localeCompare(y.date) || x.rows[0] - y.rows[0]);
    return { key, items, total: items.reduce((sum, item) => sum.plus(item.amount), new Decimal(0)) };
  };
  const column = (balance: SideBalance, add: StatementAdjustment, subtract: StatementAdjustment): StatementColumn => ({
    balance, add, subtract, adjusted: balance.amount === null ? null : balance.amount.plus(add.total).minus(subtract.total),
  });
  const book = column(input.bookBalance, adjustment(keys.other[0]), adjustment(keys.other[1]));
  const bankColumn = column(input.bankBalance, adjustment(keys.own[0]), adjustment(keys.own[1]));
  const unexplained = book.adjusted !== null && bankColumn.adjusted !== null ? book.adjusted.minus(bankColumn.adjusted) : null;
  const explanations = unexplained === null || unexplained.isZero() ? [] : explain(unexplained, input, inPeriod);
  return { kind, periodEnd, book, bank: bankColumn, unexplained, explanations, breaks: input.breaks };
}

/**
 * What most likely makes up a difference D, best first. Lines that equal it exactly come first: a
 * balance column that breaks by D; a suspected duplicate or a match difference of |D|; a line of |D|
 * (left out of a balance, or written twice); a line of |D|/2 (booked with the wrong sign). Then the
 * other suspects the statement cannot rule out, nearest to |D| first: every balance break, suspected
 * duplicate and matched amount difference. Last, a D divisible by 9 (two digits swapped).
 */
function explain(difference: Decimal, input: StatementInput, inPeriod: (e: Entry) => boolean): Explanation[] {
  const size = difference.abs();
  const exact: Explanation[] = [];
  const near: { explanation: Explanation; distance: Decimal }[] = [];
  const consider = (explanation: Explanation, amount: Decimal) => {
    if (amount.abs().equals(size)) exact.push(explanation);
    else near.push({ explanation, distance: amount.abs().minus(size).abs() });
  };
  for (const b of input.breaks) consider({ code: 'balance-break', side: b.side, row: b.row, amount: b.off }, b.off);
  for (const d of input.duplicates) consider({ code: 'duplicate', side: d.side, row: d.entry.row, amount: d.entry.amount }, d.entry.amount);
  for (const m of input.result.matches) if (!m.difference.isZero()) consider({ code: 'match-difference', matchId: m.id, amount: m.difference }, m.difference);
  const sides: ReadResult[] = [input.result.ledger, input.result.bank];
  for (const read of sides) {
    for (const e of read.entries) if (inPeriod(e) && e.amount.abs().equals(size)) exact.push({ code: 'equal-amount', side: e.side, row: e.row, amount: e.amount });
  }
  for (const read of sides) {
    for (const e of read.entries) if (inPeriod(e) && e.amount.abs().times(2).equals(size)) exact.push({ code: 'double-amount', side: e.side, row: e.row, amount: e.amount });
  }
  near.sort((a, b) => a.distance.comparedTo(b.distance));
  const out = [...exact, ...near.map((n) => n.explanation)];
  const transposition: Explanation[] = size.times(100).mod(9).isZero() ? [{ code: 'transposition', amount: size }] : [];
  return [...out.slice(0, MAX_EXPLANATIONS - transposition.length), ...transposition];
}
