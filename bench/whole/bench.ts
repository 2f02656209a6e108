/**
 * `npm run bench`: Recon as a user runs it, whole processes on CSV files, against two floors measured
 * in the same run on the same files:
 *   recon  node bin/recon.js match --ledger L.csv --bank B.csv --json result.json --ledger-kind K
 *          (start-up, reading, matching, report, writing result.json; the built bundle)
 *   node   plain Node: parse both files, join on amount with a Map within ±7 days (bench/whole/node-floor.mjs)
 *   duckdb DuckDB's bare amount-and-date-window join (bench/whole/duckdb-floor.mjs), when @duckdb/node-api
 *          installs: it goes into .bench-cache/duckdb with `npm install --no-save`, never into the project
 *
 *   npm run bench [-- --sizes 10000,100000,1000000 --runs 3 --layout en-bank --rows-per-day 300 --no-duckdb]
 *
 * Rows per side are at a constant density (--rows-per-day, default 300: a busy account), so growth from
 * size to size is the program's, not denser data's. Runs are interleaved (recon, node, duckdb, recon, …)
 * so a noisy machine slows all three alike; the table shows medians. Generated files are cached
 * (bench-pairs.ts). `npm run bench:profile` shows where one run's time goes (profile.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { option, table } from '../table';
import { buildCommand, CACHE, pairFor, ROOT } from './bench-pairs';

const DUCKDB_DIR = path.join(CACHE, 'duckdb');
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const runsFor = (rows: number) => (rows <= 100_000 ? 5 : 3);

/** Issue 8's targets, whole process on CSV. */
const TARGETS = [
  { rows: 100_000, timesDuckDb: 3, aimTimesDuckDb: 1.5, memoryMB: 600 },
  { rows: 1_000_000, seconds: 30, memoryMB: 3 * 1024 },
];

interface Measured {
  ms: number;
  /** CPU time (user + system) of the process: less bent than wall time by other work on the machine. */
  cpuMs: number;
  maxRssMB: number;
  output: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One whole process: wall time from spawn to exit, and its own peak RSS (bench/whole/rusage.cjs). */
function measure(args: string[]): Promise<Measured> {
  const rusage = path.join(os.tmpdir(), `recon-bench-rusage-${process.pid}-${Date.now()}`);
  const env = { ...process.env, NODE_OPTIONS: `--require ${path.join(__dirname, 'rusage.cjs')}`, RECON_BENCH_RUSAGE: rusage, LANG: 'en_US.UTF-8' };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${output.slice(-1500)}`));
      const usage = JSON.parse(readFileSync(rusage, 'utf8')) as { maxRSS: number; cpu: number };
      rmSync(rusage, { force: true });
      resolve({ ms, cpuMs: usage.cpu / 1000, maxRssMB: Math.round(usage.maxRSS / 1024), output });
    });
  });
}

/** Installs @duckdb/node-api into the bench's own cache folder (never the project); null when it cannot. */
function duckDbFolder(wanted: boolean): { dir: string | null; why?: string } {
  if (!wanted) return { dir: null, why: 'turned off (--no-duckdb)' };
  if (existsSync(path.join(DUCKDB_DIR, 'node_modules', '@duckdb', 'node-api'))) return { dir: DUCKDB_DIR };
  mkdirSync(DUCKDB_DIR, { recursive: true });
  writeFileSync(path.join(DUCKDB_DIR, 'package.json'), '{ "name": "recon-bench-duckdb", "private": true }\n');
  process.stdout.write('installing @duckdb/node-api into .bench-cache/duckdb (bench only) … ');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '@duckdb/node-api'], { cwd: DUCKDB_DIR, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.log('not available');
    return { dir: null, why: `npm install @duckdb/node-api failed: ${(result.stderr || result.error?.message || '').trim().split('\n').pop()}` };
  }
  console.log('done');
  return { dir: DUCKDB_DIR };
}

const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const ratio = (a: number, b: number | undefined) => (b ? `×${(a / b).toFixed(1)}` : '–');

async function main(argv: string[]): Promise<void> {
  const sizes = (option(argv, 'sizes')?.split(',').map((s) => Number(s.replace(/_/g, ''))) ?? DEFAULT_SIZES).filter((n) => n > 0);
  const layout = option(argv, 'layout') ?? 'en-bank';
  const rowsPerDay = Number(option(argv, 'rows-per-day') ?? 300);
  const fixedRuns = option(argv, 'runs') ? Number(option(argv, 'runs')) : undefined;
  console.log(`Recon whole-process benchmark — node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 1048576)} MB RAM, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`Layout ${layout}, ${rowsPerDay} rows a day; CSV files; times are medians of whole processes (spawn to exit).\n`);

  buildCommand();
  const duckdb = duckDbFolder(!argv.includes('--no-duckdb'));
  if (!duckdb.dir) console.log(`DuckDB floor: skipped (${duckdb.why})`);

  const rows: string[][] = [];
  const results: { rows: number; recon: Measured; node: Measured; duckdb?: Measured }[] = [];
  for (const size of sizes) {
    const pair = pairFor(size, layout, rowsPerDay, argv.includes('--regenerate'));
    const work = path.join(CACHE, 'out');
    mkdirSync(work, { recursive: true });
    const commands: Record<string, string[]> = {
      recon: [path.join(ROOT, 'bin', 'recon.js'), 'match', '--ledger', pair.ledger.file, '--bank', pair.bank.file, '--json', path.join(work, 'result.json'), '--ledger-kind', pair.ledgerKind],
      node: [path.join(__dirname, 'node-floor.mjs'), path.join(path.dirname(pair.ledger.file), 'layout.json')],
      ...(duckdb.dir && { duckdb: [path.join(__dirname, 'duckdb-floor.mjs'), path.join(path.dirname(pair.ledger.file), 'layout.json'), duckdb.dir] }),
    };
    const runs = fixedRuns ?? runsFor(size);
    const samples: Record<string, Measured[]> = {};
    process.stdout.write(`${size.toLocaleString('en')} rows per side (${pair.ledgerLines.toLocaleString('en')} + ${pair.bankLines.toLocaleString('en')} lines), ${runs} runs: `);
    for (let run = 0; run < runs; run++) {
      for (const [name, args] of Object.entries(commands)) {
        (samples[name] ??= []).push(await measure(args));
        process.stdout.write('.');
      }
    }
    const summary = (name: string): Measured | undefined =>
      samples[name] && { ms: median(samples[name].map((s) => s.ms)), cpuMs: median(samples[name].map((s) => s.cpuMs)), maxRssMB: median(samples[name].map((s) => s.maxRssMB)), output: samples[name][0].output };
    const result = { rows: size, recon: summary('recon')!, node: summary('node')!, duckdb: summary('duckdb') };
    results.push(result);
    // Each size's figures as soon as they are known (a 1M run takes minutes; the table comes at the end).
    const line = (name: string, m: Measured | undefined) => (m ? `${name} ${seconds(m.ms)} (cpu ${seconds(m.cpuMs)}, ${m.maxRssMB} MB)` : `${name} –`);
    console.log(` ${[line('recon', result.recon), line('node', result.node), line('duckdb', result.duckdb)].join(' · ')}`);
    const previous = results.length > 1 ? results[results.length - 2] : undefined;
    const growth = previous ? result.recon.ms / previous.recon.ms : undefined;
    const nLogN = previous ? (size * Math.log(size)) / (previous.rows * Math.log(previous.rows)) : undefined;
    const timed = (m: Measured | undefined) => (m ? `${seconds(m.ms)} (cpu ${seconds(m.cpuMs)})` : '–');
    rows.push([
      size.toLocaleString('en'),
      timed(result.recon),
      `${result.recon.maxRssMB} MB`,
      timed(result.node),
      `${result.node.maxRssMB} MB`,
      timed(result.duckdb),
      result.duckdb ? `${result.duckdb.maxRssMB} MB` : '–',
      ratio(result.recon.ms, result.node.ms),
      ratio(result.recon.ms, result.duckdb?.ms),
      ratio(result.recon.cpuMs, result.duckdb?.cpuMs),
      growth && nLogN ? `×${growth.toFixed(1)} (n log n ×${nLogN.toFixed(1)})` : '',
      String(runs),
    ]);
  }
  console.log('');
  console.log(table(['rows/side', 'recon', 'recon RSS', 'node floor', 'node RSS', 'duckdb', 'duckdb RSS', 'recon/node', 'recon/duckdb', 'cpu recon/duckdb', 'recon growth', 'runs'], rows));
  console.log('\nTimes are wall clock, spawn to exit (what a user waits); cpu is user + system time, less bent by other work on the machine (DuckDB may use both cores at once).');
  console.log('');
  for (const target of TARGETS) {
    const r = results.find((x) => x.rows === target.rows);
    const name = `${target.rows.toLocaleString('en')} × ${target.rows.toLocaleString('en')}`;
    if (!r) {
      console.log(`target ${name}: not measured (add it with --sizes)`);
    } else if ('timesDuckDb' in target) {
      const times = r.duckdb ? r.recon.ms / r.duckdb.ms : undefined;
      const ok = times !== undefined && times <= target.timesDuckDb! && r.recon.maxRssMB <= target.memoryMB;
      console.log(`target ${name} ≤ ${target.timesDuckDb}× DuckDB (aim ${target.aimTimesDuckDb}×) and ≤ ${target.memoryMB} MB: ${times === undefined ? 'no DuckDB here' : `×${times.toFixed(2)}`}, ${r.recon.maxRssMB} MB → ${times === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL'}`);
    } else {
      const ok = r.recon.ms <= target.seconds! * 1000 && r.recon.maxRssMB <= target.memoryMB;
      console.log(`target ${name} ≤ ${target.seconds} s and ≤ ${target.memoryMB / 1024} GB: ${seconds(r.recon.ms)}, ${r.recon.maxRssMB} MB → ${ok ? 'PASS' : 'FAIL'}`);
    }
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
