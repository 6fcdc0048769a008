#!/usr/bin/env node
// Search: Quire's index (core/search_index.hpp) side by side with Pagefind
// (npm `pagefind`, its prebuilt binary) on the same generated blog:
// bytes a cold one-word query downloads, bytes each further word adds,
// index build time (against Pagefind's, and as a share of Quire's own
// build), and query latency (p95) in Chromium once the files are there.
//
// Quire's bytes: the index files a query asks for (boundary file and
// shards), gzip level 9, as a CDN would serve them; the app and the bundle
// are loaded anyway for navigation and not counted (the app row of the
// transfer section has them). Pagefind's: every file its JS fetches for the
// query and the first five results' fragments (already compressed on
// disk), with and without its JS and WASM.
//
//   node bench/search.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { startServer } from '../scripts/serve.mjs';
import { launchBrowser } from '../tests/e2e/helpers.mjs';
import { percentile, quireCli, repoRoot, site, standalone } from './common.mjs';

/** @typedef {import('./common.mjs').Row} Row */
/** @typedef {import('./common.mjs').Context} Context */

const pagefindBin = path.join(repoRoot, 'node_modules/.bin/pagefind');
/** Words of the generated blog (bench/generate.mjs), each with a further word from elsewhere in the alphabet. */
const queries = [['render', 'value'], ['footnote', 'thread'], ['bundle', 'memory']];

/** @param {() => void} fn @returns {number} seconds */
function timed(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Runs queries in a page against Quire's index: bytes (gzip) of the files
 * each one adds, and render latency once they are there.
 * @param {import('playwright-core').Page} page
 * @param {string} word @param {string} more
 */
async function quireQueries(page, word, more) {
  return page.evaluate(async ([w, m]) => {
    const { fetchBundle, loadBundle } = await import('/quire.js');
    const bundle = await loadBundle(await fetchBundle('/bundle.json'), { url: new URL('/bundle.json', location.href) });
    const seen = new Set();
    const gz = async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
      return (await new Response(stream).arrayBuffer()).byteLength;
    };
    const fetchedFor = async (q) => {
      const before = new Set(performance.getEntriesByType('resource').map((e) => e.name));
      const p = `/search/?q=${encodeURIComponent(q)}`;
      for (let i = 0; i < 6 && bundle.render(p, 'main').needs; i += 1) await bundle.ensure(p);
      let total = 0;
      for (const e of performance.getEntriesByType('resource')) {
        if (before.has(e.name) || seen.has(e.name) || !e.name.includes('/search/')) continue;
        seen.add(e.name);
        total += await gz(e.name);
      }
      return total;
    };
    const cold = await fetchedFor(w);
    const further = await fetchedFor(`${w} ${m}`);
    const times = [];
    for (let i = 0; i < 40; i += 1) {
      const t = performance.now();
      bundle.render(`/search/?q=${encodeURIComponent(i % 2 ? w : `${w} ${m}`)}`, 'main');
      times.push(performance.now() - t);
    }
    return { cold, further, times };
  }, [word, more]);
}

/**
 * The same for Pagefind: resource sizes as served (its files are
 * compressed on disk) and search latency.
 * @param {import('playwright-core').Page} page
 * @param {string} word @param {string} more
 */
async function pagefindQueries(page, word, more) {
  return page.evaluate(async ([w, m]) => {
    const size = (names) => performance.getEntriesByType('resource')
      .filter((e) => !names.has(e.name) && e.name.includes('/pagefind/'))
      .map((e) => ({ name: e.name, bytes: e.encodedBodySize || e.transferSize }));
    const names = () => new Set(performance.getEntriesByType('resource').map((e) => e.name));
    let before = names();  // a cold query: its JS and WASM count
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const r1 = await pagefind.search(w);
    await Promise.all(r1.results.slice(0, 5).map((r) => r.data()));
    const cold = size(before);
    before = names();
    const r2 = await pagefind.search(`${w} ${m}`);
    await Promise.all(r2.results.slice(0, 5).map((r) => r.data()));
    const further = size(before);
    const times = [];
    for (let i = 0; i < 40; i += 1) {
      const t = performance.now();
      await pagefind.search(i % 2 ? w : `${w} ${m}`);
      times.push(performance.now() - t);
    }
    return { cold, further, times };
  }, [word, more]);
}

/** @param {Context} ctx @returns {Promise<Row[]>} */
export async function run(ctx) {
  /** @type {Row[]} */
  const rows = [];
  const posts = ctx.quick ? 1000 : 10000;
  const blog = await site(ctx, posts);
  const section = `search: ${posts} posts`;
  const scratch = await mkdtemp(path.join(tmpdir(), 'quire-bench-search-'));
  try {
    // Quire's build, with the time its search index took.
    let indexSeconds = 0;
    const buildSeconds = timed(() => {
      const r = spawnSync(quireCli, ['build', blog.content, '-o', path.join(scratch, 'quire')],
        { encoding: 'utf8', env: { ...process.env, QUIRE_TIMINGS: '1' }, maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`quire build failed: ${r.stderr}`);
      indexSeconds = Number(/search index ([\d.e-]+) s/.exec(r.stderr)?.[1] ?? NaN);
    });
    // Pagefind over the same posts' pages (their <main>).
    const pagefindOut = path.join(blog.dist, 'pagefind');
    await rm(pagefindOut, { recursive: true, force: true });
    let pagefindOk = true;
    const pagefindSeconds = timed(() => {
      const r = spawnSync(pagefindBin, ['--site', blog.dist, '--glob', 'posts/**/*.html', '--root-selector', 'main',
        '--output-path', pagefindOut, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) {
        pagefindOk = false;
        ctx.log(`pagefind failed: ${r.stderr || r.error}`);
      }
    });
    rows.push({ section, what: 'Quire: search index build', value: indexSeconds, unit: 's',
      note: `whole quire build ${buildSeconds.toFixed(2)} s (index ${(100 * indexSeconds / buildSeconds).toFixed(1)} %)` });
    if (pagefindOk) {
      rows.push({ section, what: 'Pagefind: index build', value: pagefindSeconds, unit: 's', note: 'pagefind 1.x binary, posts only' });
      rows.push({ section: 'budget', what: 'search index build vs Pagefind', value: indexSeconds / pagefindSeconds, unit: '×',
        budget: { pass: indexSeconds <= pagefindSeconds / 10,
          line: `search index build ≤ 1/10 of Pagefind's: ${indexSeconds.toFixed(2)} s vs ${pagefindSeconds.toFixed(2)} s` } });
    }
    rows.push({ section: 'budget', what: 'search index share of the build', value: 100 * indexSeconds / buildSeconds, unit: '%',
      budget: { pass: indexSeconds <= 0.2 * buildSeconds,
        line: `search index ≤ 20 % of Quire's build: ${(100 * indexSeconds / buildSeconds).toFixed(1)} %` } });

    const server = await startServer({ root: blog.dist, port: 0, quiet: true });
    const browser = await launchBrowser();
    try {
      const colds = { quire: [], pf: [], pfData: [] };
      const furthers = { quire: [], pf: [] };
      const lat = { quire: [], pf: [] };
      for (const [word, more] of queries) {
        // A fresh context each time: no HTTP cache shared between queries.
        const page = await (await browser.newContext()).newPage();
        await page.goto(new URL('search/', server.url).href);
        const q = await quireQueries(page, word, more);
        await page.close();
        colds.quire.push(q.cold);
        furthers.quire.push(q.further);
        lat.quire.push(...q.times);
        if (pagefindOk) {
          const p2 = await (await browser.newContext()).newPage();
          await p2.goto(new URL('search/', server.url).href);
          const p = await pagefindQueries(p2, word, more);
          await p2.close();
          const sum = (/** @type {{name: string, bytes: number}[]} */ list, all = true) => list
            .filter((e) => all || !/pagefind\.js|\.pagefind$|wasm/.test(e.name)).reduce((n, e) => n + e.bytes, 0);
          colds.pf.push(sum(p.cold));
          colds.pfData.push(sum(p.cold, false));
          furthers.pf.push(sum(p.further));
          lat.pf.push(...p.times);
        }
      }
      const avg = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length) / 1024;
      const words = queries.map(([w, m]) => `${w} (+${m})`).join(', ');
      rows.push({ section, what: 'Quire: cold one-word query', value: avg(colds.quire), unit: 'KB',
        note: `gzip, mean of ${words}` });
      rows.push({ section, what: 'Quire: each further word', value: avg(furthers.quire), unit: 'KB', note: 'gzip' });
      rows.push({ section, what: 'Quire: query p95 (shards there)', value: percentile(lat.quire, 95), unit: 'ms',
        note: 'render of the results view, 50 snippets' });
      if (pagefindOk) {
        rows.push({ section, what: 'Pagefind: cold one-word query', value: avg(colds.pf), unit: 'KB',
          note: `its JS + WASM + meta + chunks + 5 fragments; without JS/WASM ${avg(colds.pfData).toFixed(1)} KB` });
        rows.push({ section, what: 'Pagefind: each further word', value: avg(furthers.pf), unit: 'KB' });
        rows.push({ section, what: 'Pagefind: query p95', value: percentile(lat.pf, 95), unit: 'ms', note: 'search() only' });
        rows.push({ section: 'budget', what: 'cold query bytes vs Pagefind', value: avg(colds.quire) / avg(colds.pf), unit: '×',
          budget: { pass: avg(colds.quire) <= avg(colds.pf) / 4,
            line: `cold one-word query ≤ 1/4 of Pagefind's: ${avg(colds.quire).toFixed(1)} KB vs ${avg(colds.pf).toFixed(1)} KB` } });
        rows.push({ section: 'budget', what: 'further word bytes vs Pagefind', value: avg(furthers.quire) / avg(furthers.pf), unit: '×',
          budget: { pass: avg(furthers.quire) <= avg(furthers.pf) / 4,
            line: `each further word ≤ 1/4 of Pagefind's: ${avg(furthers.quire).toFixed(1)} KB vs ${avg(furthers.pf).toFixed(1)} KB` } });
      }
      const p95 = percentile(lat.quire, 95);
      rows.push({ section: 'budget', what: 'search p95', value: p95, unit: 'ms',
        budget: { pass: p95 <= 30, line: `search query p95 ≤ 30 ms in Chromium after the shards arrive: ${p95.toFixed(1)} ms` } });
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return rows;
}

await standalone(import.meta.url, run);
