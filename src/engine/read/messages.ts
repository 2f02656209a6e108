/**
 * The wording of reader messages: every cell problem names the row, the column letter, the header,
 * what was expected and what was found.
 */
import { DATE_EXAMPLES } from './date';

export const EXPECTED_AMOUNT = 'an amount such as 1,234.50 or (100.00)';
export const EXPECTED_DATE = `a date such as ${DATE_EXAMPLES}`;

/** `Row 14, column F (借方金额)` — the header is left out when the column has none. */
export function cellPlace(row: number, letter: string, header: string): string {
  return header ? `Row ${row}, column ${letter} (${header})` : `Row ${row}, column ${letter}`;
}

/** `"abc"` or `an empty cell`. */
export function foundText(text: string): string {
  return text === '' ? 'an empty cell' : `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

export function expectedMessage(place: string, expected: string, found: string): string {
  return `${place}: expected ${expected}, found ${foundText(found)}`;
}
