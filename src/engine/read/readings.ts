/**
 * The candidate readings of a side: what kind of book it is and how its amounts are signed. A reading
 * turns a movement as written (a value in a bucket: 借方/贷方, 收入/支出, a signed amount) into the cash
 * effect on OUR bank account. The plan stage scores every candidate on evidence (reading-evidence.ts);
 * decide-readings.ts adds the data test when both sides are known.
 */
import type Decimal from 'decimal.js';
import { isInvoiceOrBill, type Side, type SideKind } from '../types';
import { effectOf, effectOfSigned, splitBucket, type Bucket, type Effect } from './side-kind';

/**
 * Where a written value sits: a bucket, a single signed amount column, or a split column known only by
 * its role (a column the user or the data called inflow/outflow: a ledger's inflow is its debit).
 */
export type MovementBucket = Bucket | 'signed' | 'inflow-role' | 'outflow-role';

export type ReadingKey =
  | 'cash-journal'
  | 'cash-journal-reversed'
  | 'receivables-ledger'
  | 'payables-ledger'
  | 'bank-statement'
  | 'bank-statement-flipped'
  | 'card-statement'
  | 'card-statement-flipped'
  | 'counterparty-payables-ledger'
  | 'counterparty-receivables-ledger';

export interface Reading {
  key: ReadingKey;
  kind: SideKind;
  /** A counterparty's own ledger: every effect negated (their payables against our receivables). */
  opposite: boolean;
  /** A signed amount column means the other way round: + is money out (a card issuer's side). */
  flipSigned: boolean;
  /** Which side this reading is offered for. */
  side: Side;
  /** Needs a single signed amount column to differ from its unflipped twin. */
  needsSigned?: boolean;
  /** Needs debit/credit buckets (借方/贷方 columns or a 借/贷 direction): a ledger's own columns. */
  needsDebitCredit?: boolean;
  /** Points before any evidence: the usual reading of the side. */
  prior: number;
  /** Offered only when a title or header word supports it (a card statement says it is one). */
  requiresWords?: boolean;
}

export const READINGS: readonly Reading[] = [
  { key: 'cash-journal', kind: 'cash-journal', opposite: false, flipSigned: false, side: 'ledger', prior: 1 },
  // A household list that writes spending positive (a card's purchases as the bill shows them): only
  // the data carries it, against the other side. The user picks it as opposite signs (read-side.ts).
  { key: 'cash-journal-reversed', kind: 'cash-journal', opposite: false, flipSigned: true, side: 'ledger', needsSigned: true, prior: -1 },
  { key: 'receivables-ledger', kind: 'receivables-ledger', opposite: false, flipSigned: false, side: 'ledger', prior: 0 },
  { key: 'payables-ledger', kind: 'payables-ledger', opposite: false, flipSigned: false, side: 'ledger', prior: 0 },
  { key: 'bank-statement', kind: 'bank-statement', opposite: false, flipSigned: false, side: 'bank', prior: 1.5 },
  { key: 'bank-statement-flipped', kind: 'bank-statement', opposite: false, flipSigned: true, side: 'bank', needsSigned: true, prior: -1 },
  { key: 'card-statement', kind: 'card-statement', opposite: false, flipSigned: false, side: 'bank', prior: 0, requiresWords: true },
  { key: 'card-statement-flipped', kind: 'card-statement', opposite: false, flipSigned: true, side: 'bank', needsSigned: true, prior: 0, requiresWords: true },
  { key: 'counterparty-payables-ledger', kind: 'payables-ledger', opposite: true, flipSigned: false, side: 'bank', needsDebitCredit: true, prior: -2 },
  { key: 'counterparty-receivables-ledger', kind: 'receivables-ledger', opposite: true, flipSigned: false, side: 'bank', needsDebitCredit: true, prior: -2 },
];

export function readingByKey(key: ReadingKey): Reading {
  return READINGS.find((r) => r.key === key)!;
}

/** The cash effect of a value written in a bucket, under a reading. */
export function effectUnder(reading: Reading, written: MovementBucket, value: Decimal): Effect {
  const bucket = written === 'inflow-role' ? splitBucket(reading.kind, 'inflow') : written === 'outflow-role' ? splitBucket(reading.kind, 'outflow') : written;
  const effect = bucket === 'signed' ? effectOfSigned(reading.kind, reading.flipSigned ? value.negated() : value) : effectOf(reading.kind, bucket, value);
  return reading.opposite ? { amount: effect.amount.negated(), document: effect.document } : effect;
}

/**
 * The movement a running balance tracks under a reading, before any negation for a counterparty: cash
 * for a bank, card or cash journal; debit − credit (invoices − receipts) for receivables; credit − debit
 * for payables.
 */
export function balanceMovement(reading: Reading, bucket: MovementBucket, value: Decimal): Decimal {
  const effect = effectUnder({ ...reading, opposite: false }, bucket, value);
  if (reading.kind === 'receivables-ledger' && effect.document === 'receipt') return effect.amount.negated();
  if (reading.kind === 'payables-ledger' && effect.document === 'bill') return effect.amount.negated();
  return effect.amount;
}

const SIGNATURE_BUCKETS: readonly MovementBucket[] = ['in', 'out', 'debit', 'credit', 'signed', 'inflow-role', 'outflow-role'];

/** What a line is for matching: money that moved (a receipt and a payment are movements too), or an invoice or bill. */
function matchedAs(effect: Effect): string {
  return `${effect.amount.isNegative() ? '-' : '+'}${isInvoiceOrBill(effect.document) ? effect.document : 'cash'}`;
}

/**
 * Two readings with the same signature read every row the same way for matching: a bank and a card with
 * split columns; a cash journal and a receivables or payables ledger whose columns are 收入/支出, which
 * makes every line of the ledger a receipt or payment and no line an invoice or bill (only words and a
 * balance tell such readings apart, not the data: a card book with 支出/收入 was once asked which it was).
 */
export function signatureOf(reading: Reading, buckets: ReadonlySet<MovementBucket>, one: Decimal): string {
  return SIGNATURE_BUCKETS.filter((b) => buckets.has(b))
    .map((b) => {
      const plus = effectUnder(reading, b, one);
      const minus = b === 'signed' ? effectUnder(reading, b, one.negated()) : plus;
      return `${b}:${matchedAs(plus)}/${matchedAs(minus)}`;
    })
    .join(' ');
}

/** The reading the user chose: their kind (and opposite signs), or the side's default. */
export function chosenReading(side: Side, kind: SideKind | undefined, opposite: boolean | undefined): Reading {
  const key: ReadingKey | undefined =
    kind === undefined
      ? undefined
      : opposite && kind === 'payables-ledger'
        ? 'counterparty-payables-ledger'
        : opposite && kind === 'receivables-ledger'
          ? 'counterparty-receivables-ledger'
          : (kind as ReadingKey);
  const base = key ? readingByKey(key) : readingByKey(side === 'bank' ? 'bank-statement' : 'cash-journal');
  return { ...base, side, opposite: opposite === true || base.opposite };
}
