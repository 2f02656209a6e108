/** Pass 2: equal amount within the date window, decided by names; never a coin toss. */
import { matchOfLedgerRow, runRows } from './entries';

describe('amount-date pass', () => {
  it('auto-matches the only entry of that amount in the window', () => {
    const result = runRows(
      [{ row: 4, date: '2025-03-03', amount: '6832.17', counterparty: '重庆永和物流有限公司', description: '收永和货款' }],
      [{ row: 9, date: '2025-03-01', amount: '6832.17', counterparty: '重庆永和物流有限公司', description: '跨行汇款' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [4], bank: [9], status: 'auto', rule: 'amount-date', difference: '0.00' })]);
    expect(result.matches[0].codes).toEqual(['same-amount', 'names-agree', 'date-gap', 'unique-candidate']);
  });

  it('lets names decide between two customers paying the same amount in the same week', () => {
    // Dates are crossed: by date alone the wrong pairs would look closer.
    const result = runRows(
      [
        { row: 2, date: '2025-03-05', amount: '5000.00', counterparty: '苏州佳联贸易股份有限公司' },
        { row: 3, date: '2025-03-03', amount: '5000.00', counterparty: '合肥安远新能源有限公司' },
      ],
      [
        { row: 7, date: '2025-03-03', amount: '5000.00', counterparty: '苏州佳联贸易股份有限公司' },
        { row: 8, date: '2025-03-05', amount: '5000.00', counterparty: '合肥安远新能源有限公司' },
      ],
    );
    expect(result.matches.map((m) => [m.ledger, m.bank, m.status])).toEqual([
      [[2], [7], 'auto'],
      [[3], [8], 'auto'],
    ]);
  });

  it('never auto-matches two equal candidates that nothing tells apart', () => {
    const result = runRows(
      [
        { row: 2, date: '2025-03-03', amount: '2380.50', description: '收货款' },
        { row: 3, date: '2025-03-04', amount: '2380.50', description: '收货款' },
      ],
      [
        { row: 7, date: '2025-03-04', amount: '2380.50', counterparty: '张伟' },
        { row: 8, date: '2025-03-05', amount: '2380.50', counterparty: '李娜' },
      ],
    );
    expect(result.matches).toHaveLength(2);
    for (const m of result.matches) {
      expect(m.status).toBe('suggested');
      expect(m.codes).toContain('ambiguous');
    }
    expect(result.raw.matches[0].reasons).toContainEqual({ code: 'ambiguous', params: { candidates: 2 } });
  });

  it('takes a person paying for the company as no evidence, not as evidence against', () => {
    const result = runRows(
      [{ row: 4, date: '2025-03-10', amount: '18638.07', counterparty: '杭州光通实业有限公司' }],
      [{ row: 9, date: '2025-03-12', amount: '18638.07', counterparty: '肖欣怡', reference: '代光通付货款' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ status: 'auto', rule: 'amount-date' })]);
  });

  it('holds back two different companies and only suggests them at the end', () => {
    const result = runRows(
      [{ row: 4, date: '2025-03-10', amount: '9800.00', counterparty: '合肥安远新能源有限公司' }],
      [{ row: 9, date: '2025-03-12', amount: '9800.00', counterparty: '瑞凯（武汉）商贸有限公司' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ status: 'suggested', rule: 'amount-date' })]);
    expect(result.matches[0].codes).toContain('names-differ');
  });

  it('prefers an exact combination to a same-amount pair whose memo names other invoices', () => {
    const result = runRows(
      [
        { row: 20, date: '2025-03-20', amount: '9500.00', counterparty: '重庆永和物流有限公司', reference: '15661717' },
        { row: 30, date: '2025-03-25', amount: '5800.00', counterparty: '重庆永和物流有限公司', reference: '15662137' },
        { row: 31, date: '2025-03-25', amount: '3700.00', counterparty: '重庆永和物流有限公司', reference: '15662138' },
      ],
      [{ row: 40, date: '2025-03-25', amount: '9500.00', counterparty: '重庆永和物流有限公司', reference: '15662137,15662138' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [30, 31], bank: [40], rule: 'many-to-one', status: 'auto' })]);
    expect(result.unmatchedLedger).toEqual([20]);
  });

  it('does not auto-match a round sum with no name to back it', () => {
    const result = runRows(
      [{ row: 4, date: '2025-03-10', amount: '5000.00', description: '收货款' }],
      [{ row: 9, date: '2025-03-11', amount: '5000.00', counterparty: '王芳' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ status: 'suggested', rule: 'amount-date' })]);
    // and says so: "the only candidate" alone left the user asking why it waits for them
    expect(result.matches[0].codes).toEqual(['same-amount', 'date-gap', 'unique-candidate', 'round-sum-no-name']);
  });

  it('matches a round sum both sides describe as the same kind of movement (cash drawn, wages)', () => {
    // a clerk pairs the book's ATM取现 with the bank's 银联ATM取款 of the same day without a second look
    const atm = runRows(
      [{ row: 4, date: '2024-01-20', amount: '-1000.00', description: 'ATM取现' }],
      [{ row: 5, date: '2024-01-20', amount: '-1000.00', description: '银联ATM取款' }],
    );
    expect(atm.matches).toEqual([expect.objectContaining({ status: 'auto', rule: 'amount-date' })]);
    expect(atm.matches[0].codes).toEqual(['same-amount', 'same-day', 'same-movement-kind', 'unique-candidate']);
    const payroll = runRows(
      [{ row: 4, date: '2025-03-10', amount: '-48000.00', description: 'Staff wages March' }],
      [{ row: 9, date: '2025-03-10', amount: '-48000.00', description: 'PAYROLL BATCH 0310' }],
    );
    expect(payroll.matches[0].status).toBe('auto');
    // between the holder's own accounts, in words that differ: savings / MONEY MARKET
    const savings = runRows(
      [{ row: 4, date: '2021-12-16', amount: '-5000.00', description: 'Transfer to savings' }],
      [{ row: 9, date: '2021-12-18', amount: '-5000.00', description: 'TRANSFER TO MBR ***0123 ACCT 3 - MONEY MARKET' }],
    );
    expect(savings.matches[0].status).toBe('auto');
    // different kinds, words inside other words (taxi), and a rival of the same kind in the window: still asked
    for (const [ledgerWords, bankWords] of [
      ['ATM取现', '代发工资'],
      ['Taxi to airport', 'TAX PAYMENT'],
      ['Supermarket', 'MONEY MARKET'],
      ['支付货款（含税）', '代扣税款'],
    ]) {
      const result = runRows(
        [{ row: 4, date: '2025-03-10', amount: '-500.00', description: ledgerWords }],
        [{ row: 9, date: '2025-03-10', amount: '-500.00', description: bankWords }],
      );
      expect(result.matches[0].status).toBe('suggested');
      expect(result.matches[0].codes).toContain('round-sum-no-name');
    }
    const rivals = runRows(
      [{ row: 4, date: '2024-01-20', amount: '-1000.00', description: 'ATM取现' }],
      [
        { row: 5, date: '2024-01-20', amount: '-1000.00', description: '银联ATM取款' },
        { row: 6, date: '2024-01-21', amount: '-1000.00', description: 'ATM取款' },
      ],
    );
    expect(rivals.matches[0].status).toBe('suggested');
  });

  it('takes the bank’s internal account on an interest line for no other name (交通银行 应付个人活期储蓄存款利息)', () => {
    const interest = runRows(
      [{ row: 3, date: '2024-03-03', amount: '0.02', description: '利息收入', counterparty: '交通银行' }],
      [{ row: 4, date: '2024-03-03', amount: '0.02', description: '存款利息', counterparty: '应付个人活期储蓄存款利息' }],
    );
    expect(interest.matches).toEqual([expect.objectContaining({ status: 'auto', rule: 'amount-date' })]);
    // a service fee invoiced by one company is not paid by another: still two names that differ
    const fee = runRows(
      [{ row: 3, date: '2025-03-03', amount: '-3600.00', description: '技术服务费', counterparty: '合肥安远新能源有限公司' }],
      [{ row: 4, date: '2025-03-03', amount: '-3600.00', description: '服务费', counterparty: '瑞凯（武汉）商贸有限公司' }],
    );
    expect(fee.matches[0].status).toBe('suggested');
    expect(fee.matches[0].codes).toContain('names-differ');
  });

  it('wants agreeing names for a unique pair when strict', () => {
    const rows = {
      ledger: [{ row: 4, date: '2025-03-10', amount: '1234.56', description: '收货款' }],
      bank: [{ row: 9, date: '2025-03-11', amount: '1234.56', counterparty: '王芳' }],
    };
    expect(runRows(rows.ledger, rows.bank).matches[0].status).toBe('auto');
    expect(runRows(rows.ledger, rows.bank, { nameStrictness: 'strict' }).matches[0].status).toBe('suggested');
  });

  it('looks no further than the date window', () => {
    const ledger = [{ row: 4, date: '2025-03-01', amount: '777.77', counterparty: 'Acme Trading Ltd' }];
    const bank = [{ row: 9, date: '2025-03-11', amount: '777.77', counterparty: 'ACME TRADING LIMITED' }];
    expect(runRows(ledger, bank).matches).toEqual([]);
    expect(matchOfLedgerRow(runRows(ledger, bank, { dateWindowDays: 10 }), 4)?.status).toBe('auto');
  });

  it('finds the customer’s own payment among many of the same round amount (a busy day)', () => {
    // Twenty people pay 5,000.00 around the ledger date; the company's own transfer is five days later.
    const crowd = Array.from({ length: 20 }, (_, i) => ({ row: 100 + i, date: `2025-03-${String(9 + (i % 3)).padStart(2, '0')}`, amount: '5000.00', counterparty: `Person ${i}` }));
    const result = runRows(
      [{ row: 4, date: '2025-03-10', amount: '5000.00', counterparty: '合肥安远新能源有限公司' }],
      [...crowd, { row: 200, date: '2025-03-15', amount: '5000.00', counterparty: '合肥安远新能源有限公司' }],
    );
    expect(matchOfLedgerRow(result, 4)).toMatchObject({ bank: [200], status: 'auto', rule: 'amount-date' });
  });

  it('does not match across currencies', () => {
    const result = runRows(
      [{ row: 4, date: '2025-03-10', amount: '1500.00', counterparty: 'Acme Trading Ltd', currency: 'USD' }],
      [{ row: 9, date: '2025-03-10', amount: '1500.00', counterparty: 'ACME TRADING LIMITED', currency: 'CNY' }],
    );
    expect(result.matches).toEqual([]);
  });
});

describe('amount-date pass: lines that are the same line again', () => {
  // The real 浦发 export: three fund purchases of 3.88 to one payee, on 12-3 and twice on 12-5, against
  // a book of 12-3, 12-5 and 12-6. Whichever bank line a book line takes, the reconciliation reads
  // the same; each was left for the user to confirm ("3 entries fit equally well").
  const bank = [
    { row: 3, date: '2025-12-03', amount: '-3.88', counterparty: '基金销售有限公司', description: '网上支付-支付宝' },
    { row: 5, date: '2025-12-05', amount: '-3.88', counterparty: '基金销售有限公司', description: '网上支付-支付宝' },
    { row: 6, date: '2025-12-05', amount: '-3.88', counterparty: '基金销售有限公司', description: '网上支付-支付宝' },
  ];
  it('takes the nearest by date, automatically, and says why', () => {
    const result = runRows(
      [
        { row: 5, date: '2025-12-03', amount: '-3.88', description: '支付宝购买基金' },
        { row: 7, date: '2025-12-05', amount: '-3.88', description: '基金定投' },
        { row: 8, date: '2025-12-06', amount: '-3.88', description: '基金定投' },
      ],
      bank,
    );
    expect(result.matches.map((m) => [m.ledger, m.bank, m.status])).toEqual([
      [[5], [3], 'auto'],
      [[7], [5], 'auto'],
      [[8], [6], 'auto'],
    ]);
    expect(result.matches[0].codes).toContain('interchangeable');
  });
  it('but not lines that name no one: two unnamed 5,000.00 stay suggestions', () => {
    const result = runRows(
      [
        { row: 2, date: '2025-03-05', amount: '5000.00', description: '收货款' },
        { row: 3, date: '2025-03-07', amount: '5000.00', description: '收货款' },
      ],
      [
        { row: 7, date: '2025-03-05', amount: '5000.00', description: '转账' },
        { row: 8, date: '2025-03-07', amount: '5000.00', description: '转账' },
      ],
    );
    expect(result.matches.map((m) => m.status)).toEqual(['suggested', 'suggested']);
  });
  it('nor a line whose rivals differ: two payees of 3.88 stay for the user', () => {
    const result = runRows(
      [{ row: 5, date: '2025-12-03', amount: '-3.88', description: '支付宝购买基金' }],
      [bank[0], { ...bank[1], counterparty: '基金销售服务有限公司' }],
    );
    expect(result.matches[0].status).toBe('suggested');
  });
});

describe('amount-date pass: the one left when the rivals went to their own names', () => {
  // A company's ICBC journal (probe against the real ICBC export): 1,234.56 out on 4-20 to 招行信用卡
  // (the bank says 掌上生活还款) and on 4-25 to 张三. Once 张三's line took 张三's, the 4-20 line had only
  // the same-day bank line left, yet it waited as "2 entries fit equally well".
  const bank = [
    { row: 11, date: '2023-04-20', amount: '-1234.56', counterparty: '', description: '掌上生活还款' },
    { row: 14, date: '2023-04-25', amount: '-1234.56', counterparty: '张三', description: '转账' },
  ];
  it('is matched automatically, and the reason says the others are taken', () => {
    const result = runRows(
      [
        { row: 12, date: '2023-04-20', amount: '-1234.56', description: '招行信用卡还款' },
        { row: 15, date: '2023-04-25', amount: '-1234.56', counterparty: '张三', description: '付张三' },
      ],
      bank,
    );
    expect(matchOfLedgerRow(result, 15)).toMatchObject({ bank: [14], status: 'auto' });
    expect(matchOfLedgerRow(result, 12)).toMatchObject({ bank: [11], status: 'auto' });
    expect(matchOfLedgerRow(result, 12)!.codes).toContain('others-settled');
  });
  it('but not when a rival went only to a suggestion: two unnamed lines stay for the user', () => {
    const result = runRows(
      [
        { row: 12, date: '2023-04-20', amount: '-1234.56', description: '招行信用卡还款' },
        { row: 15, date: '2023-04-25', amount: '-1234.56', description: '付款' },
      ],
      bank.map((b) => ({ ...b, counterparty: '' })),
    );
    expect(result.matches.map((m) => m.status)).toEqual(['suggested', 'suggested']);
  });
});
