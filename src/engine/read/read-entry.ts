/**
 * An entry as the reader makes it: a compact record whose amount is held as exact integer cents and
 * becomes a decimal.js value only when someone asks for it (the report, a total, a message). `cents`
 * and `amount` are prototype getters, so a spread copy (`{ ...entry }`) carries neither: it never holds
 * a stale figure, and code that copies an entry sets `amount` itself. Assigning `amount` (a reading
 * re-signs the rows) keeps the cents in step. The running balance is held the same way.
 */
import type Decimal from 'decimal.js';
import type { DocumentType, Entry, Side } from '../types';
import { exactCents } from '../cents';
import { smallInteger } from '../small-integer';
import { decimalFromCents } from './amount-cents';

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
  declare fee?: Decimal;
  /** The amount in exact cents, NaN when it is not exact in cents (then `amountValue` holds it). */
  private amountCents: number;
  /** The amount as a Decimal once made (or as read, when it is not exact in cents). */
  private amountValue: Decimal | undefined;
  /** The balance in exact cents; NaN when there is none or it is not exact (see `balanceValue`). */
  private balanceCents: number;
  /** null: no balance; undefined: not made yet from `balanceCents`. */
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
    this.amountCents = amount === undefined ? amountCents : exactCents(amount);
    this.amountValue = amount;
    // exact balance cents win (the Decimal is made when asked for); else the balance as read, or none
    this.balanceCents = balanceCents;
    this.balanceValue = balanceCents === balanceCents ? undefined : balance;
  }

  /** Signed cash effect (see Entry.amount), made from the cents on first use and kept. */
  get amount(): Decimal {
    let value = this.amountValue;
    if (value === undefined) {
      value = decimalFromCents(this.amountCents);
      this.amountValue = value;
    }
    return value;
  }

  set amount(value: Decimal) {
    this.amountValue = value;
    this.amountCents = exactCents(value);
  }

  /** `amount` in exact integer cents, NaN when it is not exact in cents. */
  get cents(): number {
    return this.amountCents;
  }

  /** Re-signs the amount in cents (exact, |cents| < 2^50, not a negative zero): the Decimal is made when asked for. */
  setCents(cents: number): void {
    this.amountCents = cents;
    this.amountValue = undefined;
  }

  get balance(): Decimal | null {
    let value = this.balanceValue;
    if (value === undefined) {
      value = decimalFromCents(this.balanceCents);
      this.balanceValue = value;
    }
    return value;
  }

  set balance(value: Decimal | null) {
    this.balanceValue = value;
    this.balanceCents = NaN;
  }
}
