/**
 * Amounts as cells: a decimal.js value rounded to the cent, handed over as the number Excel stores.
 * Two decimals of a value under 10^13 survive as a double's shortest form exactly, so the cell reads
 * back as the same text and a total written beside its lines equals their sum to the cent.
 */
import type Decimal from 'decimal.js';

export function moneyCell(amount: Decimal): number {
  return Number(amount.toFixed(2));
}

/** `1,234.50` for amounts quoted inside text. */
export function moneyText(amount: Decimal): string {
  const [whole, cents] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
