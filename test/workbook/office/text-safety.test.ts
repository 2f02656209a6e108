/**
 * Text safety against the fake's model of Excel's entry rules: whatever string the adapter
 * sends for a General cell, Excel stores exactly that string as text.
 */
import fc from 'fast-check';
import { enterValue } from '../../fake-excel';
import { needsApostrophe } from '../../../src/workbook/layout/safe-text';
import { toExcelInput } from '../../../src/workbook/office/text-safety';

function stored(s: string): unknown {
  const entered = enterValue(toExcelInput(s, false), 'General');
  if (entered.formula !== undefined || entered.error) return { formula: entered.formula, error: entered.error };
  return entered.value ?? '';
}

describe('toExcelInput', () => {
  test.each(['=SUM(A1)', '+86 138', '-冲销', '@张三', "'引号", '00123', '1,234.50', '(100)', '2025/3/5', '2025年3月5日', 'TRUE', ' false ', '#N/A', ' #REF!', '１２３', '3:45', '¥100', '50%', '.5', '-', '收货款', ''])(
    '%j is stored as the same text',
    (s) => {
      expect(stored(s)).toBe(s);
    },
  );

  test('plain words go as they are (no apostrophe needed), numbers and booleans stay values', () => {
    expect(needsApostrophe('网银转账')).toBe(false);
    expect(needsApostrophe('Unmatched')).toBe(false);
    expect(toExcelInput(1234.5, false)).toBe(1234.5);
    expect(toExcelInput(true, false)).toBe(true);
    expect(toExcelInput(null, false)).toBe('');
    expect(toExcelInput('=x', true)).toBe('=x');
  });

  test('property: any string survives a General cell unchanged', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.stringMatching(/^[ =+\-@'#(]?[0-9０-９,.:/%年月日$¥()-]{0,10}$/),
          fc.constantFrom('TRUE', 'false', '#N/A', '#DIV/0!'),
        ),
        (s) => {
          expect(stored(s)).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
