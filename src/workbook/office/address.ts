/**
 * A1 addresses for the Office adapter: what the user or Excel hands us (`'Bank export'!A1:H812`,
 * `Sheet1!C5`, a bare sheet name, `A3:H90` on the active sheet) and what we hand back (always
 * with the sheet name quoted, `'Bank'!A3:H90`). Pure string work; requires no ExcelApi.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1-based column → letters (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 1-based column. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A rectangle in 1-based sheet coordinates. */
export interface Block {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function localAddress(block: Block): string {
  const first = `${columnLetters(block.left)}${block.top}`;
  if (block.rows === 1 && block.columns === 1) return first;
  return `${first}:${columnLetters(block.left + block.columns - 1)}${block.top + block.rows - 1}`;
}

/** `'Sheet'!A1:H9`, the form every address we return takes. */
export function sheetAddress(sheet: string, block: Block): string {
  return `${quoteSheetName(sheet)}!${localAddress(block)}`;
}

const LOCAL_RANGE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;
const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const WHOLE_ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Parses `A1`, `$A$1:$H$20`, whole columns `A:H` or whole rows `3:10`; null otherwise. */
export function parseLocal(local: string): Block | null {
  const text = local.trim();
  const columns = WHOLE_COLUMNS.exec(text);
  if (columns) return parseLocal(`${columns[1]}1:${columns[2]}${MAX_ROWS}`);
  const rows = WHOLE_ROWS.exec(text);
  if (rows) return parseLocal(`A${rows[1]}:${columnLetters(MAX_COLUMNS)}${rows[2]}`);
  const m = LOCAL_RANGE.exec(text);
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  const block = { top, left, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
  if (top < 1 || left < 1 || top + block.rows - 1 > MAX_ROWS || left + block.columns - 1 > MAX_COLUMNS) return null;
  return block;
}

/** What a user address names: a whole sheet, or a range on a named (or the active) sheet. */
export type UserAddress = { kind: 'sheet'; sheet: string } | { kind: 'range'; sheet?: string; local: string; block: Block };

function unquote(name: string): string {
  const t = name.trim();
  return t.startsWith("'") && t.endsWith("'") && t.length >= 2 ? t.slice(1, -1).replace(/''/g, "'") : t;
}

export function parseUserAddress(address: string): UserAddress {
  const text = address.trim();
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const sheet = unquote(text.slice(0, bang));
    const local = text.slice(bang + 1).trim();
    if (local === '') return { kind: 'sheet', sheet };
    const block = parseLocal(local);
    if (!block) throw new Error(`"${address}" is not a cell range: expected something like 'Sheet1'!A1:H200.`);
    return { kind: 'range', sheet, local, block };
  }
  const block = parseLocal(text);
  if (block && !text.startsWith("'")) return { kind: 'range', local: text, block };
  return { kind: 'sheet', sheet: unquote(text) };
}

/** Parses an address as Excel reports it (`Sheet1!A1:B2`, `'My sheet'!C3`). */
export function parseExcelAddress(address: string): { sheet: string; block: Block } {
  const parsed = parseUserAddress(address);
  if (parsed.kind !== 'range' || parsed.sheet === undefined) throw new Error(`Unexpected address from Excel: ${address}`);
  return { sheet: parsed.sheet, block: parsed.block };
}
