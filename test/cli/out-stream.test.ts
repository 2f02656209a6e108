/**
 * `recon match --out` writes its workbook as a stream (workbook/file/xlsx-stream.ts through
 * cli/zip-stream.ts). The same run written the way it was before (exceljs builds the workbook whole,
 * CliIo.workbookWriter 'exceljs') and the streamed way must be the same workbook as exceljs reads it:
 * sheets and their visibility, every cell's value and style, merges, widths, panes, page setup,
 * conditional formats, tables, charts. A cash journal (source sheets with highlight rules, Matches,
 * Discrepancies, Bank reconciliation with charts) and a receivables ledger with statements (Chinese
 * and Traditional Chinese statement tabs, the statements index with its links).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { main, type CliIo } from '../../src/cli/main';
import { __tableCrc32, zipStream } from '../../src/cli/zip-stream';
import { describeWorkbook } from './workbook-compare';
import ExcelJS from 'exceljs';
import { readPreviousWorkbook } from '../../src/cli/previous-workbook';
import { XlsxWorkbook } from '../../src/workbook/file/xlsx-workbook';
import { readPreviousRun } from '../../src/workbook/previous-run';
import { reconciledWorkbookParts } from '../../src/workbook/file/xlsx-stream';
import type { RunOutputs } from '../../src/workbook/workbook';
import { useFixtures } from './fixtures';
import * as zlib from 'zlib';

const STATEMENTS = path.join(__dirname, '../fixtures/statements');

const fixture = useFixtures();

async function bothWays(args: string[], name: string, cwd?: string): Promise<{ exceljs: Uint8Array; stream: Uint8Array }> {
  const written: Record<string, Uint8Array> = {};
  for (const writer of ['exceljs', 'stream'] as const) {
    const out = path.join(fixture.dir, `${name}-${writer}.xlsx`);
    const err: string[] = [];
    const io: CliIo = { stdout: () => undefined, stderr: (t) => err.push(t), env: { USER: 'wang' }, cwd, now: () => new Date('2025-04-02T09:00:00Z'), workbookWriter: writer };
    const code = await main([...args, '--json', path.join(fixture.dir, `${name}-${writer}.json`), '--out', out], io);
    expect({ code, err: err.join('') }).toEqual({ code: 0, err: '' });
    written[writer] = new Uint8Array(await fs.readFile(out));
  }
  return { exceljs: written.exceljs, stream: written.stream };
}

async function expectSameWorkbook(pair: { exceljs: Uint8Array; stream: Uint8Array }) {
  const before = await describeWorkbook(pair.exceljs);
  const after = await describeWorkbook(pair.stream);
  expect(after.sheets.map((s) => [s.name, s.state])).toEqual(before.sheets.map((s) => [s.name, s.state]));
  before.sheets.forEach((sheet, i) => expect({ sheet: sheet.name, ...after.sheets[i] }).toEqual({ sheet: sheet.name, ...sheet }));
  expect(after.charts).toEqual(before.charts);
  return after;
}

describe('the streamed --out workbook is the one exceljs wrote', () => {
  it('a cash journal (.xlsx) against a bank export', async () => {
    const pair = await bothWays(['match', '--ledger', fixture.files.journalXlsx, '--bank', fixture.files.bankCsv, '--lang', 'en'], 'journal');
    const after = await expectSameWorkbook(pair);
    expect(after.sheets.map((s) => s.name)).toEqual(['银行存款日记账', 'bank', 'Matches', 'Discrepancies', 'Bank reconciliation', 'Summary', 'Aliases', 'Audit log', '_recon_state']);
    expect(after.charts.length).toBeGreaterThan(0);
    expect(after.sheets.find((s) => s.name === 'Matches')!.tables).toEqual([expect.objectContaining({ name: 'ReconMatches' })]);
  });

  it('an .xlsx source keeps how its numbers show: dates as dates, amounts with separators, columns wide enough', async () => {
    const dir = path.join(__dirname, '../fixtures/hand-made/zh-hk-xlsx-journal-vs-hsbc');
    const pair = await bothWays(['match', '--ledger', path.join(dir, '現金日記帳-2025年3月.xlsx'), '--bank', path.join(dir, 'hsbc-hk-statement-mar-2025.csv'), '--lang', 'zh-TW'], 'hk');
    const after = await expectSameWorkbook(pair);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(pair.stream as unknown as ArrayBuffer);
    const ws = book.getWorksheet('現金日記帳')!;
    // the serial Excel holds, with its date format: exceljs reads it back as the date
    expect(ws.getCell('A5').value).toEqual(new Date('2025-03-03T00:00:00Z'));
    expect(ws.getCell('A5').numFmt).toBe('yyyy/m/d');
    expect(ws.getCell('G5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C5').numFmt).toBeUndefined(); // text takes no number format
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(12);
    expect(after.sheets.length).toBeGreaterThan(2);
  });

  it('a receivables ledger with statements, in Chinese', async () => {
    const pair = await bothWays(
      ['match', '--ledger', '应收账款明细账-2025-03.csv', '--bank', '工行流水-2025-03.csv', '--statements-period', '2025-03', '--company', 'Smith & 上海星辰电子有限公司', '--lang', 'zh-CN'],
      'statements',
      STATEMENTS,
    );
    const after = await expectSameWorkbook(pair);
    const statement = after.sheets.find((s) => Object.values(s.cells).some((c) => (c as { value?: unknown }).value === '客户对账单'));
    expect(statement?.merges.length).toBeGreaterThan(0);
  });
});

describe('odd cell values', () => {
  it('are written as exceljs wrote them: spaces kept, markup escaped, characters XML cannot hold dropped', async () => {
    const values = [
      [' lead', 'trail ', 'two\nlines', '<a href="x">&amp;</a>', "it's", '=SUM(A1)', '+1', '@x'],
      ['bell\u0007', 'del\u007f', 'tab\there', '对账 😀', 'x', '', null, 0],
      [-0.5, 1e21, 45717.5, true, false, '0012', 'ok', 3],
    ];
    const outputs: RunOutputs = {
      sheets: [{ key: 'matches', name: 'Odd', values: values.map((row) => [...row]), columnFormats: ['text', 'amount', 'date', 'integer', 'percent', 'general'] }],
      annotations: [],
      runRecord: { version: 1, ranAt: '2025-04-02T09:00:00Z', ledgerRange: "'S'!A1:H3", bankRange: "'S'!A1:H3", sheets: [], statusColumns: [], options: {} },
    };
    const old = XlsxWorkbook.fromSheets([{ name: 'S', values }]);
    await old.writeRun(outputs);
    const streamed = Buffer.concat([...zipStream(reconciledWorkbookParts([{ name: 'S', values }], outputs))]);
    const before = await describeWorkbook(await old.toBytes());
    const after = await describeWorkbook(streamed);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.sheets[0].cells.A1).toEqual({ value: ' lead' });
    expect(after.sheets[0].cells.A2).toEqual({ value: 'bell' });
  });
});

describe('the previous --out read as a stream', () => {
  it('gives readPreviousRun what the whole workbook in exceljs gives, before and after a teammate edits it in Excel', async () => {
    const args = ['match', '--ledger', fixture.files.journalXlsx, '--bank', fixture.files.bankCsv, '--lang', 'en', '--json', path.join(fixture.dir, 'prev.json')];
    const out = path.join(fixture.dir, 'prev.xlsx');
    const io: CliIo = { stdout: () => undefined, stderr: () => undefined, env: { USER: 'wang' }, now: () => new Date('2025-04-02T09:00:00Z') };
    expect(await main([...args, '--out', out], io)).toBe(0);
    const both = async () => {
      const whole = await readPreviousRun(await XlsxWorkbook.fromBytes(new Uint8Array(await fs.readFile(out)), 'prev.xlsx'), 'li', '2025-04-03T00:00:00Z');
      // the package is opened by its directory, so any part order streams
      const reader = await readPreviousWorkbook(out);
      expect(reader).not.toBeNull();
      const streamed = await readPreviousRun(reader!, 'li', '2025-04-03T00:00:00Z');
      expect(streamed).toEqual(whole);
      return streamed;
    };
    const first = await both();
    expect(first.record?.sheets).toContain('Matches');
    expect(first.auditSheetValues?.length).toBeGreaterThan(1);

    // The parts in Excel's order (workbook part first, sheets by number, so the state comes last).
    const original = await fs.readFile(out);
    const zip = await JSZip.loadAsync(original);
    const reordered = new JSZip();
    const sheetNumber = (name: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 0);
    const entries = Object.keys(zip.files).sort((a, b) => sheetNumber(a) - sheetNumber(b));
    for (const name of entries) reordered.file(name, await zip.file(name)!.async('uint8array'));
    await fs.writeFile(out, await reordered.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(await both()).toEqual(first);
    await fs.writeFile(out, original);

    // Opened and saved by another program (exceljs writes shared strings, styles, its own part order),
    // with a decision typed beside a group and an alias row added.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const matches = book.getWorksheet('Matches')!;
    const header = (matches.getRow(1).values as unknown[]).map(String);
    matches.getRow(2).getCell(header.indexOf('Decision (accept/reject)')).value = 'reject';
    const aliases = book.getWorksheet('Aliases')!;
    aliases.getRow(aliases.rowCount + 1).values = ['ACME IND', 'Acme Industrial'];
    await book.xlsx.writeFile(out);
    const second = await both();
    expect(second.sheetEdits.length).toBe(1);
  });
});

describe('zipStream', () => {
  it('writes entries of any size that a zip reader opens, one block at a time', async () => {
    const big = Array.from({ length: 20000 }, (_, i) => `<row r="${i}">第${i}行 ${'x'.repeat(i % 50)}</row>`);
    const chunks = [...zipStream([
      { path: 'a.xml', text: big },
      { path: '空.txt', text: [] },
      { path: 'fixture.dir/b.txt', text: ['one ', 'two'] },
    ])];
    const zip = await JSZip.loadAsync(Buffer.concat(chunks));
    expect(await zip.file('a.xml')!.async('string')).toBe(big.join(''));
    expect(await zip.file('空.txt')!.async('string')).toBe('');
    expect(await zip.file('fixture.dir/b.txt')!.async('string')).toBe('one two');
  });

  it('has a CRC-32 fallback that agrees with zlib', () => {
    const data = Buffer.from('对账 reconciliation '.repeat(100));
    const zlibCrc = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
    expect(__tableCrc32(Buffer.alloc(0))).toBe(0);
    expect(__tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    if (zlibCrc) expect(__tableCrc32(data.subarray(10), __tableCrc32(data.subarray(0, 10)))).toBe(zlibCrc(data));
  });
});
