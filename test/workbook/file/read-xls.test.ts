/**
 * The legacy .xls reader against two oracles it does not share code with: LibreOffice's own reading
 * of each file (saved as .xlsx by LibreOffice, read by exceljs), and the values the fixture was made
 * from (scripts/make-xls-fixture.mjs).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { CellValue } from '../../../src/engine/types';
import { isDateFormat } from '../../../src/workbook/date-system';
import { readXls, XlsError } from '../../../src/workbook/file/read-xls';
import { readXlsx } from '../../../src/workbook/file/read-xlsx';

const XLS = path.join(__dirname, '../../fixtures/xls');
const REAL = path.join(__dirname, '../../fixtures/real-exports');

async function bytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(file));
}

/** Cells that differ between two readings (a missing cell and an empty one are the same). */
function differences(a: CellValue[][], b: CellValue[][]): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
      const x = a[r]?.[c] ?? null;
      const y = b[r]?.[c] ?? null;
      const same = x === y || (x === '' && y === null) || (x === null && y === '') || (typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) < 1e-9);
      if (!same) out.push(`R${r + 1}C${c + 1}: ${JSON.stringify(x)} / ${JSON.stringify(y)}`);
    }
  }
  return out;
}

describe('read-xls: Excel 97–2003 workbooks', () => {
  it('reads a workbook LibreOffice saved as Excel 97 as LibreOffice reads it (shared text over CONTINUE records, formulas, dates, a hidden sheet)', async () => {
    const sheets = readXls(await bytes(path.join(XLS, 'libreoffice-97.xls')));
    const oracle = (await readXlsx(await bytes(path.join(XLS, 'libreoffice-97.xlsx')))).sheets;
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['交易明细', false],
      ['Hidden notes', true],
    ]);
    expect(oracle.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    // LibreOffice's .xlsx keeps a formula's TRUE/FALSE as 1 and nothing; the .xls keeps a boolean
    const booleansAsNumbers = (values: CellValue[][]) => values.map((row) => row.map((v) => (v === true ? 1 : v === false ? null : v)));
    expect(differences(booleansAsNumbers(sheets[0].values), oracle[0].values)).toEqual([]);
    expect(differences(sheets[1].values, oracle[1].values)).toEqual([]);
    expect(sheets[0].values.length).toBe(1503);
    expect(sheets[0].formats.slice(3, 7)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00', 'hh:mm:ss']);
  });

  it('gives each kind of cell its value', async () => {
    const [table, hidden] = readXls(await bytes(path.join(XLS, 'libreoffice-97.xls')));
    // a date as the 1900-system serial (2025-01-01), a time of day as a fraction
    expect(table.values[2].slice(0, 7)).toEqual([45658, '货款 发票号 100000 上海浦东发展银行股份有限公司 ', '上海浦东发展银行股份有限公司', null, 0.01, 100000.01, 0]);
    // text, number, boolean and error results of formulas (IF → "", ROUND, a comparison, 1/0)
    expect(table.values[2][7]).toBe('');
    expect(table.values[3][7]).toBe(199841.62) // 2 × (100,000.01 − 79.20);
    expect(table.values[4][7]).toBe(true);
    expect(table.values[2][8]).toBe('#DIV/0!');
    // a long mixed text that ran over a record boundary comes back whole
    expect(table.values.every((row, r) => r < 2 || r > 1501 || (typeof row[1] === 'string' && /^(货款 发票号 |Payment ref INV-)1\d{5} /.test(row[1] as string)))).toBe(true);
    expect(table.values[1502]).toEqual(['合计', null, null, 499510, 248862.5]);
    // a memo that starts with = is text
    expect(hidden.values).toEqual([['隐藏的表', 42, true, 'a memo that starts with =SUM(1)']]);
  });

  it('reads a workbook of the 1904 date system as the same dates', async () => {
    const in1900 = readXls(await bytes(path.join(XLS, 'libreoffice-97.xls')));
    const in1904 = readXls(await bytes(path.join(XLS, 'libreoffice-97-1904.xls')));
    expect(differences(in1904[0].values, in1900[0].values)).toEqual([]);
  });

  it.each([
    ['deb-sig__double-entry-generator/example/ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls', '交易明细_1546_20250101_20250620.xls', 13, ['20250101', '20250101', '18:53:19', 67, 0, 2176.91]],
    ['deb-sig__double-entry-generator/example/spdb_debit/example-spdb_debit-records.xls', 'sheet', 6, ['1', '2025/12/03  14:06:51', '网上支付-支付宝', '', '3.88', '1981.33']],
    ['deb-sig__double-entry-generator/example/citic/credit/example-citic-records.xls', '本期账单明细(人民币)', 15, ['2024-11-09', '2024-11-09', '支付宝－北京嘀嘀无限科技发展有限公司', 6688, '人民币', '人民币']],
    ['redstreet__beancount_reds_importers/beancount_reds_importers/importers/unitedoverseas/tests/ACC_TXN_History_1234_clean.xls', 'Sheet0', 16, ['30 Jun 2023', 'Interest Credit', 0, 0.12, 0]],
  ])('reads the real export %s', async (file, sheet, rows, firstData) => {
    const sheets = readXls(await bytes(path.join(REAL, file)));
    expect(sheets.map((s) => s.name)).toEqual([sheet]);
    expect(sheets[0].values).toHaveLength(rows);
    expect(sheets[0].values.some((row) => firstData.every((v, i) => row[i] === v))).toBe(true);
  });

  it('refuses what it cannot read, saying why', async () => {
    const ole = await bytes(path.join(XLS, 'libreoffice-97.xls'));
    expect(() => readXls(ole.subarray(0, 1024))).toThrow(XlsError);
    expect(() => readXls(ole.subarray(0, 1024))).toThrow(/damaged/);
    // a compound file whose workbook stream is named Book: Excel 5.0/95
    const renamed = ole.slice();
    const at = Buffer.from(renamed).indexOf(Buffer.from('Workbook', 'utf16le'));
    expect(at).toBeGreaterThan(0);
    renamed.set(Buffer.from('Book\0\0\0\0', 'utf16le'), at);
    new DataView(renamed.buffer).setUint16(at + 64, 10, true);
    expect(() => readXls(renamed)).toThrow('an Excel 5.0/95 workbook, older than this reader knows; open it in Excel and save as .xlsx');
  });

  it('tells a date format from a number format', () => {
    for (const format of ['yyyy/m/d', 'yyyy\\年m\\月d\\日', 'hh:mm:ss', '[$-804]yyyy"年"m"月"d"日"', 'd-mmm-yy', '[h]:mm']) expect(isDateFormat(format)).toBe(true);
    for (const format of ['General', '#,##0.00', '0.00_);[Red](0.00)', '"¥"#,##0.00', '[$¥-804]#,##0.00', '0.00E+00', '#,##0.00 "days"']) expect(isDateFormat(format)).toBe(false);
  });
});
