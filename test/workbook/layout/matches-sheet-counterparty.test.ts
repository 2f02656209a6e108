/**
 * 往来对账's Matches sheet says 对方 where a bank reconciliation's says 银行, and what a teammate types
 * into it is read back all the same (the header is recognised by either word, in any language).
 */
import { reconcile } from '../../../src/engine';
import { buildReport } from '../../../src/engine/report/build-report';
import type { Locale } from '../../../src/i18n/locale';
import { readDecisionColumn } from '../../../src/workbook/layout/decision-column';
import { buildMatchesSheet } from '../../../src/workbook/layout/matches-sheet';
import { OUR_PAYABLES, SUPPLIER_STATEMENT } from '../../fixtures/supplier-ledgers';

describe('the Matches sheet of a 往来对账', () => {
  const result = reconcile({ cells: [...OUR_PAYABLES] }, { cells: [...SUPPLIER_STATEMENT] }, { ledger: { kind: 'payables-ledger' } });
  const sheet = (locale: Locale) => buildMatchesSheet(buildReport(result), locale, 'Matches');

  it('heads the other side\'s columns 对方, in every language', () => {
    expect(sheet('zh-CN').values[0]).toEqual(expect.arrayContaining(['对方行号', '对方金额']));
    expect(sheet('zh-CN').values[0]).not.toContain('银行行号');
    expect(sheet('zh-TW').values[0]).toEqual(expect.arrayContaining(['對方列號', '對方金額']));
    expect(sheet('en').values[0]).toEqual(expect.arrayContaining(['Their rows', 'Their amount']));
  });

  it('reads back a decision typed into it', () => {
    const values = sheet('zh-CN').values.map((row) => [...row]);
    const decision = values[0].indexOf('决定（接受/拒绝）') >= 0 ? values[0].indexOf('决定（接受/拒绝）') : values[0].findIndex((h) => String(h).startsWith('决定'));
    values[1][decision] = '拒绝';
    const { edits, unread } = readDecisionColumn(values, '张会计', '2025-05-02T08:00:00Z');
    expect(unread).toEqual([]);
    expect(edits).toEqual([expect.objectContaining({ kind: 'reject' })]);
  });
});
