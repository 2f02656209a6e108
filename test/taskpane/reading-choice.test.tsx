/** @jest-environment jsdom */
/**
 * A ledger the reader cannot read with confidence (a 发票号 column, 摘要 that say nothing, a bank export
 * of another month, so no data to decide): the pane says so, shows each reading with what it gives,
 * and reruns with the one the user picks.
 */
import './jsdom-structured-clone';
import { fireEvent, render, screen, waitFor, within, configure } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { chooseSheet } from './choose-sheet';

// A bound on waiting, not a timing assertion.
configure({ asyncUtilTimeout: 15000 });

const JOURNAL = [
  ['日期', '凭证号', '摘要', '客户名称', '发票号', '借方金额', '贷方金额'],
  ['2025-03-03', '记-001', '货款', '上海华东贸易有限公司', '25311201', 12800, null],
  ['2025-03-04', '记-002', '货款', '杭州明达电子有限公司', '25311207', 3460.5, null],
  ['2025-03-05', '记-003', '货款', '苏州恒通物流有限公司', null, null, 8000],
];
const BANK = [
  ['交易日期', '摘要', '对方户名', '借方发生额', '贷方发生额'],
  ['2025-06-03', '转账收入', '某公司', null, 1000],
  ['2025-06-04', '转账支出', '某公司', 50, null],
];

describe('a doubtful reading in the pane', () => {
  it('is shown with each reading’s figures, and picking one reruns with it', async () => {
    const workbook = new MemoryWorkbook([
      { name: 'Journal', values: JOURNAL },
      { name: 'Bank', values: BANK },
    ]);
    render(<App workbook={workbook} engine={new InProcessEngineClient()} initialLocale="en" />);
    const ledger = await chooseSheet('1. Ledger', 'Journal', /3 entries read/);
    await chooseSheet('2. Bank statement', 'Bank', /2 entries read/);

    // before the run: the ledger's own evidence is close
    expect(within(ledger).getByText(/How to read this side is doubtful/)).toBeTruthy();
    expect(within(ledger).getByRole('radio', { name: 'cash journal (银行存款日记账)' })).toBeTruthy();

    await waitFor(() => expect((screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    // after it: the data could not decide either (another month), so the figures say 0 for each reading
    const pick = await within(result).findByRole('radio', { name: 'cash journal (银行存款日记账): 0 of 3 lines meet the other side' });
    expect(within(result).getByRole('radio', { name: 'receivables ledger (应收账款明细账): 0 of 1 lines meet the other side' })).toBeTruthy();

    fireEvent.click(pick);
    await waitFor(() => expect((within(ledger).getByRole('combobox', { name: 'Kind of book' }) as HTMLSelectElement).value).toBe('cash-journal'));
    // rerun with the chosen kind: nothing left to ask
    await waitFor(() => expect(screen.queryByText(/How to read this side is doubtful/)).toBeNull());
    await screen.findByRole('region', { name: 'Result' });
  });
});
