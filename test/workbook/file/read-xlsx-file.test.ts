/**
 * streamXlsxSheet: the sheet loadTable reads from an .xlsx, streamed, gives the values readXlsx gives
 * from the whole workbook (real exports and a hand-made workbook with what banks' files carry).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as path from 'path';
import { streamXlsxSheet } from '../../../src/workbook/file/read-xlsx-file';
import { readXlsx } from '../../../src/workbook/file/read-xlsx';
import type { CellValue } from '../../../src/engine/types';
import { loadTable } from '../../../src/workbook/file/load-table';
import { tempDir } from '../../cli/fixtures';

const REAL = path.join(__dirname, '..', '..', 'fixtures', 'real-exports');

/**
 * Empty is empty: exceljs' whole-workbook loader writes '' into the blank cells an Excel table covers
 * (WeChat's export has one), the stream leaves them null; and trailing empties (a merged title's
 * other cells) carry nothing. Compared with both made null and trailing ones dropped.
 */
const trimmed = (values: CellValue[][]) =>
  values.map((row) => {
    const cells = row.map((v) => (v === '' || v === undefined ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });

/**
 * An exceljs-written workbook with its zip parts put in the given order. exceljs' writer adds parts as
 * its promises settle, so its order varies from run to run; tests fix it.
 */
async function reorderedXlsx(book: ExcelJS.Workbook, order: (names: string[]) => string[]): Promise<Buffer> {
  const written = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  const names = Object.keys(written.files).filter((n) => !written.files[n].dir);
  const ordered = order(names);
  expect([...ordered].sort()).toEqual([...names].sort());
  const out = new JSZip();
  for (const name of ordered) out.file(name, await written.files[name].async('uint8array'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Parts named first in this list, in this order, then the rest as they were. */
const putFirst = (first: string[]) => (names: string[]) => [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n))];

/** Excel's own order: the workbook part and its relationships before any sheet. */
const excelOrder = putFirst(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);

async function xlsxFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await xlsxFiles(full)));
    else if (/\.xlsx$/i.test(entry.name)) found.push(full);
  }
  return found;
}

describe('streamXlsxSheet', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('reads every real .xlsx export as the whole-workbook reader does', async () => {
    const files = await xlsxFiles(REAL);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const whole = (await readXlsx(await fs.readFile(file))).sheets;
      const streamed = await streamXlsxSheet(file);
      expect(streamed).not.toBeNull();
      const first = whole.find((s) => !s.hidden)!;
      expect(streamed!.chosen?.name).toBe(first.name);
      expect(trimmed(streamed!.chosen!.values)).toEqual(trimmed(first.values));
    }
  });

  it('skips a hidden first sheet, finds a sheet by name or by case, and keeps dates, formulas, rich text and gaps', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').state = 'hidden';
    const sheet = book.addWorksheet('交易明细');
    sheet.getCell('A1').value = '招商银行账户明细';
    sheet.mergeCells('A1:D1');
    sheet.addRow([]);
    sheet.getRow(3).values = ['交易日期', '摘要', '金额', '对方户名'];
    sheet.getCell('A4').value = new Date(Date.UTC(2025, 2, 5));
    sheet.getCell('B4').value = { richText: [{ text: '货款' }, { text: ' HC-0301' }] };
    sheet.getCell('C4').value = { formula: 'SUM(1000,280.5)', result: 1280.5 } as ExcelJS.CellFormulaValue;
    sheet.getCell('D4').value = { text: '上海华程', hyperlink: 'https://example.com' };
    sheet.getCell('A7').value = '合计';
    sheet.getCell('C7').value = 1280.5;
    book.addWorksheet('Other').getCell('A1').value = 'x';
    const file = path.join(dir, 'bank.xlsx');
    await fs.writeFile(file, await reorderedXlsx(book, excelOrder));

    const whole = (await readXlsx(await fs.readFile(file))).sheets;
    const streamed = (await streamXlsxSheet(file))!;
    expect(streamed.sheets).toEqual([
      { name: '说明', hidden: true },
      { name: '交易明细', hidden: false },
      { name: 'Other', hidden: false },
    ]);
    expect(streamed.chosen!.name).toBe('交易明细');
    expect(trimmed(streamed.chosen!.values)).toEqual(trimmed(whole[1].values));
    expect(streamed.chosen!.values[3]).toEqual([45721, '货款 HC-0301', 1280.5, '上海华程']);
    expect((await streamXlsxSheet(file, 'other'))!.chosen!.name).toBe('Other');
    expect((await streamXlsxSheet(file, '说明'))!.chosen!.values).toEqual([]);
    expect((await streamXlsxSheet(file, 'Missing'))!.chosen).toBeNull();
  });

  it('reads the same sheet whatever order the zip holds its parts in, sheets before the workbook part and the shared strings included', async () => {
    // exceljs' front-to-back reader parked sheets met before the shared strings and, under load, lost
    // the shared strings (every text cell `[object Object]`) or gave the sheets out of their order
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').state = 'hidden';
    book.addWorksheet('交易明细').addRows([
      ['交易日期', '摘要', '金额'],
      ['2025-03-05', '货款', 1280.5],
    ]);
    book.addWorksheet('Other').getCell('A1').value = 'x';
    const shared = ['xl/sharedStrings.xml', 'xl/styles.xml'];
    const orders: [string, (names: string[]) => string[]][] = [
      // Excel's own: sheets before the shared strings
      ['sheets first', (names) => [...names.filter((n) => n.startsWith('xl/worksheets/')), ...names.filter((n) => !n.startsWith('xl/worksheets/'))]],
      ['shared strings between the sheets', (names) => {
        const head = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
        const sheets = names.filter((n) => n.startsWith('xl/worksheets/sheet')).sort();
        const rest = names.filter((n) => !head.includes(n) && !sheets.includes(n) && !shared.includes(n));
        return [...head, sheets[0], sheets[1], ...shared, sheets[2], ...rest];
      }],
      ['workbook part last', (names) => [...putFirst(['xl/sharedStrings.xml', ...names.filter((n) => n.startsWith('xl/worksheets/'))])(names).filter((n) => n !== 'xl/workbook.xml'), 'xl/workbook.xml']],
      ['Excel order', excelOrder],
    ];
    for (const [label, order] of orders) {
      const file = path.join(dir, `order-${label.replace(/ /g, '-')}.xlsx`);
      await fs.writeFile(file, await reorderedXlsx(book, order));
      const streamed = (await streamXlsxSheet(file))!;
      expect({ label, sheets: streamed.sheets.map((s) => s.name), chosen: streamed.chosen }).toEqual({
        label,
        sheets: ['说明', '交易明细', 'Other'],
        chosen: { name: '交易明细', values: [['交易日期', '摘要', '金额'], ['2025-03-05', '货款', 1280.5]], formats: [] },
      });
      expect((await loadTable(file)).cells).toEqual([
        ['交易日期', '摘要', '金额'],
        ['2025-03-05', '货款', 1280.5],
      ]);
    }
  });

  it('keeps every Chinese character whole where a part is cut into inflated chunks', async () => {
    // exceljs decodes each 16 KB chunk on its own: a character cut by a chunk boundary became U+FFFD
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('交易明细');
    for (let r = 1; r <= 5000; r++) sheet.addRow([`上海华程贸易有限公司第${r}号`, r * 1.5, { richText: [{ text: '货款' }, { text: `华东区${r}` }] }]);
    const file = path.join(dir, 'chinese-names.xlsx');
    await book.xlsx.writeFile(file);
    const whole = (await readXlsx(await fs.readFile(file))).sheets[0].values;
    const streamed = (await streamXlsxSheet(file))!.chosen!.values;
    expect(streamed).toHaveLength(5000);
    expect(streamed.filter((row) => String(row[0]).includes('\uFFFD') || String(row[2]).includes('\uFFFD'))).toEqual([]);
    expect(streamed).toEqual(whole);
  });

  it('passes over a chart sheet placed first, as the whole-workbook reader does', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('交易明细').addRows([
      ['交易日期', '摘要', '金额'],
      ['2025-03-05', '货款', 1280.5],
    ]);
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', workbookXml.replace('<sheets>', '<sheets><sheet name="图表" sheetId="9" r:id="rIdChart"/>'));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdChart" Type="${NS_REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`));
    zip.file('xl/chartsheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`);
    const file = path.join(dir, 'chart-sheet-first.xlsx');
    await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const whole = (await readXlsx(await fs.readFile(file))).sheets;
    const streamed = (await streamXlsxSheet(file))!;
    expect(streamed.sheets.map((s) => s.name)).toEqual(whole.map((s) => s.name));
    expect(streamed.chosen).toEqual({ name: '交易明细', values: [['交易日期', '摘要', '金额'], ['2025-03-05', '货款', 1280.5]], formats: [] });
  });

  it('turns a zip that is no workbook, and a cut-off workbook, into a message naming the file', async () => {
    const notWorkbook = new JSZip();
    notWorkbook.file('word/document.xml', '<w:document/>');
    const docx = path.join(dir, '对账单.xlsx');
    await fs.writeFile(docx, await notWorkbook.generateAsync({ type: 'nodebuffer' }));
    expect(await streamXlsxSheet(docx)).toBeNull();
    await expect(loadTable(docx)).rejects.toThrow(/^对账单\.xlsx: could not be opened as an \.xlsx workbook/);

    const book = new ExcelJS.Workbook();
    book.addWorksheet('交易明细').addRows(Array.from({ length: 2000 }, (_, i) => ['2025-03-05', `货款 ${i}`, i]));
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    const cut = path.join(dir, 'cut.xlsx');
    await fs.writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(loadTable(cut)).rejects.toThrow(/^cut\.xlsx: could not be opened as an \.xlsx workbook/);
  });

  it('gives each column’s number format, as the whole-workbook reader does (dates, amounts; text has none)', async () => {
    const file = path.join(__dirname, '../../fixtures/hand-made/zh-hk-xlsx-journal-vs-hsbc/現金日記帳-2025年3月.xlsx');
    const streamed = (await streamXlsxSheet(file))!.chosen!;
    expect(streamed.formats).toEqual(['yyyy/m/d', undefined, undefined, undefined, undefined, '#,##0.00', '#,##0.00', '#,##0.00']);
    expect((await readXlsx(await fs.readFile(file))).sheets[0].formats).toEqual(streamed.formats);
    expect((await loadTable(file)).formats).toEqual(streamed.formats);
  });

  it('chooses the first sheet when every sheet is hidden, and gives no sheet for a name not there', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('甲').state = 'hidden';
    book.addWorksheet('乙').state = 'veryHidden';
    book.getWorksheet('甲')!.getCell('A1').value = '金额';
    const file = path.join(dir, 'all-hidden.xlsx');
    await book.xlsx.writeFile(file);
    const streamed = (await streamXlsxSheet(file))!;
    expect(streamed.sheets).toEqual([
      { name: '甲', hidden: true },
      { name: '乙', hidden: true },
    ]);
    expect(streamed.chosen).toEqual({ name: '甲', values: [['金额']], formats: [] });
    expect((await streamXlsxSheet(file, '丙'))!.chosen).toBeNull();
  });
});
