import { widestRow } from '../../../src/workbook/layout/widest-row';

test('the widest row of a sheet too tall to spread into Math.max', () => {
  const rows: string[][] = Array.from({ length: 500_000 }, (_, i) => (i === 321_000 ? Array(9).fill('x') : ['a', 'b']));
  expect(() => Math.max(...rows.map((r) => r.length))).toThrow(RangeError);
  expect(widestRow(rows)).toBe(9);
  expect(widestRow([])).toBe(0);
});
