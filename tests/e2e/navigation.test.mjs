// End to end, the edges of navigation on a large (split) blog at the root
// of its host, with a page of the host's own beside it: a query string the
// blog does not read, a chunk that will not load, a link out of the blog,
// a render overtaken by Back and Forward, and a widget on another site
// whose page lies in another directory than the bundle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { appReady, buildSite, launchBrowser, navigations, openPage, pathOf, rendered, repoRoot } from './helpers.mjs';

/** A post that links to a page of the host and to one that does not exist. */
const ELSEWHERE_POST = `---
title: "Elsewhere on this host"
date: 2026-01-15
tags: [meta]
---
This blog shares its host with other pages: the [about page](/about/) and
a [colophon](/colophon/), which does not exist.
`;
const ABOUT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>About</title></head>
<body><h1>About this host</h1><p>A page of the host's own, not of the blog.</p></body></html>
`;

/** @type {string} */
let contentParent;
/** @type {Awaited<ReturnType<typeof buildSite>>} */
let site;
/** @type {{site: {base_path: string}, chunks: string[], posts: Array<{slug: string, title: string, chunk: number}>}} */
let index;
/** The blog, at the root of its origin, with CORS (the widget fetches it from elsewhere). */
/** @type {Awaited<ReturnType<typeof startServer>>} */
let blog;
/** Another site, whose page embeds the blog. */
/** @type {Awaited<ReturnType<typeof startServer>>} */
let host;
let hostDir = '';
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  contentParent = await mkdtemp(path.join(tmpdir(), 'quire-e2e-content-'));
  const content = path.join(contentParent, 'content');
  await cp(path.join(repoRoot, 'content'), content, { recursive: true });
  await writeFile(path.join(content, 'posts', '2026-01-15-elsewhere.md'), ELSEWHERE_POST);
  await mkdir(path.join(content, 'static', 'about'), { recursive: true });
  await writeFile(path.join(content, 'static', 'about', 'index.html'), ABOUT_PAGE);
  const siteYaml = path.join(content, 'site.yaml');
  await writeFile(siteYaml, `${await readFile(siteYaml, 'utf8')}\nsplit_bundle_over: 2\n`);
  site = await buildSite(content);
  index = /** @type {any} */ (site.bundle);
  assert.equal(index.site.base_path, '/', 'the blog is at the root of its host');
  assert.ok(index.chunks.length >= 2, 'the bundle is split');
  blog = await startServer({ root: site.dir, quiet: true, headers: { 'Access-Control-Allow-Origin': '*' } });
  hostDir = await mkdtemp(path.join(tmpdir(), 'quire-e2e-host-'));
  host = await startServer({ root: hostDir, quiet: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await blog?.close();
  await host?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
  if (contentParent) await rm(contentParent, { recursive: true, force: true });
  await site?.remove();
});

/** A chunk of post bodies (not a sharded bundle's post shard or slug file, also under chunks/). @param {string} url */
const isBodyChunk = (url) => /\/chunks\/(?!posts-|slugs-)/.test(url);
const postUrl = (/** @type {string} */ slug) => new URL(`posts/${encodeURIComponent(slug)}/`, blog.url).href;
const h1Text = async (/** @type {import('playwright-core').Page} */ page) =>
  (await page.locator('main h1').first().textContent())?.trim();

/**
 * The first words of a post's body, as its pre-rendered page has them.
 * @param {import('playwright-core').Page} page  parses the HTML
 * @param {string} slug
 */
async function firstWords(page, slug) {
  const html = await readFile(path.join(site.dir, 'posts', slug, 'index.html'), 'utf8');
  const words = await page.evaluate((text) => new DOMParser().parseFromString(text, 'text/html')
    .querySelector('.post-body p')?.textContent?.trim().slice(0, 30) ?? '', html);
  assert.ok(words.length >= 10, `posts/${slug}/ has a first paragraph`);
  return words;
}

/**
 * A page with Save-Data (or not) that keeps the <main> it arrived with
 * (window.__arrivedMain, taken before any module script runs) and records
 * every request's path.
 * @param {{saveData?: boolean}} [options]
 */
async function watchedPage({ saveData = false } = {}) {
  const watched = await openPage(browser);
  await watched.page.addInitScript((save) => {
    if (save) Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    document.addEventListener('readystatechange', () => {
      // 'interactive' comes before deferred and module scripts run.
      if (document.readyState === 'interactive') {
        /** @type {any} */ (window).__arrivedMain = document.querySelector('main');
      }
    });
  }, saveData);
  /** @type {string[]} */
  const requests = [];
  watched.page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  return { ...watched, requests };
}

/** Requests that only the app's start makes: the core, the bundle, chunks. */
const appRequests = (/** @type {string[]} */ requests) =>
  requests.filter((p) => /(\.wasm|quire-core\.js|bundle\.json|\/chunks\/.*)$/.test(p));

test('a post opened with tracking parameters keeps its pre-rendered page; with Save-Data it loads no core or bundle', async () => {
  const post = index.posts[0];
  const tracked = `${postUrl(post.slug)}?utm_source=newsletter&fbclid=abc123`;
  {
    const { page, requests, pageErrors, close } = await watchedPage({ saveData: true });
    try {
      await page.goto(tracked);
      await page.waitForFunction(() => /** @type {any} */ (window).__quire !== undefined);
      // Everything that starts the core for other readers.
      const link = page.locator('main a[href]').first();
      await link.hover();
      await link.focus();
      await page.keyboard.press('Shift');
      assert.equal(await page.evaluate(() => performance.getEntriesByName('quire:start').length), 0,
        'the core did not start');
      assert.ok(await page.evaluate(() => document.querySelector('main') === /** @type {any} */ (window).__arrivedMain),
        'the same <main> element');
      assert.equal(await h1Text(page), post.title);
      assert.equal(await page.locator('main[aria-busy]').count(), 0);
      assert.ok((await page.locator('.post-body').textContent())?.includes(await firstWords(page, post.slug)));
      assert.deepEqual(appRequests(requests), []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  }
  {
    // Without Save-Data the core starts, renders nothing over the page, and
    // takes over the links.
    const { page, pageErrors, close } = await watchedPage();
    try {
      await page.goto(tracked);
      assert.equal(await appReady(page), true);
      assert.equal(await navigations(page), 0);
      assert.ok(await page.evaluate(() => document.querySelector('main') === /** @type {any} */ (window).__arrivedMain),
        'the same <main> element');
      const detail = await rendered(page, () => page.locator('.site-header a').first().click());
      assert.equal(detail.path, '/');
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('the search page still renders what its query asks for (q and page)', async () => {
  const { page, pageErrors, close } = await watchedPage({ saveData: true });
  try {
    await page.goto(new URL('search/?q=quire&utm_source=x', blog.url).href);
    await page.waitForFunction(() => /** @type {any} */ (window).__quire?.navigations === 1);
    assert.match((await page.locator('main .count').textContent()) ?? '', /match(es)? “quire”/);
    assert.ok(await page.locator('main li a[href*="/posts/"]').count() > 0);
    assert.equal(await page.inputValue('#search-q'), 'quire');
    // There are fewer than a page of hits: page 2 does not exist.
    await page.goto(new URL('search/?q=quire&page=2', blog.url).href);
    await page.waitForFunction(() => /** @type {any} */ (window).__quire?.navigations === 1);
    assert.equal(await page.locator('#quire-app').getAttribute('data-status'), '404');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a post whose chunk will not load (a redeploy) opens as a page load instead of an error', async () => {
  const { page, pageErrors, close } = await watchedPage();
  try {
    await page.route('**/chunks/**', (route) => (isBodyChunk(route.request().url())
      ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await page.goto(blog.url);
    assert.equal(await appReady(page), true);
    await page.evaluate(() => { /** @type {any} */ (window).__before = true; });
    const post = index.posts[0];
    const link = page.locator(`.post-summary h2 a[href$="/posts/${post.slug}/"]`);
    await Promise.all([page.waitForEvent('load', { timeout: 10000 }), link.click()]);
    assert.equal(page.url(), postUrl(post.slug));
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__before), undefined, 'a new document');
    assert.equal(await page.evaluate(() => /** @type {PerformanceNavigationTiming} */ (
      performance.getEntriesByType('navigation')[0]).name), postUrl(post.slug));
    assert.equal(await h1Text(page), post.title);
    assert.ok((await page.locator('.post-body').textContent())?.includes(await firstWords(page, post.slug)));
    assert.equal(await page.locator('.quire-error').count(), 0);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a link from a post to a page of the host loads that page, or the host\'s 404', async () => {
  const { page, pageErrors, close } = await watchedPage();
  try {
    await page.goto(postUrl('elsewhere'));
    assert.equal(await appReady(page), true);
    await Promise.all([page.waitForEvent('load', { timeout: 10000 }),
      page.locator('.post-body a', { hasText: 'about page' }).click()]);
    assert.equal(pathOf(page), '/about/');
    assert.equal((await page.locator('h1').textContent())?.trim(), 'About this host');
    assert.equal(await page.locator('#quire-app').count(), 0, 'the host\'s page, not a view of the blog');

    await page.goBack();
    assert.equal(await appReady(page), true);
    const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/colophon/'),
      page.waitForEvent('load', { timeout: 10000 }),
      page.locator('.post-body a', { hasText: 'colophon' }).click()]);
    assert.equal(response.status(), 404, 'the host answered with its 404.html');
    await page.waitForFunction(() => /** @type {any} */ (window).__quire?.navigations === 1);
    assert.equal(await h1Text(page), 'Page not found');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

/**
 * Holds every chunk request until released; `arrived` resolves at the
 * first. The page records the promise of each chunk's body
 * (window.__chunkBodies), so that a test can wait until the app has had it.
 * @param {import('playwright-core').Page} page
 */
async function holdChunks(page) {
  /** @type {Array<import('playwright-core').Route>} */
  const held = [];
  /** @type {() => void} */
  let arrive = () => {};
  const arrived = new Promise((resolve) => { arrive = () => resolve(undefined); });
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__chunkBodies = [];
    const arrayBuffer = Response.prototype.arrayBuffer;
    Response.prototype.arrayBuffer = function () {
      const body = arrayBuffer.call(this);
      if (/\/chunks\/(?!posts-|slugs-)/.test(this.url)) w.__chunkBodies.push(body.catch(() => {}));
      return body;
    };
  });
  await page.route('**/chunks/**', (route) => {
    if (!isBodyChunk(route.request().url())) return route.continue();  // a post shard or slug file
    held.push(route);
    arrive();
  });
  return {
    arrived,
    /** Lets the held requests through; resolves once the page has their bodies and a task has passed. */
    async release() {
      for (const route of held.splice(0)) await route.continue();
      await page.waitForFunction(() => /** @type {any} */ (window).__chunkBodies.length > 0);
      await page.evaluate(async () => {
        await Promise.all(/** @type {any} */ (window).__chunkBodies);
        // Whatever the bodies set off in microtasks has run by the next task.
        await new Promise((resolve) => { setTimeout(resolve, 0); });
      });
    },
  };
}

test('Back, then Forward before the post\'s chunk arrives, leaves the view that matches the URL', async () => {
  const { page, pageErrors, close } = await watchedPage({ saveData: true });  // no prefetching of links in view
  try {
    const chunks = await holdChunks(page);
    const post = index.posts[0];
    await page.goto(postUrl(post.slug));
    assert.equal(await appReady(page), true);
    await rendered(page, () => page.locator('.site-header a').first().click());
    assert.equal(pathOf(page), '/');
    const home = await h1Text(page);
    const shown = await navigations(page);

    await page.evaluate(() => history.back());  // to the post: its chunk is requested, and held
    await chunks.arrived;
    await page.evaluate(() => history.forward());
    await page.waitForFunction(() => location.pathname === '/');
    await chunks.release();
    assert.equal(pathOf(page), '/');
    assert.equal(await h1Text(page), home);
    assert.equal(await page.locator('#quire-app').getAttribute('data-route'), '/');
    assert.equal(await navigations(page), shown, 'the post was not rendered');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a fragment link clicked while a post\'s chunk is loading cancels opening the post', async () => {
  const { page, pageErrors, close } = await watchedPage({ saveData: true });
  try {
    const chunks = await holdChunks(page);
    await page.goto(blog.url);
    assert.equal(await appReady(page), true);
    const home = await h1Text(page);
    const post = index.posts[0];
    await page.locator(`.post-summary h2 a[href$="/posts/${post.slug}/"]`).click();
    await chunks.arrived;
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');  // #main: the same view
    await chunks.release();
    assert.equal(pathOf(page), '/');
    assert.equal(await h1Text(page), home);
    assert.equal(await navigations(page), 0);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a fragment link followed while the page\'s own first render waits for its chunk does not stop that render', async () => {
  const { page, pageErrors, close } = await watchedPage();
  try {
    const chunks = await holdChunks(page);
    const post = index.posts[1];
    // Not the path of its route: the app renders the post itself, with its chunk.
    await page.goto(new URL(`posts/${encodeURIComponent(post.slug)}/index.html`, blog.url).href);
    await chunks.arrived;
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');  // #main: the same page
    await chunks.release();
    await page.waitForSelector('main .post-body p:not(.pending)', { timeout: 10000 });
    assert.equal(await h1Text(page), post.title);
    assert.ok((await page.locator('main .post-body').textContent())?.includes(await firstWords(page, post.slug)));
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a <quire-blog> on another site, in another directory than the bundle, shows a post from a split bundle', async () => {
  const post = index.posts[2];
  await mkdir(path.join(hostDir, 'pages', 'embed'), { recursive: true });
  await writeFile(path.join(hostDir, 'pages', 'embed', 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="${blog.url}quire-widget.js"></script></head>
<body><h1>The host's page</h1>
<quire-blog id="post" src="${blog.url}bundle.json" view="post" slug="${post.slug}"></quire-blog>
</body></html>\n`);
  const { page, pageErrors, close } = await openPage(browser);
  try {
    /** @type {string[]} */
    const chunkRequests = [];
    page.on('request', (request) => { if (isBodyChunk(request.url())) chunkRequests.push(request.url()); });
    await page.goto(new URL('pages/embed/', host.url).href);
    await page.waitForFunction(() => {
      const state = document.querySelector('quire-blog')?.shadowRoot?.querySelector('.root');
      return state instanceof HTMLElement && (state.dataset.state === 'ready' || state.dataset.state === 'error');
    });
    const body = page.locator('#post [part="post-body"]');
    const error = page.locator('#post .status.error');
    if (await error.count()) assert.fail(`the widget shows an error: ${await error.textContent()}`);
    assert.ok((await body.textContent())?.includes(await firstWords(page, post.slug)), 'the post\'s body is shown');
    assert.deepEqual(chunkRequests, [new URL(index.chunks[post.chunk], blog.url).href]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});
