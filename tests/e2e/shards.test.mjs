// End to end, the sharded bundle (version 3, src/core/post_shards.hpp) of a
// generated blog large enough for many shards: each first client-side view
// (home, a tag, a month, a post) fetches exactly the shards of the posts it
// shows (a post also its slug file and its chunk), and renders what the
// build pre-rendered. A bad shard is a readable error in the page. A blog
// moved in with a permalink pattern, an own permalink and an alias is
// sharded too, and its paths resolve through their slug files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { generateContent } from '../../bench/generate.mjs';
import { appReady, launchBrowser, openPage, readBundle, rendered, repoRoot, serve } from './helpers.mjs';

const POSTS = 700;  // 11 shards of 64, 3 slug files

/** @type {string} */
let parent;
/** @type {string} */
let dist;
/** @type {any} */
let bundle;
/** @type {Map<string, string>} slug -> its shard's path */
const shardOf = new Map();
/** @type {Map<string, string>} slug -> its slug file's path */
const slugFileOf = new Map();
/** @type {string[]} every slug file's path */
const slugFiles = [];
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'quire-e2e-shards-'));
  const content = path.join(parent, 'content');
  dist = path.join(parent, 'dist');
  await generateContent({ dir: content, posts: POSTS, seed: 7 });
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content, '-o', dist], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const written = JSON.parse(await readFile(path.join(dist, 'bundle.json'), 'utf8'));
  assert.equal(written.version, 3);
  assert.equal(written.shards.length, Math.ceil(POSTS / 64));
  bundle = await readBundle(dist);
  for (const shard of written.shards) {
    for (const p of JSON.parse(await readFile(path.join(dist, shard), 'utf8')).posts) shardOf.set(p.slug, `/${shard}`);
  }
  for (const file of written.slugs) {
    slugFiles.push(`/${file}`);
    for (const line of (await readFile(path.join(dist, file), 'utf8')).split('\n').slice(1)) {
      if (!line.startsWith('= ')) slugFileOf.set(line.split(' ')[1], `/${file}`);  // not a post's date and title
    }
  }
  assert.equal(shardOf.size, POSTS);
  assert.equal(slugFileOf.size, POSTS);
  server = await serve(dist, '/');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (parent) await rm(parent, { recursive: true, force: true });
});

/**
 * A page on the tags index (a view that needs no shard), the app loaded,
 * with Save-Data (no prefetching of links in view): every request after
 * that is the next view's.
 */
async function readyPage() {
  const watched = await openPage(browser);
  await watched.page.addInitScript(() => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
  });
  /** @type {string[]} */
  const requests = [];
  watched.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await watched.page.goto(new URL('tags/', server.url).href);
  assert.equal(await appReady(watched.page), true);
  assert.ok(requests.includes('/bundle.json'));
  assert.deepEqual(requests.filter((r) => r.startsWith('/chunks/')), [], 'the tags index needs no shard');
  requests.length = 0;
  return { ...watched, requests };
}

/**
 * Client-side navigation, as a click on a link the app handles.
 * @param {import('playwright-core').Page} page @param {string} href
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
 * <main>'s HTML, as the build wrote it for `route` (in `dir`) and as the app shows it.
 * @param {import('playwright-core').Page} page @param {string} route @param {string} [dir]
 */
async function mains(page, route, dir = dist) {
  const file = await readFile(path.join(dir, route, 'index.html'), 'utf8');
  return page.evaluate((text) => {
    const tidy = (/** @type {Element | null} */ main) => {
      for (const e of main?.querySelectorAll('[tabindex]') ?? []) e.removeAttribute('tabindex');
      for (const e of main?.querySelectorAll('.code-copy') ?? []) e.remove();
      return main?.innerHTML.trim() ?? '';
    };
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const live = /** @type {Element} */ (document.querySelector('main')?.cloneNode(true));
    return { built: tidy(doc.querySelector('main')), shown: tidy(live) };
  }, file);
}

/** The slugs of the posts <main> links to. @param {import('playwright-core').Page} page */
function linkedPosts(page) {
  return page.evaluate(() => [...document.querySelectorAll('main a[href^="/posts/"]')]
    .map((a) => decodeURIComponent(new URL(/** @type {HTMLAnchorElement} */ (a).href).pathname.split('/')[2])));
}

const sorted = (/** @type {Iterable<string>} */ xs) => [...new Set(xs)].sort();

test('home, a tag and a month each fetch only the shards of the posts they show', async () => {
  const tag = bundle.posts[5].tags[0];
  const month = bundle.posts[300].date.slice(0, 7).replace('-', '/');
  for (const route of ['/', `/tags/${tag}/`, `/tags/${tag}/page/3/`, `/archive/${month}/`, '/page/20/']) {
    const { page, requests, pageErrors, close } = await readyPage();
    try {
      const detail = await go(page, route);
      assert.equal(detail.status, 200, route);
      const shown = await linkedPosts(page);
      assert.ok(shown.length >= 3, `${route} lists posts`);
      const want = sorted(shown.map((slug) => /** @type {string} */ (shardOf.get(slug))));
      assert.ok(want.length < bundle.shards.length / 2, `${route}: ${want.length} of ${bundle.shards.length} shards`);
      assert.deepEqual(sorted(requests.filter((r) => r.startsWith('/chunks/'))), want, route);
      assert.equal(requests.filter((r) => r.startsWith('/chunks/')).length, want.length, `${route}: each shard once`);
      const { built, shown: html } = await mains(page, route);
      assert.equal(html, built, `${route} renders as the build pre-rendered it`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('a post opened without a hover first fetches every slug file of a small blog, its shard and its chunk', async () => {
  // Its slug file and, in the same round, the others (3 here; the view of
  // a missing page would list near posts from all of them): the posts it
  // links to are then described by them (dates, titles) and need no shard.
  const post = bundle.posts[333];
  const route = `/posts/${post.slug}/`;
  assert.equal(slugFiles.length, 3);
  const { page, requests, pageErrors, close } = await readyPage();
  try {
    const detail = await go(page, route);
    assert.equal(detail.status, 200);
    await page.locator('.post-body p:not(.pending)').first().waitFor();
    assert.ok((await linkedPosts(page)).length >= 2, 'the post links to others');
    const want = sorted([...slugFiles, `/${bundle.chunks[post.chunk]}`, /** @type {string} */ (shardOf.get(post.slug))]);
    assert.deepEqual(sorted(requests.filter((r) => r.startsWith('/chunks/'))), want);
    const { built, shown: html } = await mains(page, route);
    assert.equal(html, built, 'the post renders as the build pre-rendered it');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a home page loads the shards of its next page in idle time: "Older posts" then renders in its click, fetching nothing', async () => {
  // A page whose posts are all in the newest shard and whose next page's
  // are not: prefetching its own posts' links never loads the next page's.
  const perPage = 10;
  const pageShards = (/** @type {number} */ n) => sorted(bundle.posts.slice((n - 1) * perPage, n * perPage)
    .map((/** @type {any} */ p) => /** @type {string} */ (shardOf.get(p.slug))));
  let n = 2;
  while (pageShards(n + 1).every((s) => pageShards(n).includes(s))) n += 1;
  assert.equal(pageShards(n).length, 1, `page ${n} is in one shard`);
  const { page, pageErrors, close } = await openPage(browser);
  try {
    /** @type {string[]} */
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(new URL(`page/${n}/`, server.url).href);
    assert.equal(await appReady(page), true);
    await page.waitForFunction(() => /** @type {any} */ (window).__quire.warmedUp);
    const next = pageShards(n + 1);
    await page.waitForFunction((files) => files.every((f) => performance.getEntriesByType('resource')
      .some((r) => new URL(r.name).pathname === f && /** @type {PerformanceResourceTiming} */ (r).responseEnd > 0)), next,
    { timeout: 5000 }).catch(() => {});
    assert.deepEqual(next.filter((f) => !requests.includes(f)), [], `page ${n + 1}'s shards are fetched before its link is clicked`);
    // Loaded into the core, not only arrived: the main thread idle twice.
    await page.evaluate(() => new Promise((done) => { requestIdleCallback(() => requestIdleCallback(done)); }));
    requests.length = 0;
    const inClick = await page.evaluate(() => {
      let shown = false;
      document.addEventListener('quire:rendered', () => { shown = true; }, { once: true });
      /** @type {HTMLAnchorElement} */ (document.querySelector('main a.older')).click();
      return shown;
    });
    assert.equal(inClick, true, 'rendered in the click\'s own task');
    assert.equal(new URL(page.url()).pathname, `/page/${n + 1}/`);
    assert.deepEqual(requests.filter((r) => r.startsWith('/chunks/posts-')), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a malformed shard is a readable error in the page, not a blank page', async () => {
  const month = bundle.posts[400].date.slice(0, 7).replace('-', '/');
  const route = `/archive/${month}/`;
  // No pre-rendered page: the host's 404.html, and the app renders the view.
  const copy = path.join(dist, route, 'index.html');
  const saved = await readFile(copy);
  await unlink(copy);
  const { page, pageErrors, close } = await openPage(browser);
  try {
    await page.route('**/chunks/posts-*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"format":"quire-posts","version":2,"from":0,"posts":[{"slug":1}]}' }));
    await page.goto(new URL(route.slice(1), server.url).href);
    const error = page.locator('.quire-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    assert.match(text, /posts\[0\]\.slug: expected string|from: expected/, text);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
    await (await import('node:fs/promises')).writeFile(copy, saved);
  }
});

test('a blog with a permalink pattern, an own permalink and an alias is sharded; its paths resolve through slug files', async () => {
  const content = path.join(parent, 'paths-content');
  const out = path.join(parent, 'paths-dist');
  await generateContent({ dir: content, posts: 200, seed: 11 });
  await appendFile(path.join(content, 'site.yaml'), 'permalink: /:year/:month/:day/:slug/\nsplit_bundle_over: 100\n');
  const files = (await readdir(path.join(content, 'posts'))).sort();
  /** @param {string} name @param {string} line */
  const addKey = async (name, line) => {
    const file = path.join(content, 'posts', name);
    await writeFile(file, (await readFile(file, 'utf8')).replace('---\n', `---\n${line}\n`));
  };
  await addKey(files[50], 'aliases: [/old/fifty/]');
  await addKey(files[120], 'permalink: /special/one-twenty/');
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content, '-o', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const written = JSON.parse(await readFile(path.join(out, 'bundle.json'), 'utf8'));
  assert.equal(written.version, 3);
  assert.match(written.index, /^200 64 [01] 1\n/, 'the index says the posts have paths');
  // The alias's post lives at its date: /yyyy/mm/dd/<slug>/ from its file name.
  const [, day, slug] = /** @type {RegExpMatchArray} */ (files[50].match(/^(\d{4}-\d\d-\d\d)-(.*)\.md$/));
  const dated = `/${day.replaceAll('-', '/')}/${slug}/`;
  const paths = await serve(out, '/');
  try {
    const { page, pageErrors, close } = await openPage(browser);
    try {
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
      });
      /** @type {string[]} */
      const requests = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(new URL('tags/', paths.url).href);
      assert.equal(await appReady(page), true);
      for (const [route, lives] of [['/old/fifty/', dated], ['/special/one-twenty/', '/special/one-twenty/'], [dated, dated]]) {
        requests.length = 0;
        const detail = await go(page, route);
        assert.equal(detail.status, 200, route);
        await page.locator('.post-body p:not(.pending)').first().waitFor();
        assert.equal(new URL(page.url()).pathname, lives, `${route} shows the post at its path`);
        const fetched = requests.filter((r) => r.startsWith('/chunks/'));
        // The alias: its slug file, shards, its chunk; later paths reuse
        // what is loaded (2 slug files; the dated path is the alias's post).
        if (route === '/old/fifty/') {
          assert.ok(fetched.some((r) => r.startsWith('/chunks/slugs-')), `${route}: its slug file (${fetched})`);
          assert.ok(fetched.some((r) => r.startsWith('/chunks/posts-')), `${route}: a shard (${fetched})`);
        }
        if (route === dated) assert.deepEqual(fetched, [], `${route}: all loaded with its alias`);
        assert.ok(fetched.length < 8, `${route}: ${fetched.length} files, not the whole index`);
        const { built, shown } = await mains(page, lives, out);
        assert.equal(shown, built, `${route} renders as the build pre-rendered ${lives}`);
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  } finally {
    await paths.close();
  }
});
