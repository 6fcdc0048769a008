// Shared pieces of the end-to-end tests: build a site, serve it, drive
// Debian's chromium through playwright-core, read the bundle for expectations.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, cp, writeFile, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(repoRoot, 'build/screenshots');

/**
 * @typedef {object} BundlePost
 * @property {string} slug
 * @property {string} title
 * @property {string} date
 * @property {string[]} [tags]
 * @property {string} [summary]
 * @property {string} [body]
 */

/**
 * @typedef {object} SiteBundle
 * @property {{title: string, base_path: string, posts_per_page: number}} site
 * @property {BundlePost[]} posts
 */

/**
 * Builds content/ (or another content folder) into a fresh temporary
 * directory with the native CLI.
 * @param {string} [content]  the content folder, relative to the repository
 * @param {{siteYaml?: (text: string) => string}} [options]  siteYaml: build
 *   a copy of the content whose site.yaml is rewritten by this function
 * @returns {Promise<{dir: string, bundle: SiteBundle, remove: () => Promise<void>}>}
 */
export async function buildSite(content = 'content', { siteYaml } = {}) {
  const cli = path.join(repoRoot, 'build/native/quire');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run bash scripts/build.sh first`);
  const parent = await mkdtemp(path.join(tmpdir(), 'quire-e2e-'));
  const dir = path.join(parent, 'dist');
  let source = content;
  if (siteYaml) {
    source = path.join(parent, 'content');
    await cp(path.resolve(repoRoot, content), source, { recursive: true });
    const file = path.join(source, 'site.yaml');
    await writeFile(file, siteYaml(await readFile(file, 'utf8')));
  }
  const run = spawnSync(cli, ['build', source, '-o', dir], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`quire build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const bundle = await readBundle(dir);
  return { dir, bundle, remove: () => rm(parent, { recursive: true, force: true }) };
}

/**
 * A content folder in a temporary directory, and the dist/ beside it for a build.
 * @param {Record<string, string>} files  relative path -> text
 */
export async function contentDir(files) {
  const parent = await mkdtemp(path.join(tmpdir(), 'quire-cli-'));
  const dir = path.join(parent, 'content');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return { parent, dir, out: path.join(parent, 'dist'), remove: () => rm(parent, { recursive: true, force: true }) };
}

/**
 * bundle.json; a sharded one (version 3, src/core/post_shards.hpp) as the
 * split form of version 1 has it, for the tests' convenience: its shards'
 * posts as `posts`, newest first, and their chunk paths as `chunks`, which
 * each post's `chunk` indexes.
 * @param {string} dir @returns {Promise<SiteBundle>}
 */
export async function readBundle(dir) {
  const bundle = JSON.parse(await readFile(path.join(dir, 'bundle.json'), 'utf8'));
  if (Array.isArray(bundle.shards) && !bundle.posts) {
    bundle.posts = [];
    bundle.chunks = [];
    for (const shard of [...bundle.shards].reverse()) {
      for (const post of JSON.parse(await readFile(path.join(dir, shard), 'utf8')).posts) {
        if (typeof post.chunk === 'string') {
          if (!bundle.chunks.includes(post.chunk)) bundle.chunks.push(post.chunk);
          post.chunk = bundle.chunks.indexOf(post.chunk);
        }
        bundle.posts.push(post);
      }
    }
  }
  return bundle;
}

/**
 * A copy of a built site whose bundle is replaced by `bundleText`, with
 * some pre-rendered pages removed (so the host falls back to 404.html).
 * @param {string} dir
 * @param {string} bundleText
 * @param {string[]} removePages  site-relative paths like 'posts/x/'
 */
export async function brokenCopy(dir, bundleText, removePages) {
  const parent = await mkdtemp(path.join(tmpdir(), 'quire-e2e-broken-'));
  const copy = path.join(parent, 'dist');
  await cp(dir, copy, { recursive: true });
  await writeFile(path.join(copy, 'bundle.json'), bundleText);
  for (const page of removePages) await unlink(path.join(copy, page, 'index.html'));
  return { dir: copy, remove: () => rm(parent, { recursive: true, force: true }) };
}

/**
 * Serves a built site on a free port, under its bundle's base path.
 * @param {string} root
 * @param {string} [basePath]
 */
export function serve(root, basePath = '/') {
  return startServer({ root, port: 0, basePath, quiet: true });
}

/** Debian's Chromium (CHROME_PATH overrides), the one browser of tests, benchmarks and audits. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Headless, sandbox-free, quiet: no background traffic to the outside. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * @typedef {object} SampleSite
 * @property {Awaited<ReturnType<typeof buildSite>>} site  the built site
 * @property {Awaited<ReturnType<typeof serve>>} server  serving it under its base path
 * @property {import('playwright-core').Browser} browser
 * @property {() => Promise<void>} close  closes the browser and the server, removes the site
 */

/**
 * The setup most browser tests share: content/ built, served, and Chromium
 * launched. Call in `before`, and `close()` in `after`.
 * @param {string} [content]  the content folder, relative to the repository
 * @returns {Promise<SampleSite>}
 */
export async function sampleSite(content = 'content') {
  const site = await buildSite(content);
  /** @type {Awaited<ReturnType<typeof serve>>|undefined} */
  let server;
  try {
    server = await serve(site.dir, site.bundle.site.base_path);
    const browser = await launchBrowser();
    const served = server;
    return {
      site, server, browser,
      close: async () => {
        await browser.close();
        await served.close();
        await site.remove();
      },
    };
  } catch (error) {
    await server?.close();
    await site.remove();
    throw error;
  }
}

/**
 * @typedef {object} WatchedPage
 * @property {import('playwright-core').Page} page
 * @property {string[]} pageErrors     uncaught exceptions and rejections
 * @property {string[]} consoleErrors  console.error messages
 * @property {string[]} consoleWarnings
 * @property {() => Promise<void>} close
 */

/**
 * A fresh context and page that records errors.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 * @returns {Promise<WatchedPage>}
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  /** @type {string[]} */ const pageErrors = [];
  /** @type {string[]} */ const consoleErrors = [];
  /** @type {string[]} */ const consoleWarnings = [];
  page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
  page.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${where})`);
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  return { page, pageErrors, consoleErrors, consoleWarnings, close: () => context.close() };
}

/**
 * axe-core's violations on the page, one line each ("id: targets"); axe is
 * injected as a script tag (a page under a strict policy needs bypassCSP).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((/** @type {any} */ v) =>
      `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * Waits for the app to have tried loading its bundle.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<boolean>} whether it loaded
 */
export async function appReady(page) {
  await page.waitForFunction(() => /** @type {any} */ (window).__quire !== undefined);
  return page.evaluate(() => /** @type {any} */ (window).__quire.ready);
}

/** @param {import('playwright-core').Page} page @returns {Promise<number>} */
export function navigations(page) {
  return page.evaluate(() => /** @type {any} */ (window).__quire.navigations);
}

/**
 * Runs `action` and waits for the app's next client-side render.
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<unknown>} action
 * @returns {Promise<{path: string, status: number, title: string}>} the event's detail
 */
export async function rendered(page, action) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__nextRender = new Promise((resolve) => {
      document.addEventListener('quire:rendered', (e) => resolve(/** @type {CustomEvent} */ (e).detail), { once: true });
    });
  });
  await action();
  return page.evaluate(() => /** @type {any} */ (window).__nextRender);
}

/** @param {import('playwright-core').Page} page */
export function pathOf(page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** Titles of the posts that carry a tag (by name, case-insensitively). */
export function postsTagged(/** @type {SiteBundle} */ bundle, /** @type {string} */ name) {
  const want = name.toLowerCase();
  return bundle.posts.filter((p) => (p.tags ?? []).some((t) => t.toLowerCase() === want));
}

/** Posts of a month, 'YYYY-MM', by the date as written. */
export function postsOfMonth(/** @type {SiteBundle} */ bundle, /** @type {string} */ yearMonth) {
  return bundle.posts.filter((p) => p.date.slice(0, 7) === yearMonth);
}

/**
 * Two tags that some posts share (the pair sharing the most), by name.
 * @param {SiteBundle} bundle
 * @returns {[string, string]}
 */
export function sharedTagPair(bundle) {
  /** @type {Map<string, number>} */
  const pairs = new Map();
  for (const post of bundle.posts) {
    const tags = post.tags ?? [];
    for (const a of tags) for (const b of tags) if (a < b) pairs.set(`${a}\n${b}`, (pairs.get(`${a}\n${b}`) ?? 0) + 1);
  }
  const best = [...pairs].sort((x, y) => y[1] - x[1])[0];
  if (!best) throw new Error('no two posts share two tags in the sample content');
  return /** @type {[string, string]} */ (best[0].split('\n'));
}

/**
 * A tag's URL segment, as the core writes it (src/core/bundle.cpp
 * tag_slug) for the simple ASCII tags of the sample content.
 * @param {string} name
 */
export function simpleTagSlug(name) {
  if (!/^[A-Za-z0-9 _-]+$/.test(name)) throw new Error(`tag ${name}: only simple tags are supported here`);
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * One path of each view type of a built site, by name (for axe and the
 * screenshots): home, post, tags, tag, combined tags, archive, month,
 * search, 404.
 * @param {SiteBundle} bundle
 * @returns {Record<string, string>}
 */
export function viewPaths(bundle) {
  const base = bundle.site.base_path;
  const [a, b] = sharedTagPair(bundle);
  const footnoted = bundle.posts.find((p) => /^\[\^[^\]\s]+\]:/m.test(p.body ?? '')) ?? bundle.posts[0];
  const month = bundle.posts[0].date.slice(0, 7).replace('-', '/');
  return {
    home: base,
    post: `${base}posts/${encodeURIComponent(footnoted.slug)}/`,
    tags: `${base}tags/`,
    tag: `${base}tags/${simpleTagSlug(a)}/`,
    'combined-tags': `${base}tags/${simpleTagSlug(a)}+${simpleTagSlug(b)}/`,
    archive: `${base}archive/`,
    month: `${base}archive/${month}/`,
    search: `${base}search/?q=markdown`,
    'not-found': `${base}no/such/page/`,
  };
}
