import { damerauLevenshtein } from '../../../src/engine/match/edit-distance';

describe('damerauLevenshtein (bounded)', () => {
  it.each([
    ['INV20250042', 'INV20250042', 2, 0],
    ['INV20250042', 'INV20250024', 2, 1], // neighbours swapped
    ['INV20250042', 'INV2025042', 2, 1], // a digit dropped
    ['INV20250042', 'INV20250142', 2, 1], // a digit changed
    ['INV20250042', 'INV20251142', 2, 2],
    ['INV20250042', 'INV20259999', 2, 3], // over the bound: bound + 1
    ['ABC', 'ABCDEF', 1, 2], // length alone exceeds the bound
    ['', 'AB', 2, 2],
  ])('%s vs %s (max %d) = %d', (a, b, max, expected) => {
    expect(damerauLevenshtein(a, b, max)).toBe(expected);
    expect(damerauLevenshtein(b, a, max)).toBe(expected);
  });

  it('handles long strings after short ones (reused buffers)', () => {
    const long = 'X'.repeat(300);
    expect(damerauLevenshtein(long, long.slice(0, 299) + 'Y', 1)).toBe(1);
    expect(damerauLevenshtein('AB', 'BA', 1)).toBe(1);
  });
});
