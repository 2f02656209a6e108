/**
 * How the pane shows figures. Amounts arrive as decimal strings from the worker and are grouped
 * as text, never through a JS float, so what the pane shows is exactly what the engine summed.
 */
import type { CellValue } from '../engine/types';

/** "-1234567.5" → "-1,234,567.50" (two decimals, thousands grouped). */
export function formatAmount(amount: string): string {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (fraction + '00').slice(0, Math.max(2, fraction.length));
  return `${sign === '-' ? '-' : ''}${grouped}.${cents}`;
}

/** 0.8734 → "87.3%". */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A cell as the preview shows it (dates and numbers as Excel handed them over). */
export function cellDisplay(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
