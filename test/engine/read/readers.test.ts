/**
 * The file readers of src/workbook/file/ (host side): CSV decoding and splitting, exceljs sheets to
 * plain values, and loadTable's one-line refusals. The real bank exports are in test/fixtures.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { decodeText, detectDelimiter, readCsv, readCsvTable } from '../../../src/workbook/file/read-csv';
import { readXlsx } from '../../../src/workbook/file/read-xlsx';
import { loadTable, UnusableInputError } from '../../../src/workbook/file/load-table';
import { RestartReading } from '../../../src/engine/read/read-side';

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (text: string) => Uint8Array.from(text.match(/../g)!.map((h) => parseInt(h, 16)));

describe('readCsv', () => {
  it('decodes UTF-8 with or without a BOM, GB18030 and UTF-16', () => {
    expect(decodeText(utf8('\ufeff交易日期,金额'))).toEqual({ text: '交易日期,金额', encoding: 'utf-8' });
    expect(decodeText(utf8('交易日期,金额')).encoding).toBe('utf-8');
    // "交易日期,金额\n2025-03-05,1.00\n" in GBK
    const gbk = hex('bdbbd2d7c8d5c6da2cbdf0b6ee0a323032352d30332d30352c312e30300a');
    expect(decodeText(gbk)).toEqual({ text: '交易日期,金额\n2025-03-05,1.00\n', encoding: 'gb18030' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Date,Amount').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeText(utf16)).toEqual({ text: 'Date,Amount', encoding: 'utf-16le' });
    expect(decodeText(gbk.buffer.slice(0) as ArrayBuffer).encoding).toBe('gb18030');
  });

  it('picks the delimiter that splits lines alike, honouring quotes', () => {
    expect(detectDelimiter('Date\tDescription\tAmount\n2025-03-05\tFee, monthly\t-3.00\n2025-03-06\tA, B, C\t1.00\n')).toBe('\t');
    expect(detectDelimiter('Bank;Account\n\nDate;Label;Amount\n01/04/2020;A,B;-50,00\n02/04/2020;C;1300,00\n')).toBe(';');
    expect(detectDelimiter('日期,摘要,金额\n"2023-05-02\t","消费\t","13.40\t"\n"2023-05-03\t","消费\t","1.00\t"\n')).toBe(',');
  });

  it('keeps cells raw, rows ragged, and adds no row for the final newline', () => {
    const table = readCsvTable(utf8('a,b,c\n"1,5","x\ny",\n2\n'));
    expect(table.values).toEqual([['a', 'b', 'c'], ['1,5', 'x\ny', ''], ['2']]);
    expect(table.delimiter).toBe(',');
    expect(readCsv(utf8('x, y ,\t'))).toEqual([['x', ' y ', '\t']]);
    expect(readCsv(utf8('a\n\n\n'))).toEqual([['a'], [''], ['']]);
  });
});

describe('readXlsx / worksheetValues', () => {
  it('hands over plain values as Excel would: serial dates, cached formula results, text of rich text and links, master cells only', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('流水');
    sheet.getCell('A1').value = '招商银行账户明细';
    sheet.mergeCells('A1:C1');
    sheet.getCell('A2').value = new Date(Date.UTC(2025, 2, 5));
    sheet.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
    sheet.getCell('C2').value = { richText: [{ text: '甲' }, { text: '公司' }] };
    sheet.getCell('A3').value = { text: 'INV-1', hyperlink: 'https://example.com/1' };
    sheet.getCell('B3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    sheet.getCell('C3').value = true;
    sheet.getCell('A5').value = 12.5;
    book.addWorksheet('Hidden').state = 'hidden';
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());

    const { sheets } = await readXlsx(bytes);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['流水', false],
      ['Hidden', true],
    ]);
    expect(sheets[0].values).toEqual([
      ['招商银行账户明细', null, null],
      [45721, 3, '甲公司'],
      ['INV-1', '#N/A', true],
      [],
      [12.5],
    ]);
  });
});

describe('loadTable', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recon-load-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, content: string | Uint8Array) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, content);
    return file;
  };
  const refusal = async (spec: string) => {
    const error = await loadTable(spec).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnusableInputError);
    return (error as Error).message;
  };

  it('streams a long CSV past its first rows, and gives it whole again when later bytes are not UTF-8', async () => {
    const lines = ['Date,Description,Amount'];
    for (let i = 0; i < 120_000; i++) lines.push(`2025-03-05,Payment ${i},${(i % 997) + 0.25}`);
    const ascii = lines.join('\n') + '\n';
    const file = await write('long.csv', ascii);
    const whole = (await loadTable(file)).cells;
    const streamed = await loadTable(file, { streamAfter: 1_000 });
    expect(streamed.cells.length).toBeGreaterThan(1_000);
    expect(streamed.cells.length).toBeLessThan(whole.length);
    expect([...streamed.cells, ...streamed.stream!.rest()]).toEqual(whole);
    // a short file has nothing to stream
    expect((await loadTable(file, { streamAfter: 200_000 })).stream).toBeUndefined();

    // GBK text 2 MB in: the first rows read as UTF-8, the rest cannot be
    const gbkFile = await write('long-gbk.csv', new Uint8Array([...utf8(ascii), ...hex('323032352d30332d30362cbdbbd2d72c312e30300a')]));
    const gbkWhole = (await loadTable(gbkFile)).cells;
    expect(gbkWhole[gbkWhole.length - 1]).toEqual(['2025-03-06', '交易', '1.00']);
    const gbk = await loadTable(gbkFile, { streamAfter: 1_000 });
    expect(gbk.encoding).toBe('utf-8');
    expect(() => [...gbk.stream!.rest()]).toThrow(RestartReading);
    expect(gbk.stream!.whole()).toEqual(gbkWhole);
  });

  it('reads a CSV file with its encoding', async () => {
    const file = await write('bank.csv', '\ufeff日期,金额\n2025-03-05,1.00\n');
    expect(await loadTable(file)).toEqual({ sourceName: 'bank.csv', sheet: 'bank', cells: [['日期', '金额'], ['2025-03-05', '1.00']], encoding: 'utf-8' });
  });

  it('reads the first visible sheet of a workbook, or the one named after #', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Cover').getCell('A1').value = 'cover';
    book.addWorksheet('Bank #2').getCell('A1').value = 'bank';
    const file = await write('book #1.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    expect((await loadTable(file)).sheet).toBe('Cover');
    const second = await loadTable(`${file}#Bank #2`);
    expect([second.sourceName, second.sheet, second.cells]).toEqual(['book #1.xlsx', 'Bank #2', [['bank']]]);
    expect(await refusal(`${file}#Nope`)).toBe('book #1.xlsx: no sheet named "Nope"; sheets: Cover, Bank #2');
  });

  it('refuses what it cannot read, in one clear line', async () => {
    expect(await refusal(await write('bank.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).toBe(
      'bank.xls: the file is damaged (not an OLE2 compound file); open it in Excel and save as .xlsx',
    );
    expect(await refusal(await write('web.xls', '<html><body><p>请重新登录</p></body></html>'))).toBe(
      'web.xls: a web page (HTML) saved with an .xls name, with no table in it; export the statement again as .xlsx or CSV',
    );
    expect(await refusal(await write('word.xls', 'PK-less text that is no workbook'))).toBe('word.xls: not a real Excel workbook; open it in Excel and save as .xlsx');
    expect(await refusal(await write('x.txt', 'a,b'))).toBe('x.txt: not a CSV, .xlsx, .xls or OFX file');
    expect(await refusal(await write('empty.csv', ''))).toBe('empty.csv: the file is empty');
    expect(await refusal(await write('blank.csv', ' \n,,\n'))).toBe('blank.csv: the file is empty');
    expect(await refusal(await write('broken.xlsx', 'not a zip'))).toBe('broken.xlsx: not a valid .xlsx workbook (the file is damaged or has the wrong extension)');
    expect(await refusal(await write('s.ofx', 'OFXHEADER:100\nDATA:OFXSGML\n<OFX>'))).toBe(
      's.ofx: no bank or card statement in it (an investment or other OFX download?); download the account’s statement',
    );
    expect(await refusal(path.join(dir, 'missing.csv'))).toMatch(/^missing\.csv: no such file/);
  });
});
