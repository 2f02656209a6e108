/**
 * Opening files on the standalone page: real bank exports (GBK and UTF-8 CSV) and the demo open;
 * every kind of wrong file gets a message that names it and says what it is instead.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { demoWorkbook } from '../../src/generator/demo';
import { demoBytes } from '../../src/standalone/file/demo-file';
import { FileProblem, MAX_FILE_BYTES, checkFileSize } from '../../src/standalone/file/file-problem';
import { looksBinary, openWorkbookFile } from '../../src/standalone/file/open-file';
import { openFiles } from '../../src/standalone/file/open-files';

/** Copies of the real exports, kept in the repository with their SOURCES.md and licences. */
const PUBLIC = path.resolve(__dirname, '..', 'fixtures', 'real-exports');
const ALIPAY_GBK = path.join(PUBLIC, 'deb-sig__double-entry-generator/example/alipay/example-alipay-records.csv');
const WECHAT_UTF8 = path.join(PUBLIC, 'deb-sig__double-entry-generator/example/wechat/example-wechat-records.csv');
const CCB_XLS = path.join(PUBLIC, 'deb-sig__double-entry-generator/example/ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls');
const PNG = path.resolve(process.cwd(), 'assets', 'icon-16.png');

/** Bytes that look like nothing in particular (a fixed pseudo-random sequence). */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 16;
  }
  return bytes;
}

async function workbookBytes(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

async function problemOf(bytes: Uint8Array, name: string): Promise<FileProblem> {
  const error = await openWorkbookFile(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FileProblem)) throw new Error(`expected a FileProblem for ${name}, got ${String(error)}`);
  return error;
}

describe('opening files', () => {
  test('a real Alipay export in GBK opens as one sheet named after the file, its Chinese intact', async () => {
    const workbook = await openWorkbookFile(readFileSync(ALIPAY_GBK), '支付宝账单 2023-02.csv');
    expect(await workbook.sheetNames()).toEqual(['支付宝账单 2023-02']);
    const block = await workbook.readValues('支付宝账单 2023-02');
    const header = block.values.find((row) => String(row[0]).trim() === '交易时间');
    expect(header?.map((v) => String(v).trim()).slice(0, 7)).toEqual(['交易时间', '交易分类', '交易对方', '对方账号', '商品说明', '收/支', '金额']);
  });

  test('a Taiwanese export in Big5 opens with its Chinese intact, dropped alone or beside a UTF-8 file', async () => {
    const big5 = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'hand-made', 'zh-tw-ledger-vs-esun-big5', '玉山銀行-交易明細-202503.csv'));
    const dropped = await openFiles([
      { file: new Blob([big5]), name: '玉山銀行.csv' },
      { file: new Blob([readFileSync(WECHAT_UTF8)]), name: 'wechat.csv' },
    ]);
    const block = await dropped.readValues('玉山銀行');
    expect(block.values[0][0]).toBe('玉山銀行 臺幣活期存款 交易明細');
    expect(block.values[4]).toEqual(['交易日期', '帳務日期', '摘要', '提款金額', '存款金額', '餘額', '備註', '對方帳號']);
    expect((await dropped.readValues('wechat')).values.some((row) => row[0] === '交易时间')).toBe(true);
    const opened = await openWorkbookFile(big5, '玉山銀行.csv');
    expect((await opened.readValues('玉山銀行')).values[4][3]).toBe('提款金額');
  });

  test('a real 建设银行 .xls export (Excel 97) opens with its values, as a new workbook of its sheets', async () => {
    const workbook = await openWorkbookFile(readFileSync(CCB_XLS), '交易明细.xls');
    expect(workbook.fileName).toBe('交易明细.xlsx');
    expect(await workbook.sheetNames()).toEqual(['交易明细_1546_20250101_20250620.xls']);
    const block = await workbook.readValues(`'交易明细_1546_20250101_20250620.xls'`);
    expect(block.values[0][0]).toBe('China Construction Bank');
    expect(block.values[6].slice(0, 6)).toEqual(['20250101', '20250101', '18:53:19', 67, 0, 2176.91]);
  });

  test('a bank’s web page saved as .xls (GB2312 HTML) opens as a workbook of one sheet named after the file, as Excel shows it', async () => {
    const page = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'hand-made', 'zh-printed-journal-vs-icbc-web-page-xls', '明细查询文件下载.xls'));
    const workbook = await openWorkbookFile(page, '明细查询[2023].xls');
    expect(workbook.fileName).toBe('明细查询[2023].xlsx');
    expect(await workbook.sheetNames()).toEqual(['明细查询_2023_']);
    const block = await workbook.readValues(`'明细查询_2023_'`);
    expect(block.values[0][0]).toBe('明细查询文件下载');
    expect(block.values[6].slice(0, 2)).toEqual(['交易日期', '摘要']);
    expect(block.values[17].slice(0, 2)).toEqual(['2023-02-08', '退款']);
    expect(block.values[19].slice(0, 1)).toEqual(['人民币合计']);
  });

  test('a real OFX 2 statement (Capital One QFX) opens as a sheet of its account, laid out as an export', async () => {
    const qfx = readFileSync(path.join(PUBLIC, 'redstreet__beancount_reds_importers/beancount_reds_importers/importers/capitalonebank/tests/360Checking.qfx'));
    const workbook = await openWorkbookFile(qfx, '360Checking.qfx');
    expect(await workbook.sheetNames()).toEqual(['9876']);
    const block = await workbook.readValues(`'9876'`);
    expect(block.values[2].slice(0, 2)).toEqual(['Ending balance as of 2023-03-10', '4321.98']);
    expect(block.values[4]).toEqual(['Date', 'Type', 'Payee', 'Memo', 'Amount', 'Reference', 'Transaction ID']);
    const problem = await problemOf(new TextEncoder().encode('<?OFX OFXHEADER="200"?><OFX><INVSTMTMSGSRSV1></INVSTMTMSGSRSV1></OFX>'), 'brokerage.qfx');
    expect(problem.id).toBe('problem.ofxNoStatement');
  });

  test('an .xls dropped with a .csv name is named for what it is', async () => {
    const error = await openFiles([{ file: new Blob([readFileSync(CCB_XLS)]), name: 'bank.csv' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblem);
    expect((error as FileProblem).id).toBe('problem.xlsAsCsv');
    expect((error as FileProblem).text('zh-CN')).toBe('“bank.csv”其实是 .xls 工作簿，只是扩展名是 .csv；请把扩展名改回 .xls 再打开。');
  });

  test('a real WeChat Pay export in UTF-8 opens too', async () => {
    const workbook = await openWorkbookFile(readFileSync(WECHAT_UTF8), 'wechat.csv');
    const block = await workbook.readValues('wechat');
    expect(block.values.some((row) => row[0] === '交易时间')).toBe(true);
    expect(block.values.some((row) => row.some((v) => typeof v === 'string' && v.startsWith('¥')))).toBe(true);
  });

  test('the demo opens with its two sheets and the generator values, formatted as an accountant would', async () => {
    const demo = demoWorkbook('zh-CN');
    const workbook = await openWorkbookFile(await demoBytes('zh-CN'), '对账示例.xlsx');
    expect(await workbook.sheetNames()).toEqual(demo.sheets.map((s) => s.name));
    for (const [sheet, address] of [[demo.sheets[0], demo.ledgerAddress], [demo.sheets[1], demo.bankAddress]] as const) {
      const block = await workbook.readValues(address);
      const expected = sheet.values.map((row) => row.map((v) => (v === '' ? null : v)));
      expect(block.values).toEqual(expected);
    }
    // Ledger dates are serial numbers shown as dates; amounts show two decimals.
    expect(workbook.cellStyle(demo.sheets[0].name, 2, 1).numFmt).toBe('yyyy-mm-dd');
    expect(workbook.cellStyle(demo.sheets[0].name, 3, 6).numFmt).toBe('#,##0.00');
    expect(workbook.cellStyle(demo.sheets[0].name, 1, 1).bold).toBe(true);
  });

  test('an .xlsx saved with an .xls name opens (it is a real workbook)', async () => {
    const workbook = await openWorkbookFile(await demoBytes('en'), 'statement.xls');
    expect(await workbook.sheetNames()).toEqual(['Ledger', 'Bank statement']);
  });

  test.each([
    ['a PNG image renamed .xlsx', () => readFileSync(PNG), 'bank.xlsx', 'problem.looksLike', '"bank.xlsx" is not a spreadsheet: it looks like a PNG image.'],
    ['a PDF named .csv', () => new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'statement.csv', 'problem.looksLike', '"statement.csv" is not a spreadsheet: it looks like a PDF document.'],
    ['random bytes renamed .xlsx', () => noise(4096), 'ledger.xlsx', 'problem.damagedXlsx', '"ledger.xlsx" is not a valid .xlsx workbook'],
    ['random bytes renamed .csv', () => noise(4096), 'bank.csv', 'problem.looksLike', '"bank.csv" is not a spreadsheet: it looks like binary data rather than text.'],
    ['an empty file', () => new Uint8Array(0), 'empty.csv', 'problem.empty', '"empty.csv" is empty.'],
    ['a CSV of only commas and blank lines', () => new TextEncoder().encode(',,,\n\n , ,\n'), 'blank.csv', 'problem.empty', '"blank.csv" is empty.'],
    ['a damaged .xls workbook', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(500)]), 'old.xls', 'problem.xlsDamaged', 'the file is damaged'],
    ['a web page saved as .xls with no table (a session that timed out)', () => new TextEncoder().encode('<html><body><p>会话已超时，请重新登录</p></body></html>'), 'export.xls', 'problem.htmlAsXls', 'web page (HTML) saved with an .xls name, with no table in it'],
    ['a text file with another extension', () => new TextEncoder().encode('日期,金额\n2025-03-01,100\n'), 'notes.docx', 'problem.unsupportedType', 'only .xlsx, .xls, .csv and OFX/QFX files'],
  ])('%s: a message naming the file', async (_what, bytes, name, id, english) => {
    const problem = await problemOf(bytes(), name);
    expect(problem.id).toBe(id);
    expect(problem.message).toContain(english);
    expect(problem.text('zh-CN')).toContain(`“${name}”`);
    expect(problem.text('zh-TW')).toContain(`「${name}」`);
  });

  test('an .xlsx renamed .csv is recognised as a zipped file', async () => {
    const problem = await problemOf(await demoBytes('en'), 'bank.csv');
    expect(problem.id).toBe('problem.zipAsCsv');
  });

  test('a workbook whose sheets are all empty is refused; one empty sheet beside data is not', async () => {
    const empty = await workbookBytes((book) => {
      book.addWorksheet('Sheet1');
      book.addWorksheet('Sheet2');
    });
    const problem = await problemOf(empty, 'empty.xlsx');
    expect(problem.id).toBe('problem.allSheetsEmpty');
    expect(problem.message).toBe('Every sheet of "empty.xlsx" is empty; there is nothing to reconcile.');

    const partly = await workbookBytes((book) => {
      book.addWorksheet('Notes');
      book.addWorksheet('Bank').addRow(['Date', 'Amount']);
    });
    expect(await (await openWorkbookFile(partly, 'partly.xlsx')).sheetNames()).toEqual(['Notes', 'Bank']);
  });

  test('a file over the size limit is refused by its size, saying the limit and what to use instead', () => {
    // A year of a busy account's export (100 MB) opens; the limit is 128 MB.
    expect(() => checkFileSize('alipay-2025.csv', 100 * 1024 * 1024, undefined)).not.toThrow();
    expect(() => checkFileSize('big.csv', MAX_FILE_BYTES, undefined)).not.toThrow();
    let problem: unknown;
    try {
      checkFileSize('big.csv', 200 * 1024 * 1024, undefined);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(FileProblem);
    const message = (problem as FileProblem).message;
    expect(message).toContain('"big.csv" is 200.0 MB; this page opens files up to 128.0 MB.');
    expect(message).toContain('npx recon match');
    expect(message).toContain('add-in in Excel');
    expect((problem as FileProblem).text('zh-CN')).toContain('“big.csv”有 200.0 MB，网页版最多打开 128.0 MB 的文件');
    expect((problem as FileProblem).text('zh-TW')).toContain('網頁版最多開啟 128.0 MB');
  });

  test('where the browser gives the page less heap than a file needs, it is refused before reading, naming both', () => {
    const heap = 1024 * 1024 * 1024;
    // 1 GB of heap holds about 1 GB / 24 ≈ 42.7 MB of file.
    expect(() => checkFileSize('bank.csv', 40 * 1024 * 1024, heap)).not.toThrow();
    let problem: unknown;
    try {
      checkFileSize('bank.csv', 100 * 1024 * 1024, heap);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(FileProblem);
    expect((problem as FileProblem).id).toBe('problem.tooLargeForMemory');
    expect((problem as FileProblem).message).toBe(
      '"bank.csv" is 100.0 MB; the memory this browser gives the page (1024.0 MB) is enough for files up to about 42.7 MB. Close other tabs and try again, or use the command line (npx recon match).',
    );
    expect((problem as FileProblem).text('zh-CN')).toContain('只够打开约 42.7 MB 的文件');
  });

  test('text in UTF-16 (with or without a BOM) or GBK is not mistaken for binary', () => {
    const utf16 = (text: string, bom: boolean) => {
      const bytes: number[] = bom ? [0xff, 0xfe] : [];
      for (const ch of text) bytes.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
      return Uint8Array.from(bytes);
    };
    expect(looksBinary(utf16('Date,Amount\r\n2025-03-01,100.00\r\n'.repeat(20), true))).toBe(false);
    expect(looksBinary(utf16('Date,Amount\r\n2025-03-01,100.00\r\n'.repeat(20), false))).toBe(false);
    expect(looksBinary(readFileSync(ALIPAY_GBK))).toBe(false);
    expect(looksBinary(noise(2000))).toBe(true);
  });
});
