import { formatAmount, formatRate } from '../../src/taskpane/format';

describe('formatAmount', () => {
  it.each([
    ['1234567.5', '1,234,567.50'],
    ['-1234.56', '-1,234.56'],
    ['0.00', '0.00'],
    ['999', '999.00'],
    ['1000', '1,000.00'],
    ['-0.05', '-0.05'],
    // Exact beyond a float's reach: grouping is text work, never Number().
    ['12345678901234567.89', '12,345,678,901,234,567.89'],
  ])('%s → %s', (input, shown) => {
    expect(formatAmount(input)).toBe(shown);
  });

  it('leaves anything that is not a plain decimal as it is', () => {
    expect(formatAmount('n/a')).toBe('n/a');
  });
});

describe('formatRate', () => {
  it.each([
    [1, '100.0%'],
    [0, '0.0%'],
    [0.8734, '87.3%'],
    [2 / 3, '66.7%'],
  ])('%s → %s', (rate, shown) => {
    expect(formatRate(rate)).toBe(shown);
  });
});
