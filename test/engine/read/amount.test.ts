import fc from 'fast-check';
import Decimal from 'decimal.js';
import { COMMA_DECIMAL, decideAmountStyle, DOT_DECIMAL, parseAmount, type AmountParse } from '../../../src/engine/read/amount';
import type { CellValue } from '../../../src/engine/types';

/** The amount as exact text, or the parse kind when it is not ok. */
function read(value: CellValue, comma = false): string {
  const parsed: AmountParse = parseAmount(value, comma ? COMMA_DECIMAL : DOT_DECIMAL);
  return parsed.kind === 'ok' ? parsed.value.toFixed() : parsed.kind;
}

describe('parseAmount', () => {
  it.each([
    ['1,234.50', '1234.5'],
    ['-1,000.00', '-1000'],
    ['+10000.00', '10000'],
    ['+0.00', '0'],
    ['¥28.16', '28.16'],
    ['￥742.00', '742'],
    ['$6,000.36', '6000.36'],
    ['-$7,971.39', '-7971.39'],
    ['$-7.00', '-7'],
    ['HK$1,099.14', '1099.14'],
    ['RMB 1,234.56', '1234.56'],
    ['CNY13.50', '13.5'],
    ['CNY 123.18', '123.18'],
    ['100 USD', '100'],
    ['28.50元', '28.5'],
    ['(100.00)', '-100'],
    ['（１００．００）', '-100'],
    ['１，２３４．５０', '1234.5'],
    ['100.00-', '-100'],
    ['1,234.56 CR', '1234.56'],
    ['1,234.56DR', '-1234.56'],
    ['-1,099.14\t\t', '-1099.14'],
    ['  13.40            \t', '13.4'],
    ['.5', '0.5'],
    ['50.0', '50'],
    // India's lakh grouping and rupee marks (Tally, HDFC, ICICI)
    ['1,65,000.00', '165000'],
    ['12,34,56,789.50', '123456789.5'],
    ['-2,20,000.00', '-220000'],
    ['₹2,20,000.00', '220000'],
    ['Rs. 1,65,000.00', '165000'],
    ['INR 45,000', '45000'],
    ['A$1,250.00', '1250'],
    ['100美元', '100'],
  ])('reads %j as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('reads Excel numbers through their shortest text, never float arithmetic', () => {
    expect(read(28.16)).toBe('28.16');
    expect(read(0.1 + 0.2)).toBe('0.3'); // 0.30000000000000004 is binary noise past Excel's 15 digits
    expect(read(1234567.89)).toBe('1234567.89');
    expect(read(-0.01)).toBe('-0.01');
    expect(read(12)).toBe('12');
  });

  it('treats placeholders and padding as empty', () => {
    for (const value of ['', '   ', '-', '--', '/', '\u3000', null, undefined]) expect(read(value as CellValue)).toBe('empty');
  });

  it('rejects text that is not an amount, keeping the text for the message', () => {
    expect(parseAmount('abc')).toEqual({ kind: 'invalid', text: 'abc' });
    expect(parseAmount(' xx,yyyy.zz ')).toEqual({ kind: 'invalid', text: 'xx,yyyy.zz' });
    expect(read('12,34')).toBe('invalid'); // wrong grouping in a dot-decimal column
    expect(read('1,2,345.00')).toBe('invalid'); // lakh grouping is twos then a three
    expect(read('1,23,45.00')).toBe('invalid');
    expect(read('1笔 28.50元')).toBe('invalid');
    expect(read('--5')).toBe('invalid');
    expect(read('(5)-')).toBe('invalid');
    expect(read(true)).toBe('invalid');
  });

  it('takes the leading amount of an annotated cell and keeps the note (JD refunds)', () => {
    const parsed = parseAmount('131.77(已退款89.84)');
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.value.toFixed(2)).toBe('131.77');
    expect(parsed.annotation).toBe('已退款89.84');
    const full = parseAmount('468.32(已全额退款)');
    expect(full.kind === 'ok' && full.annotation).toBe('已全额退款');
  });

  it('drops country and currency codes after an amount without a note (CMB 交易地金额)', () => {
    expect(parseAmount('8,000.00(CN)')).toEqual({ kind: 'ok', value: new Decimal('8000') });
    expect(read('-3.90(CN)')).toBe('-3.9');
  });

  it('reads decimal-comma amounts when the column uses them', () => {
    expect(read('-50,00', true)).toBe('-50');
    expect(read('1300,00', true)).toBe('1300');
    expect(read('+31070,11', true)).toBe('31070.11');
    expect(read('1.234.567,89', true)).toBe('1234567.89');
    expect(read('1 234,5', true)).toBe('1234.5');
    expect(read('1,234.56', true)).toBe('invalid');
  });

  it('round-trips any two-decimal amount written with grouping, brackets or a trailing minus', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (cents) => {
        const value = new Decimal(cents.toString()).dividedBy(100);
        const abs = value.abs().toFixed(2);
        const grouped = abs.replace(/\B(?=(\d{3})+\.)/g, ',');
        expect(read(value.toFixed(2))).toBe(value.toFixed());
        expect(read(value.isNegative() ? `-${grouped}` : grouped)).toBe(value.toFixed());
        if (!value.isZero()) {
          expect(read(`(${grouped})`)).toBe(value.abs().negated().toFixed());
          expect(read(`${abs}-`)).toBe(value.abs().negated().toFixed());
        }
      }),
    );
  });
});

describe('decideAmountStyle', () => {
  it('decides a decimal comma only from evidence in the column', () => {
    expect(decideAmountStyle(['-50,00', '-100,00', '-80,68'])).toEqual(COMMA_DECIMAL);
    expect(decideAmountStyle(['1300,00'])).toEqual(COMMA_DECIMAL);
    expect(decideAmountStyle(['1.234,56'])).toEqual(COMMA_DECIMAL);
    expect(decideAmountStyle(['1,234.56', '12,50'])).toEqual(DOT_DECIMAL); // dot evidence wins
    expect(decideAmountStyle(['-1,099.14', '25.00'])).toEqual(DOT_DECIMAL);
    expect(decideAmountStyle(['131.77(已退款89.84)'])).toEqual(DOT_DECIMAL);
  });

  it('says nothing when the values fit both', () => {
    expect(decideAmountStyle(['1,234', '500', ''])).toBeUndefined();
    expect(decideAmountStyle([])).toBeUndefined();
  });
});
