/**
 * Learned aliases, in every host: a teammate accepts 张伟's payment for 上海恒丰贸易有限公司 by typing
 * into the Matches sheet; the next run (another host) learns the pair, writes it to the Aliases
 * sheet, and auto-matches 张伟's other payment with a reason naming the alias. The user then
 * deletes that row and types a pair of their own: the run after honours both (the deleted pair is
 * not re-learned from the accept, which still stands; the typed pair makes its match auto).
 */
import type { ReconcileResult } from '../../../src/engine';
import type { CellValue } from '../../../src/engine/types';
import { formatReasons } from '../../../src/i18n/reasons';
import { auditChainHolds } from '../../../src/workbook/layout/audit-log';
import { carry, HOSTS, openHost, type Host, type HostKind, type SheetData } from './hosts';
import { runWithMemory } from './run-with-memory';

const LEDGER = '日记账';
const BANK = '银行流水';
const MATCHES = '匹配结果';
const ALIASES = '户名别名';
const AUDIT = '审计日志';
const DECISION_COLUMN = 14;

const LEDGER_VALUES: CellValue[][] = [
  ['日期', '凭证号', '摘要', '对方单位', '借方', '贷方', '余额'],
  ['2025-03-03', '记-01', '收货款', '上海恒丰贸易有限公司', 50000, null, 50000],
  ['2025-03-05', '记-02', '付运费', '北京顺达物流有限公司', null, 3560.4, 46439.6],
  ['2025-03-20', '记-03', '收货款', '上海恒丰贸易有限公司', 30000, null, 76439.6],
  ['2025-03-25', '记-04', '收货款', '广州联合电子有限公司', 8000, null, 84439.6],
];

const BANK_VALUES: CellValue[][] = [
  ['中国建设银行 账户明细', null, null, null, null, null, null],
  ['户名: 上海某某贸易有限公司', null, null, null, null, null, null],
  ['交易日期', '对方户名', '摘要', '借方发生额', '贷方发生额', '余额', '流水号'],
  ['20250304', '张伟', '转账', null, '50,000.00', '50,000.00', 'B0001'],
  ['20250305', '北京顺达物流有限公司', '运费', '3,560.40', null, '46,439.60', 'B0002'],
  ['20250321', '张伟', '转账', null, '30,000.00', '76,439.60', 'B0003'],
  ['20250326', '李娜', '转账', null, '8,000.00', '84,439.60', 'B0004'],
];

const run = (host: Host, user: string, ranAt: string) => runWithMemory(host.workbook, LEDGER, BANK, { user, ranAt });

/** Each ledger row's group: origin, and whether its reasons name an alias. */
function byLedgerRow(result: ReconcileResult): Record<number, { origin: string; bank: number[]; why: string }> {
  const out: Record<number, { origin: string; bank: number[]; why: string }> = {};
  for (const m of result.matches) {
    out[result.ledger.entries[m.ledger[0]].row] = { origin: m.origin ?? m.status, bank: m.bank.map((i) => result.bank.entries[i].row), why: formatReasons(m.reasons, 'zh-CN') };
  }
  return out;
}

function edit(sheets: SheetData[], name: string, change: (values: CellValue[][]) => CellValue[][]): SheetData[] {
  return sheets.map((s) => (s.name === name ? { ...s, values: change(s.values.map((line) => [...line])) } : s));
}

const valuesOf = async (host: Host, name: string) => (await host.sheets()).find((s) => s.name === name)!.values;
/** The pair rows of the Aliases sheet (below its note and header), trailing empties dropped. */
const aliasRows = async (host: Host) => (await valuesOf(host, ALIASES)).slice(2).map((line) => line.map((v) => v ?? '').slice(0, 5));

describe.each(HOSTS)('aliases learned in a workbook from the %s host', (first: HostKind) => {
  it.each(HOSTS)('are written, used, edited by hand and honoured in the %s host', async (second: HostKind) => {
    const a = await openHost(first, [{ name: LEDGER, values: LEDGER_VALUES }, { name: BANK, values: BANK_VALUES }]);
    const before = byLedgerRow(await run(a, '王会计', '2025-04-01T08:00:00.000Z'));
    // A person paying round sums for a company: only suggested, and the Aliases sheet is there, empty.
    expect([before[2].origin, before[3].origin, before[4].origin, before[5].origin]).toEqual(['suggested', 'auto', 'suggested', 'suggested']);
    expect(await aliasRows(a)).toEqual([]);
    expect((await valuesOf(a, ALIASES))[1]).toEqual(['账簿户名', '银行户名', '添加人', '添加时间', '备注']);

    // A teammate without the add-in accepts the 50,000.00 from 张伟 (the first match, M1).
    const matches = await valuesOf(a, MATCHES);
    expect(matches[1][0]).toBe('M1');
    const accepted = edit(await a.sheets(), MATCHES, (v) => {
      v[1][DECISION_COLUMN] = '接受';
      return v;
    });
    const b = await openHost(second, accepted);
    const learned = byLedgerRow(await run(b, '李会计', '2025-04-02T08:00:00.000Z'));
    expect(learned[2]).toMatchObject({ origin: 'accepted', bank: [4] });
    // 张伟's other payment is auto in the same run, and says why.
    expect(learned[4]).toMatchObject({ origin: 'auto', bank: [6] });
    expect(learned[4].why).toContain('张伟 是 上海恒丰贸易有限公司 的已知别名（李会计 于 2025-04-02 添加）');
    expect(learned[5].origin).toBe('suggested');
    expect(await aliasRows(b)).toEqual([['上海恒丰贸易有限公司', '张伟', '李会计', '2025-04-02T08:00:00.000Z', 'D1 M1（接受）时学到']]);

    // The user deletes that row and types a pair of their own (who and when left empty).
    const handEdited = edit(await b.sheets(), ALIASES, (v) => [v[0], v[1], ['广州联合电子有限公司', '李娜', null, null, '法人代表个人账户付款']]);
    const c = await openHost(first, handEdited);
    const after = byLedgerRow(await run(c, '王会计', '2025-04-03T08:00:00.000Z'));
    expect(after[2].origin).toBe('accepted'); // the accept stands
    expect(after[4].origin).toBe('suggested'); // its alias is gone, and not learned again
    expect(after[4].why).not.toContain('别名');
    expect(after[5]).toMatchObject({ origin: 'auto', bank: [7] });
    expect(after[5].why).toContain('李娜 是 广州联合电子有限公司 的已知别名（王会计 于 2025-04-03 添加）');
    expect(await aliasRows(c)).toEqual([['广州联合电子有限公司', '李娜', '王会计', '2025-04-03T08:00:00.000Z', '法人代表个人账户付款']]);

    // The Audit log says what happened to the aliases, and its chain holds.
    const memory = await c.workbook.readMemory();
    const aliasLines = memory.audit.filter((e) => e.action === 'alias').map((e) => [e.by, e.detail]);
    expect(aliasLines).toEqual([
      ['李会计', '学到别名：张伟 → 上海恒丰贸易有限公司（D1）'],
      ['王会计', '别名表中删除，不再使用：张伟 → 上海恒丰贸易有限公司'],
      ['王会计', '别名表中新增：李娜 → 广州联合电子有限公司'],
    ]);
    expect(auditChainHolds(memory.audit)).toBe(true);
    expect((await valuesOf(c, AUDIT)).some((line) => line[3] === '别名')).toBe(true);

    // One more run with nothing new: the same groups, the same aliases, no new alias lines.
    const d = await carry(c, second);
    expect(byLedgerRow(await run(d, '王会计', '2025-04-04T08:00:00.000Z'))).toEqual(after);
    expect(await aliasRows(d)).toEqual(await aliasRows(c));
    expect((await d.workbook.readMemory()).audit.filter((e) => e.action === 'alias')).toHaveLength(3);
  });
});
