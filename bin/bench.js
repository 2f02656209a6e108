#!/usr/bin/env node
/** `npm run bench`: the whole-process benchmark (bench/whole/bench.ts, through tsx). Arguments pass through. */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'whole', 'bench.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
