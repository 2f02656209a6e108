/**
 * Highlights beside the user's rows are conditional formats, a fixed handful per range, keyed on
 * the status column Recon writes: one custom rule per highlight kind, e.g.
 *   auto       =AND(EXACT(LEFT($H2,1),"M"),NOT(EXACT(RIGHT($H2,1),"?")))
 *   suggested  =AND(EXACT(LEFT($H2,1),"M"),EXACT(RIGHT($H2,1),"?"))
 *   unmatched  =EXACT($H2,"未匹配")
 * Rules are derived from the labels themselves and are mutually exclusive, so their priority
 * order does not matter and removing them (Clear results) leaves no trace. EXACT keeps the
 * comparison case-sensitive (Excel's = ignores case). When labels do not tell highlights apart
 * (the same label with two highlights), the caller falls back to a hidden code column.
 * Requires ExcelApi 1.6 (conditionalFormats, custom rule formula).
 */
import type { Highlight } from '../workbook';

export interface HighlightRule {
  highlight: Highlight;
  /** Formula written for the first data row of the range it applies to. */
  formula: string;
}

/** Excel's dialog limit for a conditional-format formula; staying under it is always accepted. */
export const MAX_RULE_FORMULA = 255;

export const HIGHLIGHT_ORDER: Highlight[] = ['auto', 'suggested', 'unmatched', 'skipped', 'header', 'total', 'note'];

/** A test on a label: all given parts must hold. */
interface Predicate {
  equals?: string[];
  prefix?: string;
  suffix?: string;
  notPrefix?: string;
  notSuffix?: string;
  notEquals?: string[];
}

function holds(p: Predicate, label: string): boolean {
  if (p.equals && !p.equals.includes(label)) return false;
  if (p.prefix !== undefined && !label.startsWith(p.prefix)) return false;
  if (p.suffix !== undefined && !label.endsWith(p.suffix)) return false;
  if (p.notPrefix !== undefined && label.startsWith(p.notPrefix)) return false;
  if (p.notSuffix !== undefined && label.endsWith(p.notSuffix)) return false;
  if (p.notEquals && p.notEquals.includes(label)) return false;
  return true;
}

function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function anyOf(ref: string, values: string[]): string {
  const tests = values.map((v) => `EXACT(${ref},${literal(v)})`);
  return tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`;
}

function render(p: Predicate, ref: string): string {
  const parts: string[] = [];
  if (p.equals) parts.push(anyOf(ref, p.equals));
  if (p.prefix !== undefined) parts.push(`EXACT(LEFT(${ref},${p.prefix.length}),${literal(p.prefix)})`);
  if (p.suffix !== undefined) parts.push(`EXACT(RIGHT(${ref},${p.suffix.length}),${literal(p.suffix)})`);
  if (p.notPrefix !== undefined) parts.push(`NOT(EXACT(LEFT(${ref},${p.notPrefix.length}),${literal(p.notPrefix)}))`);
  if (p.notSuffix !== undefined) parts.push(`NOT(EXACT(RIGHT(${ref},${p.notSuffix.length}),${literal(p.notSuffix)}))`);
  if (p.notEquals) parts.push(`NOT(${anyOf(ref, p.notEquals)})`);
  return `=${parts.length === 1 ? parts[0] : `AND(${parts.join(',')})`}`;
}

function commonPrefix(labels: string[]): string {
  if (labels.length === 0) return '';
  let p = labels[0];
  for (const l of labels) {
    let i = 0;
    while (i < p.length && i < l.length && p[i] === l[i]) i++;
    p = p.slice(0, i);
    if (p === '') break;
  }
  return p;
}

function commonSuffix(labels: string[]): string {
  if (labels.length === 0) return '';
  let s = labels[0];
  for (const l of labels) {
    let i = 0;
    while (i < s.length && i < l.length && s[s.length - 1 - i] === l[l.length - 1 - i]) i++;
    s = s.slice(s.length - i);
    if (s === '') break;
  }
  return s;
}

/** Cuts a split surrogate pair off an affix so LEFT/RIGHT never halve a character. */
function wholeCharacters(s: string, fromStart: boolean): string {
  if (s === '') return s;
  if (fromStart) {
    const last = s.charCodeAt(s.length - 1);
    return last >= 0xd800 && last <= 0xdbff ? s.slice(0, -1) : s;
  }
  const first = s.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? s.slice(1) : s;
}

const CONTROL = /[\u0000-\u001f]/;

/** The shortest predicate true for every label in `inside` and none in `outside`, or null. */
function separate(inside: string[], outside: string[], ref: string): string | null {
  const candidates: Predicate[] = [];
  if (inside.length <= 6) candidates.push({ equals: inside });
  const prefix = wholeCharacters(commonPrefix(inside), true);
  const suffix = wholeCharacters(commonSuffix(inside), false);
  const bases: Predicate[] = [];
  if (prefix) bases.push({ prefix });
  if (suffix) bases.push({ suffix });
  if (prefix && suffix) bases.push({ prefix, suffix });
  for (const base of bases) {
    const hits = outside.filter((l) => holds(base, l));
    if (hits.length === 0) {
      candidates.push(base);
      continue;
    }
    const notSuffix = wholeCharacters(commonSuffix(hits), false);
    if (notSuffix && !inside.some((l) => l.endsWith(notSuffix))) candidates.push({ ...base, notSuffix });
    const notPrefix = wholeCharacters(commonPrefix(hits), true);
    if (notPrefix && !inside.some((l) => l.startsWith(notPrefix))) candidates.push({ ...base, notPrefix });
    if (hits.length <= 4) candidates.push({ ...base, notEquals: hits });
  }
  let best: string | null = null;
  for (const c of candidates) {
    if (!inside.every((l) => holds(c, l)) || outside.some((l) => holds(c, l))) continue;
    const formula = render(c, ref);
    if (formula.length > MAX_RULE_FORMULA || CONTROL.test(formula)) continue;
    if (best === null || formula.length < best.length) best = formula;
  }
  return best;
}

/**
 * Rules keyed on the status cell `ref` (e.g. `$H2`, column absolute, row relative), one per
 * highlight present; null when the labels cannot tell the highlights apart.
 */
export function deriveHighlightRules(labels: string[], highlights: (Highlight | null)[], ref: string): HighlightRule[] | null {
  const byLabel = new Map<string, Highlight | null>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? '';
    const h = highlights[i] ?? null;
    if (byLabel.has(label) && byLabel.get(label) !== h) return null;
    byLabel.set(label, h);
  }
  const rules: HighlightRule[] = [];
  for (const highlight of HIGHLIGHT_ORDER) {
    const inside: string[] = [];
    const outside: string[] = [];
    for (const [label, h] of byLabel) (h === highlight ? inside : outside).push(label);
    if (inside.length === 0) continue;
    const formula = separate(inside, outside, ref);
    if (formula === null) return null;
    rules.push({ highlight, formula });
  }
  return rules;
}

/** Fallback: rules on a code column holding each row's highlight name (`'_recon_state'!$D2`). */
export function codeColumnRules(present: Highlight[], ref: string): HighlightRule[] {
  return HIGHLIGHT_ORDER.filter((h) => present.includes(h)).map((highlight) => ({ highlight, formula: `=EXACT(${ref},${literal(highlight)})` }));
}
