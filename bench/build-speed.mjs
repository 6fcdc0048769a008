#!/usr/bin/env node
// Build speed: the same synthetic posts (bench/generate.mjs) built by
// `quire build` and by Hugo (Debian's package, with the minimal layout in
// bench/hugo-site/), side by side in one run. Prints wall-clock times (the
// median of the runs), the ratio, the pages each wrote and the peak RSS of
// each (GNU time's maximum resident set size). Budgets, at 10,000 posts:
// Quire at least 10x faster with syntax highlighting on in both (issue 16),
// at least 20x faster with highlighting and the search index on in Quire
// and highlighting on in Hugo (issue 19; `quire build` always writes the
// search index, so both lines read the same runs), and Quire's peak RSS at
// most 1/4 of Hugo's. Every generated post has C++ blocks; Hugo highlights
// fences by default, Quire whenever a grammar is built: the run checks that
// both outputs hold highlighted tokens and that Quire's holds a search
// index. Runs alternate between the two (quire, hugo, quire, hugo, ...) so
// that a busy machine weighs on both alike; CPU time (user + system, all
// threads) is printed beside the wall-clock time, as it depends less on
// what else the machine runs, and Quire's phases (`quire build --timings`,
// medians) show where its time goes. Every run writes a new output folder
// of its own and nothing is deleted until all runs are done (before each
// pair only a sync, so neither tool pays for the writeback of the pair
// before): both tools write a fresh output into the same disk in the same
// state, with no deletion of the bench's own for ext4 to remember (see
// freshOutputs).
//
//   node bench/build-speed.mjs            BENCH_SIZES=1000,10000 (default)
//                                         BENCH_RUNS=N runs of each (default
//                                         3; 1 with --quick)
//                                         BENCH_DIR=dir scratch (default:
//                                         build/ of this repository, the disk
//                                         an author builds on, not a tmpfs)
//                                         BENCH_KEEP=1 keeps the temp dirs
//                                         QUIRE_BIN=path another quire binary
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, statfs } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateContent } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quire = process.env.QUIRE_BIN ? path.resolve(process.env.QUIRE_BIN) : path.join(root, 'build/native/quire');
const hugo = ['/usr/bin/hugo', '/usr/local/bin/hugo'].find((p) => existsSync(p)) ?? 'hugo';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);

const gnuTime = '/usr/bin/time';

/**
 * Runs a build under GNU time (wall, CPU of all threads, peak RSS); throws
 * on failure. @returns {{wall: number, cpu: number, rssMb: number, stderr: string}}
 */
function timed(/** @type {string} */ cmd, /** @type {string[]} */ args, /** @type {string} */ scratch) {
  const report = path.join(scratch, 'time.txt');
  const r = spawnSync(gnuTime, ['-f', '%e %U %S %M', '-o', report, cmd, ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}); run it by hand to see why`);
  const [wall, user, sys, rssKb] = readFileSync(report, 'utf8').trim().split('\n').at(-1).split(/\s+/).map(Number);
  return { wall, cpu: user + sys, rssMb: rssKb / 1024, stderr: r.stderr };
}

/** `quire build --timings`' phases: {name: {wall, cpu}}. @param {string} stderr */
function phases(stderr) {
  /** @type {Record<string, {wall: number, cpu: number}>} */
  const out = {};
  for (const m of stderr.matchAll(/^ {2}(\S.*?)\s+([\d.]+) s wall\s+([\d.]+) s cpu$/gm)) {
    out[m[1]] = { wall: Number(m[2]), cpu: Number(m[3]) };
  }
  return out;
}

/** How many files under `dir` ending in `name` contain `needle` (up to `limit` files read). */
async function countContaining(/** @type {string} */ dir, /** @type {string} */ name, /** @type {string} */ needle, limit = 200) {
  const entries = (await readdir(dir, { recursive: true })).filter((e) => e.endsWith(name)).slice(0, limit);
  let n = 0;
  for (const e of entries) if ((await readFile(path.join(dir, e), 'utf8')).includes(needle)) n += 1;
  return n;
}

/**
 * The output folders of run `i`: new ones, never used before, since
 * deleting an output before a run would charge the next build for it. On
 * ext4 without a journal (this machine's build disk), allocating an inode
 * skips, one by one, every free inode of its group deleted within the last
 * 60 s (RECENTCY_MIN in fs/ext4/ialloc.c; 360 s while the inode table
 * block is dirty, and creating files dirties it): right after a
 * 15,000-file output is deleted each new file pays a scan of them (perf:
 * 41 % of a 10,000-post Quire build's samples in find_inode_bit /
 * recently_deleted 36 s after the deletion and a sync, 3.9 s of system
 * time instead of 1.0 s; no wait short of minutes is safe). So no run
 * deletes anything: all outputs go when the bench ends. Before each pair,
 * a sync writes the previous pair's files back.
 */
function freshOutputs(/** @type {string} */ dir, /** @type {number} */ i) {
  spawnSync('sync');
  return { quireOut: path.join(dir, `quire-dist-${i + 1}`), hugoOut: path.join(dir, `hugo-public-${i + 1}`) };
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
  if (!existsSync(gnuTime)) throw new Error(`${gnuTime} (GNU time, for peak RSS) is missing: run bash scripts/bootstrap.sh --bench`);
  const hugoVersion = spawnSync(hugo, ['version'], { encoding: 'utf8' });
  if (hugoVersion.status !== 0) throw new Error('hugo is missing: run bash scripts/bootstrap.sh --bench');
  console.log(`quire: ${quire}\nhugo:  ${hugoVersion.stdout.trim()}`);
  // An older binary (QUIRE_BIN) without --timings is timed without its phases.
  const timings = spawnSync(quire, ['help'], { encoding: 'utf8' }).stdout.includes('--timings') ? ['--timings'] : [];
  const base = path.resolve(process.env.BENCH_DIR ?? path.join(root, 'build'));
  await mkdir(base, { recursive: true });
  // A nearly full disk slows both tools' file creation (ext4 searches
  // longer for free inodes and blocks), Quire's share of it the most: on
  // this machine the same binary built 10,000 posts in 2.52 s with under
  // 5 GB free and in 2.11 s with 29 GB free (Hugo: 48 s both times).
  const disk = await statfs(base);
  const freeGb = (disk.bavail * disk.bsize) / 2 ** 30;
  const freeShare = disk.bavail / disk.blocks;
  console.log(`disk: ${freeGb.toFixed(1)} GB free (${(100 * freeShare).toFixed(0)} %) under ${base}`);
  if (freeGb < 20 || freeShare < 0.1) {
    console.log('WARNING: the disk is nearly full; builds write slower than on a disk with room, so the ratios below are low');
  }
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
      let quireOut = '';
      let hugoOut = '';
      const q = [];
      const h = [];
      for (let i = 0; i < runs; i += 1) {
        // Both write a new folder (freshOutputs): neither build pays for
        // deleting the other's or its own previous output.
        ({ quireOut, hugoOut } = freshOutputs(dir, i));
        q.push(timed(quire, ['build', content, '-o', quireOut, ...timings], dir));
        h.push(timed(hugo, ['--quiet', '--source', site, '--destination', hugoOut], dir));
        console.log(`${n} posts, run ${i + 1}: quire ${q[i].wall.toFixed(2)} s (cpu ${q[i].cpu.toFixed(2)} s, ` +
          `${q[i].rssMb.toFixed(0)} MB), hugo ${h[i].wall.toFixed(2)} s (cpu ${h[i].cpu.toFixed(2)} s, ${h[i].rssMb.toFixed(0)} MB)`);
      }
      // Highlighting on in both: token spans in Quire's post pages, Chroma's in Hugo's.
      const quireHl = await countContaining(path.join(quireOut, 'posts'), 'index.html', 'class="tok-');
      const hugoHl = await countContaining(path.join(hugoOut, 'posts'), 'index.html', '<div class="highlight">');
      if (!quireHl || !hugoHl) throw new Error(`highlighted posts: quire ${quireHl}, hugo ${hugoHl}: highlighting must be on in both`);
      const shards = existsSync(path.join(quireOut, 'search')) ? (await readdir(path.join(quireOut, 'search'))).length : 0;
      if (!shards) throw new Error('quire wrote no search index (search/): it must be on');
      const phaseRuns = q.map((t) => phases(t.stderr));
      const phaseNames = Object.keys(phaseRuns[0] ?? {});
      const row = {
        posts: n, words: made.words, runs,
        quire: median(q.map((t) => t.wall)), hugo: median(h.map((t) => t.wall)),
        quireCpu: median(q.map((t) => t.cpu)), hugoCpu: median(h.map((t) => t.cpu)),
        quirePages: await countPages(quireOut), hugoPages: await countPages(hugoOut),
        quireRss: median(q.map((t) => t.rssMb)), hugoRss: median(h.map((t) => t.rssMb)),
        phases: phaseNames.map((name) => ({ name, wall: median(phaseRuns.map((p) => p[name]?.wall ?? NaN)),
          cpu: median(phaseRuns.map((p) => p[name]?.cpu ?? NaN)) })),
      };
      rows.push(row);
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  console.log('\nHighlighting on in both (C++ blocks in every post; checked in the output); the search index on in Quire.');
  console.log('| posts | runs | quire build | hugo | hugo / quire | quire cpu | hugo cpu | cpu ratio | quire peak RSS | hugo peak RSS | RSS ratio | pages (quire) | pages (hugo) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.posts} | ${r.runs === 1 ? '1' : `median of ${r.runs}`} | ${r.quire.toFixed(2)} s | ${r.hugo.toFixed(2)} s | ` +
      `${(r.hugo / r.quire).toFixed(1)}× | ${r.quireCpu.toFixed(2)} s | ${r.hugoCpu.toFixed(2)} s | ` +
      `${(r.hugoCpu / r.quireCpu).toFixed(1)}× | ${r.quireRss.toFixed(0)} MB | ${r.hugoRss.toFixed(0)} MB | ` +
      `1/${(r.hugoRss / r.quireRss).toFixed(1)} | ${r.quirePages} | ${r.hugoPages} |`);
  }
  for (const r of rows.filter((row) => row.phases.length)) {
    console.log(`\nquire build --timings, ${r.posts} posts (medians):`);
    console.log('| phase | wall | cpu |');
    console.log('| :--- | ---: | ---: |');
    for (const p of r.phases) console.log(`| ${p.name} | ${p.wall.toFixed(2)} s | ${p.cpu.toFixed(2)} s |`);
  }
  const big = rows.find((r) => r.posts >= 10000);
  if (big) {
    const ratio = big.hugo / big.quire;
    const cpu = `cpu ${(big.hugoCpu / big.quireCpu).toFixed(1)}×`;
    const how = `wall, median of ${big.runs} interleaved`;
    const lines = [
      [ratio >= 10, `${big.posts}-post build with highlighting: quire ${ratio.toFixed(1)}× faster than hugo (${how}; ≥ 10×); ${cpu}`],
      [ratio >= 20, `${big.posts}-post build with highlighting + search index: quire ${ratio.toFixed(1)}× faster than hugo ` +
        `with highlighting (${how}; ≥ 20×); ${cpu}`],
      [big.quireRss * 4 <= big.hugoRss, `${big.posts}-post build peak RSS: quire ${big.quireRss.toFixed(0)} MB, hugo ` +
        `${big.hugoRss.toFixed(0)} MB (1/${(big.hugoRss / big.quireRss).toFixed(1)}; ≤ 1/4)`],
    ];
    console.log('');
    for (const [pass, line] of lines) console.log(`${pass ? 'PASS' : 'FAIL'}  ${line}`);
    if (lines.some(([pass]) => !pass)) process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`build-speed: ${error.message}`);
  process.exitCode = 1;
});
