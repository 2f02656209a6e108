#!/usr/bin/env node
/**
 * `npm start`: serve the add-in for development.
 *
 * - Desktop Excel here and office-addin-debugging installed: hand over to it; it starts the dev
 *   server (`npm run dev-server`) and sideloads manifest.xml into Excel.
 * - Otherwise (no Excel, e.g. Linux, or the tool is not installed): start the dev server and say
 *   where the manifest is and which pages are served, so the add-in can be sideloaded by hand
 *   (Excel on the web: Insert > Add-ins > Upload My Add-in), and where the standalone page is
 *   with the demo loaded; on a Linux desktop ($DISPLAY or $WAYLAND_DISPLAY) that page opens.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const manifest = path.join(root, 'manifest.xml');
const PORT = 3000;

/** Where desktop Excel lives when installed, per platform. */
const EXCEL_PATHS = {
  win32: [
    'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
    'C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
  ],
  darwin: ['/Applications/Microsoft Excel.app'],
};

/**
 * The pages the dev server may serve. Each is announced only if the server answers for it, so a
 * page added later (the standalone page, /standalone.html) shows up here with no change.
 */
const PAGES = [
  { label: 'Task pane (open from Excel)', path: '/taskpane.html' },
  // Announced with the demo workbook loaded, so a newcomer sees the whole job at once.
  { label: 'Standalone page (no Excel needed)', path: '/standalone.html', show: '/standalone.html?demo=1', open: true },
];

/** A desktop session to open a browser in (not an SSH login or a CI runner); BROWSER=none opts out. */
function desktopPresent() {
  return process.platform === 'linux' && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.BROWSER !== 'none';
}

/** Opens the address in the desktop's browser with xdg-open, when there is one; never fails `npm start`. */
function openInBrowser(url) {
  if (!desktopPresent()) return;
  const opener = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
  opener.on('error', () => console.log(`[recon] Could not open a browser (xdg-open); open ${url} yourself.`));
  opener.unref();
}

function desktopExcel() {
  return (EXCEL_PATHS[process.platform] ?? []).find((candidate) => existsSync(candidate)) ?? null;
}

function resolvable(name) {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

/** Status code of a GET to the dev server, or null when it does not answer (yet). */
function probe(protocol, pagePath) {
  const client = protocol === 'https' ? https : http;
  return new Promise((resolve) => {
    const request = client.get(
      // The dev certificate may not be trusted on this machine; this only talks to our own localhost.
      { host: 'localhost', port: PORT, path: pagePath, rejectUnauthorized: false, timeout: 2000 },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? null);
      },
    );
    request.on('error', () => resolve(null));
    request.on('timeout', () => request.destroy());
  });
}

async function announceWhenReady() {
  const deadline = Date.now() + 5 * 60 * 1000; // the first build can take a while
  while (Date.now() < deadline) {
    for (const protocol of ['https', 'http']) {
      if ((await probe(protocol, '/taskpane.html')) === 200) {
        const served = [];
        for (const page of PAGES) if ((await probe(protocol, page.path)) === 200) served.push(page);
        const lines = [
          '',
          '────────────────────────────────────────────────────────────',
          ` Recon dev server: ${protocol}://localhost:${PORT}`,
          ...served.map((page) => ` ${page.label}: ${protocol}://localhost:${PORT}${page.show ?? page.path}`),
          ` Manifest to sideload: ${manifest}`,
          protocol === 'http'
            ? ' Note: plain http. Excel loads add-ins only over https; see the certificate note above.'
            : ' Excel on the web: Insert > Add-ins > Upload My Add-in, then choose the manifest.',
          '────────────────────────────────────────────────────────────',
          '',
        ];
        console.log(lines.join('\n'));
        for (const page of served) if (page.open) openInBrowser(`${protocol}://localhost:${PORT}${page.show ?? page.path}`);
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.warn('[recon] The dev server did not answer within 5 minutes; check the output above.');
}

const excel = desktopExcel();
const debugging = resolvable('office-addin-debugging');

if (excel && debugging) {
  console.log(`[recon] Desktop Excel found (${excel}); sideloading with office-addin-debugging.`);
  run(process.execPath, [path.join(path.dirname(debugging), 'cli.js'), 'start', manifest, 'desktop', '--app', 'excel']);
} else {
  if (excel) console.log(`[recon] Desktop Excel found (${excel}), but office-addin-debugging is not installed; sideload the manifest by hand.`);
  else console.log('[recon] No desktop Excel on this machine: serving only.');
  const webpackCli = path.join(path.dirname(require.resolve('webpack-cli/package.json')), 'bin', 'cli.js');
  run(process.execPath, [webpackCli, 'serve', '--mode', 'development']);
  void announceWhenReady();
}
