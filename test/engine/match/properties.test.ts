/**
 * Properties of matchEntries on random but realistic books: receipts with lags and name variants,
 * fees, N:1 transfers, instalments, one-sided items, and deliberately colliding round amounts.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DEFAULT_MATCH_OPTIONS, matchEntries } from '../../../src/engine/match/match-entries';
import type { Entry, MatchResult } from '../../../src/engine/types';
import { bankOf, isoOf, ledgerOf, reindexed, type EntryFields } from './entries';

const COMPANIES = ['北京华兴贸易有限责任公司', '上海明达科技有限公司', '重庆永和物流有限公司', 'ACME Trading Co., Ltd.', 'Globex Logistics Limited'];
/** How the bank shows the company: as is, truncated, traditional, upper case, a person paying, nothing. */
const BANK_NAMES: Record<string, string[]> = {
  北京华兴贸易有限责任公司: ['北京华兴贸易有限责任公司', '北京华兴贸易有', '北京華興貿易有限公司'],
  上海明达科技有限公司: ['上海明达科技有限公司', '上海明达科技有限责任公司'],
  重庆永和物流有限公司: ['重庆永和物流有限公司', '重慶永和物流有限公司'],
  'ACME Trading Co., Ltd.': ['ACME TRADING LIMITED', 'ACME TRADING CO LT'],
  'Globex Logistics Limited': ['GLOBEX LOGISTICS LTD', 'Globex Logistics Limited'],
};
const PERSONS = ['张伟', '李娜', 'John Smith'];
const BASE_DAY = 20148; // 2025-03-01

const cents = fc.oneof(fc.integer({ min: 1_000, max: 5_000_000 }), fc.constantFrom(100_000, 500_000, 1_000_000));
const event = fc.oneof(
  fc.record({ kind: fc.constant('pair' as const), who: fc.nat(4), cents, day: fc.nat(25), lag: fc.integer({ min: -5, max: 5 }), shown: fc.nat(5), ref: fc.boolean(), out: fc.boolean() }),
  fc.record({ kind: fc.constant('fee' as const), who: fc.nat(4), cents, day: fc.nat(25), lag: fc.integer({ min: 0, max: 3 }), fee: fc.integer({ min: 50, max: 2_500 }) }),
  fc.record({ kind: fc.constant('n1' as const), who: fc.nat(4), parts: fc.array(fc.integer({ min: 10_000, max: 900_000 }), { minLength: 2, maxLength: 4 }), day: fc.nat(25) }),
  fc.record({ kind: fc.constant('1n' as const), who: fc.nat(4), parts: fc.array(fc.integer({ min: 10_000, max: 900_000 }), { minLength: 2, maxLength: 3 }), day: fc.nat(25) }),
  fc.record({ kind: fc.constant('ledgerOnly' as const), who: fc.nat(4), cents, day: fc.nat(25) }),
  fc.record({ kind: fc.constant('bankOnly' as const), who: fc.nat(4), cents, day: fc.nat(25) }),
);
type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

function money(c: number): string {
  return new Decimal(c).dividedBy(100).toFixed(2);
}

/** Ledger and bank rows for a list of events; rows are numbered in event order. */
function books(events: Event[]): { ledger: EntryFields[]; bank: EntryFields[] } {
  const ledger: EntryFields[] = [];
  const bank: EntryFields[] = [];
  let invoice = 15660000;
  const l = (f: Omit<EntryFields, 'row'>): void => void ledger.push({ ...f, row: ledger.length + 2 });
  const b = (f: Omit<EntryFields, 'row'>): void => void bank.push({ ...f, row: bank.length + 6 });
  const date = (day: number): string => isoOf(BASE_DAY + day);
  for (const e of events) {
    const company = COMPANIES[e.who];
    invoice += 1;
    switch (e.kind) {
      case 'pair': {
        const shown = e.shown < 3 ? BANK_NAMES[company][e.shown % BANK_NAMES[company].length] : e.shown < 5 ? PERSONS[e.shown - 3] : '';
        const amount = money(e.out ? -e.cents : e.cents);
        l({ date: date(e.day + Math.max(0, e.lag)), amount, counterparty: company, description: `收货款 发票${invoice}` });
        b({ date: date(e.day + Math.max(0, -e.lag)), amount, counterparty: shown, reference: e.ref ? `货款${invoice}` : '货款' });
        break;
      }
      case 'fee':
        l({ date: date(e.day + e.lag), amount: money(e.cents + e.fee), counterparty: company });
        b({ date: date(e.day), amount: money(e.cents), counterparty: BANK_NAMES[company][0] });
        break;
      case 'n1':
        for (const part of e.parts) l({ date: date(e.day), amount: money(part), counterparty: company, reference: `INV-${(invoice += 1)}` });
        b({ date: date(e.day + 1), amount: money(e.parts.reduce((x, y) => x + y, 0)), counterparty: BANK_NAMES[company][0] });
        break;
      case '1n':
        l({ date: date(e.day), amount: money(e.parts.reduce((x, y) => x + y, 0)), counterparty: company, reference: `INV-${invoice}` });
        e.parts.forEach((part, i) => b({ date: date(e.day + i), amount: money(part), counterparty: BANK_NAMES[company][0], reference: i === 0 ? `首期款 INV-${invoice}` : '尾款' }));
        break;
      case 'ledgerOnly':
        l({ date: date(e.day), amount: money(e.cents), counterparty: company, description: '在途存款' });
        break;
      case 'bankOnly':
        b({ date: date(e.day), amount: money(-e.cents % 5_000), counterparty: '', description: '手续费' });
        break;
    }
  }
  return { ledger, bank };
}

/** Shuffle with a small seeded generator (fast-check supplies the seed). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The result in rows only (independent of entry positions): comparable across row orders. */
function canonical(result: MatchResult, ledger: Entry[], bank: Entry[]): string[] {
  const rows = (side: Entry[], indices: number[]): string => indices.map((i) => side[i].row).sort((x, y) => x - y).join(',');
  return [
    ...result.matches.map((m) => `${m.id} ${m.status} ${m.rule} L[${rows(ledger, m.ledger)}] B[${rows(bank, m.bank)}] ${m.difference.toFixed()} ${m.score} ${JSON.stringify(m.reasons)}`),
    `unmatched L[${rows(ledger, result.unmatched.ledger)}] B[${rows(bank, result.unmatched.bank)}] documents[${rows(ledger, result.ledgerDocuments)}]`,
  ];
}

const scenario = fc.record({ events: fc.array(event, { minLength: 1, maxLength: 40 }), seedL: fc.integer(), seedB: fc.integer() });

describe('matchEntries properties', () => {
  it('gives the same groups whatever order the rows of either side arrive in', () => {
    fc.assert(
      fc.property(scenario, ({ events, seedL, seedB }) => {
        const { ledger: l, bank: b } = books(events);
        const ledger = ledgerOf(l);
        const bank = bankOf(b);
        const ledger2 = reindexed(shuffled(ledger, seedL));
        const bank2 = reindexed(shuffled(bank, seedB));
        const first = canonical(matchEntries(ledger, bank, DEFAULT_MATCH_OPTIONS), ledger, bank);
        const second = canonical(matchEntries(ledger2, bank2, DEFAULT_MATCH_OPTIONS), ledger2, bank2);
        expect(second).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('puts every entry in exactly one place, with differences equal to bank sum − ledger sum, amounts untouched', () => {
    fc.assert(
      fc.property(scenario, ({ events }) => {
        const { ledger: l, bank: b } = books(events);
        const ledger = ledgerOf(l);
        const bank = bankOf(b);
        const amountsBefore = [...ledger, ...bank].map((e) => e.amount);
        const textBefore = amountsBefore.map((a) => a.toString());
        const result = matchEntries(ledger, bank, DEFAULT_MATCH_OPTIONS);

        const seen = { ledger: new Array<number>(ledger.length).fill(0), bank: new Array<number>(bank.length).fill(0) };
        for (const m of result.matches) {
          expect(m.ledger.length).toBeGreaterThan(0);
          expect(m.bank.length).toBeGreaterThan(0);
          m.ledger.forEach((i) => seen.ledger[i]++);
          m.bank.forEach((i) => seen.bank[i]++);
          const bankSum = m.bank.reduce((s, i) => s.plus(bank[i].amount), new Decimal(0));
          const ledgerSum = m.ledger.reduce((s, i) => s.plus(ledger[i].amount), new Decimal(0));
          expect(m.difference.equals(bankSum.minus(ledgerSum))).toBe(true);
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
        result.unmatched.ledger.forEach((i) => seen.ledger[i]++);
        result.ledgerDocuments.forEach((i) => seen.ledger[i]++);
        result.unmatched.bank.forEach((i) => seen.bank[i]++);
        expect(seen.ledger.every((n) => n === 1)).toBe(true);
        expect(seen.bank.every((n) => n === 1)).toBe(true);

        const amountsAfter = [...ledger, ...bank].map((e) => e.amount);
        amountsAfter.forEach((a, i) => {
          expect(a).toBe(amountsBefore[i]);
          expect(a.toString()).toBe(textBefore[i]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('numbers matches M1, M2 … in order of their first ledger row', () => {
    fc.assert(
      fc.property(scenario, ({ events }) => {
        const { ledger: l, bank: b } = books(events);
        const ledger = ledgerOf(l);
        const result = matchEntries(ledger, bankOf(b), DEFAULT_MATCH_OPTIONS);
        const firstRows = result.matches.map((m) => Math.min(...m.ledger.map((i) => ledger[i].row)));
        expect(result.matches.map((m) => m.id)).toEqual(result.matches.map((_, i) => `M${i + 1}`));
        expect([...firstRows].sort((x, y) => x - y)).toEqual(firstRows);
      }),
      { numRuns: 50 },
    );
  });
});
