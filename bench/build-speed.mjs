#!/usr/bin/env node
// Build speed: the same synthetic posts (bench/generate.mjs) built by
// `quire build` and by Hugo (Debian's package, with the minimal layout in
// bench/hugo-site/), side by side in one run. Prints wall-clock times (the
// median of the runs), the ratio, and the pages each wrote. Target: Quire at least 10x faster at 10,000 posts, with
// syntax highlighting on in both (every generated post has C++ blocks; Hugo
// highlights fences by default, Quire whenever a grammar is built): the run
// checks that both outputs hold highlighted tokens. Runs alternate between
// the two (quire, hugo, quire, hugo, ...) so that a busy machine weighs on
// both alike; CPU time (user + system, all threads) is printed beside the
// wall-clock time, as it depends less on what else the machine runs.
//
//   node bench/build-speed.mjs            BENCH_SIZES=1000,10000 (default)
//                                         BENCH_RUNS=N runs of each (default
//                                         3; 1 with --quick)
//                                         BENCH_DIR=dir scratch (default: the
//                                         system's temp dir)
//                                         BENCH_KEEP=1 keeps the temp dirs
//                                         QUIRE_BIN=path another quire binary
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateContent } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quire = process.env.QUIRE_BIN ? path.resolve(process.env.QUIRE_BIN) : path.join(root, 'build/native/quire');
const hugo = ['/usr/bin/hugo', '/usr/local/bin/hugo'].find((p) => existsSync(p)) ?? 'hugo';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);

/** `times`' "0m1.250s" in seconds. @param {string} t */
const clock = (t) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/**
 * Runs a build through sh, whose `times` gives the children's CPU time;
 * throws on failure. @returns {{wall: number, cpu: number}} seconds
 */
function timed(/** @type {string} */ cmd, /** @type {string[]} */ args) {
  const start = process.hrtime.bigint();
  const script = '"$0" "$@" >/dev/null 2>&1; s=$?; times; exit $s';
  const r = spawnSync('sh', ['-c', script, cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}); run it by hand to see why`);
  const [user, sys] = r.stdout.trim().split('\n').at(-1).split(/\s+/).map(clock);
  return { wall, cpu: user + sys };
}

/** How many files under `dir` ending in `name` contain `needle` (up to `limit` files read). */
async function countContaining(/** @type {string} */ dir, /** @type {string} */ name, /** @type {string} */ needle, limit = 200) {
  const entries = (await readdir(dir, { recursive: true })).filter((e) => e.endsWith(name)).slice(0, limit);
  let n = 0;
  for (const e of entries) if ((await readFile(path.join(dir, e), 'utf8')).includes(needle)) n += 1;
  return n;
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** index.html files under a directory. @param {string} dir */
async function countPages(dir) {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e === 'index.html' || e.endsWith(`${path.sep}index.html`)).length;
}

async function main() {
  if (!existsSync(quire)) throw new Error(`${quire} is missing: run bash scripts/build.sh`);
  const hugoVersion = spawnSync(hugo, ['version'], { encoding: 'utf8' });
  if (hugoVersion.status !== 0) throw new Error('hugo is missing: run bash scripts/bootstrap.sh --bench');
  console.log(`quire: ${quire}\nhugo:  ${hugoVersion.stdout.trim()}`);
  const base = path.resolve(process.env.BENCH_DIR ?? tmpdir());
  await mkdir(base, { recursive: true });
  const work = await mkdtemp(path.join(base, 'quire-bench-'));
  const rows = [];
  try {
    for (const n of sizes) {
      const dir = path.join(work, String(n));
      const content = path.join(dir, 'content');
      const made = await generateContent({ dir: content, posts: n, seed: 42 });
      const site = path.join(dir, 'hugo');
      await cp(path.join(root, 'bench/hugo-site'), site, { recursive: true });
      await cp(path.join(content, 'posts'), path.join(site, 'content/posts'), { recursive: true });
      const runs = Number(process.env.BENCH_RUNS) || (process.argv.includes('--quick') ? 1 : 3);
      const quireOut = path.join(dir, 'quire-dist');
      const hugoOut = path.join(dir, 'hugo-public');
      const q = [];
      const h = [];
      for (let i = 0; i < runs; i += 1) {
        await rm(quireOut, { recursive: true, force: true });
        q.push(timed(quire, ['build', content, '-o', quireOut]));
        await rm(hugoOut, { recursive: true, force: true });
        h.push(timed(hugo, ['--quiet', '--source', site, '--destination', hugoOut]));
        console.log(`${n} posts, run ${i + 1}: quire ${q[i].wall.toFixed(2)} s (cpu ${q[i].cpu.toFixed(2)} s), ` +
          `hugo ${h[i].wall.toFixed(2)} s (cpu ${h[i].cpu.toFixed(2)} s)`);
      }
      // Highlighting on in both: token spans in Quire's post pages, Chroma's in Hugo's.
      const quireHl = await countContaining(path.join(quireOut, 'posts'), 'index.html', 'class="tok-');
      const hugoHl = await countContaining(path.join(hugoOut, 'posts'), 'index.html', '<div class="highlight">');
      if (!quireHl || !hugoHl) throw new Error(`highlighted posts: quire ${quireHl}, hugo ${hugoHl}: highlighting must be on in both`);
      const row = {
        posts: n, words: made.words, runs,
        quire: median(q.map((t) => t.wall)), hugo: median(h.map((t) => t.wall)),
        quireCpu: median(q.map((t) => t.cpu)), hugoCpu: median(h.map((t) => t.cpu)),
        quirePages: await countPages(quireOut), hugoPages: await countPages(hugoOut),
      };
      rows.push(row);
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  console.log('\nHighlighting on in both (C++ blocks in every post; checked in the output).');
  console.log('| posts | runs | quire build | hugo | hugo / quire | quire cpu | hugo cpu | cpu ratio | pages (quire) | pages (hugo) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.posts} | ${r.runs === 1 ? '1' : `median of ${r.runs}`} | ${r.quire.toFixed(2)} s | ${r.hugo.toFixed(2)} s | ` +
      `${(r.hugo / r.quire).toFixed(1)}× | ${r.quireCpu.toFixed(2)} s | ${r.hugoCpu.toFixed(2)} s | ` +
      `${(r.hugoCpu / r.quireCpu).toFixed(1)}× | ${r.quirePages} | ${r.hugoPages} |`);
  }
  const big = rows.find((r) => r.posts >= 10000);
  if (big) {
    const ratio = big.hugo / big.quire;
    console.log(`\n${ratio >= 10 ? 'PASS' : 'FAIL'}  ${big.posts}-post build with highlighting: quire ${ratio.toFixed(1)}× faster than hugo ` +
      `(wall, median of ${big.runs} interleaved; ≥ 10×); cpu ${(big.hugoCpu / big.quireCpu).toFixed(1)}×`);
    if (ratio < 10) process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`build-speed: ${error.message}`);
  process.exitCode = 1;
});
