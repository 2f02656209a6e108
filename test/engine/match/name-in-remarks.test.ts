/** Banks often write the payer's name in the reference or note column (備註, 附言), not the description. */
import { runRows } from './entries';

describe('a name written in the reference column', () => {
  it('counts as the name written in the text', () => {
    const result = runRows(
      [{ row: 8, date: '2025-03-12', amount: '185000', counterparty: '大同精密工業股份有限公司', description: '收款' }],
      [{ row: 3, date: '2025-03-12', amount: '185000', description: '匯入匯款', reference: '大同精密工業' }],
    );
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [8], bank: [3], status: 'auto' })]);
    expect(result.matches[0].codes).toContain('name-in-text');
  });
});

describe("a person's name written as a word of the description", () => {
  // Payroll: two salaries of 5,000.00 on the 12th, the bank paid 李四 a day late. Only the names
  // tell the lines apart; a 2-character name is too short for the in-text rule, but 工资 张三 writes it
  // as a word of its own.
  const ledger = [
    { row: 6, date: '2025-05-12', amount: '-5000.00', description: '工资 张三' },
    { row: 7, date: '2025-05-12', amount: '-5000.00', description: '工资 李四' },
  ];
  it('pairs each salary with its payee', () => {
    const result = runRows(ledger, [
      { row: 10, date: '2025-05-13', amount: '-5000.00', counterparty: '李四', description: '网银转账' },
      { row: 11, date: '2025-05-12', amount: '-5000.00', counterparty: '张三', description: '网银转账' },
    ]);
    expect(result.matches.map((m) => [m.ledger, m.bank, m.status])).toEqual([
      [[6], [11], 'auto'],
      [[7], [10], 'auto'],
    ]);
    expect(result.matches[0].codes).toContain('name-in-text');
  });
  it('but not inside a longer run of characters: 张三 is not 张三丰', () => {
    const result = runRows([{ row: 6, date: '2025-05-12', amount: '-5000.00', description: '工资张三丰' }], [
      { row: 11, date: '2025-05-12', amount: '-5000.00', counterparty: '张三', description: '网银转账' },
    ]);
    expect(result.matches[0].codes).not.toContain('name-in-text');
  });
});

describe("a person's name inside a 摘要 written without spaces", () => {
  // Found with a household book against the real 农业银行 export: 哈哈还钱 and 收李四货款 named the payer
  // as plainly as 工资 张三, and the 10,000.00 waited as a round sum with no name.
  const bank = [{ row: 2, date: '2024-01-01', amount: '10000.00', counterparty: '哈哈', description: '转存' }];
  it.each(['哈哈还钱', '收哈哈转账', '收到哈哈的借款'])('finds the payer in %s', (description) => {
    const result = runRows([{ row: 3, date: '2024-01-01', amount: '10000.00', description }], bank);
    expect(result.matches).toEqual([expect.objectContaining({ ledger: [3], bank: [2], status: 'auto' })]);
    expect(result.matches[0].codes).toContain('name-in-text');
  });
  it('but not where the characters run on into another word', () => {
    const result = runRows([{ row: 3, date: '2024-01-01', amount: '10000.00', description: '哈哈镜维修' }], bank);
    expect(result.matches[0].codes).not.toContain('name-in-text');
  });
});

describe('a company written whole inside a 摘要, and a channel glued to the name', () => {
  it('finds ABC公司 in 收ABC公司货款 (ABC alone is too short to count)', () => {
    const result = runRows(
      [{ row: 3, date: '2023-04-14', amount: '1234.56', description: '收ABC公司货款' }],
      [{ row: 12, date: '2023-04-14', amount: '1234.56', counterparty: 'ABC公司', description: '工资' }],
    );
    expect(result.matches[0].codes).toContain('name-in-text');
  });
  it('reads 微信支付北京一卡通 as 北京一卡通', () => {
    const result = runRows(
      [{ row: 5, date: '2024-01-02', amount: '-10.00', counterparty: '北京一卡通', description: '交通卡充值' }],
      [{ row: 3, date: '2024-01-02', amount: '-10.00', counterparty: '微信支付北京一卡通', description: '财付通' }],
    );
    expect(result.matches[0]).toEqual(expect.objectContaining({ status: 'auto' }));
    expect(result.matches[0].codes).toContain('names-agree');
  });
});
