#!/usr/bin/env node
// The reader's side in headless Chromium (Debian's, through playwright-core):
//  - first paint: navigation start (performance.timeOrigin) to the view's
//    content being in the DOM, for a pre-rendered page (home), and for
//    client-rendered routes (a host serving 404.html for a path the build
//    did not write, so the app renders it with the WASM core): a month
//    (index only) and a post (index + its chunk);
//  - route changes at the largest size: click → the new view in the DOM and
//    laid out (forced layout included), for the next page, a tag and a month
//    (the budget), a post and a search, and in the notes click → the
//    browser's next frame; and the reader's first click after a cold load.
//
//   node bench/browser.mjs [--quick] [--repeats N]
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { startServer } from '../scripts/serve.mjs';
import { appReady, launchBrowser, openPage } from '../tests/e2e/helpers.mjs';
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
 * Milliseconds from navigation start to `selector` in the DOM, per cold
 * load (a new browser context each time), and the app's marks per load.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} selector
 * @param {number} times
 * @returns {Promise<{times: number[], steps: Record<string, number[]>}>}
 */
async function firstPaint(browser, url, selector, times) {
  const out = [];
  /** @type {Record<string, number[]>} */
  const steps = {};
  for (let i = 0; i <= times; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
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
    const { at, marks } = await Promise.race([seen, timeout]);
    clearTimeout(timer);
    await context.close();
    if (i > 0) {  // the first load warms the server's disk cache
      out.push(at);
      for (const [name, ms] of marks) (steps[name] ??= []).push(ms);
    }
  }
  return { times: out, steps };
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
 * need, such as list items coming on screen, happen there).
 * @param {import('playwright-core').Page} page
 * @param {{selector: string, index: number} | {query: string}} how
 * @returns {Promise<{laidOut: number, frame: number}>}
 */
function navigateAndTime(page, how) {
  return page.evaluate(async (h) => {
    /** @type {() => void} */
    let go;
    if ('query' in h) {
      const form = document.querySelector('main form.search-form');
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
      go = () => link.click();
    }
    const done = new Promise((resolve) => document.addEventListener('quire:rendered', resolve, { once: true }));
    const t0 = performance.now();
    go();
    await done;
    void document.body.offsetHeight;  // style and layout of the new view
    const laidOut = performance.now() - t0;
    // The task after the next frame's rendering steps.
    await new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    }));
    return { laidOut, frame: performance.now() - t0 };
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

/**
 * Route changes, each timed from click to the new view laid out. With
 * `trace`, also the main thread's CPU time of each click (the thread time
 * of its click dispatch, which holds the render and the forced layout, from
 * a Chromium trace): what a busy machine's other processes do not inflate.
 * The trace slows the clicks, so the two come from separate passes.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url  the home page
 * @param {number} rounds
 * @param {{trace?: boolean}} [options]
 */
async function routeChanges(browser, url, rounds, { trace = false } = {}) {
  const { page, close } = await openLoaded(browser, url);
  /** @type {Record<string, number[]>} */
  const times = { 'next page': [], tag: [], month: [], 'post (its chunk prefetched in view or fetched)': [],
    'search (a word, or two)': [] };
  /** @type {Record<string, number[]>} */
  const frames = {};
  /** @type {(string|null)[]} what each click was, in order (null: not measured) */
  const clicks = [];
  const record = (/** @type {string} */ what, /** @type {{laidOut: number, frame: number}} */ ms) => {
    times[what].push(ms.laidOut);
    (frames[what] ??= []).push(ms.frame);
  };
  const click = async (/** @type {string|null} */ what, /** @type {string} */ selector, /** @type {number} */ index) => {
    clicks.push(what);
    const ms = await navigateAndTime(page, { selector, index });
    if (what) record(what, ms);
  };
  // Searches for the synthetic posts' own words: a common one, or two of
  // them (a submit, not a click: no CPU time from the trace for these).
  const words = WORDS.filter((w) => w.length > 3);
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline'] });
  for (let i = 0; i < rounds; i += 1) {
    await click('next page', 'main .pagination a.older', 0);
    await click('tag', 'main a.tag', i);
    await click(null, 'header a[href$="/archive/"]', 0);
    await click('month', 'main .months a', i * 7);
    await click('post (its chunk prefetched in view or fetched)', 'main .post-index a', i);
    await click(null, 'header a[href$="/search/"]', 0);
    const query = i % 2 ? words[(i * 7) % words.length] : `${words[i % words.length]} ${words[(i * 13) % words.length]}`;
    record('search (a word, or two)', await navigateAndTime(page, { query }));
    await click(null, 'header a.site-title', 0);
  }
  /** @type {Record<string, number[]>} */
  const cpu = {};
  if (trace) {
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents
      .filter((/** @type {any} */ e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && e.tdur)
      .sort((/** @type {any} */ a, /** @type {any} */ b) => a.ts - b.ts);
    // A post's render waits for its chunk, after the click's dispatch.
    if (events.length === clicks.length) {
      events.forEach((/** @type {any} */ e, /** @type {number} */ k) => {
        const what = clicks[k];
        if (what && !what.startsWith('post')) (cpu[what] ??= []).push(e.tdur / 1000);
      });
    }
  }
  await close();
  return { times, frames, cpu };
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
 * A post and a month whose static pages are removed from the (scratch)
 * build, so that the host's 404.html fallback makes the app render them.
 * @param {string} dist
 */
async function clientRoutes(dist) {
  const bundle = JSON.parse(await readFile(path.join(dist, 'bundle.json'), 'utf8'));
  const post = bundle.posts[Math.floor(bundle.posts.length / 2)];
  const month = bundle.posts[Math.floor(bundle.posts.length / 3)].date.slice(0, 7).replace('-', '/');
  await rm(path.join(dist, 'posts', post.slug, 'index.html'), { force: true });
  await rm(path.join(dist, 'archive', month, 'index.html'), { force: true });
  return { post: `posts/${post.slug}/`, month: `archive/${month}/` };
}

/** @param {Context} ctx @returns {Promise<Row[]>} */
export async function run(ctx) {
  const browser = await launchBrowser();
  /** @type {Row[]} */
  const rows = [];
  const times = Math.max(ctx.repeats, 5);
  try {
    const sizes = blogSizes(ctx);
    for (const posts of sizes) {
      const blog = await site(ctx, posts);
      const routes = await clientRoutes(blog.dist);
      const server = await startServer({ root: blog.dist, port: 0, quiet: true });
      try {
        const section = `first paint: ${posts} posts`;
        const cases = [
          { what: 'home, pre-rendered', url: server.url, sel: 'main .post-list article' },
          { what: 'month, client-rendered (index)', url: server.url + routes.month, sel: 'main .post-index li' },
          { what: 'post, client-rendered (index + chunk)', url: server.url + routes.post, sel: 'main .post-body p:not(.pending)' },
        ];
        for (const c of cases) {
          const paint = await firstPaint(browser, c.url, c.sel, times);
          const ms = median(paint.times);
          rows.push({ section, what: c.what, value: ms, unit: 'ms', note: stepNote(paint.steps) });
          if (c.what.startsWith('month')) {
            const limit = posts <= 1000 ? 150 : 300;
            rows.push({ section: 'budget', what: `first paint ${posts}`, value: ms, unit: 'ms',
              budget: { pass: ms <= limit, line: `first paint ≤ ${limit} ms at ${posts} posts (client-rendered, WASM path): ${ms.toFixed(1)} ms` } });
          }
        }
        if (posts === sizes[sizes.length - 1]) {
          const rounds = ctx.quick ? 10 : 25;
          const { times: changes, frames } = await routeChanges(browser, server.url, rounds);
          const { cpu } = await routeChanges(browser, server.url, Math.ceil(rounds / 2), { trace: true });
          const note = (/** @type {string} */ what, /** @type {number} */ p) => [
            cpu[what]?.length ? `main-thread CPU ${percentile(cpu[what], p).toFixed(1)} ms` : '',
            frames[what]?.length ? `next frame ${percentile(frames[what], p).toFixed(1)} ms` : '',
          ].filter(Boolean).join(' · ');
          const budgeted = [];
          for (const [what, xs] of Object.entries(changes)) {
            const sectionName = `route change: ${posts} posts (${xs.length} clicks)`;
            rows.push({ section: sectionName, what: `${what} p50`, value: median(xs), unit: 'ms', note: note(what, 50) });
            rows.push({ section: sectionName, what: `${what} p95`, value: percentile(xs, 95), unit: 'ms', note: note(what, 95) });
            if (['next page', 'tag', 'month'].includes(what)) budgeted.push(...xs);
          }
          const firsts = await firstClicks(browser, server.url, times);
          rows.push({ section: `route change: ${posts} posts (${firsts.length} cold loads)`,
            what: 'first click after load (older posts) p50', value: median(firsts), unit: 'ms',
            note: `max ${Math.max(...firsts).toFixed(1)} ms; the core loaded and warmed up in idle time` });
          const p95 = percentile(budgeted, 95);
          const allCpu = Object.values(cpu).flat();
          const cpuP95 = allCpu.length ? `main-thread CPU ${percentile(allCpu, 95).toFixed(1)} ms` : '';
          rows.push({ section: 'budget', what: 'route change p95', value: p95, unit: 'ms',
            budget: { pass: p95 <= 16, line: `route change p95 ≤ 16 ms at ${posts} posts (next page, tag, month): ${p95.toFixed(1)} ms${cpuP95 ? ` (${cpuP95})` : ''}` } });
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
