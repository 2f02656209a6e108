/**
 * Entries as the reader hands them out (ReadEntry): amounts held as exact cents, the Decimal made on
 * first use; `cents` never disagrees with `amount`, and a spread copy carries neither.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { entryCents, exactCents } from '../../../src/engine/cents';
import { ReadEntry } from '../../../src/engine/read/read-entry';
import { readSide } from '../../../src/engine/read/read-side';
import type { CellValue } from '../../../src/engine/types';

function entry(cents: number, amount?: Decimal, balanceCents = NaN, balance: Decimal | null = null): ReadEntry {
  return new ReadEntry('bank', 0, 2, '2025-03-05', 20152, cents, amount, 'movement', 'Acme', 'INV-1', 'Payment', 'CNY', balanceCents, balance);
}

describe('ReadEntry', () => {
  it('makes the amount from its cents once, and keeps it', () => {
    const e = entry(-123450);
    expect(e.cents).toBe(-123450);
    expect(e.amount.toFixed(2)).toBe('-1234.50');
    expect(e.amount).toBe(e.amount);
    expect(entryCents(e)).toBe(-123450);
  });

  it('keeps an amount that is not exact in cents as read, with NaN cents', () => {
    const e = entry(NaN, new Decimal('1.005'));
    expect(e.cents).toBeNaN();
    expect(e.amount.toString()).toBe('1.005');
  });

  it('keeps the cents in step when the amount is assigned or re-signed', () => {
    const e = entry(500);
    e.amount = new Decimal('-7.25');
    expect(e.cents).toBe(-725);
    e.amount = new Decimal('0.001');
    expect(e.cents).toBeNaN();
    e.setCents(990);
    expect(e.amount.toFixed(2)).toBe('9.90');
    expect(e.cents).toBe(990);
  });

  it('gives a spread copy neither cents nor amount (never a stale figure)', () => {
    const copy: Record<string, unknown> = { ...entry(500) };
    expect(copy.cents).toBeUndefined();
    expect(copy.amount).toBeUndefined();
    expect(copy.counterparty).toBe('Acme');
    const withAmount = { ...entry(500), amount: new Decimal(3) };
    expect(entryCents(withAmount)).toBe(300);
  });

  it('holds the balance as cents too, or as read, or none', () => {
    expect(entry(1, undefined, 1000050).balance?.toFixed(2)).toBe('10000.50');
    expect(entry(1, undefined, NaN, new Decimal('-0')).balance?.isNegative()).toBe(true);
    expect(entry(1, undefined, NaN, null).balance).toBeNull();
    const e = entry(1, undefined, 100);
    e.balance = null;
    expect(e.balance).toBeNull();
  });
});

describe('readSide entries', () => {
  const cells: CellValue[][] = [
    ['Date', 'Description', 'Deposits', 'Withdrawals', 'Balance'],
    ['2025-03-03', 'Customer payment', '1,200.00', '', '5,000.00'],
    ['2025-03-04', 'Supplier', '', '310.5', '4,689.50'],
    ['2025-03-05', 'Interest', '0.001', '', '4,689.501'],
    ['2025-03-06', 'Refund', '$12.00', '', '-0.00'],
    ['2025-03-07', 'Big', 1234567.89, '', 1e20],
  ];
  const result = readSide({ cells }, { side: 'bank' });

  it('know their cents, exactly those of their amounts', () => {
    expect(result.entries.map((e) => e.amount.toString())).toEqual(['1200', '-310.5', '0.001', '12', '1234567.89']);
    for (const e of result.entries) expect(Object.is(entryCents(e), exactCents(e.amount)) || (Number.isNaN(entryCents(e)) && Number.isNaN(exactCents(e.amount)))).toBe(true);
    expect(result.entries.map((e) => e.balance?.toString())).toEqual(['5000', '4689.5', '4689.501', '0', '100000000000000000000']);
    expect(result.entries[3].balance?.isNegative()).toBe(true);
  });
});

describe('ReadEntry holds cents as two small integers', () => {
  it('gives back every exact amount and balance in cents, to ±2^50, and NaN as NaN', () => {
    const cents = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.double({ min: -(2 ** 50) + 1, max: 2 ** 50 - 1, noNaN: true }).map(Math.trunc), fc.constantFrom(0, 1, -1, 2 ** 26, -(2 ** 26), 2 ** 26 - 1, -(2 ** 26) - 1, 2 ** 50 - 1, -(2 ** 50) + 1));
    fc.assert(
      fc.property(cents, cents, (amount, balance) => {
        const e = entry(amount === 0 ? 0 : amount, undefined, balance === 0 ? 0 : balance);
        expect(e.cents).toBe(amount === 0 ? 0 : amount);
        expect(e.amount.toFixed(2)).toBe(new Decimal(amount).dividedBy(100).toFixed(2));
        expect(e.balance!.toFixed(2)).toBe(new Decimal(balance).dividedBy(100).toFixed(2));
        e.setCents(-amount || 0);
        expect(e.cents).toBe(-amount || 0);
      }),
      { numRuns: 2000 },
    );
    expect(entry(NaN, new Decimal('1.005')).cents).toBeNaN();
    expect(entry(100, undefined, NaN, null).balance).toBeNull();
  });
});
