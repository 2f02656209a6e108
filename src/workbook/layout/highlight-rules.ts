/**
 * Highlight rules: the status column's labels decide each row's colour through conditional
 * formatting, never through fills on the user's own cells. One definition of "which label is which
 * colour", evaluated here in JS (memory host, tests) and turned into Excel formulas for real hosts.
 */
import type { Highlight, HighlightRule, SourceAnnotation } from '../workbook';
import { parseAddress, sheetAddress, type CellRect } from './a1';

/** What a rule tests, without the colour it gives. */
export type LabelTest = Pick<HighlightRule, 'test' | 'text'>;

export function labelMatchesRule(label: string, rule: LabelTest): boolean {
  switch (rule.test) {
    case 'equals':
      return label === rule.text;
    case 'startsWith':
      return label.startsWith(rule.text);
    case 'endsWith':
      return label.endsWith(rule.text);
  }
}

/** The highlight the rules give a label (the first rule that matches), or null. */
export function highlightForLabel(label: string, rules: HighlightRule[]): Highlight | null {
  if (label === '') return null;
  return rules.find((rule) => labelMatchesRule(label, rule))?.highlight ?? null;
}

/**
 * True when the rules give every row exactly its highlight: a highlighted row's label matches one
 * rule, of its highlight, and a row without one (or with '') matches none. Then Excel colours the
 * rows as meant whatever order it applies the rules in. Checked once per distinct label.
 */
export function rulesFitLabels(rules: HighlightRule[], labels: string[], highlights: (Highlight | null)[]): boolean {
  const fit = new LabelFit(rules);
  for (let i = 0; i < labels.length; i++) if (!fit.fits(labels[i] ?? '', highlights[i] ?? null)) return false;
  return true;
}

/**
 * rulesFitLabels one row at a time, for a host that pauses between slices of its rows (the Office
 * host's 100,000 labels a side): `fits` is false as soon as a row shows the rules do not fit.
 */
export class LabelFit {
  private readonly seen = new Map<string, Highlight | null>();

  constructor(private readonly rules: HighlightRule[]) {}

  fits(label: string, want: Highlight | null): boolean {
    const seen = this.seen.get(label);
    if (seen !== undefined || this.seen.has(label)) return seen === want;
    this.seen.set(label, want);
    if (label === '') return want === null;
    // The rules that match, counted without making a list per label.
    let matching = 0;
    let highlight: Highlight | null = null;
    for (const rule of this.rules) {
      if (!labelMatchesRule(label, rule)) continue;
      matching++;
      highlight = rule.highlight;
    }
    return want === null ? matching === 0 : matching === 1 && highlight === want;
  }
}

/**
 * The rule as an Excel conditional-format formula for the area's first row, with the status
 * column fixed (`$H6`) and the row relative, so Excel applies it row by row.
 */
export function ruleFormula(rule: LabelTest, statusCell: string): string {
  const literal = `"${rule.text.replace(/"/g, '""')}"`;
  // EXACT keeps the test case-sensitive like labelMatchesRule (Excel's = ignores case).
  switch (rule.test) {
    case 'equals':
      return `EXACT(${statusCell},${literal})`;
    case 'startsWith':
      return `EXACT(LEFT(${statusCell},${rule.text.length}),${literal})`;
    case 'endsWith':
      return `EXACT(RIGHT(${statusCell},${rule.text.length}),${literal})`;
  }
}

/**
 * The area the highlight rules cover: the range's data rows across its columns, plus the status
 * column when it sits right beside the range (a status column moved further away is left uncoloured
 * so the rules never spread over columns between).
 */
export function highlightRect(annotation: SourceAnnotation): CellRect | null {
  const range = parseAddress(annotation.rangeAddress).rect;
  const top = annotation.firstRow + 1;
  if (!range || annotation.lastRow < top) return null;
  const right = annotation.statusColumn === range.right + 1 ? annotation.statusColumn : range.right;
  return { top, left: range.left, bottom: annotation.lastRow, right };
}

/** highlightRect as an address with its sheet, as the run record keeps it. */
export function highlightArea(annotation: SourceAnnotation): string | null {
  const rect = highlightRect(annotation);
  return rect ? sheetAddress(annotation.sheet, rect) : null;
}
