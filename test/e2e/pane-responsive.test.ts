/**
 * The Excel task pane never freezes (issue 8, point 6): its worker path at 100,000 × 100,000 lines,
 * in Debian's Chromium, on the production build's own taskpane.html and bundles, over the fake
 * Excel (test/fake-excel) standing in for office.js (test/e2e/support/fake-office).
 *
 * A user's run: the ledger and the bank export (generated, 100,000 lines a side, a Chinese cash
 * journal and a bank export with its title lines, as the standalone page's test) are selected in
 * "Excel" and taken with "Use current selection", then Reconcile. Asserted: the run completes
 * (match rate over 90 %, the Matches and Discrepancies sheets in the fake workbook, no page error,
 * no request off the machine); the run, read to written, makes the syncs it makes today (counted
 * by the fake per Excel.run batch: 6 + 7 to read, 3 to look at the workbook, 27 to write); and no
 * task of the pane's own over 200 ms on the page's thread from Reconcile to the result shown
 * (PerformanceObserver 'longtask', installed before any script). Every task over 50 ms is printed
 * with Excel's share of it. That bound is asserted on every run since 2026-12-06: on the 2-core
 * machine shared at load 2–5, 11 of 11 runs within it (the pane's longest own task 64–158 ms)
 * after the pane's progress came to redraw the progress bar alone and the Office host stopped
 * copying output rows that go to Excel as they are; the code before those changes was within it
 * in 6 of 6 runs at the same load (57–125 ms), and in 14 of 15 at load 4–7 (one task of 221 ms),
 * so what a loaded machine does to it is not settled. The traced garbage collection did not
 * change (scavenges on the page's thread 918 ms before, 927 ms after, in one run each). Before
 * this session's slicing, 1–5 tasks of 230–750 ms, and before the Office host paused its
 * preparation, 9 tasks of up to 1.15 s. What the pane does between syncs is cut into slices of
 * about 40 ms with a macrotask between (office/page-slices.ts): the outputs' checks, the status
 * survey's probe, the highlight rules' check of every label, the run record written (and its parts
 * sized) and read back (parseJsonInSlices). What remains over 50 ms is V8's garbage collection on
 * a page heap of 200–500 MB that also holds the fake's own workbook and its undo journal: scavenges
 * of 45–80 ms that keep nearly everything (the outputs arriving from the worker, the fake's
 * workbook growing as each sync is applied), a mark-compact's final pause of 30–110 ms,
 * incremental marking steps in whichever task allocates; a machine loaded past load 8 can still
 * stretch one past 200 ms.
 *
 * What is faithful:
 *   - the pane is the shipped one (webpack's production build, the engine in its Web Worker);
 *   - Office.js's round trip is modelled: every `context.sync()` goes to "Excel" in a macrotask and
 *     comes back in another, so the page's thread is free between a request and its answer, and the
 *     pane handles the answer in a task of its own, as with Office's postMessage;
 *   - the fake refuses what Excel refuses (unloaded properties, cells per range, …), so the sync
 *     count is the one a real Excel would see; the fake sizes each queued payload as JSON on the
 *     pane's thread, where Office.js serializes the whole request at sync(): about the same work.
 * What is not:
 *   - Excel desktop's limits, not Excel on the web's, by default: RECON_PANE_WEB_LIMITS=1 runs it
 *     with the web's 5 MB per request and response (the same syncs: the host keeps its own 3.5 MB
 *     budgets either way; the run record kept in `_recon_state`, 9.9 MB of JSON at 100k, is written
 *     and read in chunks, office/state-sheet.ts);
 *   - Excel's side runs on the page's thread: the fake applying a batch (writing 100k rows into
 *     its model) is a task of the page's thread here, where in Excel it is another process. The
 *     harness notes when the fake started and ended applying each sync; that time is subtracted
 *     from the long task holding it, and the bound is on the pane's own time (the fake's own long
 *     tasks, up to 1.7 s for the switch-over's renames, are listed, not asserted);
 *   - the fake hands each answer over as objects: real Office.js parses up to 5 MB of JSON per
 *     answer on the page's thread (tens of ms), which this does not model;
 *   - one machine runs Chromium, the engine worker, the fake and the test at once (2 cores, shared):
 *     tasks are longer than on a user's machine, never shorter.
 *
 * Generated data and the browser make this heavy (1–2 minutes here); every wait is a bound, not a
 * timing assertion. RECON_E2E_DIST=dist reuses a build made before; RECON_PANE_ROWS=20000 a smaller
 * run (the sync counts are asserted at 100k only); RECON_PANE_PROFILE=<file> writes a CPU profile
 * of the page's thread during the run and the long tasks beside it (<file>.tasks.json);
 * RECON_PANE_TRACE=<file.json> a Chromium trace of the run (each task with the garbage collections,
 * calls and CPU samples in it: what a long task was).
 */
import { mkdtempSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { CellValue } from '../../src/engine/types';
import { generatePair } from '../../src/generator/generate-pair';
import { BANK_STYLES_FOR } from '../../src/generator/layouts';
import { paneText } from '../../src/i18n/pane';
import { reportText } from '../../src/i18n/report-sheets';
import { sheetText } from '../../src/i18n/sheets';
import { columnLetters } from '../fake-excel/a1';
import { expectLongTasksObserved, launchChromium, openWithLongTasks, tearDown, type LongTask, type WatchedPage } from './support/browser';
import { buildProduction, type Build } from './support/build';
import { buildFakeOffice, fakeOfficeRoutes, writeFakeWorkbook } from './support/fake-office/harness';
import type { FakeOfficeHandle, SyncCall } from './support/fake-office/office-entry';
import { serveStatic, type StaticServer } from './support/server';

/** The issue's bound on any one task of the page's thread. */
const LONG_TASK_LIMIT_MS = 200;
const ROWS = Number(process.env.RECON_PANE_ROWS ?? 100_000);
/** A bound on a loaded 2-core machine (read, match and write 100k × 100k), not a timing assertion. */
const RUN_WAIT = 15 * 60 * 1000;
/**
 * Measured 2026-12-06 (see syncCounts); lookBeforeWrite and afterRun were 4 and 5 before the pane's
 * simultaneous lastRun/readMemory shared one read of the state. write was 24 and afterRun 3 while the
 * 9.9 MB run record went in one request and came back in one response, which Excel on the web
 * refuses over 5 MB: now its parts take 3 syncs before the switch-over (the clean-up's final state,
 * without the pending list, rewrites only its last part), and reading it back 5 more
 * (office/state-sheet.ts).
 * (bench:office's shorter path, with no kept set-up, reads in 13 and writes in 17.)
 */
const EXPECTED_SYNCS_100K = { readLedger: 6, readBank: 7, lookBeforeWrite: 3, write: 27, run: 43, afterRun: 8 };
/** Excel desktop has no documented payload limit; the fake's default is Excel on the web's 5 MB. */
const DESKTOP_LIMIT = 1e12;
const LEDGER_SHEET = '银行存款日记账';
/** What RECON_PANE_TRACE records: the page's tasks and what ran in them, with CPU samples. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];
const BANK_SHEET = '银行流水';

let build: Build;
let server: StaticServer;
let browser: Browser;
let scratch: string;
const addresses: Record<'ledger' | 'bank', string> = { ledger: '', bank: '' };
const watched: WatchedPage[] = [];

function blockAddress(cells: CellValue[][]): string {
  let width = 0;
  for (const row of cells) if (row.length > width) width = row.length;
  return `A1:${columnLetters(width - 1)}${cells.length}`;
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'recon-e2e-pane-'));
  // As bench/whole/csv-pair.ts makes it for the page's test: seed 1, 300 lines a day.
  const layout = 'zh-bank-cash-journal';
  const pair = generatePair({ seed: 1, rows: ROWS, layout, bankStyle: BANK_STYLES_FOR[layout][1 % BANK_STYLES_FOR[layout].length], days: Math.ceil(ROWS / 300) });
  addresses.ledger = blockAddress(pair.ledger.cells);
  addresses.bank = blockAddress(pair.bank.cells);
  const workbook = writeFakeWorkbook(scratch, {
    excelApi: '1.7',
    // Excel desktop: no payload limit (see the header); RECON_PANE_WEB_LIMITS=1 for Excel on the web's 5 MB.
    ...(process.env.RECON_PANE_WEB_LIMITS === '1' ? {} : { maxRequestBytes: DESKTOP_LIMIT, maxResponseBytes: DESKTOP_LIMIT }),
    displayLanguage: 'en-US',
    sheets: [
      { name: LEDGER_SHEET, cells: pair.ledger.cells },
      { name: BANK_SHEET, cells: pair.bank.cells },
    ],
    active: LEDGER_SHEET,
  });
  const [fakeOffice, built] = await Promise.all([buildFakeOffice(scratch), buildProduction()]);
  build = built;
  server = await serveStatic(build.dir, fakeOfficeRoutes(build.dir, fakeOffice, workbook));
  browser = await launchChromium();
}, 15 * 60 * 1000);

afterAll(() => tearDown({ watched, browser, server, build, scratch }));

/** The pane, with a long-task observer installed before any of its scripts run. */
async function openPane(): Promise<WatchedPage> {
  const w = await openWithLongTasks(browser, server.origin, 'en-US', `${server.origin}/taskpane.html`);
  watched.push(w);
  return w;
}

const now = (page: Page) => page.evaluate(() => performance.now());
const fakeOffice = <T>(page: Page, read: (handle: FakeOfficeHandle) => T) =>
  page.evaluate(`(${read.toString()})(window.__fakeOffice)`) as Promise<T>;

/** Selects `address` on `sheet` in "Excel", takes it with "Use current selection" and waits for the pane's reading. */
async function useSelection(page: Page, side: 'side.ledger.title' | 'side.bank.title', sheet: string, address: string): Promise<string> {
  await page.evaluate(([s, a]) => (window as unknown as { __fakeOffice: FakeOfficeHandle }).__fakeOffice.select(s, a), [sheet, address]);
  const region = page.getByRole('region', { name: paneText(side, 'en') });
  await region.getByRole('button', { name: paneText('range.useSelection', 'en') }).click();
  const summary = region.getByText(/entries read/);
  await summary.waitFor({ timeout: RUN_WAIT });
  return (await summary.textContent()) ?? '';
}

/**
 * Syncs sent to Excel (with something queued) from Reconcile on, by step: the run, read to
 * written (every Excel.run batch up to the last one that writes), and the pane's look at the
 * workbook after it (sheet names, the run record), not part of the run.
 */
function syncCounts(syncs: SyncCall[]) {
  const sent = syncs.filter((s) => s.ops > 0);
  const lastWrite = Math.max(...sent.filter((s) => s.writes > 0).map((s) => s.batch));
  const batches = [...new Set(sent.map((s) => s.batch))].sort((a, b) => a - b);
  const inBatch = (batch: number) => sent.filter((s) => s.batch === batch).length;
  const run = batches.filter((b) => b <= lastWrite);
  return {
    readLedger: inBatch(run[0]),
    readBank: inBatch(run[1]),
    /** Between the reads and the write: sheet names, the previous run's record and memory. */
    lookBeforeWrite: run.slice(2, -1).reduce((n, b) => n + inBatch(b), 0),
    write: inBatch(lastWrite),
    run: run.reduce((n, b) => n + inBatch(b), 0),
    afterRun: batches.filter((b) => b > lastWrite).reduce((n, b) => n + inBatch(b), 0),
  };
}

/** One line per Excel.run batch: its syncs and what each carried (for the log). */
function describeBatches(syncs: SyncCall[]): string {
  const byBatch = new Map<number, SyncCall[]>();
  for (const s of syncs) if (s.ops > 0) byBatch.set(s.batch, [...(byBatch.get(s.batch) ?? []), s]);
  return [...byBatch]
    .map(([batch, list]) => `  batch ${batch}: ${list.length} syncs: ${list.map((s) => `[${s.ops} ops: ${s.labels.slice(0, 4).join(', ')}${s.labels.length > 4 ? ', …' : ''}]`).join(' ')}`)
    .join('\n');
}

/**
 * Waits for the run's result (a bound, not a timing assertion); says what the pane shows and what
 * Excel was last asked every minute, and fails at once on an error the pane shows.
 */
async function waitForResult(w: WatchedPage, result: ReturnType<Page['getByText']>): Promise<void> {
  const { page } = w;
  const started = Date.now();
  let said = started;
  for (;;) {
    if ((await result.count()) > 0) return;
    const alerts = page.getByRole('alert');
    const state = async () => {
      const syncs = await fakeOffice(page, (f) => f.syncs.slice(-3).map((s) => `${s.ops} ops ${s.labels.slice(0, 3).join(', ')}${s.failed ? ` FAILED ${s.failed}` : ''}`));
      const count = await fakeOffice(page, (f) => f.syncs.length);
      const text = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ').slice(0, 1500);
      return `after ${Math.round((Date.now() - started) / 1000)} s: ${count} syncs, last: ${syncs.join(' | ')}; errors ${JSON.stringify(w.errors)}; pane: ${text}`;
    };
    if ((await alerts.count()) > 0) throw new Error(`The pane shows an error: ${await state()}`);
    if (Date.now() - started > RUN_WAIT) throw new Error(`No result within ${RUN_WAIT / 60000} min: ${await state()}`);
    if (Date.now() - said > 60_000) {
      said = Date.now();
      console.log(await state());
    }
    await page.waitForTimeout(1000);
  }
}

/** How long Excel's side (the fake applying batches) held the thread within a task. */
function excelTimeWithin(task: LongTask, syncs: SyncCall[]): number {
  const end = task.start + task.duration;
  let total = 0;
  for (const s of syncs) total += Math.max(0, Math.min(end, s.excelEnd) - Math.max(task.start, s.excelStart));
  return total;
}

describe('the Excel task pane stays responsive', () => {
  test(`${ROWS.toLocaleString('en')} × ${ROWS.toLocaleString('en')} lines: read, reconciled and written in the same syncs, no task of the pane's over ${LONG_TASK_LIMIT_MS} ms`, async () => {
    const w = await openPane();
    const { page } = w;
    await page.getByRole('button', { name: paneText('run.start', 'en'), exact: true }).waitFor();

    const ledgerRead = await useSelection(page, 'side.ledger.title', LEDGER_SHEET, addresses.ledger);
    const bankRead = await useSelection(page, 'side.bank.title', BANK_SHEET, addresses.bank);
    const entries = (text: string) => Number(/: ([\d,]+) entries read/.exec(text)?.[1].replace(/,/g, ''));
    expect(entries(ledgerRead)).toBeGreaterThanOrEqual(ROWS - 10);
    expect(entries(bankRead)).toBeGreaterThan(ROWS * 0.9);

    const syncsBefore = await fakeOffice(page, (f) => f.syncs.length);
    // The observer works (a deliberate 150 ms task is seen), so "no task over the limit" means something.
    await expectLongTasksObserved(page);
    // RECON_PANE_PROFILE=<file.cpuprofile>: a CPU profile of the page's thread during the run (diagnosis only).
    const profiler = process.env.RECON_PANE_PROFILE ? await w.context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
      await profiler.send('Profiler.start');
    }
    // RECON_PANE_TRACE=<file.json>: a Chromium trace of the run (tasks, GC, message events, CPU samples; diagnosis only).
    if (process.env.RECON_PANE_TRACE) await browser.startTracing(page, { path: process.env.RECON_PANE_TRACE, categories: TRACE_CATEGORIES });
    const from = await now(page);
    await page.getByRole('button', { name: paneText('run.start', 'en'), exact: true }).click();
    const rate = page.getByText(/^Match rate \d+(\.\d)?%$/);
    await waitForResult(w, rate);
    const until = await now(page);
    if (process.env.RECON_PANE_TRACE) await browser.stopTracing();
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(process.env.RECON_PANE_PROFILE!, JSON.stringify(profile));
    }
    expect(Number(/([\d.]+)%/.exec((await rate.textContent()) ?? '')?.[1])).toBeGreaterThan(90);

    // Written: the output sheets are in the fake workbook.
    const names = await fakeOffice(page, (f) => f.sheetNames());
    expect(names).toEqual(expect.arrayContaining([sheetText('sheet.matches', 'en'), reportText('sheet.discrepancies', 'en')]));

    // The pane reads the workbook again once the run is shown (sheet names, the run record): wait for it to settle.
    let settled = await fakeOffice(page, (f) => f.syncs.length);
    for (let waited = 0; waited < 60_000; waited += 2000) {
      await page.waitForTimeout(2000);
      const count = await fakeOffice(page, (f) => f.syncs.length);
      if (count === settled) break;
      settled = count;
    }
    const syncs = (await fakeOffice(page, (f) => f.syncs)).slice(syncsBefore);
    const counts = syncCounts(syncs);
    console.log(`syncs sent to Excel from Reconcile on: ${JSON.stringify(counts)}\n${describeBatches(syncs)}`);
    const tasks = ((await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks)) as LongTask[]).filter(
      (t) => t.start + t.duration >= from && t.start <= until,
    );
    const attributed = tasks.map((t) => ({ ...t, excel: excelTimeWithin(t, syncs), pane: t.duration - excelTimeWithin(t, syncs) }));
    const describe = (t: (typeof attributed)[number]) => `${Math.round(t.duration)} ms at ${((t.start - from) / 1000).toFixed(1)} s (Excel's side ${Math.round(t.excel)} ms)`;
    console.log(
      `page thread during the run (${((until - from) / 1000).toFixed(1)} s): ${tasks.length} tasks over 50 ms:\n  ${attributed.map(describe).join('\n  ')}`,
    );
    if (process.env.RECON_PANE_PROFILE) writeFileSync(`${process.env.RECON_PANE_PROFILE}.tasks.json`, JSON.stringify({ from, until, tasks: attributed, syncs }));
    // The issue's bound on the pane's own time (issue 8, point 6), on every run.
    const over = attributed.filter((t) => t.pane > LONG_TASK_LIMIT_MS);
    expect(over.map(describe)).toEqual([]);
    expect(syncs.filter((s) => s.failed)).toEqual([]);
    // Read to written, the syncs the adapter makes today (README, "the add-in's own path"): each
    // side's range in chunks of 10,000 rows, the sheet names and the run record kept in the workbook,
    // and the write's phases (also in chunks). Small runs make the same batches with fewer chunks.
    if (ROWS === 100_000) expect(counts).toEqual(EXPECTED_SYNCS_100K);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
  }, RUN_WAIT + 10 * 60 * 1000);
});
