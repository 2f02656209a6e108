/**
 * The highlight rules derived from status labels, checked with the fake's own formula evaluator
 * (independent of the code that wrote them): every label gets exactly its highlight's rule.
 */
import fc from 'fast-check';
import { ConditionalFormula } from '../../fake-excel/conditional-formula';
import { highlightRules } from '../../../src/workbook/layout/source-annotation';
import { annotationRules, codeColumnRules, deriveHighlightRules, HIGHLIGHT_ORDER, MAX_RULE_FORMULA } from '../../../src/workbook/office/highlight-rules';
import type { Highlight, SourceAnnotation } from '../../../src/workbook/workbook';

/** Which rules hold for a label sitting in the status cell H2. */
function holdingRules(formulas: string[], label: string): number[] {
  const read = (_sheet: string | undefined, row: number, column: number) => (row === 1 && column === 7 && label !== '' ? label : undefined);
  return formulas.flatMap((f, i) => (new ConditionalFormula(f).holds(read, 0, 0) ? [i] : []));
}

function expectClassifies(labels: string[], highlights: (Highlight | null)[]): void {
  const rules = deriveHighlightRules(labels, highlights, '$H2');
  expect(rules).not.toBeNull();
  const formulas = rules!.map((r) => r.formula);
  expect(formulas.every((f) => f.length <= MAX_RULE_FORMULA)).toBe(true);
  labels.forEach((label, i) => {
    const holding = holdingRules(formulas, label).map((k) => rules![k].highlight);
    expect({ label, holding }).toEqual({ label, holding: highlights[i] ? [highlights[i]] : [] });
  });
}

describe('deriveHighlightRules', () => {
  test('match ids, suggestions, unmatched and skipped lines: one short rule each', () => {
    const labels = ['M1', 'M2', 'M12?', '未匹配', 'M3', '跳过：合计行', 'M40?', ''];
    const highlights: (Highlight | null)[] = ['auto', 'auto', 'suggested', 'unmatched', 'auto', 'skipped', 'suggested', null];
    const rules = deriveHighlightRules(labels, highlights, '$H2')!;
    expect(rules.map((r) => r.highlight)).toEqual(['auto', 'suggested', 'unmatched', 'skipped']);
    expect(rules.find((r) => r.highlight === 'unmatched')?.formula).toBe('=EXACT($H2,"未匹配")');
    expectClassifies(labels, highlights);
  });

  test('case matters (EXACT), quotes are escaped, labels sharing a prefix are told apart', () => {
    expectClassifies(['M1', 'm1', 'M1 建议', '"quoted"', 'M10'], ['auto', 'note', 'suggested', 'unmatched', 'auto']);
  });

  test('the same label with two highlights cannot key rules: null (the caller falls back)', () => {
    expect(deriveHighlightRules(['', '', 'M1'], ['skipped', null, 'auto'], '$H2')).toBeNull();
  });

  test('fallback rules test a code column', () => {
    expect(codeColumnRules(['unmatched', 'auto'], "'_recon_state'!$D5").map((r) => r.formula)).toEqual([
      "=EXACT('_recon_state'!$D5,\"auto\")",
      "=EXACT('_recon_state'!$D5,\"unmatched\")",
    ]);
  });

  test('property: whenever labels determine highlights, every label gets exactly its rule', () => {
    const label = fc.oneof(
      fc.integer({ min: 1, max: 500 }).map((n) => `M${n}`),
      fc.integer({ min: 1, max: 500 }).map((n) => `M${n}?`),
      fc.constantFrom('未匹配', '跳过', '跳过：合计行', '', 'Unmatched', 'unmatched', '"', '=x'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 60 }), fc.func(fc.constantFrom<Highlight | null>(...HIGHLIGHT_ORDER, null)), (labels, pick) => {
        // A consistent assignment: the highlight is a function of the label.
        const highlights = labels.map((l) => pick(l));
        const rules = deriveHighlightRules(labels, highlights, '$H2');
        if (rules === null) return; // allowed only when a short formula cannot separate them
        const formulas = rules.map((r) => r.formula);
        labels.forEach((l, i) => {
          const holding = holdingRules(formulas, l).map((k) => rules[k].highlight);
          expect(holding).toEqual(highlights[i] ? [highlights[i]] : []);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('property: realistic labels (ids, ids with a mark, fixed words) always get rules', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom<Highlight | null>('auto', 'suggested', 'unmatched', 'skipped', null)), { minLength: 1, maxLength: 200 }), (rows) => {
        const word: Record<string, string> = { unmatched: '未匹配', skipped: '跳过', null: '' };
        const labels = rows.map(([n, h]) => (h === 'auto' ? `M${n}` : h === 'suggested' ? `M${n}?` : word[String(h)]));
        expect(deriveHighlightRules(labels, rows.map(([, h]) => h), '$H2')).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('annotationRules: the layout’s rules, used when they tell the rows apart', () => {
  const annotation = (labels: string[], highlights: (Highlight | null)[]): SourceAnnotation => ({
    rangeAddress: "'Bank'!A5:G12",
    sheet: 'Bank',
    firstRow: 5,
    lastRow: 5 + labels.length,
    statusColumn: 8,
    statusHeader: '对账状态',
    labels,
    highlights,
    highlightRules: highlightRules('zh-CN'),
  });

  test('labels as the layout writes them (M3 待确认, not M3?): one rule per highlight, each row its own', () => {
    const labels = ['M1 已匹配', 'M2 待确认', '未匹配', '跳过: 合计行', '', '单据(不参与银行对账)', 'M12 已匹配'];
    const highlights: (Highlight | null)[] = ['auto', 'suggested', 'unmatched', 'skipped', null, null, 'auto'];
    const rules = annotationRules(annotation(labels, highlights), '$H6')!;
    expect(rules.map((r) => r.formula)).toEqual([
      '=EXACT(RIGHT($H6,4)," 已匹配")',
      '=EXACT(RIGHT($H6,4)," 待确认")',
      '=EXACT($H6,"未匹配")',
      '=EXACT(LEFT($H6,4),"跳过: ")',
    ]);
    labels.forEach((label, i) => {
      // The label sits in H6 (0-based row 5, column 7), the status cell the rules key on.
      const inH6 = (_sheet: string | undefined, row: number, column: number) => (row === 5 && column === 7 && label !== '' ? label : undefined);
      const holding = rules.filter((r) => new ConditionalFormula(r.formula).holds(inH6, 0, 0));
      expect({ label, holding: holding.map((r) => r.highlight) }).toEqual({ label, holding: highlights[i] ? [highlights[i]] : [] });
    });
  });

  test('rules that cannot tell the rows apart, or none at all: null, so the writer derives rules or uses the code column', () => {
    // A row the layout's rules do not colour, with a highlight: the rules do not fit.
    expect(annotationRules(annotation(['M1 已匹配', '备注'], ['auto', 'note']), '$H6')).toBeNull();
    // The same label with two highlights.
    expect(annotationRules(annotation(['未匹配', '未匹配'], ['unmatched', 'skipped']), '$H6')).toBeNull();
    expect(annotationRules({ ...annotation(['M1 已匹配'], ['auto']), highlightRules: undefined }, '$H6')).toBeNull();
    expect(deriveHighlightRules(['M1 已匹配', '备注'], ['auto', 'note'], '$H6')).not.toBeNull();
  });
});
