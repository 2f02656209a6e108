/**
 * The reader's fast path for amounts: the common cells (`-1234.5`, `1,234.50`, `(100.00)`, `１２３．４５`,
 * `¥2,127.82`, `-$7.00`, `28.50元`, a plain number) read straight to exact integer cents by character codes, with no Decimal and no
 * intermediate string. Anything else (more than two decimals, comma decimals, other currency marks, CR/DR,
 * annotations, exponents, negative zero, amounts of 2^50 cents or more) is NaN here and goes to
 * amount.ts parseAmount, the Decimal path, which stays the arithmetic of record. Where both read a
 * cell, the cents are exactly `exactCents(parseAmount(cell).value)` (property-tested).
 */
import Decimal from 'decimal.js';
import type { CellValue } from '../types';
import type { AmountStyle } from './amount';

/** Integer digits read here: 13 digits of units are below 10^15 cents < 2^50. */
const MAX_INTEGER_DIGITS = 13;
/** Integers whose cents are exact and below 2^50 (10^13 × 100 = 10^15 < 2^50). */
const MAX_INTEGER_NUMBER = 1e13;

function isPadding(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0x200b || code === 0xfeff;
}

/** A digit's value (ASCII or full-width), else −1. */
function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** `-`, the minus sign U+2212 and the full-width `－`. */
function isMinus(code: number): boolean {
  return code === 45 || code === 0x2212 || code === 0xff0d;
}

function isPlus(code: number): boolean {
  return code === 43 || code === 0xff0b;
}

/** Currency marks read before an amount here: `¥`, full-width `￥`, `$`, `€`, `£` (amount.ts strips the same, and more). */
function isLeadingMark(code: number): boolean {
  return code === 0xa5 || code === 0xffe5 || code === 36 || code === 0x20ac || code === 0xa3;
}

/** 元 after an amount (`28.50元`). */
const YUAN = 0x5143;

/**
 * Exact integer cents of a dot-decimal amount text between `start` and `end` (already trimmed), or NaN
 * when the text is not one of the simple shapes: [sign] digits [grouped by commas in threes] [. 1–2 digits],
 * or (with `brackets`) the same in accounting brackets without a sign. Without `signed`, no sign either.
 */
function centsOfText(text: string, start: number, end: number, brackets = true, signed = true): number {
  let i = start;
  let negative = false;
  if (i >= end) return NaN;
  let c = text.charCodeAt(i);
  if (brackets && (c === 40 /* ( */ || c === 0xff08)) {
    const last = text.charCodeAt(end - 1);
    if (last !== 41 && last !== 0xff09) return NaN;
    negative = true;
    i++;
    end--;
    if (i >= end) return NaN;
  } else if (signed && isMinus(c)) {
    negative = true;
    i++;
  } else if (signed && isPlus(c)) {
    i++;
  }
  if (i >= end) return NaN;
  let units = 0;
  let intDigits = 0;
  /** Digits since the last grouping comma; −1 before any comma. */
  let group = -1;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) {
      units = units * 10 + d;
      intDigits++;
      if (group >= 0) group++;
      continue;
    }
    if (c === 44 || c === 0xff0c) {
      // `1,234`: the first group has 1–3 digits, each later one exactly 3
      if (group < 0 ? intDigits < 1 || intDigits > 3 : group !== 3) return NaN;
      group = 0;
      continue;
    }
    break;
  }
  if (group >= 0 && group !== 3) return NaN;
  if (intDigits > MAX_INTEGER_DIGITS) return NaN;
  let cents = units * 100;
  if (i < end) {
    c = text.charCodeAt(i);
    if (c !== 46 && c !== 0xff0e) return NaN;
    i++;
    const decimals = end - i;
    if (decimals < 1 || decimals > 2) return NaN;
    const first = digitOf(text.charCodeAt(i));
    if (first < 0) return NaN;
    cents += first * 10;
    if (decimals === 2) {
      const second = digitOf(text.charCodeAt(i + 1));
      if (second < 0) return NaN;
      cents += second;
    }
    if (intDigits === 0 && group >= 0) return NaN;
  } else if (intDigits === 0) {
    return NaN;
  }
  if (cents === 0) return negative ? NaN : 0; // `-0.00` is a negative zero for decimal.js: its own path
  return negative ? -cents : cents;
}

/**
 * A cell's amount in exact integer cents when it is one of the common shapes, else NaN (then ask
 * parseAmount: it also tells empty from invalid and keeps annotations).
 */
export function fastCents(value: CellValue, style: AmountStyle): number {
  if (typeof value === 'string') {
    if (style.decimalComma) return NaN;
    let start = 0;
    let end = value.length;
    while (start < end && isPadding(value.charCodeAt(start))) start++;
    while (end > start && isPadding(value.charCodeAt(end - 1))) end--;
    if (start === end) return NaN;
    const first = value.charCodeAt(start);
    // a currency mark before the amount (`¥2,127.82`, `$-7.00`) or after a sign (`-¥3.00`); 元 after it
    if (isLeadingMark(first)) {
      start++;
      while (start < end && isPadding(value.charCodeAt(start))) start++;
      return centsOfText(value, start, end, false, true);
    }
    if ((isMinus(first) || isPlus(first)) && end - start > 1 && isLeadingMark(value.charCodeAt(start + 1))) {
      start += 2;
      while (start < end && isPadding(value.charCodeAt(start))) start++;
      const cents = centsOfText(value, start, end, false, false);
      return isMinus(first) ? (cents === 0 ? NaN : -cents) : cents;
    }
    if (value.charCodeAt(end - 1) === YUAN) {
      end--;
      while (end > start && isPadding(value.charCodeAt(end - 1))) end--;
      return centsOfText(value, start, end, false, true);
    }
    return centsOfText(value, start, end);
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      if (value === 0) return Object.is(value, -0) ? NaN : 0;
      return value > -MAX_INTEGER_NUMBER && value < MAX_INTEGER_NUMBER ? value * 100 : NaN;
    }
    if (!Number.isFinite(value)) return NaN;
    const text = String(value);
    // at most 15 digits plus a point or sign, as parseAmount reads a number's text without rounding
    return text.length <= 16 ? centsOfText(text, 0, text.length) : NaN;
  }
  return NaN;
}
