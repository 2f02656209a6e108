/**
 * Integer minor units (cents) as fast keys and fast text for amounts that are exact in cents. A JS
 * number here is only ever an exact integer below 2^50, read from a Decimal's digits without any
 * arithmetic that could round; everything else falls back to decimal.js, which stays the arithmetic
 * of record for every amount written or totalled.
 */
import Decimal from 'decimal.js';

/** Integer cents at or above this (in magnitude) are not trusted as exact: the Decimal is used instead. */
export const MAX_EXACT_CENTS = 2 ** 50;

/**
 * Integer cents when exact, else NaN. Read straight from the Decimal's documented digits (d: base-10^7
 * words, e: exponent of the first digit, s: sign), so no arithmetic can round: each word is scaled by a
 * power of ten, and a word with digits below the cent means more than two decimals (NaN).
 */
export function exactCents(amount: Decimal): number {
  const words = amount.d;
  if (!words) return NaN; // NaN or ±Infinity
  const e = amount.e;
  const firstWordDigits = (((e % 7) + 7) % 7) + 1;
  let cents = 0;
  for (let i = 0; i < words.length; i++) {
    // Power of ten, in cents, of this word's last digit.
    const power = e - firstWordDigits + 3 - 7 * i;
    if (power >= 0) {
      cents += words[i] * 10 ** power;
    } else {
      const divisor = 10 ** -power;
      if (words[i] % divisor !== 0) return NaN;
      cents += words[i] / divisor;
    }
  }
  if (!(cents < MAX_EXACT_CENTS)) return NaN;
  return amount.s < 0 ? -cents : cents;
}

/**
 * An entry's amount in exact integer cents, or NaN. A reader may hand out entries that already know
 * their cents (a `cents` getter, so a spread copy never carries a stale value); any other entry, such
 * as one built by hand in a test, is read from its Decimal.
 */
export function entryCents(entry: { readonly amount: Decimal; readonly cents?: number }): number {
  const known = entry.cents;
  return typeof known === 'number' ? known : exactCents(entry.amount);
}

/** Exact integer cents → the text `Decimal#toFixed(2)` gives for the same amount (`-1200.05`, `0.00`). */
export function centsToFixed2(cents: number): string {
  const negative = cents < 0;
  const magnitude = negative ? -cents : cents;
  const units = Math.floor(magnitude / 100);
  const rest = magnitude - units * 100;
  return `${negative ? '-' : ''}${units}.${rest < 10 ? '0' : ''}${rest}`;
}

/** `amount.toFixed(2)`, without decimal.js's string building when the amount is exact in cents. */
export function toFixed2(amount: Decimal): string {
  const cents = exactCents(amount);
  return cents === cents ? centsToFixed2(cents) : amount.toFixed(2);
}

/**
 * Σ of amounts in exact integer cents, or NaN when any amount is not exact in cents or the total
 * reaches 2^50 (each step is an integer sum below 2^53, so nothing can round).
 */
export function sumCents(amounts: readonly Decimal[]): number {
  let total = 0;
  for (let i = 0; i < amounts.length; i++) {
    const cents = exactCents(amounts[i]);
    if (cents !== cents) return NaN;
    total += cents;
    if (!(Math.abs(total) < MAX_EXACT_CENTS)) return NaN;
  }
  return total;
}

/**
 * Σ of `cents` at `indices` (at every index when null), or NaN as sumCents gives it: a line not exact
 * in cents (NaN), or a total reaching 2^50.
 */
export function centsTotalAt(cents: ArrayLike<number>, indices: readonly number[] | null): number {
  const n = indices === null ? cents.length : indices.length;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const c = cents[indices === null ? k : indices[k]];
    if (c !== c) return NaN;
    total += c;
    if (!(Math.abs(total) < MAX_EXACT_CENTS)) return NaN;
  }
  return total;
}

/** Decimal words are base 10^7. */
const WORD = 1e7;
/** 10^0 … 10^16, all exact doubles. */
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 16; k++, p *= 10) POW10.push(p);

/**
 * Exact integer cents (a safe integer; −0 gives 0) → the same amount as a Decimal: the Decimal
 * `new Decimal(centsToFixed2(cents))` gives, built from its digits without parsing text. decimal.js
 * keeps a value as its sign `s`, the exponent `e` of its first digit and base-10^7 words `d` aligned
 * so that the first word holds (e mod 7) + 1 digits, with no trailing zero digits beyond the last
 * word's padding (exactCents reads them the same way). Every step is an integer below 2^53: nothing
 * can round.
 */
export function centsToDecimal(cents: number): Decimal {
  const x = new Decimal(0);
  if (cents === 0) return x;
  const negative = cents < 0;
  let m = negative ? -cents : cents;
  let shift = 0;
  while (m % 10 === 0) {
    m /= 10;
    shift++;
  }
  let digits = 1;
  while (digits < 16 && POW10[digits] <= m) digits++;
  // the value is m × 10^(shift − 2): its first digit's exponent is (digits − 1) + (shift − 2)
  const e = digits + shift - 3;
  const firstWordDigits = (((e % 7) + 7) % 7) + 1;
  const rest = digits - firstWordDigits;
  let words: number[];
  if (rest <= 0) {
    words = [m * POW10[-rest]];
  } else {
    const restWords = Math.ceil(rest / 7);
    const lastDigits = rest - 7 * (restWords - 1);
    words = new Array<number>(restWords + 1);
    let high = m;
    words[restWords] = (high % POW10[lastDigits]) * POW10[7 - lastDigits];
    high = Math.floor(high / POW10[lastDigits]);
    for (let k = restWords - 1; k >= 1; k--) {
      words[k] = high % WORD;
      high = Math.floor(high / WORD);
    }
    words[0] = high;
  }
  const raw = x as unknown as { s: number; e: number; d: number[] };
  raw.s = negative ? -1 : 1;
  raw.e = e;
  raw.d = words;
  return x;
}
