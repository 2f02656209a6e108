/** @jest-environment jsdom */
/**
 * The whole pane against an in-memory workbook and the engine in-process: choose both ranges,
 * see what was detected, correct a column, run, read the figures, jump to the Matches sheet,
 * switch language, clear; plus cancel, bad input and a rendering fault.
 */
import './jsdom-structured-clone';
import { act, fireEvent, render, screen, waitFor, within, configure } from '@testing-library/react';
import type { CellValue } from '../../src/engine/types';
import { App } from '../../src/taskpane/components/App';
import type { EngineClient } from '../../src/taskpane/engine/engine-client';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { MemoryWorkbook, type MemorySheetInit } from '../../src/workbook/memory/memory-workbook';
import { BANK_RANGE, BANK_ROWS, BANK_SHEET, LEDGER_RANGE, LEDGER_ROWS, LEDGER_SHEET, marchBooks } from './march-books';

// A bound on waiting, not a timing assertion: a loaded machine may take a while to detect and match.
configure({ asyncUtilTimeout: 15000 });

/** The March books, but the ledger names its counterparty column 往来户: a word the reader need not know. */
function booksWithUnusualHeader(): MemorySheetInit[] {
  const books = marchBooks();
  const ledger = books.find((s) => s.name === LEDGER_SHEET)!;
  ledger.values = LEDGER_ROWS.map((row, i) => (i === 2 ? row.map((cell, c) => (c === 3 ? '往来户' : cell)) : row)) as CellValue[][];
  return books;
}

function renderPane(workbook: MemoryWorkbook, engine: EngineClient = new InProcessEngineClient(), locale: 'en' | 'zh-CN' | 'zh-TW' = 'en') {
  return render(<App workbook={workbook} engine={engine} initialLocale={locale} />);
}

const region = (name: string) => screen.getByRole('region', { name });
const roleSelect = (side: HTMLElement, column: string, header: string) =>
  within(side).getByRole('combobox', { name: `What column ${column} (${header}) holds` }) as HTMLSelectElement;
/** The cells of the preview table row for a source row. */
function previewRow(side: HTMLElement, sourceRow: number): string[] {
  const table = within(side).getByRole('table', { name: 'First entries as read' });
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent === String(sourceRow));
  if (!row) throw new Error(`no preview row ${sourceRow}`);
  return within(row).getAllByRole('cell').map((c) => c.textContent ?? '');
}
function summaryRow(label: string): string[] {
  const table = screen.getByRole('table', { name: 'Result' });
  const row = within(table).getByRole('row', { name: new RegExp(`^${label}`) });
  return within(row).getAllByRole('cell').map((c) => c.textContent ?? '');
}

async function chooseBothSides(workbook: MemoryWorkbook) {
  const ledger = region('1. Ledger');
  workbook.select(LEDGER_RANGE);
  fireEvent.click(within(ledger).getByRole('button', { name: 'Use current selection' }));
  await within(ledger).findByText(/9 entries read/);

  const bank = region('2. Bank statement');
  fireEvent.change(within(bank).getByRole('combobox', { name: 'Or a whole sheet' }), { target: { value: BANK_SHEET } });
  await within(bank).findByText(/9 entries read/);
  return { ledger, bank };
}

describe('the task pane', () => {
  it('takes an accountant from two ranges to a result and back to a clean workbook', async () => {
    const workbook = new MemoryWorkbook(booksWithUnusualHeader());
    const before = workbook.snapshot();
    renderPane(workbook);

    // 1. The ledger from the selection: header row, kind and roles as detected.
    const { ledger, bank } = await chooseBothSides(workbook);
    expect(within(ledger).getByText(`${LEDGER_RANGE}: 9 entries read`, { exact: false })).toBeTruthy();
    expect((within(ledger).getByRole('spinbutton', { name: 'Header row' }) as HTMLInputElement).value).toBe('3');
    expect((within(ledger).getByRole('combobox', { name: 'Kind of book' }) as HTMLSelectElement).value).toBe('cash-journal');
    expect(roleSelect(ledger, 'A', '日期').value).toBe('date');
    expect(roleSelect(ledger, 'E', '借方金额').value).toBe('inflow');
    expect(roleSelect(ledger, 'F', '贷方金额').value).toBe('outflow');
    expect(previewRow(ledger, 5).slice(0, 3)).toEqual(['5', '2025-03-03', '15,000.00']);
    expect(previewRow(ledger, 6).slice(0, 3)).toEqual(['6', '2025-03-05', '-3,260.00']);

    // 2. The bank statement as a whole sheet: its title lines and total line are set aside.
    expect(within(bank).getByText(`${BANK_RANGE}: 9 entries read`, { exact: false })).toBeTruthy();
    expect((within(bank).getByRole('spinbutton', { name: 'Header row' }) as HTMLInputElement).value).toBe('4');
    expect((within(bank).getByRole('combobox', { name: 'Kind of book' }) as HTMLSelectElement).value).toBe('bank-statement');
    expect(roleSelect(bank, 'C', '对方户名').value).toBe('counterparty');
    expect(roleSelect(bank, 'D', '对方账号').value).not.toBe('counterparty');

    // 3. 往来户 was not recognised as the counterparty: the user says so, and the preview follows.
    const partyColumn = roleSelect(ledger, 'D', '往来户');
    expect(partyColumn.value).not.toBe('counterparty');
    expect(previewRow(ledger, 5)[3]).not.toBe('上海明远贸易有限公司');
    fireEvent.change(partyColumn, { target: { value: 'counterparty' } });
    await waitFor(() => expect(previewRow(ledger, 5)[3]).toBe('上海明远贸易有限公司'));
    expect(roleSelect(ledger, 'D', '往来户').value).toBe('counterparty');
    expect(roleSelect(ledger, 'A', '日期').value).toBe('date');

    // 4. Options start from the engine's defaults; a bad tolerance blocks the run until fixed.
    const options = region('3. Matching options');
    const tolerance = (await within(options).findByRole('textbox', { name: /Amount tolerance/ })) as HTMLInputElement;
    expect(tolerance.value).toBe('50.00');
    expect((within(options).getByRole('textbox', { name: /Dates at most/ }) as HTMLInputElement).value).toBe('7');
    expect((within(options).getByRole('switch', { name: /Allow combined payments/ }) as HTMLInputElement).checked).toBe(true);
    expect((within(options).getByRole('switch', { name: /Allow instalments/ }) as HTMLInputElement).checked).toBe(true);
    const runButton = screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement;
    expect(runButton.disabled).toBe(false);
    fireEvent.change(tolerance, { target: { value: '12.345' } });
    expect(within(options).getByText('Enter an amount of 0 or more, such as 50.00')).toBeTruthy();
    expect(runButton.disabled).toBe(true);
    fireEvent.change(tolerance, { target: { value: '50' } });
    expect(runButton.disabled).toBe(false);

    // 5. Run: the figures, per side, with exact amounts.
    fireEvent.click(runButton);
    await screen.findByText('Match rate 83.3%');
    expect(summaryRow('Unmatched').slice(1)).toEqual(['1 · -25,000.00', '2 · 107.45']);
    const matched = ['Matched', 'Suggested'].map((label) => summaryRow(label));
    const count = (cell: string) => Number(cell.split(' · ')[0]);
    expect(count(matched[0][1]) + count(matched[1][1])).toBe(8);
    expect(count(matched[0][2]) + count(matched[1][2])).toBe(7);
    expect(workbook.valueAt(LEDGER_SHEET, 'H3')).toBe('Recon status');
    expect(await workbook.sheetNames()).toContain('Matches');

    // 6. The link goes to the Matches sheet.
    fireEvent.click(screen.getByRole('button', { name: 'Go to the Matches sheet' }));
    await waitFor(() => expect(workbook.activeSheet()).toBe('Matches'));

    // 7. Switch language: the pane and its figures follow.
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh-TW' } });
    expect(screen.getByRole('region', { name: '1. 帳簿' })).toBeTruthy();
    expect(screen.getByText('比對率 83.3%')).toBeTruthy();
    expect(screen.getByRole('button', { name: '開始對帳' })).toBeTruthy();

    // 8. Clear: everything the run wrote goes, the user's own cells and fills are as they were.
    fireEvent.click(screen.getByRole('button', { name: '清除結果' }));
    await screen.findByText('已清除上次對帳寫入的內容，你自己的資料未變動。');
    expect(workbook.snapshot()).toEqual(before);
    expect(screen.queryByText('比對率 83.3%')).toBeNull();
  });

  it('writes the output sheets in the language the pane is in', async () => {
    const workbook = new MemoryWorkbook(marchBooks());
    renderPane(workbook, new InProcessEngineClient(), 'zh-CN');
    const ledger = region('1. 账簿');
    workbook.select(LEDGER_RANGE);
    fireEvent.click(within(ledger).getByRole('button', { name: '使用当前选择' }));
    await within(ledger).findByText(/读到 9 笔记录/);
    const bank = region('2. 银行流水');
    fireEvent.change(within(bank).getByRole('textbox', { name: '区域' }), { target: { value: BANK_RANGE } });
    fireEvent.click(within(bank).getByRole('button', { name: '读取' }));
    await within(bank).findByText(/读到 9 笔记录/);
    await waitFor(() => expect((screen.getByRole('button', { name: '开始对账' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: '开始对账' }));
    await screen.findByText(/^匹配率/);
    expect(await workbook.sheetNames()).toContain('匹配结果');
    expect(workbook.valueAt(BANK_SHEET, 'I4')).toBe('对账状态');
  });

  it('reads an Excel table from one selected cell inside it', async () => {
    const books = marchBooks();
    books.find((s) => s.name === BANK_SHEET)!.tables = [{ name: 'ICBC', range: 'A4:H14' }];
    const workbook = new MemoryWorkbook(books);
    renderPane(workbook);
    const bank = region('2. Bank statement');
    workbook.select(`${BANK_SHEET}!C7`);
    fireEvent.click(within(bank).getByRole('button', { name: 'Use current selection' }));
    await within(bank).findByText(`${BANK_SHEET}!A4:H14: 9 entries read`, { exact: false });
    expect((within(bank).getByRole('spinbutton', { name: 'Header row' }) as HTMLInputElement).value).toBe('4');
  });

  it('cancels while writing and leaves the workbook exactly as it was', async () => {
    let cancelOnNextStep = false;
    const workbook = new MemoryWorkbook(marchBooks(), {
      beforeStep: (step) => {
        // The user presses Cancel while the status columns are being written.
        if (cancelOnNextStep && step.startsWith('status:')) {
          cancelOnNextStep = false;
          fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
        }
      },
    });
    const before = workbook.snapshot();
    renderPane(workbook);
    await chooseBothSides(workbook);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement).disabled).toBe(false));
    cancelOnNextStep = true;
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile' }));
    await screen.findByText('Cancelled. The workbook is as it was.');
    expect(cancelOnNextStep).toBe(false);
    expect(workbook.snapshot()).toEqual(before);
    expect(screen.queryByText(/Match rate/)).toBeNull();
  });

  it('shows progress while a run is under way and cancels a run stuck in matching', async () => {
    const workbook = new MemoryWorkbook(marchBooks());
    const inner = new InProcessEngineClient();
    let reconcileSignal: AbortSignal | undefined;
    // An engine that reports progress and then waits, like a long match in the worker.
    const slowEngine: EngineClient = {
      matchDefaults: () => inner.matchDefaults(),
      detect: (source, options, signal) => inner.detect(source, options, signal),
      reconcile: (_request, onProgress, signal) =>
        new Promise((_, reject) => {
          reconcileSignal = signal;
          onProgress?.('matching', 50, 100);
          signal?.addEventListener('abort', () => reject(Object.assign(new Error('stopped'), { name: 'AbortError' })));
        }),
      dispose: () => undefined,
    };
    const before = workbook.snapshot();
    renderPane(workbook, slowEngine);
    await chooseBothSides(workbook);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile' }));

    // Halfway through matching: 25% + half of the matching span (25%–70%).
    const bar = await screen.findByRole('progressbar');
    await waitFor(() => expect(screen.getByText('Matching… (47%)')).toBeTruthy());
    expect(bar.getAttribute('aria-valuenow')).toBe(String(0.475));
    expect((screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Cancelled. The workbook is as it was.');
    expect(reconcileSignal?.aborted).toBe(true);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('explains a range that does not exist, without crashing', async () => {
    const workbook = new MemoryWorkbook(marchBooks());
    renderPane(workbook);
    const ledger = region('1. Ledger');
    fireEvent.click(within(ledger).getByRole('button', { name: 'Use current selection' }));
    expect(await within(ledger).findByRole('alert')).toBeTruthy();
    expect(within(ledger).getByText('Nothing is selected.')).toBeTruthy();

    fireEvent.change(within(ledger).getByRole('textbox', { name: 'Range' }), { target: { value: "'三月'!A1:G20" } });
    fireEvent.keyDown(within(ledger).getByRole('textbox', { name: 'Range' }), { key: 'Enter' });
    await within(ledger).findByText('There is no sheet named "三月".');
    expect((screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("turns Office's error codes into advice", async () => {
    const workbook = new MemoryWorkbook(marchBooks());
    workbook.readValues = async () => {
      throw Object.assign(new Error('The requested resource doesn\'t exist.'), { code: 'ItemNotFound' });
    };
    renderPane(workbook);
    const bank = region('2. Bank statement');
    fireEvent.change(within(bank).getByRole('textbox', { name: 'Range' }), { target: { value: 'Sheet9!A1:B2' } });
    fireEvent.click(within(bank).getByRole('button', { name: 'Read' }));
    await within(bank).findByText(/That range could not be found; check the address or the sheet name/);
  });

  it('catches a rendering fault in an error boundary and offers to start again', async () => {
    const workbook = new MemoryWorkbook(marchBooks());
    const inner = new InProcessEngineClient();
    let broken = true;
    const engine: EngineClient = {
      matchDefaults: () => inner.matchDefaults(),
      // A malformed answer (no preview list) makes the preview table throw while rendering.
      detect: async (source, options, signal) => {
        const detection = await inner.detect(source, options, signal);
        return broken ? ({ ...detection, preview: undefined } as never) : detection;
      },
      reconcile: (request, onProgress, signal) => inner.reconcile(request, onProgress, signal),
      dispose: () => undefined,
    };
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      renderPane(workbook, engine);
      workbook.select(LEDGER_RANGE);
      fireEvent.click(within(region('1. Ledger')).getByRole('button', { name: 'Use current selection' }));
      expect(await screen.findByText(/The pane ran into a problem/)).toBeTruthy();
      broken = false;
      await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Try again' })));
      expect(await screen.findByRole('region', { name: '1. Ledger' })).toBeTruthy();
    } finally {
      quiet.mockRestore();
    }
  });
});
