// Old URLs keep working, and pages with a menu: a blog moved in with a
// permalink pattern, a post's own permalink, aliases and redirect_from, a
// page and a menu, under base_path /blog/. Every old URL answers over HTTP
// with the post or a redirect page to it; in Chromium, post links, menu
// links, an old link inside a post, and back/forward all land on the
// post's (or page's) URL now.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { appReady, contentDir, launchBrowser, openPage, pathOf, rendered, repoRoot, serve } from './helpers.mjs';

const base = '/blog/';
const files = {
  'site.yaml': `title: Moved blog
base_path: /blog/
permalink: /:year/:month/:day/:slug/
menu:
  - {title: Home, path: /}
  - {title: About, page: about}
  - {title: Rust, tag: rust}
  - {title: Archive, path: /archive/}
  - {title: GitHub, url: https://github.com/quire-blog/quire}
`,
  'posts/2016-10-06-first.md': `---
title: First post
date: 2016-10-06T11:10:38-07:00
tags: [rust]
aliases: [/old/first/, /first.html]
---
The first post.
`,
  'posts/second.md': `---
title: Second post
date: 2017-02-03
tags: [rust]
permalink: /special/second/
redirect_from:
  - /2017/02/03/second.html
---
The second post.
`,
  'posts/third.md': `---
title: Third post
date: 2018-05-06
---
Links written for the old blog: [the first](/blog/2016/10/06/first/), [an old link](/old/first/) and [about](/about/).
`,
  'pages/about.md': `---
title: About
---
This blog moved in from elsewhere.
`,
};

/** @type {Awaited<ReturnType<typeof contentDir>>} */
let content;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  content = await contentDir(files);
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content.dir, '-o', content.out],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  server = await serve(content.out, base);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await content?.remove();
});

/** @param {string} p */
const at = (p) => new URL(p, server.url).href;

// Each old URL and where its post (or page) lives now.
const moved = [
  ['/blog/old/first/', '/blog/2016/10/06/first/'],
  ['/blog/old/first', '/blog/2016/10/06/first/'],
  ['/blog/first.html', '/blog/2016/10/06/first/'],
  ['/blog/2017/02/03/second.html', '/blog/special/second/'],
];

test('over HTTP: posts and pages at their URLs, every old URL a redirect page to them', async () => {
  for (const [p, title] of [['/blog/2016/10/06/first/', 'First post'], ['/blog/special/second/', 'Second post'],
    ['/blog/2018/05/06/third/', 'Third post'], ['/blog/about/', 'About']]) {
    const response = await fetch(at(p));
    assert.equal(response.status, 200, p);
    const html = await response.text();
    assert.match(html, new RegExp(`<h1>${title}</h1>`), p);
    assert.match(html, /<nav class="site-nav"[^]*>About<\/a>[^]*>GitHub<\/a>/, `${p}: the menu`);
  }
  for (const [old, now] of moved) {
    const response = await fetch(at(old));
    assert.equal(response.status, 200, old);
    const html = await response.text();
    assert.ok(html.includes(`<link rel="canonical" href="${now}">`), `${old}: canonical`);
    assert.ok(html.includes(`<meta http-equiv="refresh" content="0; url=${now}">`), `${old}: refresh`);
    assert.ok(html.includes(`<a href="${now}">`), `${old}: a plain link`);
    assert.ok(html.includes('<meta name="robots" content="noindex">'), `${old}: noindex`);
  }
  // The default place is no post's any more; the app's own pages are there.
  assert.equal((await fetch(at('/blog/posts/first/'))).status, 404);
  const third = await (await fetch(at('/blog/2018/05/06/third/'))).text();
  assert.ok(third.includes('href="/blog/2016/10/06/first/"'), 'a link with the base path in is not prefixed twice');
  assert.ok(!third.includes('/blog/blog/'));
  const home = await (await fetch(at('/blog/'))).text();
  assert.ok(!home.includes('>About</a></h2>'), 'pages are not in the list of posts');
});

test('in Chromium: a redirect page lands on the post', async () => {
  const { page, pageErrors, close } = await openPage(browser);
  try {
    for (const [old, now] of moved) {
      await page.goto(at(old));
      await page.waitForURL(at(now));
      assert.equal(pathOf(page), now);
      assert.equal(await appReady(page), true);
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('in Chromium: post links, menu links, an old link in a post, back and forward', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    await page.goto(at(base));
    assert.equal(await appReady(page), true);
    const h1 = async () => (await page.locator('main h1').textContent())?.trim();

    await rendered(page, () => page.click('.post-summary h2 a:text("First post")'));
    assert.equal(pathOf(page), '/blog/2016/10/06/first/');
    assert.equal(await h1(), 'First post');
    assert.equal(await page.locator('link[rel="canonical"]').count() <= 1, true);

    await rendered(page, () => page.click('.site-nav a:text("About")'));
    assert.equal(pathOf(page), '/blog/about/');
    assert.equal(await h1(), 'About');
    assert.equal(await page.locator('.site-nav a[aria-current="page"]').textContent(), 'About');

    await rendered(page, () => page.click('.site-nav a:text("Rust")'));
    assert.equal(pathOf(page), '/blog/tags/rust/');
    assert.equal(await page.locator('.site-nav a[aria-current="page"]').textContent(), 'Rust');
    await rendered(page, () => page.click('.post-summary h2 a:text("Second post")'));
    assert.equal(pathOf(page), '/blog/special/second/');

    await rendered(page, () => page.goBack());
    assert.equal(pathOf(page), '/blog/tags/rust/');
    await rendered(page, () => page.goBack());
    assert.equal(pathOf(page), '/blog/about/');
    await rendered(page, () => page.goForward());
    assert.equal(pathOf(page), '/blog/tags/rust/');

    // An old link in a post: the app shows the post at its URL now.
    await rendered(page, () => page.click('.site-nav a:text("Home")'));
    await rendered(page, () => page.click('.post-summary h2 a:text("Third post")'));
    assert.equal(pathOf(page), '/blog/2018/05/06/third/');
    const detail = await rendered(page, () => page.click('.post-body a:text("an old link")'));
    assert.equal(detail.path, '/blog/2016/10/06/first/');
    assert.equal(pathOf(page), '/blog/2016/10/06/first/');
    assert.equal(await h1(), 'First post');
    await rendered(page, () => page.goBack());
    assert.equal(pathOf(page), '/blog/2018/05/06/third/');
    await rendered(page, () => page.click('.post-body a:text("the first")'));
    assert.equal(pathOf(page), '/blog/2016/10/06/first/');

    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
