// End to end: <quire-blog> on someone else's page, in headless Chromium.
// Run: node --test tests/e2e/widget.test.mjs   (after scripts/build.sh)
//
// Two origins on localhost: the built site served as a "CDN" (CORS headers,
// like a real one must send) and a host server for the embedding pages
// (which may send a Content-Security-Policy header). Expectations come from
// the built bundle.json, not from fixed strings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { buildSite, launchBrowser, openPage, postsTagged, repoRoot, screenshotDir } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof buildSite>>} */
let site;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Array<{close: () => Promise<void>}>} */
const servers = [];
let hostDir = '';
/** The CDN serving the built site with CORS; its origin. */
let cdn = '';
let cdnOrigin = '';
/** The same site, but .wasm served as application/octet-stream. */
let wrongMime = '';
/** The host server for the embedding pages. */
let host = '';
let hostOrigin = '';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const CORS = { 'Access-Control-Allow-Origin': '*' };
const HOSTILE_CSS = '* { all: unset !important; font: 40px serif !important } div { display: none !important }\n';

/** The strict policy of the issue, for a bundle on `bundleOrigin`. */
const strictCsp = (/** @type {string} */ bundleOrigin, scriptOrigin = '') =>
  `default-src 'self'; script-src 'self'${scriptOrigin ? ` ${scriptOrigin}` : ''} 'wasm-unsafe-eval'; ` +
  `style-src 'self'; connect-src ${bundleOrigin}`;

before(async () => {
  site = await buildSite();
  // Bad bundles for the error states, beside the good one.
  await writeFile(path.join(site.dir, 'not-json.json'), 'this is not JSON {');
  await writeFile(path.join(site.dir, 'malformed.json'),
    JSON.stringify({ format: 'quire-bundle', version: 1, site: {}, posts: [{ slug: 7 }] }));

  const cdnServer = await startServer({ root: site.dir, quiet: true, headers: CORS });
  servers.push(cdnServer);
  cdn = cdnServer.url;
  cdnOrigin = new URL(cdn).origin;
  const mimeServer = await startServer({
    root: site.dir,
    quiet: true,
    headers: (p) => (p.endsWith('.wasm') ? { ...CORS, 'Content-Type': 'application/octet-stream' } : CORS),
  });
  servers.push(mimeServer);
  wrongMime = mimeServer.url;

  // The host: its own pages, plus a copy of the site under /blog/ for the
  // same-origin (self-hosted) case. Pages under /csp/ get the policy.
  hostDir = await mkdtemp(path.join(tmpdir(), 'quire-e2e-host-'));
  await cp(site.dir, path.join(hostDir, 'blog'), { recursive: true });
  await mkdir(path.join(hostDir, 'csp'), { recursive: true });
  await writeFile(path.join(hostDir, 'hostile.css'), HOSTILE_CSS);
  await writeFile(path.join(hostDir, 'favicon.ico'), '');
  /** @type {Map<string, string>} */
  const policies = new Map();
  const hostServer = await startServer({
    root: hostDir,
    quiet: true,
    headers: (p) => {
      const policy = policies.get(p);
      return policy ? { 'Content-Security-Policy': policy } : undefined;
    },
  });
  servers.push(hostServer);
  host = hostServer.url;
  hostOrigin = new URL(host).origin;
  policies.set('/csp/self.html', strictCsp(hostOrigin));
  policies.set('/csp/cdn.html', strictCsp(cdnOrigin, cdnOrigin));
  policies.set('/csp/wrong-mime.html', strictCsp(new URL(wrongMime).origin, new URL(wrongMime).origin));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
  await site?.remove();
});

/**
 * Writes a host page; `body` holds the widgets. No inline script or style:
 * the CSP pages must not need them.
 * @param {string} name  e.g. 'three.html' or 'csp/self.html'
 * @param {{body: string, scripts?: string[], styles?: string[]}} page
 * @returns {string} its URL
 */
async function hostPage(name, { body, scripts = [`${cdn}quire-widget.js`], styles = [] }) {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title>
${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
</head><body>
<h1 id="host-title">The host's own page</h1>
${body}
<p id="host-footer">Host footer</p>
</body></html>\n`;
  await writeFile(path.join(hostDir, name), html);
  return new URL(name, host).href;
}

/**
 * Opens a page that records the widgets' events and CSP violations from
 * the very start (before any of the page's scripts run).
 * @param {string} url
 * @param {import('playwright-core').BrowserContextOptions} [options]  e.g. colorScheme
 */
async function openHost(url, options = {}) {
  const watched = await openPage(browser, options);
  /** @type {string[]} */
  const requests = [];
  watched.page.on('request', (request) => requests.push(request.url()));
  await watched.page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__events = [];
    w.__violations = [];
    w.__instantiations = 0;
    for (const type of ['quire-ready', 'quire-rendered', 'quire-error']) {
      document.addEventListener(type, (event) => {
        const target = /** @type {HTMLElement} */ (event.target);
        w.__events.push({ type, id: target.id, detail: /** @type {CustomEvent} */ (event).detail });
      });
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    }, true);
    // Count module instantiations however they happen.
    const wasm = /** @type {any} */ (WebAssembly);
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const real = wasm[name];
      wasm[name] = function (/** @type {any[]} */ ...args) {
        w.__instantiations += 1;
        return real.apply(this, args);
      };
    }
  });
  const response = await watched.page.goto(url);
  return { ...watched, requests, response };
}

/**
 * Waits until every <quire-blog> has rendered or failed.
 * @param {import('playwright-core').Page} page
 */
async function settled(page) {
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('quire-blog')];
    return all.length > 0 && all.every((el) => {
      const state = /** @type {HTMLElement|null} */ ((el.shadowRoot ?? el).querySelector('.root'))?.dataset.state;
      return state === 'ready' || state === 'error';
    });
  });
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Array<{type: string, id: string, detail: any}>>}
 */
const events = (page) => page.evaluate(() => /** @type {any} */ (window).__events);

/** Titles of the post links inside a widget, in order. */
const linkTitles = (/** @type {import('playwright-core').Page} */ page, /** @type {string} */ id) =>
  page.locator(`#${id} [part~="link"]`).allTextContents();

/** Console errors other than the browser's own log of a failed HTTP request. */
const unexpected = (/** @type {string[]} */ errors) => errors.filter((e) => !e.startsWith('Failed to load resource'));

const footnotePost = () => {
  const post = site.bundle.posts.find((p) => /^\[\^[^\]\s]+\]:/m.test(p.body ?? '') && !/!\[/.test(p.body ?? ''));
  assert.ok(post, 'the sample content has a post with footnotes and no images');
  return post;
};

const someTag = () => {
  const counts = new Map();
  for (const p of site.bundle.posts) for (const t of p.tags ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  const [tag] = [...counts].find(([, n]) => n >= 2) ?? [];
  assert.ok(tag, 'the sample content has a tag with two posts');
  return /** @type {string} */ (tag);
};

test('three widgets on one page share one core instance and one bundle download', async () => {
  const tag = someTag();
  const post = footnotePost();
  const url = await hostPage('three.html', {
    body: `<quire-blog id="latest" src="${cdn}bundle.json" limit="5"></quire-blog>
<quire-blog id="tagged" src="${cdn}bundle.json" view="tag" tag="${tag}"></quire-blog>
<quire-blog id="post" src="${cdn}bundle.json" view="post" slug="${post.slug}" navigate="inline"></quire-blog>`,
  });
  const { page, requests, pageErrors, consoleErrors, close } = await openHost(url);
  try {
    await settled(page);
    const count = (/** @type {string} */ suffix) => requests.filter((r) => new URL(r).pathname.endsWith(suffix)).length;
    assert.equal(count('/bundle.json'), 1, 'one bundle fetch');
    assert.equal(count('/quire-core.wasm'), 1, 'one .wasm fetch');
    assert.equal(count('/quire-core.js'), 1, 'one glue import');
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__instantiations), 1, 'one instantiation');

    assert.deepEqual(await linkTitles(page, 'latest'), site.bundle.posts.slice(0, 5).map((p) => p.title));
    const tagged = postsTagged(site.bundle, tag).slice(0, site.bundle.site.posts_per_page);
    assert.deepEqual(await linkTitles(page, 'tagged'), tagged.map((p) => p.title));
    assert.equal((await page.locator('#post [part~="post-title"]').textContent())?.trim(), post.title);
    // Links point at the blog (the bundle's site.url), not at the host.
    const href = await page.locator('#latest [part~="link"]').first().getAttribute('href');
    assert.equal(href, `${site.bundle.site.url ?? ''}${site.bundle.site.base_path}posts/${site.bundle.posts[0].slug}/`);

    const seen = await events(page);
    for (const id of ['latest', 'tagged', 'post']) {
      assert.equal(seen.filter((e) => e.type === 'quire-ready' && e.id === id).length, 1, `${id}: quire-ready`);
      assert.equal(seen.filter((e) => e.type === 'quire-rendered' && e.id === id).length, 1, `${id}: quire-rendered`);
    }
    assert.equal(seen.find((e) => e.type === 'quire-ready')?.detail.posts, site.bundle.posts.length);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a hostile host stylesheet does not change the layout inside the widgets', async () => {
  const post = footnotePost();
  // Widgets straight in <body> (the hostile sheet hides every div) with no
  // margin in either version, so both get the same width.
  const body = `<quire-blog id="latest" src="${cdn}bundle.json" limit="5"></quire-blog>
<quire-blog id="post" src="${cdn}bundle.json" view="post" slug="${post.slug}"></quire-blog>
<quire-blog id="archive" src="${cdn}bundle.json" view="archive" theme="dark"></quire-blog>`;
  await writeFile(path.join(hostDir, 'plain.css'), 'body { margin: 0 }\n');
  const plain = await hostPage('plain.html', { body, styles: ['plain.css'] });
  const hostile = await hostPage('hostile.html', { body, styles: ['plain.css', 'hostile.css'] });

  /** Every element's box inside each widget, relative to the widget's root. */
  const layout = async (/** @type {string} */ url, /** @type {string} */ shot) => {
    const { page, pageErrors, close } = await openHost(url);
    try {
      await settled(page);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('quire-blog')].map((el) => {
        const root = /** @type {Element} */ (el.shadowRoot?.querySelector('.root'));
        const origin = root.getBoundingClientRect();
        return [root, ...root.querySelectorAll('*')].map((node) => {
          const r = node.getBoundingClientRect();
          return [node.tagName, r.x - origin.x, r.y - origin.y, r.width, r.height].map((v) =>
            (typeof v === 'number' ? Math.round(v * 2) / 2 : v)).join(' ');
        });
      }));
      const hostFont = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.getElementById('host-title'))).fontSize);
      await mkdir(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, shot), fullPage: true });
      assert.deepEqual(pageErrors, []);
      return { boxes, hostFont };
    } finally {
      await close();
    }
  };
  const calm = await layout(plain, 'widget-plain.png');
  const attacked = await layout(hostile, 'widget-hostile.png');
  assert.equal(attacked.hostFont, '40px', 'the hostile sheet does apply to the host page');
  assert.notEqual(calm.hostFont, '40px');
  assert.equal(calm.boxes.length, 3);
  assert.ok(calm.boxes.every((b) => b.length > 10), 'every widget rendered');
  assert.deepEqual(attacked.boxes, calm.boxes);
});

test('under a strict Content-Security-Policy the widgets render with zero violations', async (t) => {
  const post = footnotePost();
  const widgets = (/** @type {string} */ base) =>
    `<quire-blog id="latest" src="${base}bundle.json" limit="5"></quire-blog>
<quire-blog id="post" src="${base}bundle.json" view="post" slug="${post.slug}" theme="dark"></quire-blog>`;
  const cases = [
    // Widget, core and bundle on the host's own origin (self-hosted).
    { name: 'self-hosted', page: 'csp/self.html', base: new URL('blog/', host).href },
    // Everything from the CDN's origin, which the policy names.
    { name: 'from a CDN', page: 'csp/cdn.html', base: cdn },
    // The CDN serves .wasm as application/octet-stream: no streaming
    // compilation, the ArrayBuffer path instead.
    { name: 'wrong .wasm MIME type', page: 'csp/wrong-mime.html', base: wrongMime },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const url = await hostPage(c.page, { body: widgets(c.base), scripts: [`${c.base}quire-widget.js`] });
      const { page, response, pageErrors, consoleErrors, close } = await openHost(url);
      try {
        assert.match(response?.headers()['content-security-policy'] ?? '', /style-src 'self'/);
        await settled(page);
        assert.deepEqual(await linkTitles(page, 'latest'), site.bundle.posts.slice(0, 5).map((p) => p.title));
        assert.equal((await page.locator('#post [part~="post-title"]').textContent())?.trim(), post.title);
        // A computed style proves the adopted stylesheet applied.
        const radius = await page.evaluate(() => getComputedStyle(
          /** @type {Element} */ (document.querySelector('#latest')?.shadowRoot?.querySelector('.root'))).borderTopLeftRadius);
        assert.equal(radius, '8px');
        assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__violations), []);
        assert.deepEqual(pageErrors, []);
        assert.deepEqual(consoleErrors, []);
      } finally {
        await close();
      }
    });
  }
});

test('a bad src shows the error state and fires quire-error; the host page stays intact', async () => {
  const closedPort = await (async () => {
    const s = await startServer({ root: hostDir, quiet: true });
    await s.close();
    return s.port;
  })();
  const bad = {
    missing: `${cdn}no-such-bundle.json`,
    notjson: `${cdn}not-json.json`,
    malformed: `${cdn}malformed.json`,
    offline: `http://127.0.0.1:${closedPort}/bundle.json`,
    empty: '',
  };
  const body = Object.entries(bad).map(([id, src]) => `<quire-blog id="${id}" src="${src}"></quire-blog>`).join('\n') +
    `\n<quire-blog id="badview" src="${cdn}bundle.json" view="nonsense"></quire-blog>` +
    `\n<quire-blog id="badslug" src="${cdn}bundle.json" view="post" slug="no-such-post"></quire-blog>` +
    `\n<quire-blog id="good" src="${cdn}bundle.json" limit="2"></quire-blog>`;
  const url = await hostPage('bad.html', { body });
  const { page, pageErrors, consoleErrors, close } = await openHost(url);
  try {
    await settled(page);
    const seen = await events(page);
    const expected = {
      missing: /HTTP 404/,
      notjson: /JSON|parse/i,
      malformed: /posts\[0\]/,
      offline: /network error/,
      empty: /src: required/,
      badview: /view: expected latest, post, tag, category, archive or month, got "nonsense"/,
      badslug: /slug: no post "no-such-post"/,
    };
    for (const [id, message] of Object.entries(expected)) {
      const error = seen.filter((e) => e.type === 'quire-error' && e.id === id);
      assert.equal(error.length, 1, `${id}: one quire-error`);
      assert.match(error[0].detail.message, message, id);
      // The reader sees the embedder's fallback (none here: a short default), not the detail.
      const shown = page.locator(`#${id} [part~="error"]`);
      assert.doesNotMatch((await shown.textContent()) ?? '', message, `${id}: no detail on screen`);
    }
    assert.equal(seen.filter((e) => e.type === 'quire-error' && e.id === 'good').length, 0);
    assert.equal((await linkTitles(page, 'good')).length, 2, 'a good widget beside bad ones still renders');
    assert.equal(await page.locator('#host-title').textContent(), "The host's own page");
    assert.equal(await page.locator('#host-footer').isVisible(), true);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(unexpected(consoleErrors), []);
  } finally {
    await close();
  }
});

test('a footnote reference inside a post widget previews the note; its "Go to note" scrolls within the widget, not the page', async () => {
  const post = footnotePost();
  await writeFile(path.join(hostDir, 'short.css'), 'body { margin: 0 } #post { --quire-max-height: 300px }\n');
  const url = await hostPage('footnote.html', {
    body: `<quire-blog id="post" src="${cdn}bundle.json" view="post" slug="${post.slug}"></quire-blog>`,
    styles: ['short.css'],
  });
  const { page, pageErrors, close } = await openHost(url);
  try {
    await settled(page);
    const state = () => page.evaluate(() => {
      const el = /** @type {HTMLElement} */ (document.getElementById('post'));
      const active = el.shadowRoot?.activeElement;
      const root = /** @type {HTMLElement} */ (el.shadowRoot?.querySelector('.root'));
      return { scrollTop: root.scrollTop, pageY: window.scrollY, hash: location.hash, focused: active?.id ?? '' };
    });
    assert.equal((await state()).scrollTop, 0);
    const prefix = await page.evaluate(() => /** @type {any} */ (document.getElementById('post')).idPrefix);
    await page.locator('#post .footnote-ref a').first().click();
    // The note's text in a box beside the reference (web/footnote-preview.js), focus in it.
    const preview = await page.evaluate(() => {
      const el = /** @type {HTMLElement} */ (document.getElementById('post'));
      const shown = el.shadowRoot?.querySelector('.footnote-preview');
      const note = /** @type {HTMLElement} */ (el.shadowRoot?.querySelector('.footnotes li')?.cloneNode(true));
      for (const back of note.querySelectorAll('.footnote-backref')) back.remove();
      return {
        text: shown?.querySelector('.footnote-preview-text')?.textContent?.trim(),
        note: note.textContent?.trim(),
        focused: Boolean(shown?.contains(el.shadowRoot?.activeElement ?? null)),
      };
    });
    assert.equal(preview.text, preview.note, 'the box holds the note');
    assert.ok(preview.focused, 'focus is in the box');
    const previewed = await state();  // the widget may scroll a little, to show the box
    assert.equal(previewed.hash, '');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#post .footnote-preview').count(), 0, 'Escape closes it');
    await page.locator('#post .footnote-ref a').first().click();
    await page.locator('#post .footnote-preview a', { hasText: 'Go to note' }).click();
    const after = await state();
    assert.ok(after.scrollTop > previewed.scrollTop, 'the widget scrolled to the note');
    assert.equal(after.pageY, 0, 'the page did not');
    assert.equal(after.hash, '', 'the host URL is untouched');
    assert.equal(after.focused, `${prefix}fn-1`);
    const visible = await page.evaluate(() => {
      const el = /** @type {HTMLElement} */ (document.getElementById('post'));
      const note = /** @type {Element} */ (el.shadowRoot?.querySelector('.footnotes li'));
      const box = el.getBoundingClientRect();
      const r = note.getBoundingClientRect();
      return r.top >= box.top - 1 && r.top < box.bottom;
    });
    assert.ok(visible, 'the footnote is in view inside the widget');
    // And back up to the reference.
    await page.locator('#post .footnote-backref').first().click();
    assert.ok((await state()).scrollTop < after.scrollTop, 'the back-link scrolls back');
    // Heading permalinks show only while their heading is hovered, as on the blog.
    const anchor = page.locator('#post .post-body .heading-anchor').first();
    const opacity = () => anchor.evaluate((a) => getComputedStyle(a).opacity);
    assert.equal(await opacity(), '0');
    await page.locator('#post .post-body :is(h2, h3):has(.heading-anchor)').first().hover();
    assert.equal(await opacity(), '1');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('two widgets of the same post share no id with each other or the host page', async () => {
  const post = footnotePost();
  const body = ['a', 'b'].map((id) =>
    `<quire-blog id="${id}" src="${cdn}bundle.json" view="post" slug="${post.slug}"></quire-blog>`).join('\n') +
    ['c', 'd'].map((id) =>
      `<quire-blog id="${id}" no-shadow src="${cdn}bundle.json" view="post" slug="${post.slug}"></quire-blog>`).join('\n') +
    '<h2 id="fn-1">The host has its own fn-1</h2><h2 id="footnote-label">and footnote-label</h2>';
  const url = await hostPage('same-post.html', { body });
  const { page, pageErrors, close } = await openHost(url);
  try {
    await settled(page);
    const ids = await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('quire-blog')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
      return roots.flatMap((root) => [...root.querySelectorAll('[id]')].map((el) => el.id));
    });
    assert.ok(ids.filter((id) => id.endsWith('fn-1')).length >= 5, 'every widget has its footnote');
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(dupes, []);
    // Light-DOM widgets: their footnote links reach their own notes.
    const c = await page.evaluate(() => {
      const el = /** @type {any} */ (document.getElementById('c'));
      const ref = /** @type {HTMLAnchorElement} */ (el.querySelector('.footnote-ref a'));
      return { shadow: el.shadowRoot !== null, target: ref.getAttribute('href'), prefix: el.idPrefix };
    });
    assert.equal(c.shadow, false);
    assert.equal(c.target, `#${c.prefix}fn-1`);
    // No styles in the light DOM: the host page's apply.
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('attribute changes re-render once per batch; inline navigation opens and closes posts', async () => {
  const tag = someTag();
  const url = await hostPage('attributes.html', {
    body: `<quire-blog id="w" src="${cdn}bundle.json" limit="5" navigate="inline"></quire-blog>`,
  });
  const { page, pageErrors, consoleErrors, close } = await openHost(url);
  try {
    await settled(page);
    assert.equal((await linkTitles(page, 'w')).length, 5);
    const renders = async () => (await events(page)).filter((e) => e.type === 'quire-rendered').length;
    const before = await renders();
    await page.evaluate((t) => {
      const el = /** @type {HTMLElement} */ (document.getElementById('w'));
      el.setAttribute('view', 'tag');
      el.setAttribute('tag', t);
      /** @type {any} */ (el).limit = 1;
    }, tag);
    await page.waitForFunction((n) => /** @type {any} */ (window).__events.filter(
      (/** @type {any} */ e) => e.type === 'quire-rendered').length > n, before);
    assert.equal(await renders(), before + 1, 'three attribute changes, one render');
    assert.deepEqual(await linkTitles(page, 'w'), postsTagged(site.bundle, tag).slice(0, 1).map((p) => p.title));

    // navigate="inline": the post opens inside, the host URL stays.
    const hostUrl = page.url();
    const first = postsTagged(site.bundle, tag)[0];
    await page.locator('#w [part~="link"]').first().click();
    await page.locator('#w [part~="post-title"]').waitFor();
    assert.equal((await page.locator('#w [part~="post-title"]').textContent())?.trim(), first.title);
    assert.equal(page.url(), hostUrl);
    const focused = () => page.evaluate(() => document.getElementById('w')?.shadowRoot?.activeElement?.textContent?.trim());
    assert.equal(await focused(), first.title, 'focus moves to the opened post');
    await page.locator('#w [part~="back"]').click();
    await page.locator('#w [part~="list"]').waitFor();
    assert.equal(await focused(), first.title, 'focus returns to the link');

    // Unknown attribute values are errors; a fix recovers.
    await page.evaluate(() => document.getElementById('w')?.setAttribute('month', 'June'));
    await page.evaluate(() => document.getElementById('w')?.setAttribute('view', 'month'));
    await page.locator('#w [part~="error"]').waitFor();
    await page.evaluate(() => document.getElementById('w')?.setAttribute('month', '2026-03'));
    await page.locator('#w [part~="heading"]').waitFor();
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('the module loaded twice defines the element once; removing an element leaves no listeners', async () => {
  const url = await hostPage('twice.html', {
    body: `<quire-blog id="w" src="${cdn}bundle.json" limit="2"></quire-blog>`,
    scripts: [`${cdn}quire-widget.js`, `${cdn}quire-widget.js?again`],
  });
  /** Event types listened for on an object (a JS expression), through the DevTools protocol. */
  const listenersOf = async (/** @type {import('playwright-core').Page} */ page, /** @type {string} */ expression) => {
    const session = await page.context().newCDPSession(page);
    const { result } = await session.send('Runtime.evaluate', { expression });
    const { listeners } = await session.send('DOMDebugger.getEventListeners',
      { objectId: /** @type {string} */ (result.objectId) });
    await session.detach();
    return listeners.map((l) => l.type).sort();
  };
  // What window and document carry without the widget (the test's and
  // Playwright's own listeners).
  const blank = await openHost(await hostPage('blank.html', { body: '', scripts: [] }));
  await blank.page.locator('#host-title').allTextContents();  // as the test does below
  const baseline = {
    window: await listenersOf(blank.page, 'window'),
    document: await listenersOf(blank.page, 'document'),
  };
  await blank.close();

  const { page, requests, pageErrors, consoleErrors, close } = await openHost(url);
  try {
    await settled(page);
    assert.equal(requests.filter((r) => r.includes('quire-widget.js')).length, 2, 'both copies ran');
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__instantiations), 1);
    assert.equal((await linkTitles(page, 'w')).length, 2);
    // A second copy imported late finds the element defined and exports it.
    const same = await page.evaluate(async (src) => {
      const copy = await import(`${src}?third`);
      return copy.QuireBlogElement === customElements.get('quire-blog');
    }, `${cdn}quire-widget.js`);
    assert.equal(same, true);

    await page.evaluate(() => { /** @type {any} */ (window).__kept = document.getElementById('w'); });
    // The element's clicks, and the footnote previews' (footnote-preview.js).
    assert.deepEqual(await listenersOf(page, 'window.__kept.shadowRoot'), ['click', 'click', 'focusout', 'keydown']);
    assert.deepEqual(await listenersOf(page, 'document'), baseline.document, 'nothing added to document');
    assert.deepEqual(await listenersOf(page, 'window'), baseline.window, 'nothing added to window');
    await page.evaluate(() => document.getElementById('w')?.remove());
    assert.deepEqual(await listenersOf(page, 'window.__kept.shadowRoot'), [], 'removed with the element');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('the demo page in dist/ shows several widgets', async () => {
  const demo = await readFile(path.join(site.dir, 'embed-demo.html'), 'utf8');
  assert.match(demo, /<script type="module" src="quire-widget\.js"><\/script>/);
  const { page, pageErrors, consoleErrors, close } = await openHost(`${cdn}embed-demo.html`);
  try {
    await page.setViewportSize({ width: 1280, height: 1100 });
    await settled(page);
    const states = await page.evaluate(() => [...document.querySelectorAll('quire-blog')].map((el) =>
      /** @type {HTMLElement} */ (el.shadowRoot?.querySelector('.root')).dataset.state));
    assert.ok(states.length >= 5);
    assert.equal(states.filter((s) => s === 'error').length, 1, 'only the deliberately bad one fails');
    // theme="dark" changes the colours.
    const backgrounds = await page.evaluate(() => [...document.querySelectorAll('quire-blog')].map((el) =>
      getComputedStyle(/** @type {Element} */ (el.shadowRoot?.querySelector('.root'))).backgroundColor));
    assert.ok(new Set(backgrounds).size >= 3, 'default, dark and custom backgrounds differ');
    // Relative link-base="./" points links at this blog.
    const href = await page.locator('quire-blog [part~="link"]').first().getAttribute('href');
    assert.ok(href?.startsWith(cdn), href ?? '');
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'embed-demo.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(unexpected(consoleErrors), []);
  } finally {
    await close();
  }
});

test('the type declarations name every export of the modules and compile', async () => {
  const quireTypes = await readFile(path.join(repoRoot, 'web/quire.d.ts'), 'utf8');
  const quire = await import('../../web/quire.js');
  for (const name of Object.keys(quire)) {
    assert.match(quireTypes, new RegExp(`export (?:declare )?(?:class|function|const) ${name}\\b`), name);
  }
  const widgetTypes = await readFile(path.join(repoRoot, 'web/quire-widget.d.ts'), 'utf8');
  const widgetSource = await readFile(path.join(repoRoot, 'web/quire-widget.js'), 'utf8');
  for (const [, name] of widgetSource.matchAll(/^export const (\w+)/gm)) {
    assert.match(widgetTypes, new RegExp(`export class ${name}\\b`), name);
  }
  // Every reflected property and event is declared.
  for (const [, property] of widgetSource.matchAll(/\['(\w+)', '[\w-]+'\]/g)) {
    assert.match(widgetTypes, new RegExp(`\\n  ${property}: string \\| null;`), property);
  }
  for (const type of ['quire-ready', 'quire-rendered', 'quire-error']) {
    assert.ok(widgetSource.includes(`'${type}'`) && widgetTypes.includes(`'${type}'`), type);
  }  // And they compile, used as an embedder would (tests/types/usage.ts).
  const tsc = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--target', 'es2022',
    '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'es2022,dom', 'tests/types/usage.ts'],
  { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
});

test('a post widget\'s code is highlighted as on the blog, and its copy button copies the exact code', async () => {
  const post = site.bundle.posts.find((p) => /```python/.test(p.body ?? ''));
  assert.ok(post, 'the sample content has a post with Python code');
  const url = await hostPage('code.html', {
    body: `<quire-blog id="post" src="${cdn}bundle.json" view="post" slug="${post.slug}"></quire-blog>`,
  });
  const { page, pageErrors, close } = await openHost(url);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await settled(page);
    const pre = page.locator('#post pre[data-lang="python"]');
    assert.ok(await pre.locator('span.tok-k').count() > 0, 'tokens in the widget');
    const colour = await pre.locator('span.tok-k').first().evaluate((e) => getComputedStyle(e).color);
    const text = await pre.evaluate((e) => getComputedStyle(e).color);
    assert.notEqual(colour, text, 'keywords have a colour of their own');
    const button = page.locator('#post button.code-copy').nth(
      await page.locator('#post pre').evaluateAll((all) => all.findIndex((e) => e.getAttribute('data-lang') === 'python')));
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#post')?.shadowRoot?.querySelector('button.code-copy')
      ?.parentElement?.textContent?.includes('Copied'));
    const fence = /```python[^\n]*\n([\s\S]*?)```/.exec(post.body ?? '');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fence?.[1]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

// ---------------------------------------------------------------- embedders' colours, fallback, images

/**
 * axe's violations on the page, shadow roots included, one line each.
 * @param {import('playwright-core').Page} page
 * @param {string[]} [rules]  only these rules (default: every rule axe runs)
 * @param {string} [within]  only these elements (a selector; default the whole page)
 */
async function axeViolations(page, rules, within) {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ path: axePath });
  return page.evaluate(async ([only, selector]) => {
    const axe = /** @type {any} */ (window).axe;
    const options = only ? { runOnly: { type: 'rule', values: only } } : {};
    const context = selector ? document.querySelectorAll(selector) : document;
    const result = await axe.run(context, { ...options, resultTypes: ['violations'] });
    return result.violations.map((/** @type {any} */ v) => `${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map(
      (/** @type {any} */ n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n    ')}`);
  }, [rules, within]);
}

/**
 * The contrast ratio of each rendered widget's text on its background (WCAG
 * relative luminance of the computed colours), by the widget's id or index.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, number>>}
 */
function widgetContrast(page) {
  return page.evaluate(() => {
    const luminance = (/** @type {string} */ css) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    /** @type {Record<string, number>} */
    const out = {};
    [...document.querySelectorAll('quire-blog')].forEach((el, i) => {
      const root = /** @type {HTMLElement} */ (el.shadowRoot?.querySelector('.root'));
      if (root.dataset.state !== 'ready') return;
      const style = getComputedStyle(root);
      const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
      out[el.id || String(i)] = Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
    });
    return out;
  });
}

/** 'light' or 'dark': which palette a widget shows (its background's luminance). */
const widgetScheme = (/** @type {import('playwright-core').Page} */ page, /** @type {string} */ id) =>
  page.evaluate((wid) => {
    const root = /** @type {Element} */ (document.getElementById(wid)?.shadowRoot?.querySelector('.root'));
    const [r, g, b] = (getComputedStyle(root).backgroundColor.match(/\d+/g) ?? []).map(Number);
    return (r + g + b) / 3 > 128 ? 'light' : 'dark';
  }, id);

for (const scheme of /** @type {const} */ (['light', 'dark'])) {
  test(`the demo page passes axe with the system in ${scheme} mode, every widget's text readable`, async () => {
    const { page, pageErrors, close } = await openHost(`${cdn}embed-demo.html`, { colorScheme: scheme });
    try {
      await page.setViewportSize({ width: 1280, height: 1100 });
      await settled(page);
      await mkdir('/tmp/quire-widget-shots', { recursive: true });
      await page.screenshot({ path: `/tmp/quire-widget-shots/embed-demo-${scheme}.png`, fullPage: true });
      const ratios = await widgetContrast(page);
      assert.ok(Object.keys(ratios).length >= 5, 'the demo\'s widgets rendered');
      for (const [id, ratio] of Object.entries(ratios)) assert.ok(ratio >= 4.5, `${id}: text contrast ${ratio}:1`);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], violations.join('\n'));
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  });
}

test('the README\'s embed examples pass axe in both schemes', async () => {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embed'), readme.indexOf('\n## ', readme.indexOf('\n## Embed') + 1));
  const examples = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1])
    .filter((html) => html.includes('<quire-blog'));
  assert.ok(examples.length >= 2, 'the README shows the two lines and a themed example');
  const url = await hostPage('readme.html', {
    body: examples.join('\n').replaceAll('https://blog.example/', cdn),
    scripts: [],
  });
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const { page, pageErrors, close } = await openHost(url, { colorScheme: scheme });
    try {
      await settled(page);
      for (const [id, ratio] of Object.entries(await widgetContrast(page))) {
        assert.ok(ratio >= 4.5, `${scheme}, widget ${id}: text contrast ${ratio}:1`);
      }
      // The widgets, not the test's bare host page around them (no landmarks).
      const violations = await axeViolations(page, undefined, 'quire-blog');
      assert.deepEqual(violations, [], `${scheme}:\n${violations.join('\n')}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('theme="auto" follows the host\'s declared color-scheme, the system otherwise', async () => {
  await writeFile(path.join(hostDir, 'schemes.css'), `#only-light { color-scheme: light }
#only-dark { color-scheme: only dark }
#both { color-scheme: light dark }
html.light-page { color-scheme: light }
`);
  const widget = (/** @type {string} */ id, attrs = '') =>
    `<quire-blog id="${id}" src="${cdn}bundle.json" limit="1"${attrs}></quire-blog>`;
  const url = await hostPage('schemes.html', {
    styles: ['schemes.css'],
    body: `${widget('undeclared')}
<div id="only-light">${widget('in-light')}${widget('forced-dark', ' theme="dark"')}</div>
<div id="only-dark">${widget('in-dark')}${widget('forced-light', ' theme="light"')}</div>
<div id="both">${widget('in-both')}</div>`,
  });
  for (const os of /** @type {const} */ (['light', 'dark'])) {
    const { page, pageErrors, close } = await openHost(url, { colorScheme: os });
    try {
      await settled(page);
      const shown = async () => {
        /** @type {Record<string, string>} */
        const out = {};
        for (const id of ['undeclared', 'in-light', 'forced-dark', 'in-dark', 'forced-light', 'in-both']) {
          out[id] = await widgetScheme(page, id);
        }
        return out;
      };
      assert.deepEqual(await shown(), {
        undeclared: os, 'in-light': 'light', 'forced-dark': 'dark', 'in-dark': 'dark', 'forced-light': 'light',
        'in-both': os,
      }, `system ${os}`);
      // The host switches its own scheme later (a theme toggle): the widget follows.
      await page.evaluate(() => document.documentElement.classList.add('light-page'));
      await page.waitForFunction(() => {
        const root = /** @type {Element} */ (document.getElementById('undeclared')?.shadowRoot?.querySelector('.root'));
        const [r, g, b] = (getComputedStyle(root).backgroundColor.match(/\d+/g) ?? []).map(Number);
        return (r + g + b) / 3 > 128;
      }, null, { timeout: 2000 });
      // The system's preference changes: an undeclared host's widget follows it.
      await page.evaluate(() => document.documentElement.classList.remove('light-page'));
      const other = os === 'light' ? 'dark' : 'light';
      await page.emulateMedia({ colorScheme: other });
      await page.waitForFunction((want) => {
        const root = /** @type {Element} */ (document.getElementById('undeclared')?.shadowRoot?.querySelector('.root'));
        const [r, g, b] = (getComputedStyle(root).backgroundColor.match(/\d+/g) ?? []).map(Number);
        return ((r + g + b) / 3 > 128 ? 'light' : 'dark') === want;
      }, other, { timeout: 2000 });
      assert.equal(await widgetScheme(page, 'in-light'), 'light', 'a light-only host stays light');
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('on error the embedder\'s fallback content shows instead of the detail, which goes in quire-error', async () => {
  const missing = `${cdn}no-such-bundle.json`;
  const url = await hostPage('fallback.html', {
    body: `<quire-blog id="shadow" src="${missing}"><p id="fallback">Read <a href="${cdn}">the blog</a>.</p></quire-blog>
<quire-blog id="light" no-shadow src="${missing}"><p id="fallback-light">The blog, without the widget.</p></quire-blog>
<quire-blog id="bare" src="${missing}"></quire-blog>`,
  });
  const { page, pageErrors, close } = await openHost(url);
  try {
    await settled(page);
    assert.equal(await page.locator('#fallback').isVisible(), true, 'the fallback shows in a shadow-root widget');
    assert.equal(await page.locator('#fallback-light').isVisible(), true, 'and in a no-shadow one');
    const shownText = await page.evaluate(() => [...document.querySelectorAll('quire-blog')].map((el) =>
      /** @type {HTMLElement} */ ((el.shadowRoot ?? el).querySelector('.root')).textContent ?? ''));
    for (const text of shownText) {
      assert.doesNotMatch(text, /no-such-bundle|404|HTTP/, 'no URL or status on screen');
    }
    assert.ok(shownText[2].trim().length > 0, 'without fallback content a short sentence shows');
    const errors = (await events(page)).filter((e) => e.type === 'quire-error');
    assert.deepEqual(errors.map((e) => e.id).sort(), ['bare', 'light', 'shadow']);
    for (const e of errors) {
      assert.match(e.detail.message, /HTTP 404/);
      assert.ok(e.detail.message.includes(missing), e.detail.message);
    }
    // A working src again: the posts replace the fallback.
    await page.evaluate((src) => document.getElementById('shadow')?.setAttribute('src', src), `${cdn}bundle.json`);
    await page.locator('#shadow [part~="list"]').waitFor();
    assert.equal(await page.locator('#fallback').isVisible(), false);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a post\'s images load from where its bundle is (another origin, a sub-folder), not from site.url', async () => {
  const post = site.bundle.posts.find((p) => /!\[[^\]]*\]\(\/images\//.test(p.body ?? ''));
  assert.ok(post, 'the sample content has a post with a root-relative image');
  const sub = new URL('blog/', host).href;  // the host's own copy of the site, served under /blog/
  const url = await hostPage('images.html', {
    body: `<quire-blog id="cdn" src="${cdn}bundle.json" view="post" slug="${post.slug}"></quire-blog>
<quire-blog id="sub" src="${sub}bundle.json" view="post" slug="${post.slug}"></quire-blog>`,
  });
  const { page, pageErrors, close } = await openHost(url);
  try {
    await settled(page);
    for (const [id, base] of [['cdn', cdn], ['sub', sub]]) {
      const images = await page.evaluate(async (wid) => {
        const all = [...(document.getElementById(wid)?.shadowRoot?.querySelectorAll('.post-body img') ?? [])];
        return Promise.all(all.map(async (img) => {
          const image = /** @type {HTMLImageElement} */ (img);
          image.loading = 'eager';
          await image.decode().catch(() => {});
          return { src: image.src, width: image.naturalWidth, sized: image.hasAttribute('width') && image.hasAttribute('height') };
        }));
      }, id);
      assert.ok(images.length > 0, `${id}: the post shows images`);
      for (const image of images) {
        assert.ok(image.src.startsWith(`${base}images/`), `${id}: ${image.src} is under ${base}`);
        assert.ok(image.width > 0, `${id}: ${image.src} loaded`);
        assert.ok(image.sized, `${id}: ${image.src} has the width and height the build read (no shift as it loads)`);
      }
    }
    // Links still point at the blog's address (site.url), where readers go.
    const href = await page.locator('#cdn [part~="post-title"] a').getAttribute('href');
    assert.ok(href?.startsWith(site.bundle.site.url ?? 'none'), href ?? '');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('footnote references are not told apart by colour alone; a command in a table cell stays whole', async () => {
  const notes = footnotePost();
  const table = site.bundle.posts.find((p) => /^\|.*`[^`|]+ [^`|]+`/m.test(p.body ?? ''));
  assert.ok(table, 'the sample content has a table with a command of several words');
  await writeFile(path.join(hostDir, 'narrow.css'), '#table { width: 340px }\n');
  const url = await hostPage('notes.html', {
    styles: ['narrow.css'],
    body: `<quire-blog id="notes" src="${cdn}bundle.json" view="post" slug="${notes.slug}"></quire-blog>
<quire-blog id="table" src="${cdn}bundle.json" view="post" slug="${table.slug}"></quire-blog>`,
  });
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const { page, close } = await openHost(url, { colorScheme: scheme });
    try {
      await settled(page);
      const lines = await page.evaluate(() => [...(document.getElementById('table')?.shadowRoot
        ?.querySelectorAll('.post-body :is(td, th) code') ?? [])].map((c) => [c.textContent, c.getClientRects().length]));
      assert.ok(lines.length > 0);
      assert.deepEqual(lines.filter(([, n]) => n !== 1), [], 'every inline code in a cell is one piece');
      assert.ok(await page.locator('#notes .footnote-ref a').count() > 0);
      const violations = await axeViolations(page, ['link-in-text-block']);
      assert.deepEqual(violations, [], `${scheme}:\n${violations.join('\n')}`);
    } finally {
      await close();
    }
  }
});
