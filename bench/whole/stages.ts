/**
 * Where a whole `recon match` run spends its time, stage by stage, in one process on the bench's cached
 * CSV files (bench-pairs.ts; made here when missing): loading, reading, row keys, matching, report, result.json.
 * Files are loaded as the command line loads them without --out: their first rows, the rest parsed
 * while the rows are read (CellsSource.stream), so "read" includes most of the parsing.
 * Garbage collection is counted apart (performance observer), so a stage that only makes garbage shows.
 *
 *   node [--expose-gc] --import tsx bench/whole/stages.ts [--rows 100000] [--layout en-bank] [--rows-per-day 300] [--repeat 1]
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { readBothSides } from '../../src/engine';
import { matchEntries, resolveMatchOptions } from '../../src/engine/match/match-entries';
import { buildReport } from '../../src/engine/report/build-report';
import { loadTable } from '../../src/workbook/file/load-table';
import { PLAN_HEAD_ROWS } from '../../src/engine/read/plan-reading';
import { resultJsonChunks } from '../../src/cli/result-json';
import { writeOutputFile } from '../../src/cli/output-file';
import { numberMatches } from '../../src/engine/decisions/stable-ids';
import type { SideKind } from '../../src/engine/types';
import { option } from '../table';
import { pairFor } from './bench-pairs';

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

async function stage<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const gcBefore = gcMs;
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  // gc entries arrive asynchronously: let them in before reading the counter
  await new Promise((resolve) => setImmediate(resolve));
  // With --expose-gc: the heap each stage leaves alive, after a full collection.
  const live = globalThis.gc ? (globalThis.gc(), ` live ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB`) : '';
  console.log(`${name.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms  (gc ${(gcMs - gcBefore).toFixed(0).padStart(5)} ms)  rss ${Math.round(process.memoryUsage().rss / 1048576)} MB${live}`);
  return result;
}

async function main(argv: string[]): Promise<void> {
  const rows = Number(option(argv, 'rows') ?? 100_000);
  const layout = option(argv, 'layout') ?? 'en-bank';
  const rowsPerDay = Number(option(argv, 'rows-per-day') ?? 300);
  const pair = pairFor(rows, layout, rowsPerDay, false);
  console.log(`${rows.toLocaleString('en')} rows per side, load ${os.loadavg()[0].toFixed(1)}`);
  const total = performance.now();
  const ledger = await stage('load csv', () => loadTable(pair.ledger.file, { streamAfter: PLAN_HEAD_ROWS }));
  const bank = await stage('load csv', () => loadTable(pair.bank.file, { streamAfter: PLAN_HEAD_ROWS }));
  const options = resolveMatchOptions();
  const sources = { ledger: { cells: ledger.cells, cutFromText: true, stream: ledger.stream }, bank: { cells: bank.cells, cutFromText: true, stream: bank.stream } };
  const read = await stage('read', () => readBothSides(sources.ledger, sources.bank, { ledger: { kind: pair.ledgerKind as SideKind }, dateWindowDays: options.dateWindowDays }));
  sources.ledger.cells = sources.bank.cells = ledger.cells = bank.cells = [];
  ledger.cells = bank.cells = [];
  const found = await stage('match', () => matchEntries(read.ledger.entries, read.bank.entries, options));
  // as reconcile does on a first run: ids numbered, row keys and group records left until read
  const result = { ...found, ...read, options, decisions: [], groups: [], nextMatchNumber: numberMatches(found.matches, 1) };
  const report = await stage('report', () => buildReport(result));
  await stage('result.json', () => writeOutputFile(path.join(os.tmpdir(), `recon-stages-${process.pid}.json`), resultJsonChunks(result, report, 'en')));
  console.log(`${'total'.padEnd(12)} ${(performance.now() - total).toFixed(0).padStart(6)} ms  (gc ${gcMs.toFixed(0).padStart(5)} ms)`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
