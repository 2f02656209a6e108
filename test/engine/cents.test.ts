/** Exact integer cents as keys and as text: always what decimal.js itself says, or decimal.js itself. */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { centsToDecimal, centsToFixed2, exactCents, sumCents, toFixed2 } from '../../src/engine/cents';

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

describe('sumCents', () => {
  const decimals = (texts: string[]) => texts.map((t) => new Decimal(t));

  it('adds a column of bank amounts in whole cents, the same as decimal.js', () => {
    const column = decimals(['1200.00', '-35.5', '0.05', '88,000.10'.replace(',', ''), '-0.15', '3560.40']);
    const total = sumCents(column);
    expect(total).toBe(9272490);
    expect(centsToDecimal(total).equals(column.reduce((a, b) => a.plus(b)))).toBe(true);
    expect(sumCents([])).toBe(0);
  });

  it('refuses (NaN) an amount past the cent or a total that reaches 2^50 cents', () => {
    expect(sumCents(decimals(['10.00', '0.005']))).toBeNaN();
    expect(sumCents(decimals(['11258999068426.23', '0.01']))).toBeNaN();
    expect(sumCents(decimals(['11258999068426.23', '-0.01']))).toBe(2 ** 50 - 2);
  });

  it('agrees with decimal.js on any list of amounts of up to 15 digits and 2 decimals', () => {
    const amount = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((digits) => new Decimal(digits.toString()).div(100));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (values) => {
        const total = sumCents(values);
        const partials = values.map((_, i) => values.slice(0, i + 1).reduce((a, b) => a.plus(b), new Decimal(0)));
        const exact = partials.length ? partials[partials.length - 1] : new Decimal(0);
        // NaN only when a running total or an amount reaches 2^50 cents: the caller then uses decimal.js
        if (total === total) expect(centsToDecimal(total).toString()).toBe(exact.toString());
        else expect([...values, ...partials].some((v) => v.abs().times(100).gte(2 ** 50))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
