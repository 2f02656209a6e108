/**
 * A1 addresses: column letters, sheet-name quoting, and parsing `'Bank export'!A3:H90`.
 * Shared by every host so an address written by one reads the same in another.
 */
import { columnLetter as letterOfIndex } from '../../engine/read/column-letter';

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

/**
 * Quotes a sheet name unless Excel would accept it bare: letters (any script), digits, `_` and `.`,
 * not starting with a digit, and not readable as a cell (AB12) or an R1C1 reference.
 */
export function quoteSheetName(sheet: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) && !/^(R|C|R[0-9]*C[0-9]*|R[0-9]+|C[0-9]+)$/i.test(sheet);
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

export interface ParsedAddress {
  /** Sheet name, or undefined when the address has none (`A1:B2`). */
  sheet?: string;
  /** The rectangle, or undefined when the address is a bare sheet name (its used range). */
  rect?: CellRect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/;

/**
 * Parses `Sheet1!A1:H8`, `'Bank export'!A3`, `'O''Brien'!B2:C3`, `A1:H8`, or a bare sheet name
 * (a string that is neither quoted-with-! nor a cell reference).
 */
export function parseAddress(address: string): ParsedAddress {
  const text = address.trim();
  let sheet: string | undefined;
  let cells = text;
  if (text.startsWith("'")) {
    const end = findClosingQuote(text);
    sheet = text.slice(1, end).replace(/''/g, "'");
    const rest = text.slice(end + 1);
    if (rest === '') return { sheet };
    if (!rest.startsWith('!')) throw new SyntaxError(`Not an address: ${address}`);
    cells = rest.slice(1);
  } else {
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      cells = text.slice(bang + 1);
    } else if (!isCellRange(text)) {
      return { sheet: text };
    }
  }
  return { sheet, rect: parseCells(cells, address) };
}

function findClosingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  throw new SyntaxError(`Unclosed quote in address: ${text}`);
}

function isCellRange(text: string): boolean {
  return text.split(':').every((part) => CELL.test(part)) && text.split(':').length <= 2;
}

function parseCells(cells: string, address: string): CellRect {
  const parts = cells.split(':');
  if (parts.length > 2 || !parts.every((p) => CELL.test(p))) throw new SyntaxError(`Not an address: ${address}`);
  const [a, b] = [parts[0], parts[1] ?? parts[0]].map((p) => {
    const [, letters, row] = CELL.exec(p)!;
    return { row: Number(row), column: columnNumber(letters) };
  });
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}
