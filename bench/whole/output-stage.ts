/**
 * The report and output stage of `recon match` alone, repeated on one reconcile result: buildReport,
 * then result.json written as the command writes it. Reading and matching run once, untimed. Prints
 * wall time, CPU time (user + system of the whole process, so the stream's own work counts) and GC
 * time per stage and run, then the median of the runs.
 *
 *   node --import tsx bench/whole/output-stage.ts [--rows 100000] [--layout en-bank] [--rows-per-day 300] [--runs 5] [--json /tmp/x.json]
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reconcile } from '../../src/engine';
import { buildReport } from '../../src/engine/report/build-report';
import { loadTable } from '../../src/workbook/file/load-table';
import { resultJsonChunks } from '../../src/cli/result-json';
import { writeOutputFile } from '../../src/cli/output-file';
import type { SideKind } from '../../src/engine/types';
import { option } from '../table';

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

interface Measure {
  wall: number;
  cpu: number;
  gc: number;
}

async function measure(work: () => unknown): Promise<Measure> {
  const gcBefore = gcMs;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await new Promise((resolve) => setImmediate(resolve));
  return { wall, cpu: (cpu.user + cpu.system) / 1000, gc: gcMs - gcBefore };
}

const show = (name: string, m: Measure) => `${name} ${m.wall.toFixed(0).padStart(5)} ms wall ${m.cpu.toFixed(0).padStart(5)} ms cpu (gc ${m.gc.toFixed(0).padStart(4)})`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(argv: string[]): Promise<void> {
  const rows = Number(option(argv, 'rows') ?? 100_000);
  const layout = option(argv, 'layout') ?? 'en-bank';
  const rowsPerDay = Number(option(argv, 'rows-per-day') ?? 300);
  const runs = Number(option(argv, 'runs') ?? 5);
  const json = option(argv, 'json') ?? path.join(os.tmpdir(), `recon-output-stage-${process.pid}.json`);
  const dir = path.join(__dirname, '..', '..', '.bench-cache', 'csv', `${layout}-${rows}-${rowsPerDay}`);
  const pair = JSON.parse(readFileSync(path.join(dir, 'layout.json'), 'utf8')) as { ledgerKind: SideKind; ledger: { file: string }; bank: { file: string } };
  const ledger = await loadTable(pair.ledger.file);
  const bank = await loadTable(pair.bank.file);
  const result = reconcile({ cells: ledger.cells, cutFromText: true }, { cells: bank.cells, cutFromText: true }, { releaseCells: true, ledger: { kind: pair.ledgerKind }, bank: {} });
  ledger.cells = bank.cells = [];
  console.log(`${rows.toLocaleString('en')} rows per side, ${result.matches.length} matches, load ${os.loadavg()[0].toFixed(1)}`);
  const all: { report: Measure; json: Measure }[] = [];
  for (let run = 0; run < runs; run++) {
    let report!: ReturnType<typeof buildReport>;
    const r = await measure(() => (report = buildReport(result)));
    const j = await measure(() => writeOutputFile(json, (function* () {
      yield* resultJsonChunks(result, report, 'en');
      yield '\n';
    })()));
    all.push({ report: r, json: j });
    console.log(`run ${run + 1}: ${show('report', r)}  ${show('result.json', j)}`);
  }
  const med = (pick: (x: { report: Measure; json: Measure }) => number) => median(all.map(pick)).toFixed(0);
  console.log(`median: report ${med((x) => x.report.cpu)} ms cpu, result.json ${med((x) => x.json.cpu)} ms cpu, together ${med((x) => x.report.cpu + x.json.cpu)} ms cpu / ${med((x) => x.report.wall + x.json.wall)} ms wall`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
