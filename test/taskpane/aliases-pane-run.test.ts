/**
 * Aliases through the pane's own run path (run-reconciliation with the in-process engine) on the
 * Office fake and the memory workbook: an accept made with the pane's button (a pane edit the run
 * takes in) teaches its pair; that run writes the Aliases sheet and auto-matches the same payer's
 * other payment; a row the user leaves half filled is reported in
 * the run summary, never guessed at.
 */
import type { SheetEdit } from '../../src/engine/decisions/decision';
import type { CellValue } from '../../src/engine/types';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { matchDefaults } from '../../src/taskpane/engine/engine-tasks';
import { runReconciliation } from '../../src/taskpane/state/run-reconciliation';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import type { Workbook } from '../../src/workbook/workbook';
import { FakeExcel } from '../fake-excel';
import { officeWorkbook } from '../workbook/office/fixtures';

const LEDGER = '银行存款日记账';
const BANK = '建行流水';

const LEDGER_VALUES: CellValue[][] = [
  ['日期', '凭证号', '摘要', '对方单位', '借方', '贷方', '余额'],
  ['2025-03-03', '记-01', '收货款', '上海恒丰贸易有限公司', 50000, '', 50000],
  ['2025-03-05', '记-02', '付运费', '北京顺达物流有限公司', '', 3560.4, 46439.6],
  ['2025-03-20', '记-03', '收货款', '上海恒丰贸易有限公司', 30000, '', 76439.6],
];
const BANK_VALUES: CellValue[][] = [
  ['交易日期', '对方户名', '摘要', '借方发生额', '贷方发生额', '余额', '流水号'],
  ['20250304', '张伟', '转账', '', '50,000.00', '50,000.00', 'B0001'],
  ['20250305', '北京顺达物流有限公司', '运费', '3,560.40', '', '46,439.60', 'B0002'],
  ['20250321', '张伟', '转账', '', '30,000.00', '76,439.60', 'B0003'],
];

interface PaneHost {
  workbook: Workbook;
  /** A user typing into a row of a sheet (1-based row, from column A); returns the workbook after. */
  type(sheet: string, row: number, values: string[]): Promise<Workbook>;
}

function hosts(): [string, () => PaneHost][] {
  return [
    [
      'memory',
      () => {
        const workbook = new MemoryWorkbook([{ name: LEDGER, values: LEDGER_VALUES }, { name: BANK, values: BANK_VALUES }]);
        return {
          workbook,
          // The memory workbook has no cell editing: the edited workbook is the same sheets, reopened.
          type: async (sheet, row, values) =>
            new MemoryWorkbook(
              workbook.allSheets().map((s) => {
                if (s.name !== sheet) return s;
                const grid = s.values.map((line) => [...line]);
                while (grid.length < row) grid.push([]);
                values.forEach((v, c) => (grid[row - 1][c] = v));
                return { ...s, values: grid };
              }),
            ),
        };
      },
    ],
    [
      'office',
      () => {
        const fake = new FakeExcel();
        fake.addSheet(LEDGER, LEDGER_VALUES.map((r) => r.map((v) => v ?? '')), 'A1', 'Visible');
        fake.addSheet(BANK, BANK_VALUES.map((r) => r.map((v) => v ?? '')), 'A1', 'Visible');
        const workbook = officeWorkbook(fake);
        return {
          workbook,
          type: async (sheet, row, values) => {
            await fake.run(async (context) => {
              const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row - 1, 0, 1, values.length);
              range.values = [values];
            });
            return workbook;
          },
        };
      },
    ],
  ];
}

const runPane = (workbook: Workbook, user: string, paneEdits?: SheetEdit[]) =>
  runReconciliation(workbook, new InProcessEngineClient(), {
    ledgerAddress: LEDGER, bankAddress: BANK, ledgerOptions: {}, bankOptions: {}, match: matchDefaults(), locale: 'zh-CN', user,
    ...(paneEdits && { paneEdits }),
  });

/** What the pane's Accept button hands the run (DecisionsPanel → ReconPane → runReconciliation). */
const acceptInPane = (matchId: string, by: string, at: string): SheetEdit => ({ kind: 'accept', matchId, ledgerRows: [], bankRows: [], reason: '', by, at, source: 'pane' });

const rowsOf = async (workbook: Workbook, sheet: string) => (await workbook.readValues(sheet)).values;

describe.each(hosts())('aliases from the pane on the %s host', (_name, open) => {
  it('an accept in the pane teaches its pair; the run writes it and uses it', async () => {
    const { workbook } = open();
    await runPane(workbook, '王会计');
    const first = await workbook.readMemory();
    expect(first.groups.map((g) => [g.id, g.origin])).toEqual([['M1', 'suggested'], ['M2', 'auto'], ['M3', 'suggested']]);

    const summary = await runPane(workbook, '王会计', [acceptInPane('M1', '王会计', '2025-04-01T09:00:00.000Z')]);
    const memory = await workbook.readMemory();
    expect(memory.groups.map((g) => [g.id, g.origin])).toEqual([['M1', 'accepted'], ['M2', 'auto'], ['M3', 'auto']]);
    expect(memory.aliases).toEqual([expect.objectContaining({ ledgerName: '上海恒丰贸易有限公司', bankName: '张伟', by: '王会计', at: '2025-04-01T09:00:00.000Z' })]);
    const aliases = await rowsOf(workbook, '户名别名');
    expect(aliases[2].slice(0, 4)).toEqual(['上海恒丰贸易有限公司', '张伟', '王会计', '2025-04-01T09:00:00.000Z']);
    const matches = await rowsOf(workbook, '匹配结果');
    expect(matches.find((l) => l[0] === 'M3')![11]).toContain('张伟 是 上海恒丰贸易有限公司 的已知别名（王会计 于 2025-04-01 添加）');
    expect(summary.aliasProblems).toEqual([]);
  });

  it('a half-filled row in the Aliases sheet is reported in the summary and kept', async () => {
    const host = open();
    await runPane(host.workbook, '王会计');
    // The user types only a bank name on the row under the header (row 3), as they would in Excel.
    expect(await rowsOf(host.workbook, '户名别名')).toHaveLength(2);
    const workbook = await host.type('户名别名', 3, ['', '张伟']);
    const summary = await runPane(workbook, '王会计');
    expect(summary.aliasProblems).toEqual(['户名别名 第 3 行：A 列（账簿户名）为空，应填写户名；此行未使用']);
    expect((await rowsOf(workbook, '户名别名'))[2].slice(0, 2)).toEqual(['', '张伟']);
    expect((await workbook.readMemory()).groups.find((g) => g.id === 'M3')!.origin).toBe('suggested');
  });
});
