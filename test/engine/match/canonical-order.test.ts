/**
 * prepareSide's canonical order (day, amount, row, then text) and assemble's row orders are worked
 * out by bucketing days and by native sorts of packed keys, for speed at a million rows. They must
 * give exactly the order one comparator sort gives: here checked on random sides with repeated days,
 * amounts, shared rows (hand-built entries) and amounts beyond two decimals.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { matchEntries, resolveMatchOptions } from '../../../src/engine/match/match-entries';
import { NameCache, prepareSide, referenceIdAt, type PreparedEntry } from '../../../src/engine/match/prepared-entry';
import type { Entry } from '../../../src/engine/types';
import { bankOf, isoOf, ledgerOf } from './entries';

const BASE_DAY = 20148;
const line = fc.record({
  day: fc.nat(40),
  amount: fc.oneof(fc.constantFrom('100.00', '-100.00', '5000', '0.005', '12.345', '-7.1'), fc.integer({ min: -500_000, max: 500_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2))),
  row: fc.nat(60),
  counterparty: fc.constantFrom('', 'ACME', '华兴', 'Globex'),
  reference: fc.constantFrom('', 'INV-0042', 'INV-0043'),
});

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The order as one comparator sort states it. */
function expectedOrder(entries: Entry[]): number[] {
  return entries
    .map((_, i) => i)
    .sort((x, y) => {
      const a = entries[x];
      const b = entries[y];
      return (
        a.day - b.day ||
        a.amount.comparedTo(b.amount) ||
        a.row - b.row ||
        compareText(a.counterparty, b.counterparty) ||
        compareText(a.reference, b.reference) ||
        compareText(a.description, b.description) ||
        a.index - b.index
      );
    });
}

const toFields = (lines: { day: number; amount: string; row: number; counterparty: string; reference: string }[]) =>
  lines.map((l) => ({ row: l.row + 1, date: isoOf(BASE_DAY + l.day), amount: l.amount, counterparty: l.counterparty, reference: l.reference }));

describe('canonical order', () => {
  it('prepareSide orders as one sort by (day, amount, row, texts, index)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 120 }), (lines) => {
        const entries = ledgerOf(toFields(lines));
        const prepared = prepareSide(entries, new NameCache());
        expect(prepared.map((p) => p.entry.index)).toEqual(expectedOrder(entries));
      }),
      { numRuns: 300 },
    );
  });

  it('hand-built days that are not whole numbers still sort (the comparator path)', () => {
    const entries = ledgerOf(toFields([{ day: 1, amount: '1.00', row: 1, counterparty: '', reference: '' }, { day: 0, amount: '2.00', row: 2, counterparty: '', reference: '' }]));
    entries[0].day = entries[1].day + 0.5;
    expect(prepareSide(entries, new NameCache()).map((p) => p.entry.index)).toEqual([1, 0]);
  });

  it('matches, leftovers and documents come in row order, with ties between shared rows broken as before', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), fc.array(line, { maxLength: 80 }), (l, b) => {
        const ledger = ledgerOf(toFields(l));
        const bank = bankOf(toFields(b));
        const result = matchEntries(ledger, bank, resolveMatchOptions({}));
        const firstRows = result.matches.map((m) => [Math.min(...m.ledger.map((i) => ledger[i].row)), Math.min(...m.bank.map((i) => bank[i].row))]);
        for (let k = 1; k < firstRows.length; k++) {
          const [pl, pb] = firstRows[k - 1];
          const [cl, cb] = firstRows[k];
          expect(pl < cl || (pl === cl && pb <= cb)).toBe(true);
        }
        const rowsOf = (indices: number[], entries: Entry[]) => indices.map((i) => [entries[i].row, i]);
        for (const [indices, entries] of [[result.unmatched.ledger, ledger], [result.unmatched.bank, bank]] as const) {
          const listed = rowsOf(indices, entries);
          const sorted = [...listed].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
          expect(listed).toEqual(sorted);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('reference key numbers', () => {
  it('the side prepared second shares the first side\'s numbers and gives -1 to keys the first side lacks', () => {
    const cache = new NameCache();
    const ledger = prepareSide(ledgerOf([{ row: 2, date: '2025-03-05', amount: '100.00', reference: 'INV-20250042' }]), cache);
    const bank = prepareSide(
      bankOf([
        { row: 7, date: '2025-03-05', amount: '100.00', reference: 'INV-20250042' },
        { row: 8, date: '2025-03-06', amount: '50.00', reference: 'INV-20259999' },
      ]),
      cache,
      false,
      true,
    );
    const [l] = ledger;
    const [shared, alone] = bank;
    // INV20250042 and the number inside it (20250042): the same numbers on both sides.
    const idsOf = (e: PreparedEntry) => Array.from({ length: e.keyCount }, (_, k) => referenceIdAt(e, k));
    expect(idsOf(shared)).toEqual(idsOf(l));
    expect(idsOf(l)).toEqual([0, 1]);
    // INV20259999 and 20259999 appear on the bank side only: nothing to meet, no number given.
    expect(idsOf(alone)).toEqual([-1, -1]);
    expect(cache.referenceKeys.size).toBe(2);
  });
});
