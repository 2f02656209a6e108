/** Web pages saved as .xls (many banks' "Excel" download): their tables as the sheet Excel shows. */
import { promises as fs } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { loadTable, UnusableInputError } from '../../../src/workbook/file/load-table';
import { readCsv } from '../../../src/workbook/file/read-csv';
import { looksLikeHtml, readHtmlTable } from '../../../src/workbook/file/read-html-table';

const PAGE_PAIR = path.join(__dirname, '../../fixtures/hand-made/zh-printed-journal-vs-icbc-web-page-xls');
const ICBC_CSV = path.join(__dirname, '../../fixtures/real-exports/deb-sig__double-entry-generator/example/icbc/debit-v2/example-icbc-debit-v2-records.csv');

const utf8 = (text: string) => new TextEncoder().encode(text);
/** GB18030 bytes of the few Chinese words these tests use (TextEncoder writes UTF-8 only). */
const GBK: Record<string, number[]> = { 交易日期: [0xbd, 0xbb, 0xd2, 0xd7, 0xc8, 0xd5, 0xc6, 0xda], 工资: [0xb9, 0xa4, 0xd7, 0xca] };
function gbkPage(before: string, word: keyof typeof GBK, after: string): Uint8Array {
  return Uint8Array.from([...utf8(before), ...GBK[word], ...utf8(after)]);
}
const values = (html: string | Uint8Array) => readHtmlTable(typeof html === 'string' ? utf8(html) : html, 'Sheet1')?.values;

describe('read-html-table', () => {
  it('reads a bank’s page exactly as its CSV reads: the same rows at the same row numbers, padding and &nbsp; gone', async () => {
    const page = await loadTable(path.join(PAGE_PAIR, '明细查询文件下载.xls'));
    expect(page.sheet).toBe('明细查询文件下载');
    const csv = readCsv(await fs.readFile(ICBC_CSV)).map((row) => row.map((v) => v.trim()));
    const trimEnd = (row: readonly unknown[]) => {
      const r = [...row];
      while (r.length > 0 && (r[r.length - 1] === '' || r[r.length - 1] === null)) r.pop();
      return r;
    };
    expect(page.cells.length).toBe(csv.length);
    page.cells.forEach((row, i) => expect([i + 1, trimEnd(row)]).toEqual([i + 1, trimEnd(csv[i])]));
  });

  it('keeps a spanned cell’s text in its first cell and leaves the cells it covers empty, as a merged cell', () => {
    expect(
      values(`<table>
        <tr><th colspan="3">交易明细</th></tr>
        <tr><td rowspan="2">2025-03-05</td><td>美团</td><td>88.50</td></tr>
        <tr><td>滴滴</td><td>23.00</td></tr>
        <tr><td>2025-03-06</td><td colspan=2>合计 111.50</td></tr>
      </table>`),
    ).toEqual([
      ['交易明细', '', ''],
      ['2025-03-05', '美团', '88.50'],
      ['', '滴滴', '23.00'],
      ['2025-03-06', '合计 111.50', ''],
    ]);
  });

  it('covers a column a rowspan reaches past the row’s last cell', () => {
    expect(values('<table><tr><td>a</td><td rowspan="3">b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr><tr><td>e</td></tr></table>')).toEqual([
      ['a', 'b'],
      ['c', ''],
      ['d', ''],
      ['e'],
    ]);
  });

  it('decodes character references, turns <br> into a line and runs of white space into one space', () => {
    expect(values('<table><tr><td>A&amp;B&nbsp;Co.&#8203;</td><td> 1,234.50\n\t</td><td>&yen;&#x4E2D;&#20013;</td><td>第一行<br/>第二行</td><td>&nbsp;</td><td>&bogus; &lt;x&gt;</td></tr></table>')).toEqual([
      ['A&B Co.\u200b', '1,234.50', '¥中中', '第一行\n第二行', '', '&bogus; <x>'],
    ]);
  });

  it('never takes a comment, a script or a style for a cell, not even one inside a cell (Excel’s <xml> sits in a comment)', () => {
    expect(
      values(`<html><head><title>明细</title><style>td { mso-number-format:"\\@"; }</style>
        <!--[if gte mso 9]><xml><x:ExcelWorkbook><table><tr><td>not a cell</td></tr></table></x:ExcelWorkbook></xml><![endif]--></head>
        <body><table><tr><td>日期<script>document.write("<td>x</td>")</script></td><td><!-- 备注 -->金额</td></tr></table></body></html>`),
    ).toEqual([['日期', '金额']]);
  });

  it('reads a table laid out inside another table’s cell as rows of their own, below what the outer row held before it', () => {
    expect(
      values(`<table><tr><td>中国银行 交易流水</td></tr><tr><td>
        <table><tr><td>日期</td><td>金额</td></tr><tr><td>2025-03-05</td><td>100.00</td></tr></table>
      </td></tr><tr><td>打印日期 2025-04-01</td></tr></table>`),
    ).toEqual([['中国银行 交易流水'], ['日期', '金额'], ['2025-03-05', '100.00'], ['打印日期 2025-04-01']]);
  });

  it('reads rows and cells whose end tags are left out, as browsers and Excel do', () => {
    expect(values('<TABLE><TR><TD>日期<TD>金额<TR><TD>2025-03-05<TD>100.00</TABLE>')).toEqual([
      ['日期', '金额'],
      ['2025-03-05', '100.00'],
    ]);
  });

  it('decodes a page as its <meta> charset says (GB2312 read as GB18030), and by its bytes when the declaration is wrong', () => {
    const declared = gbkPage('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table><tr><td>', '交易日期', '</td></tr></table>');
    expect(values(declared)).toEqual([['交易日期']]);
    const wrong = gbkPage('<meta charset="utf-8"><table><tr><td>', '工资', '</td><td>8,000.00</td></tr></table>');
    expect(values(wrong)).toEqual([['工资', '8,000.00']]);
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<meta charset="gbk"><table><tr><td>工资</td></tr></table>')]);
    expect(values(bom)).toEqual([['工资']]);
  });

  it('gives no sheet for a page without a table (the host says so)', () => {
    expect(readHtmlTable(utf8('<html><body><p>会话已超时，请重新登录</p></body></html>'), 'x')).toBeNull();
  });

  it('tells a web page from other files by its first characters', () => {
    for (const page of ['<html>', '<!DOCTYPE html>', '\uFEFF  <HTML xmlns:x="urn:schemas-microsoft-com:office:excel">', '<table border=1>', '<meta charset="gbk">', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">']) {
      expect([page, looksLikeHtml(page)]).toEqual([page, true]);
    }
    for (const other of ['OFXHEADER:100', '<?xml version="1.0"?><?OFX OFXHEADER="200"?>', '日期,金额', '<tablet>', '']) {
      expect([other, looksLikeHtml(other)]).toEqual([other, false]);
    }
  });

  it('gives back any grid of texts written as a table, the characters HTML escapes included', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', '&', '<', '>', '"', "'", '1', '.', ',', '¥', '-', '=') }).map((s) => s.trim());
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (grid) => {
        const html = `<table>${grid.map((row) => `<tr>${row.map((v) => `<td>${escape(v)}</td>`).join('')}</tr>`).join('\n')}</table>`;
        expect(values(html)).toEqual(grid);
      }),
    );
  });

  it('on the command line, refuses a page with no table in words a user can act on, naming the file', async () => {
    const dir = await fs.mkdtemp(path.join(require('os').tmpdir(), 'recon-html-'));
    const file = path.join(dir, 'export.xls');
    await fs.writeFile(file, '<html><body><p>会话已超时，请重新登录</p></body></html>');
    await expect(loadTable(file)).rejects.toThrow(new UnusableInputError('export.xls: a web page (HTML) saved with an .xls name, with no table in it; export the statement again as .xlsx or CSV'));
  });
});
