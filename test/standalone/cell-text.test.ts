/** How the grid shows a stored value under the number formats bank and ledger files use. */
import { cellText, displayKind } from '../../src/standalone/host/cell-text';

describe('cell text', () => {
  test.each([
    [45717, 'yyyy-mm-dd', '2025-03-01'],
    [45717, 'yyyy/m/d', '2025-03-01'],
    [45717, 'mm-dd-yy', '2025-03-01'],
    [45717, '[$-804]yyyy"年"m"月"d"日"', '2025-03-01'],
    // A date-time shows its day.
    [45717.75, 'yyyy-mm-dd hh:mm', '2025-03-01'],
    [1234567.5, '#,##0.00', '1,234,567.50'],
    [-1234.5, '#,##0.00;-#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0.00_);[Red](#,##0.00)', '-1,234.50'],
    [1234.5, '0.00', '1234.50'],
    [42, '0', '42'],
    [0.8734, '0.0%', '87.3%'],
    [0.1 + 0.2, undefined, '0.3'],
    [503986, 'General', '503986'],
    // Not a real date serial: shown as the number it is.
    [-5, 'yyyy-mm-dd', '-5'],
  ] as const)('%p under %p shows %p', (value, numFmt, shown) => {
    expect(cellText(value, numFmt)).toBe(shown);
  });

  test('text stays exactly as written (a memo starting with = is text); booleans as Excel shows them', () => {
    expect(cellText('=SUM(A1:A3)', '#,##0.00')).toBe('=SUM(A1:A3)');
    expect(cellText(' 付货款 ')).toBe(' 付货款 ');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  test('literal text, colours and locale tags in a format are not read as date codes', () => {
    expect(displayKind('"Due "0.00')).toBe('fixed');
    expect(displayKind('[Red]0.00')).toBe('fixed');
    expect(displayKind('@')).toBe('general');
  });
});
