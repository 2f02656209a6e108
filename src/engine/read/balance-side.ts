/**
 * A 明细账's balance-side column (方向 | 余额: 借 1,234.00, 贷 560.00, 平 0.00). The balance is written
 * unsigned; the word says on which side it stands. A 银行存款日记账 of a company credit card (公务卡)
 * stands 贷 all month: taken unsigned, its balance rises with every purchase (贷方) and agrees with a
 * payables reading, outvoting the book's own title. Signed by its side, it agrees with both readings
 * and says nothing between them, which is what it is worth.
 */
import Decimal from 'decimal.js';
import { normalizeLabel } from './text';
import type { SideKind } from '../types';

/** 1: the balance stands on the debit side; −1: on the credit side; 0: 平 (nil); undefined: no such word. */
export type BalanceSide = 1 | -1 | 0;

const SIDE_WORDS = new Map<string, BalanceSide>([
  ...['借', '借方', 'dr', 'debit', '借記', '借记'].map((w) => [normalizeLabel(w), 1] as [string, BalanceSide]),
  ...['贷', '贷方', 'cr', 'credit', '貸', '貸方', '贷记', '貸記'].map((w) => [normalizeLabel(w), -1] as [string, BalanceSide]),
  ...['平', 'nil', 'zero'].map((w) => [normalizeLabel(w), 0] as [string, BalanceSide]),
]);

/** The side a cell of the 方向 column states. */
export function balanceSideOf(text: string): BalanceSide | undefined {
  return text === '' ? undefined : SIDE_WORDS.get(normalizeLabel(text));
}

/**
 * The side a kind's balance normally stands on: a payables ledger owes (贷), and a bank writes what it
 * holds for the customer on its credit side (a card's debt, 借 in the bank's books, comes out negative:
 * money owed from the cardholder's side); cash books and receivables ledgers hold or are owed (借).
 */
function creditNatural(kind: SideKind): boolean {
  return kind === 'payables-ledger' || kind === 'bank-statement' || kind === 'card-statement';
}

/** The sign a balance written on `side` takes under a reading of `kind`: + on its natural side. */
export function balanceSign(side: BalanceSide, kind: SideKind): BalanceSide {
  return side === 0 ? 0 : creditNatural(kind) ? (-side as BalanceSide) : side;
}

/** A balance as written (unsigned: one written with a minus is signed already), signed by its side under a reading of `kind`. */
export function sidedBalance(written: Decimal, side: BalanceSide, kind: SideKind): Decimal {
  const sign = balanceSign(side, kind);
  return sign === 0 ? new Decimal(0) : sign === 1 ? written : written.negated();
}

/** The same in exact cents (NaN stays NaN). */
export function sidedCents(cents: number, side: BalanceSide, kind: SideKind): number {
  if (cents !== cents) return cents;
  const sign = balanceSign(side, kind);
  return sign === 0 ? 0 : sign * cents;
}

/** The balance as written, from one signed under a reading of `kind` (a sign is its own inverse). */
export function writtenBalance(signed: Decimal, side: BalanceSide, kind: SideKind): Decimal {
  return sidedBalance(signed, side, kind);
}

/** A balance signed under a reading of `from`, as a reading of `to` signs it. */
export function resignedBalance(signed: Decimal, side: BalanceSide, from: SideKind, to: SideKind): Decimal {
  return creditNatural(from) === creditNatural(to) ? signed : signed.negated();
}
