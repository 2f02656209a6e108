/**
 * The production bundle, built once per e2e run into a temporary folder (dist/ stays untouched),
 * through webpack's own command line in a child process, source maps left out to save time.
 */
import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** A bound on the build, not a timing assertion: a loaded 2-core machine takes about a minute. */
const BUILD_LIMIT_MS = 8 * 60 * 1000;

export interface Build {
  dir: string;
  /** Milliseconds the build took (reported, never asserted). */
  took: number;
  remove(): void;
}

/**
 * Builds the bundle; RECON_E2E_DIST=<folder> uses a build made before instead (`npm run build`
 * then RECON_E2E_DIST=dist), to rerun the browser tests quickly while working on them.
 */
export function buildProduction(): Promise<Build> {
  const prebuilt = process.env.RECON_E2E_DIST;
  if (prebuilt) return Promise.resolve({ dir: path.resolve(ROOT, prebuilt), took: 0, remove: () => undefined });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recon-e2e-build-'));
  const cli = path.join(path.dirname(require.resolve('webpack-cli/package.json')), 'bin', 'cli.js');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, '--mode', 'production', '--no-devtool', '--output-path', dir],
      { cwd: ROOT, timeout: BUILD_LIMIT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          rmSync(dir, { recursive: true, force: true });
          reject(new Error(`The production build failed: ${error.message}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
          return;
        }
        resolve({ dir, took: Date.now() - started, remove: () => rmSync(dir, { recursive: true, force: true }) });
      },
    );
  });
}
