import Decimal from 'decimal.js';
import fc from 'fast-check';
import { buildReport } from '../../../src/engine/report/build-report';
import type { Entry, Match, ReconcileResult } from '../../../src/engine/types';
import { sampleResult } from './sample-result';

describe('buildReport on a cash journal against a bank export', () => {
  const report = buildReport(sampleResult());

  it('lists each match with source rows, totals, dates and counterparties', () => {
    expect(report.matches.map((m) => [m.id, m.ledgerRows, m.bankRows])).toEqual([
      ['M1', [2], [6]],
      ['M2', [3], [7]],
      ['M3', [4, 5], [8]],
      ['M4', [6], [9]],
    ]);
    const m3 = report.matches[2];
    expect(m3.ledgerTotal.toFixed(2)).toBe('6800.50');
    expect(m3.bankTotal.toFixed(2)).toBe('6800.50');
    expect(m3.ledgerDates).toEqual(['2025-03-06', '2025-03-06']);
    expect(m3.ledgerCounterparties).toEqual(['杭州明远科技有限公司']);
    expect(m3.status).toBe('suggested');
    expect(m3.rule).toBe('many-to-one');
    expect(report.matches[3].difference.toFixed(2)).toBe('5.00');
  });

  it('counts and sums entries per side by status', () => {
    expect(report.ledger.entries.count).toBe(7);
    expect(report.ledger.auto.count).toBe(2);
    expect(report.ledger.auto.sum.toFixed(2)).toBe('9239.60');
    expect(report.ledger.suggested.count).toBe(3);
    expect(report.ledger.suggested.sum.toFixed(2)).toBe('5820.50');
    expect(report.ledger.unmatched.count).toBe(2);
    expect(report.ledger.unmatched.sum.toFixed(2)).toBe('-7349.67');
    expect(report.bank.unmatched.sum.toFixed(2)).toBe('2975.00');
    expect(report.ledger.skipped).toBe(1);
    expect(report.bank.skipped).toBe(5);
    expect(report.bank.issues).toBe(1);
    expect(report.ledger.matchRate).toBeCloseTo(5 / 7, 10);
    expect(report.bank.matchRate).toBeCloseTo(4 / 6, 10);
    expect(report.matchRate).toBeCloseTo(9 / 13, 10);
  });

  it('lists unmatched entries by source row with what a reader needs to find them', () => {
    expect(report.unmatched.ledger.map((e) => e.row)).toEqual([7, 8]);
    const e = report.unmatched.bank[0];
    expect({ side: e.side, row: e.row, date: e.date, amount: e.amount, counterparty: e.counterparty, reference: e.reference, description: e.description }).toEqual({
      side: 'bank', row: 10, date: '2025-03-18', amount: new Decimal('-25.00'), counterparty: '', reference: '', description: '手续费',
    });
  });

  it('keeps every skipped line and issue of both sides', () => {
    expect(report.skipped.map((s) => `${s.side}:${s.row}:${s.kind}`)).toEqual([
      'ledger:9:total', 'bank:1:title', 'bank:2:title', 'bank:3:title', 'bank:4:title', 'bank:12:total',
    ]);
    expect(report.issues).toHaveLength(1);
  });

  it('match totals equal the sum of their lines', () => {
    expect(report.matchTotals.ledger.toFixed(2)).toBe('15060.10');
    expect(report.matchTotals.bank.toFixed(2)).toBe('15065.10');
    expect(report.matchTotals.difference.toFixed(2)).toBe('5.00');
  });
});

/** Random sides partitioned into matches / unmatched / documents; totals checked in integer cents. */
describe('buildReport totals are exact', () => {
  const cents = fc.integer({ min: -99_999_999_99, max: 99_999_999_99 });
  const toAmount = (c: number) => new Decimal(c).dividedBy(100);

  function entries(side: 'ledger' | 'bank', amounts: number[]): Entry[] {
    return amounts.map((c, index) => ({
      side, index, row: index + 2, date: '2025-01-01', day: 20089, amount: toAmount(c), document: 'movement',
      counterparty: '', reference: '', description: '', currency: 'CNY', balance: null,
    }));
  }

  it('every total equals the sum of its lines to the cent', () => {
    fc.assert(
      fc.property(
        fc.array(cents, { minLength: 0, maxLength: 60 }),
        fc.array(cents, { minLength: 0, maxLength: 60 }),
        fc.array(fc.nat(3), { minLength: 60, maxLength: 60 }),
        (ledgerCents, bankCents, buckets) => {
          const ledger = entries('ledger', ledgerCents);
          const bank = entries('bank', bankCents);
          // Pair the i-th ledger entry with the i-th bank entry into a match when its bucket says so.
          const matches: Match[] = [];
          const unmatched = { ledger: [] as number[], bank: [] as number[] };
          const documents: number[] = [];
          const pairs = Math.max(ledger.length, bank.length);
          for (let i = 0; i < pairs; i++) {
            const bucket = buckets[i];
            if (bucket <= 1 && i < ledger.length && i < bank.length) {
              matches.push({
                id: `M${matches.length + 1}`, ledger: [i], bank: [i], status: bucket === 0 ? 'auto' : 'suggested',
                rule: 'amount-date', score: 0.9, difference: bank[i].amount.minus(ledger[i].amount), reasons: [],
              });
              continue;
            }
            if (i < ledger.length) (bucket === 3 ? documents : unmatched.ledger).push(i);
            if (i < bank.length) unmatched.bank.push(i);
          }
          const base = sampleResult();
          const result: ReconcileResult = {
            ...base,
            ledger: { ...base.ledger, entries: ledger, skipped: [], issues: [] },
            bank: { ...base.bank, entries: bank, skipped: [], issues: [] },
            matches, unmatched, ledgerDocuments: documents,
          };
          const report = buildReport(result);
          const centsOf = (d: Decimal) => BigInt(d.times(100).toFixed(0));
          const sumCents = (xs: Decimal[]) => xs.reduce((a, d) => a + centsOf(d), 0n);

          expect(centsOf(report.matchTotals.ledger)).toBe(sumCents(report.matches.map((m) => m.ledgerTotal)));
          expect(centsOf(report.matchTotals.bank)).toBe(sumCents(report.matches.map((m) => m.bankTotal)));
          expect(centsOf(report.matchTotals.difference)).toBe(centsOf(report.matchTotals.bank) - centsOf(report.matchTotals.ledger));
          for (const side of ['ledger', 'bank'] as const) {
            const s = report[side];
            const parts = [s.auto, s.suggested, s.unmatched, s.ledgerDocuments];
            expect(parts.reduce((n, p) => n + p.count, 0)).toBe(s.entries.count);
            expect(parts.reduce((a, p) => a + centsOf(p.sum), 0n)).toBe(centsOf(s.entries.sum));
            expect(centsOf(s.unmatched.sum)).toBe(sumCents(report.unmatched[side].map((e) => e.amount)));
            const all = side === 'ledger' ? ledgerCents : bankCents;
            expect(centsOf(s.entries.sum)).toBe(all.reduce((a, c) => a + BigInt(c), 0n));
          }
          expect(centsOf(report.ledger.ledgerDocuments.sum)).toBe(sumCents(report.ledgerDocuments.map((e) => e.amount)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** A reader may hand out entries that know their cents and make their Decimal only when it is read. */
describe('buildReport with entries that know their cents', () => {
  function lazyEntries(entries: readonly Entry[], reads: { count: number }): Entry[] {
    return entries.map((e) => {
      const { amount, ...rest } = e;
      const cents = Number(amount.times(100).toFixed(0));
      return Object.defineProperties({ ...rest } as Entry, {
        amount: { get: () => (reads.count++, amount), enumerable: true },
        cents: { get: () => cents, enumerable: true },
      });
    });
  }

  it('makes no entry Decimal for the totals result.json writes, and its figures are the same', () => {
    const base = sampleResult();
    const reads = { count: 0 };
    const result: ReconcileResult = {
      ...base,
      ledger: { ...base.ledger, entries: lazyEntries(base.ledger.entries, reads) },
      bank: { ...base.bank, entries: lazyEntries(base.bank.entries, reads) },
    };
    const lazy = buildReport(result);
    expect(lazy.matches.map((m) => [m.ledgerCents, m.bankCents])).toEqual([[1280000, 1280000], [-356040, -356040], [680050, 680050], [-98000, -97500]]);
    expect(reads.count).toBe(0);
    // the Decimals, when asked for, are the ones made from the entries themselves
    const plain = buildReport(base);
    const figures = (r: typeof plain) => [
      ...r.matches.map((m) => [m.ledgerTotal.toFixed(2), m.bankTotal.toFixed(2), m.ledgerRows, m.bankRows, m.ledgerDates, m.descriptions]),
      ...(['ledger', 'bank'] as const).flatMap((side) => (['entries', 'auto', 'suggested', 'unmatched', 'ledgerDocuments'] as const).map((k) => `${side} ${k} ${r[side][k].count} ${r[side][k].sum.toFixed(2)}`)),
      r.matchTotals.ledger.toFixed(2), r.matchTotals.bank.toFixed(2), r.matchTotals.difference.toFixed(2),
    ];
    expect(figures(lazy)).toEqual(figures(plain));
  });
});
