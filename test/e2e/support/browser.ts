/**
 * Debian's Chromium driven by playwright-core. Never downloads a browser: when Chromium is missing
 * the suite fails, saying how to install it.
 */
import { existsSync, rmSync } from 'fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is needed for the end-to-end tests and was not found at ${CHROMIUM}. ` +
        'Install Debian\'s package: `sudo apt-get install chromium` (.ci/run installs it when missing), ' +
        'or point CHROMIUM=/path/to/chromium at another build.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A page with every request and every script error recorded, for the tests to assert on. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL requested, by the page and its workers. */
  requests: string[];
  /** Requests that left the page's origin (blob: and data: URLs stay in the browser and are allowed). */
  outside: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
  close(): Promise<void>;
}

export async function openWatched(browser: Browser, origin: string, locale: string): Promise<WatchedPage> {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const outside: string[] = [];
  const errors: string[] = [];
  const record = (url: string) => {
    requests.push(url);
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  };
  context.on('request', (request) => record(request.url()));
  page.on('worker', (worker) => record(worker.url()));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, requests, outside, errors, close: () => context.close() };
}

/** A task of the page's thread over 50 ms, as a PerformanceObserver for 'longtask' reports it. */
export interface LongTask {
  start: number;
  duration: number;
}

/** What an e2e suite set up, closed in order; each part may be missing when set-up failed early. */
export async function tearDown(parts: {
  watched?: readonly WatchedPage[];
  browser?: Browser;
  server?: { close(): Promise<void> };
  build?: { remove(): void };
  scratch?: string;
}): Promise<void> {
  for (const w of parts.watched ?? []) await w.close().catch(() => undefined);
  await parts.browser?.close();
  await parts.server?.close();
  parts.build?.remove();
  if (parts.scratch) rmSync(parts.scratch, { recursive: true, force: true });
}

/**
 * A page opened at `url` with a 'longtask' observer installed before any of its scripts run; the
 * tasks are in `window.__longTasks`.
 */
export async function openWithLongTasks(browser: Browser, origin: string, locale: string, url: string): Promise<WatchedPage> {
  const w = await openWatched(browser, origin, locale);
  w.page.setDefaultTimeout(120_000);
  await w.page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await w.page.goto(url);
  return w;
}

/**
 * Proves the page's 'longtask' observer reports: blocks the page's thread for 150 ms and waits for
 * that task to be recorded. A test asserting "no task over 200 ms" would otherwise pass on a page
 * whose observer never saw anything.
 */
export async function expectLongTasksObserved(page: Page): Promise<void> {
  // In a timer, so it is one of the page's own tasks (a script run from the test may not count as one).
  const started = await page.evaluate(() => {
    const at = performance.now();
    setTimeout(() => {
      const from = performance.now();
      while (performance.now() - from < 150) {
        // busy: one task of 150 ms
      }
    }, 0);
    return at;
  });
  await page.waitForFunction(
    (from) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.some((t) => t.start >= from - 5 && t.duration >= 140),
    started,
    { timeout: 10_000 },
  );
}
