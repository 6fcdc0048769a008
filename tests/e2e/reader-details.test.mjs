// What a reader sees in the details (issue 18): tables that wrap and show
// where they scroll, inline code on striped rows, task-list boxes, feed
// links, tag combinations without JavaScript, footnote tap targets, no
// downloads a tap's page load aborts, pagination that does not wrap,
// heading anchors on touch screens, back to top, the three-state theme
// toggle, the footer and the menu's current section. Chromium at 375 and
// 1280 px, light and dark where colour or size matters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import {
  appReady, buildSite, contentDir, openPage, readBundle, rendered, repoRoot, sampleSite, serve, viewPaths,
} from './helpers.mjs';

/** @type {import('./helpers.mjs').SampleSite['site']} */
let site;
/** @type {import('./helpers.mjs').SampleSite['server']} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** A small blog of its own: a table too wide for a phone, a long post, a note referenced twice. */
let fixture = /** @type {{url: string, close: () => Promise<void>, remove: () => Promise<void>}|null} */ (null);

const widths = [375, 1280];
const themes = /** @type {const} */ (['light', 'dark']);

/** @type {(() => Promise<void>)|undefined} */
let closeSite;

before(async () => {
  ({ site, server, browser, close: closeSite } = await sampleSite());
  const words = Array.from({ length: 1100 }, (_, i) => `word${i % 50}`).join(' ');
  const wide = Array.from({ length: 9 }, (_, i) => `Column${i}heading`);
  const content = await contentDir({
    'site.yaml': 'title: Fixture\nurl: "https://fixture.example"\n',
    'posts/wide.md': `---\ntitle: Wide\ndate: 2024-01-02\n---\n\n| ${wide.join(' | ')} |\n|${' --- |'.repeat(9)}\n`
      + `| ${wide.map((w) => `${w}cell`).join(' | ')} |\n| ${wide.map(() => 'x').join(' | ')} |\n|${' |'.repeat(9)}\n`,
    'posts/long.md': `---\ntitle: Long\ndate: 2024-01-01\n---\n\nIt starts[^n] here and[^n] goes on.\n\n${words}\n\n`
      + '[^n]: A note whose text runs on for a while, long enough to reach the end of a line on a phone or two.\n',
  });
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content.dir, '-o', content.out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const served = await serve(content.out, (await readBundle(content.out)).site.base_path);
  fixture = { url: served.url, close: () => served.close(), remove: content.remove };
});

after(async () => {
  await fixture?.close();
  await fixture?.remove();
  await closeSite?.();
});

const base = () => site.bundle.site.base_path;
/** @param {string} p */
const urlOf = (p) => new URL(p, server.url).href;
/** @param {string} p */
const fixtureUrl = (p) => new URL(p, fixture?.url).href;
/** @param {(p: import('./helpers.mjs').BundlePost) => boolean} has */
const postPaths = (has) => site.bundle.posts.filter(has).map((p) => `${base()}posts/${p.slug}/`);

/**
 * The mean colour of what the page shows in a box (a screenshot, decoded in
 * the page), as [r, g, b]; or the median pixel, by lightness.
 * @param {import('playwright-core').Page} page
 * @param {{x: number, y: number, width: number, height: number}|import('playwright-core').Locator} what
 *   a box in the viewport, or an element (its middle half: what it holds, not its border)
 * @param {'mean'|'median'} [kind]
 */
async function meanColour(page, what, kind = 'mean') {
  const element = !('x' in what);
  const png = (element ? await what.screenshot() : await page.screenshot({ clip: what })).toString('base64');
  return page.evaluate(async ([data, median, middle]) => {
    const blob = await (await fetch(`data:image/png;base64,${data}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
    context.drawImage(bitmap, 0, 0);
    const [x, y, w, h] = middle
      ? [bitmap.width / 4, bitmap.height / 4, bitmap.width / 2, bitmap.height / 2].map(Math.round)
      : [0, 0, bitmap.width, bitmap.height];
    const { data: px } = context.getImageData(x, y, w, h);
    if (median) {
      const all = [];
      for (let i = 0; i < px.length; i += 4) all.push([px[i], px[i + 1], px[i + 2]]);
      all.sort((a, b) => (a[0] + a[1] + a[2]) - (b[0] + b[1] + b[2]));
      return all[all.length >> 1];
    }
    const sum = [0, 0, 0];
    for (let i = 0; i < px.length; i += 4) for (let c = 0; c < 3; c += 1) sum[c] += px[i + c];
    return sum.map((s) => s / (px.length / 4));
  }, /** @type {[string, boolean, boolean]} */ ([png, kind === 'median', element]));
}

/** @param {number[]} c  sRGB 0-255 */
function luminance(c) {
  const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** @param {number[]} a @param {number[]} b */
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('no table cell is cut off: tables fit the column at 375 and 1280 px, cells hold their text', async () => {
  const paths = postPaths((p) => /^\|/m.test(p.body ?? ''));
  assert.ok(paths.length >= 3, 'the sample blog has posts with tables');
  /** @type {string[]} */
  const problems = [];
  for (const width of widths) {
    for (const colorScheme of themes) {
      const { page, close } = await openPage(browser, { viewport: { width, height: 800 }, colorScheme });
      try {
        for (const p of paths) {
          await page.goto(urlOf(p));
          const found = await page.evaluate(() => [...document.querySelectorAll('main table')].flatMap((table, t) => {
            const out = [];
            if (table.scrollWidth > table.clientWidth + 1) out.push(`table ${t} scrolls: ${table.scrollWidth} > ${table.clientWidth}`);
            for (const cell of table.querySelectorAll('th, td')) {
              if (cell.scrollWidth > cell.clientWidth + 1) out.push(`table ${t} cell "${cell.textContent}" is cut`);
            }
            return out;
          }));
          for (const f of found) problems.push(`${width}px ${colorScheme} ${p}: ${f}`);
        }
      } finally {
        await close();
      }
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a table that still scrolls shows a shadow on the side with more, in both themes', async () => {
  for (const colorScheme of themes) {
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 }, colorScheme });
    try {
      await page.goto(fixtureUrl('/posts/wide/'));
      const table = page.locator('main table');
      // The edges of the last row, which is empty: no text there, only what
      // is drawn under it.
      const row = await page.locator('main tbody tr').last().boundingBox();
      const box = await table.boundingBox();
      assert.ok(box && row && row.height > 8);
      assert.ok(await table.evaluate((t) => t.scrollWidth > t.clientWidth + 50), 'the table is wider than a phone');
      const bg = await meanColour(page, { x: 2, y: box.y + box.height + 4, width: 4, height: 4 });
      /** The edges' difference from the page's background. */
      const edges = async () => ({
        left: contrast(await meanColour(page, { x: box.x + 1, y: row.y + 3, width: 4, height: row.height - 6 }), bg),
        right: contrast(await meanColour(page, { x: box.x + box.width - 5, y: row.y + 3, width: 4, height: row.height - 6 }), bg),
      });
      const atStart = await edges();
      assert.ok(atStart.right > 1.08 && atStart.left < 1.03, `${colorScheme} at the start: ${JSON.stringify(atStart)}`);
      await table.evaluate((t) => { t.scrollLeft = t.scrollWidth; });
      const atEnd = await edges();
      assert.ok(atEnd.left > 1.08 && atEnd.right < 1.03, `${colorScheme} at the end: ${JSON.stringify(atEnd)}`);
    } finally {
      await close();
    }
  }
});

test('inline code stands out on striped table rows too, in both themes', async () => {
  const paths = postPaths((p) => /^\|.*`/m.test(p.body ?? ''));
  for (const colorScheme of themes) {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 }, colorScheme });
    try {
      /** @type {number[]} */
      const ratios = [];
      for (const p of paths) {
        await page.goto(urlOf(p));
        // Each colour composited over what is under it, up to the page's background.
        ratios.push(...await page.evaluate(() => {
          const rgba = (/** @type {Element} */ el) => (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
          const over = (/** @type {number[]} */ top, /** @type {number[]} */ under) => {
            const a = top.length > 3 ? top[3] : 1;
            return under.map((u, i) => top[i] * a + u * (1 - a));
          };
          const page = rgba(document.body).slice(0, 3);
          const lum = (/** @type {number[]} */ c) => {
            const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          return [...document.querySelectorAll('main tbody tr:nth-child(even) td code')].map((code) => {
            const row = over(rgba(/** @type {Element} */ (code.closest('tr'))), page);
            const box = over(rgba(code), row);
            const [hi, lo] = [lum(row), lum(box)].sort((x, y) => y - x);
            return (hi + 0.05) / (lo + 0.05);
          });
        }));
      }
      assert.ok(ratios.length >= 3, 'the sample blog has code on striped rows');
      assert.ok(Math.min(...ratios) >= 1.05, `${colorScheme}: code on a stripe, ${Math.min(...ratios).toFixed(3)}:1`);
    } finally {
      await close();
    }
  }
});

test('done and to-do task-list boxes look clearly different in both themes', async () => {
  const [p] = postPaths((post) => /^- \[x\]/m.test(post.body ?? '') && /^- \[ \]/m.test(post.body ?? ''));
  assert.ok(p, 'the sample blog has a task list with done and open items');
  for (const colorScheme of themes) {
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 800 }, colorScheme });
    try {
      await page.goto(urlOf(p));
      // Every image loaded first: lazy ones above would move the boxes
      // while they are captured.
      await page.evaluate(() => Promise.all([...document.images].map((img) => {
        img.loading = 'eager';
        return img.decode().catch(() => {});
      })));
      const box = async (/** @type {string} */ selector) => {
        const element = page.locator(selector).first();
        const b = await element.boundingBox();
        assert.ok(b && b.width >= 12, `${selector} is shown`);
        // What most of its middle is: a fill or none (not the tick, not the border).
        return meanColour(page, element, 'median');
      };
      const done = await box('.task-list-item-checkbox:checked');
      const open = await box('.task-list-item-checkbox:not(:checked)');
      const ratio = contrast(done, open);
      assert.ok(ratio >= 3, `${colorScheme}: done ${done.map(Math.round)} vs to do ${open.map(Math.round)}, ${ratio.toFixed(2)}:1`);
    } finally {
      await close();
    }
  }
});

test('a visible link to the feed: the site\'s in the footer, a tag\'s on its page', async () => {
  const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 } });
  try {
    const views = viewPaths(site.bundle);
    for (const view of [views.home, views.post, views.archive]) {
      await page.goto(urlOf(view));
      const link = page.locator('footer a[href$="feed.xml"]');
      assert.ok(await link.isVisible(), `${view}: the footer links the feed`);
      const response = await page.request.get(new URL(/** @type {string} */ (await link.getAttribute('href')), page.url()).href);
      assert.equal(response.status(), 200);
      assert.match(await response.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    }
    await page.goto(urlOf(views.tag));
    const tagFeed = page.locator(`main a[href="${new URL(views.tag, server.url).pathname}feed.xml"]`);
    assert.ok(await tagFeed.isVisible(), 'the tag page links its own feed');
    const response = await page.request.get(new URL(/** @type {string} */ (await tagFeed.getAttribute('href')), page.url()).href);
    assert.equal(response.status(), 200);
  } finally {
    await close();
  }
});

test('without JavaScript no link leads to "Page not found"; with it, a combination of tags is noindex', async () => {
  const { page, close } = await openPage(browser, { javaScriptEnabled: false });
  try {
    const views = viewPaths(site.bundle);
    for (const view of [views.tag, `${base()}tags/guide/page/2/`, views.post, views.home]) {
      await page.goto(urlOf(view));
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links
        .filter((a) => a instanceof HTMLAnchorElement && a.origin === location.origin && a.getClientRects().length > 0)
        .map((a) => /** @type {HTMLAnchorElement} */ (a).pathname));
      assert.ok(hrefs.length > 5);
      for (const href of new Set(hrefs)) {
        const status = (await page.request.get(new URL(href, server.url).href)).status();
        assert.equal(status, 200, `${view} links ${href} (${status})`);
      }
    }
  } finally {
    await close();
  }
  const scripted = await openPage(browser);
  try {
    const views = viewPaths(site.bundle);
    const robots = () => scripted.page.locator('head meta[name="robots"]').evaluateAll((m) => m.map((e) => e.getAttribute('content')));
    await scripted.page.goto(urlOf(views['combined-tags']));
    assert.equal(await appReady(scripted.page), true);
    await scripted.page.waitForFunction(() => !document.querySelector('main[aria-busy="true"]'));
    assert.deepEqual(await robots(), ['noindex'], 'the app marks the combination noindex');
    await rendered(scripted.page, () => scripted.page.locator('a.tag-remove').first().click());
    assert.deepEqual(await robots(), [], 'a single tag is indexable again');
    await rendered(scripted.page, () => scripted.page.locator('.narrow a.tag').first().click());
    assert.deepEqual(await robots(), ['noindex']);
  } finally {
    await scripted.close();
  }
});

test('tag page 2 says so and still offers to narrow down', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(urlOf(`${base()}tags/guide/page/2/`));
    assert.match(await page.locator('main h1').textContent() ?? '', /Posts tagged guide, page 2/);
    assert.ok(await page.locator('.narrow a.tag').count() > 0, 'Narrow down by tag is there');
  } finally {
    await close();
  }
});

test('footnote references and back-links are tap targets of 24 x 24 px or more, at 375 and 1280 px', async () => {
  for (const width of widths) {
    const { page, close } = await openPage(browser, { viewport: { width, height: 800 } });
    try {
      for (const url of [urlOf(viewPaths(site.bundle).post), fixtureUrl('/posts/long/')]) {
        await page.goto(url);
        const small = await page.locator('sup.footnote-ref a, a.footnote-backref').evaluateAll((links) => links
          .map((a) => ({ text: a.textContent, box: a.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ text, box }) => `${text}: ${box.width.toFixed(1)} x ${box.height.toFixed(1)}`));
        assert.ok(await page.locator('a.footnote-backref').count() >= 1);
        assert.deepEqual(small, [], `${width}px ${url}`);
      }
    } finally {
      await close();
    }
  }
});

test('a footnote\'s back-links never wrap onto a line of their own', async () => {
  const { page, close } = await openPage(browser, { viewport: { width: 375, height: 800 } });
  try {
    await page.goto(fixtureUrl('/posts/long/'));
    // Every width of the notes from 150 to 360 px: each back-link is on the
    // line of the note's last word.
    const lone = await page.evaluate(() => {
      const section = /** @type {HTMLElement} */ (document.querySelector('section.footnotes'));
      const out = [];
      for (let w = 150; w <= 360; w += 1) {
        section.style.width = `${w}px`;
        for (const p of section.querySelectorAll('li > p:last-child')) {
          const first = p.querySelector('a.footnote-backref');
          const text = first?.previousSibling;
          if (!first || !text || text.nodeType !== Node.TEXT_NODE) continue;
          const words = /** @type {string} */ (text.textContent).trimEnd();
          const range = document.createRange();
          range.setStart(text, words.length - 1);
          range.setEnd(text, words.length);
          const line = range.getBoundingClientRect().bottom;
          for (const a of p.querySelectorAll('a.footnote-backref')) {
            const rects = a.getClientRects();
            const top = rects[0].top + (rects[0].height / 2);
            if (top > line) out.push(`${w}px: ${a.textContent}`);
          }
        }
      }
      return out;
    });
    assert.deepEqual(lone, []);
  } finally {
    await close();
  }
});

test('a first tap on a link of a pre-rendered page starts no download that its page load would abort', async () => {
  const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true });
  try {
    await page.goto(urlOf(base()));
    /** @type {string[]} */
    const fetched = [];
    page.on('request', (request) => {
      if (/bundle\.json|quire-core/.test(request.url())) fetched.push(request.url());
    });
    const link = page.locator('.post-summary h2 a').first();
    const href = /** @type {string} */ (await link.getAttribute('href'));
    await Promise.all([page.waitForURL(urlOf(href)), link.tap()]);
    await page.waitForLoadState('load');
    assert.deepEqual(fetched, [], 'no core or bundle download for a tap that loads a page');
    // A tap elsewhere (on text, or a footnote link within the page) still
    // starts the core, as before.
    await page.locator('.post-header h1').tap();
    await page.waitForFunction(() => performance.getEntriesByName('quire:start').length === 1);
    assert.equal(await appReady(page), true);
  } finally {
    await close();
  }
});

test('"Older posts" and "Newer posts" stay on one line at 320 and 375 px, however many pages', async () => {
  const many = await buildSite('content', { siteYaml: (yaml) => yaml.replace(/^posts_per_page:.*$/m, 'posts_per_page: 1') });
  const manyServer = await serve(many.dir, many.bundle.site.base_path);
  const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 } });
  try {
    /** @type {string[]} */
    const wrapped = [];
    for (const [width, n] of [320, 375].flatMap((w) => [1, 2, 3, 5, 8, 13, many.bundle.posts.length].map((k) => [w, k]))) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto(new URL(`${many.bundle.site.base_path}${n > 1 ? `page/${n}/` : ''}`, manyServer.url).href);
      for (const link of await page.locator('.pagination > a').all()) {
        const lines = await link.evaluate((a) => {
          const range = document.createRange();
          range.selectNodeContents(a);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        if (lines !== 1) wrapped.push(`${width}px page ${n}: ${await link.textContent()} on ${lines} lines`);
      }
    }
    assert.deepEqual(wrapped, []);
  } finally {
    await close();
    await manyServer.close();
    await many.remove();
  }
});

test('heading anchors show on a touch screen, and on hover only with a mouse', async () => {
  for (const touch of [true, false]) {
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 }, isMobile: touch, hasTouch: touch });
    try {
      await page.goto(urlOf(viewPaths(site.bundle).post));
      assert.equal(await page.evaluate(() => matchMedia('(hover: none)').matches), touch);
      const opacity = await page.locator('.post-body .heading-anchor').first().evaluate((a) => getComputedStyle(a).opacity);
      assert.equal(opacity, touch ? '1' : '0', touch ? 'touch' : 'mouse');
    } finally {
      await close();
    }
  }
});

test('a long post ends with a link back to the top, with or without the app', async () => {
  const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 } });
  try {
    await page.goto(fixtureUrl('/posts/long/'));
    const link = page.locator('main .back-to-top a');
    await link.scrollIntoViewIfNeeded();
    assert.ok(await page.evaluate(() => window.scrollY) > 1000);
    await link.click();
    await page.waitForFunction(() => window.scrollY === 0);
    await page.goto(fixtureUrl('/posts/wide/'));
    assert.equal(await page.locator('.back-to-top').count(), 0, 'not on a short post');
  } finally {
    await close();
  }
});

test('the theme toggle has three states: the system\'s, the other theme, the system\'s theme for good', async () => {
  for (const system of themes) {
    const other = system === 'dark' ? 'light' : 'dark';
    const { page, pageErrors, close } = await openPage(browser, { colorScheme: system });
    try {
      await page.goto(urlOf(base()));
      const state = () => page.evaluate(() => ({
        chosen: document.documentElement.dataset.theme ?? null,
        stored: localStorage.getItem('quire-theme'),
        label: document.querySelector('.theme-toggle')?.getAttribute('aria-label'),
        icon: [...document.querySelectorAll('.theme-toggle svg')].filter((s) => getComputedStyle(s).display !== 'none')
          .map((s) => s.getAttribute('class')),
        dark: getComputedStyle(document.documentElement).colorScheme === 'dark',
      }));
      assert.deepEqual(await state(), { chosen: null, stored: null, label: `Theme: follow the system (${system} now)`,
        icon: ['icon-auto'], dark: system === 'dark' });
      const toggle = page.locator('.theme-toggle');
      await toggle.click();
      assert.deepEqual(await state(), { chosen: other, stored: other, label: `Theme: ${other}`,
        icon: [other === 'dark' ? 'icon-moon' : 'icon-sun'], dark: other === 'dark' });
      await toggle.click();
      assert.deepEqual(await state(), { chosen: system, stored: system, label: `Theme: ${system}`,
        icon: [system === 'dark' ? 'icon-moon' : 'icon-sun'], dark: system === 'dark' });
      await toggle.click();
      assert.deepEqual((await state()).stored, null, 'back to following the system');
      await page.emulateMedia({ colorScheme: other });
      // The label follows at the media query's change event.
      await page.waitForFunction((now) => document.querySelector('.theme-toggle')?.getAttribute('aria-label')?.includes(now), `${other} now`);
      assert.deepEqual(await state(), { chosen: null, stored: null, label: `Theme: follow the system (${other} now)`,
        icon: ['icon-auto'], dark: other === 'dark' });
      await page.reload();
      assert.equal((await state()).chosen, null);
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('the footer says the site\'s description on the home page only; Home is not current on a post', async () => {
  const { page, close } = await openPage(browser);
  try {
    const description = /** @type {any} */ (site.bundle.site).description;
    assert.ok(description);
    const views = viewPaths(site.bundle);
    await page.goto(urlOf(views.home));
    assert.match(await page.locator('footer').textContent() ?? '', new RegExp(description.slice(0, 30)));
    const current = () => page.locator('.site-nav [aria-current]').allTextContents();
    assert.deepEqual(await current(), ['Home']);
    assert.equal(await appReady(page), true);
    await rendered(page, () => page.locator('.post-summary h2 a').first().click());
    assert.deepEqual(await current(), [], 'a post is in no section: Home is not current (client-rendered)');
    for (const view of [views.post, views.tags, views.archive]) {
      await page.goto(urlOf(view));
      assert.doesNotMatch(await page.locator('footer').textContent() ?? '', new RegExp(description.slice(0, 30)), view);
    }
    await page.goto(urlOf(views.post));
    assert.deepEqual(await current(), [], 'pre-rendered');
  } finally {
    await close();
  }
});

test('the header fits on one row at 1280 px (title, menu, search box, theme button) and inside the screen at 375 px', async () => {
  for (const width of widths) {
    const { page, close } = await openPage(browser, { viewport: { width, height: 700 } });
    try {
      await page.goto(urlOf(viewPaths(site.bundle).post));
      const header = await page.evaluate(() => {
        const inner = /** @type {HTMLElement} */ (document.querySelector('.site-header-inner'));
        const parts = ['.site-title', '.site-nav li', '.site-search', '.theme-toggle']
          .flatMap((s) => [...inner.querySelectorAll(s)]).map((el) => {
            const r = el.getBoundingClientRect();
            return { what: `${el.className || el.tagName} ${el.textContent?.trim() ?? ''}`, middle: (r.top + r.bottom) / 2,
              right: r.right };
          });
        return { parts, overflow: inner.scrollWidth - inner.clientWidth, pageOverflow: document.documentElement.scrollWidth - innerWidth };
      });
      assert.ok(header.overflow <= 0 && header.pageOverflow <= 0, `${width}px: nothing sticks out (${header.overflow}, ${header.pageOverflow})`);
      assert.ok(header.parts.every((p) => p.right <= width), `${width}px: inside the screen`);
      if (width >= 1280) {
        const middles = header.parts.map((p) => p.middle);
        assert.ok(Math.max(...middles) - Math.min(...middles) < 12,
          `one row at ${width}px: ${header.parts.map((p) => `${p.what}@${Math.round(p.middle)}`).join(', ')}`);
      } else {
        // Two rows at most on a phone: the title and buttons, the menu.
        const rows = new Set(header.parts.map((p) => Math.round(p.middle / 12)));
        assert.ok(rows.size <= 3, `${width}px: ${header.parts.map((p) => `${p.what}@${Math.round(p.middle)}`).join(', ')}`);
      }
    } finally {
      await close();
    }
  }
});

test('a post\'s header: categories read "in …" (not # pills like tags), "· Updated" after the date, a typographic title', async () => {
  const content = await contentDir({
    'site.yaml': 'title: Bench\nurl: "https://bench.example"\ntaxonomies: [tags, categories]\n',
    'posts/lamp.md': '---\ntitle: "The lamp\'s first light -- at last"\ndate: 2021-03-02\nupdated: 2021-03-05\n'
      + 'tags: [lamps]\ncategories: [Builds, Repairs]\n---\n\nIt works.\n',
    'posts/older.md': '---\ntitle: "Using `--dry-run` isn\'t \\"risky\\""\ndate: 2021-01-01\ntags: [lamps]\n---\n\nText.\n',
  });
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content.dir, '-o', content.out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const served = await serve(content.out, '/');
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 375, height: 700 } });
  try {
    for (const client of [false, true]) {
      await page.goto(new URL(client ? '/posts/older/' : '/posts/lamp/', served.url).href);
      if (client) {
        assert.equal(await appReady(page), true);
        await rendered(page, () => page.locator('.post-nav a.newer').click());
      }
      const how = client ? 'rendered by the app' : 'pre-rendered';
      assert.equal(await page.locator('main h1').textContent(), 'The lamp\u2019s first light \u2013 at last', how);
      const categories = page.locator('main .post-header .post-categories');
      assert.equal((await categories.textContent())?.replace(/\s+/g, ' ').trim(), 'in Builds and Repairs', how);
      const marks = await page.evaluate(() => ({
        category: [...document.querySelectorAll('main .post-categories a')].map((a) => getComputedStyle(a, '::before').content),
        tag: [...document.querySelectorAll('main .post-header a.tag')].map((a) => getComputedStyle(a, '::before').content),
      }));
      assert.deepEqual(marks.category, ['none', 'none'], `${how}: no # before a category`);
      assert.ok(marks.tag.length === 1 && marks.tag[0] !== 'none', `${how}: tags keep theirs`);
      assert.match((await page.locator('main .post-header .post-meta').textContent())?.replace(/\s+/g, ' ') ?? '',
        /^March 2, 2021 · Updated March 5, 2021( · \d+ min read)?$/, how);
    }
    // In a list, the other title's code stays as typed.
    await page.goto(new URL('/', served.url).href);
    assert.deepEqual(await page.locator('.post-summary h2 a').allTextContents(),
      ['The lamp\u2019s first light \u2013 at last', 'Using `--dry-run` isn\u2019t \u201Crisky\u201D']);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
    await served.close();
    await content.remove();
  }
});
