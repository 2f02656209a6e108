/**
 * References: invoice numbers, cheque numbers, order numbers. People and banks write the same one as
 * INV-2025-0042, inv 2025 0042, ＩＮＶ２０２５００４２ or bury it in a memo (货款 INV-2025-0042/0043),
 * so a reference is compared as upper-case letters and digits only, and memos are searched for
 * reference-like tokens. This runs on every row of both sides, so the common (ASCII) path is a
 * hand-written scan rather than a chain of regular expressions.
 */
import { LETTERS, NUMBERS } from '../unicode-classes';

/** Unicode's letters and numbers as ranges (EdgeHTML 18 has no `\p{…}`, issue 9). */
const NOT_LETTER_OR_DIGIT = new RegExp(`[^${LETTERS}${NUMBERS}]+`, 'gu');
/** Reference fields that hold several references: INV-0042, INV-0043 / INV-0044. */
const LIST_SEPARATOR = /[,;/、，；\s]+/;
const BARE_YEAR = /^(?:19|20)\d\d$/;
const DATE_LIKE = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?$/;
const NO_TOKENS: string[] = [];

/** Shortest reference that means something; shorter ones (记-12, 3) match too much by chance. */
export const MIN_REFERENCE_LENGTH = 4;

/** Full-width forms (Ａ１－) and the ideographic space: NFKC turns them into ASCII. */
const FULL_WIDTH = /[\u3000\uff01-\uffef]/;
/** Everything but ASCII letters/digits and Chinese characters (记-0012 → 记0012). */
const NOT_ALNUM_OR_HAN = /[^A-Za-z0-9\u3400-\u9fff]+/g;
/** Letters of other scripts (Cyrillic, Greek …): then the slower Unicode-aware path is needed. */
const OTHER_SCRIPT = /[^\x00-\x7f\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const DIGIT = /[0-9]/;
const ANY_DIGIT = /[0-9\uff10-\uff19]/;
/** A reference-like run inside free text: letters/digits joined by - or _ (not . or , : amounts). */
const TOKEN = /[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*/g;
const JOINERS = /[-_]/g;

function widthFolded(text: string): string {
  return FULL_WIDTH.test(text) ? text.normalize('NFKC') : text;
}

/** A reference must hold a digit and be long enough; a bare year (2025) is a date, not a reference. */
function usable(key: string): boolean {
  return key.length >= MIN_REFERENCE_LENGTH && DIGIT.test(key) && !BARE_YEAR.test(key);
}

/**
 * The reference field as one key: letters and digits, upper case ('' when not a usable reference).
 * `asciiShortcut`: ASCII text (nearly every reference) is scanned by hand instead of four regular
 * expressions; off only in the test that shows both ways agree.
 */
export function normalizeReference(raw: string, asciiShortcut = true): string {
  if (!raw) return '';
  if (asciiShortcut) {
    const key = asciiReferenceKey(raw);
    if (key !== null) return key;
  }
  const text = widthFolded(raw);
  const key = OTHER_SCRIPT.test(text) ? text.toUpperCase().replace(NOT_LETTER_OR_DIGIT, '') : text.replace(NOT_ALNUM_OR_HAN, '').toUpperCase();
  return usable(key) ? key : '';
}

/** normalizeReference for text of ASCII characters only; null for any other text. */
function asciiReferenceKey(raw: string): string | null {
  let key = '';
  let runStart = -1;
  let lower = false;
  let digit = false;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 32;
    if (c >= 128) return null;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (runStart < 0) runStart = i;
      if (c <= 57) digit = true;
      else if (c >= 97) lower = true;
    } else if (runStart >= 0) {
      // Runs of letters and digits joined; the text itself when it is one run (no new string).
      key = runStart === 0 && i === raw.length ? raw : key + raw.slice(runStart, i);
      runStart = -1;
    }
  }
  if (lower) key = key.toUpperCase();
  return key.length >= MIN_REFERENCE_LENGTH && digit && !BARE_YEAR.test(key) ? key : '';
}

/**
 * Letter prefixes written apart from their number (INV 2025 0042, NO 12345678, PO 4471): invoice,
 * number, 发票 (FP), purchase/sales order, reference, bill, debit/credit note, 合同 (HT).
 */
const REFERENCE_PREFIXES: ReadonlySet<string> = new Set(['INV', 'NO', 'NR', 'FP', 'PO', 'SO', 'REF', 'ORD', 'ORDER', 'BILL', 'DN', 'CN', 'HT']);
const ALL_DIGITS = /^[0-9]+$/;
/** What may stand between the groups of a number written with spaces (1234 5678). */
const GROUP_GAP = /^ {1,2}$/;
/** Most groups joined into one number. */
const MAX_GROUPS = 4;
/** Shortest number a prefix is dropped for: banks print INV-75695 as 75695, 发票号12345678 as 12345678. */
const MIN_CORE_LENGTH = 5;
/** A letter of a reference prefix: A-Z or a Chinese character (发票, 合同). */
function isPrefixLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0x3400 && code <= 0x9fff);
}

/**
 * Where the number inside a reference with a letter prefix starts (INV345678 → 3), or -1 when the key
 * is not letters then digits only, or the number is too short to stand alone. A scan, not a regular
 * expression: evidence asks this for every candidate pair's references.
 */
export function referenceCoreStart(key: string): number {
  let start = 0;
  while (start < key.length && isPrefixLetter(key.charCodeAt(start))) start++;
  if (start === 0 || key.length - start < MIN_CORE_LENGTH) return -1;
  for (let i = start; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  return start;
}

/**
 * The number inside a reference with a letter prefix (INV345678 → 345678, FP20250042 → 20250042), or ''
 * when the key has no prefix or the number is too short to stand alone. Banks keep, drop or change
 * prefixes (INV-, 发票号, No.); the number is what both sides share.
 */
export function referenceCore(key: string): string {
  const start = referenceCoreStart(key);
  return start < 0 ? '' : key.slice(start);
}

/** Is `text` the number inside `key` (whose core starts at `start`, referenceCoreStart), without slicing. */
export function isCoreOf(key: string, start: number, text: string): boolean {
  return text.length === key.length - start && key.endsWith(text);
}

/**
 * Adds to `found` each usable reference-like token of `text` (INV-2025-0042 → INV20250042), the number
 * inside it when it has a prefix (20250042), and numbers written in groups (INV 2025 0042, 1234 5678),
 * other than `primary` and not already there; returns the (possibly new) list.
 */
function addTokens(text: string, primary: string, found: string[] | null): string[] | null {
  TOKEN.lastIndex = 0;
  let run = '';
  let runEnd = -1;
  let groups = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const token = m[0];
    const upper = token.toUpperCase();
    const key = upper.includes('-') || upper.includes('_') ? upper.replace(JOINERS, '') : upper;
    // the digits a run may take: the token, or the number a hyphened token starts with (INV 1004-ICICN5…)
    const dash = key === upper ? -1 : upper.indexOf('-');
    const digits = ALL_DIGITS.test(key) ? key : dash > 0 && ALL_DIGITS.test(upper.slice(0, dash)) ? upper.slice(0, dash) : '';
    const joinsRun = runEnd >= 0 && groups < MAX_GROUPS && digits !== '' && GROUP_GAP.test(text.slice(runEnd, m.index));
    if (joinsRun && digits !== key) {
      // the run ends at the hyphen: what follows is another reference (the bank's own UTR)
      found = addWithCore(run + digits, primary, found);
      run = '';
      runEnd = -1;
    } else if (joinsRun) {
      run += key;
      groups++;
      found = addWithCore(run, primary, found);
    } else if (ALL_DIGITS.test(key) || REFERENCE_PREFIXES.has(key)) {
      run = key;
      groups = 1;
    } else if (key !== upper && REFERENCE_PREFIXES.has(upper.slice(upper.lastIndexOf('-') + 1))) {
      // a prefix hyphened to the word before it, its number apart: NEFT CR-BAYVIEW DENTAL-INV 1004
      run = upper.slice(upper.lastIndexOf('-') + 1);
      groups = 1;
    } else {
      run = '';
      runEnd = -1;
    }
    if (run !== '') runEnd = m.index + token.length;
    if (token.length < MIN_REFERENCE_LENGTH || !DIGIT.test(token)) continue;
    found = addWithCore(key, primary, found);
  }
  return found;
}

function addKey(key: string, primary: string, found: string[] | null): string[] | null {
  if (key === primary || !usable(key)) return found;
  if (found === null) return [key];
  if (!found.includes(key)) found.push(key);
  return found;
}

function addWithCore(key: string, primary: string, found: string[] | null): string[] | null {
  found = addKey(key, primary, found);
  const core = referenceCore(key);
  return core === '' ? found : addKey(core, primary, found);
}

/**
 * Other reference keys an entry carries: the parts of a reference field that lists several, the
 * reference-like runs inside a reference field written with words (货款17674830), the number inside a
 * prefixed reference (INV345678 → 345678), and the reference-like tokens of its description and of
 * its other text columns (notes). Never includes `primary` itself.
 */
export function referenceTokens(reference: string, description: string, primary: string, notes = ''): string[] {
  return tokensOf(reference, description, primary, notes, true);
}

/** One ASCII reference-like run and nothing else (INV-2025-0042, 17674830): the common field. */
const SINGLE_TOKEN = /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/;

/**
 * `singleTokenShortcut`: a reference field that is one token gives only its number without the
 * prefix, the rest being the reference itself (which is `primary`, or not usable): worked out
 * without the token scan. Off only in the test that shows both ways agree.
 */
export function tokensOf(reference: string, description: string, primary: string, notes: string, singleTokenShortcut: boolean): string[] {
  let found: string[] | null = null;
  // No digit, no reference (checked on the raw text: full-width digits count too).
  if (reference && singleTokenShortcut && SINGLE_TOKEN.test(reference) && DIGIT.test(reference)) {
    const core = primary ? referenceCore(primary) : '';
    if (core !== '') found = [core];
  } else if (reference && ANY_DIGIT.test(reference)) {
    const folded = widthFolded(reference);
    if (LIST_SEPARATOR.test(folded.trim())) {
      for (const part of folded.split(LIST_SEPARATOR)) found = addWithCore(normalizeReference(part), primary, found);
    }
    found = addWithCore(primary, primary, found);
    found = addTokens(folded, primary, found);
  }
  if (description && ANY_DIGIT.test(description)) found = addTokens(widthFolded(description), primary, found);
  if (notes && ANY_DIGIT.test(notes)) found = addTokens(widthFolded(notes), primary, found);
  return found ?? NO_TOKENS;
}

/**
 * A token that is a reference on its own, even when neither side has it as its reference field:
 * long enough, and not a date (20250305, 2025-03).
 */
export function isStrongToken(key: string, day?: number): boolean {
  if (key.length < 6) return false;
  if (!DATE_LIKE.test(key)) return true;
  // 20610322 reads as a date, but as one 36 years away from the entry it is an invoice number.
  return day !== undefined && key.length === 8 && !dateNear(key, day);
}

/** Days a date written in a memo may lie from the entry and still be taken for a date. */
const DATE_NEAR_DAYS = 400;

/** yyyymmdd within DATE_NEAR_DAYS of `day` (days since 1970-01-01). */
function dateNear(key: string, day: number): boolean {
  const time = Date.UTC(Number(key.slice(0, 4)), Number(key.slice(4, 6)) - 1, Number(key.slice(6, 8)));
  return Math.abs(time / 86_400_000 - day) <= DATE_NEAR_DAYS;
}
