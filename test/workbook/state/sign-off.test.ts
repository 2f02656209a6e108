/**
 * The reviewer's sign-off (复核) in every host: a sign-off run over unchanged results is kept in the
 * state, shown on the Summary and logged; carried to another host and run again, it is cleared and
 * the Summary says by whom it had been given; asked for over results that changed, it is refused.
 */
import type { CellValue } from '../../../src/engine/types';
import { auditChainHolds } from '../../../src/workbook/layout/audit-log';
import { BANK_SHEET, BANK_VALUES, LEDGER_SHEET, LEDGER_VALUES } from '../memory/sample-sheets';
import { carry, HOSTS, openHost, type Host, type SheetData } from './hosts';
import { runWithMemory } from './run-with-memory';

const SUMMARY = '对账汇总';
const run = (host: Host, user: string, ranAt: string, signOff?: { by: string; at: string }) =>
  runWithMemory(host.workbook, LEDGER_SHEET, BANK_SHEET, { user, ranAt, ...(signOff && { signOff }) });

async function reviewLine(host: Host): Promise<CellValue> {
  const summary = (await host.sheets()).find((s) => s.name === SUMMARY)!.values;
  return summary.find((line) => line[0] === '复核')?.[1] ?? null;
}

describe.each(HOSTS)('sign-off written in the %s host', (first) => {
  it.each(HOSTS)('is cleared by a re-run in the %s host, and says so', async (second) => {
    const a = await openHost(first, [{ name: LEDGER_SHEET, values: LEDGER_VALUES }, { name: BANK_SHEET, values: BANK_VALUES }]);
    await run(a, '王会计', '2025-04-01T08:00:00.000Z');
    expect(await reviewLine(a)).toBe('未复核');
    await run(a, '赵主管', '2025-04-01T09:00:00.000Z', { by: '赵主管', at: '2025-04-01T09:00:00.000Z' });
    expect(await a.workbook.readMemory()).toMatchObject({ signOff: { by: '赵主管', at: '2025-04-01T09:00:00.000Z' } });
    expect(await reviewLine(a)).toBe('已复核：赵主管，2025-04-01T09:00:00.000Z');

    const b = await carry(a, second);
    expect((await b.workbook.readMemory()).signOff).toEqual({ by: '赵主管', at: '2025-04-01T09:00:00.000Z' });
    await run(b, '王会计', '2025-04-02T08:00:00.000Z');
    const memory = await b.workbook.readMemory();
    expect(memory.signOff).toBeNull();
    expect(await reviewLine(b)).toBe('未复核：赵主管 于 2025-04-01T09:00:00.000Z 的复核因本次对账失效，请重新复核');
    expect(memory.audit.map((e) => e.action)).toEqual(['run', 'run', 'sign-off', 'sign-off', 'run']);
    expect(auditChainHolds(memory.audit)).toBe(true);
  });
});

it('a sign-off over results that changed since they were shown is refused, with the count of changes', async () => {
  const a = await openHost('memory', [{ name: LEDGER_SHEET, values: LEDGER_VALUES }, { name: BANK_SHEET, values: BANK_VALUES }]);
  await run(a, '王会计', '2025-04-01T08:00:00.000Z');
  // Someone deletes the freight payment from the bank export before the reviewer signs off.
  const sheets: SheetData[] = (await a.sheets()).map((s) => (s.name === BANK_SHEET ? { ...s, values: s.values.filter((line) => line[1] !== '北京顺达物流有限公司') } : s));
  const b = await openHost('memory', sheets);
  await run(b, '赵主管', '2025-04-01T09:00:00.000Z', { by: '赵主管', at: '2025-04-01T09:00:00.000Z' });
  const memory = await b.workbook.readMemory();
  expect(memory.signOff).toBeNull();
  expect(await reviewLine(b)).toBe('未复核：结果与复核人看到的不同（1 处变化），请检查后再复核');
  expect(memory.audit.at(-1)).toMatchObject({ action: 'sign-off', by: '赵主管' });
});
