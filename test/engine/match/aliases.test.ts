/**
 * Counterparty aliases as evidence: a pair a person confirmed (the bank's 张伟 pays for the ledger's
 * 上海恒丰贸易有限公司) counts as names that agree. It can make a pair auto that would otherwise only
 * be suggested, but only when nothing else in the window could be it.
 */
import Decimal from 'decimal.js';
import type { NameAlias } from '../../../src/engine/match/aliases';
import { formatReason } from '../../../src/i18n/reasons';
import { runRows, type EntryFields } from './entries';

const HENGFENG: NameAlias = { ledgerName: '上海恒丰贸易有限公司', bankName: '张伟', by: '王会计', at: '2025-04-01T08:00:00.000Z' };
const ACME: NameAlias = { ledgerName: 'Acme Industrial Supply LLC', bankName: 'ACME IND SUP', by: 'Jane Doe', at: '2025-04-02T09:30:00.000Z' };

// A round sum from a person: on its own, never enough to match automatically.
const LEDGER: EntryFields[] = [{ row: 5, date: '2025-03-03', amount: '50000.00', counterparty: '上海恒丰贸易有限公司', description: '收恒丰货款' }];
const BANK: EntryFields[] = [{ row: 12, date: '2025-03-04', amount: '50000.00', counterparty: '张伟', description: '转账' }];

describe('aliases in the matcher', () => {
  it('without the alias, a person paying a round sum for a company is only suggested', () => {
    const result = runRows(LEDGER, BANK);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [5], bank: [12], status: 'suggested' })]);
    expect(result.matches[0].codes).not.toContain('known-alias');
  });

  it('with the alias, the same pair is auto and the reason names the alias, who added it and when', () => {
    const result = runRows(LEDGER, BANK, {}, [HENGFENG]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [5], bank: [12], status: 'auto', rule: 'amount-date' })]);
    const reason = result.raw.matches[0].reasons.find((r) => r.code === 'known-alias')!;
    expect(formatReason(reason, 'en')).toBe('张伟 is a known alias of 上海恒丰贸易有限公司, added by 王会计 on 2025-04-01');
    expect(formatReason(reason, 'zh-CN')).toBe('张伟 是 上海恒丰贸易有限公司 的已知别名（王会计 于 2025-04-01 添加）');
    expect(formatReason(reason, 'zh-TW')).toBe('张伟 是 上海恒丰贸易有限公司 的已知別名（王会计 於 2025-04-01 新增）');
  });

  it('reads the alias the way names are compared: a traditional-script export, spaces and width', () => {
    const result = runRows(LEDGER, [{ ...BANK[0], counterparty: ' 張偉 ' }], {}, [HENGFENG]);
    expect(result.matches[0].status).toBe('auto');
  });

  it('counts an alias written the other way round (bank name in the ledger column)', () => {
    const swapped = { ...HENGFENG, ledgerName: '张伟', bankName: '上海恒丰贸易有限公司' };
    expect(runRows(LEDGER, BANK, {}, [swapped]).matches[0].status).toBe('auto');
  });

  it('a rival of the same amount in the window still blocks auto: the alias ranks, a person confirms', () => {
    const ledger: EntryFields[] = [
      ...LEDGER,
      { row: 6, date: '2025-03-04', amount: '50000.00', counterparty: '北京顺达物流有限公司', description: '收顺达货款' },
    ];
    const withAlias = runRows(ledger, BANK, {}, [HENGFENG]);
    // The alias picks the right ledger line, but 张伟 might pay for 顺达 too: suggested.
    expect(withAlias.matches).toEqual([expect.objectContaining({ ledger: [5], bank: [12], status: 'suggested' })]);
    expect(withAlias.matches[0].codes).toContain('known-alias');
    expect(withAlias.unmatchedLedger).toEqual([6]);
  });

  it('two ledger lines of the aliased company are rivals too: neither is auto', () => {
    const ledger: EntryFields[] = [...LEDGER, { row: 7, date: '2025-03-05', amount: '50000.00', counterparty: '上海恒丰贸易有限公司', description: '收恒丰货款' }];
    const result = runRows(ledger, BANK, {}, [HENGFENG]);
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0].status).toBe('suggested');
    expect(result.matches[0].codes).toContain('ambiguous');
  });

  it('an English abbreviation: "ACME IND SUP" is Acme Industrial Supply LLC once a person said so', () => {
    const ledger: EntryFields[] = [{ row: 3, date: '2025-03-10', amount: '12000.00', counterparty: 'Acme Industrial Supply LLC', reference: 'INV-1001' }];
    const bank: EntryFields[] = [{ row: 8, date: '2025-03-12', amount: '12000.00', counterparty: 'ACME IND SUP', description: 'ACH CREDIT' }];
    expect(runRows(ledger, bank).matches[0].status).toBe('suggested');
    const result = runRows(ledger, bank, {}, [ACME]);
    expect(result.matches[0].status).toBe('auto');
    expect(formatReason(result.raw.matches[0].reasons.find((r) => r.code === 'known-alias')!, 'en')).toBe(
      'ACME IND SUP is a known alias of Acme Industrial Supply LLC, added by Jane Doe on 2025-04-02',
    );
  });

  it('an alias between two companies overrides "different names", but never turns a wrong amount into a match', () => {
    const group: NameAlias = { ledgerName: '杭州明远科技有限公司', bankName: '明远控股集团（香港）有限公司', by: '王会计', at: '2025-04-01' };
    const ledger: EntryFields[] = [{ row: 2, date: '2025-03-06', amount: '6800.00', counterparty: '杭州明远科技有限公司' }];
    const bank: EntryFields[] = [
      { row: 9, date: '2025-03-07', amount: '6800.00', counterparty: '明远控股集团（香港）有限公司' },
      { row: 10, date: '2025-03-07', amount: '6801.00', counterparty: '明远控股集团（香港）有限公司' },
    ];
    const without = runRows(ledger, bank, { tolerance: new Decimal(0) });
    expect(without.matches).toEqual([expect.objectContaining({ bank: [9], status: 'suggested', codes: expect.arrayContaining(['names-differ']) })]);
    const result = runRows(ledger, bank, { tolerance: new Decimal(0) }, [group]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [2], bank: [9], status: 'auto' })]);
    expect(result.unmatchedBank).toEqual([10]);
  });

  it('ignores an alias row missing a name, and an empty list changes nothing', () => {
    const incomplete = { ...HENGFENG, bankName: '  ' };
    expect(runRows(LEDGER, BANK, {}, [incomplete]).matches[0].status).toBe('suggested');
    expect(runRows(LEDGER, BANK, {}, []).raw).toEqual(runRows(LEDGER, BANK).raw);
  });
});
