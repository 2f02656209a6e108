/**
 * A1 addresses: column letters, sheet-name quoting, and parsing `'Bank export'!A3:H90`.
 * Shared by every host so an address written by one reads the same in another.
 */
import { columnLetter as letterOfIndex } from '../../engine/read/column-letter';
import { LETTERS, NUMBERS } from '../../engine/unicode-classes';

/** An Excel sheet's size (Excel 2007 and later). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** `rect` grown to take in one more cell (a new one-cell rect when there is none yet). */
export function extendRect(rect: CellRect | null, row: number, column: number): CellRect {
  return rect
    ? { top: Math.min(rect.top, row), left: Math.min(rect.left, column), bottom: Math.max(rect.bottom, row), right: Math.max(rect.right, column) }
    : { top: row, left: column, bottom: row, right: column };
}

/** 1-based column number → letters: 1 → A, 27 → AA (the engine's 0-based helper, shifted). */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Not a column number: ${column}`);
  return letterOfIndex(column - 1);
}

/** Letters → 1-based column number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`Not a column: "${letters}"`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Letters of any script, then letters, numbers, `_` and `.` (ranges: EdgeHTML 18 has no `\p{…}`). */
const WORD_LIKE = new RegExp(`^[${LETTERS}_][${LETTERS}${NUMBERS}_.]*$`, 'u');

/**
 * Quotes a sheet name unless Excel would accept it bare: letters (any script), digits, `_` and `.`,
 * not starting with a digit, and not readable as a cell (AB12) or an R1C1 reference.
 */
export function quoteSheetName(sheet: string): string {
  const bare = WORD_LIKE.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) && !/^(R|C|R[0-9]*C[0-9]*|R[0-9]+|C[0-9]+)$/i.test(sheet);
  return bare ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** 1-based, inclusive rectangle. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectAddress(rect: CellRect): string {
  const first = `${columnLetter(rect.left)}${rect.top}`;
  const last = `${columnLetter(rect.right)}${rect.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

export function sheetAddress(sheet: string, rect: CellRect): string {
  return `${quoteSheetName(sheet)}!${rectAddress(rect)}`;
}

export function rectRows(rect: CellRect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: CellRect): number {
  return rect.right - rect.left + 1;
}

export interface ParsedAddress {
  /** Sheet name, or undefined when the address has none (`A1:B2`: the active sheet). */
  sheet?: string;
  /** The rectangle, or undefined when the address is a bare sheet name (its used range). */
  rect?: CellRect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const WHOLE_ROWS = /^\$?([0-9]{1,7}):\$?([0-9]{1,7})$/;

/**
 * Parses `Sheet1!A1:H8`, `'Bank export'!A3`, `'O''Brien'!B2:C3`, `A1:H8`, whole columns `A:H`,
 * whole rows `3:10`, or a bare sheet name (`Bank`, `'Bank export'`, `Bank!`): a string that is
 * neither quoted-with-! nor a cell reference.
 */
export function parseAddress(address: string): ParsedAddress {
  const text = address.trim();
  let sheet: string | undefined;
  let cells = text;
  if (text.startsWith("'")) {
    const end = findClosingQuote(text, address);
    sheet = text.slice(1, end).replace(/''/g, "'");
    const rest = text.slice(end + 1).trim();
    if (rest === '' || rest === '!') return { sheet };
    if (!rest.startsWith('!')) throw notAnAddress(address);
    cells = rest.slice(1);
  } else {
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      sheet = text.slice(0, bang).trim();
      cells = text.slice(bang + 1);
      if (cells.trim() === '') return { sheet };
    } else if (parseCells(text) === null) {
      return { sheet: text };
    }
  }
  const rect = parseCells(cells.trim());
  if (rect === null) throw notAnAddress(address);
  return { sheet, rect };
}

function notAnAddress(address: string): SyntaxError {
  return new SyntaxError(`"${address}" is not a cell range: expected something like 'Sheet1'!A1:H200.`);
}

function findClosingQuote(text: string, address: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  throw new SyntaxError(`Unclosed quote in address: ${address}`);
}

/** `A1`, `$A$1:$H$20`, `A:H` or `3:10` inside the sheet → its rectangle; null when it is none of those. */
function parseCells(cells: string): CellRect | null {
  const columns = WHOLE_COLUMNS.exec(cells);
  if (columns) return parseCells(`${columns[1]}1:${columns[2]}${MAX_ROWS}`);
  const rows = WHOLE_ROWS.exec(cells);
  if (rows) return parseCells(`A${rows[1]}:${columnLetter(MAX_COLUMNS)}${rows[2]}`);
  const parts = cells.split(':');
  if (parts.length > 2 || !parts.every((p) => CELL.test(p))) return null;
  const [a, b] = [parts[0], parts[1] ?? parts[0]].map((p) => {
    const [, letters, row] = CELL.exec(p)!;
    return { row: Number(row), column: columnNumber(letters) };
  });
  const rect = {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
  return rect.top >= 1 && rect.bottom <= MAX_ROWS && rect.right <= MAX_COLUMNS ? rect : null;
}
