/** Decisions are pure data the engine takes back in: found by content, never re-applied elsewhere. */
import { reconcile, rowKeysOf, type Decision } from '../../../src/engine';
import type { CellValue } from '../../../src/engine/types';
import { reconcileAndLayout } from '../../../src/taskpane/engine/engine-tasks';
import { emptyMemory } from '../../../src/workbook/layout/recon-state';

const LEDGER: CellValue[][] = [
  ['日期', '摘要', '对方单位', '借方', '贷方'],
  ['2025-03-03', '收货款', '上海华程贸易有限公司', 12800, null],
  ['2025-03-05', '付运费', '北京顺达物流有限公司', null, 3560.4],
  ['2025-03-18', '手续费', '', null, 25],
  ['2025-03-19', '手续费', '', null, 25],
];
const BANK: CellValue[][] = [
  ['交易日期', '对方户名', '摘要', '借方发生额', '贷方发生额'],
  ['20250303', '上海华程贸易有限公司', '货款', null, '12,800.00'],
  ['20250305', '北京顺达物流有限公司', '运费', '3,560.40', null],
];

function explainRow(cells: CellValue[][], row: number, id = 'D1'): Decision {
  const read = reconcile({ cells }, { cells: BANK });
  const entry = read.ledger.entries.find((e) => e.row === row)!;
  return { id, kind: 'explained', ledger: [rowKeysOf(read.ledger.entries)[entry.index]], bank: [], reason: '银行扣费另记', by: '王会计', at: '2025-04-01T08:00:00Z', source: 'pane' };
}

describe('reconcile without decisions', () => {
  it('numbers a first run M1… and gives group records by row content once they are read', () => {
    const result = reconcile({ cells: LEDGER }, { cells: BANK }, { nextMatchNumber: 7 });
    expect(result.matches.map((m) => m.id)).toEqual(['M7', 'M8']);
    expect(result.nextMatchNumber).toBe(9);
    const keys = { ledger: rowKeysOf(result.ledger.entries), bank: rowKeysOf(result.bank.entries) };
    expect(result.groups).toEqual(
      result.matches.map((m) => ({ id: m.id, origin: 'auto', ledger: m.ledger.map((i) => keys.ledger[i].fingerprint), bank: m.bank.map((i) => keys.bank[i].fingerprint), rule: 'amount-date' })),
    );
    // The next run finds its groups again by those records and keeps their ids.
    const again = reconcile({ cells: LEDGER }, { cells: BANK }, { previousGroups: result.groups, nextMatchNumber: result.nextMatchNumber });
    expect(again.matches.map((m) => m.id)).toEqual(['M7', 'M8']);
    expect(again.nextMatchNumber).toBe(9);
  });

  it('lets go of the cells once read when told the caller keeps none, and reads the same', () => {
    const sources = { ledger: { cells: LEDGER }, bank: { cells: BANK } };
    const released = reconcile(sources.ledger, sources.bank, { releaseCells: true });
    expect(sources.ledger.cells).toEqual([]);
    expect(sources.bank.cells).toEqual([]);
    expect(LEDGER.length).toBe(5); // the caller's own arrays are untouched
    const kept = reconcile({ cells: LEDGER }, { cells: BANK });
    expect(released.matches).toEqual(kept.matches);
    expect(released.ledger.entries).toEqual(kept.ledger.entries);
  });
});

describe('decisions in reconcile', () => {
  it('a decision stays on its own line, not on a similar line of the same amount', () => {
    const decision = explainRow(LEDGER, 5); // the second 25.00 charge, a day after the first
    const result = reconcile({ cells: LEDGER }, { cells: BANK }, { decisions: [decision] });
    const explained = result.matches.find((m) => m.origin === 'explained')!;
    expect(explained.ledger.map((i) => result.ledger.entries[i].row)).toEqual([5]);
  });

  it('a decision whose row was deleted is reported not-found, applied to nothing, and listed for the pane', () => {
    const decision = explainRow(LEDGER, 4);
    const without = LEDGER.filter((_, i) => i !== 3); // row 4 deleted
    const result = reconcile({ cells: without }, { cells: BANK }, { decisions: [decision] });
    expect(result.decisions).toEqual([{ decision, outcome: 'not-found', missing: decision.ledger }]);
    expect(result.matches.some((m) => m.origin === 'explained')).toBe(false);

    const outcome = reconcileAndLayout({
      ledger: { cells: without },
      bank: { cells: BANK },
      ledgerOptions: {},
      bankOptions: {},
      match: { dateWindowDays: 7, referenceWindowDays: 90, tolerance: '50.00', allowCombined: true, allowInstalments: true, maxGroupSize: 5, nameStrictness: 'normal' },
      locale: 'zh-CN',
      ledgerPosition: { sheet: '日记账', top: 1, left: 1, width: 5, height: 4, address: '日记账!A1:E4' },
      bankPosition: { sheet: '银行', top: 1, left: 1, width: 5, height: 3, address: '银行!A1:E3' },
      ranAt: '2025-04-02T08:00:00Z',
      existingSheetNames: ['日记账', '银行'],
      previousRun: null,
      previous: { memory: { ...emptyMemory(), decisions: [decision] }, sheetEdits: [], unreadDecisions: [] },
      user: '李会计',
    });
    expect(outcome.summary.lostDecisions).toEqual([
      { id: 'D1', kind: 'explained', by: '王会计', at: '2025-04-01T08:00:00Z', reason: '银行扣费另记', rows: [{ side: 'ledger', row: 4, date: '2025-03-18', amount: '-25.00', counterparty: '' }] },
    ]);
    // Kept in the workbook's memory, so it is never silently dropped.
    expect(outcome.outputs.memory?.decisions).toEqual([decision]);
  });

  it('a newer decision about the same group wins: accepted, then unmatched', () => {
    const first = reconcile({ cells: LEDGER }, { cells: BANK });
    const keys = { ledger: rowKeysOf(first.ledger.entries), bank: rowKeysOf(first.bank.entries) };
    const group = first.matches[0];
    const rows = { ledger: group.ledger.map((i) => keys.ledger[i]), bank: group.bank.map((i) => keys.bank[i]) };
    const base = { reason: '', by: '王会计', at: '2025-04-01T08:00:00Z', source: 'pane' as const };
    const decisions: Decision[] = [
      { id: 'D1', kind: 'accept', ...rows, ...base },
      { id: 'D2', kind: 'unmatch', ...rows, ...base },
    ];
    const result = reconcile({ cells: LEDGER }, { cells: BANK }, { decisions, previousGroups: first.groups, nextMatchNumber: first.nextMatchNumber });
    expect(result.decisions.map((d) => d.outcome)).toEqual(['superseded', 'applied']);
    expect(result.matches.map((m) => m.id)).not.toContain(group.id);
    // The group not decided on keeps its id.
    expect(result.matches.map((m) => m.id)).toEqual(first.matches.slice(1).map((m) => m.id));
  });
});

describe('rows typed into the Matches sheet, then the source sorted', () => {
  const MATCH = { dateWindowDays: 7, referenceWindowDays: 90, tolerance: '50.00', allowCombined: true, allowInstalments: true, maxGroupSize: 5, nameStrictness: 'normal' as const };
  const request = (ledger: CellValue[][], previous?: Parameters<typeof reconcileAndLayout>[0]['previous']) =>
    reconcileAndLayout({
      ledger: { cells: ledger },
      bank: { cells: BANK },
      ledgerOptions: {},
      bankOptions: {},
      match: MATCH,
      locale: 'zh-CN',
      ledgerPosition: { sheet: '日记账', top: 1, left: 1, width: 5, height: 5, address: '日记账!A1:E5' },
      bankPosition: { sheet: '银行', top: 1, left: 1, width: 5, height: 3, address: '银行!A1:E3' },
      ranAt: '2025-04-01T08:00:00Z',
      existingSheetNames: ['日记账', '银行'],
      previousRun: null,
      previous,
      user: '李会计',
    });

  it('name the rows they named when typed, and the pane is told where those rows are now', () => {
    const first = request(LEDGER, { memory: emptyMemory(), sheetEdits: [], unreadDecisions: [] });
    // A teammate explains ledger row 4 (the 25.00 charge of 18 March) on the Matches sheet; then the ledger is sorted newest first.
    const typed = { kind: 'explained' as const, ledgerRows: [4], bankRows: [], reason: '银行扣费另记', by: '张出纳', at: '2025-04-01T09:00:00Z' };
    const sorted = [LEDGER[0], ...LEDGER.slice(1).reverse()];
    const second = request(sorted, { memory: first.outputs.memory!, sheetEdits: [typed], unreadDecisions: [] });
    const explained = second.outputs.memory!.decisions[0];
    expect([explained.kind, explained.ledger.map((k) => [k.row, k.date, k.amount])]).toEqual(['explained', [[4, '2025-03-18', '-25.00']]]);
    expect(second.summary.movedRows).toEqual([{ id: 'D1', kind: 'explained', side: 'ledger', typed: [4], now: [3] }]);
    // Rows picked in the pane are the rows as they are now: no such notice.
    const picked = request(sorted, { memory: first.outputs.memory!, sheetEdits: [{ ...typed, ledgerRows: [3], source: 'pane' }], unreadDecisions: [] });
    expect(picked.outputs.memory!.decisions[0].ledger.map((k) => k.date)).toEqual(['2025-03-18']);
    expect(picked.summary.movedRows).toBeUndefined();
  });
});
