/**
 * A table streamed from a file (CellsSource.stream): planned from its first rows, its other rows read
 * once as they come. It must read exactly as the whole table does: the same entries, skipped lines,
 * issues, balances and decisions. When the first rows cannot stand for the whole (a later row would
 * have changed a whole-column decision, the plan looked past them, the stream had to restart), the
 * reader asks for the whole table and reads that.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CellsSource, CellValue, Entry, ReadResult } from '../../../src/engine/types';
import { loadTable } from '../../../src/workbook/file/load-table';
import { readSide, RestartReading } from '../../../src/engine/read/read-side';
import { PLAN_HEAD_ROWS } from '../../../src/engine/read/plan-reading';
import { reconcile } from '../../../src/engine';

/** A bank export as a clerk pastes it: title lines, a header, dated rows, a 合计 line at the bottom. */
function bankTable(rows: number, write: (i: number) => { in?: string; out?: string; date?: string } = () => ({}), seed = 7): CellValue[][] {
  let state = seed;
  const next = () => (state = (state * 48271) % 2147483647);
  const cells: CellValue[][] = [
    ['中国工商银行对公账户明细', '', '', '', '', '', ''],
    ['账号: 1001 2345 6789 0123 456', '', '', '', '', '', ''],
    ['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额', '流水号'],
  ];
  let balance = 1_000_000_00;
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 40) * 86_400_000).toISOString().slice(0, 10);
    const cents = 100 + (next() % 5_000_000);
    const inflow = next() % 3 === 0;
    balance += inflow ? cents : -cents;
    const written = write(i);
    const amount = (cents / 100).toFixed(2);
    cells.push([
      written.date ?? day,
      inflow ? `货款 HC-${i}` : `付款 PO-${i}`,
      ['上海华程贸易有限公司', '北京顺达物流有限公司', 'Lakefalcon Packaging & Co. Ltd'][next() % 3],
      written.in ?? (inflow ? amount : ''),
      written.out ?? (inflow ? '' : amount),
      (balance / 100).toFixed(2),
      `B${i}`,
    ]);
    if (i % 9000 === 8999) cells.push(['', '', '', '', '', '', '']);
  }
  cells.push(['合计', '', '', '', '', (balance / 100).toFixed(2), '']);
  return cells;
}

/** The table as a stream: its first `headRows` rows at hand, the rest given once; counts what the reader asked for. */
function streamed(cells: CellValue[][], headRows = PLAN_HEAD_ROWS, restart = -1) {
  const asked = { rest: 0, whole: 0 };
  const source: CellsSource = {
    cells: cells.slice(0, headRows),
    stream: {
      *rest() {
        asked.rest++;
        for (let i = headRows; i < cells.length; i++) {
          if (i === restart) throw new RestartReading('bytes past the first rows are not UTF-8');
          yield cells[i];
        }
      },
      whole() {
        asked.whole++;
        return cells;
      },
    },
  };
  return { source, asked };
}

const entryView = (e: Entry) => ({ ...e, amount: e.amount.toFixed(), balance: e.balance?.toFixed() ?? null, fee: e.fee?.toFixed(), cents: e.cents });
const view = (r: ReadResult) => ({
  ...r,
  entries: r.entries.map(entryView),
  balances: r.balances?.map((b) => ({ ...b, amount: b.amount.toFixed() })),
});

describe('a table streamed from a file reads as the whole table does', () => {
  const options = { side: 'bank' as const };

  it('plans from the first rows and reads the rest as it comes, without asking for the whole table', () => {
    const cells = bankTable(30_000);
    const whole = readSide({ cells }, options);
    const { source, asked } = streamed(cells);
    const read = readSide(source, options);
    expect(asked).toEqual({ rest: 1, whole: 0 });
    expect(read.entries.length).toBe(30_000);
    expect(view(read)).toEqual(view(whole));
    // the 合计 line came from the stream; its balance is still read
    expect(read.balances?.map((b) => b.row)).toEqual([cells.length]);
  });

  it('reads the whole table when a row after the first ones would change a decision made on them', () => {
    const cases: [string, (i: number) => { in?: string; out?: string; date?: string }][] = [
      // day/month order: every date in the first rows fits both, a later one (13/…) does not
      ['day/month order', (i) => ({ date: i === 25_000 ? '13/01/2025' : '01/02/2025' })],
      // decimal mark: the first rows' amounts say nothing (`1,234`), a later one shows a comma decimal
      ['decimal mark', (i) => (i === 25_000 ? { in: '12,50', out: '' } : { in: '1,234', out: '' })],
      // a money-out column with no sign in the first rows, all negative after them
      ['money-out signs', (i) => (i < 21_000 ? { in: '5.00', out: '' } : { in: '', out: '-5.00' })],
    ];
    for (const [what, write] of cases) {
      const cells = bankTable(26_000, write);
      const whole = readSide({ cells }, options);
      const { source, asked } = streamed(cells);
      const read = readSide(source, options);
      expect({ what, whole: asked.whole }).toEqual({ what, whole: 1 });
      expect(view(read)).toEqual(view(whole));
    }
  });

  it('reads the whole table when a signed amount column shows its first negative after the first rows', () => {
    const cells: CellValue[][] = [['Date', 'Description', 'Amount', 'Direction']];
    for (let i = 0; i < 25_000; i++) cells.push(['2025-03-05', `Payment ${i}`, i === 24_000 ? '-12.00' : '12.00', i % 2 ? 'CR' : 'DR']);
    const whole = readSide({ cells }, options);
    const { source, asked } = streamed(cells);
    const read = readSide(source, options);
    expect(asked.whole).toBe(1);
    expect(view(read)).toEqual(view(whole));
    // the negative makes the direction column a mere description of the signs
    expect(read.decisions.map((d) => d)).toEqual(whole.decisions);
  });

  it('reads the whole table when the stream must restart, or the first rows are too few to plan from', () => {
    const cells = bankTable(30_000);
    const whole = view(readSide({ cells }, options));
    const restarting = streamed(cells, PLAN_HEAD_ROWS, 27_000);
    expect(view(readSide(restarting.source, options))).toEqual(whole);
    expect(restarting.asked).toEqual({ rest: 1, whole: 1 });
    const short = streamed(cells, 5_000);
    expect(view(readSide(short.source, options))).toEqual(whole);
    expect(short.asked).toEqual({ rest: 0, whole: 1 });
  });

  it('reconciles both sides streamed as it does both whole', () => {
    const bank = bankTable(24_000);
    // the ledger: the same movements as a cash journal books them (debit = money in)
    const ledger: CellValue[][] = [['日期', '凭证号', '摘要', '对方单位', '借方', '贷方', '余额']];
    for (const row of bank.slice(3, -1)) {
      if (row[0] === '') continue;
      ledger.push([row[0], `记-${ledger.length}`, row[1], row[2], row[3], row[4], row[5]]);
    }
    const options = { ledger: { kind: 'cash-journal' as const } };
    const whole = reconcile({ cells: ledger }, { cells: bank }, options);
    const both = reconcile(streamed(ledger).source, streamed(bank).source, options);
    expect(both.matches.length).toBeGreaterThan(20_000);
    expect(both.matches.map((m) => [m.id, m.ledger, m.bank, m.status])).toEqual(whole.matches.map((m) => [m.id, m.ledger, m.bank, m.status]));
    expect(both.unmatched).toEqual(whole.unmatched);
  });
});

describe('the real exports, their transactions repeated past the first rows', () => {
  // Files we did not make: title lines, headers, 合计 and note lines at the bottom as their banks wrote
  // them. Each one's transaction rows are repeated until the table is longer than the first rows a
  // stream is planned from; streamed, it must read exactly as the whole table does.
  const roots = ['real-exports', 'unseen-exports', 'hand-made'].map((dir) => path.resolve(__dirname, '../../fixtures', dir));
  const files = roots.flatMap((root) => csvFiles(root));

  it('finds the exports', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((file) => [path.relative(path.resolve(__dirname, '../../fixtures'), file), file]))('%s', async (_name, file) => {
    const cells = (await loadTable(file)).cells;
    const first = readSide({ cells }, { side: 'bank' });
    if (first.entries.length === 0) return; // refused or empty: nothing to repeat
    const body = Math.max(0, first.headerRow); // 1-based header row = 0-based index of the first data row
    const last = Math.max(...first.entries.map((e) => e.row)); // 1-based: the index after the last transaction
    const rows = cells.slice(body, last);
    const long = cells.slice(0, body);
    while (long.length < PLAN_HEAD_ROWS + 2_000) long.push(...rows);
    long.push(...cells.slice(last));
    const whole = readSide({ cells: long }, { side: 'bank' });
    const { source, asked } = streamed(long);
    expect(view(readSide(source, { side: 'bank' }))).toEqual(view(whole));
    expect(asked.rest + asked.whole).toBeGreaterThan(0);
  });
});

function csvFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return csvFiles(full);
    return /\.(csv|tsv)$/i.test(entry.name) ? [full] : [];
  });
}
