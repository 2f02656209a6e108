/**
 * Money while generating: integer cents in a JS number. They are exact integer keys (every sum stays far
 * below 2^53), which keeps generating a million rows O(n) and cheap; they become decimal.js values in the
 * truth and a number only as the final value handed to a cell. Tests re-add every figure with decimal.js.
 */
import Decimal from 'decimal.js';
import type { Random } from './random';

export function centsToDecimal(cents: number): Decimal {
  return new Decimal(cents).div(100);
}

/** The value an Excel cell holds for an amount: the nearest double to the two-decimal figure. */
export function centsToNumber(cents: number): number {
  return cents / 100;
}

/** 1234567 → "12,345.67"; negative with a leading minus. */
export function formatThousands(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs - whole * 100;
  const digits = String(whole);
  let wholeText = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = wholeText.length; i < digits.length; i += 3) wholeText += ',' + digits.slice(i, i + 3);
  return `${negative ? '-' : ''}${wholeText}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** How a side writes an amount cell. */
export type AmountStyle = 'number' | 'thousands' | 'yuan-thousands' | 'plus-signed';

export const AMOUNT_WRITERS: Record<AmountStyle, (cents: number) => string | number> = {
  number: centsToNumber, // 1234.5
  thousands: formatThousands, // "1,234.50"
  'yuan-thousands': (cents) => (cents < 0 ? '-¥' + formatThousands(-cents) : '¥' + formatThousands(cents)), // "¥1,234.50"
  'plus-signed': (cents) => (cents < 0 ? '-' : '+') + (Math.abs(cents) / 100).toFixed(2), // "+10000.00" (ABC)
};

/**
 * A business payment: log-normal around `medianYuan`, then rounded the way people round: many whole
 * thousands/hundreds, some whole yuan, the rest with cents.
 */
export function drawAmountCents(rng: Random, medianYuan: number, sigma = 1.1): number {
  let yuan = Math.exp(Math.log(medianYuan) + sigma * rng.normal());
  yuan = Math.min(Math.max(yuan, 20), 2_500_000);
  const style = rng.next();
  if (style < 0.3) {
    const step = yuan >= 10_000 ? 1000 : 100;
    return Math.max(step, Math.round(yuan / step) * step) * 100;
  }
  if (style < 0.5) {
    const step = yuan >= 2_000 ? 100 : yuan >= 200 ? 50 : 10;
    return Math.max(step, Math.round(yuan / step) * step) * 100;
  }
  if (style < 0.6) return Math.max(1, Math.round(yuan)) * 100;
  return Math.max(100, Math.round(yuan * 100));
}

/** A bank's deduction from an incoming transfer: 0.50 to 25.00, usually a round tariff. */
export function drawFeeCents(rng: Random): number {
  return rng.chance(0.6) ? rng.pick([50, 100, 200, 500, 1000, 1500, 2000, 2500]) : rng.int(50, 2500);
}

/** Split `cents` into `parts` positive instalments (deposit first, balance last), exact to the cent. */
export function splitInstalments(rng: Random, cents: number, parts: number): number[] {
  const shares = parts === 2 ? rng.pick([[30, 70], [50, 50], [40, 60], [20, 80]]) : rng.pick([[30, 30, 40], [20, 30, 50], [33, 33, 34]]);
  const out: number[] = [];
  let left = cents;
  for (let i = 0; i < parts - 1; i++) {
    // Round instalments to whole yuan when the total allows; the last one takes the remainder.
    let part = Math.round((cents * shares[i]) / 100);
    if (cents >= 100 * 100) part = Math.round(part / 100) * 100;
    part = Math.max(1, Math.min(part, left - (parts - 1 - i)));
    out.push(part);
    left -= part;
  }
  out.push(left);
  return out;
}
