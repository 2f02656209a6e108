/** The cheap pre-test of summary lines never says no where summaryOf would find a total or a note. */
import fc from 'fast-check';
import { cannotBeSummary, summaryOf, SUMMARY_WORDS } from '../../../src/engine/read/summary-lines';
import { balanceLabelKind } from '../../../src/engine/read/balance-lines';

describe('cannotBeSummary', () => {
  it('passes over amounts, dates and numbers, never over a total word', () => {
    for (const text of ['1,234.50', '2025-03-05', '20250305', '12:30', '6222 0000 1111', '3 x 5']) expect(cannotBeSummary(text)).toBe(true);
    for (const text of ['合计', '12合计', '3月合計', ' 1 total', 'Total 1', '--- 1 ---', '']) expect(cannotBeSummary(text)).toBe(false);
  });

  it('is true only where summaryOf finds nothing, strict or not (random)', () => {
    const piece = fc.oneof(
      fc.constantFrom(...SUMMARY_WORDS.map((w) => w.word), 'Total', 'TOTAL', '---', '计', '計', ' ', '\t', '-', ':'),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: 0, max: 99999 }).map(String),
    );
    const text = fc.tuple(fc.integer({ min: 0, max: 9 }).map(String), fc.array(piece, { maxLength: 4 })).map(([d, rest]) => d + rest.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 50 })), (t) => !cannotBeSummary(t) || (summaryOf(t, false) === null && summaryOf(t, true) === null)),
      { numRuns: 20000 },
    );
  });
});

describe("a hand-kept cash book's balance lines", () => {
  it('Balance b/f, Bal c/f, Balance b/d are totals, and say which balance they state', () => {
    for (const text of ['Balance b/f', 'Bal b/f', 'Balance c/f', 'Balance b/d', 'Balance c/d', 'B/F', 'Bal. brought forward']) {
      expect(summaryOf(text, false)?.kind).toBe('total');
    }
    expect(balanceLabelKind('Balance b/f')).toBe('opening');
    expect(balanceLabelKind('Balance b/d')).toBe('opening');
    expect(balanceLabelKind('Bal c/f')).toBe('closing');
    // a line that only mentions a balance is a transaction
    expect(summaryOf('Refund of overpayment', false)).toBeNull();
  });
});

describe('a wallet bill’s count line', () => {
  it('资金流水总笔数：5 below 微信支付’s 资金账单 is a total line, not a line with no direction', () => {
    for (const text of ['资金流水总笔数：5', '交易总笔数：12', '總筆數：3']) expect(summaryOf(text, false)?.kind).toBe('total');
  });
});
