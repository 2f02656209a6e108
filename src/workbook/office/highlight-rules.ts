/**
 * Highlights beside the user's rows are conditional formats, a fixed handful per range, keyed on
 * the status column Recon writes. The rules come from the layout (SourceAnnotation.highlightRules,
 * e.g. auto = label ends with " 已匹配"), turned into Excel formulas by the shared `ruleFormula`:
 *   auto       =EXACT(RIGHT($H2,4)," 已匹配")
 *   unmatched  =EXACT($H2,"未匹配")
 * They are used when they give every row exactly its highlight (so their order does not matter
 * and removing them, Clear results, leaves no trace). When an annotation has no rules, or they
 * cannot tell its rows apart, rules are derived from the labels themselves (the shortest test on
 * prefixes, suffixes and whole labels that separates each highlight from the others); when even
 * the labels cannot (the same label with two highlights), the caller falls back to a hidden code
 * column. EXACT keeps the comparison case-sensitive (Excel's = ignores case).
 * Requires ExcelApi 1.6 (conditionalFormats, custom rule formula).
 */
import { LabelFit, labelMatchesRule, ruleFormula, rulesFitLabels, type LabelTest } from '../layout/highlight-rules';
import type { Highlight, SourceAnnotation } from '../workbook';

/** One conditional format to add: its highlight and its formula for the area's first row. */
export interface FormulaRule {
  highlight: Highlight;
  formula: string;
}

/** Excel's dialog limit for a conditional-format formula; staying under it is always accepted. */
export const MAX_RULE_FORMULA = 255;

export const HIGHLIGHT_ORDER: Highlight[] = ['auto', 'suggested', 'unmatched', 'skipped', 'header', 'total', 'note'];

const CONTROL = /[\u0000-\u001f]/;

/** A formula Excel takes in a conditional format as it is. */
function acceptable(formula: string): boolean {
  return formula.length <= MAX_RULE_FORMULA && !CONTROL.test(formula);
}

/**
 * The layout's rules for an annotation as formulas keyed on `ref` (e.g. `$H2`), or null when it
 * has none, they do not give every row its highlight, or a formula is one Excel would not take.
 */
export function annotationRules(annotation: SourceAnnotation, ref: string): FormulaRule[] | null {
  const rules = annotation.highlightRules;
  if (!rules || rules.length === 0 || !rulesFitLabels(rules, annotation.labels, annotation.highlights)) return null;
  const formulas = rules.map((rule) => ({ highlight: rule.highlight, formula: `=${ruleFormula(rule, ref)}` }));
  return formulas.every((r) => acceptable(r.formula)) ? formulas : null;
}

/** Pauses the pane's thread between slices of work (office/page-slices.ts's PageSlicer). */
export interface Slices {
  due(): boolean;
  pause(): Promise<void>;
}

/** annotationRules with the labels checked in slices: a side's 100,000 labels are no one task. */
export async function annotationRulesInSlices(annotation: SourceAnnotation, ref: string, slicer: Slices): Promise<FormulaRule[] | null> {
  const rules = annotation.highlightRules;
  if (!rules || rules.length === 0) return null;
  const fit = new LabelFit(rules);
  const { labels, highlights } = annotation;
  for (let i = 0; i < labels.length; i++) {
    if (!fit.fits(labels[i] ?? '', highlights[i] ?? null)) return null;
    if ((i & 255) === 255 && slicer.due()) await slicer.pause();
  }
  const formulas = rules.map((rule) => ({ highlight: rule.highlight, formula: `=${ruleFormula(rule, ref)}` }));
  return formulas.every((r) => acceptable(r.formula)) ? formulas : null;
}

/** A test on a label: all given parts must hold. */
interface Predicate {
  equals?: string[];
  prefix?: string;
  suffix?: string;
  notPrefix?: string;
  notSuffix?: string;
  notEquals?: string[];
}

const test = (kind: LabelTest['test'], text: string): LabelTest => ({ test: kind, text });

function holds(p: Predicate, label: string): boolean {
  const matches = (kind: LabelTest['test'], text: string) => labelMatchesRule(label, test(kind, text));
  if (p.equals && !p.equals.some((t) => matches('equals', t))) return false;
  if (p.prefix !== undefined && !matches('startsWith', p.prefix)) return false;
  if (p.suffix !== undefined && !matches('endsWith', p.suffix)) return false;
  if (p.notPrefix !== undefined && matches('startsWith', p.notPrefix)) return false;
  if (p.notSuffix !== undefined && matches('endsWith', p.notSuffix)) return false;
  if (p.notEquals && p.notEquals.some((t) => matches('equals', t))) return false;
  return true;
}

function render(p: Predicate, ref: string): string {
  const exact = (kind: LabelTest['test'], text: string) => ruleFormula(test(kind, text), ref);
  const anyOf = (values: string[]) => {
    const tests = values.map((v) => exact('equals', v));
    return tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`;
  };
  const parts: string[] = [];
  if (p.equals) parts.push(anyOf(p.equals));
  if (p.prefix !== undefined) parts.push(exact('startsWith', p.prefix));
  if (p.suffix !== undefined) parts.push(exact('endsWith', p.suffix));
  if (p.notPrefix !== undefined) parts.push(`NOT(${exact('startsWith', p.notPrefix)})`);
  if (p.notSuffix !== undefined) parts.push(`NOT(${exact('endsWith', p.notSuffix)})`);
  if (p.notEquals) parts.push(`NOT(${anyOf(p.notEquals)})`);
  return `=${parts.length === 1 ? parts[0] : `AND(${parts.join(',')})`}`;
}

/** The longest start (or end, `atEnd`) that every label shares. */
function commonAffix(labels: string[], atEnd: boolean): string {
  if (labels.length === 0) return '';
  const at = (s: string, k: number) => (atEnd ? s[s.length - 1 - k] : s[k]);
  let affix = labels[0];
  for (const label of labels) {
    let i = 0;
    while (i < affix.length && i < label.length && at(affix, i) === at(label, i)) i++;
    affix = atEnd ? affix.slice(affix.length - i) : affix.slice(0, i);
    if (affix === '') break;
  }
  return affix;
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

/** The shortest predicate true for every label in `inside` and none in `outside`, or null. */
function separate(inside: string[], outside: string[], ref: string): string | null {
  const candidates: Predicate[] = [];
  if (inside.length <= 6) candidates.push({ equals: inside });
  const prefix = wholeCharacters(commonAffix(inside, false), true);
  const suffix = wholeCharacters(commonAffix(inside, true), false);
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
    const notSuffix = wholeCharacters(commonAffix(hits, true), false);
    if (notSuffix && !inside.some((l) => l.endsWith(notSuffix))) candidates.push({ ...base, notSuffix });
    const notPrefix = wholeCharacters(commonAffix(hits, false), true);
    if (notPrefix && !inside.some((l) => l.startsWith(notPrefix))) candidates.push({ ...base, notPrefix });
    if (hits.length <= 4) candidates.push({ ...base, notEquals: hits });
  }
  let best: string | null = null;
  for (const c of candidates) {
    if (!inside.every((l) => holds(c, l)) || outside.some((l) => holds(c, l))) continue;
    const formula = render(c, ref);
    if (!acceptable(formula)) continue;
    if (best === null || formula.length < best.length) best = formula;
  }
  return best;
}

/**
 * Rules keyed on the status cell `ref` (e.g. `$H2`, column absolute, row relative), one per
 * highlight present; null when the labels cannot tell the highlights apart.
 */
export function deriveHighlightRules(labels: string[], highlights: (Highlight | null)[], ref: string): FormulaRule[] | null {
  const byLabel = new Map<string, Highlight | null>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? '';
    const h = highlights[i] ?? null;
    if (byLabel.has(label) && byLabel.get(label) !== h) return null;
    byLabel.set(label, h);
  }
  const rules: FormulaRule[] = [];
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
export function codeColumnRules(present: Highlight[], ref: string): FormulaRule[] {
  return HIGHLIGHT_ORDER.filter((h) => present.includes(h)).map((highlight) => ({ highlight, formula: `=${ruleFormula(test('equals', highlight), ref)}` }));
}
