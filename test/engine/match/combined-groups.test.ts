/** Pass 3: N:1 (one transfer for several invoices) and 1:N (instalments), by bounded exact sums. */
import { runRows, type EntryFields } from './entries';

const MINGYUAN = '郑州明远国际化工有限公司';

describe('many-to-one pass', () => {
  const invoices: EntryFields[] = [
    { row: 42, date: '2025-03-01', amount: '3900.00', counterparty: MINGYUAN, description: '收回货款 发票15660591' },
    { row: 43, date: '2025-03-01', amount: '4100.00', counterparty: MINGYUAN, description: '银行收款 发票15660592' },
    { row: 44, date: '2025-03-01', amount: '5980.79', counterparty: MINGYUAN, description: '收回货款 发票15660593' },
    { row: 45, date: '2025-03-02', amount: '6400.00', counterparty: MINGYUAN, description: '收回货款 发票15660594' },
  ];

  it('finds the invoices one transfer pays', () => {
    const result = runRows(invoices, [{ row: 212, date: '2025-03-04', amount: '20380.79', counterparty: MINGYUAN, description: '汇入汇款' }]);
    expect(result.matches).toEqual([
      expect.objectContaining({ ledger: [42, 43, 44, 45], bank: [212], status: 'auto', rule: 'many-to-one', difference: '0.00' }),
    ]);
    expect(result.raw.matches[0].reasons[0]).toEqual({ code: 'group-sum', params: { count: 4, side: 'ledger' } });
    expect(result.matches[0].codes).toContain('combination-unique');
  });

  it('ties the lines by the invoice numbers in the memo when a person pays', () => {
    const result = runRows(invoices.slice(0, 2), [
      { row: 212, date: '2025-03-04', amount: '8000.00', counterparty: '张伟', reference: '15660591, 15660592' },
    ]);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [42, 43], bank: [212], status: 'auto', rule: 'many-to-one' })]);
  });

  it('does not combine lines of another customer', () => {
    const result = runRows(
      [invoices[0], { ...invoices[1], counterparty: '西安方通环保科技股份有限公司' }],
      [{ row: 212, date: '2025-03-04', amount: '8000.00', counterparty: MINGYUAN }],
    );
    expect(result.matches).toEqual([]);
  });

  it('is switched off by allowCombined and limited by maxGroupSize', () => {
    const bank = [{ row: 212, date: '2025-03-04', amount: '20380.79', counterparty: MINGYUAN }];
    expect(runRows(invoices, bank, { allowCombined: false }).matches).toEqual([]);
    expect(runRows(invoices, bank, { maxGroupSize: 3 }).matches).toEqual([]);
  });
});

describe('one-to-many pass', () => {
  it('ties a payroll to the bank lines that name its three-letter payroll company', () => {
    const result = runRows(
      [
        { row: 15, date: '2025-03-14', amount: '-9486.22', counterparty: 'ADP', description: 'Payroll 03/14/25' },
        { row: 16, date: '2025-03-14', amount: '-1345.72', counterparty: 'Comcast Business', description: 'Internet' },
      ],
      [
        { row: 13, date: '2025-03-14', amount: '-1345.72', description: 'ADP Tax          ADP Tax    250314 9KWL3 031402A01' },
        { row: 14, date: '2025-03-14', amount: '-8140.50', description: 'ADP WAGE PAY     WAGE PAY   250314 541877 9KWL3' },
        { row: 20, date: '2025-03-15', amount: '-1345.72', description: 'COMCAST 8771 CABLE' },
      ],
    );
    const payroll = result.matches.find((m) => m.ledger.includes(15));
    expect(payroll).toEqual(expect.objectContaining({ ledger: [15], bank: [13, 14], rule: 'one-to-many', difference: '0.00' }));
    expect(payroll?.codes).toContain('name-in-text');
  });

  it('finds an invoice paid in instalments', () => {
    const result = runRows(
      [{ row: 198, date: '2025-03-04', amount: '46000.00', counterparty: '重庆明嘉贸易有限公司', description: '收明嘉货款 发票15660589' }],
      [
        { row: 188, date: '2025-03-03', amount: '9200.00', counterparty: '重庆明嘉贸易有限公司', reference: '首期款 15660589' },
        { row: 223, date: '2025-03-04', amount: '36800.00', counterparty: '重庆明嘉贸易有限公司', reference: '尾款' },
      ],
    );
    expect(result.matches).toEqual([
      expect.objectContaining({ ledger: [198], bank: [188, 223], status: 'auto', rule: 'one-to-many', difference: '0.00' }),
    ]);
    expect(result.raw.matches[0].reasons[0]).toEqual({ code: 'group-sum', params: { count: 2, side: 'bank' } });
  });

  it('is switched off by allowInstalments alone, leaving combined payments on', () => {
    const ledger = [{ row: 198, date: '2025-03-04', amount: '46000.00', counterparty: '重庆明嘉贸易有限公司', description: '收明嘉货款 发票15660589' }];
    const bank = [
      { row: 188, date: '2025-03-03', amount: '9200.00', counterparty: '重庆明嘉贸易有限公司', reference: '首期款 15660589' },
      { row: 223, date: '2025-03-04', amount: '36800.00', counterparty: '重庆明嘉贸易有限公司', reference: '尾款' },
    ];
    expect(runRows(ledger, bank, { allowInstalments: false }).matches.filter((m) => m.rule === 'one-to-many')).toEqual([]);
    expect(runRows(ledger, bank, { allowCombined: false }).matches).toEqual([
      expect.objectContaining({ ledger: [198], bank: [188, 223], rule: 'one-to-many' }),
    ]);
  });

  it('suggests, and says so, when several combinations add up', () => {
    const result = runRows(
      [{ row: 5, date: '2025-03-04', amount: '2000.00', counterparty: 'Westpark Services Ltd' }],
      [
        { row: 11, date: '2025-03-02', amount: '1000.00', counterparty: 'WESTPARK SERVICES LTD' },
        { row: 12, date: '2025-03-03', amount: '1000.00', counterparty: 'WESTPARK SERVICES LTD' },
        { row: 13, date: '2025-03-05', amount: '1000.00', counterparty: 'WESTPARK SERVICES LTD' },
      ],
    );
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ status: 'suggested', rule: 'one-to-many' });
    expect(result.raw.matches[0].reasons).toContainEqual({ code: 'combinations', params: { count: 3 } });
    expect(result.unmatchedBank).toHaveLength(1);
  });
});
