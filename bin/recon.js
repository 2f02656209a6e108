#!/usr/bin/env node
// The `recon` command: loads the TypeScript sources through tsx (no build step), then runs the CLI.
'use strict';
require('tsx/cjs');
require('../src/cli/main.ts').runCli();
