/**
 * A cell value as the grid shows it, by the cell's Excel number format: dates as 2025-03-05,
 * amounts with their decimals and thousands separators, percentages; anything else as stored.
 * Only the formats Recon and ordinary bank/ledger files use are told apart; the rest shows as
 * Excel's General would, near enough for reading a sheet.
 */
import type { CellValue } from '../../engine/types';
import { isoFromSerial } from '../../workbook/layout/excel-dates';

/** The serial range of real dates (1900-01-01 to 9999-12-31); others are not shown as dates. */
const FIRST_SERIAL = 1;
const LAST_SERIAL = 2958465;

/** The parts of a format that are codes, not literal text, colours or locale tags. */
function formatCodes(numFmt: string): string {
  return numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').split(';')[0];
}

export type DisplayKind = 'date' | 'percent' | 'fixed' | 'general';

export function displayKind(numFmt: string | undefined): DisplayKind {
  if (!numFmt || /^general$/i.test(numFmt)) return 'general';
  const codes = formatCodes(numFmt);
  if (/[ymd]/i.test(codes)) return 'date';
  if (codes.includes('%')) return 'percent';
  if (/0/.test(codes)) return 'fixed';
  return 'general';
}

function decimalsOf(codes: string): number {
  const match = /\.(0+)/.exec(codes);
  return match ? match[1].length : 0;
}

function group(fixed: string): string {
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const kind = displayKind(numFmt);
  if (kind === 'date' && value >= FIRST_SERIAL && value <= LAST_SERIAL) return isoFromSerial(Math.floor(value));
  const codes = numFmt ? formatCodes(numFmt) : '';
  if (kind === 'percent') return `${(value * 100).toFixed(decimalsOf(codes))}%`;
  if (kind === 'fixed') {
    const fixed = value.toFixed(decimalsOf(codes));
    return codes.includes(',') ? group(fixed) : fixed;
  }
  // General: what the number is, without binary noise (0.1 + 0.2 shows as 0.3).
  return String(Number(value.toPrecision(15)));
}
