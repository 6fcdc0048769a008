#!/usr/bin/env node
// The reader's side in headless Chromium (Debian's, through playwright-core):
//  - first paint: navigation start (performance.timeOrigin) to the view's
//    content being in the DOM, for a pre-rendered page (home), and for
//    client-rendered views, each the final view in place: a search
//    (/search/?q=), a tag combination and the 404 view (a host serving
//    404.html for a path the build did not write, so the app renders it
//    with the WASM core), and a month and a post whose pages were removed
//    (index only; index + chunk). The budget (issue 19.4) is the client
//    view's time minus the pre-rendered home's, paired load by load in the
//    same run (the cases take turns, so both see the same machine);
//  - route changes at the largest size: click → the new view in the DOM and
//    laid out (forced layout included), for the next page, a tag and a month,
//    a post and a search, and click → the browser's next frame; the main
//    thread's CPU time of each click from a Chromium trace (issue 19.5's
//    budgets: next page, tag, month; a post whose chunk was prefetched);
//    and the reader's first click after a cold load.
//
//   node bench/browser.mjs [--quick] [--repeats N]
//   BENCH_BROWSER=paint|changes  only first paints, or only route changes
//   BENCH_SIZES=10000            only these blog sizes (comma-separated)
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { startServer } from '../scripts/serve.mjs';
import { appReady, launchBrowser, openPage, readBundle } from '../tests/e2e/helpers.mjs';
import { blogSizes, median, percentile, site, standalone } from './common.mjs';
import { WORDS } from './generate.mjs';

/** @typedef {import('./common.mjs').Row} Row */
/** @typedef {import('./common.mjs').Context} Context */

/**
 * Reports, from the page, when an element matching `selector` first exists:
 * calls the exposed binding __quireBenchSeen with performance.now() and the
 * app's performance marks so far. Runs before any of the page's own scripts.
 * @param {string} selector
 */
function watchFor(selector) {
  const w = /** @type {any} */ (window);
  let seen = false;
  const check = () => {
    if (!seen && document.querySelector(selector)) {
      seen = true;
      const at = performance.now();
      observer.disconnect();
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('quire:'));
      w.__quireBenchSeen(at, marks.map((m) => [m.name.slice('quire:'.length), m.startTime]));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Milliseconds from navigation start to `selector` in the DOM, in one cold
 * load (a new browser context), and the app's marks in it.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} selector
 * @returns {Promise<{at: number, marks: [string, number][]}>}
 */
async function coldLoad(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    // The page tells when (a binding call), rather than being polled: a
    // waitForFunction would run playwright's script on the page's main
    // thread while the app is loading, and count it.
    /** @type {(seen: {at: number, marks: [string, number][]}) => void} */
    let report = () => {};
    /** @type {Promise<{at: number, marks: [string, number][]}>} */
    const seen = new Promise((resolve) => { report = resolve; });
    await page.exposeFunction('__quireBenchSeen', (/** @type {number} */ at, /** @type {[string, number][]} */ marks) =>
      report({ at, marks }));
    await page.addInitScript(watchFor, selector);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${url}: no ${selector} within 60 s`)), 60000);
    });
    await page.goto(url);
    const result = await Promise.race([seen, timeout]);
    clearTimeout(timer);
    return /** @type {{at: number, marks: [string, number][]}} */ (result);
  } finally {
    await context.close();
  }
}

/**
 * First paints of several pages, `times` cold loads each, the pages taking
 * turns (one load of each per round), after a round that warms the
 * server's disk cache: a case and the one it is compared with see the
 * same machine.
 * @param {import('playwright-core').Browser} browser
 * @param {{url: string, sel: string}[]} cases
 * @param {number} times
 * @returns {Promise<{times: number[], steps: Record<string, number[]>}[]>}
 */
async function firstPaints(browser, cases, times) {
  const out = cases.map(() => ({ times: /** @type {number[]} */ ([]), steps: /** @type {Record<string, number[]>} */ ({}) }));
  for (let i = 0; i <= times; i += 1) {
    for (const [k, c] of cases.entries()) {
      const { at, marks } = await coldLoad(browser, c.url, c.sel);
      if (i === 0) continue;
      out[k].times.push(at);
      for (const [name, ms] of marks) (out[k].steps[name] ??= []).push(ms);
    }
  }
  return out;
}

/**
 * The app's marks (web/app.js) as a note: median ms after navigation start.
 * @param {Record<string, number[]>} steps
 */
function stepNote(steps) {
  return Object.entries(steps).map(([name, xs]) => `${name} ${Math.round(median(xs))}`).join(' · ');
}

/**
 * Clicks the `index`-th link matching `selector`, or submits the search
 * form with `query`, and returns the time until the app's next render is in
 * the DOM and laid out (`laidOut`), and until the browser's next frame
 * after it has been rendered (`frame`: what the reader waits for to see it,
 * frame pacing included; style, layout and paint the forced layout did not
 * need, such as list items coming on screen, happen there). `sync`: the
 * view was rendered inside the click's own task (nothing to fetch: for a
 * post, its chunk was there). With `prefetch`, the pointer first rests on
 * the link (the app fetches what it opens) until the network is quiet.
 * @param {import('playwright-core').Page} page
 * @param {{selector: string, index: number, prefetch?: boolean} | {query: string, form?: string}} how
 * @returns {Promise<{laidOut: number, frame: number, sync: boolean}>}
 */
function navigateAndTime(page, how) {
  return page.evaluate(async (h) => {
    /** @type {() => void} */
    let go;
    if ('query' in h) {
      const form = document.querySelector(h.form ?? 'main form.search-form');
      const input = form?.querySelector('input[name="q"]');
      if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement)) {
        throw new Error(`no search form on ${location.pathname}`);
      }
      input.value = h.query;
      go = () => form.requestSubmit();
    } else {
      const links = document.querySelectorAll(h.selector);
      if (!links.length) throw new Error(`no link matches ${h.selector} on ${location.pathname}`);
      const link = /** @type {HTMLElement} */ (links[h.index % links.length]);
      if (h.prefetch) {
        link.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
        // Quiet: no new resource for 100 ms.
        let count = -1;
        while (count !== performance.getEntriesByType('resource').length) {
          count = performance.getEntriesByType('resource').length;
          await new Promise((resolve) => { setTimeout(resolve, 100); });
        }
      }
      go = () => link.click();
    }
    let rendered = false;
    const done = new Promise((resolve) => document.addEventListener('quire:rendered', () => {
      rendered = true;
      performance.mark('bench:rendered');  // for the trace: where a route change's CPU time ends
      resolve(undefined);
    }, { once: true }));
    const t0 = performance.now();
    go();
    const sync = rendered;
    await done;
    void document.body.offsetHeight;  // style and layout of the new view
    const laidOut = performance.now() - t0;
    // The task after the next frame's rendering steps.
    await new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    }));
    return { laidOut, frame: performance.now() - t0, sync };
  }, how);
}

/**
 * A page of `url` in a new browser context, once the app has loaded its
 * bundle (reading `__quire.ready` starts the core, as an interaction does).
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
async function openLoaded(browser, url) {
  const opened = await openPage(browser);
  await opened.page.goto(url);
  await appReady(opened.page);
  return opened;
}

/** The route changes issue 19.5 budgets (besides a prefetched post). */
const budgetedChanges = ['next page', 'tag', 'month'];
const postChange = 'post (its chunk prefetched)';

/**
 * Route changes, each timed from click to the new view laid out and to
 * the next frame. With `trace`, also the main thread's CPU time of each
 * click, from a Chromium trace: the thread time of its click dispatch
 * (which holds the render and the DOM work), and when the view waited for
 * files (a list's post shards), that of every main-thread task after it
 * until the view was in the page (the files' arrival and loading, the
 * render again, the DOM work): what a busy machine's other processes do
 * not inflate. A post counts only when it was rendered in its click (its
 * chunk was there: the pointer rested on the link first). The trace slows
 * the clicks, so the two come from separate passes.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url  the home page
 * @param {number} rounds
 * @param {{trace?: boolean}} [options]
 */
async function routeChanges(browser, url, rounds, { trace = false } = {}) {
  const { page, close } = await openLoaded(browser, url);
  /** @type {Record<string, number[]>} */
  const times = { 'next page': [], tag: [], month: [], [postChange]: [], 'search (a word, or two)': [] };
  /** @type {Record<string, number[]>} */
  const frames = {};
  /** @type {(string|null)[]} what each click was, in order (null: not measured) */
  const clicks = [];
  let unprefetched = 0;
  const record = (/** @type {string} */ what, /** @type {{laidOut: number, frame: number}} */ ms) => {
    times[what].push(ms.laidOut);
    (frames[what] ??= []).push(ms.frame);
  };
  const click = async (/** @type {string|null} */ what, /** @type {string} */ selector, /** @type {number} */ index) => {
    const prefetch = what === postChange;
    const ms = await navigateAndTime(page, { selector, index, prefetch });
    const counted = what && (!prefetch || ms.sync);
    if (prefetch && !ms.sync) unprefetched += 1;
    clicks.push(counted ? what : null);
    if (counted) record(what, ms);
  };
  // Searches for the synthetic posts' own words: a common one, or two of
  // them (a submit, not a click: no CPU time from the trace for these).
  const words = WORDS.filter((w) => w.length > 3);
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'blink.user_timing'] });
  for (let i = 0; i < rounds; i += 1) {
    await click('next page', 'main .pagination a.older', 0);
    await click('tag', 'main a.tag', i);
    await click(null, 'header a[href$="/archive/"]', 0);
    await click('month', 'main .months a, main .archive-month a', i * 7);
    await click(postChange, 'main .post-index a', i);
    // The header's box, empty, opens the search view (the default menu has
    // no Search entry); a submit, not a click, as below.
    await navigateAndTime(page, { query: '', form: 'header form.site-search' });
    const query = i % 2 ? words[(i * 7) % words.length] : `${words[i % words.length]} ${words[(i * 13) % words.length]}`;
    record('search (a word, or two)', await navigateAndTime(page, { query }));
    await click(null, 'header a.site-title', 0);
  }
  /** @type {Record<string, number[]>} */
  const cpu = {};
  if (trace) {
    /** @type {any[]} */
    const all = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const byTime = (/** @type {any} */ a, /** @type {any} */ b) => a.ts - b.ts;
    const events = all.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && e.tdur).sort(byTime);
    if (events.length !== clicks.length) throw new Error(`trace: ${events.length} click dispatches for ${clicks.length} clicks`);
    const [main, renderer] = [events[0]?.tid, events[0]?.pid];
    const renders = all.filter((e) => e.name === 'bench:rendered').map((e) => e.ts).sort((a, b) => a - b);
    const tasks = all.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.tid === main && e.pid === renderer && e.ph === 'X' && e.tdur).sort(byTime);
    events.forEach((/** @type {any} */ e, /** @type {number} */ k) => {
      const what = clicks[k];
      if (!what) return;
      const end = e.ts + e.dur;
      const shown = renders.find((ts) => ts >= e.ts) ?? end;
      // Rendered after the dispatch: the tasks that brought the view in.
      const later = shown > end ? tasks.filter((t) => t.ts >= end && t.ts <= shown) : [];
      (cpu[what] ??= []).push((e.tdur + later.reduce((sum, t) => sum + t.tdur, 0)) / 1000);
    });
  }
  await close();
  return { times, frames, cpu, unprefetched };
}

/**
 * The reader's first click on a pre-rendered home page, per cold load (a
 * new browser context each time): the core loaded and idle time past (the
 * app's warm-up has run), then "older posts", click → laid out.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url  the home page
 * @param {number} times
 * @returns {Promise<number[]>}
 */
async function firstClicks(browser, url, times) {
  const out = [];
  for (let i = 0; i < times; i += 1) {
    const { page, close } = await openLoaded(browser, url);
    await page.waitForFunction(() => /** @type {any} */ (window).__quire.warmedUp);
    out.push((await navigateAndTime(page, { selector: 'main .pagination a.older', index: 0 })).laidOut);
    await close();
  }
  return out;
}

/**
 * Issue 19.3: what a pre-rendered page downloads before any interaction,
 * its JS and CSS: each file it fetched (resource timing) once the network
 * has been quiet for half a second, at gzip -9 as a CDN would serve it.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} dist  the folder the server serves at its root
 * @returns {Promise<{files: string[], kb: number}>}
 */
async function readingTransfer(browser, url, dist) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    let names = await fetched();
    for (;;) {
      await page.waitForTimeout(500);
      const now = await fetched();
      if (now.length === names.length) break;
      names = now;
    }
    const files = [...new Set(names)].filter((p) => /\.(m?js|css)$/.test(p)).sort();
    let bytes = 0;
    for (const f of files) bytes += zlib.gzipSync(await readFile(path.join(dist, f)), { level: 9 }).length;
    return { files, kb: bytes / 1024 };
  } finally {
    await context.close();
  }
}

/**
 * A post and a month whose static pages are removed from the (scratch)
 * build, so that the host's 404.html fallback makes the app render them.
 * @param {string} dist
 */
async function clientRoutes(dist) {
  const bundle = await readBundle(dist);  // a sharded one's posts too
  const post = bundle.posts[Math.floor(bundle.posts.length / 2)];
  const month = bundle.posts[Math.floor(bundle.posts.length / 3)].date.slice(0, 7).replace('-', '/');
  await rm(path.join(dist, 'posts', post.slug, 'index.html'), { force: true });
  await rm(path.join(dist, 'archive', month, 'index.html'), { force: true });
  return { post: `posts/${post.slug}/`, month: `archive/${month}/` };
}

/**
 * Issue 19.4: how far after the pre-rendered home's first paint a client
 * view may be in place, by blog size (ms).
 * @param {number} posts
 */
const clientViewLimit = (posts) => (posts <= 1000 ? 100 : 150);
/** Issue 19.5 at the largest size: main-thread CPU p95 and next frame p95 (ms). */
const changeCpuLimit = 12;
const changeFrameLimit = 33;
const postCpuLimit = 20;

/** @param {Context} ctx @returns {Promise<Row[]>} */
export async function run(ctx) {
  const browser = await launchBrowser();
  /** @type {Row[]} */
  const rows = [];
  // Paired cold loads a case: a view's line moved by ±30 ms from run to run
  // at 5 (issue 19.4's lines passed in one run and failed in the next).
  const times = Math.max(ctx.repeats, ctx.quick ? 5 : 11);
  try {
    const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : blogSizes(ctx);
    const part = process.env.BENCH_BROWSER ?? '';
    for (const posts of sizes) {
      const blog = await site(ctx, posts);
      const routes = await clientRoutes(blog.dist);
      const server = await startServer({ root: blog.dist, port: 0, quiet: true });
      try {
        const section = `first paint: ${posts} posts`;
        // Client views: the final view's own content, which the page as it
        // arrived (404.html, search/index.html) does not have.
        const cases = [
          { what: 'home, pre-rendered', url: server.url, sel: 'main .post-list article', budget: false },
          { what: 'search, client-rendered', url: `${server.url}search/?q=module`, sel: 'main #search-results p.count', budget: true },
          { what: 'tag combination, client-rendered', url: `${server.url}tags/wasm+web/`, sel: 'main[data-view="tags"] h1', budget: true },
          { what: '404 view, client-rendered', url: `${server.url}posts/module-render-cache/`, sel: 'main .near-posts li', budget: true },
          { what: 'month, client-rendered (index)', url: server.url + routes.month, sel: 'main .post-index li', budget: true },
          { what: 'post, client-rendered (index + chunk)', url: server.url + routes.post, sel: 'main .post-body p:not(.pending)', budget: false },
        ];
        if (posts === sizes[0] && part !== 'changes') {
          const { files, kb } = await readingTransfer(browser, server.url, blog.dist);
          rows.push({ section: 'budget', what: 'reading transfer', value: kb, unit: 'KB',
            budget: { pass: kb <= 15, line: `a pre-rendered page before any interaction downloads ≤ 15 KB gzip of JS + CSS: ${kb.toFixed(1)} KB (${files.join(', ')})` } });
        }
        const paints = part === 'changes' ? [] : await firstPaints(browser, cases, times);
        const home = paints[0]?.times ?? [];
        const limit = clientViewLimit(posts);
        for (const [k, c] of paints.length ? cases.entries() : []) {
          const ms = median(paints[k].times);
          // Paired: this load minus the home's load of the same round.
          const after = k === 0 ? NaN : median(paints[k].times.map((t, i) => t - home[i]));
          rows.push({ section, what: c.what, value: ms, unit: 'ms',
            note: [k === 0 ? '' : `home +${after.toFixed(0)} ms`, stepNote(paints[k].steps)].filter(Boolean).join(' · ') });
          if (c.budget) {
            const name = c.what.replace(/, client-rendered.*/, '');
            rows.push({ section: 'budget', what: `client view ${name} ${posts}`, value: after, unit: 'ms',
              budget: { pass: after <= limit, line: `client-rendered ${name} in place ≤ ${limit} ms after the pre-rendered home's first paint at ${posts} posts: +${after.toFixed(1)} ms (${ms.toFixed(0)} vs ${median(home).toFixed(0)} ms, paired medians of ${home.length})` } });
          }
        }
        if (posts === sizes[sizes.length - 1] && part !== 'paint') {
          const rounds = ctx.quick ? 10 : 40;  // p95 of 25 clicks was their 2nd slowest
          const { times: changes, frames, unprefetched } = await routeChanges(browser, server.url, rounds);
          const { cpu } = await routeChanges(browser, server.url, rounds, { trace: true });
          const note = (/** @type {string} */ what, /** @type {number} */ p) => [
            cpu[what]?.length ? `main-thread CPU ${percentile(cpu[what], p).toFixed(1)} ms` : '',
            frames[what]?.length ? `next frame ${percentile(frames[what], p).toFixed(1)} ms` : '',
          ].filter(Boolean).join(' · ');
          for (const [what, xs] of Object.entries(changes)) {
            const sectionName = `route change: ${posts} posts (${xs.length} clicks)`;
            rows.push({ section: sectionName, what: `${what} p50`, value: median(xs), unit: 'ms', note: note(what, 50) });
            rows.push({ section: sectionName, what: `${what} p95`, value: percentile(xs, 95), unit: 'ms', note: note(what, 95) });
          }
          const firsts = await firstClicks(browser, server.url, times);
          rows.push({ section: `route change: ${posts} posts (${firsts.length} cold loads)`,
            what: 'first click after load (older posts) p50', value: median(firsts), unit: 'ms',
            note: `max ${Math.max(...firsts).toFixed(1)} ms; the core loaded and warmed up in idle time` });
          for (const what of budgetedChanges) {
            const cpuP95 = percentile(cpu[what] ?? [], 95);
            const frameP95 = percentile(frames[what] ?? [], 95);
            rows.push({ section: 'budget', what: `route change ${what} CPU p95`, value: cpuP95, unit: 'ms',
              budget: { pass: cpuP95 <= changeCpuLimit, line: `route change at ${posts} posts, ${what}: main-thread CPU p95 ≤ ${changeCpuLimit} ms: ${cpuP95.toFixed(1)} ms (${cpu[what]?.length ?? 0} clicks)` } });
            rows.push({ section: 'budget', what: `route change ${what} next frame p95`, value: frameP95, unit: 'ms',
              budget: { pass: frameP95 <= changeFrameLimit, line: `route change at ${posts} posts, ${what}: next frame p95 ≤ ${changeFrameLimit} ms: ${frameP95.toFixed(1)} ms (${frames[what]?.length ?? 0} clicks)` } });
          }
          const postCpu = percentile(cpu[postChange] ?? [], 95);
          rows.push({ section: 'budget', what: 'route change post CPU p95', value: postCpu, unit: 'ms',
            budget: { pass: postCpu <= postCpuLimit, line: `route change at ${posts} posts, a post whose chunk is prefetched: main-thread CPU p95 ≤ ${postCpuLimit} ms: ${postCpu.toFixed(1)} ms (${cpu[postChange]?.length ?? 0} clicks; ${unprefetched} not prefetched in time, not counted)` } });
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

await standalone(import.meta.url, run);
