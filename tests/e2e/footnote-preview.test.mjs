// Footnote previews (web/footnote-preview.js) in Chromium at 375 px: a tap
// on a reference shows the note's text in a box near it, the reader staying
// where they were; Enter opens it from the keyboard, Escape closes it and
// focus returns to the reference; a modifier key, or no JavaScript, keeps
// the jump to the note. On the pre-rendered page (before the core starts),
// on a view the app rendered, in both themes (axe on the open box).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { appReady, openPage, rendered, sampleSite, viewPaths } from './helpers.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** @type {import('./helpers.mjs').SampleSite['site']} */
let site;
/** @type {import('./helpers.mjs').SampleSite['server']} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {(() => Promise<void>)|undefined} */
let closeSite;

before(async () => {
  ({ site, server, browser, close: closeSite } = await sampleSite());
});

after(() => closeSite?.());

/** @param {string} p */
const urlOf = (p) => new URL(p, server.url).href;
const phone = { viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true };
const firstRef = 'main sup.footnote-ref a';

/**
 * What the reader sees of the box: its text, its place, where focus is.
 * @param {import('playwright-core').Page} page
 */
const box = (page) => page.evaluate(() => {
  const el = document.querySelector('.footnote-preview');
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const ref = /** @type {HTMLElement} */ (document.querySelector('main sup.footnote-ref a'));
  const at = ref.getBoundingClientRect();
  return {
    role: el.getAttribute('role'),
    label: el.getAttribute('aria-label'),
    text: el.querySelector('.footnote-preview-text')?.textContent?.trim() ?? '',
    left: r.left, right: r.right, top: r.top, bottom: r.bottom,
    nearRef: Math.min(Math.abs(r.top - at.bottom), Math.abs(at.top - r.bottom)),
    visible: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === 'visible',
    focusInside: el.contains(document.activeElement),
    ids: el.querySelectorAll('[id]').length,
    expanded: ref.getAttribute('aria-expanded'),
  };
});

/**
 * The text of the note the first reference links to, back-links left out.
 * @param {import('playwright-core').Page} page
 */
const noteText = (page) => page.evaluate((selector) => {
  const ref = /** @type {HTMLAnchorElement} */ (document.querySelector(selector));
  const note = /** @type {HTMLElement} */ (document.getElementById(decodeURIComponent(ref.hash.slice(1))).cloneNode(true));
  for (const back of note.querySelectorAll('.footnote-backref')) back.remove();
  return note.textContent?.trim() ?? '';
}, firstRef);

test('a tap on a footnote reference shows the note beside it at 375 px, before the core starts; the page stays put', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser, phone);
  try {
    await page.goto(urlOf(viewPaths(site.bundle).post));
    await page.locator(firstRef).scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    const want = await noteText(page);
    assert.ok(want.length > 0, 'the note has text');
    await page.locator(firstRef).tap();
    const shown = await box(page);
    assert.ok(shown, 'a box opens');
    assert.equal(shown.role, 'dialog');
    assert.match(shown.label ?? '', /^Footnote \d+$/);
    assert.equal(shown.text, want, 'the box holds the note\'s text');
    assert.ok(shown.visible);
    assert.ok(shown.left >= 0 && shown.right <= 375, `inside the screen: ${shown.left}..${shown.right}`);
    assert.ok(shown.nearRef <= 12, `next to the reference (${shown.nearRef}px)`);
    assert.ok(shown.focusInside, 'focus moves into the box');
    assert.equal(shown.ids, 0, 'no duplicate ids');
    assert.equal(shown.expanded, 'true');
    assert.equal(new URL(page.url()).hash, '', 'no jump to the note');
    assert.ok(Math.abs(await page.evaluate(() => window.scrollY) - y) < 80, 'the reader stays where they were');
    // A tap elsewhere closes it.
    await page.locator('main h1').tap();
    assert.equal(await box(page), null, 'a tap outside closes the box');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('keyboard: Enter on a reference opens the note, Escape closes it and focus returns to the reference', async () => {
  const { page, pageErrors, close } = await openPage(browser, phone);
  try {
    await page.goto(urlOf(viewPaths(site.bundle).post));
    await page.locator(firstRef).focus();
    await page.keyboard.press('Enter');
    assert.ok((await box(page))?.focusInside, 'open, focus inside');
    // Its close button and "Go to note" link are reachable by Tab.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Go to note');
    await page.keyboard.press('Escape');
    assert.equal(await box(page), null, 'closed');
    assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), firstRef), true,
      'focus is back on the reference');
    assert.equal(await page.locator(firstRef).getAttribute('aria-expanded'), null);
    // "Go to note" jumps, and the box goes.
    await page.keyboard.press('Enter');
    const ref = await page.locator(firstRef).getAttribute('href');
    await page.locator('.footnote-preview a', { hasText: 'Go to note' }).click();
    await page.waitForFunction((h) => location.hash === h, ref);
    await page.waitForFunction(() => !document.querySelector('.footnote-preview'));
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a click with a modifier key, and a click without JavaScript, still jump to the note', async () => {
  const { page, close } = await openPage(browser, phone);
  try {
    await page.goto(urlOf(viewPaths(site.bundle).post));
    const prevented = await page.evaluate((s) => {
      const ref = /** @type {HTMLAnchorElement} */ (document.querySelector(s));
      let seen = true;
      document.addEventListener('click', (e) => { seen = e.defaultPrevented; e.preventDefault(); }, { once: true });
      ref.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true, button: 0 }));
      return seen;
    }, firstRef);
    assert.equal(prevented, false, 'a ctrl-click is left to the browser');
    assert.equal(await box(page), null);
  } finally {
    await close();
  }
  const noScript = await openPage(browser, { ...phone, javaScriptEnabled: false });
  try {
    await noScript.page.goto(urlOf(viewPaths(site.bundle).post));
    const ref = await noScript.page.locator(firstRef).getAttribute('href');
    await noScript.page.locator(firstRef).tap();
    await noScript.page.waitForFunction((h) => location.hash === h, ref);
    assert.equal(await noScript.page.locator('.footnote-preview').count(), 0);
  } finally {
    await noScript.close();
  }
});

for (const scheme of /** @type {const} */ (['light', 'dark'])) {
  test(`on a view the app rendered, the box opens too, and axe finds nothing with it open (${scheme})`, async () => {
    const { page, pageErrors, close } = await openPage(browser, { ...phone, colorScheme: scheme });
    try {
      const views = viewPaths(site.bundle);
      await page.goto(urlOf(views.home));
      assert.equal(await appReady(page), true);
      await rendered(page, () => page.evaluate((p) => {
        const link = document.createElement('a');
        link.href = p;
        document.querySelector('main')?.append(link);
        link.click();
      }, views.post));
      await page.locator(firstRef).tap();
      assert.equal((await box(page))?.text, await noteText(page));
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const result = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target).join(' ')}`);
      });
      assert.deepEqual(violations, []);
      // The same reference again closes it.
      await page.locator(firstRef).tap();
      assert.equal(await box(page), null);
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  });
}
