/**
 * The standalone host over the demo workbook: the selection the grid makes is what the pane
 * reads; a run (the pane's own runReconciliation, engine in-process) writes into the file and the
 * sheets the grid draws show the status columns and the same colours the highlight rules give;
 * a reconciled file opened again is coloured the same; Clear leaves the user's cells as they were.
 */
import { demoWorkbook } from '../../src/generator/demo';
import { demoBytes } from '../../src/standalone/file/demo-file';
import { highlightSources, type SheetView } from '../../src/standalone/host/sheet-view';
import type { StandaloneWorkbook } from '../../src/standalone/host/standalone-workbook';
import { openInProcess } from '../../src/standalone/worker/in-process';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { runReconciliation } from '../../src/taskpane/state/run-reconciliation';
import { HIGHLIGHT_COLOURS } from '../../src/workbook/colours';
import { XlsxWorkbook } from '../../src/workbook/file/xlsx-workbook';
import { highlightForLabel } from '../../src/workbook/layout/highlight-rules';
import { highlightRules } from '../../src/workbook/layout/source-annotation';
import type { Highlight, RunRecord } from '../../src/workbook/workbook';

const demo = demoWorkbook('zh-CN');
const [LEDGER, BANK] = demo.sheets.map((s) => s.name);

async function openDemo(): Promise<StandaloneWorkbook> {
  return openInProcess(await XlsxWorkbook.fromBytes(await demoBytes('zh-CN'), '对账示例.xlsx'), '对账示例.xlsx');
}

async function run(host: StandaloneWorkbook) {
  const engine = new InProcessEngineClient();
  return runReconciliation(host, engine, {
    ledgerAddress: demo.ledgerAddress,
    bankAddress: demo.bankAddress,
    ledgerOptions: {},
    bankOptions: {},
    match: await engine.matchDefaults(),
    locale: 'zh-CN',
  });
}

/** Every cell's text of a view, row by row. */
function texts(view: SheetView): string[][] {
  const rows: string[][] = [];
  for (let row = 1; row <= view.rows; row++) {
    const line: string[] = [];
    for (let column = 1; column <= view.columns; column++) line.push(view.text(row, column));
    rows.push(line);
  }
  return rows;
}

/** Which highlight each data row of a side shows in the grid, by its status label. */
function highlightsByRow(view: SheetView, statusColumn: number, firstRow: number): { label: string; fill: string | null; expected: Highlight | null }[] {
  const rules = highlightRules('zh-CN');
  const rows = [];
  for (let row = firstRow + 1; row <= view.rows; row++) {
    const label = view.text(row, statusColumn);
    rows.push({ label, fill: view.fill(row, 1), expected: highlightForLabel(label, rules) });
  }
  return rows;
}

describe('the standalone workbook', () => {
  test('the grid draws the demo as an accountant sees it in Excel', async () => {
    const host = await openDemo();
    expect(host.sheets).toEqual([LEDGER, BANK]);
    expect(host.activeSheet).toBe(LEDGER);
    const ledger = await host.sheetView(LEDGER);
    const values = demo.sheets[0].values;
    expect(ledger.rows).toBe(values.length);
    expect(ledger.columns).toBe(values[0].length);
    expect(ledger.used).toEqual({ top: 1, left: 1, bottom: values.length, right: values[0].length });
    // Row 3: 2025-03-01, 记-0001, …, a payment of 10,700.00 and the balance after it.
    expect(texts(ledger)[2]).toEqual(['2025-03-01', '记-0001', '付美万材料款', '重庆美万网络科技有限公司', '', '10,700.00', '493,286.00']);
    expect(ledger.value(3, 1)).toBe(values[2][0]);
    expect(ledger.bold(1, 1)).toBe(true);
    expect(ledger.fill(3, 1)).toBeNull();
    const bank = await host.sheetView(BANK);
    expect(bank.text(1, 1)).toBe('中国工商银行账户明细');
    expect(bank.text(demo.sheets[1].values.length, 1)).toBe('合计');
  });

  test('the selection the grid makes is what "Use current selection" reads', async () => {
    const host = await openDemo();
    await expect(host.selectedAddress()).rejects.toMatchObject({ code: 'InvalidSelection' });
    host.select(`${BANK}!A6:H61`);
    expect(await host.selectedAddress()).toBe(`${BANK}!A6:H61`);
    const block = await host.readValues(await host.selectedAddress());
    expect(block.values[0][0]).toBe('交易日期');
    host.select(null);
    await expect(host.selectedAddress()).rejects.toThrow('Select a range in the grid first.');
  });

  test('a run shows its status columns and highlights in the grid; reopened, the file looks the same', async () => {
    const host = await openDemo();
    const changes: number[] = [];
    host.subscribe(() => changes.push(host.getVersion()));
    const before = { ledger: texts(await host.sheetView(LEDGER)), bank: texts(await host.sheetView(BANK)) };

    const summary = await run(host);
    expect(changes.length).toBeGreaterThan(0);
    const record = (await host.lastRun())!;
    // The user's two sheets, then exactly the sheets the run recorded: Matches first, then the month-end
    // sheets and the Audit log.
    expect(host.sheets).toEqual([LEDGER, BANK, ...record.sheets]);
    expect(record.sheets[0]).toBe(summary.matchesSheet);
    expect(record.sheets).toEqual(expect.arrayContaining(['差异表', '余额调节表', '对账汇总', '审计日志']));

    for (const [sheet, original] of [[LEDGER, before.ledger], [BANK, before.bank]] as const) {
      const view = await host.sheetView(sheet);
      const status = record.statusColumns.find((s) => s.sheet === sheet)!;
      // The status column is new, right of the range; every cell of the user's range is as it was.
      expect(status.column).toBe(original[0].length + 1);
      expect(texts(view).map((row) => row.slice(0, original[0].length))).toEqual(original);
      expect(view.text(status.firstRow, status.column)).toBe('对账状态');
      // Ctrl+A still selects the user's data, not the status column.
      expect(view.used?.right).toBe(original[0].length);

      const rows = highlightsByRow(view, status.column, status.firstRow);
      for (const row of rows) expect(row.fill).toBe(row.expected ? HIGHLIGHT_COLOURS[row.expected] : null);
      const seen = new Set(rows.map((r) => r.expected));
      expect(seen).toContain('auto');
      expect(seen).toContain('unmatched');
      // The colour spans the range and its status column, and nothing right of it.
      const coloured = rows.findIndex((r) => r.expected === 'auto') + status.firstRow + 1;
      expect(view.fill(coloured, status.column)).toBe(HIGHLIGHT_COLOURS.auto);
      expect(view.fill(coloured, status.column + 1)).toBeNull();
    }
    // The bank's title lines and 合计 line are labelled as skipped, in grey.
    const bank = await host.sheetView(BANK);
    const bankStatus = record.statusColumns.find((s) => s.sheet === BANK)!;
    const lastRow = demo.sheets[1].values.length;
    expect(bank.text(lastRow, bankStatus.column)).toBe('跳过: 合计行');
    expect(bank.fill(lastRow, 1)).toBe(HIGHLIGHT_COLOURS.skipped);

    // The Matches sheet: one line per group, its header and totals in the header/total colours.
    const matches = await host.sheetView(summary.matchesSheet!);
    expect(matches.rows).toBe(summary.matchCount + 2);
    expect(matches.fill(1, 1)).toBe(HIGHLIGHT_COLOURS.header);
    expect(matches.fill(matches.rows, 1)).toBe(HIGHLIGHT_COLOURS.total);
    expect(matches.text(matches.rows, 1)).toBe('合计');
    expect(matches.text(2, 4)).toMatch(/^2025-03-\d\d$/);
    expect(matches.text(2, 9)).toMatch(/^-?[\d,]+\.\d\d$/);

    // Saved and opened again: the same sheets, texts and colours, from what the file itself holds.
    const reopened = await openInProcess(await XlsxWorkbook.fromBytes(await host.toBytes(), 'again.xlsx'), 'again.xlsx');
    for (const sheet of host.sheets) {
      const a = await host.sheetView(sheet);
      const b = await reopened.sheetView(sheet);
      expect(texts(b)).toEqual(texts(a));
      for (let row = 1; row <= a.rows; row++) expect(b.fill(row, 1)).toBe(a.fill(row, 1));
    }
  });

  test('Clear removes the run from the grid and leaves the user cells exactly as they were', async () => {
    const host = await openDemo();
    const before = { ledger: texts(await host.sheetView(LEDGER)), bank: texts(await host.sheetView(BANK)) };
    const summary = await run(host);
    await host.activateSheet(summary.matchesSheet!);
    expect(host.activeSheet).toBe(summary.matchesSheet);
    await host.clearRun();
    expect(host.sheets).toEqual([LEDGER, BANK]);
    // The active sheet was removed with the run: the first sheet is active again.
    expect(host.activeSheet).toBe(LEDGER);
    expect(texts(await host.sheetView(LEDGER))).toEqual(before.ledger);
    expect(texts(await host.sheetView(BANK))).toEqual(before.bank);
    const ledger = await host.sheetView(LEDGER);
    for (let row = 1; row <= ledger.rows; row++) expect(ledger.fill(row, 1)).toBeNull();
  });

  test('a selection on a sheet the run removes is forgotten; activating a missing sheet is an error', async () => {
    const host = await openDemo();
    const summary = await run(host);
    host.select(`${summary.matchesSheet}!A1:C3`);
    await host.clearRun();
    await expect(host.selectedAddress()).rejects.toMatchObject({ code: 'InvalidSelection' });
    await expect(host.activateSheet('No such sheet')).rejects.toThrow('There is no sheet named "No such sheet"');
  });

  test('the download is named after the file', async () => {
    const host = await openDemo();
    expect(host.downloadName).toBe('对账示例-reconciled.xlsx');
    const csv = await openInProcess(XlsxWorkbook.fromSheets([{ name: 'x', values: [['a']] }]), 'exports/工行流水 2025-03.csv');
    expect(csv.downloadName).toBe('工行流水 2025-03-reconciled.xlsx');
  });

  test('highlight areas pair with their own status columns, also when both ranges sit side by side on one sheet', () => {
    const record: RunRecord = {
      version: 1,
      ranAt: '2025-04-01T00:00:00.000Z',
      ledgerRange: "'Both'!A1:G40",
      bankRange: "'Both'!I1:P40",
      sheets: [],
      // Side by side: the ledger's status column moved right of the bank's range.
      statusColumns: [
        { sheet: 'Both', column: 17, firstRow: 1, lastRow: 40 },
        { sheet: 'Both', column: 18, firstRow: 1, lastRow: 40 },
      ],
      highlightAreas: ["'Both'!A2:G40", "'Both'!I2:P40"],
      options: { locale: 'en' },
    };
    expect(highlightSources(record)).toEqual([
      { sheet: 'Both', area: { top: 2, left: 1, bottom: 40, right: 7 }, statusColumn: 17 },
      { sheet: 'Both', area: { top: 2, left: 9, bottom: 40, right: 16 }, statusColumn: 18 },
    ]);
  });
});
