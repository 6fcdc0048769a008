#!/usr/bin/env node
// Search: Quire's index (core/search_index.hpp) side by side with Pagefind
// (npm `pagefind`, its prebuilt binary) on the same generated blog:
// bytes a cold one-word query downloads, bytes each further word adds,
// index build time (against Pagefind's, and as a share of Quire's own
// build), and query latency (p95) in Chromium once the files are there.
//
// Bytes are counted where they cannot be missed: the server logs every
// request (Pagefind fetches its index from a Web Worker, whose requests the
// page's resource timing does not list), and each file is counted once per
// fresh browser context, at its size as a CDN would serve it: gzip level 9,
// except Pagefind's index, fragments and WASM, compressed on disk already.
// Quire's: the index files a query asks for (boundary file and shards); the
// app and the bundle are loaded anyway for navigation and not counted (the
// app row of the transfer section has them). Pagefind's: every file its JS
// fetches for the query and the first five results' fragments, with and
// without its JS and WASM. "Each further word" is the mean over several
// pairs of words from far apart in the alphabet, so that the further word
// usually needs a file not fetched yet (the note says how often it did).
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
const queries = [['render', 'value'], ['footnote', 'thread'], ['bundle', 'memory'], ['against', 'world'],
  ['cache', 'people'], ['deploy', 'summary']];

/** @param {() => void} fn @returns {number} seconds */
function timed(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Runs queries in a page against Quire's index: `mark` is called (through
 * an exposed function) when the cold query and the further word are done,
 * then render latency once the files are there.
 * @param {import('playwright-core').Page} page
 * @param {string} word @param {string} more
 */
async function quireQueries(page, word, more) {
  return page.evaluate(async ([w, m]) => {
    const { fetchBundle, loadBundle } = await import('/quire.js');
    const bundle = await loadBundle(await fetchBundle('/bundle.json'), { url: new URL('/bundle.json', location.href) });
    const run = async (/** @type {string} */ q) => {
      const p = `/search/?q=${encodeURIComponent(q)}`;
      for (let i = 0; i < 6 && bundle.render(p, 'main').needs; i += 1) await bundle.ensure(p);
    };
    // @ts-ignore: exposed by the bench
    await window.benchMark('start');
    await run(w);
    // @ts-ignore
    await window.benchMark('cold');
    await run(`${w} ${m}`);
    // @ts-ignore
    await window.benchMark('further');
    const times = [];
    for (let i = 0; i < 40; i += 1) {
      const t = performance.now();
      bundle.render(`/search/?q=${encodeURIComponent(i % 2 ? w : `${w} ${m}`)}`, 'main');
      times.push(performance.now() - t);
    }
    return { times };
  }, [word, more]);
}

/**
 * The same for Pagefind: its search and the first five results' data.
 * @param {import('playwright-core').Page} page
 * @param {string} word @param {string} more
 */
async function pagefindQueries(page, word, more) {
  return page.evaluate(async ([w, m]) => {
    // @ts-ignore: exposed by the bench
    await window.benchMark('start');  // a cold query: its JS and WASM count
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const r1 = await pagefind.search(w);
    await Promise.all(r1.results.slice(0, 5).map((r) => r.data()));
    // @ts-ignore
    await window.benchMark('cold');
    const r2 = await pagefind.search(`${w} ${m}`);
    await Promise.all(r2.results.slice(0, 5).map((r) => r.data()));
    // @ts-ignore
    await window.benchMark('further');
    const times = [];
    for (let i = 0; i < 40; i += 1) {
      const t = performance.now();
      await pagefind.search(i % 2 ? w : `${w} ${m}`);
      times.push(performance.now() - t);
    }
    return { times };
  }, [word, more]);
}

/**
 * Bytes of a file as served by a CDN: gzip level 9, or as it is when
 * compressed on disk already (Pagefind's index, fragments, WASM).
 * @param {string} dist @param {string} url
 */
async function servedBytes(dist, url) {
  const data = await readFile(path.join(dist, decodeURIComponent(new URL(url, 'http://x').pathname)));
  if (/\.(pf_index|pf_fragment|pf_meta|pagefind)$/.test(url)) return data.length;
  return zlib.gzipSync(data, { level: 9 }).length;
}

/**
 * Runs `queries` in a fresh context and page, splitting the requests the
 * server saw into the cold query's and the further word's.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url  the page to start from
 * @param {string[]} log  the server's request log (paths)
 * @param {(page: import('playwright-core').Page) => Promise<{times: number[]}>} queries
 */
async function measured(browser, url, log, queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {Record<string, number>} */
  const marks = {};
  await page.exposeFunction('benchMark', (/** @type {string} */ name) => { marks[name] = log.length; });
  await page.goto(url);
  const { times } = await queries(page);
  await context.close();
  return { times, cold: log.slice(marks.start, marks.cold), further: log.slice(marks.cold, marks.further) };
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

    /** @type {string[]} */
    const log = [];
    const server = await startServer({ root: blog.dist, port: 0, quiet: true,
      handle: (req) => { log.push(req.url ?? '/'); return false; } });
    const browser = await launchBrowser();
    try {
      const colds = { quire: [], pf: [], pfData: [] };
      const furthers = { quire: [], pf: [] };
      const newFile = { quire: 0, pf: 0 };  // pairs whose further word fetched an index file
      const lat = { quire: [], pf: [] };
      /** @param {string[]} urls @param {(u: string) => boolean} keep */
      const bytes = async (urls, keep) => {
        let total = 0;
        for (const u of new Set(urls.filter(keep))) total += await servedBytes(blog.dist, u);
        return total;
      };
      const quireFile = (/** @type {string} */ u) => u.includes('/search/') && u.endsWith('.bin');
      const pfFile = (/** @type {string} */ u) => u.startsWith('/pagefind/');
      const pfData = (/** @type {string} */ u) => pfFile(u) && !/pagefind\.js|\.pagefind$|wasm|worker/.test(u);
      for (const [word, more] of queries) {
        // A fresh context each time: no HTTP cache shared between queries.
        const start = new URL('search/', server.url).href;
        const q = await measured(browser, start, log, (page) => quireQueries(page, word, more));
        colds.quire.push(await bytes(q.cold, quireFile));
        furthers.quire.push(await bytes(q.further.filter((u) => !q.cold.includes(u)), quireFile));
        newFile.quire += q.further.some((u) => quireFile(u) && !q.cold.includes(u)) ? 1 : 0;
        lat.quire.push(...q.times);
        if (pagefindOk) {
          const p = await measured(browser, start, log, (page) => pagefindQueries(page, word, more));
          colds.pf.push(await bytes(p.cold, pfFile));
          colds.pfData.push(await bytes(p.cold, pfData));
          const further = p.further.filter((u) => !p.cold.includes(u));
          furthers.pf.push(await bytes(further, pfFile));
          newFile.pf += further.some((u) => u.endsWith('.pf_index')) ? 1 : 0;
          lat.pf.push(...p.times);
        }
      }
      const avg = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length) / 1024;
      const words = queries.map(([w, m]) => `${w} (+${m})`).join(', ');
      rows.push({ section, what: 'Quire: cold one-word query', value: avg(colds.quire), unit: 'KB',
        note: `gzip, mean of ${words}` });
      rows.push({ section, what: 'Quire: each further word', value: avg(furthers.quire), unit: 'KB',
        note: `gzip; a shard not fetched yet for ${newFile.quire} of ${queries.length} pairs` });
      rows.push({ section, what: 'Quire: query p95 (shards there)', value: percentile(lat.quire, 95), unit: 'ms',
        note: 'render of the results view, 50 snippets' });
      if (pagefindOk) {
        rows.push({ section, what: 'Pagefind: cold one-word query', value: avg(colds.pf), unit: 'KB',
          note: `its JS (gzip) + WASM + meta + chunks + 5 fragments; without JS/WASM ${avg(colds.pfData).toFixed(1)} KB` });
        rows.push({ section, what: 'Pagefind: each further word', value: avg(furthers.pf), unit: 'KB',
          note: `an index chunk not fetched yet for ${newFile.pf} of ${queries.length} pairs` });
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
