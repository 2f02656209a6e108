/**
 * Makes test/fixtures/xls/libreoffice-97.xls and its source libreoffice-97.xlsx: a workbook written
 * with exceljs, saved as Excel 97 (.xls, BIFF8) by LibreOffice. What the .xls reader must get right and
 * the four real bank .xls files do not show: shared text long enough to run over CONTINUE records
 * (mixed Latin and Chinese, so a string changes width across the break), dates, a time, formulas with
 * text, number, boolean and error results, a hidden sheet, a 1904-dated workbook. The test compares the
 * .xls as read-xls.ts reads it with the .xlsx as read-xlsx.ts reads it.
 *
 *   node scripts/make-xls-fixture.mjs      (needs soffice: apt-get install libreoffice-calc-nogui)
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OUT = path.resolve('test/fixtures/xls');
const NAMES = ['上海浦东发展银行股份有限公司', 'Brightsilver Manufacturing Ltd', '深圳市腾讯计算机系统有限公司', 'Crown Services Limited', '杭州阿里巴巴广告有限公司'];

async function make(name, date1904) {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('交易明细');
  ws.addRow(['中国建设银行 China Construction Bank 账户明细']);
  ws.addRow(['交易日期', '摘要 Description', '对方户名', '支出', '收入', '余额', '时间', '核对', '备注']);
  let balance = 100000;
  for (let i = 0; i < 1500; i++) {
    const amount = Math.round(((i * 7919) % 100000) + 1) / 100;
    const out = i % 3 !== 0;
    balance = Math.round((balance + (out ? -amount : amount)) * 100) / 100;
    const r = ws.addRow([
      new Date(Date.UTC(2025, 0, 1 + (i % 360))),
      // long shared texts, half Latin half Chinese, so that some cross a CONTINUE with a change of width
      `${i % 2 ? 'Payment ref INV-' : '货款 发票号 '}${100000 + i} ${NAMES[i % NAMES.length]} ${'说明文字'.repeat(i % 7)}${'x'.repeat(i % 11)}`,
      NAMES[(i * 3) % NAMES.length],
      out ? amount : null,
      out ? null : amount,
      balance,
      (i % 86400) / 86400,
      null,
      i % 50 === 0 ? '=1/0' : null,
    ]);
    r.getCell(1).numFmt = i % 2 ? 'yyyy/m/d' : 'yyyy"年"m"月"d"日"';
    r.getCell(4).numFmt = '#,##0.00';
    r.getCell(5).numFmt = '#,##0.00';
    r.getCell(6).numFmt = '#,##0.00';
    r.getCell(7).numFmt = 'hh:mm:ss';
    const row = r.number;
    r.getCell(8).value = i % 4 === 0 ? { formula: `IF(D${row}>100,"大额","")` } : i % 4 === 1 ? { formula: `ROUND(F${row}*2,2)` } : i % 4 === 2 ? { formula: `D${row}>100` } : null;
    if (i % 50 === 0) r.getCell(9).value = { formula: '1/0' };
  }
  ws.addRow(['合计', null, null, { formula: 'SUM(D3:D1502)' }, { formula: 'SUM(E3:E1502)' }]);
  const hidden = wb.addWorksheet('Hidden notes');
  hidden.state = 'hidden';
  hidden.addRow(['隐藏的表', 42, true, 'a memo that starts with =SUM(1)']);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xls-fixture-'));
  const xlsx = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(xlsx);
  execFileSync('soffice', ['--headless', '--convert-to', 'xls:MS Excel 97', '--outdir', dir, xlsx], { stdio: 'ignore' });
  // the formulas' results as LibreOffice computed them: the oracle reads them from an .xlsx it saved
  execFileSync('soffice', ['--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'back'), path.join(dir, `${name}.xls`)], { stdio: 'ignore' });
  copyFileSync(path.join(dir, `${name}.xls`), path.join(OUT, `${name}.xls`));
  copyFileSync(path.join(dir, 'back', `${name}.xlsx`), path.join(OUT, `${name}.xlsx`));
}

await make('libreoffice-97', false);
await make('libreoffice-97-1904', true);
