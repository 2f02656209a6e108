/**
 * The add-in's own path, on the fake Excel (test/fake-excel): what the task pane does when the user
 * presses Reconcile (test/workbook/office/pane-run.ts): read both sheets with OfficeWorkbook, match
 * (reconcile + report + layout), write everything back with OfficeWorkbook.writeRun. Each step is
 * timed and what Excel would be sent is counted: syncs, the largest request and response,
 * operations (and how many of them format), operations aimed at single cells.
 *
 *   npx tsx bench/office-path.ts [--sizes 10000,100000] [--layout en-bank]
 * prints that table (median time of 3 runs at ≤ 10k rows, 1 run above); `npm run bench` runs
 * ADD_IN_PATH as one of its paths, timing the same steps at 10k and 100k rows.
 * The fake does in JavaScript what Excel does in its own process: its times show the adapter's
 * and the fake's work, not Excel's; syncs and bytes are what a real Excel would receive.
 */
import os from 'node:os';
import { generatePair, type GeneratedPair } from '../src/generator';
import type { Layout } from '../src/generator/layouts';
import { OfficeWorkbook } from '../src/workbook/office';
import { FakeExcel, type SyncRecord } from '../test/fake-excel';
import { BANK_SHEET, LEDGER_SHEET, pairWorkbook, paneRun, type PaneStep } from '../test/workbook/office/pane-run';
import type { BenchPath, Phase } from './bench';
import { option, table } from './table';

export type AddInPhase = 'load sheets (fake)' | 'read' | 'match' | 'write';

/** The bench phase each step of the pane's run belongs to (both reads are one phase). */
const PHASE_OF: Record<PaneStep, AddInPhase> = { 'read ledger': 'read', 'read bank': 'read', match: 'match', write: 'write' };

export interface PhaseCounts {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  ops: number;
  formatOps: number;
  singleCellOps: number;
}

function counts(syncs: SyncRecord[]): PhaseCounts {
  return {
    syncs: syncs.length,
    maxRequestBytes: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    maxResponseBytes: Math.max(0, ...syncs.map((s) => s.responseBytes)),
    ops: syncs.reduce((n, s) => n + s.ops, 0),
    formatOps: syncs.reduce((n, s) => n + s.byCategory.format, 0),
    singleCellOps: syncs.reduce((n, s) => n + s.singleCellWrites, 0),
  };
}

/** An untimed phase, for standalone use. */
const untimed: Phase = async (_name, work) => work();

/**
 * One run of the add-in path on a fresh fake workbook holding `pair`: phases timed through
 * `phase` (the bench runner's, or a stopwatch), syncs counted per phase.
 */
export async function runAddInPath(pair: GeneratedPair, phase: Phase = untimed): Promise<Record<AddInPhase, PhaseCounts>> {
  const fake = new FakeExcel();
  await phase('load sheets (fake)', () => pairWorkbook(fake, pair));
  const workbook = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.Office.context.requirements.isSetSupported });
  const syncs: Record<AddInPhase, SyncRecord[]> = { 'load sheets (fake)': [], read: [], match: [], write: [] };
  await paneRun(workbook, {
    ledgerAddress: LEDGER_SHEET,
    bankAddress: BANK_SHEET,
    locale: 'zh-CN',
    ledgerKind: pair.truth.ledgerKind,
    step: (name, work) =>
      phase(PHASE_OF[name], async () => {
        fake.stats.reset();
        const value = await work();
        syncs[PHASE_OF[name]].push(...fake.stats.syncs);
        return value;
      }),
  });
  return {
    'load sheets (fake)': counts(syncs['load sheets (fake)']),
    read: counts(syncs.read),
    match: counts(syncs.match),
    write: counts(syncs.write),
  };
}

/** The path as `npm run bench` runs it (bench/bench.ts, BENCH_PATHS). */
export const ADD_IN_PATH: BenchPath = {
  name: 'add-in: read, match, write (fake Excel)',
  sizes: [10_000, 100_000],
  run: async (pair, phase) => {
    await runAddInPath(pair, phase);
  },
};

// ---- standalone: npx tsx bench/office-path.ts ----

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const bytes = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(2)} MB` : `${(n / 1000).toFixed(1)} kB`);

export async function printAddInBench(argv: string[] = []): Promise<void> {
  const sizes = option(argv, 'sizes')?.split(',').map((s) => Number(s.replace(/_/g, ''))) ?? [10_000, 100_000];
  const layout = (option(argv, 'layout') ?? 'zh-bank-cash-journal') as Layout;
  console.log(`Recon add-in path on the fake Excel — node ${process.version}, ${os.cpus().length} CPU(s); layout ${layout}; generation not timed.`);
  console.log('Limits: 5 MB per request and per response (Excel on the web); time = median of 3 runs at ≤ 10k rows, 1 run above.\n');
  const lines: string[][] = [];
  for (const rows of sizes) {
    const pair = generatePair({ seed: 1, rows, layout });
    const runs = rows <= 10_000 ? 3 : 1;
    const times: Record<string, number[]> = {};
    let last: Record<AddInPhase, PhaseCounts> | undefined;
    for (let i = 0; i < runs; i++) {
      const stopwatch: Phase = async (name, work) => {
        const started = performance.now();
        const value = await work();
        (times[name] ??= [])[i] = (times[name]?.[i] ?? 0) + performance.now() - started;
        return value;
      };
      last = await runAddInPath(pair, stopwatch);
    }
    const size = `${rows.toLocaleString('en')} × ${rows.toLocaleString('en')} (${pair.ledger.cells.length.toLocaleString('en')} + ${pair.bank.cells.length.toLocaleString('en')} lines)`;
    for (const phase of ['read', 'match', 'write'] as const) {
      const c = last![phase];
      const ms = median(times[phase]);
      lines.push([
        phase === 'read' ? size : '',
        phase,
        ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`,
        String(c.syncs),
        bytes(c.maxRequestBytes),
        bytes(c.maxResponseBytes),
        String(c.ops),
        String(c.formatOps),
        String(c.singleCellOps),
        String(runs),
      ]);
    }
  }
  console.log(table(['rows per side', 'step', 'time', 'syncs', 'largest request', 'largest response', 'ops', 'format ops', 'single-cell ops', 'runs'], lines, 2));
  console.log('\nread = readValues on both sheets; match = reconcile + report + layout (plus sheetNames/lastRun); write = writeRun.');
}

if (require.main === module) {
  printAddInBench(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
