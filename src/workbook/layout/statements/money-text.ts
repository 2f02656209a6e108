/** An amount as text inside a sentence (an e-mail, the confirmation): thousands separated, two decimals. */
import type Decimal from 'decimal.js';

export function moneyText(amount: Decimal): string {
  const fixed = amount.toFixed(2);
  const negative = fixed.startsWith('-');
  const [whole, cents] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
