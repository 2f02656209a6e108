/**
 * What the whole-process benchmarks share, so they time the same thing: the CSV pairs, generated once
 * per size, layout and density and kept in .bench-cache/csv (delete it, or pass --regenerate, after
 * changing the generator), and the built command. Used by `npm run bench` (bench.ts),
 * `npm run bench:profile` (profile.ts) and bench/whole/stages.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PairLayout } from './csv-pair';

export const ROOT = path.join(__dirname, '..', '..');
export const CACHE = path.join(ROOT, '.bench-cache');

export function pairFor(rows: number, layout: string, rowsPerDay: number, regenerate: boolean): PairLayout {
  const dir = path.join(CACHE, 'csv', `${layout}-${rows}-${rowsPerDay}`);
  const note = path.join(dir, 'layout.json');
  if (regenerate) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(note)) {
    process.stdout.write(`generating ${rows.toLocaleString('en')} rows per side … `);
    const result = spawnSync(
      process.execPath,
      ['--max-old-space-size=6000', '--import', 'tsx', path.join(__dirname, 'csv-pair.ts'), '--child', '--rows', String(rows), '--layout', layout, '--rows-per-day', String(rowsPerDay), '--dir', dir],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (result.status !== 0) throw new Error(`generating ${rows} rows failed`);
    console.log('done');
  }
  return JSON.parse(readFileSync(note, 'utf8')) as PairLayout;
}

/** Builds the command the benchmarks run (bin/recon.js runs build/cli/recon.cjs), as `npm install` does. */
export function buildCommand(): void {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the command failed');
}
