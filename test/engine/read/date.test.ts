import fc from 'fast-check';
import {
  DATE_PATTERNS,
  dateFromSerial,
  decideDateOrder,
  hasAmbiguousDates,
  parseDate,
  periodFromTitles,
  type DateOrder,
  type DateRules,
} from '../../../src/engine/read/date';
import type { CellValue } from '../../../src/engine/types';

const MDY: DateRules = { order: 'MDY' };
const DMY: DateRules = { order: 'DMY' };

function iso(value: CellValue, rules: DateRules = MDY): string {
  const parsed = parseDate(value, rules);
  return parsed.kind === 'ok' ? parsed.iso : parsed.kind;
}

describe('parseDate', () => {
  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025/3/5', '2025-03-05'],
    ['2025/12/03  14:06:51', '2025-12-03'],
    ['20250305', '2025-03-05'],
    ['2025.03.05', '2025-03-05'],
    ['2025.9.6 16:59', '2025-09-06'],
    ['2024-12-30 17:16:02\t', '2024-12-30'],
    ['2023-05-02     \t', '2023-05-02'],
    ['2025-03-05T10:00:00Z', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['2025年03月05日 10:22', '2025-03-05'],
    ['２０２５年３月５日', '2025-03-05'],
    ['２０２５－０３－０５', '2025-03-05'],
    ['114/03/05', '2025-03-05'],
    // 郵局 and Taiwanese banks run the 民國 date together
    ['1140305', '2025-03-05'],
    [1140305, '2025-03-05'],
    ['民國114年3月5日', '2025-03-05'],
    ['民国114年3月5日', '2025-03-05'],
    ['114年3月5日', '2025-03-05'],
    ['30 Jun 2023', '2023-06-30'],
    ['30-JUN-23', '2023-06-30'],
    ['Mar 5, 2025', '2025-03-05'],
    ['March 5th, 2025', '2025-03-05'],
    ['3/6/2016', '2016-03-06'],
    ['12/31/2021', '2021-12-31'],
    ['01/04/20', '2020-01-04'],
    // a weekday before the date (English banks' statements and Date.toString)
    ['Wed, 5 Mar 2025', '2025-03-05'],
    ['Wednesday 5 March 2025', '2025-03-05'],
    ['Wed Mar 05 2025', '2025-03-05'],
    ['Thu. 2025-03-06', '2025-03-06'],
    // formal Chinese numerals (contracts, printed statements)
    ['二〇二五年三月五日', '2025-03-05'],
    ['二零二五年十二月三十一日', '2025-12-31'],
    ['二〇二五年三月十五日 星期六', '2025-03-15'],
    ['民國一一四年三月二十日', '2025-03-20'],
  ])('reads %j as %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('applies the column order to day/month-ambiguous dates', () => {
    expect(iso('09/04/2025', DMY)).toBe('2025-04-09');
    expect(iso('09/04/2025', MDY)).toBe('2025-09-04');
    expect(iso('01/04/20', DMY)).toBe('2020-04-01');
    expect(iso('25/03/05', { order: 'YMD' })).toBe('2025-03-05');
    // a value the column's order cannot hold is an error, not a silent swap
    expect(iso('31/03/2025', MDY)).toBe('invalid');
    expect(iso('Wed, 05/03/2025', DMY)).toBe('2025-03-05');
    // Chinese numerals that are no date stay an error
    expect(iso('二〇二五年十三月五日')).toBe('invalid');
    expect(iso('二〇二五年二月三十日')).toBe('invalid');
    expect(iso('Wed')).toBe('invalid');
    // run-together 民國 dates that are no date
    expect(iso('1141301')).toBe('invalid');
    expect(iso('1140230')).toBe('invalid');
    expect(iso('2140305')).toBe('invalid');
  });

  it('reads Excel serial numbers in the 1900 date system, leap-year bug included', () => {
    expect(iso(45721)).toBe('2025-03-05');
    expect(iso(45721.75)).toBe('2025-03-05'); // the time of day is ignored
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(59)).toBe('1900-02-28');
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(60)).toBe('invalid'); // 1900-02-29 never existed
    expect(iso(0)).toBe('invalid');
    expect(iso(20250305)).toBe('2025-03-05'); // yyyymmdd typed as a number
    expect(dateFromSerial(2958465)?.iso).toBe('9999-12-31');
  });

  it('gives day numbers since 1970-01-01', () => {
    const parsed = parseDate('1970-01-02', MDY);
    expect(parsed.kind === 'ok' && parsed.day).toBe(1);
    const later = parseDate(45721, MDY);
    expect(later.kind === 'ok' && later.day).toBe(Date.UTC(2025, 2, 5) / 86400000);
  });

  it('rejects impossible dates and text', () => {
    for (const text of ['2025-02-30', '2025-13-01', '2023-02-29', 'abc', '12345', '2025/3']) expect(iso(text)).toBe('invalid');
    expect(iso('2024-02-29')).toBe('2024-02-29');
    expect(iso('')).toBe('empty');
    expect(iso('/')).toBe('empty');
    expect(iso(null)).toBe('empty');
  });

  it('gives year-less MM/DD dates the statement year, across the December/January turn', () => {
    const january2024: DateRules = { order: 'MDY', period: { year: 2024, month: 1 } };
    expect(iso('12/29', january2024)).toBe('2023-12-29');
    expect(iso('01/05', january2024)).toBe('2024-01-05');
    expect(iso('3月5日', january2024)).toBe('2024-03-05');
    const december2024: DateRules = { order: 'MDY', period: { year: 2024, month: 12 } };
    expect(iso('01/02', december2024)).toBe('2025-01-02');
    expect(iso('12/29', { order: 'MDY', period: { year: 2024 } })).toBe('2024-12-29');
    expect(iso('12/29')).toBe('no-year');
  });

  it('keeps the formats as a table a reader can scan', () => {
    expect(DATE_PATTERNS.map((p) => p.name)).toEqual(
      expect.arrayContaining(['y-m-d', 'yyyymmdd', 'chinese', 'roc', 'a/b/year', 'd mon y', 'mon d, y', 'month/day']),
    );
    for (const pattern of DATE_PATTERNS) expect(pattern.example).not.toBe('');
  });
});

describe('decideDateOrder (per column, from its data)', () => {
  it('a first part above 12 means day first', () => {
    expect(decideDateOrder(['09/04/2025', '31/03/2025'])).toEqual({ order: 'DMY', example: '31/03/2025' });
  });
  it('a second part above 12 means month first', () => {
    expect(decideDateOrder(['05/01/2023', '12/31/2021'])).toEqual({ order: 'MDY', example: '12/31/2021' });
    expect(decideDateOrder(['12/29', '01/05'])).toEqual({ order: 'MDY', example: '12/29' });
  });
  it('a weekday before the date tells the order when only one order gives that weekday', () => {
    // 5 March 2025 is a Wednesday, 3 May 2025 a Saturday
    expect(decideDateOrder(['Wed, 05/03/2025'])).toEqual({ order: 'DMY', example: 'Wed, 05/03/2025' });
    expect(decideDateOrder(['Sat 05/03/2025'])).toEqual({ order: 'MDY', example: 'Sat 05/03/2025' });
    // Monday is neither: no evidence, and the date still needs its order decided
    expect(decideDateOrder(['Mon 05/03/2025'])).toBeUndefined();
    expect(hasAmbiguousDates(['Mon 05/03/2025'])).toBe('Mon 05/03/2025');
  });
  it('undecided when every value fits both; unambiguous formats never count', () => {
    expect(decideDateOrder(['01/04/20', '02/04/20'])).toBeUndefined();
    expect(decideDateOrder(['2025-03-05', '20251231', '2025/12/31'])).toBeUndefined();
    expect(hasAmbiguousDates(['2025-03-05', '01/04/20'])).toBe('01/04/20');
    expect(hasAmbiguousDates(['2025-03-05', '2025/3/5'])).toBeUndefined();
  });
});

describe('periodFromTitles', () => {
  it('finds the statement month in Chinese titles', () => {
    expect(periodFromTitles(['招商银行信用卡对账单（个人消费卡账户 2024年01月）（补）'])?.period).toEqual({ year: 2024, month: 1 });
    expect(periodFromTitles(['中国银行信用卡账单(2025年01月)'])?.period).toEqual({ year: 2025, month: 1 });
    expect(periodFromTitles(['民國114年3月 對帳單'])?.period).toEqual({ year: 2025, month: 3 });
    expect(periodFromTitles(['中国工商银行对账单 二〇二五年三月'])?.period).toEqual({ year: 2025, month: 3 });
  });
  it('finds English statement periods', () => {
    expect(periodFromTitles(['Statement Period: 02 May 2023 To 01 Jul 2023'])?.period).toEqual({ year: 2023, month: 5 });
  });
  it('finds nothing in titles without a period', () => {
    expect(periodFromTitles(['明细查询文件下载', '卡号: 1234****9876'])).toBeUndefined();
  });
});

describe('parseDate: the pattern tried first does not change the result (so results can be memoised by text)', () => {
  const piece = fc.oneof(
    fc.integer({ min: 0, max: 9999 }).map(String),
    fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
    fc.constantFrom('-', '/', '.', ' ', '年', '月', '日', '号', '民國', 'Mar', 'june', 'Sept', ',', 'T', ':', 'st', '１', '／'),
  );
  const number = fc.oneof(
    fc.integer({ min: 1, max: 31 }).map(String),
    fc.integer({ min: 1, max: 12 }).map((n) => String(n).padStart(2, '0')),
    fc.integer({ min: 1990, max: 2030 }).map(String),
    fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
    fc.integer({ min: 100, max: 120 }).map(String),
    fc.integer({ min: 19900101, max: 20301231 }).map(String),
  );
  const sep = fc.constantFrom('-', '/', '.', '年', '月', '日', ' ', '', '－');
  const month = fc.constantFrom('Mar', 'JUN', 'Sept.', 'december', 'Foo');
  const structured = fc.oneof(
    fc.tuple(fc.constantFrom('', '民國', '民国 '), number, sep, number, sep, number, fc.constantFrom('', '日', ' 12:30', 'T10:00:00Z', '号', ' x')).map((a) => a.join('')),
    fc.tuple(number, sep, number, fc.constantFrom('', '日', ' 16:59')).map((a) => a.join('')),
    fc.tuple(number, fc.constantFrom(' ', '-', ''), month, fc.constantFrom(' ', '-', ', '), number).map((a) => a.join('')),
    fc.tuple(month, fc.constantFrom(' ', ''), number, fc.constantFrom('', 'st', 'th'), fc.constantFrom(', ', ' ', ','), number).map((a) => a.join('')),
  );
  const text = fc.oneof(structured, fc.array(piece, { minLength: 1, maxLength: 7 }).map((p) => p.join('')));
  const rules = fc.record({ order: fc.constantFrom<DateOrder>('YMD', 'MDY', 'DMY'), period: fc.option(fc.record({ year: fc.constant(2025), month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }) }), { nil: undefined }) });

  it('gives the same reading whatever the hint', () => {
    fc.assert(
      fc.property(text, rules, (t, r) => {
        const first = JSON.stringify(parseDate(t, r, { index: 0 }));
        for (let k = 1; k < DATE_PATTERNS.length; k++) if (JSON.stringify(parseDate(t, r, { index: k })) !== first) return false;
        const memo = new Map();
        return JSON.stringify(parseDate(t, r, { index: 3 }, memo)) === first && JSON.stringify(parseDate(t, r, undefined, memo)) === first;
      }),
      { numRuns: 30000 },
    );
  });
});
