/**
 * The whole add-in path on the fake Excel, exactly as the task pane runs it (see pane-run.ts):
 * a generated cash journal and bank export (title lines, header, 合计 line) pasted into two
 * sheets, read with OfficeWorkbook.readValues, reconciled, reported, laid out by the shared
 * layout, and written back with OfficeWorkbook.writeRun; then a re-run and Clear. Checked against
 * the report and the fake's own model of Excel (its conditional-format evaluator, its text-entry
 * rules), not against the code that wrote the cells. Last, the budgets at 100k rows per side.
 */
import Decimal from 'decimal.js';
import type { GeneratedPair } from '../../../src/generator';
import type { Locale } from '../../../src/i18n/locale';
import { statusText } from '../../../src/i18n/sheets';
import { HIGHLIGHT_COLOURS } from '../../../src/workbook/colours';
import { columnLetter, ruleFormula } from '../../../src/workbook/layout';
import type { Highlight, SourceAnnotation } from '../../../src/workbook/workbook';
import { FakeExcel, FakeStats, FIVE_MB, type WorkbookSnapshot } from '../../fake-excel';
import { officeWorkbook } from './fixtures';
import { BANK_SHEET, cachedPair, LEDGER_SHEET, pairWorkbook, paneRun, type PaneRun, type PaneStep } from './pane-run';

const ADDRESSES = { ledgerAddress: LEDGER_SHEET, bankAddress: BANK_SHEET };

/** A pair whose ledger has a memo that starts with '=' on a row the engine matches. */
function pairWithFormulaMemo(): { pair: GeneratedPair; memo: string; memoRow: number } {
  const base = cachedPair(3_000);
  const pair: GeneratedPair = { ...base, ledger: { ...base.ledger, cells: base.ledger.cells.map((row) => [...row]) } };
  const header = pair.ledger.cells.findIndex((row) => row.includes('摘要'));
  const summary = pair.ledger.cells[header].indexOf('摘要');
  const group = pair.truth.groups.find((g) => g.kind === 'receipt' && g.ledgerRows.length === 1)!;
  const memoRow = group.ledgerRows[0];
  const memo = '=SUM(A1:A3) 收货款';
  pair.ledger.cells[memoRow - 1][summary] = memo;
  return { pair, memo, memoRow };
}

/** The user's own touches: formats on their ranges, a table on another sheet. */
function userWorkbook(pair: GeneratedPair): FakeExcel {
  const fake = new FakeExcel();
  pairWorkbook(fake, pair);
  fake.setFormat(LEDGER_SHEET, 'A1:G1', 'fill', '#DDEBF7');
  fake.setFormat(LEDGER_SHEET, 'A1:G1', 'bold', true);
  fake.setFormat(LEDGER_SHEET, `E2:G${pair.ledger.cells.length}`, 'numberFormat', '#,##0.00');
  fake.setFormat(BANK_SHEET, 'A1:A4', 'bold', true);
  fake.setFormat(BANK_SHEET, 'J1:J40', 'fill', '#FFFF00'); // their colour right of the status column
  fake.setColumnWidth(LEDGER_SHEET, 2, 140);
  fake.addSheet('备注', [['客户', '联系人'], ['上海明辉贸易有限公司', '张三']]);
  fake.addTable('备注', 'A1:B2', 'Contacts');
  return fake;
}

type SheetState = WorkbookSnapshot['sheets'][number];

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetState {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A user sheet's cells, widths and merges, without the status column Recon writes. */
function userPart(snapshot: WorkbookSnapshot, name: string, statusColumn: number) {
  const status = new RegExp(`!${columnLetter(statusColumn)}\\d+$`);
  const sheet = sheetOf(snapshot, name);
  return { cells: sheet.cells.filter(([address]) => !status.test(address)), widths: sheet.columnWidths, merges: sheet.merges, frozen: sheet.frozenRows };
}

/** The status label each source row must show, built from the report alone. */
function expectedLabels(run: PaneRun, side: 'ledger' | 'bank', locale: Locale): Map<number, string> {
  const labels = new Map<number, string>();
  for (const m of run.report.matches) for (const row of side === 'ledger' ? m.ledgerRows : m.bankRows) labels.set(row, `${m.id} ${statusText(m.status, locale)}`);
  for (const e of run.report.unmatched[side]) labels.set(e.row, statusText('unmatched', locale));
  return labels;
}

function statusColumnValues(fake: FakeExcel, a: SourceAnnotation): (string | number | boolean | '')[] {
  const letter = columnLetter(a.statusColumn);
  return fake.valuesOf(a.sheet, `${letter}${a.firstRow + 1}:${letter}${a.lastRow}`).map((r) => r[0]);
}

describe('the add-in path end to end (3,000 rows a side)', () => {
  const { pair, memo, memoRow } = pairWithFormulaMemo();
  const fake = userWorkbook(pair);
  const wb = officeWorkbook(fake);
  const before = fake.snapshot();
  let first: PaneRun;
  let afterFirst: WorkbookSnapshot;

  beforeAll(async () => {
    first = await paneRun(wb, { ...ADDRESSES, locale: 'zh-CN', ledgerKind: pair.truth.ledgerKind });
    afterFirst = fake.snapshot();
  });

  test('reads each sheet whole: title lines, header and total included, values as pasted', () => {
    expect(first.ledger.address).toBe(`${LEDGER_SHEET}!A1:G${pair.ledger.cells.length}`);
    expect(first.bank.address).toBe(`${BANK_SHEET}!A1:H${pair.bank.cells.length}`);
    expect(first.ledger.values.length).toBe(pair.ledger.cells.length);
    expect(first.ledger.values[memoRow - 1]).toContain(memo);
    expect(first.bank.values).toEqual(pair.bank.cells.map((row) => row.map((v) => v ?? '')));
    expect(first.result.ledger.headerRow).toBe(1);
    expect(first.result.bank.headerRow).toBeGreaterThan(1); // the bank's title lines are set aside
  });

  test('the user’s cells and formats are exactly as before (only the status column is new)', () => {
    const [ledger, bank] = first.outputs.annotations;
    expect(userPart(afterFirst, LEDGER_SHEET, ledger.statusColumn)).toEqual(userPart(before, LEDGER_SHEET, ledger.statusColumn));
    expect(userPart(afterFirst, BANK_SHEET, bank.statusColumn)).toEqual(userPart(before, BANK_SHEET, bank.statusColumn));
    expect(sheetOf(afterFirst, '备注')).toEqual(sheetOf(before, '备注'));
    expect(afterFirst.tables).toContainEqual({ name: 'Contacts', range: '备注!A1:B2' });
    // No cell anywhere became a formula or an error, except Recon's own links to source rows.
    const ownLink = (formula: string | undefined) => formula !== undefined && /^=HYPERLINK\("#[^"]*",(\d+|"[^"]*")\)$/.test(formula);
    expect(afterFirst.sheets.flatMap((s) => s.cells.filter(([, c]) => (c.formula !== undefined && !ownLink(c.formula)) || c.error).map(([a]) => a))).toEqual([]);
  });

  test('the month-end sheets: Summary charts drawn from its own cells, row numbers linked to source rows', () => {
    const summary = first.outputs.sheets.find((s) => s.key === 'summary')!;
    const charts = fake.sheet(summary.name).charts;
    expect(charts.map((c) => [c.type, c.seriesBy, c.title])).toEqual(summary.charts!.map((c) => ['ColumnClustered', 'Columns', c.title]));
    const data = summary.charts![0].data;
    expect(charts[0].source).toEqual({ r0: data.row, c0: data.column, r1: data.row + data.rows - 1, c1: data.column + data.columns - 1 });
    expect(charts[0].position?.start).toBe('E2');
    const discrepancies = first.outputs.sheets.find((s) => s.key === 'discrepancies')!;
    const link = discrepancies.links![0];
    const formula = fake.sheet(discrepancies.name).formulas.get(link.row, link.column);
    expect(formula).toBe(`=HYPERLINK("#${link.target}",${discrepancies.values[link.row][link.column]})`);
  });

  test('the Matches sheet: one line per match, a header and a totals line equal to the column sums to the cent', () => {
    const matches = first.outputs.sheets[0];
    expect(matches.name).toBe('匹配结果');
    const n = first.report.matches.length;
    expect(n).toBeGreaterThan(2_000);
    const width = matches.values[0].length;
    const last = columnLetter(width);
    const grid = fake.valuesOf('匹配结果', `A1:${last}${n + 3}`);
    expect(grid[n + 2].every((v) => v === '')).toBe(true); // nothing below the totals line
    expect(grid.slice(0, n + 2)).toEqual(matches.values.map((row) => row.map((v) => v ?? '')));
    expect(grid[1][0]).toBe(first.report.matches[0].id);

    const header = grid[0];
    const totals = grid[n + 1];
    const sums: [string, Decimal][] = [
      ['账簿金额', first.report.matchTotals.ledger],
      ['银行金额', first.report.matchTotals.bank],
      ['差额', first.report.matchTotals.difference],
    ];
    for (const [title, reportTotal] of sums) {
      const c = header.indexOf(title);
      expect(c).toBeGreaterThan(0);
      const sum = grid.slice(1, n + 1).reduce((s, row) => s.plus(new Decimal(String(row[c]))), new Decimal(0));
      expect({ title, total: new Decimal(String(totals[c])).toFixed(2) }).toEqual({ title, total: sum.toFixed(2) });
      expect(sum.toFixed(2)).toBe(reportTotal.toFixed(2));
    }
    expect(fake.snapshot().tables).toContainEqual({ name: 'ReconMatches', range: `匹配结果!A1:${last}${n + 1}` });
  });

  test('every row shows its status label beside it: match id and status, or unmatched', () => {
    for (const [i, side] of (['ledger', 'bank'] as const).entries()) {
      const a = first.outputs.annotations[i];
      const shown = statusColumnValues(fake, a);
      const wrong: string[] = [];
      for (const [row, label] of expectedLabels(first, side, 'zh-CN')) {
        if (shown[row - a.firstRow - 1] !== label) wrong.push(`${side} row ${row}: ${shown[row - a.firstRow - 1]} ≠ ${label}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(fake.cell(a.sheet, `${columnLetter(a.statusColumn)}${a.firstRow}`).value).toBe('对账状态');
      expect(shown).toEqual(a.labels.map((l) => (l === '' ? '' : l)));
    }
  });

  test('a memo beginning with "=" stays text: in the user’s row and on the Matches sheet', () => {
    const match = first.report.matches.find((m) => m.ledgerRows.includes(memoRow));
    expect(match).toBeDefined();
    const line = 1 + first.report.matches.indexOf(match!);
    const row = fake.valuesOf('匹配结果', `A${line + 1}:L${line + 1}`)[0];
    const description = row.find((v) => typeof v === 'string' && v.startsWith(memo));
    expect(description).toBeDefined();
    const column = columnLetter(1 + row.indexOf(description!));
    expect(fake.cell('匹配结果', `${column}${line + 1}`)).toMatchObject({ value: description });
    expect(fake.cell('匹配结果', `${column}${line + 1}`).formula).toBeUndefined();
    expect(fake.cell(LEDGER_SHEET, `C${memoRow}`).value).toBe(memo);
  });

  test('a re-run reads the same ranges and replaces only Recon’s own sheets, labels and rules', async () => {
    const second = await paneRun(wb, { ...ADDRESSES, locale: 'zh-CN', ledgerKind: pair.truth.ledgerKind, ranAt: '2025-04-02T09:00:00.000Z' });
    expect([second.ledger.address, second.bank.address]).toEqual([first.ledger.address, first.bank.address]);
    expect(second.outputs.annotations.map((a) => a.statusColumn)).toEqual(first.outputs.annotations.map((a) => a.statusColumn));
    const now = fake.snapshot();
    // What may differ between two runs of the same ranges: the state, the Audit log (one more run line,
    // append-only) and the run's own time where the Summary shows it. Everything else is identical.
    const runTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
    const comparable = (s: WorkbookSnapshot) => ({
      ...s,
      sheets: s.sheets
        .filter((sheet) => sheet.name !== '_recon_state' && sheet.name !== '审计日志')
        .map((sheet) => ({ ...sheet, cells: sheet.cells.map(([at, cell]): [string, unknown] => [at, typeof cell.value === 'string' && runTime.test(cell.value) ? { ...cell, value: '<ran at>' } : cell]) })),
    });
    expect(comparable(now)).toEqual(comparable(afterFirst));
    expect(now.sheets.map((s) => s.name)).toEqual(afterFirst.sheets.map((s) => s.name));
    expect(now.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([LEDGER_SHEET, BANK_SHEET, '备注', '匹配结果', '差异表', '余额调节表', '对账汇总', '_recon_state']));
    expect((await wb.lastRun())?.ranAt).toBe('2025-04-02T09:00:00.000Z');
  });

  test('Clear results restores the workbook exactly', async () => {
    await wb.clearRun();
    expect(fake.snapshot()).toEqual(before);
    expect(await wb.lastRun()).toBeNull();
  });
});

describe('highlights from the layout’s rules, checked with the fake’s conditional-format evaluator', () => {
  const cases: [Locale, GeneratedPair][] = [
    ['zh-CN', cachedPair(3_000)],
    ['zh-TW', cachedPair(3_000)],
    ['en', cachedPair(1_500, 'en-bank')],
  ];

  test.each(cases)('%s: every auto, suggested, unmatched and skipped row shows its colour', async (locale, pair) => {
    const fake = new FakeExcel();
    pairWorkbook(fake, pair);
    const run = await paneRun(officeWorkbook(fake), { ...ADDRESSES, locale, ledgerKind: pair.truth.ledgerKind });
    const seen = new Map<Highlight, number>();
    const wrong: string[] = [];
    for (const a of run.outputs.annotations) {
      // The rules are the layout's (annotation.highlightRules), not derived from labels or a code column.
      const ref = `$${columnLetter(a.statusColumn)}${a.firstRow + 1}`;
      const formulas = fake.sheet(a.sheet).conditionalFormats.map((cf) => cf.formula ?? '');
      expect(formulas).toEqual(a.highlightRules!.map((rule) => `=${ruleFormula(rule, ref)}`));
      expect(formulas[0]).toBe(`=EXACT(RIGHT(${ref},${statusText('auto', locale).length + 1})," ${statusText('auto', locale)}")`);
      a.highlights.forEach((h, i) => {
        const row0 = a.firstRow + i;
        for (const column0 of [0, a.statusColumn - 1]) {
          const shown = fake.displayedFill(a.sheet, row0, column0);
          const want = h === null ? undefined : HIGHLIGHT_COLOURS[h];
          if (shown !== want) wrong.push(`${a.sheet} row ${row0 + 1}: ${shown} ≠ ${want} ("${a.labels[i]}")`);
        }
        if (h) seen.set(h, (seen.get(h) ?? 0) + 1);
      });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    for (const h of ['auto', 'suggested', 'unmatched', 'skipped'] as Highlight[]) expect({ h, seen: (seen.get(h) ?? 0) > 0 }).toEqual({ h, seen: true });
  });
});

/** Syncs and sizes of each step of one run, on a fresh workbook. */
async function measure(rows: number): Promise<Record<PaneStep, FakeStats>> {
  const fake = new FakeExcel();
  const pair = cachedPair(rows);
  pairWorkbook(fake, pair);
  const steps: Partial<Record<PaneStep, FakeStats>> = {};
  await paneRun(officeWorkbook(fake), {
    ...ADDRESSES,
    locale: 'zh-CN',
    ledgerKind: pair.truth.ledgerKind,
    step: async (name, work) => {
      fake.stats.reset();
      const value = await work();
      steps[name] = new FakeStats();
      steps[name]!.syncs = fake.stats.syncs;
      return value;
    },
  });
  return steps as Record<PaneStep, FakeStats>;
}

describe('budgets of the add-in path at 100k ledger rows × 100k bank rows', () => {
  let small: Record<PaneStep, FakeStats>;
  let large: Record<PaneStep, FakeStats>;

  beforeAll(async () => {
    small = await measure(10_000);
    large = await measure(100_000);
  });

  test('no request or response over 5 MB, no sync refused', () => {
    for (const stats of Object.values(large)) {
      expect(stats.maxRequestBytes).toBeLessThan(FIVE_MB);
      expect(stats.maxResponseBytes).toBeLessThan(FIVE_MB);
      expect(stats.syncs.every((s) => !s.failed)).toBe(true);
    }
  });

  test('reading grows in chunks, not rows: at most 12 syncs a side at 100k', () => {
    for (const side of ['read ledger', 'read bank'] as const) {
      expect(large[side].syncCount).toBeLessThanOrEqual(12);
      expect(large[side].syncCount).toBeGreaterThanOrEqual(small[side].syncCount);
    }
  });

  test('highlighting and formatting cost a fixed number of operations: the same at 10k as at 100k', () => {
    expect(large.write.total('format')).toBe(small.write.total('format'));
    expect(large.write.total('format')).toBeGreaterThan(0);
    expect(large.write.total('values')).toBeLessThanOrEqual(10 * small.write.total('values'));
  });

  test('zero per-cell operations anywhere on the path', () => {
    for (const stats of [...Object.values(small), ...Object.values(large)]) expect(stats.singleCellWrites).toBe(0);
  });
});
