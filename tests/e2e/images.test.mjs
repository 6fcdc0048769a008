// Images, the archive and the table of contents as a reader sees them in
// Chromium: no layout shift as a post's images arrive (width and height read
// at build time), the first image not lazy, a titled image as a figure,
// images dimmed in dark mode, every title on the archive index, a table of
// contents whose links reach the headings, an embed (a kept <iframe>) inside
// a phone's column. At 375 and 1280 px, both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { appReady, openPage, sampleSite } from './helpers.mjs';

/** @type {import('./helpers.mjs').SampleSite['site']} */
let site;
/** @type {import('./helpers.mjs').SampleSite['server']} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

// A sample post with two images in content/static.
const postPath = '/posts/hello-quire/';
// A post with toc: true and a titled image alone in its paragraph.
const tourPath = '/posts/a-tour-of-quire-markdown/';

/** @type {(() => Promise<void>)|undefined} */
let closeSite;

before(async () => {
  ({ site, server, browser, close: closeSite } = await sampleSite());
});

after(() => closeSite?.());

/** @param {string} p */
const urlOf = (p) => new URL(p, server.url).href;

/**
 * Opens `p` with its images held back for 400 ms (so that any shift they
 * cause happens after the first layout) and returns the layout shift summed.
 * `strip`: serve the page and bundle without image sizes (the page as it
 * was before they were read), to show the measure can see a shift.
 * @param {number} width @param {boolean} strip
 */
async function imageShift(width, strip) {
  const { page, close } = await openPage(browser, { viewport: { width, height: 700 } });
  try {
    await page.addInitScript(() => {
      const w = /** @type {any} */ (window);
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!(/** @type {any} */ (e).hadRecentInput)) w.__shift += /** @type {any} */ (e).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.route(/\.(svg|png|jpe?g|gif|webp|avif)$/, async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    if (strip) {
      await page.route(/\/(index\.html)?$|bundle\.json$/, async (route) => {
        const response = await route.fetch();
        let text = await response.text();
        text = text.replace(/ width="\d+" height="\d+"/g, '').replace(/,?"images":"[^"]*"/g, '');
        await route.fulfill({ response, body: text });
      });
    }
    await page.goto(urlOf(postPath));
    assert.equal(await appReady(page), true);
    // The first image (eager) arrives; then the reader scrolls down, and
    // the lazy ones arrive where they are seen.
    await page.waitForFunction(() => document.querySelector('main img')?.complete);
    for (let i = 0; i < 12; i += 1) {
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(100);
    }
    await page.waitForFunction(() => [...document.querySelectorAll('main img')].every((i) => i.complete));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return await page.evaluate(() => /** @type {any} */ (window).__shift);
  } finally {
    await close();
  }
}

test('a post\'s images shift no layout as they arrive (sizes from the build); without sizes they would', async () => {
  for (const width of [375, 1280]) {
    assert.equal(await imageShift(width, false), 0, `CLS at ${width} px`);
  }
  assert.ok(await imageShift(375, true) > 0.01, 'the same page without sizes shifts (the measure can fail)');
});

test('images carry width and height, the first loads at once, a titled image is a figure with a caption', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(urlOf(postPath));
    assert.equal(await appReady(page), true);
    const images = await page.$$eval('main .post-body img', (list) => list.map((i) => ({
      width: i.getAttribute('width'), height: i.getAttribute('height'), loading: i.getAttribute('loading'),
      shown: i.getBoundingClientRect().width, natural: i.naturalWidth,
    })));
    assert.ok(images.length >= 2);
    for (const i of images) assert.match(`${i.width}x${i.height}`, /^\d+x\d+$/);
    assert.equal(images[0].loading, null, 'the first image is not lazy');
    for (const i of images.slice(1)) assert.equal(i.loading, 'lazy');
    await page.goto(urlOf(tourPath));
    const caption = await page.$eval('main figure', (f) => ({
      img: !!f.querySelector(':scope > img'), caption: f.querySelector('figcaption')?.textContent,
    }));
    assert.deepEqual(caption, { img: true, caption: 'Quire' });
  } finally {
    await close();
  }
});

test('images are slightly dimmed in dark mode, by the system preference and by the toggle, not in light', async () => {
  const filterOf = async (/** @type {'light'|'dark'} */ scheme, /** @type {string|null} */ stored) => {
    const { page, close } = await openPage(browser, { colorScheme: scheme });
    try {
      if (stored) await page.addInitScript((t) => localStorage.setItem('quire-theme', t), stored);
      await page.goto(urlOf(postPath));
      return await page.$eval('main .post-body img', (i) => getComputedStyle(i).filter);
    } finally {
      await close();
    }
  };
  assert.equal(await filterOf('light', null), 'none');
  assert.match(await filterOf('dark', null), /brightness\(0\.88\)/);
  assert.match(await filterOf('light', 'dark'), /brightness\(0\.88\)/);
  assert.equal(await filterOf('dark', 'light'), 'none');
});

test('the archive index lists every post\'s title under its year and month; a month heading links to its page', async () => {
  const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 } });
  try {
    await page.goto(urlOf('/archive/'));
    const titles = await page.$$eval('main .archive-year .post-index a', (list) => list.map((a) => a.textContent));
    assert.equal(titles.length, site.bundle.posts.length);
    assert.deepEqual(new Set(titles).size, site.bundle.posts.length);
    const month = await page.$eval('main .archive-month a', (a) => a.getAttribute('href'));
    assert.match(month ?? '', /^\/archive\/\d{4}\/\d{2}\/$/);
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(noScroll, 'no sideways scroll at 375 px');
  } finally {
    await close();
  }
});

test('a post with toc: true has a table of contents whose links reach its headings, pre-rendered and in the app', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(urlOf(tourPath));
    assert.equal(await appReady(page), true);
    const links = await page.$$eval('main nav.toc a', (list) => list.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 3);
    for (const href of links) assert.equal(await page.locator(`main ${href}`).count(), 1, href);
    assert.equal(await page.getAttribute('main nav.toc', 'aria-labelledby'), 'quire-toc');
    await page.click('main nav.toc a >> nth=1');
    await page.waitForFunction((id) => location.hash === id, links[1]);
  } finally {
    await close();
  }
});

/**
 * Opens a post at `width` px, appends an iframe with `attributes` to its
 * body (as the build writes one) and measures it, the column and the page.
 * @param {number} width @param {Record<string, string>} attributes
 */
async function frameBox(width, attributes) {
  const { page, close } = await openPage(browser, { viewport: { width, height: 800 } });
  try {
    await page.goto(urlOf(postPath));
    return await page.evaluate((attrs) => {
      const body = document.querySelector('main .post-body');
      if (!body) throw new Error('no post body');
      const frame = document.createElement('iframe');
      for (const [name, value] of Object.entries(attrs)) frame.setAttribute(name, value);
      body.append(frame);
      const r = frame.getBoundingClientRect();
      return { width: r.width, height: r.height, column: body.getBoundingClientRect().width,
        border: getComputedStyle(frame).borderTopWidth, scroll: document.documentElement.scrollWidth, viewport: window.innerWidth };
    }, attributes);
  } finally {
    await close();
  }
}

test('a video embed kept from a blog moved in (560 x 315, as embed codes write it) fits a phone\'s column at 16:9, without a border', async () => {
  // As the build writes a kept YouTube embed (its frameborder="0" dropped).
  const box = await frameBox(375, { src: 'about:blank', width: '560', height: '315', title: 'A video' });
  assert.ok(box.width <= box.column, `the embed (${box.width} px) is no wider than the column (${box.column} px)`);
  assert.ok(box.scroll <= box.viewport, `no sideways scroll at 375 px (${box.scroll} px)`);
  assert.equal(box.border, '0px');
  // Narrowed, it keeps 16:9 (not 343 x 315, the video letterboxed); at 1280 px it is 560 x 315 as written.
  assert.ok(Math.abs(box.height - (box.width * 9) / 16) < 1, `16:9 at 375 px (${box.width} x ${box.height})`);
  const wide = await frameBox(1280, { src: 'about:blank', width: '560', height: '315', title: 'A video' });
  assert.deepEqual([wide.width, wide.height], [560, 315]);
  // A 9:16 short keeps its own size.
  const tall = await frameBox(1280, { src: 'about:blank', width: '315', height: '560', title: 'A short' });
  assert.deepEqual([tall.width, tall.height], [315, 560]);
});

test('a video player the import wrote for a shortcode (class "video", no size) takes the column\'s width at 16:9', async () => {
  for (const width of [375, 1280]) {
    // As src/build/import/tags.cpp writes {{< youtube id >}}, after the build's sanitizer.
    const box = await frameBox(width, { src: 'about:blank', class: 'video', title: 'YouTube video' });
    assert.ok(Math.abs(box.width - box.column) < 1, `at ${width} px the player (${box.width} px) fills the column (${box.column} px)`);
    assert.ok(Math.abs(box.height - (box.width * 9) / 16) < 1, `at ${width} px the player is 16:9 (${box.width} x ${box.height})`);
  }
});
