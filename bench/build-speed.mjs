#!/usr/bin/env node
// Build speed: the same synthetic posts (bench/generate.mjs) built by
// `quire build` and by Hugo (Debian's package, with the minimal layout in
// bench/hugo-site/), side by side in one run. Prints wall-clock times (the
// median of 3 runs at 1,000 posts, 1 run at 10,000), the ratio, and the
// pages each wrote. Target: Quire at least 10x faster at 10,000 posts.
//
//   node bench/build-speed.mjs            BENCH_SIZES=1000,10000 (default)
//                                         BENCH_KEEP=1 keeps the temp dirs
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateContent } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quire = path.join(root, 'build/native/quire');
const hugo = ['/usr/bin/hugo', '/usr/local/bin/hugo'].find((p) => existsSync(p)) ?? 'hugo';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);

/** Runs a build, throws on failure. @returns {number} seconds */
function timed(/** @type {string} */ cmd, /** @type {string[]} */ args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return secs;
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
  const work = await mkdtemp(path.join(tmpdir(), 'quire-bench-'));
  const rows = [];
  try {
    for (const n of sizes) {
      const dir = path.join(work, String(n));
      const content = path.join(dir, 'content');
      const made = await generateContent({ dir: content, posts: n, seed: 42 });
      const site = path.join(dir, 'hugo');
      await cp(path.join(root, 'bench/hugo-site'), site, { recursive: true });
      await cp(path.join(content, 'posts'), path.join(site, 'content/posts'), { recursive: true });
      const runs = n <= 1000 ? 3 : 1;
      const quireOut = path.join(dir, 'quire-dist');
      const hugoOut = path.join(dir, 'hugo-public');
      const q = [];
      const h = [];
      for (let i = 0; i < runs; i += 1) {
        await rm(quireOut, { recursive: true, force: true });
        q.push(timed(quire, ['build', content, '-o', quireOut]));
        await rm(hugoOut, { recursive: true, force: true });
        h.push(timed(hugo, ['--quiet', '--source', site, '--destination', hugoOut]));
      }
      const row = {
        posts: n, words: made.words, runs, quire: median(q), hugo: median(h),
        quirePages: await countPages(quireOut), hugoPages: await countPages(hugoOut),
      };
      rows.push(row);
      console.log(`${n} posts: quire ${row.quire.toFixed(2)} s, hugo ${row.hugo.toFixed(2)} s ` +
        `(runs: quire ${q.map((s) => s.toFixed(2)).join(' ')}; hugo ${h.map((s) => s.toFixed(2)).join(' ')})`);
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  console.log('\n| posts | runs | quire build | hugo | hugo / quire | pages (quire) | pages (hugo) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.posts} | ${r.runs === 1 ? '1' : `median of ${r.runs}`} | ${r.quire.toFixed(2)} s | ${r.hugo.toFixed(2)} s | ` +
      `${(r.hugo / r.quire).toFixed(1)}× | ${r.quirePages} | ${r.hugoPages} |`);
  }
  const big = rows.find((r) => r.posts >= 10000);
  if (big) {
    const ratio = big.hugo / big.quire;
    console.log(`\nTarget (quire ≥ 10× faster than hugo at ${big.posts} posts): ${ratio >= 10 ? 'met' : 'missed'} (${ratio.toFixed(1)}×)`);
  }
}

main().catch((error) => {
  console.error(`build-speed: ${error.message}`);
  process.exitCode = 1;
});
