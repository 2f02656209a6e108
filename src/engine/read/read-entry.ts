/**
 * An entry as the reader makes it: a compact record whose amount is held as exact integer cents and
 * becomes a decimal.js value only when someone asks for it (the report, a total, a message). `cents`
 * and `amount` are prototype getters, so a spread copy (`{ ...entry }`) carries neither: it never holds
 * a stale figure, and code that copies an entry sets `amount` itself. Assigning `amount` (a reading
 * re-signs the rows) keeps the cents in step. The running balance is held the same way.
 */
import type Decimal from 'decimal.js';
import type { DocumentType, Entry, Side } from '../types';
import { centsToDecimal, exactCents } from '../cents';
import { smallInteger } from '../small-integer';

export class ReadEntry implements Entry {
  side: Side;
  index: number;
  row: number;
  date: string;
  day: number;
  document: DocumentType;
  counterparty: string;
  reference: string;
  description: string;
  currency: string;
  declare notes?: string;
  declare account?: string;
  declare fee?: Decimal;
  declare feeAlternative?: Decimal;
  /**
   * The amount in exact cents as two small integers (see splitHigh), NaN when it is not exact in
   * cents (then `amountValue` holds it).
   */
  private amountHigh: number;
  private amountLow: number;
  /** The amount as a Decimal once made (or as read, when it is not exact in cents). */
  private amountValue: Decimal | undefined;
  /** The balance in exact cents, split the same way; NaN when there is none or it is not exact (see `balanceValue`). */
  private balanceHigh: number;
  private balanceLow: number;
  /** null: no balance; undefined: not made yet from the balance cents. */
  private balanceValue: Decimal | null | undefined;

  constructor(
    side: Side,
    index: number,
    row: number,
    date: string,
    day: number,
    amountCents: number,
    amount: Decimal | undefined,
    document: DocumentType,
    counterparty: string,
    reference: string,
    description: string,
    currency: string,
    balanceCents: number,
    balance: Decimal | null,
  ) {
    this.side = side;
    this.index = index;
    this.row = row;
    this.date = date;
    this.day = smallInteger(day);
    this.document = document;
    this.counterparty = counterparty;
    this.reference = reference;
    this.description = description;
    this.currency = currency;
    const cents = amount === undefined ? amountCents : exactCents(amount);
    this.amountHigh = splitHigh(cents);
    this.amountLow = splitLow(cents, this.amountHigh);
    this.amountValue = amount;
    // exact balance cents win (the Decimal is made when asked for); else the balance as read, or none
    this.balanceHigh = splitHigh(balanceCents);
    this.balanceLow = splitLow(balanceCents, this.balanceHigh);
    this.balanceValue = balanceCents === balanceCents ? undefined : balance;
  }

  /** Signed cash effect (see Entry.amount), made from the cents on first use and kept. */
  get amount(): Decimal {
    let value = this.amountValue;
    if (value === undefined) {
      value = centsToDecimal(joined(this.amountHigh, this.amountLow));
      this.amountValue = value;
    }
    return value;
  }

  set amount(value: Decimal) {
    this.amountValue = value;
    this.setSplitAmount(exactCents(value));
  }

  /** `amount` in exact integer cents, NaN when it is not exact in cents. */
  get cents(): number {
    return joined(this.amountHigh, this.amountLow);
  }

  /** Re-signs the amount in cents (exact, |cents| < 2^50, not a negative zero): the Decimal is made when asked for. */
  setCents(cents: number): void {
    this.setSplitAmount(cents);
    this.amountValue = undefined;
  }

  private setSplitAmount(cents: number): void {
    this.amountHigh = splitHigh(cents);
    this.amountLow = splitLow(cents, this.amountHigh);
  }

  get balance(): Decimal | null {
    let value = this.balanceValue;
    if (value === undefined) {
      value = centsToDecimal(joined(this.balanceHigh, this.balanceLow));
      this.balanceValue = value;
    }
    return value;
  }

  set balance(value: Decimal | null) {
    this.balanceValue = value;
    this.balanceHigh = NO_CENTS;
    this.balanceLow = 0;
  }
}

/**
 * Cents are held as high · 2^26 + low, both small integers. A field that ever holds a number beyond
 * 31 bits (a balance of 2,000 万, NaN for "none") makes V8 box that field's number on every object of
 * the class: a million entries, a million extra heap objects. |cents| < 2^50, so high fits easily.
 */
const LOW_SPAN = 2 ** 26;
/** `high` of NaN (no exact cents): outside any real high part (|high| < 2^24). */
const NO_CENTS = 2 ** 29;

function splitHigh(cents: number): number {
  return cents === cents ? Math.floor(cents / LOW_SPAN) | 0 : NO_CENTS;
}

function splitLow(cents: number, high: number): number {
  return high === NO_CENTS ? 0 : (cents - high * LOW_SPAN) | 0;
}

function joined(high: number, low: number): number {
  return high === NO_CENTS ? NaN : high * LOW_SPAN + low;
}
