#!/usr/bin/env node
// The `recon` command: runs the bundle scripts/build-cli.mjs builds (npm install / npm ci do it).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'build', 'cli', 'recon.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`recon: the command is not built (${bundle} is missing); run \`npm run build:cli\` (npm install does it)\n`);
  process.exit(1);
}
require(bundle).runCli();
