/** The whole matching stage: documents set aside, ids, options, progress. */
import Decimal from 'decimal.js';
import { DEFAULT_MATCH_OPTIONS, matchEntries, resolveMatchOptions } from '../../../src/engine/match/match-entries';
import type { Stage } from '../../../src/engine/types';
import { bankOf, ledgerOf, runRows, isoOf, dayOf } from './entries';

describe('ledger documents', () => {
  it('sets invoices aside when the ledger also books the receipts that settle them', () => {
    const result = runRows(
      [
        { row: 3, date: '2025-03-02', amount: '2400.00', counterparty: '德恒（青岛）国际装饰工程有限公司', reference: '30997591', document: 'invoice' },
        { row: 9, date: '2025-03-20', amount: '2400.00', counterparty: '德恒（青岛）国际装饰工程有限公司', reference: '30997591', document: 'receipt' },
      ],
      [{ row: 7, date: '2025-03-21', amount: '2400.00', counterparty: '德恒（青岛）国际装饰工程有限公司', reference: '30997591' }],
    );
    expect(result.documents).toEqual([3]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [9], bank: [7], status: 'auto' })]);
    expect(result.unmatchedLedger).toEqual([]);
  });

  it('matches the bank against an open-items list (invoices only): cash application', () => {
    const result = runRows(
      [
        { row: 2, date: '2025-02-10', amount: '1200.00', counterparty: 'Maple Foods Ltd', reference: 'INV-275186', document: 'invoice' },
        { row: 3, date: '2025-02-12', amount: '950.00', counterparty: 'Maple Foods Ltd', reference: 'INV-275187', document: 'invoice' },
        { row: 4, date: '2025-02-14', amount: '3100.00', counterparty: 'Stone Manufacturing Ltd', reference: 'INV-275188', document: 'invoice' },
      ],
      [
        { row: 8, date: '2025-02-15', amount: '2150.00', counterparty: 'MAPLE FOODS LTD', reference: 'INV-275186 INV-275187' },
        { row: 9, date: '2025-03-01', amount: '3100.00', counterparty: 'STONE MANUFACTURING', reference: 'INV-275188' },
      ],
    );
    expect(result.documents).toEqual([]);
    expect(result.matches.map((m) => [m.ledger, m.bank, m.rule, m.status])).toEqual([
      [[2, 3], [8], 'many-to-one', 'auto'],
      [[4], [9], 'reference-amount', 'auto'],
    ]);
  });
});

describe('match ids', () => {
  it('numbers matches by first ledger row, then first bank row', () => {
    const result = runRows(
      [
        { row: 30, date: '2025-03-01', amount: '100.10', counterparty: 'Acme Trading Ltd' },
        { row: 10, date: '2025-03-09', amount: '200.20', counterparty: 'Acme Trading Ltd' },
        { row: 20, date: '2025-03-05', amount: '300.30', counterparty: 'Acme Trading Ltd' },
      ],
      [
        { row: 5, date: '2025-03-01', amount: '100.10', counterparty: 'ACME TRADING LTD' },
        { row: 6, date: '2025-03-09', amount: '200.20', counterparty: 'ACME TRADING LTD' },
        { row: 7, date: '2025-03-05', amount: '300.30', counterparty: 'ACME TRADING LTD' },
      ],
    );
    expect(result.matches.map((m) => [m.id, m.ledger[0]])).toEqual([
      ['M1', 10],
      ['M2', 20],
      ['M3', 30],
    ]);
  });
});

describe('options', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_MATCH_OPTIONS.dateWindowDays).toBe(7);
    expect(DEFAULT_MATCH_OPTIONS.referenceWindowDays).toBe(90);
    // The reference window is never shorter than the date window; out of range it is refused like it.
    expect(resolveMatchOptions({ dateWindowDays: 30, referenceWindowDays: 10 }).referenceWindowDays).toBe(30);
    expect(() => resolveMatchOptions({ referenceWindowDays: 9999 })).toThrow('referenceWindowDays: 9999 is outside the allowed range 0–366');
    expect(DEFAULT_MATCH_OPTIONS.tolerance.equals(new Decimal('50.00'))).toBe(true);
    expect(DEFAULT_MATCH_OPTIONS.allowCombined).toBe(true);
    expect(DEFAULT_MATCH_OPTIONS.maxGroupSize).toBe(5);
    expect(DEFAULT_MATCH_OPTIONS.nameStrictness).toBe('normal');
    expect(resolveMatchOptions()).toEqual(DEFAULT_MATCH_OPTIONS);
  });

  it('fills in what is missing and refuses what is out of range, naming the range (never clamps)', () => {
    expect(resolveMatchOptions({ dateWindowDays: 3, maxGroupSize: 8, allowCombined: false })).toMatchObject({ dateWindowDays: 3, maxGroupSize: 8, allowCombined: false });
    expect(() => resolveMatchOptions({ dateWindowDays: -3 })).toThrow('dateWindowDays: -3 is outside the allowed range 0–366');
    expect(() => resolveMatchOptions({ dateWindowDays: 999 })).toThrow('dateWindowDays: 999 is outside the allowed range 0–366');
    expect(() => resolveMatchOptions({ maxGroupSize: 1 })).toThrow('maxGroupSize: 1 is outside the allowed range 2–8');
    expect(() => resolveMatchOptions({ maxGroupSize: 12 })).toThrow('maxGroupSize: 12 is outside the allowed range 2–8');
    expect(() => resolveMatchOptions({ dateWindowDays: 3.7 })).toThrow('expected a whole number from 0 to 366');
    expect(() => resolveMatchOptions({ tolerance: new Decimal(-5) })).toThrow('tolerance: -5 is outside the allowed range 0.00–1000000.00');
    expect(() => resolveMatchOptions({ nameStrictness: 'fuzzy' as never })).toThrow('expected one of strict, normal, loose');
  });
});

describe('progress', () => {
  it('reports matching progress now and then, ending at the total', () => {
    const rows = 5000;
    const ledger = ledgerOf(
      Array.from({ length: rows }, (_, i) => ({ row: i + 2, date: isoOf(dayOf('2025-01-01') + (i % 300)), amount: `${1000 + i}.${String(i % 100).padStart(2, '0')}`, counterparty: `客户${i % 97}贸易有限公司` })),
    );
    const bank = bankOf(
      Array.from({ length: rows }, (_, i) => ({ row: i + 5, date: isoOf(dayOf('2025-01-02') + (i % 300)), amount: `${1000 + i}.${String(i % 100).padStart(2, '0')}`, counterparty: `客户${i % 97}贸易有限公司` })),
    );
    const calls: Array<[Stage, number, number]> = [];
    const result = matchEntries(ledger, bank, DEFAULT_MATCH_OPTIONS, (stage, done, total) => calls.push([stage, done, total]));
    expect(result.matches).toHaveLength(rows);
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.length).toBeLessThan(400); // now and then, not per entry
    expect(calls.every(([stage]) => stage === 'matching')).toBe(true);
    const [, done, total] = calls[calls.length - 1];
    expect(done).toBe(total);
    for (let i = 1; i < calls.length; i++) expect(calls[i][1]).toBeGreaterThanOrEqual(calls[i - 1][1]);
  });
});

describe('empty and degenerate input', () => {
  it('handles empty sides and zero amounts', () => {
    expect(matchEntries([], [], DEFAULT_MATCH_OPTIONS)).toEqual({ matches: [], unmatched: { ledger: [], bank: [] }, ledgerDocuments: [] });
    const result = runRows([{ row: 2, date: '2025-03-01', amount: '0.00', counterparty: 'Acme Ltd' }], [{ row: 3, date: '2025-03-01', amount: '0', counterparty: 'Acme Ltd' }]);
    expect(result.matches).toEqual([]);
    expect(result.unmatchedLedger).toEqual([2]);
    expect(result.unmatchedBank).toEqual([3]);
  });

  it('matches amounts with more than two decimals exactly, never by rounding', () => {
    const result = runRows(
      [
        { row: 2, date: '2025-03-01', amount: '12.345', counterparty: 'Kuwait Trading Co', currency: 'KWD' },
        { row: 3, date: '2025-03-01', amount: '99.999', counterparty: 'Kuwait Trading Co', currency: 'KWD' },
      ],
      [
        { row: 5, date: '2025-03-02', amount: '12.345', counterparty: 'KUWAIT TRADING CO', currency: 'KWD' },
        { row: 6, date: '2025-03-02', amount: '100.00', counterparty: 'KUWAIT TRADING CO', currency: 'KWD' },
      ],
    );
    expect(result.matches.filter((m) => m.rule === 'amount-date')).toEqual([expect.objectContaining({ ledger: [2], bank: [5], difference: '0.00' })]);
  });
});
