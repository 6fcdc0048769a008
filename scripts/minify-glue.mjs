#!/usr/bin/env node
// Emscripten's JS glue for the WASM module (quire-core.js), minified in
// place by esbuild, the way scripts/minify-web.mjs does web/. emcc 3.1.6
// without Closure only strips whitespace and keeps every local name: this
// takes the glue from ~9.2 to ~6.9 KB gzip. CMake runs it after each link.
//
//   node scripts/minify-glue.mjs build/wasm/quire-core.js
import { readFile, writeFile } from 'node:fs/promises';

import { minify } from './minify-web.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/minify-glue.mjs <quire-core.js>');
  process.exit(2);
}
const source = await readFile(file, 'utf8');
await writeFile(file, /** @type {string} */ (await minify(source, file)));
