import { smallInteger } from '../../src/engine/small-integer';

describe('smallInteger', () => {
  it('keeps the value: whole numbers, fractions, NaN and numbers beyond 32 bits', () => {
    for (const value of [0, 1, -1, 20150, -459148, 2 ** 31 - 1, -(2 ** 31), 0.5, -12.34, 2 ** 31, 2 ** 40, -(2 ** 45), Infinity]) {
      expect(smallInteger(value)).toBe(value);
    }
    expect(smallInteger(NaN)).toBeNaN();
    // A whole number read from a Float64Array comes back equal (and, in V8, as a small integer).
    const days = new Float64Array([20150, 20151.5]);
    expect(smallInteger(days[0])).toBe(20150);
    expect(smallInteger(days[1])).toBe(20151.5);
  });
});
