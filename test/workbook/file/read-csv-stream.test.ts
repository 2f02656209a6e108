/**
 * CsvStreamReader: a CSV read chunk by chunk gives the very rows one `Papa.parse` of the whole text
 * gives (quoted newlines and escaped quotes across chunk boundaries, CRLF split between chunks,
 * multi-byte characters split between chunks), and GBK found late in a file restarts as GB18030.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { CsvStreamReader, NotUtf8Error, readCsvTable } from '../../../src/workbook/file/read-csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Rows of the whole text at once, the way readCsv has always read them. */
function oneShot(text: string, delimiter: string, newline: '\n' | '\r\n' | '\r'): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false }).data;
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '' && text.endsWith('\n')) rows.pop();
  return rows;
}

function streamed(bytes: Uint8Array, cuts: number[], options: ConstructorParameters<typeof CsvStreamReader>[0]) {
  const reader = new CsvStreamReader(options);
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    reader.push(bytes.subarray(at, cut));
    at = cut;
  }
  reader.push(bytes.subarray(at));
  const table = reader.end();
  return { table, layout: reader.layout };
}

describe('CsvStreamReader', () => {
  it('gives the rows of a one-shot parse wherever the chunks are cut', () => {
    const cell = fc.oneof(
      fc.constantFrom('', '2025-03-05', '1,234.56', '-3.00', '上海华程贸易有限公司', ' 摘要 ', '\t'),
      fc.string({ unit: fc.constantFrom('a', '中', ',', ' ', '"', '\n', '\r\n') , maxLength: 8 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const csv = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(
      ([lines, newline, finalNewline]) => lines.join(newline) + (finalNewline ? newline : ''),
    );
    fc.assert(
      fc.property(csv, fc.array(fc.nat(400), { maxLength: 8 }), (text, cuts) => {
        const bytes = utf8(text);
        const { table, layout } = streamed(bytes, cuts, { sniffChars: 0, parseChars: 1 });
        expect(table.values).toEqual(oneShot(text, layout.delimiter, layout.newline));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a bank export cut into small chunks exactly as the whole file', () => {
    const text = [
      '中国工商银行对公账户明细',
      '交易日期,对方户名,摘要,借方发生额,贷方发生额',
      '2025-03-03,"上海华程贸易有限公司","货款 HC-0301\r\n第二行",,"12,800.00"',
      '2025-03-05,"北京""顺达""物流",运费,"3,560.40",',
      '合计,,,"3,560.40","12,800.00"',
    ].join('\r\n') + '\r\n';
    const bytes = utf8(`\ufeff${text}`);
    const whole = readCsvTable(bytes);
    expect(whole.values[2]).toEqual(['2025-03-03', '上海华程贸易有限公司', '货款 HC-0301\r\n第二行', '', '12,800.00']);
    expect(whole.values[3][1]).toBe('北京"顺达"物流');
    for (const size of [1, 2, 3, 7, 64]) {
      const cuts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => i * size);
      expect(streamed(bytes, cuts, { sniffChars: 40, parseChars: size }).table).toEqual(whole);
    }
  });

  it('says NotUtf8Error when GBK bytes come after a UTF-8-looking start, and readCsvTable then reads GB18030', () => {
    // "2025-03-05,1.00\n" then "交易,2.00\n" in GBK
    const gbk = Uint8Array.from([...utf8('2025-03-05,1.00\n'), 0xbd, 0xbb, 0xd2, 0xd7, ...utf8(',2.00\n')]);
    const reader = new CsvStreamReader({ sniffChars: 0, parseChars: 1 });
    reader.push(gbk.subarray(0, 16));
    expect(() => {
      reader.push(gbk.subarray(16));
      reader.end();
    }).toThrow(NotUtf8Error);
    expect(readCsvTable(gbk)).toEqual({ values: [['2025-03-05', '1.00'], ['交易', '2.00']], encoding: 'gb18030', delimiter: ',' });
  });
});
