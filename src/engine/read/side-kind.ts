/**
 * What 借方/贷方 (debit/credit) mean for each kind of book. Which kind a side is, is decided in
 * plan-reading.ts from evidence (reading-evidence.ts) and, with both sides, the data (decide-readings.ts).
 * Entry.amount is always the cash effect on OUR bank account: + money in, − money out.
 */
import type Decimal from 'decimal.js';
import type { DocumentType, SideKind } from '../types';

/**
 * Which way a row's amount goes before the kind gives it a sign:
 * in/out come from 收入/支出 (Deposits/Withdrawals) or 收/支 words; debit/credit from 借方/贷方 or 借/贷 words.
 */
export type Bucket = 'in' | 'out' | 'debit' | 'credit';

export interface Effect {
  amount: Decimal;
  document: DocumentType;
}

/**
 * The signed cash effect of a value written in a bucket. `value` is the amount as written there:
 * positive normally, negative for a reversal (红字), which then flips the effect.
 */
export function effectOf(kind: SideKind, bucket: Bucket, value: Decimal): Effect {
  switch (kind) {
    case 'bank-statement':
    case 'card-statement': // the cardholder's side: a charge (debit) is money out, a payment (credit) money in
      return { amount: bucket === 'in' || bucket === 'credit' ? value : value.negated(), document: 'movement' };
    case 'cash-journal':
      return { amount: bucket === 'in' || bucket === 'debit' ? value : value.negated(), document: 'movement' };
    case 'receivables-ledger':
      if (bucket === 'debit') return { amount: value, document: 'invoice' };
      return { amount: bucket === 'out' ? value.negated() : value, document: 'receipt' };
    case 'payables-ledger':
      if (bucket === 'credit') return { amount: value.negated(), document: 'bill' };
      return { amount: bucket === 'in' ? value : value.negated(), document: 'payment' };
  }
}

/**
 * A single signed amount column with no direction: on a bank statement or cash journal the sign is the
 * cash effect; in a receivables ledger + is an invoice and − a receipt; in a payables ledger + is a bill
 * and − a payment.
 */
export function effectOfSigned(kind: SideKind, value: Decimal): Effect {
  switch (kind) {
    case 'bank-statement':
    case 'card-statement':
    case 'cash-journal':
      return { amount: value, document: 'movement' };
    case 'receivables-ledger':
      return value.isNegative() ? effectOf(kind, 'credit', value.negated()) : effectOf(kind, 'debit', value);
    case 'payables-ledger':
      return value.isNegative() ? effectOf(kind, 'debit', value.negated()) : effectOf(kind, 'credit', value);
  }
}

/**
 * The bucket of a split column pair. Ledgers keep their debit column in `inflow` and their credit column
 * in `outflow`; what that means is the kind's business (effectOf).
 */
export function splitBucket(kind: SideKind, column: 'inflow' | 'outflow'): Bucket {
  if (kind === 'receivables-ledger' || kind === 'payables-ledger') return column === 'inflow' ? 'debit' : 'credit';
  return column === 'inflow' ? 'in' : 'out';
}

/** Where a debit/credit header lands for this kind: a bank's debit is its outflow, a ledger's its inflow. */
export function debitCreditRoles(kind: SideKind): { debit: 'inflow' | 'outflow'; credit: 'inflow' | 'outflow' } {
  return kind === 'bank-statement' || kind === 'card-statement' ? { debit: 'outflow', credit: 'inflow' } : { debit: 'inflow', credit: 'outflow' };
}
