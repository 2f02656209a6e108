/**
 * Groups found by reference over the whole payment period: instalments that each quote the invoice
 * number, a transfer whose memo names the invoices it pays, however far apart in days (up to the
 * reference window); and combined payments where several subsets come close, which stay suggested.
 */
import { matchEntries, resolveMatchOptions } from '../../../src/engine/match/match-entries';
import { bankOf, ledgerOf, runRows, type EntryFields } from './entries';

const HUAXING = '苏州华兴电子有限公司';
const MINGYUAN = '郑州明远国际化工有限公司';

describe('instalments carrying the invoice number', () => {
  const invoice: EntryFields = { row: 12, date: '2025-03-03', amount: '60000.00', counterparty: HUAXING, reference: '20250417', description: '收到货款' };

  it('one invoice paid 20 days apart, each memo quoting it: one auto 1:N group', () => {
    const result = runRows(
      [invoice],
      [
        { row: 31, date: '2025-03-03', amount: '24000.00', counterparty: HUAXING, reference: '首期款 发票号20250417' },
        { row: 77, date: '2025-03-23', amount: '36000.00', counterparty: HUAXING, reference: '尾款 发票20250417' },
      ],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [12], bank: [31, 77], status: 'auto', rule: 'one-to-many', difference: '0.00' })]);
    expect(result.matches[0].codes).toEqual(expect.arrayContaining(['group-sum', 'reference-in-text', 'combination-unique']));
  });

  it('the reference written as banks write it: a prefix, spaces, full-width digits, a person paying', () => {
    const result = runRows(
      [{ row: 5, date: '2025-04-01', amount: '9000.00', counterparty: 'Horizon Trading Ltd', reference: 'INV-345678', description: 'Customer payment' }],
      [
        { row: 40, date: '2025-04-02', amount: '3000.00', counterparty: 'JAMES SMITH', description: 'FASTER PAYMENT 345678' },
        { row: 52, date: '2025-04-16', amount: '3000.00', counterparty: 'HORIZON TRADING', description: 'INV 345 678 PART 2' },
        { row: 61, date: '2025-04-29', amount: '3000.00', counterparty: 'Horizon Trading Ltd', description: 'ＩＮＶ３４５６７８ final' },
      ],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [5], bank: [40, 52, 61], status: 'auto', rule: 'one-to-many' })]);
  });

  it('names the reference as the ledger wrote it when only its number is in the bank memo (INV-25035, not INV25035)', () => {
    const result = runRows(
      [
        { row: 8, date: '2025-03-10', amount: '18250.00', counterparty: '利豐貿易有限公司', reference: 'INV-25034' },
        { row: 9, date: '2025-03-10', amount: '9750.00', counterparty: '利豐貿易有限公司', reference: 'INV-25035' },
      ],
      [{ row: 6, date: '2025-03-11', amount: '28000.00', counterparty: '', description: 'CHATS LI & FUNG TRADING LTD INV-25034/25035' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [8, 9], bank: [6], status: 'auto', rule: 'many-to-one' })]);
    const shown = result.raw.matches[0].reasons.filter((r) => r.code === 'shared-reference').map((r) => r.params.reference);
    expect(shown).toEqual(['INV-25035']);
  });

  it('beyond the reference window, or with the window set short, the far instalment is not joined', () => {
    const bank: EntryFields[] = [
      { row: 31, date: '2025-03-03', amount: '24000.00', counterparty: HUAXING, reference: '首期款 20250417' },
      { row: 77, date: '2025-03-23', amount: '36000.00', counterparty: HUAXING, reference: '尾款 20250417' },
    ];
    expect(runRows([invoice], bank, { referenceWindowDays: 10 }).matches).toEqual([]);
    expect(runRows([invoice], bank, { allowInstalments: false }).matches).toEqual([]);
  });

  it('a third line quoting the same invoice that the sum leaves out makes it a suggestion', () => {
    const result = runRows(
      [invoice],
      [
        { row: 31, date: '2025-03-03', amount: '24000.00', counterparty: HUAXING, reference: '首期款 20250417' },
        { row: 77, date: '2025-03-23', amount: '36000.00', counterparty: HUAXING, reference: '尾款 20250417' },
        { row: 90, date: '2025-03-28', amount: '1500.00', counterparty: HUAXING, reference: '运费 20250417' },
      ],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [12], bank: [31, 77], status: 'suggested', rule: 'one-to-many' })]);
  });
});

describe('a transfer naming the invoices it pays', () => {
  const invoices: EntryFields[] = [
    { row: 20, date: '2025-01-10', amount: '3900.00', counterparty: MINGYUAN, reference: '15660591', document: 'movement' },
    { row: 21, date: '2025-02-04', amount: '4100.00', counterparty: MINGYUAN, reference: '15660592' },
    { row: 22, date: '2025-02-27', amount: '5980.79', counterparty: MINGYUAN, reference: '15660593' },
  ];

  it('three invoices weeks apart, named in the memo: auto N:1', () => {
    const result = runRows(invoices, [
      { row: 300, date: '2025-03-05', amount: '13980.79', counterparty: MINGYUAN, reference: '货款 发票15660591,15660592,15660593' },
    ]);
    expect(result.matches).toEqual([
      expect.objectContaining({ ledger: [20, 21, 22], bank: [300], status: 'auto', rule: 'many-to-one', difference: '0.00' }),
    ]);
  });

  it('the memo in another text column (Entry.notes) counts too', () => {
    const bank = bankOf([{ row: 300, date: '2025-03-05', amount: '13980.79', counterparty: '张伟', description: '网银转账' }]);
    const ledger = ledgerOf(invoices);
    expect(matchEntries(ledger, bank, resolveMatchOptions()).matches).toEqual([]);
    bank[0].notes = '备注: 15660591/15660592/15660593';
    const result = matchEntries(ledger, bank, resolveMatchOptions());
    expect(result.matches.map((m) => [m.ledger, m.bank, m.status, m.rule])).toEqual([[[0, 1, 2], [0], 'auto', 'many-to-one']]);
  });
});

describe('combined payments where several subsets come close', () => {
  // Four invoices of one customer in one week; two different pairs add up to the transfer.
  const invoices: EntryFields[] = [
    { row: 2, date: '2025-03-03', amount: '1200.00', counterparty: MINGYUAN },
    { row: 3, date: '2025-03-04', amount: '1800.00', counterparty: MINGYUAN },
    { row: 4, date: '2025-03-05', amount: '1000.00', counterparty: MINGYUAN },
    { row: 5, date: '2025-03-06', amount: '2000.00', counterparty: MINGYUAN },
  ];

  it('two combinations add up: suggested, never auto, with the count of combinations', () => {
    const result = runRows(invoices, [{ row: 9, date: '2025-03-07', amount: '3000.00', counterparty: MINGYUAN }]);
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toEqual(expect.objectContaining({ bank: [9], status: 'suggested', rule: 'many-to-one' }));
    expect(result.matches[0].codes).toContain('combinations');
  });

  it('a memo naming one combination settles it', () => {
    const named = invoices.map((e, i) => ({ ...e, reference: `1566070${i}` }));
    const result = runRows(named, [{ row: 9, date: '2025-03-07', amount: '3000.00', counterparty: MINGYUAN, reference: '15660700 15660701' }]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [2, 3], bank: [9], status: 'auto', rule: 'many-to-one' })]);
  });

  it('five invoices in one transfer among close amounts of the same customer', () => {
    const many: EntryFields[] = [
      { row: 2, date: '2025-03-03', amount: '1210.00', counterparty: MINGYUAN },
      { row: 3, date: '2025-03-03', amount: '2330.50', counterparty: MINGYUAN },
      { row: 4, date: '2025-03-04', amount: '3105.20', counterparty: MINGYUAN },
      { row: 5, date: '2025-03-05', amount: '4480.00', counterparty: MINGYUAN },
      { row: 6, date: '2025-03-06', amount: '5020.35', counterparty: MINGYUAN },
      { row: 7, date: '2025-03-06', amount: '1999.99', counterparty: MINGYUAN },
    ];
    const result = runRows(many, [{ row: 9, date: '2025-03-08', amount: '16146.05', counterparty: MINGYUAN }]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [2, 3, 4, 5, 6], bank: [9], status: 'auto', rule: 'many-to-one' })]);
  });
});
