/**
 * ReferenceKeys numbers keys exactly as a Map from text to number would (first appearance order on the
 * first side; the first side's number or -1 on the second), hash collisions included: the pairs below
 * are real invoice numbers with the same 32-bit FNV-1a hash.
 */
import fc from 'fast-check';
import { ReferenceKeys } from '../../../src/engine/match/reference-keys';

/** Distinct texts, equal hashes (found by search among INV + 8 digits). */
const COLLIDING = [
  ['INV00162789', 'INV00379192'],
  ['INV00162788', 'INV00379193'],
];

function byMap(first: string[], second: string[]): { first: number[]; second: number[]; size: number } {
  const ids = new Map<string, number>();
  const firstIds = first.map((key) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
  return { first: firstIds, second: second.map((key) => ids.get(key) ?? -1), size: ids.size };
}

describe('ReferenceKeys', () => {
  it('gives colliding texts different numbers and finds each on the other side', () => {
    const keys = new ReferenceKeys();
    const [[a, b], [c, d]] = COLLIDING;
    expect(Array.from(keys.numberFirstSide([a, 'INV00000001', b, a, c, 'INV00000001']))).toEqual([0, 1, 2, 0, 3, 1]);
    expect(keys.size).toBe(4);
    expect(Array.from(keys.findSecondSide([b, a, d, c, 'INV00000001', '']))).toEqual([2, 0, -1, 3, 1, -1]);
  });

  it('numbers as a Map would, for any keys with repeats, collisions, Chinese and empty texts', () => {
    const pool = ['', 'INV00000001', 'INV00000002', '20250042', 'HC-0301', '发票0042', '𠮷野家', ...COLLIDING.flat()];
    const key = fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 6 }), fc.stringMatching(/^INV\d{2}$/));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), fc.array(key, { maxLength: 60 }), (first, second) => {
        const keys = new ReferenceKeys();
        const expected = byMap(first, second);
        expect(Array.from(keys.numberFirstSide(first))).toEqual(expected.first);
        expect(keys.size).toBe(expected.size);
        expect(Array.from(keys.findSecondSide(second))).toEqual(expected.second);
      }),
      { numRuns: 500 },
    );
  });

  it('numbers a first side only once per run', () => {
    const keys = new ReferenceKeys();
    keys.numberFirstSide(['A']);
    expect(() => keys.numberFirstSide(['B'])).toThrow(/once per run/);
  });
});
