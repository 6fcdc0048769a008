// End to end: a freshly built site, served statically, in headless Chromium.
// Run: node --test tests/e2e/   (after scripts/build.sh)
//
// The sample content changes as authors write it, so expectations come from
// the built bundle.json (titles, tags, months), not from fixed strings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import {
  appReady, brokenCopy, buildSite, launchBrowser, navigations, openPage, pathOf, postsOfMonth,
  postsTagged, rendered, screenshotDir, serve,
} from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof buildSite>>} */
let site;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** The site's root URL, base path included. */
let home = '';

before(async () => {
  site = await buildSite();
  server = await serve(site.dir, site.bundle.site.base_path);
  home = server.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const per = () => site.bundle.site.posts_per_page;
const base = () => site.bundle.site.base_path;
/** @param {string} slug */
const postPath = (slug) => `${base()}posts/${encodeURIComponent(slug)}/`;
/** @param {string} p  a path with the base path */
const urlOf = (p) => new URL(p, home).href;
/** A post whose body defines a footnote. */
const footnotePost = () => {
  const post = site.bundle.posts.find((p) => /^\[\^[^\]\s]+\]:/m.test(p.body ?? ''));
  assert.ok(post, 'the sample content has a post with footnotes');
  return post;
};

/** @param {import('playwright-core').Page} page */
const h1Text = async (page) => (await page.locator('main h1').first().textContent())?.trim();

test('the home page lists the newest posts from the bundle', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    const response = await page.goto(home);
    assert.equal(response?.status(), 200);
    assert.equal(await h1Text(page), 'Latest posts');
    const titles = await page.locator('.post-summary h2 a').allTextContents();
    assert.deepEqual(titles, site.bundle.posts.slice(0, per()).map((p) => p.title));
    assert.equal(await page.title(), site.bundle.site.title);
    // Once the bundle is loaded, the app renders the shown view and the next
    // one in idle time, in the core only (warm-up): the page keeps its own
    // <main>, title and history.
    const main = await page.$('main');
    const historyLength = await page.evaluate(() => history.length);
    assert.equal(await appReady(page), true, 'the bundle loads');
    assert.equal(await navigations(page), 0, 'a pre-rendered page is not rendered again');
    await page.waitForFunction(() => /** @type {any} */ (window).__quire.warmedUp === true);
    assert.equal(await main?.evaluate((m) => m.isConnected && m === document.querySelector('main')), true);
    assert.equal(await navigations(page), 0);
    assert.equal(await page.title(), site.bundle.site.title);
    assert.equal(await page.evaluate(() => history.length), historyLength);
    assert.equal(page.url(), home);
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'home.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('clicking through to a post renders it in place, with focus and an announcement', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    const post = footnotePost();
    const month = post.date.slice(0, 7);
    await page.goto(home);
    assert.equal(await appReady(page), true);
    await page.evaluate(() => { /** @type {any} */ (window).__marker = 'same document'; });

    await rendered(page, () => page.locator('.site-nav a', { hasText: 'Archive' }).click());
    assert.equal(pathOf(page), `${base()}archive/`);
    assert.equal(await h1Text(page), 'Archive');

    const monthPath = `${base()}archive/${month.replace('-', '/')}/`;
    await rendered(page, () => page.locator(`main a[href="${monthPath}"]`).click());
    assert.equal(pathOf(page), monthPath);

    const detail = await rendered(page, () => page.locator(`main a[href="${postPath(post.slug)}"]`).click());
    assert.equal(detail.status, 200);
    assert.equal(pathOf(page), postPath(post.slug));
    assert.equal(await navigations(page), 3);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__marker), 'same document',
      'no full page load happened');

    assert.equal(await h1Text(page), post.title);
    assert.equal(await page.title(), `${post.title} — ${site.bundle.site.title}`);
    assert.ok(await page.locator('section.footnotes').isVisible(), 'footnotes are shown');
    assert.ok(await page.locator('sup.footnote-ref a').count() > 0);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the new view starts at the top');

    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName, text: el?.textContent?.trim(), inMain: !!el?.closest('main') };
    });
    assert.deepEqual(focused, { tag: 'H1', text: post.title, inMain: true });
    assert.equal(await page.locator('#quire-status').textContent(), await page.title());
    assert.equal(await page.locator('#quire-status').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#quire-app').getAttribute('data-route'), postPath(post.slug));

    await page.setViewportSize({ width: 1280, height: 900 });
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'post.png'), fullPage: true });

    // A footnote reference previews its note (footnote-preview.test.mjs);
    // the preview's link to the note only changes the fragment: the
    // browser scrolls, no render.
    const before = await navigations(page);
    await page.locator('sup.footnote-ref a').first().click();
    await page.locator('.footnote-preview a', { hasText: 'Go to note' }).click();
    await page.waitForFunction(() => window.scrollY > 0);
    assert.match(page.url(), /#/);
    assert.equal(await navigations(page), before);

    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('back returns to the home page and restores its scroll position', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    await page.goto(home);
    assert.equal(await appReady(page), true);
    const last = page.locator('.post-summary h2 a').last();
    // Scroll so that the last summary sits near the bottom of the viewport.
    const y = await last.evaluate((a) => {
      const top = a.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - window.innerHeight + 120));
      return window.scrollY;
    });
    assert.ok(y > 0, 'the home page is taller than the viewport');
    const href = await last.getAttribute('href');

    await rendered(page, () => last.click());
    assert.equal(pathOf(page), href);
    assert.equal(await page.evaluate(() => window.scrollY), 0);

    await rendered(page, () => page.goBack());
    assert.equal(pathOf(page), base());
    assert.equal(await h1Text(page), 'Latest posts');
    const restored = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(restored - y) <= 2, `scroll restored to ${y}, got ${restored}`);

    await rendered(page, () => page.goForward());
    assert.equal(pathOf(page), href);
    assert.equal(await navigations(page), 3);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a route change replaces <main> and only the chrome that changed; the new entry carries its scroll position', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    await page.goto(home);
    assert.equal(await appReady(page), true);
    const same = () => page.evaluate(() => {
      const w = /** @type {any} */ (window);
      const now = { header: document.querySelector('header.site-header'), main: document.querySelector('main'),
        footer: document.querySelector('footer.site-footer') };
      const kept = w.__chrome ? Object.fromEntries(Object.entries(now).map(([k, el]) => [k, el === w.__chrome[k]])) : null;
      w.__chrome = now;
      return kept;
    });
    await rendered(page, () => page.locator('main .pagination a.older').click());
    await same();
    await rendered(page, () => page.locator('main .pagination a.older').click());
    assert.deepEqual(await same(), { header: true, main: false, footer: true }, 'page 2 to 3: the same chrome');
    assert.deepEqual(await page.evaluate(() => history.state), { scroll: { x: 0, y: 0 } });

    // The nav marks another section: the nav is new, but the header, its
    // search box and theme button stay the elements they were, and the
    // header ends up as the build wrote it for that view.
    const chromeParts = ['header.site-header', '.site-search input', '.theme-toggle', '.site-title'];
    await page.evaluate((selectors) => {
      /** @type {any} */ (window).__parts = selectors.map((s) => document.querySelector(s));
    }, chromeParts);
    await rendered(page, () => page.locator('header .site-nav a[href$="/tags/"]').click());
    assert.deepEqual(await same(), { header: true, main: false, footer: true }, 'tags: the same header, patched');
    assert.deepEqual(await page.evaluate((selectors) => selectors.map((s, i) => document.querySelector(s) === /** @type {any} */ (window).__parts[i]),
      chromeParts), [true, true, true, true]);
    assert.equal(await page.locator('header .site-nav a[aria-current="page"]').textContent(), 'Tags');
    assert.equal(await page.locator('header .site-nav a[aria-current]').count(), 1, 'Home is no longer marked');
    assert.equal(await page.locator('#quire-app > header.site-header').count(), 1);
    assert.equal(await page.evaluate(async () => {
      // (theme.js labels the theme button with the theme shown; the build cannot)
      const withoutToggle = (/** @type {Element|null} */ header) => {
        const copy = /** @type {Element} */ (header?.cloneNode(true));
        copy.querySelector('.theme-toggle')?.remove();
        return copy.outerHTML;
      };
      const built = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return withoutToggle(built.querySelector('header.site-header')) === withoutToggle(document.querySelector('header.site-header'));
    }), true, 'the patched header is the one the build wrote for /tags/');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a tag page lists exactly the posts with that tag', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    await page.goto(urlOf(`${base()}tags/`));
    assert.equal(await appReady(page), true);
    // Every tag of the bundle is listed, with its count.
    const entries = await page.locator('.tag-index li').evaluateAll((lis) => lis.map((li) => ({
      name: li.querySelector('a')?.textContent ?? '',
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      count: Number(/\((\d+)\)/.exec(li.querySelector('.count')?.textContent ?? '')?.[1]),
    })));
    const names = new Set(site.bundle.posts.flatMap((p) => p.tags ?? []).map((t) => t.toLowerCase()));
    assert.equal(entries.length, names.size);
    for (const e of entries) assert.equal(e.count, postsTagged(site.bundle, e.name).length, e.name);

    // The most used tag that still fits on one page.
    const tag = entries.filter((e) => e.count <= per()).sort((a, b) => b.count - a.count)[0];
    assert.ok(tag && tag.count >= 2, 'a tag with several posts');
    await rendered(page, () => page.locator(`.tag-index a[href="${tag.href}"]`).click());
    assert.equal(pathOf(page), tag.href);
    const titles = await page.locator('.post-summary h2 a').allTextContents();
    assert.deepEqual(titles, postsTagged(site.bundle, tag.name).map((p) => p.title));
    assert.match(await page.locator('main h1').textContent() ?? '', new RegExp(`Posts tagged\\s*${tag.name}`));
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('the archive lists months with counts and their posts, and a month page lists its posts', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    await page.goto(urlOf(`${base()}archive/`));
    assert.equal(await appReady(page), true);
    const months = await page.locator('.archive-month').evaluateAll((hs) => hs.map((h) => ({
      href: h.querySelector('a')?.getAttribute('href') ?? '',
      count: Number(/\((\d+)/.exec(h.querySelector('.count')?.textContent ?? '')?.[1]),
      listed: h.nextElementSibling?.querySelectorAll('li').length,
    })));
    const expected = [...new Set(site.bundle.posts.map((p) => p.date.slice(0, 7)))];
    assert.deepEqual(months.map((m) => m.href), expected.map((m) => `${base()}archive/${m.replace('-', '/')}/`),
      'every month, newest first');
    for (const [i, m] of months.entries()) {
      assert.equal(m.count, postsOfMonth(site.bundle, expected[i]).length);
      assert.equal(m.listed, m.count, 'the month\'s posts are listed under it');
    }

    // The month with the most posts.
    const pick = months.reduce((a, b) => (b.count > a.count ? b : a));
    const ym = expected[months.indexOf(pick)];
    await rendered(page, () => page.locator(`.archive-month a[href="${pick.href}"]`).click());
    assert.equal(pathOf(page), pick.href);
    const titles = await page.locator('.post-index li a').allTextContents();
    assert.deepEqual(titles, postsOfMonth(site.bundle, ym).map((p) => p.title));
    assert.match(await page.locator('main .count').first().textContent() ?? '', new RegExp(`^${pick.count} posts?`));
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('the search form searches in place', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    await page.goto(home);
    assert.equal(await appReady(page), true);
    // The header's box, empty, opens the search view (the menu has no Search entry).
    await rendered(page, () => page.locator('.site-search input[name="q"]').press('Enter'));
    const newest = site.bundle.posts[0];
    const word = newest.title.split(/\s+/).sort((a, b) => b.length - a.length)[0].replace(/[^\p{L}\p{N}]/gu, '');
    await page.locator('#search-q').fill(word);
    const detail = await rendered(page, () => page.locator('#search-q').press('Enter'));
    assert.equal(detail.status, 200);
    assert.equal(pathOf(page), `${base()}search/?q=${encodeURIComponent(word)}`);
    assert.match(await page.locator('main p.count').textContent() ?? '', /match/);
    const titles = await page.locator('.search-hit h2 a').allTextContents();
    assert.ok(titles.includes(newest.title), `${titles} includes ${newest.title}`);
    assert.equal(await page.locator('#search-q').inputValue(), word);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q', 'focus stays in the box');
    assert.ok(await navigations(page) >= 2);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('an unknown path gets the 404 view with status 404', async () => {
  const { page, pageErrors, close } = await openPage(browser);
  try {
    const response = await page.goto(urlOf(`${base()}no/such/page/`));
    assert.equal(response?.status(), 404);
    assert.equal(await h1Text(page), 'Page not found');
    assert.equal(await appReady(page), true);
    // The app renders the current path (it is not 404.html's own route):
    // still the 404 view, and links work in place afterwards.
    await page.waitForFunction(() => /** @type {any} */ (window).__quire.navigations === 1);
    assert.equal(await h1Text(page), 'Page not found');
    assert.equal(await page.locator('#quire-app').getAttribute('data-status'), '404');
    await rendered(page, () => page.locator('main a', { hasText: 'home page' }).click());
    assert.equal(await h1Text(page), 'Latest posts');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a deep link to a post renders, and then navigation happens in place', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    const post = footnotePost();
    const response = await page.goto(urlOf(postPath(post.slug)));
    assert.equal(response?.status(), 200);
    assert.equal(await h1Text(page), post.title);
    assert.equal(await appReady(page), true);
    assert.equal(await navigations(page), 0);
    await page.evaluate(() => { /** @type {any} */ (window).__marker = 1; });
    const tagLink = page.locator('.post-header a.tag').first();
    const tagName = (await tagLink.textContent())?.trim() ?? '';
    await rendered(page, () => tagLink.click());
    assert.equal(await navigations(page), 1);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__marker), 1);
    const titles = await page.locator('.post-summary h2 a').allTextContents();
    assert.ok(titles.includes(post.title), `the ${tagName} page lists the post`);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('without JavaScript a deep link still shows the whole post', async () => {
  const { page, close } = await openPage(browser, { javaScriptEnabled: false });
  try {
    const post = footnotePost();
    const response = await page.goto(urlOf(postPath(post.slug)));
    assert.equal(response?.status(), 200);
    assert.equal(await h1Text(page), post.title);
    assert.ok(await page.locator('.post-body p').count() > 0, 'the body is there');
    const firstWords = (post.body ?? '').split('\n').find((l) => /^[A-Za-z]/.test(l))?.split(/[\s[*_`]/)
      .slice(0, 3).join(' ') ?? '';
    assert.ok((await page.locator('.post-body').textContent())?.includes(firstWords), firstWords);
    assert.ok(await page.locator('section.footnotes').isVisible());
    assert.equal(await page.title(), `${post.title} — ${site.bundle.site.title}`);
  } finally {
    await close();
  }
});

test('a malformed bundle shows a readable error where a client render was needed', async () => {
  const post = site.bundle.posts[0];
  const broken = await brokenCopy(site.dir,
    '{"format":"quire-bundle","version":1,"site":{},"posts":[{"title":3}]}',
    [`posts/${post.slug}/`]);
  const brokenServer = await serve(broken.dir, base());
  const { page, pageErrors, consoleErrors, consoleWarnings, close } = await openPage(browser);
  try {
    // Not pre-rendered any more: the host answers with 404.html.
    const response = await page.goto(new URL(postPath(post.slug), brokenServer.url).href);
    assert.equal(response?.status(), 404);
    assert.equal(await appReady(page), false);
    const error = page.locator('main .quire-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    assert.match(text, /This blog could not be loaded: posts\[0\]\.\w+/);
    assert.ok(await error.locator(`a[href="${base()}"]`).isVisible(), 'a link to the home page');
    assert.equal(await page.locator('main').getAttribute('aria-busy'), null);
    assert.deepEqual(pageErrors, []);
    // Only the host's 404 for the page itself.
    assert.deepEqual(consoleErrors.filter((e) => !e.includes(`${postPath(post.slug)})`)), []);

    // A pre-rendered page stays as it is; its links load pages normally.
    await page.goto(brokenServer.url);
    assert.equal(await appReady(page), false);
    assert.equal(await h1Text(page), 'Latest posts');
    assert.ok(consoleWarnings.some((w) => /could not be loaded/.test(w)), 'a console warning says why');
    await page.evaluate(() => { /** @type {any} */ (window).__marker = 1; });
    const second = site.bundle.posts[1];
    await Promise.all([
      page.waitForURL(new URL(postPath(second.slug), brokenServer.url).href),
      page.locator(`.post-summary h2 a[href="${postPath(second.slug)}"]`).click(),
    ]);
    assert.equal(await h1Text(page), second.title);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__marker), undefined, 'a full load');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
    await brokenServer.close();
    await broken.remove();
  }
});

test('a missing bundle on a page that needs it shows the HTTP error', async () => {
  const broken = await brokenCopy(site.dir, '', []);
  const { unlink } = await import('node:fs/promises');
  await unlink(path.join(broken.dir, 'bundle.json'));
  const brokenServer = await serve(broken.dir, base());
  const { page, pageErrors, close } = await openPage(browser);
  try {
    await page.goto(new URL(`${base()}search/?q=quire`, brokenServer.url).href);
    const error = page.locator('main .quire-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /This blog could not be loaded: Could not load the blog \(HTTP 404 for .*bundle\.json\)/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
    await brokenServer.close();
    await broken.remove();
  }
});

test('while the bundle loads, a search page keeps its form (busy), then shows the results', async () => {
  const { page, pageErrors, close } = await openPage(browser);
  try {
    /** @type {() => void} */
    let release = () => {};
    const gate = new Promise((resolve) => { release = () => resolve(undefined); });
    await page.route('**/bundle.json', async (route) => {
      await gate;
      await route.continue();
    });
    // The static search page has no results: the app must render this one.
    // Issue 18.8: its pre-rendered form is never hidden behind "Loading…".
    await page.goto(urlOf(`${base()}search/?q=quire`));
    assert.ok(await page.locator('#search-q').isVisible());
    assert.equal(await page.locator('main .quire-loading').count(), 0);
    assert.equal(await page.locator('main').getAttribute('aria-busy'), 'true');
    release();
    assert.equal(await appReady(page), true);
    await page.waitForFunction(() => /** @type {any} */ (window).__quire.navigations === 1);
    assert.equal(await page.locator('main').getAttribute('aria-busy'), null);
    assert.equal(await h1Text(page), 'Search');
    assert.match(await page.locator('main p.count').textContent() ?? '', /“quire”/);
    assert.equal(await page.locator('#search-q').inputValue(), 'quire');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('the engine still starts when the host sends the .wasm with the wrong MIME type', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    let wasmRequests = 0;
    await page.route('**/quire-core.wasm', async (route) => {
      wasmRequests += 1;
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await page.goto(home);
    assert.equal(await appReady(page), true);
    assert.equal(wasmRequests, 2, 'streaming compilation refused it; the ArrayBuffer path loaded it');
    const first = site.bundle.posts[0];
    await rendered(page, () => page.locator(`.post-summary h2 a[href="${postPath(first.slug)}"]`).click());
    assert.equal(await h1Text(page), first.title);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('the static server: index.html with or without a slash, 404.html, wasm type, no caching', async () => {
  const post = site.bundle.posts[0];
  const withSlash = await fetch(urlOf(postPath(post.slug)));
  assert.equal(withSlash.status, 200);
  assert.ok((await withSlash.text()).includes(`<article class="post" data-slug="${post.slug}">`));
  const withoutSlash = await fetch(urlOf(postPath(post.slug).replace(/\/$/, '')));
  assert.equal(withoutSlash.status, 200);
  assert.match(withoutSlash.headers.get('content-type') ?? '', /^text\/html/);
  const missing = await fetch(urlOf(`${base()}nothing-here.txt`));
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Page not found/);
  const wasm = await fetch(urlOf(`${base()}quire-core.wasm`));
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), 'no-store');
  await wasm.arrayBuffer();
});

test('screenshots for review: narrow and dark', async () => {
  await mkdir(screenshotDir, { recursive: true });
  const post = footnotePost();
  const narrow = await openPage(browser, { viewport: { width: 360, height: 740 } });
  const dark = await openPage(browser, { colorScheme: 'dark' });
  try {
    await narrow.page.goto(urlOf(postPath(post.slug)));
    await narrow.page.screenshot({ path: path.join(screenshotDir, 'post-narrow.png'), fullPage: true });
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360px (overflow ${overflow}px)`);
    await dark.page.goto(home);
    await dark.page.screenshot({ path: path.join(screenshotDir, 'home-dark.png') });
  } finally {
    await narrow.close();
    await dark.close();
  }
});
