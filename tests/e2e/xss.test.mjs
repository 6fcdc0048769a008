// The XSS corpus (tests/xss/vectors.json) in headless Chromium: a content
// folder is generated from it (payloads as post titles, tags, bodies, link
// URLs, footnote labels, summaries, and the site's title and description),
// built with the CLI and served. Every page is visited as a static page and
// rendered client-side by the app, and every link in every post body is
// hovered and clicked. alert/confirm/prompt/print are hooked before any
// script runs, console output and page errors are collected, and every
// request to anything but the local server is recorded and aborted. Any
// call, error or outside request fails the test.
// The same corpus is checked natively in tests/unit/test_xss.cpp.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { appReady, buildSite, launchBrowser, rendered, repoRoot, serve } from './helpers.mjs';

/** @typedef {{id: string, where: string, payload: string}} Vector */

/** @type {Vector[]} */
const corpus = JSON.parse(await readFile(path.join(repoRoot, 'tests/xss/vectors.json'), 'utf8')).vectors;

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
const yaml = (/** @type {string} */ s) => JSON.stringify(s);

/** @param {Vector} v  the markdown body a vector goes into */
function bodyFor(v) {
  if (v.where === 'body') return v.payload;
  if (v.where === 'link_url') {
    return `[link](${v.payload}) ![image](${v.payload}) [ref] <${v.payload}>\n\n[ref]: ${v.payload}\n`;
  }
  if (v.where === 'footnote_label') return `Text[^${v.payload}] more.\n\n[^${v.payload}]: The note.\n`;
  return 'A harmless body with a note[^1].\n\n[^1]: Note.\n';
}

/** Writes content/ for the corpus; returns its directory. */
async function writeContent(/** @type {string} */ dir) {
  const pick = (/** @type {string} */ where) => corpus.filter((v) => v.where === where).map((v) => v.payload);
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  await writeFile(path.join(dir, 'site.yaml'), [
    `title: ${yaml(pick('site_title').join(' | '))}`,
    `description: ${yaml(pick('site_description').join(' | '))}`,
    'url: "https://blog.example"',
    'posts_per_page: 50',
    '',
  ].join('\n'));
  let day = 0;
  for (const v of corpus) {
    if (v.where === 'site_title' || v.where === 'site_description') continue;
    day += 1;
    const date = new Date(Date.UTC(2024, 0, 1) + day * 86400000).toISOString().slice(0, 10);
    const front = [
      '---',
      `title: ${yaml(v.where === 'title' ? v.payload : `Vector ${v.id}`)}`,
      `date: ${date}`,
      `tags: [${yaml('safe')}${v.where === 'tag' ? `, ${yaml(v.payload)}` : ''}]`,
      ...(v.where === 'summary' ? [`summary: ${yaml(v.payload)}`] : []),
      '---',
      '',
    ];
    await writeFile(path.join(dir, 'posts', `${v.id}.md`), `${front.join('\n')}${bodyFor(v)}\n`);
  }
  // Allowed raw HTML, for the static/app comparison below.
  await writeFile(path.join(dir, 'posts', 'raw-html-kept.md'), `---
title: Raw HTML kept
date: 2023-12-31
---
<figure class="wide"><img src="/pic.png" alt="A &amp; B" width="64"><figcaption>Cap <em>tion</em></figcaption></figure>

<details open>
<summary>More</summary>

Markdown *inside*, a [relative link](/tags/) and H<sub>2</sub>O.

</details>

<table>
<tr><th colspan="2" align="center">Head</th></tr>
<tr><td>a</td><td><kbd>Ctrl</kbd></td></tr>
</table>

<div class="note">Left open, with <a href="/archive/" target="_blank">a new window</a>

- a list <mark>item</mark>
`);
}

/** @type {Awaited<ReturnType<typeof buildSite>>} */
let site;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
let contentParent = '';
/** @type {string[]} */
let pages = [];

before(async () => {
  contentParent = await mkdtemp(path.join(tmpdir(), 'quire-xss-content-'));
  await writeContent(contentParent);
  site = await buildSite(contentParent);
  server = await serve(site.dir, site.bundle.site.base_path);
  pages = await builtPages(site.dir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
  if (contentParent) await rm(contentParent, { recursive: true, force: true });
});

/**
 * A page whose dialogs, console, errors and outside requests are recorded.
 * @returns {Promise<{page: import('playwright-core').Page, incidents: string[], close: () => Promise<void>}>}
 */
async function watchedPage() {
  const context = await browser.newContext();
  const origin = new URL(server.url).origin;
  /** @type {string[]} */ const incidents = [];
  await context.exposeBinding('__xssHit', (_source, /** @type {string} */ what) => { incidents.push(what); });
  await context.addInitScript(() => {
    const w = /** @type {any} */ (window);
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      w[name] = (/** @type {unknown[]} */ ...args) => { w.__xssHit(`${name}(${args.map(String).join(', ')}) on ${location.href}`); };
    }
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url === origin) return route.continue();
    incidents.push(`request to ${url}`);
    return route.abort();
  });
  /** A page (a tab) of the watched context, watched too. */
  const watch = async () => {
    const page = await context.newPage();
    page.on('dialog', (dialog) => { incidents.push(`dialog ${dialog.type()}: ${dialog.message()}`); dialog.dismiss(); });
    page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      // A clicked link to a page that does not exist logs a 404 from our own server.
      if (message.type() === 'error' && /Failed to load resource.*404/.test(text)) return;
      if (message.type() === 'error' || /XSS/.test(text)) incidents.push(`console.${message.type()}: ${text}`);
    });
    return page;
  };
  return { page: await watch(), watch, incidents, close: () => context.close() };
}

/**
 * Every page the build wrote (each index.html), as the path it is served
 * at: its data-route attribute.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function builtPages(dir) {
  /** @type {string[]} */ const out = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    if (path.basename(entry) !== 'index.html') continue;
    const html = await readFile(path.join(dir, entry), 'utf8');
    const route = /data-route="([^"]*)"/.exec(html)?.[1];
    if (route) out.push(route.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return out.sort();
}

test('no vector runs script or loads anything in static pages', async () => {
  const { page, incidents, close } = await watchedPage();
  try {
    // Every post, tag, month and index page, the 404 page and searches.
    assert.ok(pages.length > corpus.length, `${pages.length} pages`);
    const origin = new URL(server.url).origin;
    for (const p of pages) await page.goto(new URL(p, origin).href);
    for (const v of corpus.filter((c) => c.where === 'title').slice(0, 4)) {
      await page.goto(`${server.url}search/?q=${encodeURIComponent(v.payload)}`);
      assert.equal(await appReady(page), true);
    }
    await page.goto(`${server.url}no/such/page/`);
    assert.deepEqual(incidents, []);
  } finally {
    await close();
  }
});

test('no vector runs script or loads anything when the app renders each page', async () => {
  const { page, incidents, close } = await watchedPage();
  try {
    await page.goto(server.url);
    assert.equal(await appReady(page), true);
    const searches = corpus.map((v) => `${new URL(server.url).pathname}search/?q=${encodeURIComponent(v.payload)}`);
    let renders = 0;
    for (const p of [...pages, ...searches]) {
      // A click on a link the app intercepts: a client-side render.
      await rendered(page, () => page.evaluate((href) => {
        const a = document.createElement('a');
        a.href = href;
        document.body.append(a);
        a.click();
        a.remove();
      }, p));
      renders += 1;
    }
    assert.equal(renders, pages.length + searches.length);
    assert.deepEqual(incidents, []);
  } finally {
    await close();
  }
});

test('hovering and clicking every link of every post body runs nothing', async () => {
  const { page: first, watch, incidents, close } = await watchedPage();
  const origin = new URL(server.url).origin;
  let clicked = 0;
  let external = 0;
  let page = first;
  try {
    for (const post of site.bundle.posts) {
      const postUrl = `${server.url}posts/${encodeURIComponent(post.slug)}/`;
      // Each post in a tab of its own. After many posts in one tab (full
      // loads, fragment jumps), headless Chromium ran no animation frame
      // for 2 s after a click in a footnote's preview, and Playwright's
      // wait for a stable element made this test 80 s long; a tab per post
      // has none of that (what a tab's history does to it is unexplained;
      // no single post or pair of posts shows it).
      await page.close();
      page = await watch();
      await page.goto(postUrl);
      await appReady(page);
      const count = await page.locator('.post-body a[href]').count();
      for (let i = 0; i < count; i += 1) {
        if (page.url().split('#')[0] !== postUrl) {  // a fragment link stays on the post
          await page.goto(postUrl);
          await appReady(page);
        }
        const link = page.locator('.post-body a[href]').nth(i);
        const href = await link.evaluate((a) => /** @type {HTMLAnchorElement} */ (a).href);
        const url = new URL(href);
        // Any scheme but http(s)/mailto would be a failure of the URL policy.
        assert.ok(['http:', 'https:', 'mailto:'].includes(url.protocol), `${post.slug}: ${href}`);
        await link.hover();
        if (url.origin !== origin) {
          // An allowed link to another site: following it is a navigation,
          // not script, and would leave the sandbox.
          external += 1;
          continue;
        }
        await link.click();
        await page.waitForLoadState();
        clicked += 1;
      }
    }
    // Footnote references and back-links at least, in every vector's post.
    assert.ok(clicked >= site.bundle.posts.length / 2, `clicked ${clicked} links (${external} external ones only hovered)`);
    assert.deepEqual(incidents, []);
  } finally {
    await close();
  }
});

test('raw HTML shows the same in the static page and when the app renders it', async () => {
  const staticContext = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await staticContext.newPage();
  const { page, incidents, close } = await watchedPage();
  try {
    await page.goto(server.url);
    assert.equal(await appReady(page), true);
    const posts = site.bundle.posts.filter((p) => p.slug.startsWith('raw-'));
    assert.ok(posts.length > 30, `${posts.length} posts`);
    for (const post of posts) {
      const postPath = `${new URL(server.url).pathname}posts/${encodeURIComponent(post.slug)}/`;
      await staticPage.goto(new URL(postPath, server.url).href);
      const expected = await staticPage.locator('.post-body').innerHTML();
      await rendered(page, () => page.evaluate((href) => {
        const a = document.createElement('a');
        a.href = href;
        document.body.append(a);
        a.click();
        a.remove();
      }, postPath));
      assert.equal(await page.locator('.post-body').innerHTML(), expected, post.slug);
    }
    const kept = site.bundle.posts.find((p) => p.slug === 'raw-html-kept');
    await staticPage.goto(new URL(`posts/raw-html-kept/`, server.url).href);
    const body = staticPage.locator('.post-body');
    assert.equal(await body.locator('figure img[src$="/pic.png"]').count(), 1, kept?.body);
    assert.equal(await body.locator('details > summary').count(), 1);
    assert.equal(await body.locator('details p em').count(), 1, 'markdown inside <details>');
    assert.equal(await body.locator('table th[colspan="2"]').count(), 1);
    assert.equal(await body.locator('a[target="_blank"][rel="noopener"]').count(), 1);
    assert.equal(await body.locator('div.note ul li mark').count(), 1, 'what the post left open holds the rest of it');
    assert.equal(await staticPage.locator('.post-body footer, .post-body nav').count(), 0, 'and closes inside the post');
    assert.deepEqual(incidents, []);
  } finally {
    await staticContext.close();
    await close();
  }
});

test('the hooks catch a real alert, so the tests above can fail', async () => {
  const { page, incidents, close } = await watchedPage();
  try {
    await page.goto(server.url);
    await page.evaluate(() => { window.alert('XSS'); fetch('http://outside.invalid/x').catch(() => {}); });
    // The request is recorded asynchronously: wait for it (bounded).
    for (let i = 0; i < 100 && !incidents.some((s) => s.startsWith('request to')); i += 1) {
      await new Promise((resolve) => { setTimeout(resolve, 20); });
    }
    assert.ok(incidents.some((i) => i.startsWith('alert(XSS)')), incidents.join('\n'));
    assert.ok(incidents.some((i) => i.startsWith('request to http://outside.invalid/')), incidents.join('\n'));
  } finally {
    await close();
  }
});
