/**
 * The Excel task pane in Chromium on the fake Excel, for the e2e tests only (nothing here is
 * shipped): the production build's own taskpane.html and bundles, with `office-js/office.js`
 * served as an esbuild bundle of office-entry.ts (test/fake-excel behind `Office` and `Excel`
 * globals) and the workbook's cells as `fake-excel/workbook.json`.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'fs';
import * as path from 'path';
import type { CellValue } from '../../../../src/engine/types';

export interface FakeWorkbookFile {
  /** Highest ExcelApi set the fake host answers for (default 1.7, Office 2019). */
  excelApi?: string;
  /** Request and response limits in bytes (default Excel on the web's 5 MB, FIVE_MB). */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  displayLanguage?: string;
  sheets: { name: string; cells: CellValue[][] }[];
  active?: string;
}

/** Bundles office-entry.ts into `dir`; returns the file's path. */
export async function buildFakeOffice(dir: string): Promise<string> {
  const outfile = path.join(dir, 'fake-office.js');
  await build({
    entryPoints: [path.join(__dirname, 'office-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Chromium only: a test harness, not a shipped script (es2018.test.ts walks the build, not this).
    target: 'chrome110',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Writes the workbook the fake host opens with; returns the file's path. */
export function writeFakeWorkbook(dir: string, workbook: FakeWorkbookFile): string {
  const file = path.join(dir, 'workbook.json');
  writeFileSync(file, JSON.stringify(workbook));
  return file;
}

/**
 * What serveStatic must map beside the build (`buildDir`): the stand-in for office.js, the workbook,
 * and a favicon (Chromium asks for one for a top-level page; Office's pane is an iframe, which does not).
 */
export function fakeOfficeRoutes(buildDir: string, bundle: string, workbook: string): Record<string, string> {
  return { '/office-js/office.js': bundle, '/fake-excel/workbook.json': workbook, '/favicon.ico': path.join(buildDir, 'assets', 'icon-32.png') };
}
