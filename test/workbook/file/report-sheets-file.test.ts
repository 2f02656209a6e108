/**
 * The command line's --out workbook: the three month-end sheets with real chart parts and links,
 * re-runs that replace them, and LibreOffice Calc opening it headless and printing the statement.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../../src/cli/main';
import { generatePair } from '../../../src/generator';
import { XlsxWorkbook } from '../../../src/workbook/file/xlsx-workbook';

let dir: string;
let out: string;

async function writeXlsx(file: string, name: string, values: unknown[][]): Promise<void> {
  const book = XlsxWorkbook.fromSheets([{ name, values: values as never }], path.basename(file));
  await fs.writeFile(file, await book.toBytes());
}

async function runCli(args: string[]): Promise<void> {
  let err = '';
  const code = await main(args, { stdout: () => undefined, stderr: (t) => (err += t), cwd: dir, now: () => new Date('2025-04-02T09:00:00Z') });
  expect(err).toBe('');
  expect(code).toBe(0);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recon-report-'));
  const pair = generatePair({ seed: 5, rows: 80, layout: 'zh-bank-cash-journal' });
  await writeXlsx(path.join(dir, 'journal.xlsx'), '银行存款日记账', pair.ledger.cells);
  await writeXlsx(path.join(dir, 'bank.xlsx'), '交易明细', pair.bank.cells);
  out = path.join(dir, 'reconciled.xlsx');
  await runCli(['match', '--ledger', 'journal.xlsx', '--bank', 'bank.xlsx', '--json', 'r.json', '--out', 'reconciled.xlsx', '--lang', 'zh-CN']);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function partsOf(file: string) {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const text = (p: string) => zip.file(p)!.async('string');
  return { zip, text };
}

describe('the --out workbook', () => {
  it('carries two native charts on the Summary sheet: chart parts, a drawing, rels and content types', async () => {
    const { zip, text } = await partsOf(out);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2);
    const types = await text('[Content_Types].xml');
    for (const chart of charts) expect(types).toContain(`PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    // the Summary sheet's part has a <drawing> whose relationship leads to both charts
    const workbookXml = await text('xl/workbook.xml');
    const rid = /<sheet [^>]*name="对账汇总"[^>]*r:id="([^"]+)"/.exec(workbookXml)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(await text('xl/_rels/workbook.xml.rels'))?.[1]
      ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(await text('xl/_rels/workbook.xml.rels'))![1];
    const sheetPath = `xl/${target.replace(/^\/?xl\//, '')}`;
    const sheetXml = await text(sheetPath);
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)![1];
    const sheetRels = await text(sheetPath.replace(/([^/]+)$/, '_rels/$1.rels'));
    const drawing = new RegExp(`Id="${drawingId}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(sheetRels)![1];
    const drawingRels = await text(`xl/drawings/_rels/${drawing}.rels`);
    expect(drawingRels.match(/relationships\/chart"/g)).toHaveLength(2);
    // the charts read their series from the sheet's own cells, and their cached values are those cells
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fs.readFile(out)) as unknown as ExcelJS.Buffer);
    const summary = book.getWorksheet('对账汇总')!;
    for (const chart of charts) {
      const xml = await text(chart);
      expect(xml).toContain('<c:barChart><c:barDir val="col"/>');
      const refs = [...xml.matchAll(/<c:val><c:numRef><c:f>对账汇总!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)<\/c:f>.*?<\/c:numCache>/g)];
      expect(refs).toHaveLength(2);
      for (const [whole, column, first, last] of refs) {
        const cached = [...whole.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[2]));
        const cells = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => summary.getCell(`${column}${Number(first) + i}`).value);
        expect(cached).toEqual(cells);
      }
    }
    if (hasTool('xmllint')) for (const p of [...charts, `xl/drawings/${drawing}`, sheetPath]) execFileSync('xmllint', ['--noout', '-'], { input: await text(p) });
  });

  it('links each discrepancy and statement row number to its source row, keeping the number', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fs.readFile(out)) as unknown as ExcelJS.Buffer);
    const links: { formula: string; result: unknown }[] = [];
    book.getWorksheet('差异表')!.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value as { formula?: string; result?: unknown };
      if (v && typeof v === 'object' && v.formula?.startsWith('HYPERLINK')) links.push({ formula: v.formula, result: v.result });
    }));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const m = /^HYPERLINK\("#(银行存款日记账|交易明细)!A(\d+):[A-Z]+(\d+)",(\d+)\)$/.exec(link.formula);
      expect(m).not.toBeNull();
      expect(Number(m![2])).toBe(Number(m![3]));
    }
    expect(links.some((l) => l.formula.includes('#交易明细!'))).toBe(true);
  });

  it('a re-run on the reopened file replaces the three sheets and their charts, not adds to them', async () => {
    const again = path.join(dir, 'again.xlsx');
    const wb = await XlsxWorkbook.fromBytes(await fs.readFile(out), 'reconciled.xlsx');
    const { buildRunOutputs } = await import('../../../src/workbook/layout/run-outputs');
    const { reconcile } = await import('../../../src/engine');
    const { buildReport } = await import('../../../src/engine/report/build-report');
    const ledger = await wb.readValues('银行存款日记账');
    const bank = await wb.readValues('交易明细');
    const result = reconcile({ cells: ledger.values, firstRow: ledger.top }, { cells: bank.values, firstRow: bank.top });
    await wb.writeRun(buildRunOutputs(result, buildReport(result), {
      locale: 'en', ledger: ledger.address, bank: bank.address, ranAt: '2025-04-03T00:00:00Z', existingSheetNames: await wb.sheetNames(), previousRun: await wb.lastRun(),
    }));
    await fs.writeFile(again, await wb.toBytes());
    expect(await wb.sheetNames()).toEqual(['银行存款日记账', '交易明细', 'Matches', 'Discrepancies', 'Bank reconciliation', 'Summary']);
    const { zip } = await partsOf(again);
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(2);
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('LibreOffice Calc opens the --out workbook', () => {
  it('converts it to PDF headless without errors, and the statement page shows both adjusted balances', async () => {
    expect(hasTool('soffice')).toBe(true); // .ci/run installs libreoffice-calc and poppler-utils
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'recon-lo-'));
    const pdfDir = path.join(dir, 'pdf');
    try {
      const log = execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', pdfDir, out], {
        env: { ...process.env, HOME: profile }, timeout: 180_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(log).toContain('reconciled.pdf');
      const pdf = path.join(pdfDir, 'reconciled.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
      const first = texts.findIndex((t) => t.includes('银行存款余额调节表') && t.includes('企业银行存款日记账余额'));
      expect(first).toBeGreaterThanOrEqual(0);
      // The statement's page(s): up to the Summary's first page.
      const end = texts.findIndex((t, i) => i > first && t.includes('对账汇总'));
      const statement = texts.slice(first, end).join('\n');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await fs.readFile(out)) as unknown as ExcelJS.Buffer);
      const ws = book.getWorksheet('余额调节表')!;
      let adjusted: number[] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === '调节后余额') adjusted = [Number(row.getCell(4).value), Number(row.getCell(8).value)];
      });
      expect(adjusted[0]).toBe(adjusted[1]);
      const shown = adjusted[0].toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(statement.split(shown).length - 1).toBeGreaterThanOrEqual(2);
      expect(statement).toContain('调节后余额相等');
      // Once the file host prints to one page wide, the statement is one page holding both columns.
      if (ws.pageSetup.fitToPage) {
        expect(end - first).toBe(1);
        expect(texts[first].split(shown).length - 1).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await fs.rm(profile, { recursive: true, force: true });
    }
  }, 240_000);
});
