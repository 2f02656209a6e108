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
