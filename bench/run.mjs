#!/usr/bin/env node
// `npm run bench`: installs what the benchmarks need (scripts/bootstrap.sh
// --bench), builds, then runs each section in turn. Sections print their own
// tables; add a section by adding a line below.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [title, script] in the order they run. */
const sections = [
  ['Build speed: quire build vs Hugo', 'bench/build-speed.mjs'],
  ['Linear time on pathological markdown', 'bench/pathological.mjs'],
];

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

if (run('bash', ['scripts/bootstrap.sh', '--bench']) !== 0 || run('bash', ['scripts/build.sh']) !== 0) {
  console.error('bench: setup failed');
  process.exit(2);
}
let failed = 0;
for (const [title, script] of sections) {
  console.log(`\n== ${title} (${script}) ==`);
  if (run(process.execPath, [script, ...process.argv.slice(2)]) !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
