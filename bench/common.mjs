// What the benchmark sections share: the synthetic blog (generated and
// built once per run, kept in ctx), timing loops and statistics, loading
// the WASM core in node, and the context a section runs with standalone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const quireCli = path.join(repoRoot, 'build/native/quire');
// BENCH_WASM_DIR: another build of the module (say an -Oz one) to compare.
export const wasmDir = process.env.BENCH_WASM_DIR || path.join(repoRoot, 'build/wasm');

/**
 * A table row. `budget` rows are printed as PASS/FAIL lines under the table.
 * @typedef {object} Row
 * @property {string} section
 * @property {string} what
 * @property {number} value       the median
 * @property {string} unit
 * @property {string} [ratio]     e.g. "13.2× marked"
 * @property {string} [note]
 * @property {{pass: boolean, line: string}} [budget]
 */

/**
 * @typedef {object} Context
 * @property {boolean} quick          fewer repetitions and smaller blogs
 * @property {number} repeats         how many times each measurement is repeated (median reported)
 * @property {string} workDir         scratch space for generated blogs
 * @property {Map<string, Promise<Site>>} sites
 * @property {(message: string) => void} log
 */

/** @typedef {{posts: number, content: string, dist: string}} Site */

/** @param {string[]} [argv] @returns {Context} */
export function makeContext(argv = process.argv.slice(2)) {
  const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const at = argv.indexOf('--repeats');
  return {
    quick,
    repeats: at >= 0 ? Number(argv[at + 1]) : quick ? 3 : 5,
    workDir: process.env.BENCH_DIR || path.join(repoRoot, 'build/bench'),
    sites: new Map(),
    log: (message) => process.stderr.write(`bench: ${message}\n`),
  };
}

/** Blog sizes for load, browser and transfer sections. @param {Context} ctx */
export const blogSizes = (ctx) => (ctx.quick ? [1000] : [1000, 10000]);

/**
 * The synthetic-blog generator shared with the build-speed benchmark.
 * @returns {Promise<(o: {dir: string, posts: number, seed?: number}) => Promise<unknown>>}
 */
async function generator() {
  const mod = await import(pathToFileURL(path.join(repoRoot, 'bench/generate.mjs')).href);
  return mod.generateContent;
}

/** @type {Promise<unknown>} */
let buildQueue = Promise.resolve();

/**
 * Generates and builds (once per context) a blog of `posts` posts.
 * `split` sets site.yaml's split_bundle_over (0: never split).
 * @param {Context} ctx
 * @param {number} posts
 * @param {{split?: number}} [options]
 * @returns {Promise<Site>}
 */
export function site(ctx, posts, { split } = {}) {
  const key = `${posts}-${split ?? 'default'}`;
  let promise = ctx.sites.get(key);
  if (!promise) {
    // Sequential: the variants of one size share a content folder.
    promise = buildQueue.then(async () => {
      const content = path.join(ctx.workDir, `content-${posts}`);
      const dist = path.join(ctx.workDir, `dist-${key}`);
      if (!existsSync(path.join(content, 'site.yaml')) || !existsSync(path.join(content, 'posts'))) {
        ctx.log(`generating a ${posts}-post blog`);
        await mkdir(ctx.workDir, { recursive: true });
        await (await generator())({ dir: content, posts, seed: 42 });
      }
      // One content folder serves every variant: set the threshold in site.yaml.
      const yamlFile = path.join(content, 'site.yaml');
      const yaml = (await readFile(yamlFile, 'utf8')).split('\n').filter((l) => !l.startsWith('split_bundle_over:'));
      if (split !== undefined) yaml.splice(yaml.length - 1, 0, `split_bundle_over: ${split}`);
      await writeFile(yamlFile, yaml.join('\n'));
      const args = ['build', content, '-o', dist];
      ctx.log(`building it (split_bundle_over: ${split ?? 'default'})`);
      const run = spawnSync(quireCli, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (run.status !== 0) throw new Error(`quire build failed:\n${run.stderr}`);
      return { posts, content, dist };
    });
    buildQueue = promise.catch(() => undefined);
    ctx.sites.set(key, promise);
  }
  return promise;
}

/** Removes the scratch blogs. @param {Context} ctx */
export async function cleanUp(ctx) {
  await rm(ctx.workDir, { recursive: true, force: true });
}

/**
 * CPU time of this process, in ms: what the in-process sections measure,
 * so that other processes on a busy machine do not count.
 */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** @param {number[]} xs */
export function median(xs) {
  return percentile(xs, 50);
}

/** @param {number[]} xs @param {number} p  0..100, nearest-rank */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/**
 * Times `fn` (run `inner` times per sample) `samples` times, after one
 * warm-up sample; returns milliseconds per call of each sample.
 * @param {() => unknown} fn
 * @param {{samples: number, inner?: number}} o
 */
export function timeSamples(fn, { samples, inner = 1 }) {
  for (let i = 0; i < inner; i += 1) fn();
  const out = [];
  for (let s = 0; s < samples; s += 1) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i += 1) fn();
    out.push((performance.now() - t0) / inner);
  }
  return out;
}

/**
 * The WASM core, loaded in node from build/wasm.
 * @returns {Promise<any>}
 */
export async function loadCore() {
  const { getCore } = await import(pathToFileURL(path.join(repoRoot, 'web/quire.js')).href);
  return getCore({
    moduleUrl: pathToFileURL(path.join(wasmDir, 'quire-core.js')),
    wasmBinary: await readFile(path.join(wasmDir, 'quire-core.wasm')),
  });
}

/** The machine, for the report. */
export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'unknown';
  const v = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' });
  if (v.status === 0) chromium = v.stdout.trim();
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  return `${os.cpus().length} × ${cpu}; node ${process.version}; ${chromium}; load average ${load}`;
}

/**
 * Runs one section standalone (`node bench/<section>.mjs`) and prints its table.
 * @param {string} moduleUrl  the section's import.meta.url
 * @param {(ctx: Context) => Promise<Row[]>} run
 */
export async function standalone(moduleUrl, run) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const { printTable } = await import('./table.mjs');
  const ctx = makeContext();
  const rows = await run(ctx);
  printTable(rows, machine());
}
