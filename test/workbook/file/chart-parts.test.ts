/**
 * addChartParts: the chart parts it adds to a written workbook, read back as the text put in, whatever
 * characters the sheet's cells hold.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addChartParts } from '../../../src/workbook/file/chart-parts';
import { chartXml } from '../../../src/workbook/file/chart-xml';
import type { CellValue } from '../../../src/engine/types';

describe('addChartParts', () => {
  it('keeps characters outside the BMP whole in a chart part longer than 16 KB', async () => {
    // a chart's category labels are customers' names as the sheet holds them; emoji and rare name
    // characters (𠀀) are two UTF-16 units, which JSZip's 16 KB string blocks cut in half
    const chart = { type: 'column' as const, title: '应收余额', data: { row: 0, column: 0, rows: 401, columns: 2 }, anchor: { row: 0, column: 3, rows: 20, columns: 8 } };
    const grid = (pad: number) => {
      const names = Array.from({ length: 400 }, (_, i) => `${i === 0 ? 'x'.repeat(pad) : ''}${'🧧'.repeat(i % 7)}𠀀华程${i}${'😀'.repeat(20)}`);
      return { names, values: [['客户', '余额'], ...names.map((name, i): CellValue[] => [name, i * 10.5])] as CellValue[][] };
    };
    // the first name padded with x's until a pair straddles the first 16 KB boundary (16383 a high surrogate)
    const pad = Array.from({ length: 200 }, (_, k) => k).find((k) => /[\uD800-\uDBFF]/.test(chartXml(chart, '账龄', grid(k).values)[16383]));
    expect(pad).toBeDefined();
    const { names, values } = grid(pad!);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('账龄').addRows(values);
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);

    const out = await JSZip.loadAsync(await addChartParts(bytes, [{ sheet: '账龄', charts: [chart], values }]));
    const written = await out.file('xl/charts/chart1.xml')!.async('string');
    expect(written).toBe(chartXml(chart, '账龄', values));
    expect(written).not.toContain('\uFFFD');
    const cached = [...written.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => m[2]).filter((v) => v.includes('华程'));
    expect(cached).toEqual(names);
  });
});
