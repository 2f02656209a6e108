#!/usr/bin/env node
/**
 * A look at the production build in a real browser, for a machine with Chromium but no Excel:
 *   node scripts/smoke-pane.mjs [dist]     (after npm run build; CHROMIUM=/path overrides the browser)
 *
 * 1. taskpane.html loads the local Office.js, finds no Office host and says "open this in Excel"
 *    instead of failing; no script error, no request leaves localhost.
 * 2. The engine worker bundle starts in the browser and answers a detect request over the real
 *    Worker protocol (structured clone included) with the expected header row.
 * Inside Excel itself nothing here can be checked; see the add-in's README for that.
 */
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const browserPath = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (!existsSync(path.join(dist, 'taskpane.html'))) throw new Error(`No build in ${dist}: run npm run build first.`);
if (!browserPath) throw new Error('No Chromium found; set CHROMIUM=/path/to/chrome.');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'text/xml', '.map': 'application/json' };
const server = createServer((request, response) => {
  const file = path.join(dist, decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
  if (!file.startsWith(dist) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
const failures = [];
try {
  const page = await browser.newPage({ locale: 'en-US' });
  const errors = [];
  const outside = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) outside.push(request.url());
  });
  await page.goto(`${origin}/taskpane.html`);
  const notice = page.getByText('Open this in Excel');
  try {
    await notice.waitFor({ timeout: 20000 });
    console.log('ok   taskpane.html outside Excel shows: "Open this in Excel"');
  } catch {
    failures.push(`taskpane.html did not show its outside-Excel notice; body: ${(await page.textContent('body'))?.slice(0, 300)}`);
  }
  if (errors.length) failures.push(`script errors: ${errors.join(' | ')}`);
  if (outside.length) failures.push(`requests left the origin: ${outside.join(', ')}`);
  else console.log('ok   no request left the origin');

  const workerFile = readdirSync(dist).find((f) => /^recon-engine\..*\.js$/.test(f) || f === 'recon-engine.js');
  if (!workerFile) failures.push('no recon-engine worker bundle in the build');
  else {
    const answer = await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          const worker = new Worker(url);
          const cells = [
            ['中国工商银行账户历史明细', null, null, null],
            ['交易日期', '对方户名', '收入金额', '支出金额'],
            ['20250303', '上海明远贸易有限公司', '15,000.00', ''],
            ['20250306', '杭州顺达物流有限公司', '', '3,260.00'],
            ['合计', '', '15,000.00', '3,260.00'],
          ];
          worker.onmessage = (event) => {
            if (event.data.type !== 'progress') resolve(event.data);
          };
          worker.onerror = (event) => resolve({ type: 'error', message: event.message });
          worker.postMessage({ id: 1, type: 'detect', source: { cells, firstRow: 1 }, options: { side: 'bank' } });
        }),
      `${origin}/${workerFile}`,
    );
    if (answer.type === 'done' && answer.value.headerRow === 2 && answer.value.entryCount === 2 && answer.value.preview[1].amount === '-3260.00') {
      console.log(`ok   engine worker (${workerFile}) answered detect: header row 2, 2 entries, -3260.00`);
    } else failures.push(`engine worker answered ${JSON.stringify(answer).slice(0, 300)}`);
  }
} finally {
  await browser.close();
  server.close();
}
for (const failure of failures) console.error(`FAIL ${failure}`);
process.exit(failures.length ? 1 : 0);
