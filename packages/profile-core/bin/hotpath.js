#!/usr/bin/env node
'use strict';
// Launcher for the `hotpath` CLI. Prefer a prebuilt bundle (dist/cli.js, made by `npm run build:cli -w
// @hotpath/profile-core`) and fall back to running the TypeScript sources through tsx, so `npx hotpath` works
// right after `npm ci` with no build step.
const path = require('path');
const fs = require('fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
let cli;
if (fs.existsSync(bundle)) {
  cli = require(bundle);
} else {
  require('tsx/cjs/api').register();
  cli = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}
process.exitCode = cli.main(process.argv.slice(2));
