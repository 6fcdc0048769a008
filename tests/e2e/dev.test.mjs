// The author's preview (`npm start` = scripts/dev.mjs): rebuild on save,
// live reload, and a build error shown as an overlay while the last good
// build stays served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startDevServer } from '../../scripts/dev.mjs';
import { contentDir, launchBrowser, openPage, readBundle, repoRoot } from './helpers.mjs';

/** @type {string} */
let parent;
/** @type {string} */
let content;
/** @type {string} */
let dist;
/** @type {import('node:child_process').ChildProcess} */
let dev;
let output = '';
/** @type {string} the served site's root URL */
let home;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'quire-dev-'));
  content = path.join(parent, 'content');
  dist = path.join(parent, 'dist');
  await cp(path.join(repoRoot, 'content'), content, { recursive: true });
  dev = spawn(process.execPath, [path.join(repoRoot, 'scripts/dev.mjs'), content, '-o', dist], {
    env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.on('data', (chunk) => { output += chunk; });
  dev.stderr?.on('data', (chunk) => { output += chunk; });
  home = await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Quire is serving \S+ at (http:\/\/localhost:\d+\/\S*)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    }, 50);
    dev.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`dev server exited (${code}):\n${output}`));
    });
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  if (parent) await rm(parent, { recursive: true, force: true });
});

/** @param {string} file @param {(text: string) => string} edit */
async function editFile(file, edit) {
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

test('editing a post reloads the page; a broken post shows an overlay; fixing it clears it', async () => {
  const bundle = await readBundle(dist);
  const post = bundle.posts[0];
  const files = await readdir(path.join(content, 'posts'));
  /** @type {string|undefined} */
  let file;
  for (const name of files) {
    const text = await readFile(path.join(content, 'posts', name), 'utf8');
    if (text.includes(`title: "${post.title}"`) || text.includes(`title: ${post.title}\n`)) file = path.join(content, 'posts', name);
  }
  assert.ok(file, `the source of "${post.title}"`);
  const source = /** @type {string} */ (file);

  const { page, pageErrors, close } = await openPage(browser);
  try {
    const url = new URL(`posts/${post.slug}/`, home).href;
    assert.equal((await page.goto(url))?.status(), 200);
    assert.equal((await page.locator('main h1').textContent())?.trim(), post.title);
    // The live-reload client is connected before we change anything.
    await page.waitForFunction(() => /** @type {any} */ (window).__quireDev === 'connected');

    // 1. A new title: the page reloads by itself and shows it.
    const retitled = `${post.title} (edited)`;
    let reloaded = page.waitForEvent('load', { timeout: 30000 });
    await editFile(source, (t) => t.replace(/^title: .*$/m, `title: "${retitled}"`));
    await reloaded;
    await page.waitForFunction((want) => document.querySelector('main h1')?.textContent?.trim() === want, retitled);

    // 2. A broken date: an overlay names file and line; the last good page stays.
    await page.waitForFunction(() => /** @type {any} */ (window).__quireDev === 'connected');
    await editFile(source, (t) => t.replace(/^date: .*$/m, 'date: someday'));
    const overlay = page.locator('#quire-dev-overlay [role="alert"]');
    await overlay.waitFor({ timeout: 30000 });
    const message = await overlay.textContent();
    const dateLine = (await readFile(source, 'utf8')).split('\n').findIndex((l) => l.startsWith('date:')) + 1;
    assert.ok(message?.includes(`${source}:${dateLine}: date: expected`), message ?? '');
    assert.equal((await page.locator('main h1').textContent())?.trim(), retitled, 'the last good build is still shown');
    const stillServed = await fetch(url);
    assert.equal(stillServed.status, 200, 'the server keeps serving');
    assert.match(await stillServed.text(), new RegExp(retitled.replace(/[()]/g, '\\$&')));
    assert.ok(output.includes(`${source}:${dateLine}: date: expected`), 'the error is in the terminal too');
    // A reload while broken shows the overlay again.
    await page.reload();
    await overlay.waitFor({ timeout: 30000 });

    // 3. Fixed: the page reloads without the overlay.
    reloaded = page.waitForEvent('load', { timeout: 30000 });
    await editFile(source, (t) => t.replace(/^date: .*$/m, `date: ${post.date}`));
    await reloaded;
    await page.locator('main h1').waitFor();
    assert.equal(await page.locator('#quire-dev-overlay').count(), 0);
    assert.equal((await page.locator('main h1').textContent())?.trim(), retitled);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('the live-reload client is added to served pages only, never written into dist', async () => {
  const served = await (await fetch(home)).text();
  assert.match(served, /<script src="\/__quire\/client\.js"><\/script>\n<\/body>/);
  const onDisk = await readFile(path.join(dist, 'index.html'), 'utf8');
  assert.doesNotMatch(onDisk, /__quire/);
  for (const name of await readdir(dist, { recursive: true })) {
    if (/\.(html|js|json|xml)$/.test(name)) {
      assert.doesNotMatch(await readFile(path.join(dist, name), 'utf8'), /__quire\/client/, name);
    }
  }
  const client = await fetch(new URL('/__quire/client.js', home));
  assert.equal(client.status, 200);
  assert.match(client.headers.get('content-type') ?? '', /javascript/);
});

test('unknown paths get the 404 page with status 404, and files are served as they are', async () => {
  const missing = await fetch(new URL('no/such/page/', home));
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Page not found/);
  const css = await fetch(new URL('style.css', home));
  assert.equal(css.status, 200);
  assert.doesNotMatch(await css.text(), /__quire/);
});

test('changing base_path while previewing serves the site under the new base and moves the open page there', async () => {
  const { posts: [post] } = await readBundle(dist);
  const origin = new URL(home).origin;
  const siteYaml = path.join(content, 'site.yaml');
  const { page, pageErrors, close } = await openPage(browser);
  /** @type {string[]} */
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  try {
    await page.goto(new URL(`posts/${post.slug}/`, home).href);
    await page.waitForFunction(() => /** @type {any} */ (window).__quireDev === 'connected');

    await editFile(siteYaml, (t) => t.replace(/^base_path: .*$/m, 'base_path: /blog/'));
    await page.waitForURL(`${origin}/blog/posts/${post.slug}/`, { timeout: 30000 });
    assert.equal((await page.locator('main h1').textContent())?.trim(), post.title);
    assert.deepEqual(failed, [], 'every file of the page is served under the new base');
    assert.equal((await fetch(`${origin}/blog/style.css`)).status, 200);
    assert.equal((await fetch(`${origin}/style.css`)).status, 404, 'the old base is gone');
    assert.match(await (await fetch(`${origin}/blog/`)).text(), /__quire\/client\.js/);
    assert.ok(output.includes(`base_path is now /blog/: serving at ${origin}/blog/`), output);

    await page.waitForFunction(() => /** @type {any} */ (window).__quireDev === 'connected');
    await editFile(siteYaml, (t) => t.replace(/^base_path: .*$/m, 'base_path: /'));
    await page.waitForURL(`${origin}/posts/${post.slug}/`, { timeout: 30000 });
    assert.equal((await page.locator('main h1').textContent())?.trim(), post.title);
    assert.deepEqual(failed, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

/** The one post of blogWithPostA's blog. */
const postA = 'posts/2022-01-01-a.md';

/**
 * A content folder (contentDir) with base_path /blog/ and one post, `text`
 * (titled 'A', slug a, when its front matter is good).
 * @param {string} text
 */
const blogWithPostA = (text) => contentDir({ 'site.yaml': 'title: "Dev"\nbase_path: /blog/\n', [postA]: text });

/**
 * The dev server at `url` serves blogWithPostA's blog under /blog/: its
 * assets, and the post 'A' (slug a) at /blog/posts/a/.
 * @param {string} url
 */
async function assertServesPostAUnderBlog(url) {
  const origin = new URL(url).origin;
  assert.equal(url, `${origin}/blog/`);
  assert.equal((await fetch(`${origin}/blog/style.css`)).status, 200);
  const postPage = await fetch(`${origin}/blog/posts/a/`);
  assert.equal(postPage.status, 200);
  assert.match(await postPage.text(), /<h1[^>]*>A<\/h1>/);
}

test('while the first build fails, the last good build in the output folder is served under its base_path', async () => {
  const good = '---\ntitle: "A"\ndate: 2022-01-01\n---\nText.\n';
  const c = await blogWithPostA(good);
  const options = { contentDir: c.dir, outDir: c.out, port: 0 };
  await (await startDevServer({ ...options, log: () => {} })).close();  // a good build in dist/
  await writeFile(path.join(c.dir, postA), good.replace('2022-01-01', 'someday'));
  /** @type {string[]} */
  const lines = [];
  const server = await startDevServer({ ...options, log: (line) => lines.push(line) });
  try {
    assert.ok(lines.some((l) => l.includes('date: expected')), lines.join('\n'));
    await assertServesPostAUnderBlog(server.url);
  } finally {
    await server.close();
    await c.remove();
  }
});

test('a first build that fails still serves under site.yaml\'s base_path once fixed', async () => {
  const broken = '---\ntitle: "A"\ndate: someday\n---\nText.\n';
  const c = await blogWithPostA(broken);
  /** @type {string[]} */
  const lines = [];
  const server = await startDevServer({ contentDir: c.dir, outDir: c.out, port: 0, log: (line) => lines.push(line) });
  try {
    assert.ok(lines.some((l) => l.includes('date: expected')), lines.join('\n'));
    await writeFile(path.join(c.dir, postA), broken.replace('someday', '2022-01-01'));
    await server.rebuild();
    await assertServesPostAUnderBlog(server.url);
  } finally {
    await server.close();
    await c.remove();
  }
});
