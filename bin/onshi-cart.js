#!/usr/bin/env node
'use strict';
// The command line runs from the built bundle; `npm run build` (or `npm test`) makes it.
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'out', 'node', 'cli.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('onshi-cart: out/node/cli.js がありません。先に `npm run build` を実行してください。\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(String(err) + '\n'); process.exitCode = 1; },
);
