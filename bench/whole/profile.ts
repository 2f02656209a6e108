/**
 * `npm run bench:profile`: where one whole `recon match` run spends its time, by stage. The built
 * command runs once on the bench's CSV pair (bench-pairs.ts) under V8's sampling CPU profiler; each
 * sample is charged to the innermost stage function on its stack. Samples of the collector and of
 * idle time (the thread waiting: on a file, on a write's callback) are charged to the stage that ran
 * just before them, which is where they were caused. Idle time is worth a look: it is time a user
 * waits that no CPU profile of the code itself shows (it found result.json's writes waiting on their
 * callbacks, 1.7 s of a 1M run).
 *
 *   npm run bench:profile [-- --rows 100000 --layout en-bank --rows-per-day 300 --top 12 --stage prepareSide]
 *
 * Stages are function names of the bundle (esbuild keeps them): a stage renamed in the sources shows
 * up as `other` until STAGES below is told. `--stage NAME` lists the functions inside that stage.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { option, table } from '../table';
import { buildCommand, pairFor, ROOT } from './bench-pairs';

/** The command's stages, in the order a run meets them; the innermost on a sample's stack wins. */
const STAGES = [
  'checkInputsFitMemory',
  'loadTable',
  'readSideDetailed',
  'decideReadings',
  'prepareSide',
  // the passes, by their `run` functions (match/passes.ts)
  'referenceAmountPass',
  'oneToManyByReferencePass',
  'manyToOneByReferencePass',
  'amountDatePass',
  'manyToOnePass',
  'oneToManyPass',
  'amountTolerancePass',
  'referenceTypoPass',
  'amountDateSweepPass',
  'assemble',
  'matchEntries',
  'buildReport',
  'writeOutputFile',
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const GC = '(garbage collector)';
const IDLE = '(idle)';

function main(argv: string[]): void {
  const rows = Number((option(argv, 'rows') ?? '100000').replace(/_/g, ''));
  const layout = option(argv, 'layout') ?? 'en-bank';
  const rowsPerDay = Number(option(argv, 'rows-per-day') ?? 300);
  const top = Number(option(argv, 'top') ?? 12);
  const wanted = option(argv, 'stage');

  buildCommand();
  const pair = pairFor(rows, layout, rowsPerDay, argv.includes('--regenerate'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recon-profile-'));
  try {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, path.join(ROOT, 'bin', 'recon.js'), 'match', '--ledger', pair.ledger.file, '--bank', pair.bank.file, '--json', path.join(dir, 'result.json'), '--ledger-kind', pair.ledgerKind],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
    );
    const wall = performance.now() - started;
    if (run.status !== 0) throw new Error(`recon exited ${run.status}: ${run.stderr}`);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile was written');
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    console.log(`recon match, ${rows.toLocaleString('en')} rows per side (${layout}), under the profiler: ${(wall / 1000).toFixed(2)} s wall, load ${os.loadavg()[0].toFixed(1)}\n`);
    report(profile, top, wanted);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(profile: CpuProfile, top: number, wanted: string | undefined): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageOfNode = new Map<number, string>();
  const stageOf = (id: number): string => {
    let found = stageOfNode.get(id);
    if (found !== undefined) return found;
    found = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nodes.get(at)!.callFrame.functionName;
      if (STAGES.includes(name)) {
        found = name;
        break;
      }
    }
    stageOfNode.set(id, found);
    return found;
  };

  const own = new Map<string, number>();
  const collector = new Map<string, number>();
  const idle = new Map<string, number>();
  const functions = new Map<string, number>();
  let last = 'other';
  let total = 0;
  const add = (into: Map<string, number>, key: string, us: number) => into.set(key, (into.get(key) ?? 0) + us);
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const name = nodes.get(id)!.callFrame.functionName;
    if (name === GC) add(collector, last, us);
    else if (name === IDLE) add(idle, last, us);
    else {
      last = stageOf(id);
      add(own, last, us);
      if (wanted === undefined || last === wanted) {
        const frame = nodes.get(id)!.callFrame;
        add(functions, `${frame.functionName || '(anonymous)'} ${path.basename(frame.url) || '(native)'}:${frame.lineNumber + 1}`, us);
      }
    }
  }

  const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(0);
  const stages = [...STAGES, 'other'].filter((s) => own.has(s) || collector.has(s) || idle.has(s));
  const rows = stages.map((stage) => {
    const sum = (own.get(stage) ?? 0) + (collector.get(stage) ?? 0) + (idle.get(stage) ?? 0);
    return [stage, ms(own.get(stage)), ms(collector.get(stage)), ms(idle.get(stage)), ms(sum), `${((100 * sum) / total).toFixed(1)}%`];
  });
  rows.push(['all', ms([...own.values()].reduce((a, b) => a + b, 0)), ms([...collector.values()].reduce((a, b) => a + b, 0)), ms([...idle.values()].reduce((a, b) => a + b, 0)), ms(total), '100%']);
  console.log(table(['stage (main thread)', 'code ms', 'collector ms', 'idle ms', 'in all ms', 'share'], rows));
  console.log(`\nFunctions by their own time${wanted ? ` inside ${wanted}` : ''} (ms):`);
  const ranked = [...functions].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(table(['function', 'ms'], ranked.map(([name, us]) => [name, ms(us)])));
}

main(process.argv.slice(2));
