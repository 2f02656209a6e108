/**
 * The reader's fast amount path (amount-cents.ts) against the Decimal path it stands in for: wherever
 * fastCents gives cents, parseAmount reads the same cell as ok, without a note, and exactCents of its
 * value is those cents; centsToDecimal builds exactly the Decimal decimal.js parses from the text.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { centsToDecimal, centsToFixed2, exactCents } from '../../../src/engine/cents';
import { COMMA_DECIMAL, DOT_DECIMAL, parseAmount, type AmountStyle } from '../../../src/engine/read/amount';
import { fastCents } from '../../../src/engine/read/amount-cents';
import type { CellValue } from '../../../src/engine/types';
import { loadTable } from '../../../src/workbook/file/load-table';

const MAX_CENTS = 2 ** 50 - 1;

/** The fast path agrees with the Decimal path on this cell (or leaves it to it). */
function agrees(value: CellValue, style: AmountStyle = DOT_DECIMAL): boolean {
  const cents = fastCents(value, style);
  if (cents !== cents) return true;
  const parsed = parseAmount(value, style);
  if (parsed.kind !== 'ok' || parsed.annotation !== undefined) return false;
  if (parsed.value.isZero() && parsed.value.isNegative()) return false; // a negative zero is the Decimal path's
  return Object.is(exactCents(parsed.value), cents) && Number.isInteger(cents) && Math.abs(cents) <= MAX_CENTS;
}

function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d) && a.toFixed() === b.toFixed();
}

describe('fastCents', () => {
  it.each([
    ['1,234.50', 123450],
    ['-1,000.00', -100000],
    ['+10000.00', 1000000],
    ['+0.00', 0],
    ['0', 0],
    ['(100.00)', -10000],
    ['（１００．００）', -10000],
    ['１，２３４．５０', 123450],
    ['－５', -500],
    ['−3.10', -310],
    ['.5', 50],
    ['-.5', -50],
    ['  13.40            \t', 1340],
    ['50.0', 5000],
    ['007.5', 750],
    ['¥2,127.82', 212782],
    ['￥742.00', 74200],
    ['$6,000.36', 600036],
    ['-$7,971.39', -797139],
    ['$-7.00', -700],
    ['¥ 3', 300],
    ['−¥3.10', -310],
    ['+€1', 100],
    ['£0.5', 50],
    ['28.50元', 2850],
    ['-28.50 元', -2850],
    [12.34, 1234],
    [-12, -1200],
    [0, 0],
    [0.1, 10],
  ] as [CellValue, number][])('reads %j as %d cents', (value, cents) => {
    expect(fastCents(value, DOT_DECIMAL)).toBe(cents);
    expect(agrees(value)).toBe(true);
  });

  it.each([
    '-0', '-0.00', '(0)', '1.234', '5.', '.', '-', '', '  ', '1,23', '12,3456.00', ',123', '1,234,5', '(-5)', '(5', '5)', '1e5', '- 5',
    '100.00-', '5 CR', '¥(100.00)', '-¥-3', '-¥+3', '¥', '-¥', '元', '(5)元', '-¥0.00', '¥-0', 'HK$5', 'US$5', '5$', '¥¥5', '131.77(已退款89.84)', '12345678901234', '1.2.3', '+-5', '--5', 'abc', '1 234.00',
  ])('leaves %j to the Decimal path', (text) => {
    expect(fastCents(text, DOT_DECIMAL)).toBeNaN();
  });

  it('leaves numbers it cannot read exactly to the Decimal path', () => {
    for (const value of [-0, 1e13, -1e13, 1e20, 5e-7, 0.125, 1 / 3, NaN, Infinity, 123456789012.345]) expect(fastCents(value, DOT_DECIMAL)).toBeNaN();
  });

  it('leaves comma-decimal columns and other cell types to the Decimal path', () => {
    expect(fastCents('1.234,50', COMMA_DECIMAL)).toBeNaN();
    expect(fastCents('100', COMMA_DECIMAL)).toBeNaN();
    expect(fastCents(true, DOT_DECIMAL)).toBeNaN();
    expect(fastCents(null, DOT_DECIMAL)).toBeNaN();
  });

  const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
  const grouped = fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 }).map((groups) =>
    groups.map((g, i) => (i === 0 ? String(g) : String(g).padStart(3, '0'))).join(','),
  );
  const fullWidth = (text: string) => text.replace(/[0-9.,\-+()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it('agrees with parseAmount on amount-like text (random)', () => {
    const amount = fc
      .tuple(
        fc.constantFrom('', '-', '+', '−', '(', '－', '¥', '￥', '$', '-$', '$-', '¥ ', '-¥', '+¥', '€', '£', '¥(', 'HK$'),
        fc.oneof(digits(0, 16), grouped),
        fc.constantFrom('', '.'),
        digits(0, 4),
        fc.constantFrom('', ')', ' ', '-', 'x', '元', ' 元', '$'),
        fc.boolean(),
      )
      .map(([sign, whole, point, decimals, tail, wide]) => {
        const text = `${sign}${whole}${point}${decimals}${sign === '(' ? ')' : tail}`;
        return wide ? fullWidth(text) : text;
      });
    fc.assert(fc.property(amount, (text) => agrees(text)), { numRuns: 20000 });
  });

  it('agrees with parseAmount on any short text of amount characters (random)', () => {
    const chars = fc.constantFrom(...'0123456789.,-+() −１２．，（）¥￥$€£元'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((c) => c.join('')), (text) => agrees(text)), { numRuns: 20000 });
  });

  it('agrees with parseAmount on numbers (random)', () => {
    const cents = fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }).map((c) => c / 100);
    fc.assert(fc.property(fc.oneof(fc.double({ noNaN: true }), fc.integer(), cents), (value) => agrees(value)), { numRuns: 20000 });
  });

  it('agrees with parseAmount on every cell of the real exports', async () => {
    const folders = ['real-exports', 'unseen-exports'].map((f) => path.join(__dirname, '..', '..', 'fixtures', f));
    let read = 0;
    for (const folder of folders) {
      const files: string[] = [];
      const walk = async (dir: string) => {
        for (const item of await fs.readdir(dir, { withFileTypes: true })) {
          const full = path.join(dir, item.name);
          if (item.isDirectory()) await walk(full);
          else if (/\.(csv|xlsx|xls|ofx|qfx)$/i.test(item.name)) files.push(full);
        }
      };
      await walk(folder);
      for (const file of files) {
        let cells: CellValue[][];
        try {
          cells = (await loadTable(file)).cells;
        } catch {
          continue; // files the reader refuses are the loader's tests' business
        }
        for (const row of cells) {
          for (const value of row) {
            if (!agrees(value)) throw new Error(`${path.basename(file)}: ${JSON.stringify(value)}`);
            if (fastCents(value, DOT_DECIMAL) === fastCents(value, DOT_DECIMAL)) read++;
          }
        }
      }
    }
    expect(read).toBeGreaterThan(300);
  });
});

describe('centsToDecimal', () => {
  it('builds the Decimal decimal.js parses from the same amount text', () => {
    for (const cents of [1, -1, 5, 10, 99, 100, 101, 120, 1234, 1e7, 1e8, 1e9, 12345678, 123456789, 10000000000, 99999999999999, MAX_CENTS, -MAX_CENTS, 2 ** 51 + 1, -(2 ** 52) - 7, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
      expect(sameDecimal(centsToDecimal(cents), new Decimal(centsToFixed2(cents)))).toBe(true);
    }
    expect(centsToDecimal(0).toFixed(2)).toBe('0.00');
    expect(centsToDecimal(0).isNegative()).toBe(false);
    expect(centsToDecimal(-0).isNegative()).toBe(false);
  });

  it('builds the Decimal decimal.js parses (random)', () => {
    fc.assert(
      // every safe integer: a match's difference is two totals below 2^50 apart
      fc.property(fc.oneof(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }), fc.maxSafeInteger(), fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }).map((c) => c * 8 + 3)), (cents) => {
        const made = centsToDecimal(cents);
        return sameDecimal(made, new Decimal(centsToFixed2(cents))) && (Math.abs(cents) >= 2 ** 50 || exactCents(made) === cents);
      }),
      { numRuns: 50000 },
    );
  });

  it('makes values decimal.js computes with as with its own', () => {
    const a = centsToDecimal(123456);
    const b = centsToDecimal(-99);
    expect(a.plus(b).toFixed(2)).toBe('1233.57');
    expect(a.times(3).toString()).toBe('3703.68');
    expect(a.equals(new Decimal('1234.56'))).toBe(true);
  });
});
