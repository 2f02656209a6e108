/**
 * What the month-end papers list, from files as clerks keep them: a voucher reversed in red ink and a
 * bank's 冲正 are not deposits in transit or payments not presented, a journal's 对方科目 names the
 * customer, and a bank line whose only words are in 附言 is named by them.
 */
import { reconcile } from '../../../src/engine';
import { buildReconciliation } from '../../../src/engine/report/reconciliation';
import type { CellValue } from '../../../src/engine/types';

const ledger: CellValue[][] = [
  ['日期', '凭证字号', '摘要', '对方科目', '借方金额', '贷方金额', '余额'],
  ['2025-04-01', '', '期初余额', '', '', '', '100000.00'],
  ['2025-04-02', '记-0003', '收到货款', '应收账款-杭州宏远纺织有限公司', '28600.00', '', '128600.00'],
  ['2025-04-08', '记-0015', '支付办公费', '管理费用-办公费', '', '3200.00', '125400.00'],
  ['2025-04-09', '记-0017', '冲销记-0015', '管理费用-办公费', '', '-3200.00', '128600.00'],
  ['2025-04-09', '记-0018', '支付办公费', '管理费用-办公费', '', '2312.40', '126287.60'],
];
const bank: CellValue[][] = [
  ['交易日期', '收入金额', '支出金额', '余额', '对方户名', '摘要'],
  ['2025-04-02', '28600.00', '', '128600.00', '杭州宏远纺织有限公司', '货款'],
  ['2025-04-09', '', '2312.40', '126287.60', '绍兴市越城区文具批发部', '办公用品'],
  ['2025-04-12', '', '800.00', '125487.60', '国网浙江省电力有限公司', '代扣电费'],
  ['2025-04-12', '800.00', '', '126287.60', '国网浙江省电力有限公司', '冲正 代扣电费'],
];

describe('reversals in the reconciliation', () => {
  const result = reconcile({ cells: ledger }, { cells: bank });

  it('reads the customer named in 对方科目 as the line’s text: a round receipt is matched by name', () => {
    const receipt = result.matches.find((m) => m.ledger.some((i) => result.ledger.entries[i].row === 3));
    expect(receipt).toEqual(expect.objectContaining({ status: 'auto', rule: 'amount-date' }));
    expect(receipt!.reasons.map((r) => r.code)).toContain('name-in-text');
  });

  it('leaves the reversed voucher and the bank’s 冲正 out of the outstanding items, and the statement balances', () => {
    const { statement, discrepancies } = buildReconciliation(result);
    const s = statement!;
    expect(s.bank.add.items).toEqual([]);
    expect(s.bank.subtract.items).toEqual([]);
    expect(s.book.add.items).toEqual([]);
    expect(s.book.subtract.items).toEqual([]);
    expect(s.book.adjusted!.toFixed(2)).toBe('126287.60');
    expect(s.bank.adjusted!.toFixed(2)).toBe('126287.60');
    // the bank's pair is only suggested: it waits in the suggested section, as bank lines cancelling each other
    const suggested = discrepancies.lines.filter((l) => l.section === 'suggested');
    expect(suggested).toEqual([expect.objectContaining({ side: 'bank', rows: [4, 5], amount: expect.anything(), otherSide: 'ledger', otherRows: [] })]);
    expect(suggested[0].amount.toFixed(2)).toBe('0.00');
    expect(discrepancies.sections.find((x) => x.section === 'ledger-only')!.count).toBe(0);
  });
});

describe('a bank export whose only text column is 附言', () => {
  const result = reconcile(
    { cells: [['日期', '摘要', '借方', '贷方', '余额'], ['2025-05-06', '收到货款', '18450.00', '', '70760.25']] },
    {
      cells: [
        ['交易日期', '借贷标志', '交易金额', '对方户名', '附言', '账户余额'],
        ['20250506', '贷', '18450.00', 'ACME HOME GOODS INC', 'INV-25031', '70760.25'],
        ['20250509', '借', '25.00', '', 'OUTWARD REMITTANCE CHARGE', '70735.25'],
      ],
    },
  );

  it('names a bank charge in the statement and the discrepancy sheet by what 附言 says', () => {
    const { statement, discrepancies } = buildReconciliation(result);
    expect(statement!.book.subtract.items).toEqual([expect.objectContaining({ rows: [3], description: 'OUTWARD REMITTANCE CHARGE' })]);
    expect(discrepancies.lines.find((l) => l.rows[0] === 3)!.reason.code).toBe('bank-charge');
  });
});

describe('a journal kept since February against a March bank export', () => {
  const journal = (feb: [string, string, string][]): CellValue[][] => {
    const rows: CellValue[][] = [['日期', '凭证号', '摘要', '借方金额', '贷方金额', '余额'], ['2025-02-01', '', '期初余额', '', '', '200000.00']];
    let balance = 200000;
    const add = (date: string, voucher: string, memo: string, amount: number) => {
      balance = Math.round((balance + amount) * 100) / 100;
      rows.push([date, voucher, memo, amount > 0 ? amount.toFixed(2) : '', amount < 0 ? (-amount).toFixed(2) : '', balance.toFixed(2)]);
    };
    for (const [date, voucher, amount] of feb) add(date, voucher, '二月业务', Number(amount));
    add('2025-03-04', '记-03-002', '收货款', 15800);
    add('2025-03-31', '记-03-027', '收货款', 4400);
    return rows;
  };
  const february: [string, string, string][] = [['2025-02-05', '记-02-003', '12000'], ['2025-02-12', '记-02-010', '-8600'], ['2025-02-26', '记-02-021', '5300.50']];
  const bank = (opening: string): CellValue[][] => {
    const start = Number(opening);
    return [
      ['交易日期', '摘要', '收入金额', '支出金额', '余额'],
      ['2025-03-01', '承前余额', '', '', opening],
      ['2025-03-04', '货款', '15800.00', '', (start + 15800).toFixed(2)],
      ['2025-03-31', '手续费', '', '12.00', (start + 15800 - 12).toFixed(2)],
    ];
  };

  it('leaves February out of the statement when the bank’s opening equals the journal at the end of February, and says why', () => {
    const result = reconcile({ cells: journal(february) }, { cells: bank('208700.50') });
    const { statement, discrepancies } = buildReconciliation(result);
    expect(statement!.bank.add.items.map((i) => i.rows[0])).toEqual([7]);
    expect(statement!.bank.subtract.items).toEqual([]);
    expect(statement!.unexplained!.toFixed(2)).toBe('0.00');
    const earlier = discrepancies.lines.filter((l) => l.section === 'ledger-only' && l.rows[0] < 6);
    expect(earlier.map((l) => [l.rows[0], l.reason.code])).toEqual([[3, 'settled-before'], [4, 'settled-before'], [5, 'settled-before']]);
    expect(discrepancies.risks.filter((r) => r.entry.side === 'ledger')).toEqual([]);
  });

  it('keeps them as items when the openings differ (a February cheque may still be outstanding)', () => {
    const result = reconcile({ cells: journal(february) }, { cells: bank('217300.50') });
    const { statement } = buildReconciliation(result);
    expect(statement!.bank.subtract.items.map((i) => i.rows[0])).toEqual([4]);
    expect(statement!.bank.add.items.map((i) => i.rows[0])).toEqual([3, 5, 7]);
  });
});

describe('往来对账: our receivables ledger of one customer against the customer’s own payables ledger', () => {
  const ours: CellValue[][] = [
    ['客户：苏州恒通机电设备有限公司'],
    ['日期', '凭证号', '摘要', '发票号', '借方', '贷方', '余额'],
    ['2025-04-03', '记-0012', '销售商品', '04518821', '35600.00', '', '122000.00'],
    ['2025-04-08', '记-0025', '收到货款', '', '', '50000.00', '72000.00'],
    ['2025-04-30', '记-0071', '销售商品', '04518951', '9750.00', '', '81750.00'],
  ];
  const theirs: CellValue[][] = [
    ['应付账款明细账'],
    ['日期', '凭证字号', '摘要', '借方金额', '贷方金额', '余额'],
    ['2025-04-06', '转-15', '采购材料 发票04518821', '', '35600.00', '122000.00'],
    ['2025-04-07', '付-08', '支付货款', '50000.00', '', '72000.00'],
    ['2025-04-30', '付-22', '支付货款（承兑汇票）', '20000.00', '', '52000.00'],
  ];
  const result = reconcile({ cells: ours }, { cells: theirs });

  it('takes a round payment as sure: every line is between the same two companies', () => {
    expect(result.bank.kind).toBe('payables-ledger');
    const payment = result.matches.find((m) => m.ledger.some((i) => result.ledger.entries[i].row === 4));
    expect(payment).toEqual(expect.objectContaining({ status: 'auto', rule: 'amount-date' }));
  });

  it('says "in our books only" and "in their books only", never deposits in transit or the bank', () => {
    const { discrepancies } = buildReconciliation(result);
    expect(discrepancies.against).toBe('counterparty');
    const codes = discrepancies.lines.map((l) => [l.section, l.rows[0], l.reason.code]);
    expect(codes).toEqual([['ledger-only', 5, 'only-ours-document'], ['bank-only', 5, 'only-theirs-cash']]);
  });
});
