/**
 * End to end in a real browser: the production build of standalone.html, served from localhost,
 * driven in Debian's Chromium by playwright-core. Every request the page and its engine worker
 * make is watched and must stay on the page's origin.
 *
 *   - with the mouse: load the demo, select both ranges in the grid, run, check the figures and the
 *     grid's highlights, follow the link to the Matches sheet, check accessibility (axe-core), save
 *     a screenshot, download the workbook and read it back;
 *   - by keyboard alone: the same journey with Tab, Enter, Space and the arrow keys;
 *   - wrong files (an image named .xlsx, random bytes, empty sheets, a 200 MB file, a sheet with no
 *     recognisable columns) get their message, and the page still runs the demo afterwards;
 *   - a GBK bank export dropped on the page opens; ?demo=1 opens the demo at once.
 *
 * The build happens once, in beforeAll (about a minute on 2 cores); without Chromium it fails
 * saying how to install it.
 */
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, openSync, ftruncateSync, closeSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Locale } from '../../src/i18n/locale';
import { paneText, type PaneMessageId } from '../../src/i18n/pane';
import { standaloneText } from '../../src/standalone/standalone-text';
import { formatAmount, formatRate } from '../../src/taskpane/format';
import { HIGHLIGHT_COLOURS } from '../../src/workbook/colours';
import { highlightForLabel } from '../../src/workbook/layout/highlight-rules';
import { launchChromium, openWatched, tearDown, type WatchedPage } from './support/browser';
import { buildProduction, type Build } from './support/build';
import { checkReconciledWorkbook } from './support/check-download';
import { expectedDemoRun, type ExpectedRun } from './support/expected';
import { serveStatic, type StaticServer } from './support/server';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PUBLIC = path.resolve(ROOT, 'test', 'fixtures', 'real-exports');
const ALIPAY_GBK = path.join(PUBLIC, 'deb-sig__double-entry-generator/example/alipay/example-alipay-records.csv');
/** Where the test server offers axe-core: the page's CSP admits scripts from its own origin only. */
const AXE_PATH = '/__test__/axe.min.js';
/** Waits in the browser are bounds on a loaded machine, never timing assertions. */
const WAIT = 60_000;

let build: Build;
let server: StaticServer;
let browser: Browser;
let scratch: string;
const watched: WatchedPage[] = [];

beforeAll(async () => {
  // Chromium first: without it there is no point building, and the message must say so.
  browser = await launchChromium();
  build = await buildProduction();
  console.log(`e2e: production build took ${(build.took / 1000).toFixed(1)} s`);
  server = await serveStatic(build.dir, { [AXE_PATH]: require.resolve('axe-core/axe.min.js') });
  scratch = mkdtempSync(path.join(os.tmpdir(), 'recon-e2e-files-'));
  mkdirSync(ARTIFACTS, { recursive: true });
}, 10 * 60 * 1000);

afterAll(() => tearDown({ watched, browser, server, build, scratch }));

async function open(locale: Locale, query = ''): Promise<WatchedPage> {
  const w = await openWatched(browser, server.origin, locale === 'en' ? 'en-US' : locale);
  watched.push(w);
  w.page.setDefaultTimeout(WAIT);
  await w.page.goto(`${server.origin}/standalone.html${query}`);
  return w;
}

/** No request left the origin, some were made (the watch works), and no script failed. */
function expectStayedHome(w: WatchedPage) {
  expect(w.outside).toEqual([]);
  expect(w.requests.some((url) => /\/recon-engine\.[0-9a-f]+\.js$/.test(url))).toBe(true);
  expect(w.requests.filter((url) => url.startsWith(server.origin)).length).toBeGreaterThan(5);
  expect(w.errors).toEqual([]);
}

const pane = (locale: Locale, id: PaneMessageId, params?: Record<string, string | number>) => paneText(id, locale, params);
const grid = (page: Page) => page.getByRole('grid');
/** The line above the grid that names the selection. */
const selectionLine = (page: Page, locale: Locale) => page.getByRole('region', { name: standaloneText('page.workbook', locale) }).getByRole('status');

/** A grid cell, scrolled into the grid's window first (only the rows and columns in view exist). */
async function gridCell(page: Page, row: number, column: number): Promise<Locator> {
  const cell = grid(page).locator(`[role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${column + 1}"]`);
  // Rows have one height (24 px); columns differ, so they are looked for a screen at a time.
  for (let left = 0; left < 20_000; left += 400) {
    await grid(page).evaluate(
      (element, [top, x]) => {
        element.scrollTop = top;
        element.scrollLeft = x;
        element.dispatchEvent(new Event('scroll'));
      },
      [Math.max(0, (row - 5) * 24), left],
    );
    if ((await cell.count()) > 0) break;
  }
  await cell.waitFor();
  return cell;
}

async function background(cell: Locator): Promise<string> {
  return cell.evaluate((element) => getComputedStyle(element).backgroundColor);
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 0xff}, ${n & 0xff})`;
}

/** The summary figures the pane must show, from the engine's report in Node. */
function expectedSummary(expected: ExpectedRun, locale: Locale) {
  const figure = (side: 'ledger' | 'bank', row: 'auto' | 'suggested' | 'unmatched') => {
    const { count, sum } = expected.report[side][row];
    return pane(locale, 'summary.figure', { count, amount: formatAmount(sum.toFixed(2)) });
  };
  return {
    rate: pane(locale, 'summary.matchRate', { rate: formatRate(expected.report.matchRate) }),
    count: pane(locale, 'summary.matchCount', { count: expected.report.matches.length }),
    rows: (['auto', 'suggested', 'unmatched'] as const).map((row) => [pane(locale, `summary.row.${row}`), figure('ledger', row), figure('bank', row)]),
    skipped: pane(locale, 'summary.skipped', { ledger: expected.report.ledger.skipped, bank: expected.report.bank.skipped }),
  };
}

async function checkSummary(page: Page, expected: ExpectedRun, locale: Locale) {
  const want = expectedSummary(expected, locale);
  await page.getByText(want.rate, { exact: true }).waitFor();
  await expect(page.getByText(want.count, { exact: true }).count()).resolves.toBe(1);
  const table = page.getByRole('table', { name: pane(locale, 'summary.title') });
  for (const [label, ledger, bank] of want.rows) {
    const cells = await table.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) }).getByRole('cell').allTextContents();
    expect(cells).toEqual([label, ledger, bank]);
  }
  await expect(page.getByText(want.skipped, { exact: true }).count()).resolves.toBe(1);
}

/** What the pane says after reading a side: `银行日记账!A1:G62：读到 54 笔记录，跳过 2 行`. */
function readSummary(expected: ExpectedRun, side: 'ledger' | 'bank', locale: Locale): string {
  const read = expected.result[side];
  return pane(locale, 'range.summary', { address: expected[side].address, entries: read.entries.length, skipped: read.skipped.length });
}

/** The run's highlights in the grid: the first row of each kind has its colour and its label. */
async function checkGridHighlights(page: Page, expected: ExpectedRun, side: 0 | 1) {
  const annotation = expected.outputs.annotations[side];
  await page.getByRole('tab', { name: annotation.sheet }).click();
  // The sheet's grid is drawn once the workbook worker sends its rows: wait for it by its name.
  await page.getByRole('grid', { name: annotation.sheet }).waitFor();
  await expect(grid(page).getAttribute('aria-label')).resolves.toContain(annotation.sheet);
  const checked = new Set<string>();
  for (const [i, label] of annotation.labels.entries()) {
    const highlight = highlightForLabel(label, annotation.highlightRules!);
    if (!highlight || checked.has(highlight)) continue;
    checked.add(highlight);
    const row = annotation.firstRow + 1 + i;
    await expect((await gridCell(page, row, annotation.statusColumn)).textContent()).resolves.toBe(label);
    await expect(background(await gridCell(page, row, 1))).resolves.toBe(rgb(HIGHLIGHT_COLOURS[highlight]));
    await expect(background(await gridCell(page, row, annotation.statusColumn))).resolves.toBe(rgb(HIGHLIGHT_COLOURS[highlight]));
  }
  expect(checked.has('auto')).toBe(true);
  expect(checked.has('unmatched')).toBe(true);
}

/**
 * axe-core (node_modules/axe-core/axe.min.js) over the whole page; only serious and critical
 * violations fail. Injected by URL, not inline: the page's Content-Security-Policy refuses inline
 * scripts, and the tests run with that policy on.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: `${server.origin}${AXE_PATH}` });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document);
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Press a key until `target` has the focus (for the keyboard-only journey). */
async function keyTo(page: Page, target: Locator, key = 'Tab', limit = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const target = path.join(scratch, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return { name: file.suggestedFilename(), bytes: readFileSync(target) };
}

describe('the standalone page in Chromium', () => {
  test('with the mouse: demo, two ranges, run, figures, highlights, accessibility, download', async () => {
    const locale: Locale = 'zh-CN';
    const expected = await expectedDemoRun(locale);
    const w = await open(locale);
    const { page } = w;
    const [ledgerName, bankName] = expected.demo.sheets.map((s) => s.name);

    await page.getByRole('button', { name: standaloneText('file.demo', locale) }).click();
    await page.getByRole('tab', { name: ledgerName }).waitFor();

    // A drag over the grid selects a range, and the page says which.
    const from = (await (await gridCell(page, 1, 1)).boundingBox())!;
    const to = (await (await gridCell(page, 5, 3)).boundingBox())!;
    await page.mouse.move(from.x + 5, from.y + 5);
    await page.mouse.down();
    await page.mouse.move(to.x + 5, to.y + 5, { steps: 4 });
    await page.mouse.up();
    await expect(selectionLine(page, locale).textContent()).resolves.toBe(standaloneText('grid.selection', locale, { address: 'A1:C5', rows: 5, columns: 3 }));

    // The ledger: click column A's letter, Shift+click G's: the columns' data.
    const letter = (l: string) => grid(page).getByRole('columnheader', { name: l, exact: true });
    await letter('A').click();
    await letter('G').click({ modifiers: ['Shift'] });
    await expect(selectionLine(page, locale).textContent()).resolves.toContain(expected.ledger.address.replace(/^.*!/, ''));
    const ledgerSide = page.getByRole('region', { name: pane(locale, 'side.ledger.title') });
    await ledgerSide.getByRole('button', { name: pane(locale, 'range.useSelection') }).click();
    await ledgerSide.getByText(readSummary(expected, 'ledger', locale)).waitFor();

    // The bank: its tab, then the corner selects all its data, title lines and 合计 line included.
    await page.getByRole('tab', { name: bankName }).click();
    await page.getByRole('grid', { name: standaloneText('grid.label', locale, { sheet: bankName }) }).waitFor(); // drawn once the workbook worker sends its rows
    await grid(page).getByRole('columnheader', { name: standaloneText('grid.corner', locale) }).click();
    const bankSide = page.getByRole('region', { name: pane(locale, 'side.bank.title') });
    await bankSide.getByRole('button', { name: pane(locale, 'range.useSelection') }).click();
    await bankSide.getByText(readSummary(expected, 'bank', locale)).waitFor();

    await page.getByRole('button', { name: pane(locale, 'run.start') }).click();
    await checkSummary(page, expected, locale);
    await checkGridHighlights(page, expected, 0);
    await checkGridHighlights(page, expected, 1);

    // The pane's link shows the Matches sheet in the grid.
    const matchesName = expected.outputs.sheets[0].name;
    await page.getByRole('button', { name: pane(locale, 'summary.goToMatches', { sheet: matchesName }) }).click();
    await page.getByRole('tab', { name: matchesName, selected: true }).waitFor(); // the switch lands once the workbook worker answers
    await page.getByRole('grid', { name: standaloneText('grid.label', locale, { sheet: matchesName }) }).waitFor(); // drawn once the workbook worker sends its rows
    await expect((await gridCell(page, 1, 1)).textContent()).resolves.toBe(expected.outputs.sheets[0].values[0][0]);
    await expect(background(await gridCell(page, 1, 1))).resolves.toBe(rgb(HIGHLIGHT_COLOURS.header));

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-after-run.png') });

    const file = await download(page, () => page.getByRole('button', { name: standaloneText('file.download', locale) }).click());
    expect(file.name).toBe('对账示例-reconciled.xlsx');
    await checkReconciledWorkbook(file.bytes, expected, locale);
    expectStayedHome(w);
  });

  test('by keyboard alone: Tab, Enter, Space and arrows from the demo to the downloaded workbook', async () => {
    const locale: Locale = 'en';
    const expected = await expectedDemoRun(locale);
    const w = await open(locale);
    const { page } = w;
    const keys = page.keyboard;

    await keyTo(page, page.getByRole('button', { name: 'Load the demo' }));
    await keys.press('Enter');
    await page.getByRole('tab', { name: 'Ledger' }).waitFor();

    // Into the grid, all of the ledger's data, then Tab on to the pane's button.
    await keyTo(page, grid(page));
    await keys.press('Control+A');
    await expect(selectionLine(page, locale).textContent()).resolves.toContain(expected.ledger.address.replace(/^.*!/, ''));
    const ledgerSide = page.getByRole('region', { name: '1. Ledger' });
    await keyTo(page, ledgerSide.getByRole('button', { name: 'Use current selection' }));
    await keys.press('Space');
    await ledgerSide.getByText(readSummary(expected, 'ledger', locale)).waitFor();

    // Back to the sheet tabs, the arrow key to the bank's tab, then its grid: Ctrl+Home, Ctrl+Shift+End.
    await keyTo(page, page.getByRole('tab', { name: 'Ledger' }), 'Shift+Tab');
    await keys.press('ArrowRight');
    await keys.press('Enter');
    await page.getByRole('tab', { name: 'Bank statement', selected: true }).waitFor(); // the switch lands once the workbook worker answers
    await keyTo(page, grid(page));
    await page.getByRole('grid', { name: 'Sheet Bank statement' }).waitFor(); // drawn once the workbook worker sends its rows
    await keys.press('Control+Home');
    await keys.press('Control+Shift+End');
    await expect(selectionLine(page, locale).textContent()).resolves.toContain(expected.bank.address.replace(/^.*!/, ''));
    // The grid with a selection and the focus in it passes the accessibility check too.
    expect(await seriousViolations(page)).toEqual([]);
    const bankSide = page.getByRole('region', { name: '2. Bank statement' });
    await keyTo(page, bankSide.getByRole('button', { name: 'Use current selection' }));
    await keys.press('Enter');
    await bankSide.getByText(readSummary(expected, 'bank', locale)).waitFor();

    await keyTo(page, page.getByRole('button', { name: 'Reconcile', exact: true }));
    await keys.press('Enter');
    await checkSummary(page, expected, locale);

    // Ctrl+PageUp/PageDown in the grid move between sheets, as in Excel.
    await keyTo(page, grid(page), 'Shift+Tab');
    await keys.press('Control+PageDown');
    // The sheet's rows come from the workbook worker: the tab, its grid and the focus follow a moment
    // later, so each is waited for (bounded by the page's timeout), not read at once.
    await page.getByRole('tab', { name: 'Matches', selected: true }).waitFor();
    await page.getByRole('grid', { name: 'Sheet Matches' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Sheet Matches');
    await keys.press('Control+PageUp');
    await page.getByRole('tab', { name: 'Bank statement', selected: true }).waitFor();

    await keyTo(page, page.getByRole('button', { name: 'Go to the Matches sheet' }));
    await keys.press('Enter');
    await page.getByRole('tab', { name: 'Matches', selected: true }).waitFor(); // the switch lands once the workbook worker answers
    // The same view in English (this machine may have no CJK font, which blanks the Chinese shot's text).
    await page.screenshot({ path: path.join(ARTIFACTS, 'standalone-after-run-en.png') });

    await keyTo(page, page.getByRole('button', { name: 'Download the reconciled workbook' }), 'Shift+Tab');
    const file = await download(page, () => keys.press('Enter'));
    expect(file.name).toBe('recon-demo-reconciled.xlsx');
    await checkReconciledWorkbook(file.bytes, expected, locale);
    expectStayedHome(w);
  });

  test('wrong files get a clear message and the page keeps working', async () => {
    const locale: Locale = 'en';
    const w = await open(locale);
    const { page } = w;
    const picker = page.locator('input[type=file]');
    const alert = page.getByRole('alert');
    // The first screen (the drop zone) is accessible as well.
    expect(await seriousViolations(page)).toEqual([]);

    const files: { name: string; bytes: Buffer | null; says: string }[] = [
      { name: 'photo.xlsx', bytes: readFileSync(path.join(ROOT, 'assets', 'icon-64.png')), says: '"photo.xlsx" is not a spreadsheet: it looks like a PNG image.' },
      { name: 'ledger.xlsx', bytes: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251)), says: '"ledger.xlsx" is not a valid .xlsx workbook' },
      { name: 'empty.xlsx', bytes: await emptyWorkbook(), says: 'Every sheet of "empty.xlsx" is empty; there is nothing to reconcile.' },
      { name: 'blank.csv', bytes: Buffer.alloc(0), says: '"blank.csv" is empty.' },
      { name: 'big.csv', bytes: null, says: '"big.csv" is 200.0 MB; this page opens files up to 128.0 MB. For a larger file use the command line (npx recon match' },
    ];
    for (const file of files) {
      const target = path.join(scratch, file.name);
      if (file.bytes) writeFileSync(target, file.bytes);
      else sparseFile(target, 200 * 1024 * 1024);
      await picker.setInputFiles(target);
      await alert.getByText(file.says).waitFor();
      // The page still answers: its drop zone and buttons are there and enabled.
      await expect(page.getByRole('button', { name: 'Load the demo' }).isEnabled()).resolves.toBe(true);
    }

    // A workbook whose sheet has no column the reader knows: it opens, and picking the sheet in
    // the pane shows the reader's own message there.
    const staff = path.join(scratch, 'staff.xlsx');
    writeFileSync(staff, await staffWorkbook());
    await picker.setInputFiles(staff);
    await page.getByRole('tab', { name: 'Staff' }).waitFor();
    await expect(alert.count()).resolves.toBe(0);
    // Its second sheet is empty: the grid says so.
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByText('This sheet is empty.').waitFor();
    const ledgerSide = page.getByRole('region', { name: '1. Ledger' });
    await ledgerSide.getByRole('combobox', { name: 'Or a whole sheet' }).selectOption('Staff');
    await ledgerSide.getByText(/Could not find a date column and an amount column/).first().waitFor();

    // After all of that, the demo opens and runs.
    const expected = await expectedDemoRun(locale);
    await page.getByRole('button', { name: 'Load the demo' }).click();
    await page.getByRole('tab', { name: 'Ledger' }).waitFor();
    await ledgerSide.getByRole('combobox', { name: 'Or a whole sheet' }).selectOption('Ledger');
    await ledgerSide.getByText(readSummary(expected, 'ledger', locale)).waitFor();
    const bankSide = page.getByRole('region', { name: '2. Bank statement' });
    await bankSide.getByRole('combobox', { name: 'Or a whole sheet' }).selectOption('Bank statement');
    await bankSide.getByText(readSummary(expected, 'bank', locale)).waitFor();
    await page.getByRole('button', { name: 'Reconcile', exact: true }).click();
    await checkSummary(page, expected, locale);
    expectStayedHome(w);
  });

  test('a GBK bank export dropped on the page opens; ?demo=1 opens the demo at once', async () => {
    const locale: Locale = 'zh-CN';
    const w = await open(locale);
    const { page } = w;
    const bytes = readFileSync(ALIPAY_GBK).toString('base64');
    const transfer = await page.evaluateHandle((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], '支付宝流水 2023-02.csv', { type: 'text/csv' }));
      return dt;
    }, bytes);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.getByRole('heading', { name: standaloneText('drop.release', locale) }).waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.getByRole('tab', { name: '支付宝流水 2023-02' }).waitFor();
    await grid(page).getByText('交易时间', { exact: false }).first().waitFor();
    // The pane reads it as a bank export: the header row after the long preamble.
    const bankSide = page.getByRole('region', { name: pane(locale, 'side.bank.title') });
    await bankSide.getByRole('combobox', { name: pane(locale, 'range.sheet.label') }).selectOption('支付宝流水 2023-02');
    await bankSide.getByText(/读到 \d+ 笔记录/).waitFor();
    await expect(bankSide.getByRole('spinbutton', { name: pane(locale, 'setup.headerRow') }).inputValue()).resolves.toBe('25');
    expectStayedHome(w);

    const demo = await open(locale, '?demo=1');
    await demo.page.getByRole('tab', { name: '银行日记账' }).waitFor();
    await demo.page.getByText(standaloneText('file.current', locale, { name: '对账示例.xlsx' })).waitFor();
    expectStayedHome(demo);
  });
});

/** A workbook with two sheets and nothing in them. */
async function emptyWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Sheet1');
  book.addWorksheet('Sheet2');
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A staff list: data, but no date and no amount column; and an empty second sheet. */
async function staffWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Staff');
  book.addWorksheet('Notes');
  ws.addRows([
    ['Name', 'Department', 'Phone'],
    ['Li Wei', 'Finance', '138 0000 0001'],
    ['Zhang Min', 'Sales', '139 0000 0002'],
    ['Wang Fang', 'Purchasing', '137 0000 0003'],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A file of `bytes` bytes, sparse on disk: its size is what the page must refuse it by. */
function sparseFile(target: string, bytes: number): void {
  const fd = openSync(target, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}
