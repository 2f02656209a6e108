/** @jest-environment jsdom */
/**
 * People decide in the pane, on the Excel fake (real-Excel rules on) through OfficeWorkbook: a
 * clerk types her name once, runs, accepts the suggested office-supplies pair, unmatches an
 * automatic match, matches rows she selects in Excel by hand, explains a tax payment with no
 * counterpart, and a reviewer signs off; a later run clears the sign-off and says so. Each
 * decision is stored with who and when, written to the Audit log, and the outputs are refreshed.
 * A teammate opening the same workbook then finds the same set-up in the pane.
 */
import './jsdom-structured-clone';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { auditChainHolds } from '../../src/workbook/layout/audit-log';
import type { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { FakeExcel } from '../fake-excel';
import { officeWorkbook } from '../workbook/office/fixtures';
import { BANK_SHEET, BANK_VALUES, LEDGER_SHEET, LEDGER_VALUES } from '../workbook/memory/sample-sheets';

// The fake answers its syncs on Node's setImmediate, which jsdom does not have.
if (typeof globalThis.setImmediate === 'undefined') {
  (globalThis as { setImmediate?: unknown }).setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(callback, 0, ...args);
}

// A bound on waiting, not a timing assertion: a loaded machine may take a while to match.
configure({ asyncUtilTimeout: 20000 });

function books(): FakeExcel {
  const fake = new FakeExcel();
  const stored = (rows: typeof LEDGER_VALUES) => rows.map((line) => line.map((v) => (v === null ? '' : v))) as Parameters<FakeExcel['addSheet']>[1];
  fake.addSheet(LEDGER_SHEET, stored(LEDGER_VALUES));
  fake.addSheet(BANK_SHEET, stored(BANK_VALUES));
  fake.activate(LEDGER_SHEET);
  return fake;
}

const region = (name: string) => screen.getByRole('region', { name });
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

/** The values of an output sheet, by its name. */
function sheetValues(fake: FakeExcel, name: string): unknown[][] {
  const sheet = fake.model.liveSheets().find((s) => s.name === name)!;
  return sheet.values.rows.map((row) => (row ? Array.from({ length: row.length }, (_, c) => row[c] ?? null) : []));
}

async function runAndWait(label: string | RegExp) {
  await screen.findByText(label);
  await waitFor(() => expect(screen.queryByText(/^(Reading|Matching|Writing|Reporting)/)).toBeNull());
}

async function openAndRun(fake: FakeExcel, workbook: OfficeWorkbook, setUp: () => Promise<void> = async () => {}) {
  render(<App workbook={workbook} engine={new InProcessEngineClient()} initialLocale="en" />);
  fireEvent.change(screen.getByRole('textbox', { name: /Your name/ }), { target: { value: '王会计' } });
  const ledger = region('1. Ledger');
  fake.select(LEDGER_SHEET, 'A1:G9');
  fireEvent.click(within(ledger).getByRole('button', { name: 'Use current selection' }));
  await within(ledger).findByText(/7 entries read/);
  const bank = region('2. Bank statement');
  fireEvent.change(within(bank).getByRole('combobox', { name: 'Or a whole sheet' }), { target: { value: BANK_SHEET } });
  await within(bank).findByText(/6 entries read/);
  await setUp();
  await waitFor(() => expect(button('Reconcile').disabled).toBe(false));
  fireEvent.click(button('Reconcile'));
  await screen.findByText(/^Match rate/);
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('deciding in the pane on the Excel fake', () => {
  it('accept, unmatch, manual N:M from the selection, explained, sign-off; each stored, audited and written', async () => {
    const fake = books();
    const workbook = officeWorkbook(fake);
    await openAndRun(fake, workbook);
    const decide = region('6. Decide and sign off');

    // The suggested 980.00 / 975.00 office-supplies pair is listed; accept it (it keeps the rule that found it).
    const suggestions = within(decide).getByRole('list', { name: 'Suggested matches (1)' });
    expect(within(suggestions).getByRole('listitem').textContent).toContain('M4: ledger row(s) 6 -980.00, bank row(s) 9 -975.00, 深圳佳美办公用品');
    const suggestedRule = (await workbook.readMemory()).groups.find((g) => g.id === 'M4')!.rule;
    expect(suggestedRule).toBeDefined();
    expect(suggestedRule).not.toBe('manual');
    fireEvent.click(within(decide).getByRole('button', { name: 'Accept M4' }));
    await screen.findByText('Recorded: accept (王会计); the results are written again');
    let memory = await workbook.readMemory();
    expect(memory.decisions.map((d) => [d.id, d.kind, d.matchId, d.by, d.source])).toEqual([['D1', 'accept', 'M4', '王会计', 'pane']]);
    expect(memory.groups.find((g) => g.id === 'M4')).toMatchObject({ origin: 'accepted', rule: suggestedRule });
    expect(memory.audit.map((e) => [e.action, e.by])).toEqual([['run', '王会计'], ['decision', '王会计'], ['run', '王会计']]);
    const matchLine = (id: string) => sheetValues(fake, 'Matches').find((line) => line[0] === id)!;
    expect(matchLine('M4')).toContain('Accepted');
    expect(matchLine('M4')).toContain('王会计');

    // Unmatch the automatic freight match by its id; an unknown id is refused with the reason.
    const idField = within(region('6. Decide and sign off')).getByRole('textbox', { name: 'Unmatch a match (its id)' });
    fireEvent.change(idField, { target: { value: 'M9' } });
    fireEvent.click(within(region('6. Decide and sign off')).getByRole('button', { name: 'Unmatch' }));
    expect(screen.getByText('The last run has no match M9')).toBeTruthy();
    fireEvent.change(idField, { target: { value: 'm2' } });
    fireEvent.click(within(region('6. Decide and sign off')).getByRole('button', { name: 'Unmatch' }));
    await screen.findByText('Recorded: unmatch (王会计); the results are written again');
    memory = await workbook.readMemory();
    expect(memory.groups.map((g) => g.id)).not.toContain('M2');

    // By hand: 广州联合电子's receipt (ledger row 8) paid as 苏州恒达's 3,000.00 plus the 25.00 line (bank rows 10, 11): N:M from two selections.
    const panel = () => region('6. Decide and sign off');
    fake.select(LEDGER_SHEET, 'B8:D8');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add the selected rows' }));
    await within(panel()).findByText('Ledger rows 8; bank rows —');
    fake.select(BANK_SHEET, 'A10:G11');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add the selected rows' }));
    await within(panel()).findByText('Ledger rows 8; bank rows 10, 11');
    // A selection in neither range is refused, never guessed.
    fake.select(BANK_SHEET, 'A1:C3');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add the selected rows' }));
    await within(panel()).findByText('The selection is the header or title lines, not entries');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Match these rows' }));
    expect(within(panel()).getByText('Give a reason')).toBeTruthy();
    fireEvent.change(within(panel()).getByRole('combobox', { name: /Reason/ }), { target: { value: '同一集团代付' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Match these rows' }));
    await screen.findByText('Recorded: manual match (王会计); the results are written again');
    memory = await workbook.readMemory();
    const manual = memory.decisions.find((d) => d.kind === 'manual')!;
    expect([manual.ledger.map((k) => k.row), manual.bank.map((k) => k.row), manual.reason]).toEqual([[8], [10, 11], '同一集团代付']);
    expect(memory.groups.filter((g) => g.origin === 'manual').map((g) => [g.ledger.length, g.bank.length])).toEqual([[1, 2]]);

    // Explained: the tax payment (ledger row 7), a reason picked from the list.
    fake.select(LEDGER_SHEET, 'A7');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add the selected rows' }));
    await within(panel()).findByText('Ledger rows 7; bank rows —');
    fireEvent.change(within(panel()).getByRole('combobox', { name: /Reason/ }), { target: { value: 'Booked to another account' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Explain: no counterpart' }));
    await screen.findByText('Recorded: explained, no counterpart (王会计); the results are written again');
    // Reconciled in the figures, listed as explained (not unmatched) on the Discrepancies sheet.
    const table = screen.getByRole('table', { name: 'Result' });
    expect(within(table).getByRole('row', { name: /^Of which explained/ }).textContent).toContain('1 · -15,000.00');
    const discrepancies = sheetValues(fake, 'Discrepancies');
    // (The row cell links to the source row; the counterparty names the line.)
    const taxLines = discrepancies.filter((line) => line[5] === '国家税务总局上海市税务局');
    expect(taxLines.map((line) => [line[0], line[1], line[2]])).toEqual([['Explained, no counterpart (reconciled)', 'Explained by 王会计: Booked to another account', 'Ledger']]);

    // Sign-off: stored, on the Summary, in the Audit log.
    fireEvent.click(within(panel()).getByRole('button', { name: 'Mark as reviewed' }));
    await screen.findByText(/^Signed off by 王会计 at .*Any later decision or run clears the sign-off\.$/);
    memory = await workbook.readMemory();
    expect(memory.signOff?.by).toBe('王会计');
    const reviewLine = () => sheetValues(fake, 'Summary').find((line) => line[0] === 'Review (sign-off)')!;
    expect(String(reviewLine()[1])).toBe(`Signed off by 王会计 at ${memory.signOff!.at}`);
    expect(memory.audit.at(-1)).toMatchObject({ action: 'sign-off', by: '王会计', detail: 'Signed off' });

    // A later run clears it, and says so in the pane and on the Summary.
    const signedAt = memory.signOff!.at;
    fireEvent.click(button('Reconcile'));
    await screen.findByText(`The sign-off by 王会计 at ${signedAt} was cleared by this run or decision; it needs a new review`);
    expect(String(reviewLine()[1])).toBe(`Not signed off: the sign-off by 王会计 at ${signedAt} was cleared by this run; review again`);
    memory = await workbook.readMemory();
    expect(memory.signOff).toBeNull();
    expect(memory.decisions.map((d) => d.kind)).toEqual(['accept', 'unmatch', 'manual', 'explained']);
    expect(auditChainHolds(memory.audit)).toBe(true);
    expect(memory.audit.filter((e) => e.action === 'decision')).toHaveLength(4);
  });

  it('a teammate opening the workbook finds the same set-up: ranges, corrected roles, options, balances', async () => {
    const fake = books();
    await openAndRun(fake, officeWorkbook(fake), async () => {
      // The clerk's set-up: the voucher number column is not a reference here, a tighter tolerance, the book balance.
      const voucher = within(region('1. Ledger')).getByRole('combobox', { name: 'What column B (凭证号) holds' }) as HTMLSelectElement;
      expect(voucher.value).toBe('reference');
      fireEvent.change(voucher, { target: { value: '' } });
      await waitFor(() => expect((within(region('1. Ledger')).getByRole('combobox', { name: 'What column B (凭证号) holds' }) as HTMLSelectElement).value).toBe(''));
      fireEvent.change(await screen.findByRole('textbox', { name: /Amount tolerance/ }), { target: { value: '20' } });
      fireEvent.change(await screen.findByRole('textbox', { name: 'Balance per books' }), { target: { value: '107,710.43' } });
    });
    cleanup();

    // A second pane over the same workbook, on another computer (no name kept there).
    localStorage.clear();
    render(<App workbook={officeWorkbook(fake)} engine={new InProcessEngineClient()} initialLocale="en" />);
    await screen.findByText('Ranges and options filled in from the set-up kept in this workbook');
    const ledger = region('1. Ledger');
    await within(ledger).findByText(/7 entries read/);
    await within(region('2. Bank statement')).findByText(/6 entries read/);
    expect((within(ledger).getByRole('textbox', { name: 'Range' }) as HTMLInputElement).value).toBe(`${LEDGER_SHEET}!A1:G9`);
    await waitFor(() => expect((within(ledger).getByRole('combobox', { name: 'What column B (凭证号) holds' }) as HTMLSelectElement).value).toBe(''));
    expect((within(ledger).getByRole('combobox', { name: 'What column D (对方单位) holds' }) as HTMLSelectElement).value).toBe('counterparty');
    expect(((await screen.findByRole('textbox', { name: /Amount tolerance/ })) as HTMLInputElement).value).toBe('20.00');
    expect(((await screen.findByRole('textbox', { name: 'Balance per books' })) as HTMLInputElement).value).toBe('107,710.43');
    expect((screen.getByRole('textbox', { name: /Your name/ }) as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(button('Reconcile').disabled).toBe(false));
  });
});
