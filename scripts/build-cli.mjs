#!/usr/bin/env node
/**
 * Builds the `recon` command: src/cli/main.ts and everything it imports, bundled by esbuild into one
 * CommonJS file, build/cli/recon.cjs, which bin/recon.js runs. `npm install` / `npm ci` run this as the
 * `prepare` step, so the installed command starts without compiling TypeScript and needs no dev
 * dependency at run time. The runtime dependencies (exceljs, papaparse, decimal.js) stay packages
 * (external): exceljs alone takes ~0.6 s to load, so the sources load it only when an .xlsx is read
 * or written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
export const CLI_BUNDLE = path.join(root, 'build', 'cli', 'recon.cjs');

export async function buildCli() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: Object.keys(pkg.dependencies),
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  });
  return CLI_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().catch((error) => {
    // An install without dev dependencies (npm ci --omit=dev) has no esbuild: the install itself must
    // not fail for that; bin/recon.js then says the command is not built.
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && process.env.npm_lifecycle_event === 'prepare') {
      console.warn('recon: esbuild is not installed (dev dependencies left out), so the command was not built');
      return;
    }
    console.error(error);
    process.exitCode = 1;
  });
}
