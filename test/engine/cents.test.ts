/** Exact integer cents as keys and as text: always what decimal.js itself says, or decimal.js itself. */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { centsToFixed2, exactCents, toFixed2 } from '../../src/engine/cents';

describe('exactCents', () => {
  it('reads whole cents straight from the digits, and refuses what is not whole cents', () => {
    expect(exactCents(new Decimal('1234.56'))).toBe(123456);
    expect(exactCents(new Decimal('-0.05'))).toBe(-5);
    expect(exactCents(new Decimal('1e3'))).toBe(100000);
    expect(exactCents(new Decimal('12800'))).toBe(1280000);
    expect(exactCents(new Decimal('0.001'))).toBeNaN(); // past the cent
    expect(exactCents(new Decimal('11258999068426.24'))).toBeNaN(); // 2^50 cents and above
    expect(exactCents(new Decimal(NaN))).toBeNaN();
    expect(exactCents(new Decimal(Infinity))).toBeNaN();
  });
});

describe('toFixed2', () => {
  it('is Decimal#toFixed(2) for amounts as bank files write them', () => {
    for (const text of ['0', '-0', '0.1', '-0.05', '1200', '-1200.5', '3560.40', '123456789012.34', '99999999999999.99', '-5e-7', '0.005', '0.015', '-0.015', '1e20', '11258999068426.23']) {
      expect(toFixed2(new Decimal(text))).toBe(new Decimal(text).toFixed(2));
    }
  });

  it('is Decimal#toFixed(2) for any amount of up to 17 digits and 5 decimals, either sign', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 5 }))
      .map(([digits, scale]) => new Decimal(digits.toString()).div(10 ** scale));
    fc.assert(fc.property(amount, (value) => expect(toFixed2(value)).toBe(value.toFixed(2))), { numRuns: 5000 });
  });

  it('writes whole cents with two decimals and one sign', () => {
    expect(centsToFixed2(0)).toBe('0.00');
    expect(centsToFixed2(-0)).toBe('0.00');
    expect(centsToFixed2(5)).toBe('0.05');
    expect(centsToFixed2(-5)).toBe('-0.05');
    expect(centsToFixed2(-120050)).toBe('-1200.50');
    expect(centsToFixed2(2 ** 50 - 1)).toBe('11258999068426.23');
  });
});
