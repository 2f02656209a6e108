/**
 * Amounts, exactly: every amount becomes a decimal.js value straight from its text. Numbers from
 * Excel cells go through their shortest string form, never through float arithmetic.
 */
import Decimal from 'decimal.js';
import type { CellValue } from '../types';
import { CURRENCY_MARKS } from './currency';
import { isPlaceholder, toHalfWidth, trimPadding } from './text';

export type AmountParse =
  | { kind: 'empty' }
  | {
      kind: 'ok';
      value: Decimal;
      /** Text in brackets after the amount (JD's `131.77(已退款89.84)`); letter codes such as `(CN)` are not kept. */
      annotation?: string;
    }
  | { kind: 'invalid'; text: string };

/** How a column writes its numbers; decided once per column from its data (see decideAmountStyle). */
export interface AmountStyle {
  /** `1.234,56` / `-50,00`: comma is the decimal mark, dot or space groups thousands. */
  decimalComma: boolean;
}

export const DOT_DECIMAL: AmountStyle = { decimalComma: false };
export const COMMA_DECIMAL: AmountStyle = { decimalComma: true };

export const EMPTY_AMOUNT: AmountParse = { kind: 'empty' };

/** Suffix words that sign a bank-view amount: `100.00 CR` is money in, `100.00 DR` money out. */
const SIGN_SUFFIXES: { word: string; sign: 1 | -1 }[] = [
  { word: 'cr', sign: 1 },
  { word: 'dr', sign: -1 },
];

/** Excel keeps 15 significant digits; anything past that in a double is binary noise (0.1+0.2). */
const EXCEL_DIGITS = 15;

/**
 * A parsed amount as it is kept: decimal.js fills the digit array of a value read from text by push,
 * which leaves room for 17 words (~150 bytes) where an amount needs one to three; its copy holds
 * exactly its words. Amounts live as long as the run, two or more per row, a million rows or more.
 */
function kept(parsed: Decimal): Decimal {
  return new Decimal(parsed);
}

function decimalFromNumber(value: number): Decimal | null {
  if (!Number.isFinite(value)) return null;
  // below 1e7 decimal.js makes a one-word array; above, it goes through text
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return new Decimal(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return kept(new Decimal(value));
  const text = String(value);
  if (text.length <= EXCEL_DIGITS + 1) return kept(new Decimal(text)); // at most 15 digits plus a point or sign
  let digits = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 /* e */) break;
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  return kept(new Decimal(digits > EXCEL_DIGITS ? value.toPrecision(EXCEL_DIGITS) : text));
}

/** What a quick scan of an amount's characters found. */
const enum Shape {
  /** `-1234.5`, `+0.00`, `12`: decimal.js reads it as it is. */
  Plain,
  /** `1,234.50`, `-1,000.00`: plain but for grouping commas (still to be checked). */
  Grouped,
  /** Anything else: currency marks, brackets, annotations, full-width digits … */
  Other,
}

/** The common cases, recognised by character codes without a regular expression. */
function shapeOf(text: string): Shape {
  let i = 0;
  const n = text.length;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) i = 1;
  let digits = 0;
  let dot = false;
  let comma = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else if (c === 44 && !dot) comma = true;
    else return Shape.Other;
  }
  if (digits === 0 || text.charCodeAt(n - 1) === 46) return Shape.Other;
  return comma ? Shape.Grouped : Shape.Plain;
}

/**
 * Grouped or plain digits with dot decimals: `1,234.50`, `1234.5`, `.5`, and India's lakh grouping
 * (`1,65,000.00`, `12,34,56,789`: threes at the right, then twos), which Tally and Indian banks write.
 */
const DOT_BODY = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)?(?:\.\d+)?$/;
/** Grouped or plain digits with comma decimals: `1.234,50`, `1 234,50`, `1300,00`. */
const COMMA_BODY = /^(?:\d{1,3}(?:[. ]\d{3})+|\d+)?(?:,\d+)?$/;

function stripCurrency(text: string): string {
  const lower = text.toLowerCase();
  for (const mark of CURRENCY_MARKS) {
    if (lower.startsWith(mark)) return trimPadding(text.slice(mark.length));
    if (lower.endsWith(mark)) return trimPadding(text.slice(0, text.length - mark.length));
  }
  return text;
}

/** Splits `131.77(已退款89.84)` into the amount and the bracketed note; `(100.00)` is not a note. */
function splitAnnotation(text: string): { body: string; note: string } | null {
  if (!text.endsWith(')')) return null;
  const open = text.indexOf('(');
  if (open <= 0) return null;
  return { body: trimPadding(text.slice(0, open)), note: trimPadding(text.slice(open + 1, -1)) };
}

/** Country or currency codes after an amount (`8,000.00(CN)`) are not worth a warning. */
const CODE_NOTE = /^[A-Za-z]{2,3}$/;

function parseBody(raw: string, style: AmountStyle): Decimal | null {
  let text = raw;
  let sign = 1;
  let negatedBy = '';
  // (100.00) accounting negative
  if (text.startsWith('(') && text.endsWith(')')) {
    text = trimPadding(text.slice(1, -1));
    sign = -1;
    negatedBy = '()';
  }
  const lower = text.toLowerCase();
  for (const suffix of SIGN_SUFFIXES) {
    if (lower.endsWith(suffix.word) && lower.length > suffix.word.length) {
      const before = lower.charCodeAt(lower.length - suffix.word.length - 1);
      // `100.00CR` / `100.00 CR`, but not the tail of a word
      if ((before >= 48 && before <= 57) || before === 32) {
        text = trimPadding(text.slice(0, -suffix.word.length));
        sign *= suffix.sign;
        break;
      }
    }
  }
  // sign and currency in either order: -$7,971.39, $-7.00, ¥-3.00, -¥3.00, CNY 123.18
  for (let pass = 0; pass < 2; pass++) {
    text = stripCurrency(text);
    const c = text.charCodeAt(0);
    if (c === 45 || c === 0x2212) {
      if (negatedBy) return null;
      sign = -sign;
      negatedBy = '-';
      text = trimPadding(text.slice(1));
    } else if (c === 43) {
      text = trimPadding(text.slice(1));
    }
  }
  // trailing minus: 100.00-
  if (text.endsWith('-')) {
    if (negatedBy) return null;
    sign = -sign;
    text = trimPadding(text.slice(0, -1));
  }
  text = stripCurrency(text);
  if (text === '') return null;
  let plain: string;
  if (style.decimalComma) {
    if (!COMMA_BODY.test(text)) return null;
    plain = text.replace(/[. ]/g, '').replace(',', '.');
  } else {
    if (!DOT_BODY.test(text)) return null;
    plain = text.indexOf(',') >= 0 ? text.replace(/,/g, '') : text;
  }
  if (plain === '' || plain === '.') return null;
  const value = new Decimal(plain);
  return sign < 0 ? value.negated() : kept(value);
}

/**
 * Reads one amount cell. Empty cells, placeholders (`-`, `/`) and padding are `empty`; text that is not
 * an amount is `invalid` with the text as found, for the caller's message.
 */
export function parseAmount(value: CellValue, style: AmountStyle = DOT_DECIMAL): AmountParse {
  if (value === null || value === undefined) return EMPTY_AMOUNT;
  if (typeof value === 'number') {
    const decimal = decimalFromNumber(value);
    return decimal ? { kind: 'ok', value: decimal } : { kind: 'invalid', text: String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: value ? 'TRUE' : 'FALSE' };
  const trimmed = trimPadding(value);
  if (trimmed === '' || isPlaceholder(trimmed)) return EMPTY_AMOUNT;
  if (!style.decimalComma) {
    const shape = shapeOf(trimmed);
    if (shape === Shape.Plain) return { kind: 'ok', value: kept(new Decimal(trimmed)) };
    if (shape === Shape.Grouped) {
      const signed = trimmed.charCodeAt(0) === 45 || trimmed.charCodeAt(0) === 43;
      if (DOT_BODY.test(signed ? trimmed.slice(1) : trimmed)) return { kind: 'ok', value: kept(new Decimal(trimmed.replace(/,/g, ''))) };
    }
  }

  const text = toHalfWidth(trimmed);
  const direct = parseBody(text, style);
  if (direct) return { kind: 'ok', value: direct };
  const split = splitAnnotation(text);
  if (split) {
    const body = parseBody(split.body, style);
    if (body) {
      return CODE_NOTE.test(split.note) ? { kind: 'ok', value: body } : { kind: 'ok', value: body, annotation: split.note };
    }
  }
  return { kind: 'invalid', text: trimmed };
}

/** `1,234` could be either; `1,234.56`/`12.5` show dot decimals, `-50,00`/`1.234,56` comma decimals. */
const LOOKS_DOT_DECIMAL = /\d\.\d{1,2}(?:\D*)$|\d,\d{3}\.\d/;
const LOOKS_COMMA_DECIMAL = /\d,\d{1,2}(?:\D*)$|\d\.\d{3},\d/;

/** What one text cell says about its column's decimal mark: `1,234.56` a dot, `-50,00` a comma, `500` or `1,234` nothing. */
export function amountMarkOf(raw: string): 'dot' | 'comma' | undefined {
  const text = toHalfWidth(raw);
  if (text.indexOf(',') < 0 && text.indexOf('.') < 0) return undefined;
  if (LOOKS_COMMA_DECIMAL.test(text)) return 'comma';
  return LOOKS_DOT_DECIMAL.test(text) ? 'dot' : undefined;
}

/**
 * Decides a column's decimal mark from its text cells: comma only when some values show a comma
 * decimal and none show a dot decimal. Undefined when the values say nothing either way.
 */
export function decideAmountStyle(texts: Iterable<string>): AmountStyle | undefined {
  let comma = false;
  for (const raw of texts) {
    const mark = amountMarkOf(raw);
    if (mark === 'dot') return DOT_DECIMAL; // one dot decimal decides it: comma only when none shows a dot
    if (mark === 'comma') comma = true;
  }
  return comma ? COMMA_DECIMAL : undefined;
}
