#!/usr/bin/env node
/** `npm run bench:engine`: runs bench/bench.ts (the engine alone, in memory) through tsx (TypeScript without a build step). Arguments pass through. */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'bench.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
