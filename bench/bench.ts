/**
 * Engine speed and memory on generated pairs:
 *   npm run bench [-- --sizes 1000,10000 --layout en-bank --runs 3 --rows-per-day 300]
 * (--rows-per-day keeps the density constant across sizes; by default a larger pair is also denser.)
 *
 * The parent runs each size in its own child process (node --max-old-space-size=6000), so one size's
 * garbage and peak memory never colour the next. A child generates the pair (not timed), then times
 * every path in BENCH_PATHS: the median of several runs for small sizes, one run for 1M rows.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import v8 from 'node:v8';
import { matchEntries, readSide, resolveMatchOptions } from '../src/engine';
import { generatePair, type GeneratedPair } from '../src/generator/generate-pair';
import type { Layout } from '../src/generator/layouts';
import { option, table } from './table';

/** Times one named step of a path; steps add up to the path's time. */
export type Phase = <T>(name: string, work: () => T | Promise<T>) => Promise<T>;

export interface BenchPath {
  name: string;
  /** Row counts this path runs at (every size when absent). */
  sizes?: number[];
  run(pair: GeneratedPair, phase: Phase): Promise<void>;
}

import { ADD_IN_PATH } from './office-path';

/**
 * What the benchmark times. The engine path is first; the targets below apply to it. Then the
 * add-in's own path (bench/office-path.ts: read the ranges, match, write everything back through the
 * fake Excel) at 10k and 100k rows; `npm run bench:office` also prints its syncs, bytes and ops.
 */
export const BENCH_PATHS: BenchPath[] = [
  {
    name: 'engine: readSide ×2 + matchEntries',
    run: async (pair, phase) => {
      // The ledger's kind is stated, as the user confirms it in the pane; detection is quality's concern.
      const ledger = await phase('read ledger', () => readSide(pair.ledger, { side: 'ledger', kind: pair.truth.ledgerKind }));
      const bank = await phase('read bank', () => readSide(pair.bank, { side: 'bank' }));
      await phase('match', () => matchEntries(ledger.entries, bank.entries, resolveMatchOptions()));
    },
  },
  ADD_IN_PATH,
];

const DEFAULT_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** Timed runs per size (median reported); the smallest sizes also get one untimed warm-up run. */
function runsFor(rows: number): { runs: number; warmUp: boolean } {
  if (rows <= 1_000) return { runs: 9, warmUp: true };
  if (rows <= 10_000) return { runs: 5, warmUp: true };
  if (rows <= 100_000) return { runs: 3, warmUp: false };
  return { runs: 1, warmUp: false };
}

/** Engine targets (developers' guide): rows per side → seconds, and memory for the largest. */
const TARGETS: Array<{ rows: number; seconds: number; memoryGB?: number }> = [
  { rows: 100_000, seconds: 3 },
  { rows: 1_000_000, seconds: 60, memoryGB: 4 },
];

interface PathResult {
  name: string;
  runs: number;
  /** Median milliseconds of the whole path and of each phase. */
  totalMs: number;
  phasesMs: Record<string, number>;
  error?: string;
}

interface SizeResult {
  rows: number;
  ledgerRows: number;
  bankRows: number;
  generateMs: number;
  /** Resident set after generating (and a GC): the pair itself. */
  rssAfterGenerateMB: number;
  /** Peak resident set of the child, and whether it was reached while the paths ran (not while generating). */
  maxRssMB: number;
  peakDuringPaths: boolean;
  heapUsedAfterMB: number;
  heapTotalAfterMB: number;
  paths: PathResult[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (bytes: number) => Math.round(bytes / 1048576);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function timePath(path: BenchPath, pair: GeneratedPair, runs: number, warmUp: boolean): Promise<PathResult> {
  const totals: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = warmUp ? -1 : 0; i < runs; i++) {
    gc();
    const phaseTimes: Record<string, number> = {};
    const phase: Phase = async (name, work) => {
      const started = performance.now();
      const value = await work();
      phaseTimes[name] = (phaseTimes[name] ?? 0) + performance.now() - started;
      return value;
    };
    const started = performance.now();
    await path.run(pair, phase);
    const total = performance.now() - started;
    if (i < 0) continue;
    totals.push(total);
    for (const [name, ms] of Object.entries(phaseTimes)) (phases[name] ??= []).push(ms);
  }
  return { name: path.name, runs, totalMs: median(totals), phasesMs: Object.fromEntries(Object.entries(phases).map(([n, v]) => [n, median(v)])) };
}

async function child(argv: string[]): Promise<void> {
  const rows = Number(option(argv, 'rows'));
  const layout = (option(argv, 'layout') ?? 'zh-bank-cash-journal') as Layout;
  const plan = runsFor(rows);
  const runs = option(argv, 'runs') ? Number(option(argv, 'runs')) : plan.runs;
  const rowsPerDay = option(argv, 'rows-per-day');
  const started = performance.now();
  const pair = generatePair({ seed: 1, rows, layout, days: rowsPerDay ? Math.ceil(rows / Number(rowsPerDay)) : undefined });
  const generateMs = performance.now() - started;
  gc();
  const rssAfterGenerate = process.memoryUsage().rss;
  const maxRssBefore = process.resourceUsage().maxRSS;
  const paths: PathResult[] = [];
  for (const path of BENCH_PATHS) {
    if (path.sizes && !path.sizes.includes(rows)) continue;
    try {
      paths.push(await timePath(path, pair, runs, plan.warmUp));
    } catch (error) {
      paths.push({ name: path.name, runs: 0, totalMs: NaN, phasesMs: {}, error: String((error as Error).stack ?? error).split('\n').slice(0, 4).join(' | ') });
    }
  }
  const heap = process.memoryUsage();
  const maxRss = process.resourceUsage().maxRSS; // kilobytes
  const result: SizeResult = {
    rows,
    ledgerRows: pair.ledger.cells.length,
    bankRows: pair.bank.cells.length,
    generateMs,
    rssAfterGenerateMB: mb(rssAfterGenerate),
    maxRssMB: Math.round(maxRss / 1024),
    peakDuringPaths: maxRss > maxRssBefore,
    heapUsedAfterMB: mb(heap.heapUsed),
    heapTotalAfterMB: mb(v8.getHeapStatistics().total_heap_size),
    paths,
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

function parent(argv: string[]): void {
  const sizes = (option(argv, 'sizes')?.split(',').map((s) => Number(s.replace(/_/g, ''))) ?? DEFAULT_SIZES).filter((n) => n > 0);
  const passThrough = ['layout', 'runs', 'rows-per-day'].flatMap((name) => (option(argv, name) ? [`--${name}`, option(argv, name)!] : []));
  console.log(`Recon engine benchmark — node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim()}), ${mb(os.totalmem())} MB RAM`);
  const density = option(argv, 'rows-per-day') ? `${option(argv, 'rows-per-day')} rows a day` : 'a month up to 2,500 rows, then 80 rows a day up to one year (1M rows: 2,740 a day)';
  console.log(`Layout ${option(argv, 'layout') ?? 'zh-bank-cash-journal'}, period ${density}; each size in its own process with --max-old-space-size=6000; generation not timed.\n`);
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    process.stdout.write(`${rows.toLocaleString('en')} rows per side … `);
    const child = spawnSync(process.execPath, ['--max-old-space-size=6000', '--expose-gc', '--import', 'tsx', __filename, '--child', '--rows', String(rows), ...passThrough], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (!line) {
      console.log(`failed (exit ${child.status}${child.signal ? ', ' + child.signal : ''})\n${child.stderr.slice(-2000)}`);
      continue;
    }
    const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as SizeResult;
    results.push(result);
    const engine = result.paths[0];
    console.log(engine?.error ? `engine failed: ${engine.error}` : `${(engine.totalMs / 1000).toFixed(2)} s, max RSS ${result.maxRssMB} MB`);
  }
  if (!results.length) return;
  console.log('');
  report(results);
}

function report(results: SizeResult[]): void {
  const names = [...new Set(results.flatMap((r) => r.paths.map((p) => p.name)))];
  for (const name of names) {
    const rowsFor = results.filter((r) => r.paths.some((p) => p.name === name));
    const phaseNames = [...new Set(rowsFor.flatMap((r) => Object.keys(r.paths.find((p) => p.name === name)!.phasesMs)))];
    let previous: { rows: number; ms: number } | null = null;
    const lines = rowsFor.map((r) => {
      const path = r.paths.find((p) => p.name === name)!;
      const growth = previous && Number.isFinite(path.totalMs) ? `×${(path.totalMs / previous.ms).toFixed(1)} for ×${(r.rows / previous.rows).toFixed(0)} rows` : '';
      previous = { rows: r.rows, ms: path.totalMs };
      const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
      return [
        r.rows.toLocaleString('en'),
        path.error ? `error: ${path.error.slice(0, 60)}` : ms(path.totalMs),
        ...phaseNames.map((p) => ms(path.phasesMs[p])),
        String(path.runs),
        growth,
        `${r.maxRssMB} MB${r.peakDuringPaths ? '' : ' (gen)'}`,
        `${r.rssAfterGenerateMB} MB`,
        `${r.heapUsedAfterMB}/${r.heapTotalAfterMB} MB`,
      ];
    });
    console.log(`== ${name}`);
    console.log(table(['rows/side', 'time (median)', ...phaseNames, 'runs', 'growth (ideal ≈ ×10)', 'max RSS', 'RSS after gen', 'heap used/total after'], lines));
    console.log('');
  }
  console.log('max RSS is the child’s peak; “(gen)” marks a peak reached while generating, so the engine stayed below it.');
  const engine = (r: SizeResult) => r.paths[0];
  for (const target of TARGETS) {
    const r = results.find((x) => x.rows === target.rows);
    if (!r || !engine(r)) {
      console.log(`target ${target.rows.toLocaleString('en')}×${target.rows.toLocaleString('en')} ≤ ${target.seconds} s${target.memoryGB ? ` and ${target.memoryGB} GB` : ''}: not measured (add it with --sizes)`);
      continue;
    }
    const seconds = engine(r).totalMs / 1000;
    const timeOk = seconds <= target.seconds;
    const memoryOk = !target.memoryGB || r.maxRssMB <= target.memoryGB * 1024;
    console.log(
      `target ${target.rows.toLocaleString('en')}×${target.rows.toLocaleString('en')} ≤ ${target.seconds} s${target.memoryGB ? ` and ${target.memoryGB} GB` : ''}: ` +
        `${seconds.toFixed(2)} s, ${r.maxRssMB} MB → ${timeOk && memoryOk ? 'PASS' : 'FAIL'}`,
    );
  }
}

const argv = process.argv.slice(2);
(argv.includes('--child') ? child(argv) : Promise.resolve(parent(argv))).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
