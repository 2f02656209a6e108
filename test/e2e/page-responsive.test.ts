/**
 * The standalone page never freezes (issue 8, point 6), in Debian's Chromium on the production build:
 *
 *   - a ledger and a bank export of 100,000 lines each (generated CSV files, 11 MB each) are chosen
 *     together through the file input, both read in the pane, reconciled and written back, while a
 *     PerformanceObserver on the page's thread records every long task: none may exceed 200 ms from
 *     the moment the files are chosen to the moment the result is shown;
 *   - a large file's opening shows its progress (bytes and rows read) and Cancel stops it: the
 *     worker parsing it is terminated, the workbook open before stays, and the page runs on it.
 *
 * The run's bulk no longer crosses the page (README, "the standalone page"): a side's cells go from
 * the workbook worker to the engine worker and the run's outputs back on MessageChannels
 * (taskpane/engine/linked-cells.ts), the page getting the first rows, the sizes and the summary; the
 * pane draws progress, a side's reading and the result as React transitions, and after a run reads
 * only the settings part of the workbook's memory (not the run's 100k groups and row prints).
 * Measured 2026-12-06 on the 2-core machine shared with other work, final code, three runs in a row at
 * load average 8–9: 3 tasks over 50 ms (longest 73 ms), 13 (longest 205 ms: the pane's render as the
 * run starts), 9 (longest 96 ms); then ten runs in a row at load 5–8: 4–10 tasks over 50 ms,
 * longest 77–130 ms, none over the bound, which is now asserted on every run. Earlier versions at
 * load average 9–18 (a run taking 130–150 s instead of 55 s) had 1–4 tasks of 200–640 ms: the
 * pane's render as a side's reading arrives or the run starts, the grid's draws, and tasks with
 * little script in them (the page's thread waiting for a core): a machine loaded that far can still
 * fail it. Before (2026-11-29, and main on 2026-12-06): 23–33 tasks over 50 ms, longest
 * 0.25–1.3 s, from the million cells held and cloned on the page's thread, mostly garbage collection.
 * Each run prints every task over 50 ms with the step it fell in; RECON_PAGE_PROFILE=<file.cpuprofile>
 * also writes a CPU profile of the page's thread (what those tasks were doing), RECON_PAGE_TRACE=
 * <file.json> a Chromium trace (each task with the garbage collections, calls and CPU samples in it).
 *
 * Generated files, not timings, make these tests heavy: they are the 2-core CI's longest browser
 * tests (a few minutes), and every wait below is a bound on a loaded machine, not an assertion.
 */
import { createReadStream, createWriteStream, mkdtempSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { writeCsvPair, type PairLayout } from '../../bench/whole/csv-pair';
import { paneText } from '../../src/i18n/pane';
import { sheetText } from '../../src/i18n/sheets';
import { standaloneText } from '../../src/standalone/standalone-text';
import { expectLongTasksObserved, launchChromium, openWithLongTasks, tearDown, type LongTask, type WatchedPage } from './support/browser';
import { buildProduction, type Build } from './support/build';
import { serveStatic, type StaticServer } from './support/server';

/** The bound on any one task of the page's thread. */
const LONG_TASK_LIMIT_MS = 200;
const ROWS = 100_000;
/** What RECON_PAGE_TRACE records: the page's tasks and what ran in them, with CPU samples. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];
/** A bound on a loaded 2-core machine (read, match and write 100k × 100k in the browser), not a timing assertion. */
const RUN_WAIT = 15 * 60 * 1000;

let build: Build;
let server: StaticServer;
let browser: Browser;
let scratch: string;
let pair: PairLayout;
const watched: WatchedPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'recon-e2e-large-'));
  // A Chinese cash journal against a bank export with its title lines, 300 lines a day (as the bench).
  pair = await writeCsvPair(ROWS, 'zh-bank-cash-journal', 300, scratch);
  build = await buildProduction();
  server = await serveStatic(build.dir);
}, 15 * 60 * 1000);

afterAll(() => tearDown({ watched, browser, server, build, scratch }));

/** The page with a long-task observer installed before any of its scripts run. */
async function openPage(query = ''): Promise<WatchedPage> {
  const w = await openWithLongTasks(browser, server.origin, 'en-US', `${server.origin}/standalone.html${query}`);
  watched.push(w);
  return w;
}

const now = (page: Page) => page.evaluate(() => performance.now());
const longTasksSince = (page: Page, since: number) =>
  page.evaluate((from) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((task) => task.start >= from), since);

/** Picks a whole sheet for one side of the pane and waits for the pane's reading of it. */
async function useSheet(page: Page, side: 'side.ledger.title' | 'side.bank.title', sheet: string): Promise<string> {
  const region = page.getByRole('region', { name: paneText(side, 'en') });
  await region.getByRole('combobox', { name: paneText('range.sheet.label', 'en') }).selectOption(sheet);
  const summary = region.getByText(/entries read/);
  await summary.waitFor({ timeout: RUN_WAIT });
  return (await summary.textContent()) ?? '';
}

/** `copies` times the bank export's lines, one file: a large file that takes a while to parse. */
async function repeatedFile(source: string, target: string, copies: number): Promise<void> {
  const out = createWriteStream(target);
  for (let i = 0; i < copies; i++) {
    await new Promise<void>((resolve, reject) => {
      const input = createReadStream(source);
      input.on('error', reject).on('end', () => resolve());
      input.pipe(out, { end: false });
    });
  }
  await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
}

describe('the standalone page stays responsive', () => {
  test(`100,000 × 100,000 lines: opened, read, reconciled and written with no task over ${LONG_TASK_LIMIT_MS} ms on the page's thread`, async () => {
    const w = await openPage();
    const { page } = w;
    await page.getByRole('button', { name: standaloneText('file.demo', 'en') }).waitFor();
    // The observer works (a deliberate 150 ms task is seen), so "no task over the limit" means something.
    await expectLongTasksObserved(page);
    // RECON_PAGE_PROFILE=<file.cpuprofile>: a CPU profile of the page's thread over the whole flow (diagnosis only).
    const profileTo = process.env.RECON_PAGE_PROFILE;
    const cdp = profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    // RECON_PAGE_TRACE=<file.json>: a Chromium trace of the flow (tasks, GC, message events, CPU samples; diagnosis only).
    if (process.env.RECON_PAGE_TRACE) await browser.startTracing(page, { path: process.env.RECON_PAGE_TRACE, categories: TRACE_CATEGORIES });
    const from = await now(page);
    // When each step ended (reported, never asserted).
    const steps: [string, number][] = [];

    // Both files at once: each becomes a sheet named after it.
    await page.locator('input[type=file]').setInputFiles([pair.ledger.file, pair.bank.file]);
    await page.getByRole('tab', { name: 'ledger' }).waitFor({ timeout: RUN_WAIT });
    await page.getByRole('tab', { name: 'bank' }).waitFor();
    await page.getByText(standaloneText('file.current', 'en', { name: 'ledger.csv + bank.csv' })).waitFor();
    steps.push(['opened', await now(page)]);

    const ledgerRead = await useSheet(page, 'side.ledger.title', 'ledger');
    steps.push(['ledger read in the pane', await now(page)]);
    const bankRead = await useSheet(page, 'side.bank.title', 'bank');
    steps.push(['both read in the pane', await now(page)]);
    // Every generated line is read (the ledger's opening-balance line and the bank's title lines aside).
    const entries = (text: string) => Number(/: ([\d,]+) entries read/.exec(text)?.[1].replace(/,/g, ''));
    expect(entries(ledgerRead)).toBeGreaterThanOrEqual(ROWS - 10);
    expect(entries(bankRead)).toBeGreaterThan(ROWS * 0.9);

    await page.getByRole('button', { name: paneText('run.start', 'en'), exact: true }).click();
    steps.push(['run started', await now(page)]);
    const rate = page.getByText(/^Match rate \d+(\.\d)?%$/);
    await rate.waitFor({ timeout: RUN_WAIT });
    steps.push(['reconciled and written', await now(page)]);
    expect(Number(/([\d.]+)%/.exec((await rate.textContent()) ?? '')?.[1])).toBeGreaterThan(90);
    // Written back: the Matches sheet is in the workbook, and the grid draws it on demand.
    await page.getByRole('tab', { name: 'Matches' }).click();
    const matches = page.getByRole('grid', { name: standaloneText('grid.label', 'en', { sheet: 'Matches' }) });
    try {
      await matches.locator('[role=row][aria-rowindex="2"] [role=gridcell][aria-colindex="2"]').getByText(sheetText('column.id', 'en'), { exact: true }).waitFor();
    } catch (error) {
      console.log('page when the Matches sheet did not show:', (await page.evaluate(() => document.body.innerText)).slice(0, 3000), w.errors);
      throw error;
    }
    steps.push(['Matches drawn', await now(page)]);

    const tasks = await longTasksSince(page, from);
    if (process.env.RECON_PAGE_TRACE) await browser.stopTracing();
    if (cdp && profileTo) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileTo, JSON.stringify(profile));
    }
    const longest = Math.max(0, ...tasks.map((t) => t.duration));
    const seconds = (at: number) => `${((at - from) / 1000).toFixed(1)} s`;
    // Each task with the step it came in (the first step not yet over when it started).
    const during = (task: LongTask) => steps.find(([, at]) => task.start < at)?.[0] ?? 'after';
    console.log(
      `page thread during 100k × 100k: ${tasks.length} tasks over 50 ms, longest ${Math.round(longest)} ms; ` +
        steps.map(([step, at]) => `${step} at ${seconds(at)}`).join(', ') +
        '\ntasks over 50 ms (start, duration, until step): ' +
        tasks.map((t) => `${seconds(t.start)} ${Math.round(t.duration)} ms (${during(t)})`).join('; '),
    );
    // The bound (issue 8, point 6), with every task over 50 ms printed above.
    const over = tasks.filter((t) => t.duration > LONG_TASK_LIMIT_MS);
    expect(over.map((t) => `${seconds(t.start)} ${Math.round(t.duration)} ms (${during(t)})`)).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
  }, RUN_WAIT + 10 * 60 * 1000);

  test('a large file shows its progress, and Cancel stops it and leaves the open workbook working', async () => {
    const big = path.join(scratch, 'bank-year.csv');
    // 6 × 11 MB: long enough to parse that Cancel lands while it is being read.
    await repeatedFile(pair.bank.file, big, 6);
    const w = await openPage('?demo=1');
    const { page } = w;
    await page.getByRole('tab', { name: 'Ledger' }).waitFor();

    const workers = new Set<string>();
    const closed: string[] = [];
    page.on('worker', (worker) => {
      workers.add(worker.url());
      worker.on('close', () => closed.push(worker.url()));
    });
    await page.locator('input[type=file]').setInputFiles(big);
    // Progress: bytes and rows read so far, out of the file's size.
    const progress = page.getByText(/^Reading bank-year\.csv: [\d.]+ MB of 6[\d.]+ MB, [\d,]+ rows$/);
    await progress.waitFor();
    await page.getByRole('button', { name: standaloneText('file.cancel', 'en') }).click();
    await page.getByText(standaloneText('file.cancelled', 'en', { name: 'bank-year.csv' })).waitFor();
    // The worker that was parsing it is gone.
    for (let waited = 0; waited < 30_000 && !closed.some((url) => /recon-workbook/.test(url)); waited += 200) await page.waitForTimeout(200);
    expect(closed.filter((url) => /recon-workbook/.test(url))).toHaveLength(1);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);

    // The demo is still open and still runs.
    await expect(page.getByText(standaloneText('file.current', 'en', { name: 'recon-demo.xlsx' })).count()).resolves.toBe(1);
    await useSheet(page, 'side.ledger.title', 'Ledger');
    await useSheet(page, 'side.bank.title', 'Bank statement');
    await page.getByRole('button', { name: paneText('run.start', 'en'), exact: true }).click();
    await page.getByText(/^Match rate \d+(\.\d)?%$/).waitFor();
    expect(w.errors).toEqual([]);
  }, 10 * 60 * 1000);
});
