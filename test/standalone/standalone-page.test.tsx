/** @jest-environment jsdom */
/**
 * The whole standalone page with the engine in-process: open the demo, select both ranges in the
 * grid with the keyboard, hand them to the pane, run, see the result in the pane and the grid,
 * download the reconciled workbook; then wrong files (an image named .xlsx, a file over the limit)
 * get their message and the page keeps working; a dropped GBK CSV opens.
 */
import '../taskpane/jsdom-structured-clone';
import { readFileSync } from 'fs';
import * as path from 'path';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../../src/i18n/locale';
import { StandalonePage } from '../../src/standalone/components/StandalonePage';
import { inProcessClient } from '../../src/standalone/worker/in-process';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { PaneTextProvider } from '../../src/taskpane/pane-text';
import { HIGHLIGHT_COLOURS } from '../../src/workbook/colours';
import { XlsxWorkbook } from '../../src/workbook/file/xlsx-workbook';

// jest's jsdom hides the TextDecoder and TextEncoder every browser has (the CSV reader decodes GBK
// with one; the download's chart parts are encoded with the other).
if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;
if (typeof globalThis.TextEncoder === 'undefined') globalThis.TextEncoder = NodeTextEncoder as unknown as typeof TextEncoder;

// A bound on waiting, not a timing assertion: a loaded machine may take a while to read and match.
configure({ asyncUtilTimeout: 20000 });

const PUBLIC = path.resolve(__dirname, '..', 'fixtures', 'real-exports');
const ALIPAY_GBK = path.join(PUBLIC, 'deb-sig__double-entry-generator/example/alipay/example-alipay-records.csv');
const PNG = path.resolve(process.cwd(), 'assets', 'icon-16.png');

interface Downloaded {
  bytes: Uint8Array;
  name: string;
}

function renderPage(locale: Locale = 'en') {
  const downloads: Downloaded[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneTextProvider locale={locale}>
        <StandalonePage
          engine={new InProcessEngineClient()}
          locale={locale}
          onLocaleChange={() => undefined}
          connect={inProcessClient}
          download={(bytes, name) => downloads.push({ bytes, name })}
          // Large enough to draw every cell of the demo's sheets with their status columns.
          initialGridSize={{ width: 2400, height: 2400 }}
        />
      </PaneTextProvider>
    </FluentProvider>,
  );
  return downloads;
}

const grid = () => screen.getByRole('grid');
const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.textContent);
const picker = () => document.querySelector('input[type=file]') as HTMLInputElement;
function choose(file: File) {
  act(() => void fireEvent.change(picker(), { target: { files: [file] } }));
}

async function selectAllAndUse(sheet: string, side: '1. Ledger' | '2. Bank statement') {
  fireEvent.click(screen.getByRole('tab', { name: sheet }));
  await waitFor(() => expect(grid().getAttribute('aria-label')).toBe(`Sheet ${sheet}`));
  grid().focus();
  act(() => void fireEvent.keyDown(grid(), { key: 'a', ctrlKey: true }));
  const region = screen.getByRole('region', { name: side });
  fireEvent.click(within(region).getByRole('button', { name: 'Use current selection' }));
  return within(region).findByText(/entries read/);
}

describe('the standalone page', () => {
  test('from the demo to a reconciled workbook, with the grid and the pane side by side', async () => {
    const downloads = renderPage();
    expect(screen.getByRole('heading', { name: 'Drop an .xlsx, .xls or .csv file here' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Download the reconciled workbook' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Load the demo' }));
    await screen.findByRole('tab', { name: 'Ledger' });
    expect(tabNames()).toEqual(['Ledger', 'Bank statement']);
    expect(screen.getByText('File: recon-demo.xlsx')).toBeTruthy();

    // Before anything is selected the pane says so, in its own words.
    fireEvent.click(within(screen.getByRole('region', { name: '1. Ledger' })).getByRole('button', { name: 'Use current selection' }));
    expect(await screen.findByText('Select a range in the sheet first.')).toBeTruthy();

    const ledgerRead = await selectAllAndUse('Ledger', '1. Ledger');
    expect(ledgerRead.textContent).toMatch(/^Ledger!A1:G\d+: \d+ entries read/);
    expect(screen.getByRole('status').textContent).toMatch(/^Selected A1:G\d+ \(\d+ rows × 7 columns\)$/);
    const bankRead = await selectAllAndUse('Bank statement', '2. Bank statement');
    expect(bankRead.textContent).toMatch(/^'Bank statement'!A1:[A-Z]\d+: \d+ entries read, \d+ lines set aside/);

    await waitFor(() => expect((screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile' }));
    await screen.findByText(/^Match rate \d+\.\d%$/);

    // The grid shows the run: a Matches tab; the bank's rows coloured by their status labels.
    expect(tabNames()).toEqual(['Ledger', 'Bank statement', 'Matches', 'Discrepancies', 'Bank reconciliation', 'Summary', 'Aliases', 'Audit log']);
    const statusHeader = await within(grid()).findByText('Recon status');
    expect(statusHeader.getAttribute('role')).toBe('gridcell');
    // (A selector rather than a role query: jsdom computes every cell's role and style, minutes for a full grid.)
    const matchedCell = Array.from(grid().querySelectorAll<HTMLElement>('[role=gridcell]')).find((c) => / Matched$/.test(c.textContent ?? ''))!;
    expect(matchedCell.style.backgroundColor).toBe('rgb(198, 239, 206)');
    expect(HIGHLIGHT_COLOURS.auto).toBe('#C6EFCE');

    // The pane's link goes to the Matches sheet in the grid.
    fireEvent.click(screen.getByRole('button', { name: 'Go to the Matches sheet' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Matches' }).getAttribute('aria-selected')).toBe('true'));
    await waitFor(() => expect(grid().getAttribute('aria-label')).toBe('Sheet Matches'));

    // Download: the file workbook's bytes, named after the demo, with the Matches sheet in it.
    fireEvent.click(screen.getByRole('button', { name: 'Download the reconciled workbook' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toBe('recon-demo-reconciled.xlsx');
    const saved = await XlsxWorkbook.fromBytes(downloads[0].bytes, downloads[0].name);
    const written = ['Matches', 'Discrepancies', 'Bank reconciliation', 'Summary', 'Aliases', 'Audit log'];
    expect(await saved.sheetNames()).toEqual(['Ledger', 'Bank statement', ...written]);
    expect((await saved.lastRun())?.sheets).toEqual(written);
  });

  test('wrong files get a message naming them; the open workbook and the page keep working', async () => {
    renderPage();
    choose(new File([readFileSync(PNG)], 'bank.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('"bank.xlsx" is not a spreadsheet: it looks like a PNG image.');
    // Still the drop zone: nothing was open, nothing is.
    expect(screen.getByRole('heading', { name: 'Drop an .xlsx, .xls or .csv file here' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load the demo' }));
    await screen.findByRole('tab', { name: 'Ledger' });
    expect(screen.queryByRole('alert')).toBeNull();

    // 200 MB: refused by its size before it is read (the bytes here are few; the size is what counts).
    const big = new File(['交易日期,金额\n'], 'big.csv');
    Object.defineProperty(big, 'size', { value: 200 * 1024 * 1024 });
    big.arrayBuffer = () => Promise.reject(new Error('a file over the limit must not be read'));
    choose(big);
    expect((await screen.findByRole('alert')).textContent).toContain('"big.csv" is 200.0 MB; this page opens files up to 128.0 MB.');
    // The demo is still open, and the pane still works on it.
    expect(screen.getByText('File: recon-demo.xlsx')).toBeTruthy();
    await selectAllAndUse('Ledger', '1. Ledger');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a GBK bank export dropped on the page opens, its Chinese intact', async () => {
    renderPage('zh-CN');
    const file = new File([readFileSync(ALIPAY_GBK)], '支付宝流水.csv', { type: 'text/csv' });
    const page = screen.getByRole('main').parentElement!;
    fireEvent.dragOver(page, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(screen.getByRole('heading', { name: '松开鼠标即可打开' })).toBeTruthy();
    fireEvent.drop(page, { dataTransfer: { types: ['Files'], files: [file] } });
    await screen.findByRole('tab', { name: '支付宝流水' });
    expect(await within(await screen.findByRole('grid')).findByText('交易时间')).toBeTruthy();
    expect(screen.getByText('当前文件：支付宝流水.csv')).toBeTruthy();
  });
});
