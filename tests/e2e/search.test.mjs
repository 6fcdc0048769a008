// Search end to end: search as you type, ranked results with marked
// snippets, the URL and history, the 404 view's suggestions, content kept
// when the core cannot load, and a split blog searched a shard at a time.
// Run: node --test tests/e2e/search.test.mjs   (after scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { appReady, contentDir, openPage, pathOf, readBundle, repoRoot, sampleSite, serve, viewPaths } from './helpers.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** @type {import('./helpers.mjs').SampleSite['site']} */
let site;
/** @type {import('./helpers.mjs').SampleSite['server']} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

/** @type {(() => Promise<void>)|undefined} */
let closeSite;

before(async () => {
  ({ site, server, browser, close: closeSite } = await sampleSite());
});

after(() => closeSite?.());

const base = () => site.bundle.site.base_path;
/** @param {string} p */
const urlOf = (p) => new URL(p, server.url).href;

/**
 * Starts summing layout shifts from now on (all of them, input or not),
 * and noting what moved. Not the page's own load before it (buffered): on
 * a busy machine its late shifts are no result of the results changing.
 * @param {import('playwright-core').Page} page
 */
async function watchShifts(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__shift = 0;
    w.__moved = [];
    new PerformanceObserver((list) => {
      for (const e of /** @type {any[]} */ (list.getEntries())) {
        w.__shift += e.value;
        for (const s of e.sources ?? []) {
          const n = s.node;
          w.__moved.push(n instanceof Element ? `${n.tagName.toLowerCase()}${n.className ? `.${n.className}` : ''}` : String(n?.nodeName));
        }
      }
    }).observe({ type: 'layout-shift' });
  });
}

/**
 * The shifts summed since watchShifts, once two frames have been drawn, and
 * what moved.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{shift: number, moved: string[]}>}
 */
const shifts = (page) => page.evaluate(() => new Promise((done) => {
  const w = /** @type {any} */ (window);
  requestAnimationFrame(() => requestAnimationFrame(() => done({ shift: w.__shift, moved: w.__moved })));
}));

test('typing in the header box shows ranked results with marked snippets; the URL follows; Back restores', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser, { viewport: { width: 375, height: 740 } });
  try {
    await page.goto(urlOf(base()));
    assert.equal(await appReady(page), true);
    await watchShifts(page);
    await page.locator('.site-search input').click();
    await page.keyboard.type('footnotes', { delay: 30 });
    await page.waitForFunction(() => location.search === '?q=footnotes' && document.querySelector('.search-hit'));
    const titles = await page.locator('.search-hit h2').allTextContents();
    assert.equal(titles[0].trim(), 'Footnotes, properly', `ranked first: ${titles.join(' | ')}`);
    assert.ok(await page.locator('.search-hit .snippet mark').count() > 0, 'snippets mark the word');
    assert.match(await page.locator('.search-results .count').textContent() ?? '', /^\d+ posts? match/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q', 'focus stays in the box');
    // More words: the results and the URL follow (replaceState: no new entry).
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.type(' prop', { delay: 30 });
    await page.waitForFunction(() => location.search === '?q=footnotes+prop'
      && document.querySelector('.search-results .count')?.textContent?.includes('“footnotes prop”'));
    assert.equal((await page.locator('.search-hit h2').first().textContent())?.trim(), 'Footnotes, properly');
    assert.equal(await page.evaluate(() => history.length), entries);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q');
    const { shift, moved } = await shifts(page);
    assert.equal(shift, 0, `no layout shift while results change (moved: ${moved.join(', ')})`);
    // Open a result, come back: the query and its results are there again.
    await page.locator('.search-hit h2 a').first().click();
    await page.waitForFunction(() => location.pathname.includes('/posts/'));
    await page.goBack();
    await page.waitForFunction(() => location.search === '?q=footnotes+prop' && document.querySelector('.search-hit'));
    assert.equal(await page.locator('#search-q').inputValue(), 'footnotes prop');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a typo is corrected, an empty search helps, and no match offers ways on', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(urlOf(`${base()}search/?q=performence`));
    await page.waitForSelector('.did-you-mean');
    assert.match(await page.locator('.did-you-mean').textContent() ?? '', /Showing results for “performance”/);
    assert.equal((await page.locator('.search-hit h2').first().textContent())?.trim(), 'Performance notes');
    await page.goto(urlOf(`${base()}search/`));
    assert.ok(await page.locator('.search-help').isVisible());
    await page.goto(urlOf(`${base()}search/?q=qqqxqqq`));
    await page.waitForSelector('.search-none');
    assert.ok(await page.locator('.search-none a').count() >= 2);
  } finally {
    await close();
  }
});

test('the 404 view suggests the closest post and fills the box with words from the path', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(urlOf(`${base()}posts/footnote-properly/`));
    await page.waitForSelector('.near-posts li');
    const first = (await page.locator('.near-posts a').first().textContent())?.trim();
    assert.equal(first, 'Footnotes, properly');
    assert.equal(await page.locator('#search-q').inputValue(), 'footnote properly');
    assert.equal((await page.locator('main h1').textContent())?.trim(), 'Page not found');
  } finally {
    await close();
  }
});

test('with WASM blocked, /search/ and the 404 page keep their content (no "Loading…"; a note says why)', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.route('**/quire-core.wasm', (route) => route.abort());
    await page.goto(urlOf(`${base()}search/?q=markdown`));
    assert.equal((await page.locator('main h1').textContent())?.trim(), 'Search');
    assert.ok(await page.locator('#search-q').isVisible());
    assert.equal(await appReady(page), false);
    assert.equal(await page.locator('.quire-loading').count(), 0);
    assert.ok(await page.locator('.search-help').isVisible());
    assert.equal(await page.locator('main h1').count(), 1);
    await page.locator('main .quire-error.note').waitFor();
    await page.goto(urlOf(`${base()}no/such/page/`));
    assert.equal(await appReady(page), false);
    assert.equal((await page.locator('main h1').textContent())?.trim(), 'Page not found');
    assert.equal(await page.locator('main h1').count(), 1);
    assert.equal(await page.locator('.quire-loading').count(), 0);
  } finally {
    await close();
  }
});

for (const scheme of /** @type {const} */ (['light', 'dark'])) {
  test(`axe finds no violations in search results as typed, ${scheme}`, async () => {
    const { page, close } = await openPage(browser, { colorScheme: scheme });
    try {
      await page.goto(urlOf(`${base()}search/`));
      assert.equal(await appReady(page), true);
      await page.locator('#search-q').fill('markdown');
      await page.waitForSelector('.search-hit mark');
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const r = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
    } finally {
      await close();
    }
  });
}

test('a split blog finds a word only one body holds, fetching only index shards', async () => {
  /** @type {Record<string, string>} */
  const files = { 'site.yaml': 'title: Split\nsplit_bundle_over: 50\n' };
  const words = ['river', 'stone', 'cloud', 'maple', 'ember', 'harbor', 'violet', 'copper', 'meadow', 'lantern'];
  for (let i = 0; i < 600; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const year = 2000 + Math.floor(i / 336);
    let body = `Intro ${words[i % 10]} ${words[(i * 7) % 10]}.\n\n`;
    for (let k = 0; k < 40; k += 1) body += `${words[(i + k) % 10]} ${words[(i * k) % 10]} n${i}x${k} `;
    if (i === 321) body += '\n\nOnly here: xylophonist.\n';
    files[`posts/${year}-${month}-${day}-post-${i}.md`] = `---\ntitle: Post ${i}\ndate: ${year}-${month}-${day}\nsummary: Post number ${i}.\n---\n\n${body}\n`;
  }
  const content = await contentDir(files);
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content.dir, '-o', content.out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const bundle = await readBundle(content.out);
  assert.ok(/** @type {any} */ (bundle).chunks?.length > 10, 'the blog is split');
  const split = await serve(content.out, '/');
  const { page, close } = await openPage(browser);
  try {
    // From the page's load on: the search page preloads the index's
    // boundary file with the bundle.
    /** @type {string[]} */
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(new URL('search/', split.url).href);
    assert.equal(await appReady(page), true);
    await page.locator('#search-q').fill('xylophonist');
    await page.waitForFunction(() => location.search === '?q=xylophonist' && document.querySelector('.search-hit'));
    assert.deepEqual(await page.locator('.search-hit h2').allTextContents(), ['Post 321']);
    // The search fetched index files only, a few of them, and not the chunk
    // holding the body (links in view may prefetch other chunks, as on any list).
    const searched = requests.filter((r) => r.startsWith('/search/') && r !== '/search/');  // not the page itself
    assert.ok(searched.length >= 2, `fetched: ${requests.join(' ')}`);
    assert.ok(searched.every((r) => /^\/search\/[\w-]+\.bin$/.test(r)), `only index files: ${searched.join(' ')}`);
    const shards = (await import('node:fs')).readdirSync(path.join(content.out, 'search')).filter((f) => f.endsWith('.bin'));
    assert.ok(searched.length < shards.length / 2, `${searched.length} of ${shards.length} index files`);
    const held = /** @type {any} */ (bundle).posts.find((/** @type {any} */ p) => p.title === 'Post 321');
    const chunk = `/${/** @type {any} */ (bundle).chunks[held.chunk]}`;
    const beforeResults = requests.slice(0, requests.indexOf(searched[searched.length - 1]) + 1);
    assert.ok(!beforeResults.includes(chunk), `the body's chunk ${chunk} was not needed: ${beforeResults.join(' ')}`);
  } finally {
    await close();
    await split.close();
    await content.remove();
  }
});

test('/search/?q= and the 404 view: the largest paint is pre-rendered; results arrive without a later, larger one', async () => {
  /** @type {string[]} */
  const late = [];
  for (const width of [375, 412, 1280]) {  // 412: Lighthouse's phone
    for (const view of [`${base()}search/?q=markdown`, `${base()}no/such/page/`]) {
      const { page, close } = await openPage(browser, { viewport: { width, height: 700 } });
      try {
        // Every largest-contentful-paint candidate, as Lighthouse sees them.
        await page.addInitScript(() => {
          const w = /** @type {any} */ (window);
          w.__lcp = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              const entry = /** @type {any} */ (e);
              w.__lcp.push({ time: entry.startTime, size: entry.size, what: entry.element?.outerHTML.slice(0, 90) ?? '(removed)' });
            }
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        // The core arrives well after the first paint, as on a phone.
        await page.route(/quire-core\.wasm$/, async (route) => {
          await new Promise((r) => setTimeout(r, 300));
          await route.continue();
        });
        await page.goto(urlOf(view));
        assert.equal(await appReady(page), true);
        await page.waitForFunction(() => performance.getEntriesByName('quire:first-view').length > 0);
        const found = await page.evaluate(() => new Promise((done) => {
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            const shownAt = performance.getEntriesByName('quire:first-view')[0].startTime;
            done(/** @type {any} */ (window).__lcp.filter((/** @type {any} */ e) => e.time >= shownAt));
          }, 100)));
        }));
        for (const e of /** @type {any[]} */ (found)) late.push(`${width}px ${view}: ${Math.round(e.size)}px² ${e.what}`);
      } finally {
        await close();
      }
    }
  }
  assert.deepEqual(late, [], late.join('\n'));
});

test('/search/?q=, the 404 view and a tag combination start the core while the page loads, not after its first paint', async () => {
  /** @type {string[]} */
  const late = [];
  const paths = viewPaths(site.bundle);
  for (const view of [paths.search, paths['not-found'], paths['combined-tags']]) {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(urlOf(view));
      assert.equal(await appReady(page), true);
      // Module scripts run before DOMContentLoaded; a start waiting for the
      // first frame (and a task after it) comes after it.
      const [start, loaded] = await page.evaluate(() => [
        performance.getEntriesByName('quire:start')[0]?.startTime ?? Infinity,
        /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).domContentLoadedEventStart,
      ]);
      if (!(start <= loaded)) late.push(`${view}: quire:start ${start.toFixed(1)} ms, DOMContentLoaded ${loaded.toFixed(1)} ms`);
    } finally {
      await close();
    }
  }
  assert.deepEqual(late, [], late.join('\n'));
});

test('/search/?q= fetches the search index boundary file once, preloaded beside the bundle, not after it', async () => {
  const { page, consoleWarnings, close } = await openPage(browser);
  try {
    /** @type {string[]} */
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const boundary = `${base()}${site.bundle.search}`;
    assert.match(boundary, /\/search\/index-[0-9a-f]+\.bin$/);
    await page.goto(urlOf(`${base()}search/?q=markdown`));
    assert.equal(await appReady(page), true);
    await page.waitForSelector('.search-hit');
    assert.equal(await page.locator(`link[rel="preload"][href="${boundary}"]`).count(), 1);
    // One request: the app's fetch took the preloaded response.
    assert.deepEqual(requested.filter((p) => p === boundary), [boundary]);
    assert.deepEqual(consoleWarnings.filter((w) => /preload/i.test(w)), []);
  } finally {
    await close();
  }
});
