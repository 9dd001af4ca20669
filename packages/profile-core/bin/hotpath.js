#!/usr/bin/env node
'use strict';
// Launcher for the `hotpath` CLI. Prefer a prebuilt bundle (dist/cli.js, made by `npm run build:cli`)
// and fall back to running the TypeScript sources through tsx, so `npx hotpath` works right after `npm ci`.
const path = require('path');
const fs = require('fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (fs.existsSync(bundle)) {
  require(bundle);
} else {
  require('tsx/cjs/api').register();
  require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}
