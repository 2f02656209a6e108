/**
 * Cell text as the reader sees it. Bank exports pad cells with spaces, TABs, NBSP and the
 * ideographic space (U+3000), write full-width digits, and use `/`, `-`, `--` for "nothing here".
 */
import type { CellValue } from '../types';

/** Characters trimmed from both ends of every cell: ASCII whitespace, NBSP, U+3000, zero-width, BOM. */
function isPadding(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x200b ||
    code === 0xfeff
  );
}

/** A backquote before a value: 微信支付's merchant bills (资金账单, 交易账单) write one before every field, so Excel keeps long numbers as text. */
const TEXT_MARK = 0x60;

export function trimPadding(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPadding(text.charCodeAt(start))) start++;
  if (start < end && text.charCodeAt(start) === TEXT_MARK) {
    start++;
    while (start < end && isPadding(text.charCodeAt(start))) start++;
  }
  while (end > start && isPadding(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Cells that mean "empty" in bank exports (WeChat `/`, ICBC `-`, ABC `--`). */
const PLACEHOLDERS = new Set(['/', '-', '--', '---', '—', '——', '－', '－－', 'N/A', 'n/a']);

/** The longest placeholder: longer text is looked up no further (a Set lookup hashes the whole text). */
const MAX_PLACEHOLDER_LENGTH = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

export function isPlaceholder(text: string): boolean {
  return text.length <= MAX_PLACEHOLDER_LENGTH && PLACEHOLDERS.has(text);
}

/** A number as the text Excel would show for it (shortest round-trip form). */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/**
 * The cleaned text of a cell: padding trimmed, placeholders emptied. The user's characters are
 * otherwise kept (full-width letters in a counterparty name stay as they are).
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const trimmed = trimPadding(value);
    return isPlaceholder(trimmed) ? '' : trimmed;
  }
  if (typeof value === 'number') return numberText(value);
  return value ? 'TRUE' : 'FALSE';
}

/** True when a cell holds nothing but padding. */
export function isBlankCell(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) if (!isPadding(value.charCodeAt(i))) return false;
  return true;
}

/**
 * Full-width ASCII variants (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, （）, ，, ．, －, ／, ：) → ASCII, U+3000 → space,
 * and the full-width yen sign ￥ → ¥. Used before parsing numbers, dates and header words only.
 */
export function toHalfWidth(text: string): string {
  let needed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0xffe5 || code === 0xa0) {
      needed = true;
      break;
    }
  }
  if (!needed) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0xa0) out += ' ';
    else if (code === 0xffe5) out += '¥';
    else out += text[i];
  }
  return out;
}

/** Any code point outside ASCII: only such text can change under NFKC. */
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * NFKC: look-alike compatibility characters read as what they look like. PDF converters write Kangxi
 * radicals (⽇ U+2F47) for the ideograph 日, ⾦ for 金; NFKC also folds full-width forms and ligatures.
 */
export function compatibilityForm(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC') : text;
}

/**
 * The comparable form of a header or keyword: NFKC (Kangxi radicals → ideographs), half-width, lower case, every space removed
 * (`日 志 号` = `日志号`, ` Transaction Amount` = `transactionamount`), and a trailing unit such as
 * `(元)` or `（人民币）` dropped.
 */
export function normalizeLabel(text: string): string {
  const lower = toHalfWidth(compatibilityForm(text)).toLowerCase();
  const half = ACCENTED.test(lower) ? lower.replace(ACCENTED_ALL, withoutAccent) : lower;
  // Most labels have no padding inside: keep the string rather than rebuild it a character at a time.
  let firstPadding = 0;
  while (firstPadding < half.length && !isPadding(half.charCodeAt(firstPadding))) firstPadding++;
  let out = half.slice(0, firstPadding);
  for (let i = firstPadding; i < half.length; i++) {
    const code = half.charCodeAt(i);
    if (!isPadding(code)) out += half[i];
  }
  return out.endsWith(')') ? out.replace(TRAILING_UNIT, '') : out;
}

/** Latin letters with an accent (Débit, Crédit, Libellé, Fecha de operación): labels match without it. */
const ACCENTED = /[\u00c0-\u024f]/;
const ACCENTED_ALL = /[\u00c0-\u024f]/g;
const withoutAccent = (letter: string) => letter.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * A currency written after a header, `(元)`, `(£)`, `(HKD)`, `(新臺幣)`, the sign a register puts
 * there, `Payment (-)`, `Deposit (+)`, or both, as 支付宝's 账务明细 writes `收入金额（+元）`: the header
 * means the same without it.
 */
const TRAILING_UNIT = /\((?:[+\-−]?(?:元|人民币|人民幣|rmb|cny|¥|£|€|\$|us\$|hk\$|nt\$|gbp|eur|usd|hkd|twd|ntd|新台币|新臺幣|新台幣|港币|港幣|美元)|\+|-|−)\)$/;

/** A cell with nothing but padding or a placeholder (`-`, `/`), checked without allocating. */
function isEmptyish(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return typeof value === 'number' && !Number.isFinite(value);
  let start = 0;
  let end = value.length;
  while (start < end && isPadding(value.charCodeAt(start))) start++;
  if (start === end) return true;
  while (end > start && isPadding(value.charCodeAt(end - 1))) end--;
  return end - start <= 3 && PLACEHOLDERS.has(value.slice(start, end));
}

/** A row is blank when every cell is blank or a placeholder. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isEmptyish(row[i])) return false;
  return true;
}
