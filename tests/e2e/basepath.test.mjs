// A blog hosted under a sub-path: the sample content built with
// base_path: /blog/, served under /blog/ only, clicked through in Chromium.
// Every request must stay under /blog/ and none may fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { appReady, buildSite, launchBrowser, openPage, pathOf, rendered, serve } from './helpers.mjs';

const base = '/blog/';
/** @type {Awaited<ReturnType<typeof buildSite>>} */
let site;
/** @type {string} */
let dist;
/** @type {import('./helpers.mjs').SiteBundle} */
let bundle;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  site = await buildSite('content', {
    siteYaml: (yaml) => {
      assert.match(yaml, /^base_path: .*$/m);
      return yaml.replace(/^base_path: .*$/m, `base_path: ${base}`);
    },
  });
  dist = site.dir;
  bundle = site.bundle;
  assert.equal(bundle.site.base_path, base);
  server = await serve(dist, base);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

test('home → post → tag → archive → month stays under /blog/ with no failed request', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  /** @type {string[]} */ const outside = [];
  /** @type {string[]} */ const failed = [];
  const origin = new URL(server.url).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || !url.pathname.startsWith(base)) outside.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  // Not a request the reload below cuts short (the favicon, fetched after
  // load, was once in flight then); before it, any failure counts, and an
  // error status is caught above.
  let reloading = false;
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    if (!(reloading && error === 'net::ERR_ABORTED')) failed.push(`failed ${request.url()} ${error}`);
  });
  try {
    assert.equal((await page.goto(server.url))?.status(), 200);
    assert.equal(await appReady(page), true, 'the bundle and the WASM core load under /blog/');

    // A post with an image and site links written as /images/…, /tags/….
    const post = bundle.posts.find((p) => /\]\(\/images\//.test(p.body ?? '')) ?? bundle.posts[0];
    const postIndex = bundle.posts.indexOf(post);
    const perPage = bundle.site.posts_per_page;
    if (postIndex >= perPage) {
      const pageNo = Math.floor(postIndex / perPage) + 1;
      await rendered(page, () => page.click(`.pagination a[aria-label="Page ${pageNo}"]`));
      assert.equal(pathOf(page), `${base}page/${pageNo}/`);
    }
    await rendered(page, () => page.click(`.post-summary h2 a[href="${base}posts/${post.slug}/"]`));
    assert.equal(pathOf(page), `${base}posts/${post.slug}/`);
    assert.equal((await page.locator('main h1').textContent())?.trim(), post.title);
    const images = page.locator('.post-body img');
    for (const src of await images.evaluateAll((els) => els.map((e) => /** @type {HTMLImageElement} */ (e).getAttribute('src')))) {
      if (src?.startsWith('/')) assert.ok(src.startsWith(base), `image ${src}`);
    }
    await page.waitForFunction(() => [...document.querySelectorAll('.post-body img')]
      .every((img) => /** @type {HTMLImageElement} */ (img).complete && /** @type {HTMLImageElement} */ (img).naturalWidth > 0));
    for (const href of await page.locator('.post-body a[href^="/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
      assert.ok(href?.startsWith(base), `link ${href}`);
    }

    const tag = post.tags?.[0];
    assert.ok(tag);
    await rendered(page, () => page.click(`.post-header .tags a[href="${base}tags/${tag}/"]`));
    assert.equal(pathOf(page), `${base}tags/${tag}/`);

    await rendered(page, () => page.click(`.site-nav a[href="${base}archive/"]`));
    assert.equal(pathOf(page), `${base}archive/`);

    const month = post.date.slice(0, 7).replace('-', '/');
    await rendered(page, () => page.click(`.archive-month a[href="${base}archive/${month}/"]`));
    assert.equal(pathOf(page), `${base}archive/${month}/`);
    assert.ok(await page.locator(`main a[href="${base}posts/${post.slug}/"]`).count() > 0);

    // A reload of a deep link is a static page under /blog/ too.
    reloading = true;
    assert.equal((await page.reload())?.status(), 200);
    assert.equal(await appReady(page), true);

    assert.deepEqual(outside, [], 'no request leaves /blog/');
    assert.deepEqual(failed, [], 'no request fails');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('static pages under /blog/ link only under /blog/', async () => {
  for (const route of ['', `posts/${bundle.posts[0].slug}/`, 'tags/', 'archive/', '404.html']) {
    const html = await readFile(path.join(dist, route.endsWith('.html') ? route : `${route}index.html`), 'utf8');
    for (const [, url] of html.matchAll(/\s(?:href|src|data-base|data-bundle|data-route)="([^"]*)"/g)) {
      if (url.startsWith('/')) assert.ok(url.startsWith(base), `${route || 'home'}: ${url}`);
    }
  }
});

test('feeds, sitemap and robots.txt use the /blog/ path', async () => {
  const url = /** @type {any} */ (bundle.site).url;
  const atom = await (await fetch(new URL('feed.xml', server.url))).text();
  assert.ok(atom.includes(`<link rel="self" type="application/atom+xml" href="${url}${base}feed.xml"/>`));
  for (const [, href] of atom.matchAll(/href="([^"]*)"/g)) assert.ok(href.startsWith(`${url}${base}`), href);
  for (const [, href] of atom.matchAll(/(?:href|src)=&quot;(.*?)&quot;/g)) {
    if (href.startsWith(url)) assert.ok(href.startsWith(`${url}${base}`), href);
    else assert.match(href, /^(https?:|mailto:)/);
  }
  const sitemap = await (await fetch(new URL('sitemap.xml', server.url))).text();
  for (const [, loc] of sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)) assert.ok(loc.startsWith(`${url}${base}`), loc);
  const robots = await (await fetch(new URL('robots.txt', server.url))).text();
  assert.ok(robots.includes(`Sitemap: ${url}${base}sitemap.xml`));
});
