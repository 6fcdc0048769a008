// End to end, the split bundle (a large blog's form): the sample content
// built with `split_bundle_over: 2`, so that bundle.json is an index, the
// posts' entries in one shard (chunks/posts-<hash>.json, src/core/
// post_shards.hpp; readBundle gives them as `posts`) and the bodies in
// chunks/<hash>.json. The app must render every list view without a body
// chunk, and fetch exactly the chunk a post needs. (tests/e2e/shards.test.mjs:
// a blog of many shards.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { appReady, buildSite, launchBrowser, openPage, rendered, serve } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof buildSite>>} */
let site;
/** @type {string} */
let dist;
/** @type {{site: {base_path: string, posts_per_page: number}, chunks: string[], posts: Array<{slug: string, title: string, date: string, tags: string[], chunk: number, body?: string}>}} */
let index;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  site = await buildSite('content', { siteYaml: (yaml) => `${yaml}\nsplit_bundle_over: 2\n` });
  dist = site.dir;
  index = /** @type {any} */ (site.bundle);
  // A post without a pre-rendered page: the host's 404.html fallback makes
  // the app render it on a deep link.
  await unlink(path.join(dist, 'posts', index.posts[1].slug, 'index.html'));
  server = await serve(dist, index.site.base_path);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

/**
 * A page that records every request for a chunk of bodies it makes (post
 * shards, also under chunks/, are not counted).
 * @param {{block?: boolean, saveData?: boolean}} [options]  block: fail
 *   chunk requests; saveData: the reader asks to save data (the app then
 *   prefetches nothing for links in view, only for a link pointed at)
 */
async function chunkCountingPage({ block = false, saveData = false } = {}) {
  const watched = await openPage(browser);
  if (saveData) {
    await watched.page.addInitScript(() => {
      Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    });
  }
  /** @type {string[]} */
  const chunks = [];
  await watched.page.route('**/chunks/**', (route) => {
    const file = new URL(route.request().url()).pathname;
    if (/\/chunks\/(posts|slugs)-/.test(file)) return route.continue();
    chunks.push(file);
    return block ? route.abort() : route.continue();
  });
  return { ...watched, chunks };
}

/**
 * Client-side navigation, as a click on a link the app handles (a plain
 * click, without hovering first).
 * @param {import('playwright-core').Page} page
 * @param {string} href
 */
function go(page, href) {
  return rendered(page, () => page.evaluate((to) => {
    const a = document.createElement('a');
    a.href = to;
    document.body.append(a);
    a.click();
    a.remove();
  }, href));
}

/**
 * The body HTML the build pre-rendered for a post, as the browser
 * serializes it (so that it compares with innerHTML).
 * @param {import('playwright-core').Page} page
 * @param {string} slug
 */
async function staticBody(page, slug) {
  const html = await readFile(path.join(dist, 'posts', slug, 'index.html'), 'utf8');
  const body = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const element = doc.querySelector('.post-body');
    for (const e of element?.querySelectorAll('[tabindex]') ?? []) e.removeAttribute('tabindex');
    return element?.innerHTML.trim() ?? null;
  }, html);
  assert.ok(body, `posts/${slug}/index.html has a post body`);
  return body;
}

/**
 * The post body the app shows (without the tabindex the app gives
 * scrollable tables and code blocks, nor the copy buttons it adds).
 * @param {import('playwright-core').Page} page
 */
function liveBody(page) {
  return page.evaluate(() => {
    const element = /** @type {Element} */ (document.querySelector('.post-body')?.cloneNode(true));
    for (const e of element?.querySelectorAll('[tabindex]') ?? []) e.removeAttribute('tabindex');
    for (const e of element?.querySelectorAll('.code-copy') ?? []) e.remove();  // app.js's copy buttons
    return element?.innerHTML.trim() ?? '';
  });
}

test('the split build writes an index without bodies and content-hashed chunks', async () => {
  const written = JSON.parse(await readFile(path.join(dist, 'bundle.json'), 'utf8'));
  assert.equal(written.version, 3);
  assert.equal(written.posts, undefined, 'no posts in the index: they are in the shards');
  assert.deepEqual(written.shards.map((/** @type {string} */ s) => /^chunks\/posts-[0-9a-f]{16}\.json$/.test(s)), [true]);
  assert.equal(JSON.parse(await readFile(path.join(dist, written.shards[0]), 'utf8')).format, 'quire-posts');
  assert.ok(index.chunks.length >= 2, 'several chunks');
  for (const c of index.chunks) assert.match(c, /^chunks\/[0-9a-f]{16}\.json$/);
  for (const p of index.posts) {
    assert.equal(p.body, undefined, `${p.slug} has no body in the index`);
    assert.ok(Number.isInteger(p.chunk) && p.chunk >= 0 && p.chunk < index.chunks.length);
  }
  for (const c of index.chunks) {
    const chunk = JSON.parse(await readFile(path.join(dist, c), 'utf8'));
    assert.equal(chunk.format, 'quire-chunk');
    for (const p of chunk.posts) assert.equal(typeof p.body, 'string');
  }
});

test('every list view renders from the index alone, with no chunk request', async () => {
  const { page, chunks, pageErrors, close } = await chunkCountingPage({ block: true, saveData: true });
  try {
    await page.goto(server.url);
    assert.equal(await appReady(page), true);
    const base = index.site.base_path;
    const tag = index.posts[0].tags[0];
    const month = index.posts[0].date.slice(0, 7).replace('-', '/');
    const views = [`${base}page/2/`, `${base}tags/`, `${base}tags/${encodeURIComponent(tag.toLowerCase())}/`,
      `${base}archive/`, `${base}archive/${month}/`, `${base}search/?q=quire`, base];
    for (const view of views) {
      const detail = await go(page, view);
      assert.equal(detail.status, 200, view);
      assert.ok((await page.locator('main h1').first().textContent())?.trim(), `${view} has a heading`);
    }
    // Home page summaries keep their reading time (from the index).
    assert.ok(await page.locator('.post-summary .reading-time').count() > 0);
    assert.deepEqual(chunks, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('with Save-Data, a pre-rendered page fetches neither the core nor the index, and its links load pages', async () => {
  const { page, pageErrors, consoleErrors, close } = await chunkCountingPage({ saveData: true });
  try {
    /** @type {string[]} */
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const app = (/** @type {string} */ p) => /(\.wasm|quire-core\.js|bundle\.json|\/chunks\/.*)$/.test(p);
    await page.goto(server.url);
    await page.waitForFunction(() => /** @type {any} */ (window).__quire !== undefined);
    const first = index.posts[0];
    const postPath = `${index.site.base_path}posts/${first.slug}/`;
    const link = page.locator(`.post-summary h2 a[href$="/posts/${first.slug}/"]`);
    // Everything that starts the core for other readers: pointer, focus, keys.
    await link.hover();
    await link.focus();
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    assert.deepEqual(requests.filter(app), []);
    // The link is an ordinary link: the browser loads the post's page.
    await Promise.all([page.waitForEvent('load', { timeout: 10000 }), link.click()]);
    assert.equal(new URL(page.url()).pathname, postPath);
    assert.ok(requests.includes(postPath), 'the post page was loaded as a document');
    assert.equal((await page.locator('main h1').textContent())?.trim(), first.title);
    assert.deepEqual(requests.filter(app), []);
    // A script can still start it.
    assert.equal(await appReady(page), true);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('opening a post fetches exactly the chunk holding its body, once', async () => {
  const { page, chunks, pageErrors, close } = await chunkCountingPage({ saveData: true });
  try {
    await page.goto(server.url);
    assert.equal(await appReady(page), true);
    const first = index.posts[0];
    // A real click: pointer over the link (prefetch), then click.
    await rendered(page, () => page.locator(`.post-summary h2 a[href$="/posts/${first.slug}/"]`).click());
    await page.locator('.post-body .pending').waitFor({ state: 'detached' });
    assert.deepEqual(chunks, [`${index.site.base_path}${index.chunks[first.chunk]}`]);
    assert.equal(await liveBody(page), await staticBody(page, first.slug));

    // Another post of the same chunk: nothing more to fetch.
    const sibling = index.posts.find((p) => p !== first && p !== index.posts[1] && p.chunk === first.chunk);
    if (sibling) {
      await go(page, `${index.site.base_path}posts/${sibling.slug}/`);
      assert.equal(chunks.length, 1);
      assert.equal(await liveBody(page), await staticBody(page, sibling.slug));
    }
    // A post of another chunk: exactly that one.
    const other = /** @type {typeof first} */ (index.posts.find((p) => p !== index.posts[1] && p.chunk !== first.chunk));
    await go(page, `${index.site.base_path}posts/${other.slug}/`);
    await page.locator('.post-body .pending').waitFor({ state: 'detached' });
    assert.deepEqual(chunks.slice(1), [`${index.site.base_path}${index.chunks[other.chunk]}`]);
    assert.equal(await liveBody(page), await staticBody(page, other.slug));
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a deep link to a post without a static page renders its body from one chunk', async () => {
  const { page, chunks, pageErrors, close } = await chunkCountingPage({ saveData: true });
  try {
    const post = index.posts[1];
    const response = await page.goto(new URL(`posts/${post.slug}/`, server.url).href);
    assert.equal(response?.status(), 404);  // the host's fallback page
    await page.locator('article.post .post-body p:not(.pending)').first().waitFor();
    assert.equal((await page.locator('main h1').textContent())?.trim(), post.title);
    assert.deepEqual(chunks, [`${index.site.base_path}${index.chunks[post.chunk]}`]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a <quire-blog> post widget on a split bundle fetches the one chunk holding the body', async () => {
  const post = index.posts[2];
  await writeFile(path.join(dist, 'widget-host.html'), `<!doctype html><html lang="en"><title>host</title>
<script type="module" src="quire-widget.js"></script>
<quire-blog src="bundle.json" view="post" slug="${post.slug}"></quire-blog>
<quire-blog src="bundle.json" view="post" slug="${post.slug}"></quire-blog>
<quire-blog src="bundle.json" view="latest" limit="3"></quire-blog>`);
  const { page, chunks, pageErrors, close } = await chunkCountingPage();
  try {
    await page.goto(new URL('widget-host.html', server.url).href);
    // The body's first words, as the pre-rendered page has them.
    const words = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'text/html');
      return doc.querySelector('.post-body p')?.textContent?.trim().slice(0, 40) ?? '';
    }, await readFile(path.join(dist, 'posts', post.slug, 'index.html'), 'utf8'));
    assert.ok(words.length > 10, 'the post has a first paragraph');
    const bodies = page.locator('quire-blog [part="post-body"]');
    await bodies.nth(1).filter({ hasText: words }).waitFor();
    assert.match((await bodies.nth(0).textContent()) ?? '', new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await page.getByText('Read this post on the blog').count(), 0);
    assert.equal(await page.locator('quire-blog [part="item"]').count(), 3);
    assert.deepEqual(chunks, [`${index.site.base_path}${index.chunks[post.chunk]}`]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('post links in view prefetch their chunks after the view is shown; opening one then fetches nothing', async () => {
  const { page, chunks, pageErrors, close } = await chunkCountingPage();
  try {
    await page.goto(server.url);
    assert.equal(await appReady(page), true);
    // The chunks of the posts linked in <main> that are in or near view.
    const expected = await page.evaluate(() => {
      const out = [];
      for (const a of document.querySelectorAll('main a[href*="/posts/"]')) {
        if (a.getBoundingClientRect().top < innerHeight + 200) out.push(new URL(/** @type {HTMLAnchorElement} */ (a).href).pathname);
      }
      return out;
    });
    assert.ok(expected.length > 0, 'the home page links posts in view');
    const wanted = [...new Set(expected.map((p) => {
      const post = /** @type {(typeof index.posts)[number]} */ (index.posts.find((q) => p.endsWith(`/posts/${q.slug}/`)));
      return `${index.site.base_path}${index.chunks[post.chunk]}`;
    }))].sort();
    await page.waitForFunction((n) => performance.getEntriesByType('resource')
      .filter((e) => /\/chunks\/(?!posts-|slugs-)/.test(e.name)).length >= n, wanted.length);
    assert.deepEqual([...new Set(chunks)].sort(), wanted);
    assert.equal(chunks.length, wanted.length, 'each chunk once');

    // Opening a post in view needs nothing more from the network.
    const slug = /** @type {string} */ (expected[0].split('/').filter(Boolean).pop());
    await go(page, expected[0]);
    await page.locator('.post-body p:not(.pending)').first().waitFor();
    assert.equal(chunks.length, wanted.length);
    assert.equal(await liveBody(page), await staticBody(page, decodeURIComponent(slug)));
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});
