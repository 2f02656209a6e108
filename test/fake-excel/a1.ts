/**
 * A1 addresses as the fake Excel understands and reports them. Kept apart from the adapter's own
 * address code on purpose: the fake must not share the code it is meant to check.
 * Rectangles are 0-based and inclusive.
 */
import { FakeOfficeError } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function rectCells(rect: Rect): number {
  return rectRows(rect) * rectColumns(rect);
}

export function rectContains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.r0 && row <= rect.r1 && column >= rect.c0 && column <= rect.c1;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function invalidAddress(address: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
}

/** Splits `'My sheet'!A1:B2` into sheet name and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses a local A1 reference: `A1`, `$A$1:$H$20`, `A:C`, `3:5`. */
export function parseLocal(local: string): Rect {
  const parts = local.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw invalidAddress(local);
  const cells = parts.map((p) => CELL.exec(p));
  let rect: Rect;
  if (cells.every((m) => m !== null)) {
    const [a, b] = [cells[0]!, cells[cells.length - 1]!];
    rect = {
      r0: Number(a[2]) - 1,
      c0: columnIndex(a[1]),
      r1: Number(b[2]) - 1,
      c1: columnIndex(b[1]),
    };
  } else if (parts.length === 2 && parts.every((p) => COLUMN.test(p))) {
    rect = { r0: 0, r1: MAX_ROWS - 1, c0: columnIndex(COLUMN.exec(parts[0])![1]), c1: columnIndex(COLUMN.exec(parts[1])![1]) };
  } else if (parts.length === 2 && parts.every((p) => ROW.test(p))) {
    rect = { r0: Number(ROW.exec(parts[0])![1]) - 1, r1: Number(ROW.exec(parts[1])![1]) - 1, c0: 0, c1: MAX_COLUMNS - 1 };
  } else {
    throw invalidAddress(local);
  }
  const normal: Rect = {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (normal.r0 < 0 || normal.c0 < 0 || normal.r1 >= MAX_ROWS || normal.c1 >= MAX_COLUMNS) throw invalidAddress(local);
  return normal;
}

export function formatLocal(rect: Rect): string {
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) return `${columnLetters(rect.c0)}:${columnLetters(rect.c1)}`;
  if (rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const a = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${columnLetters(rect.c1)}${rect.r1 + 1}`;
}

/** Excel quotes a sheet name in an address when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${formatLocal(rect)}`;
}
