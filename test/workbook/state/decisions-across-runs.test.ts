/**
 * People decide, the workbook remembers: a teammate without the add-in accepts, rejects, matches
 * by hand and explains a row by typing into the Matches sheet; the user then sorts the ledger,
 * inserts and deletes bank rows; the next run, in another host, keeps every decision on the rows it
 * was about, matches only what is left, and keeps the ids of the groups that are still there.
 */
import type { ReconcileResult } from '../../../src/engine';
import type { CellValue } from '../../../src/engine/types';
import { auditChainHolds } from '../../../src/workbook/layout/audit-log';
import { BANK_SHEET, BANK_VALUES, LEDGER_SHEET, LEDGER_VALUES } from '../memory/sample-sheets';
import { carry, HOSTS, openHost, type Host, type HostKind, type SheetData } from './hosts';
import { runWithMemory } from './run-with-memory';

const MATCHES = '匹配结果';
const AUDIT = '审计日志';
const COLUMN = { id: 0, origin: 12, decidedBy: 13, decision: 14, note: 15, ledgerRows: 6, bankRows: 7 };

const run = (host: Host, user: string, ranAt: string) => runWithMemory(host.workbook, LEDGER_SHEET, BANK_SHEET, { user, ranAt });

/** Rows of each group, by what the rows say (counterparty of the first line), for readable asserts. */
function groupsByName(result: ReconcileResult): Record<string, { id: string; origin: string; ledger: number[]; bank: number[] }> {
  const out: Record<string, { id: string; origin: string; ledger: number[]; bank: number[] }> = {};
  for (const m of result.matches) {
    const first = m.ledger.length > 0 ? result.ledger.entries[m.ledger[0]] : result.bank.entries[m.bank[0]];
    out[first.counterparty || first.description] = {
      id: m.id,
      origin: m.origin ?? m.status,
      ledger: m.ledger.map((i) => result.ledger.entries[i].row),
      bank: m.bank.map((i) => result.bank.entries[i].row),
    };
  }
  return out;
}

function edit(sheets: SheetData[], name: string, change: (values: CellValue[][]) => CellValue[][]): SheetData[] {
  return sheets.map((s) => (s.name === name ? { ...s, values: change(s.values.map((line) => [...line])) } : s));
}

/** What a teammate types into the Matches sheet, in Excel, without the add-in. */
function teammateDecides(values: CellValue[][]): CellValue[][] {
  const line = (id: string) => values.find((l) => l[COLUMN.id] === id)!;
  line('M4')[COLUMN.decision] = '接受'; // the suggested 980.00 / 975.00 office-supplies pair
  line('M2')[COLUMN.decision] = '拒绝'; // the automatic freight match is wrong
  line('M2')[COLUMN.decidedBy] = '张出纳';
  const blank = () => Array<CellValue>(16).fill(null);
  const explained = blank();
  // Rows as the last run's sheets showed them (the Matches sheet's own row numbers): the user sorts
  // the ledger after this was typed, and the rows are found by the content they had then.
  explained[COLUMN.ledgerRows] = '7'; // 国家税务总局上海市税务局 at the last run, row 3 after the sort
  explained[COLUMN.decision] = '说明';
  explained[COLUMN.note] = '税款由集团统一缴纳';
  const manual = blank();
  manual[COLUMN.ledgerRows] = '8'; // 广州联合电子 at the last run, row 2 after the sort
  manual[COLUMN.bankRows] = '11';
  manual[COLUMN.decision] = '手工';
  manual[COLUMN.note] = '同一集团代付';
  return [...values, explained, manual];
}

/** The user sorts the ledger's data rows (newest first, whole rows), and changes the bank rows. */
function userRearranges(sheets: SheetData[]): SheetData[] {
  let out = edit(sheets, LEDGER_SHEET, (v) => [v[0], ...v.slice(1, 8).reverse(), ...v.slice(8)]);
  // A late interest line inserted at sheet row 6, and the 25.00 charge (row 10) deleted.
  out = edit(out, BANK_SHEET, (v) => {
    const rows = v.filter((line) => line[2] !== '手续费');
    rows.splice(5, 0, ['20250302', '', '利息', null, '12.00', '112,812.00', 'B0000']);
    return rows;
  });
  return out;
}

describe.each(HOSTS)('decisions typed in a workbook from the %s host', (first: HostKind) => {
  it.each(HOSTS)('are kept by a re-run in the %s host after sorting, inserting and deleting rows', async (second: HostKind) => {
    const a = await openHost(first, [{ name: LEDGER_SHEET, values: LEDGER_VALUES }, { name: BANK_SHEET, values: BANK_VALUES }]);
    const before = groupsByName(await run(a, '王会计', '2025-04-01T08:00:00.000Z'));
    expect(before).toMatchObject({
      上海华程贸易有限公司: { id: 'M1', origin: 'auto', ledger: [2], bank: [6] },
      北京顺达物流有限公司: { id: 'M2', origin: 'auto', ledger: [3], bank: [7] },
      杭州明远科技有限公司: { id: 'M3', origin: 'auto', ledger: [4, 5], bank: [8] },
      深圳佳美办公用品: { id: 'M4', origin: 'suggested', ledger: [6], bank: [9] },
    });

    const edited = edit(userRearranges(await a.sheets()), MATCHES, teammateDecides);
    const b = await openHost(second, edited);
    const result = await run(b, '李会计', '2025-04-02T08:00:00.000Z');
    const after = groupsByName(result);
    // Sorted ledger: old rows 2..8 are now 8..2; bank rows after the inserted line moved down one.
    expect(after).toEqual({
      上海华程贸易有限公司: { id: 'M1', origin: 'auto', ledger: [8], bank: [7] },
      杭州明远科技有限公司: { id: 'M3', origin: 'auto', ledger: [5, 6], bank: [9] },
      深圳佳美办公用品: { id: 'M4', origin: 'accepted', ledger: [4], bank: [10] },
      国家税务总局上海市税务局: { id: 'M6', origin: 'explained', ledger: [3], bank: [] },
      广州联合电子: { id: 'M5', origin: 'manual', ledger: [2], bank: [11] },
    });
    // The rejected freight match stays apart, never proposed again.
    const unmatchedLedger = result.unmatched.ledger.map((i) => result.ledger.entries[i].counterparty);
    expect(unmatchedLedger).toContain('北京顺达物流有限公司');
    expect(result.decisions.map((d) => [d.decision.id, d.decision.kind, d.decision.by, d.outcome])).toEqual([
      ['D1', 'unmatch', '张出纳', 'applied'],
      ['D2', 'accept', '李会计', 'applied'],
      ['D3', 'explained', '李会计', 'applied'],
      ['D4', 'manual', '李会计', 'applied'],
    ]);

    // The sheets say it without the add-in: origin and who decided, on the Matches sheet.
    const matches = (await b.sheets()).find((s) => s.name === MATCHES)!.values;
    const line = (id: string) => matches.find((l) => l[COLUMN.id] === id)!;
    expect([line('M4')[COLUMN.origin], line('M4')[COLUMN.decidedBy], line('M4')[COLUMN.decision] || '']).toEqual(['已接受', '李会计', '']);
    expect([line('M6')[COLUMN.origin], line('M6')[COLUMN.note]]).toEqual(['已说明（无对应）', '税款由集团统一缴纳']);
    expect(line('M5')[COLUMN.origin]).toBe('手工匹配');
    expect(matches.some((l) => l[COLUMN.decision] === '手工')).toBe(false);

    // A third run, back in the first host, with nothing new: the same groups, the same ids.
    const c = await carry(b, first);
    expect(groupsByName(await run(c, '王会计', '2025-04-03T08:00:00.000Z'))).toEqual(after);
    const memory = await c.workbook.readMemory();
    expect(memory.decisions).toHaveLength(4);
    // The manual match of 广州联合电子 paid by 苏州恒达 taught an alias, once.
    expect(memory.audit.map((e) => e.action)).toEqual(['run', 'decision', 'decision', 'decision', 'decision', 'alias', 'run', 'run']);
    expect(memory.aliases).toEqual([expect.objectContaining({ ledgerName: '广州联合电子', bankName: '苏州恒达', by: '李会计' })]);
    expect(auditChainHolds(memory.audit)).toBe(true);
  });
});
