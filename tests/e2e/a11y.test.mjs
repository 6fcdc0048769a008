// Accessibility: axe-core in headless Chromium on every view type, in the
// light and the dark theme, both as the system's preference and as the
// reader's choice with the toggle. 0 violations (every rule axe runs by
// default, best practices included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { appReady, openPage, sampleSite, viewPaths } from './helpers.mjs';

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

/**
 * Loads a view and waits until the app has shown it (a combination of tags
 * is not pre-rendered: the host serves 404.html and the app renders it).
 * @param {import('playwright-core').Page} page
 * @param {string} viewPath
 */
async function showView(page, viewPath) {
  await page.goto(new URL(viewPath, server.url).href);
  assert.equal(await appReady(page), true, `${viewPath}: the bundle loads`);
  await page.waitForFunction(() => !document.querySelector('main[aria-busy="true"]'));
}

/**
 * axe's violations on the page, one readable line each.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
async function axeViolations(page) {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((/** @type {any} */ v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((/** @type {any} */ n) =>
        `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n    ')}`);
  });
  return violations;
}

/** @param {import('playwright-core').Page} page @returns {Promise<'light'|'dark'>} */
async function shownTheme(page) {
  // The page background's luminance says which palette is on screen.
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (r + g + b) / 3 > 128 ? 'light' : 'dark';
}

/**
 * @typedef {object} ThemeMode
 * @property {string} name
 * @property {'light'|'dark'} system  the emulated prefers-color-scheme
 * @property {boolean} toggle         press the theme button once first
 * @property {'light'|'dark'} expect  the theme that must show
 */

/** @type {ThemeMode[]} */
const modes = [
  { name: 'light (system)', system: 'light', toggle: false, expect: 'light' },
  { name: 'dark (system)', system: 'dark', toggle: false, expect: 'dark' },
  { name: 'dark (toggle)', system: 'light', toggle: true, expect: 'dark' },
  { name: 'light (toggle)', system: 'dark', toggle: true, expect: 'light' },
];

for (const mode of modes) {
  test(`axe finds no violations on any view type, ${mode.name}`, async () => {
    const { page, pageErrors, consoleErrors, close } = await openPage(browser, { colorScheme: mode.system });
    try {
      const views = viewPaths(site.bundle);
      if (mode.toggle) {
        // The choice persists in the context's storage for every later page.
        await showView(page, views.home);
        await page.locator('.theme-toggle').click();
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), mode.expect);
      }
      /** @type {string[]} */
      const problems = [];
      for (const [name, viewPath] of Object.entries(views)) {
        await showView(page, viewPath);
        assert.equal(await shownTheme(page), mode.expect, `${name}: the ${mode.expect} theme shows`);
        for (const v of await axeViolations(page)) problems.push(`${name} ${viewPath}: ${v}`);
      }
      assert.deepEqual(problems, [], problems.join('\n'));
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(consoleErrors.filter((e) => !/404 \(Not Found\)/.test(e)), []);
    } finally {
      await close();
    }
  });
}

test('axe finds no violations on a narrow screen (375 px), where tables and code scroll', async () => {
  const { page, close } = await openPage(browser, { viewport: { width: 375, height: 700 } });
  try {
    const views = viewPaths(site.bundle);
    // The post that uses tables and code blocks, besides the view types.
    const wide = site.bundle.posts.find((p) => /^\|/m.test(p.body ?? '') && /^```/m.test(p.body ?? '') &&
      /^>/m.test(p.body ?? ''));
    assert.ok(wide, 'the sample content has a post with a table and code');
    /** @type {string[]} */
    const problems = [];
    for (const [name, viewPath] of Object.entries({ ...views, wide: `${views.home}posts/${wide.slug}/` })) {
      await showView(page, viewPath);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${name}: the page is ${overflow}px wider than the screen`);
      for (const v of await axeViolations(page)) problems.push(`${name} ${viewPath}: ${v}`);
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await close();
  }
});
