/**
 * References: invoice numbers, cheque numbers, order numbers. People and banks write the same one as
 * INV-2025-0042, inv 2025 0042, ＩＮＶ２０２５００４２ or bury it in a memo (货款 INV-2025-0042/0043),
 * so a reference is compared as upper-case letters and digits only, and memos are searched for
 * reference-like tokens. This runs on every row of both sides, so the common (ASCII) path is a
 * hand-written scan rather than a chain of regular expressions.
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
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

/** The reference field as one key: letters and digits, upper case ('' when not a usable reference). */
export function normalizeReference(raw: string): string {
  if (!raw) return '';
  const text = widthFolded(raw);
  const key = OTHER_SCRIPT.test(text) ? text.toUpperCase().replace(NOT_LETTER_OR_DIGIT, '') : text.replace(NOT_ALNUM_OR_HAN, '').toUpperCase();
  return usable(key) ? key : '';
}

/**
 * Adds to `found` each usable reference-like token of `text` (INV-2025-0042 → INV20250042) other than
 * `primary` and not already there; returns the (possibly new) list.
 */
function addTokens(text: string, primary: string, found: string[] | null): string[] | null {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const token = m[0];
    if (token.length < MIN_REFERENCE_LENGTH || !DIGIT.test(token)) continue;
    const upper = token.toUpperCase();
    const key = upper.includes('-') || upper.includes('_') ? upper.replace(JOINERS, '') : upper;
    found = addKey(key, primary, found);
  }
  return found;
}

function addKey(key: string, primary: string, found: string[] | null): string[] | null {
  if (key === primary || !usable(key)) return found;
  if (found === null) return [key];
  if (!found.includes(key)) found.push(key);
  return found;
}

/**
 * Other reference keys an entry carries: the parts of a reference field that lists several, the
 * reference-like runs inside a reference field written with words (货款17674830), and the
 * reference-like tokens of its description. Never includes `primary` itself.
 */
export function referenceTokens(reference: string, description: string, primary: string): string[] {
  let found: string[] | null = null;
  // No digit, no reference (checked on the raw text: full-width digits count too).
  if (reference && ANY_DIGIT.test(reference)) {
    const folded = widthFolded(reference);
    if (LIST_SEPARATOR.test(folded.trim())) {
      for (const part of folded.split(LIST_SEPARATOR)) found = addKey(normalizeReference(part), primary, found);
    }
    found = addTokens(folded, primary, found);
  }
  if (description && ANY_DIGIT.test(description)) found = addTokens(widthFolded(description), primary, found);
  return found ?? NO_TOKENS;
}

/**
 * A token that is a reference on its own, even when neither side has it as its reference field:
 * long enough, and not a date (20250305, 2025-03).
 */
export function isStrongToken(key: string): boolean {
  return key.length >= 6 && !DATE_LIKE.test(key);
}
