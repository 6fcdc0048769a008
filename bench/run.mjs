#!/usr/bin/env node
// `npm run bench`: every section, side by side in one run, one table of
// medians and ratios, then the budgets as PASS/FAIL lines.
//
//   npm run bench [-- --quick] [-- --repeats N] [-- --only markdown,load]
// Needs the native and WASM builds (npm run build). Scratch blogs go to
// build/bench (BENCH_DIR overrides), generated once and reused.
import { machine, makeContext } from './common.mjs';
import { printTable } from './table.mjs';

const sections = ['markdown', 'load', 'browser', 'transfer'];
const argv = process.argv.slice(2);
const at = argv.indexOf('--only');
const chosen = at >= 0 ? argv[at + 1].split(',') : sections;
const ctx = makeContext(argv);
/** @type {import('./common.mjs').Row[]} */
const rows = [];
for (const name of sections.filter((s) => chosen.includes(s))) {
  ctx.log(`section ${name}`);
  const { run } = await import(`./${name}.mjs`);
  rows.push(...await run(ctx));
}
printTable(rows, machine());
