// The reader's experience of the app: navigation that feels native (scroll,
// focus, announcements, fragments, footnotes), the theme toggle, combined
// tags, the chrome's keyboard affordances, and no layout shift on take-over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  appReady, buildSite, navigations, openPage, pathOf, rendered, sampleSite, serve, sharedTagPair, simpleTagSlug,
  viewPaths,
} from './helpers.mjs';

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

const base = () => site.bundle.site.base_path;
/** @param {string} p */
const urlOf = (p) => new URL(p, server.url).href;
/** @param {import('playwright-core').Page} page */
const scrollY = (page) => page.evaluate(() => window.scrollY);
/** @param {import('playwright-core').Page} page */
const h1Text = async (page) => (await page.locator('main h1').first().textContent())?.trim();
/** A post whose body defines a footnote (viewPaths picks it). */
const footnotePath = () => viewPaths(site.bundle).post;

/**
 * Is the element's top inside the viewport?
 * @param {import('playwright-core').Page} page
 * @param {string} id
 */
const inView = (page, id) => page.evaluate((target) => {
  const el = document.getElementById(target);
  if (!el) return false;
  const top = el.getBoundingClientRect().top;
  return top >= -1 && top < window.innerHeight;
}, id);

/**
 * Scrolls to y and waits until the app has stored it in the history entry.
 * @param {import('playwright-core').Page} page
 * @param {number} y
 */
async function scrollAndSettle(page, y) {
  await page.evaluate((to) => window.scrollTo(0, to), y);
  await page.waitForFunction((to) => history.state?.scroll?.y === to, await scrollY(page));
  return scrollY(page);
}

test('scroll is restored on back and forward, and a new view starts at the top', async () => {
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 1280, height: 600 } });
  try {
    await page.goto(urlOf(base()));
    assert.equal(await appReady(page), true);
    const homeY = await scrollAndSettle(page, 400);
    assert.ok(homeY > 0, 'the home page scrolls');

    const link = page.locator('.post-summary h2 a').nth(2);
    const href = await link.getAttribute('href');
    await rendered(page, () => link.click());
    assert.equal(pathOf(page), href);
    assert.equal(await scrollY(page), 0, 'a new view starts at the top');
    const postY = await scrollAndSettle(page, 700);
    assert.ok(postY > 0, 'the post scrolls');

    await rendered(page, () => page.goBack());
    assert.equal(pathOf(page), base());
    assert.equal(await scrollY(page), homeY, 'back restores the home page position');

    await rendered(page, () => page.goForward());
    assert.equal(pathOf(page), href);
    assert.equal(await scrollY(page), postY, 'forward restores the post position');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('back puts the same post summary where it was, though list items off screen are only placeholders; print has them all', async () => {
  // Every post on the home page: those far above the one scrolled to are
  // placeholders (the ones near the viewport are laid out).
  const long = await buildSite('content', { siteYaml: (yaml) => yaml.replace(/^posts_per_page:.*$/m, 'posts_per_page: 100') });
  const longServer = await serve(long.dir, long.bundle.site.base_path);
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 1280, height: 400 } });
  try {
    await page.goto(new URL(long.bundle.site.base_path, longServer.url).href);
    assert.equal(await appReady(page), true);
    const summaries = page.locator('.post-summary');
    const last = await summaries.count() - 1;
    assert.equal(last + 1, long.bundle.posts.length, 'the home page lists every post');
    assert.equal(await summaries.nth(last).evaluate((el) => getComputedStyle(el).contentVisibility), 'auto',
      'list items past the first screen skip their rendering off screen');
    /** Where the last summary is: its link and its top in the viewport. */
    const lastOne = () => summaries.nth(last).evaluate((el) => ({
      href: el.querySelector('h2 a')?.getAttribute('href'), top: Math.round(el.getBoundingClientRect().top),
    }));
    const yOfLast = () => summaries.nth(last).evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY - 100));
    // Down the page as a reader scrolls, a frame at a time: each summary
    // passed is laid out once, and its real size remembered.
    for (let at = 0; at < await yOfLast(); at += 200) {
      await page.evaluate((to) => new Promise((done) => {
        window.scrollTo(0, to);
        requestAnimationFrame(() => requestAnimationFrame(done));
      }), at);
    }
    const y = await yOfLast();
    await scrollAndSettle(page, y);
    const before = await lastOne();
    assert.equal(before.top, 100);

    const link = page.locator('.post-summary h2 a').nth(last);
    await rendered(page, () => link.click());
    assert.equal(pathOf(page), before.href);
    await rendered(page, () => page.goBack());
    assert.equal(pathOf(page), base());
    assert.equal(await scrollY(page), y);
    assert.deepEqual(await lastOne(), before, 'the summary the reader left is back in the same place');
    // Once the real sizes are remembered, items off screen are skipped again.
    await page.waitForFunction(() => !document.getElementById('quire-app')?.hasAttribute('data-layout'));
    assert.deepEqual(await lastOne(), before);

    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await summaries.evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).contentVisibility))]),
      ['visible'], 'a printout lays out every item');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
    await longServer.close();
    await long.remove();
  }
});

test('a new view\'s first screen is laid out when the app has rendered it, not a frame later', async () => {
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(urlOf(`${base()}archive/`));
    assert.equal(await appReady(page), true);
    // Where everything wholly on screen is as the app says the view is
    // rendered, and two frames later: the same when nothing on screen was
    // a placeholder. (The list itself grows: items below are.)
    const sizes = await page.evaluate(async () => {
      const onScreen = () => [...document.querySelectorAll('main *')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.top >= 0 && r.bottom <= window.innerHeight)
        .map((r) => `${Math.round(r.top)}+${Math.round(r.height)}`).join(' ');
      const atRender = new Promise((resolve) => {
        document.addEventListener('quire:rendered', () => resolve(onScreen()), { once: true });
      });
      /** @type {HTMLElement} */ (document.querySelector('.site-nav a[href$="/"]:not([href*="archive"])')).click();
      const first = await atRender;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return { first, later: onScreen(), summaries: document.querySelectorAll('main .post-summary').length };
    });
    assert.ok(sizes.summaries >= 2, 'the home page lists posts');
    assert.equal(sizes.first, sizes.later);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('focus moves to the new view\'s heading and the live region announces it, also on back', async () => {
  const { page, pageErrors, close } = await openPage(browser);
  try {
    await page.goto(urlOf(base()));
    assert.equal(await appReady(page), true);
    const status = page.locator('#quire-status');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.equal(await status.textContent(), '', 'nothing is announced on page load');

    // With the keyboard, as a screen reader user would.
    await page.locator('.site-nav a', { hasText: 'Tags' }).focus();
    await rendered(page, () => page.keyboard.press('Enter'));
    const focused = () => page.evaluate(() => ({
      tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim(),
    }));
    assert.deepEqual(await focused(), { tag: 'H1', text: 'Tags' });
    assert.equal(await status.textContent(), await page.title());

    // The link to the view shown renders it again: announced again (the
    // region's text must change for a screen reader to speak it).
    const before = await status.textContent();
    await rendered(page, () => page.locator('.site-nav a', { hasText: 'Tags' }).click());
    const again = /** @type {string} */ (await status.textContent());
    assert.notEqual(again, before);
    assert.equal(again.trim(), await page.title());

    await rendered(page, () => page.goBack());
    assert.deepEqual(await focused(), { tag: 'H1', text: await h1Text(page) });
    assert.equal(await status.textContent(), site.bundle.site.title);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a link to a fragment of another view renders it and scrolls to the fragment', async () => {
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 1280, height: 600 } });
  try {
    // The id of the last heading of the footnoted post, from its static page.
    await page.goto(urlOf(footnotePath()));
    const id = await page.locator('.post-body :is(h2, h3)[id]').last().getAttribute('id');
    assert.ok(id, 'the post has a heading with an id');

    await page.goto(urlOf(base()));
    assert.equal(await appReady(page), true);
    // A link in content, like an author's cross-reference.
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.id = 'cross-ref';
      a.textContent = 'see there';
      document.querySelector('main')?.prepend(a);
    }, `${footnotePath()}#${id}`);
    const before = await navigations(page);
    await rendered(page, () => page.locator('#cross-ref').click());
    assert.equal(await navigations(page), before + 1, 'rendered in place');
    assert.equal(new URL(page.url()).hash, `#${id}`);
    assert.ok(await scrollY(page) > 0);
    assert.ok(await inView(page, /** @type {string} */ (id)), 'the target heading is on screen');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('footnote links and their back-links work inside the app, and Back returns between them', async () => {
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 1280, height: 600 } });
  try {
    await page.goto(urlOf(base()));
    assert.equal(await appReady(page), true);
    await rendered(page, () => page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.id = 'to-post';
      a.textContent = 'post';
      document.querySelector('main')?.prepend(a);
      a.click();
    }, footnotePath()));
    const shown = await navigations(page);

    const ref = page.locator('sup.footnote-ref a').first();
    const refId = await ref.evaluate((a) => a.closest('[id]')?.id ?? a.id);
    const noteId = decodeURIComponent((await ref.getAttribute('href') ?? '').slice(1));
    // The reference previews its note (footnote-preview.test.mjs); the
    // preview's "Go to note" is the jump.
    await ref.click();
    await page.locator('.footnote-preview a', { hasText: 'Go to note' }).click();
    await page.waitForFunction((id) => location.hash === `#${id}`, noteId);
    assert.ok(await inView(page, noteId), 'the footnote is on screen');
    const atNote = await scrollY(page);
    assert.ok(atNote > 0);

    await page.locator(`[id="${noteId}"] a.footnote-backref`).first().click();
    await page.waitForFunction((id) => location.hash !== `#${id}`, noteId);
    assert.ok(await inView(page, refId), 'the back-link returns to the reference');
    assert.ok(await scrollY(page) < atNote);

    await page.goBack();
    await page.waitForFunction((id) => location.hash === `#${id}`, noteId);
    await page.waitForFunction((y) => window.scrollY === y, atNote);
    assert.equal(await navigations(page), shown, 'fragments never re-render the view');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('the theme follows the system until the reader presses the toggle, and the choice persists', async () => {
  const { page, pageErrors, close } = await openPage(browser, { colorScheme: 'dark' });
  try {
    const state = () => page.evaluate(() => ({
      chosen: document.documentElement.dataset.theme ?? null,
      label: document.querySelector('.theme-toggle')?.getAttribute('aria-label'),
      background: getComputedStyle(document.body).backgroundColor,
    }));
    await page.goto(urlOf(base()));
    assert.equal(await appReady(page), true);
    const systemDark = await state();
    assert.equal(systemDark.chosen, null);
    assert.equal(systemDark.label, 'Theme: follow the system (dark now)');
    const toggle = page.locator('.theme-toggle');
    assert.ok(await toggle.isVisible());

    await toggle.click();
    const light = await state();
    assert.deepEqual([light.chosen, light.label], ['light', 'Theme: light']);
    assert.notEqual(light.background, systemDark.background);

    await page.reload();
    assert.deepEqual(await state(), light, 'the choice survives a reload');

    // A client-side navigation re-renders the chrome: the button keeps its
    // state. (The reloaded page's core must be up first: until then a click
    // is a plain page load.)
    assert.equal(await appReady(page), true);
    await rendered(page, () => page.locator('.site-nav a', { hasText: 'Archive' }).click());
    assert.deepEqual(await state(), light);

    await page.locator('.theme-toggle').click();
    const dark = await state();
    assert.deepEqual([dark.chosen, dark.label], ['dark', 'Theme: dark']);
    assert.equal(dark.background, systemDark.background);
    // Its label set, the button differs from the chrome the core renders: the
    // header is still kept as it is (within a section: the nav marks it),
    // not rebuilt on every navigation.
    await rendered(page, () => page.locator('.site-nav a', { hasText: 'Tags' }).click());
    await rendered(page, () => page.locator('main .tag-cloud a').first().click());
    await page.evaluate(() => { /** @type {any} */ (window).shownHeader = document.querySelector('.site-header'); });
    await rendered(page, () => page.locator('main .post-summary a.tag').last().click());
    assert.deepEqual(await state(), dark);
    assert.equal(await page.evaluate(() => document.querySelector('.site-header') === /** @type {any} */ (window).shownHeader), true,
      'the same header element');
    const other = await page.context().newPage();
    await other.goto(urlOf(`${base()}tags/`));
    assert.equal(await other.evaluate(() => document.documentElement.dataset.theme), 'dark', 'another page of the site');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('the stored theme is on the first paint: the head script runs before the body', async () => {
  const { page, close } = await openPage(browser, { colorScheme: 'light' });
  try {
    await page.goto(urlOf(base()));
    await page.evaluate(() => localStorage.setItem('quire-theme', 'dark'));
    // Record the theme at the moment the body starts parsing.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        /** @type {any} */ (window).__themeAtBody = document.documentElement.dataset.theme ?? null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__themeAtBody), 'dark');
  } finally {
    await close();
  }
});

test('a combination of tags lists exactly the posts with every tag, with links to remove and add tags', async () => {
  const { page, pageErrors, close } = await openPage(browser);
  try {
    const [a, b] = sharedTagPair(site.bundle);
    const [sa, sb] = [simpleTagSlug(a), simpleTagSlug(b)];
    const both = site.bundle.posts.filter((p) => p.tags?.includes(a) && p.tags?.includes(b));

    // Not pre-rendered: the host answers with 404.html, and the app renders the view.
    const response = await page.goto(urlOf(`${base()}tags/${sa}+${sb}/`));
    assert.equal(response?.status(), 404);
    assert.equal(await appReady(page), true);
    await page.waitForFunction(() => !document.querySelector('main[aria-busy="true"]'));
    assert.equal(await page.locator('#quire-app').getAttribute('data-route'), `${base()}tags/${sa}+${sb}/`);
    const titles = await page.locator('.post-summary h2 a').allTextContents();
    assert.deepEqual(titles, both.slice(0, site.bundle.site.posts_per_page).map((p) => p.title));
    assert.match(await h1Text(page) ?? '', new RegExp(`${a}.*${b}`));
    assert.match(await page.locator('main .count').first().textContent() ?? '', new RegExp(`^${both.length} posts? with all 2 tags`));

    // Removing a tag leaves the other.
    await rendered(page, () => page.locator('a.tag-remove', { hasText: a }).click());
    assert.equal(pathOf(page), `${base()}tags/${sb}/`);
    await rendered(page, () => page.goBack());
    await rendered(page, () => page.locator('a.tag-remove', { hasText: b }).click());
    assert.equal(pathOf(page), `${base()}tags/${sa}/`);

    // From a tag page, narrowing down adds a tag.
    const narrow = page.locator(`.narrow a[href="${base()}tags/${sa}+${sb}/"]`);
    assert.match(await narrow.textContent() ?? '', new RegExp(`${b}\\s*${both.length}`));
    await rendered(page, () => narrow.click());
    assert.equal(pathOf(page), `${base()}tags/${sa}+${sb}/`);
    assert.equal(await page.locator('.post-summary').count(), Math.min(both.length, site.bundle.site.posts_per_page));
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a post lists up to three related posts, each sharing a tag with it', async () => {
  const { page, close } = await openPage(browser);
  try {
    const post = site.bundle.posts.find((p) => (p.tags ?? []).length >= 2) ?? site.bundle.posts[0];
    await page.goto(urlOf(`${base()}posts/${post.slug}/`));
    const related = await page.locator('.related-posts li a').allTextContents();
    assert.ok(related.length >= 1 && related.length <= 3, `${related.length} related posts`);
    for (const title of related) {
      const other = site.bundle.posts.find((p) => p.title === title);
      assert.ok(other && other.slug !== post.slug);
      assert.ok((other.tags ?? []).some((t) => post.tags?.includes(t)), `${title} shares a tag`);
    }
  } finally {
    await close();
  }
});

test('aria-current marks the current section and the current page number', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(urlOf(`${base()}page/2/`));
    assert.equal(await appReady(page), true);
    const current = () => page.locator('[aria-current]').evaluateAll((els) =>
      els.map((e) => `${e.closest('nav')?.getAttribute('aria-label')}: ${e.textContent?.trim()}=${e.getAttribute('aria-current')}`));
    assert.deepEqual(await current(), ['Main: Home=true', 'Pages: 2=page']);
    await rendered(page, () => page.locator('.pagination a[aria-label="Page 1"]').click());
    assert.deepEqual(await current(), ['Main: Home=page', 'Pages: 1=page']);
    await rendered(page, () => page.locator('.site-nav a', { hasText: 'Archive' }).click());
    assert.deepEqual(await current(), ['Main: Archive=page']);
  } finally {
    await close();
  }
});

test('the skip link is the first tab stop, shows when focused and moves focus to the content', async () => {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(urlOf(footnotePath()));
    assert.equal(await appReady(page), true);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      const box = el?.getBoundingClientRect();
      return { cls: el?.className, visible: !!box && box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0 };
    });
    assert.deepEqual(skip, { cls: 'skip-link', visible: true });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    // The next Tab continues inside the content, not the header.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('main')), true);
  } finally {
    await close();
  }
});

test('keyboard focus is visible on links and buttons in both themes', async () => {
  for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
    const { page, close } = await openPage(browser, { colorScheme });
    try {
      await page.goto(urlOf(base()));
      await page.keyboard.press('Tab');  // the skip link
      /** @type {string[]} */
      const seen = [];
      for (let i = 0; i < 8; i += 1) {  // the menu, the search box, the theme toggle
        await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
          const el = /** @type {HTMLElement} */ (document.activeElement);
          const style = getComputedStyle(el);
          return { what: `${el.tagName} ${el.textContent?.trim() || el.getAttribute('aria-label')}`,
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
        });
        assert.ok(ring.outline, `${colorScheme}: ${ring.what} shows a focus ring`);
        seen.push(ring.what);
      }
      assert.ok(seen.some((w) => w.startsWith('BUTTON')), `the theme toggle is a tab stop: ${seen.join(', ')}`);
    } finally {
      await close();
    }
  }
});

test('reduced motion stops the loading spinner', async () => {
  /** @type {Record<string, string>} */
  const names = {};
  for (const reducedMotion of /** @type {const} */ (['no-preference', 'reduce'])) {
    const { page, close } = await openPage(browser, { reducedMotion });
    try {
      await page.goto(urlOf(base()));
      names[reducedMotion] = await page.evaluate(() => {
        const p = document.createElement('p');
        p.className = 'quire-loading';
        document.querySelector('main')?.append(p);
        return getComputedStyle(p, '::before').animationName;
      });
    } finally {
      await close();
    }
  }
  assert.deepEqual(names, { 'no-preference': 'quire-spin', reduce: 'none' });
});

test('the app taking over a pre-rendered page shifts no layout', async () => {
  // Every pre-rendered view type (not a combination of tags, a search with
  // a query or an unknown path: the app renders those).
  const prerendered = Object.values(viewPaths(site.bundle)).filter((p) => !/[+?]|no\/such/.test(p));
  assert.ok(prerendered.length >= 6);
  for (const viewPath of prerendered) {
    const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 } });
    try {
      await page.addInitScript(() => {
        const w = /** @type {any} */ (window);
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__shift += /** @type {any} */ (e).value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(urlOf(viewPath));
      assert.equal(await appReady(page), true);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).__shift), 0, viewPath);
      assert.equal(await navigations(page), 0, `${viewPath} is not rendered again`);
    } finally {
      await close();
    }
  }
});
