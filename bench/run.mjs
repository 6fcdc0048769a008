#!/usr/bin/env node
// `npm run bench`: installs what the benchmarks need (scripts/bootstrap.sh
// --bench) and builds, then runs every section side by side in one run: one
// table of medians and ratios with the budgets as PASS/FAIL lines, then the
// build-speed comparison with Hugo and the linear-time check.
//
//   npm run bench [-- --quick] [-- --repeats N] [-- --only markdown,load,build,pathological]
// Scratch blogs go to build/bench (BENCH_DIR overrides), generated once and reused.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, makeContext } from './common.mjs';
import { printTable } from './table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tableSections = ['markdown', 'load', 'browser', 'transfer', 'views', 'highlight', 'search'];
/** Sections that print tables of their own: [name, title, script]. */
const scriptSections = [
  ['build', 'Build speed: quire build vs Hugo', 'bench/build-speed.mjs'],
  ['pathological', 'Linear time on pathological markdown', 'bench/pathological.mjs'],
];
const argv = process.argv.slice(2);
const at = argv.indexOf('--only');
const all = [...tableSections, ...scriptSections.map(([name]) => name)];
const chosen = at >= 0 ? argv[at + 1].split(',') : all;

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

if (run('bash', ['scripts/bootstrap.sh', '--bench']) !== 0 || run('bash', ['scripts/build.sh']) !== 0) {
  console.error('bench: setup failed');
  process.exit(2);
}
const ctx = makeContext(argv);
/** @type {import('./common.mjs').Row[]} */
const rows = [];
for (const name of tableSections.filter((s) => chosen.includes(s))) {
  ctx.log(`section ${name}`);
  const { run: runSection } = await import(`./${name}.mjs`);
  rows.push(...await runSection(ctx));
}
if (rows.length) printTable(rows, machine());
let failed = 0;
for (const [name, title, script] of scriptSections.filter(([n]) => chosen.includes(n))) {
  console.log(`\n== ${title} (${script}) ==`);
  if (run(process.execPath, [script, ...argv.filter((a) => a === '--quick')]) !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
