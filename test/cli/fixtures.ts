/**
 * Realistic input files for the command-line tests, written to a fresh temporary folder:
 * an ICBC-style bank export (four title lines, header on row 5, a 合计 line at the bottom) and a
 * 银行存款日记账 with an opening-balance line and a 本月合计 line, as CSV and as .xlsx.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

export const BANK_CSV = [
  '中国工商银行对公账户明细',
  '账号: 1001 2345 6789 0123 456,,,,,,',
  '户名: 上海明达贸易有限公司,,,,,,',
  '查询期间: 2025-03-01 至 2025-03-31,,,,,,',
  '交易日期,对方户名,摘要,借方发生额,贷方发生额,余额,流水号',
  '2025-03-03,上海华程贸易有限公司,货款 HC-0301,,"12,800.00","112,800.00",B0001',
  '2025-03-05,北京顺达物流有限公司,运费,"3,560.40",,"109,239.60",B0002',
  '2025-03-07,杭州明远科技有限公司,货款,,"6,800.50","116,040.10",B0003',
  '2025-03-11,深圳佳美办公用品有限公司,办公用品,975.00,,"115,065.10",B0004',
  '2025-03-18,,手续费,25.00,,"115,040.10",B0005',
  '2025-03-20,苏州恒达机械有限公司,货款,,"3,000.00","118,040.10",B0006',
  '合计,,,"4,560.40","22,600.50",,',
].join('\r\n') + '\r\n';

export const JOURNAL_ROWS: (string | number | null)[][] = [
  ['日期', '凭证号', '摘要', '对方单位', '借方', '贷方', '余额'],
  ['2025-03-01', null, '期初余额', null, null, null, 100000],
  ['2025-03-03', '记-11', '收货款 HC-0301', '上海华程贸易有限公司', 12800, null, 112800],
  ['2025-03-05', '记-12', '付运费', '北京顺达物流有限公司', null, 3560.4, 109239.6],
  ['2025-03-06', '记-13', '收货款 第一笔', '杭州明远科技有限公司', 4500, null, 113739.6],
  ['2025-03-06', '记-14', '收货款 第二笔', '杭州明远科技有限公司', 2300.5, null, 116040.1],
  ['2025-03-10', '记-15', '=SUM(A1) 办公用品', '深圳佳美办公用品有限公司', null, 980, 115060.1],
  ['2025-03-12', '记-16', '缴增值税', '国家税务总局上海市税务局', null, 15000, 100060.1],
  ['2025-03-15', '记-17', '收货款', '广州联合电子有限公司', 7650.33, null, 107710.43],
  [null, null, '本月合计', null, 27250.83, 19540.4, 107710.43],
];

export function journalCsv(): string {
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? v.toFixed(2) : v);
  return JOURNAL_ROWS.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'recon-cli-'));
}

/** Writes bank.csv (UTF-8 with BOM, as Excel saves it), journal.csv and journal.xlsx (sheet 银行存款日记账). */
export async function writeFixtures(dir: string): Promise<{ bankCsv: string; journalCsv: string; journalXlsx: string }> {
  const bankCsv = path.join(dir, 'bank.csv');
  await fs.writeFile(bankCsv, `\uFEFF${BANK_CSV}`, 'utf8');
  const journalCsvPath = path.join(dir, 'journal.csv');
  await fs.writeFile(journalCsvPath, journalCsv(), 'utf8');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('银行存款日记账');
  JOURNAL_ROWS.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  ws.getCell('C7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  const journalXlsx = path.join(dir, 'journal.xlsx');
  await fs.writeFile(journalXlsx, new Uint8Array(await book.xlsx.writeBuffer()));
  return { bankCsv, journalCsv: journalCsvPath, journalXlsx };
}

export type Fixtures = Awaited<ReturnType<typeof writeFixtures>>;

/** A temporary folder with the fixtures written before the suite's tests, removed after them. */
export function useFixtures(): { dir: string; files: Fixtures } {
  const fixture = { dir: '', files: {} as Fixtures };
  beforeAll(async () => {
    fixture.dir = await tempDir();
    fixture.files = await writeFixtures(fixture.dir);
  });
  afterAll(() => fs.rm(fixture.dir, { recursive: true, force: true }));
  return fixture;
}
