/** Which decisions teach an alias: a person put rows of two differently named counterparties together. */
import type { Decision, DecisionReport, RowKey } from '../../../src/engine/decisions/decision';
import { aliasesFromDecisions } from '../../../src/engine/decisions/learn-aliases';

let row = 1;
const key = (side: 'ledger' | 'bank', counterparty: string): RowKey => ({
  side, row: row++, date: '2025-03-04', amount: '50000.00', counterparty, reference: '', fingerprint: `f${row}#1`,
});

function report(id: string, kind: Decision['kind'], ledger: string[], bank: string[], outcome: DecisionReport['outcome'] = 'applied'): DecisionReport {
  const decision: Decision = {
    id, kind, ledger: ledger.map((n) => key('ledger', n)), bank: bank.map((n) => key('bank', n)),
    reason: '', by: '王会计', at: '2025-04-01T08:00:00.000Z', source: 'sheet', ...(kind === 'accept' && { matchId: 'M7' }),
  };
  return { decision, outcome, missing: [] };
}

describe('aliases learned from decisions', () => {
  it('an accepted match of a person paying for a company teaches the pair, with who and when', () => {
    expect(aliasesFromDecisions([report('D1', 'accept', ['上海恒丰贸易有限公司'], ['张伟'])], new Set())).toEqual([
      { ledgerName: '上海恒丰贸易有限公司', bankName: '张伟', by: '王会计', at: '2025-04-01T08:00:00.000Z', decision: 'D1', kind: 'accept', matchId: 'M7' },
    ]);
  });

  it('a manual match of several invoices of one customer paid by another name teaches it too', () => {
    const learned = aliasesFromDecisions([report('D2', 'manual', ['Acme Industrial Supply LLC', 'ACME INDUSTRIAL SUPPLY LLC'], ['ACME IND SUP'])], new Set());
    expect(learned.map((a) => [a.ledgerName, a.bankName, a.kind])).toEqual([['Acme Industrial Supply LLC', 'ACME IND SUP', 'manual']]);
  });

  it.each([
    ['names the matcher already reads as one (truncated, traditional)', report('D1', 'accept', ['北京华兴贸易有限公司'], ['北京華興貿易有限'])],
    ['a bank line paying two different customers', report('D1', 'manual', ['上海恒丰贸易有限公司', '北京顺达物流有限公司'], ['张伟'])],
    ['a bank line without a name', report('D1', 'accept', ['上海恒丰贸易有限公司'], [''])],
    ['a payment platform, which pays for anyone', report('D1', 'accept', ['上海恒丰贸易有限公司'], ['支付宝（中国）网络技术有限公司'])],
    ['a clearing account', report('D1', 'accept', ['Acme Industrial Supply LLC'], ['STRIPE PAYMENTS UK LTD'])],
    ['a rejected match', report('D1', 'reject', ['上海恒丰贸易有限公司'], ['张伟'])],
    ['a row explained on its own', report('D1', 'explained', [], ['张伟'])],
    ['an accept overruled by a later decision', report('D1', 'accept', ['上海恒丰贸易有限公司'], ['张伟'], 'superseded')],
    ['an accept whose rows are gone', report('D1', 'accept', ['上海恒丰贸易有限公司'], ['张伟'], 'not-found')],
  ])('nothing is learned from %s', (_what, decision) => {
    expect(aliasesFromDecisions([decision], new Set())).toEqual([]);
  });

  it('a decision is learned from once: after that its id is skipped (a deleted alias is not re-added)', () => {
    expect(aliasesFromDecisions([report('D1', 'accept', ['上海恒丰贸易有限公司'], ['张伟'])], new Set(['D1']))).toEqual([]);
  });
});
