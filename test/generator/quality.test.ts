/**
 * Match quality on generated pairs with known answers (definitions: src/generator/score.ts).
 * The full table per kind and layout: `npm run quality`.
 */
import { readSide, reconcile } from '../../src/engine';
import { demoWorkbook } from '../../src/generator/demo';
import { generatePair, type GeneratedPair } from '../../src/generator/generate-pair';
import { LAYOUTS } from '../../src/generator/layouts';
import { mergeScores, scoreResult, type QualityScore } from '../../src/generator/score';

const SEEDS = [101, 102, 103];
const ROWS = 2000;

const pairs: GeneratedPair[] = LAYOUTS.flatMap((layout) => SEEDS.map((seed) => generatePair({ seed, rows: ROWS, layout })));

function describeScore(score: QualityScore): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(2)}%` : '–');
  const kinds = Object.entries(score.byKind).map(([kind, k]) =>
    k.groups ? `${kind}: recall ${pct(k.foundAuto + k.foundSuggested, k.groups)}, auto ${k.autoCorrect}/${k.autoMatches} right` : `${kind}: ${k.autoMatches} wrongly matched, left out ${pct(k.oneSidedLeftOut, k.oneSidedRows)}`,
  );
  return [`auto precision ${pct(score.autoCorrect, score.autoMatches)}, recall ${pct(score.foundAuto + score.foundSuggested, score.trueGroups)}`, ...kinds].join('\n  ');
}

function atLeast(label: string, value: number, minimum: number, detail: string): void {
  if (!(value >= minimum)) throw new Error(`${label}: ${(100 * value).toFixed(2)}% is below ${(100 * minimum).toFixed(1)}%\n  ${detail}`);
}

describe('match quality on generated pairs', () => {
  test('the reader detects what each generated ledger is (cash journal with a 客户名称 column, receivables ledger, English cash book)', () => {
    const detected = LAYOUTS.map((layout) => {
      const pair = pairs.find((p) => p.truth.layout === layout)!;
      return [layout, readSide(pair.ledger, { side: 'ledger' }).kind];
    });
    expect(detected).toEqual(LAYOUTS.map((layout) => [layout, pairs.find((p) => p.truth.layout === layout)!.truth.ledgerKind]));
  });

  // The ledger's kind is stated here, as the user confirms it in the pane, so that these figures measure
  // reading and matching rather than the kind detection tested above.
  let scores: Array<{ pair: GeneratedPair; score: QualityScore }> = [];
  beforeAll(() => {
    scores = pairs.map((pair) => ({ pair, score: scoreResult(reconcile(pair.ledger, pair.bank, { ledger: { kind: pair.truth.ledgerKind } }), pair.truth) }));
  });

  test('every data row is read, and no title, header or total line becomes an entry', () => {
    const problems = scores
      .filter(({ score }) => score.reading.missingCount || score.reading.extraCount)
      .map(({ pair, score }) => `${pair.truth.layout}/${pair.truth.bankStyle}: unread ${score.reading.missing.join(' ')} extra ${score.reading.extra.join(' ')}`);
    expect(problems).toEqual([]);
  });

  test(`auto precision ≥ 99.9% and recall (auto + suggested) ≥ 99% over ${SEEDS.length} seeds × ${LAYOUTS.length} layouts × ${ROWS} rows`, () => {
    const total = mergeScores(scores.map((s) => s.score));
    expect(total.trueGroups).toBeGreaterThan(SEEDS.length * LAYOUTS.length * ROWS * 0.5);
    atLeast('auto precision', total.autoPrecision, 0.999, describeScore(total));
    atLeast('recall', total.recall, 0.99, describeScore(total));
    // Lines on one side only (未达账项) stay out of automatic matches; a receivables ledger's invoices are set aside.
    atLeast('one-sided rows left out of auto matches', total.oneSidedLeftOut / total.oneSidedRows, 0.999, describeScore(total));
    atLeast('invoices set aside', total.documentsSetAside / total.documentRows, 1, describeScore(total));
  });

  test('the demo workbook reconciles as a newcomer runs it (nothing stated): every true group found, no wrong auto match', () => {
    const demo = demoWorkbook('zh-CN');
    const [ledger, bank] = demo.sheets;
    const score = scoreResult(reconcile({ cells: ledger.values }, { cells: bank.values }), demo.truth);
    expect({ wrongAuto: score.autoMatches - score.autoCorrect, notFound: score.trueGroups - score.foundAuto - score.foundSuggested }).toEqual({ wrongAuto: 0, notFound: 0 });
  });
});
