/**
 * Dates as banks write them. The formats are a table (DATE_PATTERNS), tried in order; a column's
 * day/month order and the year of year-less dates are decided once per column (see decideDateOrder,
 * yearFromTitles), never guessed cell by cell.
 */
import type { CellValue } from '../types';
import { compatibilityForm, isPlaceholder, toHalfWidth, trimPadding } from './text';

import { DAYS_IN_MONTH, isLeap, makeDate, MS_PER_DAY, type DateOrder, type OkDate } from './calendar-day';

export { DATE_ORDERS, makeDate, type DateOrder, type OkDate, type ParsedDate } from './calendar-day';

export interface StatementPeriod {
  year: number;
  /** 1–12 when the title names the month; lets 12/29 in a January statement fall in the year before. */
  month?: number;
}

export interface DateRules {
  /** Order of two-digit parts in `a/b/yyyy` and `a/b` (YMD only applies to `yy/mm/dd`). */
  order: DateOrder;
  /** Year for dates written without one (CMB credit card `12/29`). */
  period?: StatementPeriod;
}


/** A parsed date as the parser hands it out (shared, memoised objects: treat as read-only). */

export type DateParse =
  | { kind: 'empty' }
  | OkDate
  | { kind: 'invalid'; text: string }
  /** A month and day without a year, and no year to give it. */
  | { kind: 'no-year'; text: string };

/** What a date cell should look like, for messages. */
export const DATE_EXAMPLES = '2025-03-05, 2025/3/5, 20250305 or 2025年3月5日';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** Two-digit years: 00–69 are 20xx, 70–99 are 19xx. ROC (民國) years are 1911 behind. */
function fullYear(text: string, roc: boolean): number {
  const y = Number(text);
  if (roc) return y + 1911;
  if (text.length === 2) return y < 70 ? 2000 + y : 1900 + y;
  if (text.length === 3) return y + 1911; // 114/03/05: three-digit years are ROC years
  return y;
}

type Parts = { y: number; m: number; d: number } | 'no-year' | null;

interface DatePattern {
  /** Name for decisions and tests. */
  name: string;
  example: string;
  regex: RegExp;
  read(match: RegExpExecArray, rules: DateRules): Parts;
}

function ordered(a: string, b: string, yearText: string, rules: DateRules): Parts {
  const y = fullYear(yearText, false);
  return rules.order === 'DMY' ? { y, m: Number(b), d: Number(a) } : { y, m: Number(a), d: Number(b) };
}

function yearless(month: number, day: number, rules: DateRules): Parts {
  const period = rules.period;
  if (!period) return 'no-year';
  let y = period.year;
  // December lines in a January statement belong to the year before, and the other way round
  if (period.month !== undefined) {
    if (month - period.month > 6) y -= 1;
    else if (period.month - month > 6) y += 1;
  }
  return { y, m: month, d: day };
}

/** Time parts after a date (` 16:59`, `T10:00:00Z`, `  14:06:51`) are ignored. */
const TIME_TAIL = '(?:[T\\s].*)?$';

/** The formats, most common first. All anchored and free of nested repetition (no backtracking blow-up). */
export const DATE_PATTERNS: readonly DatePattern[] = [
  {
    name: 'y-m-d',
    example: '2025-03-05, 2025/3/5, 2025.9.6 16:59',
    regex: new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME_TAIL}`),
    read: (m) => ({ y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) }),
  },
  {
    name: 'yyyymmdd',
    example: '20250305',
    regex: /^(\d{4})(\d{2})(\d{2})(?:[T\s]?\d{2}:?\d{2}(?::?\d{2})?)?$/,
    read: (m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }),
  },
  {
    name: 'chinese',
    example: '2025年3月5日, 民國114年3月5日',
    regex: /^(民國|民国)?\s*(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?.*$/,
    read: (m) => ({ y: fullYear(m[2], m[1] !== undefined), m: Number(m[3]), d: Number(m[4]) }),
  },
  {
    name: 'roc',
    example: '114/03/05',
    regex: new RegExp(`^(\\d{3})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME_TAIL}`),
    read: (m) => ({ y: fullYear(m[1], true), m: Number(m[3]), d: Number(m[4]) }),
  },
  {
    // 台灣's banks and 郵局 write 民國 dates run together: 1140305 is 民國114年3月5日
    name: 'roc compact',
    example: '1140305',
    regex: /^(1\d{2})(\d{2})(\d{2})$/,
    read: (m) => ({ y: fullYear(m[1], true), m: Number(m[2]), d: Number(m[3]) }),
  },
  {
    name: 'a/b/year',
    example: '03/05/2025, 5/3/25',
    regex: new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME_TAIL}`),
    read: (m, rules) =>
      rules.order === 'YMD' && m[4].length === 2
        ? { y: fullYear(m[1], false), m: Number(m[3]), d: Number(m[4]) }
        : ordered(m[1], m[3], m[4], rules),
  },
  {
    name: 'd mon y',
    example: '30 Jun 2023, 30-JUN-23',
    regex: new RegExp(`^(\\d{1,2})[\\s-]*([A-Za-z]{3,9})\\.?[\\s,-]*(\\d{4}|\\d{2})${TIME_TAIL}`),
    read: (m) => {
      const month = MONTHS[m[2].toLowerCase()];
      return month ? { y: fullYear(m[3], false), m: month, d: Number(m[1]) } : null;
    },
  },
  {
    name: 'mon d, y',
    example: 'Mar 5, 2025',
    regex: new RegExp(`^([A-Za-z]{3,9})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4})${TIME_TAIL}`),
    read: (m) => {
      const month = MONTHS[m[1].toLowerCase()];
      return month ? { y: Number(m[3]), m: month, d: Number(m[2]) } : null;
    },
  },
  {
    name: 'month/day',
    example: '12/29 (year from the statement title)',
    regex: new RegExp(`^(\\d{1,2})[-/](\\d{1,2})${TIME_TAIL}`),
    read: (m, rules) =>
      rules.order === 'DMY' ? yearless(Number(m[2]), Number(m[1]), rules) : yearless(Number(m[1]), Number(m[2]), rules),
  },
  {
    name: 'chinese month/day',
    example: '3月5日',
    regex: /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?.*$/,
    read: (m, rules) => yearless(Number(m[1]), Number(m[2]), rules),
  },
];

/** Day number of 1899-12-30, Excel's day zero once past its fictional 1900-02-29 (serial 60). */
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;
/** Serial of 9999-12-31, Excel's last date. */
const EXCEL_LAST_SERIAL = 2958465;

/**
 * An Excel serial (1900 date system) → date. Excel counts 1900-02-29, which never existed, so serials
 * 1–59 are one day later than a plain count from 1899-12-30 would say, and 60 itself is no date.
 */
export function dateFromSerial(serial: number): OkDate | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > EXCEL_LAST_SERIAL || whole === 60) return null;
  const day = EXCEL_EPOCH_DAY + (whole < 60 ? whole + 1 : whole);
  const date = new Date(day * MS_PER_DAY);
  return makeDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * What a date typed as a whole number adds to its leading digits to make the year: 20250305 is a
 * yyyymmdd date (0), not a serial in the year 57000; 1140305 is 民國114年3月5日 (1911), not a serial in
 * the year 5022. Null for any other number (a serial).
 */
function compactYearBase(value: number): number | null {
  if (!Number.isInteger(value)) return null;
  if (value >= 10000101 && value <= 99991231) return 0;
  if (value >= 1000101 && value <= 1991231) return 1911;
  return null;
}

function fromNumber(value: number): DateParse {
  const base = compactYearBase(value);
  const date = base === null ? dateFromSerial(value) : makeDate(base + Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
  return date ?? { kind: 'invalid', text: String(value) };
}

/** `2025-03-05`, `2025/03/05 12:00:00`, `2025.03.05`, checked by character codes: the common case skips the table. */
function fastIso(text: string): OkDate | null {
  if (text.length < 10) return null;
  const sep = text.charCodeAt(4);
  if ((sep !== 45 && sep !== 47 && sep !== 46) || text.charCodeAt(7) !== sep) return null;
  if (text.length > 10) {
    const next = text.charCodeAt(10);
    if (next !== 32 && next !== 84 && next !== 9) return null;
  }
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return makeDate(y, m, d);
}

/**
 * Reads one date cell. `hint` remembers which pattern the column matched last, so a column of
 * one format tries that pattern first. `memo` (one per column and rules) keeps each distinct text's
 * result: a busy account writes the same day hundreds of times. The patterns never both match one
 * text, so the result does not depend on which is tried first.
 */
export function parseDate(value: CellValue, rules: DateRules, hint?: { index: number }, memo?: Map<string, DateParse>): DateParse {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'boolean') return { kind: 'invalid', text: String(value) };
  const trimmed = trimPadding(value);
  if (trimmed === '' || isPlaceholder(trimmed)) return { kind: 'empty' };
  const fast = fastIso(trimmed);
  if (fast) return fast;
  if (!memo) return parseDateText(trimmed, rules, hint);
  let found = memo.get(trimmed);
  if (found === undefined) {
    found = parseDateText(trimmed, rules, hint);
    if (memo.size < MAX_REMEMBERED_DATES) memo.set(trimmed, found);
  }
  return found;
}

/** Distinct date texts a memo keeps (a year of days, with and without times, many times over). */
const MAX_REMEMBERED_DATES = 50_000;

/** A weekday before the date (`Wed, 5 Mar 2025`, `Wednesday 5 March 2025`): it says nothing the date does not. */
const WEEKDAY = '(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?,?\\s+';
const LEADING_WEEKDAY = new RegExp(`^${WEEKDAY}(?=\\d|[A-Za-z]{3})`, 'i');
/** Weekday numbers as Date.getUTCDay gives them (Sunday 0), by the word's first three letters. */
const WEEKDAY_NUMBERS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** Chinese numerals as a formal date writes them (二〇二五年三月十五日); one character per digit of a year. */
const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_NUMERAL_DATE = /(民國|民国)?([〇零一二三四五六七八九]{2,4})年([〇零一二三四五六七八九十]{1,3})月(?:([〇零一二三四五六七八九十]{1,3})[日号])?/;

/** 十五 → 15, 二十 → 20, 三十一 → 31, 五 → 5; anything else NaN. */
function smallChineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? CHINESE_DIGITS[text] : NaN;
  const tens = ten === 0 ? 1 : text.length >= 2 && ten === 1 ? CHINESE_DIGITS[text[0]] : NaN;
  const units = ten === text.length - 1 ? 0 : ten === text.length - 2 ? CHINESE_DIGITS[text[ten + 1]] : NaN;
  return tens * 10 + units;
}

/** 二〇二五年三月五日 → 2025年3月5日 (and 二〇二五年三月 → 2025年3月 in a title); other text as it was. */
export function chineseNumeralsToDigits(text: string): string {
  const m = CHINESE_NUMERAL_DATE.exec(text);
  if (!m) return text;
  const year = Array.from(m[2], (c) => CHINESE_DIGITS[c]).join('');
  const month = smallChineseNumber(m[3]);
  const day = m[4] === undefined ? undefined : smallChineseNumber(m[4]);
  if (!(month >= 1 && month <= 12) || (day !== undefined && !(day >= 1 && day <= 31))) return text;
  const digits = `${m[1] ?? ''}${year}年${month}月${day === undefined ? '' : `${day}日`}`;
  return text.slice(0, m.index) + digits + text.slice(m.index + m[0].length);
}

/** A trimmed, non-ISO date text through the pattern table. */
function parseDateText(trimmed: string, rules: DateRules, hint?: { index: number }): DateParse {
  const text = chineseNumeralsToDigits(toHalfWidth(compatibilityForm(trimmed))).replace(LEADING_WEEKDAY, '');
  const first = hint ? hint.index : 0;
  for (let k = 0; k < DATE_PATTERNS.length; k++) {
    const index = (first + k) % DATE_PATTERNS.length;
    const pattern = DATE_PATTERNS[index];
    const match = pattern.regex.exec(text);
    if (!match) continue;
    const parts = pattern.read(match, rules);
    if (parts === 'no-year') return { kind: 'no-year', text: trimmed };
    if (!parts) continue;
    const date = makeDate(parts.y, parts.m, parts.d);
    if (!date) return { kind: 'invalid', text: trimmed };
    if (hint) hint.index = index;
    return date;
  }
  return { kind: 'invalid', text: trimmed };
}

/** `a/b/yyyy` or a year-less `a/b` (after a weekday, if any): the two parts whose order is in question. */
const AMBIGUOUS = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})[-/.](\\d{1,2})(?:[-/.](\\d{4}|\\d{2}))?(?:[T\\s].*)?$`, 'i');

export interface OrderEvidence {
  order: 'MDY' | 'DMY';
  /** The value that decided it, e.g. `31/03/2025`. */
  example: string;
}

/** Ambiguous dates have a separator at index 1 or 2; `2025-…`, `20250305` and serials do not. */
function mayBeAmbiguous(text: string): boolean {
  const b = text.charCodeAt(1);
  const c = text.charCodeAt(2);
  return b < 48 || b > 57 || c < 48 || c > 57;
}

/** What one text cell says about day/month order: `31/03/2025` DMY, `12/31/2021` MDY, `01/04/20` nothing. */
export function orderEvidenceOf(raw: string): OrderEvidence | undefined {
  if (!mayBeAmbiguous(raw)) return undefined;
  const match = AMBIGUOUS.exec(toHalfWidth(raw));
  if (!match) return undefined;
  const a = Number(match[2]);
  const b = Number(match[3]);
  if (a > 12 && b <= 12) return { order: 'DMY', example: raw };
  if (b > 12 && a <= 12) return { order: 'MDY', example: raw };
  return match[1] !== undefined && match[4] !== undefined ? orderFromWeekday(raw, match[1], a, b, match[4]) : undefined;
}

/** `Wed 05/03/2025`: 5 March 2025 is a Wednesday and 3 May a Saturday, so the weekday tells the order. */
function orderFromWeekday(raw: string, weekday: string, a: number, b: number, yearText: string): OrderEvidence | undefined {
  const wanted = WEEKDAY_NUMBERS[weekday.slice(0, 3).toLowerCase()];
  const y = fullYear(yearText, false);
  const fits = (m: number, d: number) => {
    const date = makeDate(y, m, d);
    return date !== null && new Date(date.day * MS_PER_DAY).getUTCDay() === wanted;
  };
  const dmy = fits(b, a);
  const mdy = fits(a, b);
  return dmy === mdy ? undefined : { order: dmy ? 'DMY' : 'MDY', example: raw };
}

/** Does this text cell need the order decided (a/b/yyyy or a/b)? */
export function isAmbiguousDate(raw: string): boolean {
  return mayBeAmbiguous(raw) && AMBIGUOUS.test(toHalfWidth(raw));
}

/**
 * Decides day/month order for a column from its own values: a first part above 12 can only be a day
 * (DMY), a second part above 12 only a day (MDY). Undefined when every value fits both.
 */
export function decideDateOrder(texts: Iterable<string>): OrderEvidence | undefined {
  for (const raw of texts) {
    const evidence = orderEvidenceOf(raw);
    if (evidence) return evidence;
  }
  return undefined;
}

/** Does any value in the column need the order decided? The first that does. */
export function hasAmbiguousDates(texts: Iterable<string>): string | undefined {
  for (const raw of texts) if (isAmbiguousDate(raw)) return raw;
  return undefined;
}

/** Title wording that names a statement's year and month: `（个人消费卡账户 2024年01月）`, `(2025年01月)`. */
const TITLE_PERIODS: { regex: RegExp; read(m: RegExpExecArray): StatementPeriod | undefined }[] = [
  { regex: /(民國|民国)?\s*(\d{2,4})\s*年\s*(\d{1,2})\s*月/, read: (m) => ({ year: fullYear(m[2], m[1] !== undefined), month: Number(m[3]) }) },
  { regex: /\b((?:19|20)\d{2})[-/.](\d{1,2})\b/, read: (m) => ({ year: Number(m[1]), month: Number(m[2]) }) },
  {
    regex: /\b([A-Za-z]{3,9})\.?\s+((?:19|20)\d{2})\b/,
    read: (m) => {
      const month = MONTHS[m[1].toLowerCase()];
      return month ? { year: Number(m[2]), month } : undefined;
    },
  },
  { regex: /(?:^|\D)((?:19|20)\d{2})\s*年/, read: (m) => ({ year: Number(m[1]) }) },
];

/** The statement period named in title lines above the header, for year-less dates. */
export function periodFromTitles(titles: readonly string[]): { period: StatementPeriod; source: string } | undefined {
  for (const pattern of TITLE_PERIODS) {
    for (const title of titles) {
      const match = pattern.regex.exec(chineseNumeralsToDigits(toHalfWidth(title)));
      if (!match) continue;
      const period = pattern.read(match);
      if (!period || (period.month !== undefined && !(period.month >= 1 && period.month <= 12))) continue;
      return { period, source: title };
    }
  }
  return undefined;
}
