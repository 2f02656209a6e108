/** @jest-environment jsdom */
/**
 * A UK book (day first) against a Canadian export (month first), every date fitting either order:
 * the lines meet only when the two sides are read the other way round from each other, and nothing
 * tells which side writes the day first. The pane says so after the run, offers both, and reruns with
 * the one the user picks; the side's date order can also be set before, and is kept in the workbook.
 */
import './jsdom-structured-clone';
import { fireEvent, render, screen, waitFor, within, configure } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { chooseSheet } from './choose-sheet';

// A bound on waiting, not a timing assertion.
configure({ asyncUtilTimeout: 15000 });

const BOOK = [
  ['Date', 'Payee', 'Payment', 'Deposit'],
  ['01/05/2023', 'Dollarama', 1.96, null],
  ['01/05/2023', 'T&T Supermarket', 12.1, null],
  ['02/05/2023', 'Interac e-Transfer', 239.13, null],
  ['03/05/2023', 'Development MSP', null, 332.22],
];
const BANK = [
  ['Date', 'Description', 'Withdrawals', 'Deposits', 'Balance'],
  ['05/01/2023', 'DOLLARAMA # 845', 1.96, null, 13.04],
  ['05/01/2023', 'T T SUPERMARKET', 12.1, null, 15.0],
  ['05/02/2023', 'SEND E-TFR', 239.13, null, 93.09],
  ['05/03/2023', 'DEVELOPM MSP', null, 332.22, 332.22],
];

describe('dates in opposite orders on the two sides, in the pane', () => {
  it('are asked about after the run, and picking the side that writes the day first reruns with it', async () => {
    const workbook = new MemoryWorkbook([
      { name: 'Book', values: BOOK },
      { name: 'Bank', values: BANK },
    ]);
    render(<App workbook={workbook} engine={new InProcessEngineClient()} initialLocale="en" />);
    const ledger = await chooseSheet('1. Ledger', 'Book', /4 entries read/);
    await chooseSheet('2. Bank statement', 'Bank', /4 entries read/);
    // each side alone: its dates fit either order, read month-first for now, and the order can be set
    const order = within(ledger).getByRole('combobox', { name: 'Date order' }) as HTMLSelectElement;
    expect(order.value).toBe('auto');
    expect(within(ledger).getByRole('option', { name: 'Automatic (now month/day/year)' })).toBeTruthy();
    expect(within(ledger).getByText('Dates such as 01/05/2023 fit either order')).toBeTruthy();

    await waitFor(() => expect((screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(await within(result).findByText(/The two sides write dates in opposite orders/)).toBeTruthy();
    fireEvent.click(within(result).getByRole('radio', { name: 'The ledger writes day/month/year (such as 01/05/2023)' }));

    await waitFor(() => expect(order.value).toBe('DMY'));
    await waitFor(() => expect(screen.queryByText(/The two sides write dates in opposite orders/)).toBeNull());
    await screen.findByRole('region', { name: 'Result' });
    // the choice is kept in the workbook for a teammate
    await waitFor(async () => expect((await workbook.readMemory()).settings.ledger?.dateOrder).toBe('DMY'));
  });
});
