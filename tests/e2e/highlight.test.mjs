// Highlighted code in Chromium: on the sample blog's tour post, every token
// class shown has a colour of its own (not the code's text colour) with 4.5:1
// on the code background, in the light and the dark theme (the system's
// preference and the toggle), and axe finds nothing to report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { appReady, openPage, sampleSite } from './helpers.mjs';

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

const modes = [
  { name: 'light (system)', system: 'light', toggle: false },
  { name: 'dark (system)', system: 'dark', toggle: false },
  { name: 'dark (toggle)', system: 'light', toggle: true },
];

for (const mode of modes) {
  test(`token colours differ from the text and meet 4.5:1, ${mode.name}`, async () => {
    const post = site.bundle.posts.find((p) => /```python/.test(p.body ?? ''));
    assert.ok(post, 'the sample blog has a post with Python code');
    const { page, pageErrors, close } = await openPage(browser, { colorScheme: /** @type {'light'|'dark'} */ (mode.system) });
    try {
      await page.goto(new URL(`${site.bundle.site.base_path}posts/${post.slug}/`, server.url).href);
      if (mode.toggle) {
        assert.equal(await appReady(page), true);
        await page.locator('.theme-toggle').click();
      }
      const found = await page.evaluate(() => {
        const rgb = (/** @type {string} */ s) => (s.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (/** @type {number[]} */ c) => {
          const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (/** @type {number[]} */ a, /** @type {number[]} */ b) => {
          const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
          return (hi + 0.05) / (lo + 0.05);
        };
        /** @type {Record<string, {colour: string, text: string, ratio: number}>} */
        const out = {};
        for (const span of document.querySelectorAll('main pre code span[class^="tok-"]')) {
          const pre = /** @type {HTMLElement} */ (span.closest('pre'));
          const code = /** @type {HTMLElement} */ (span.closest('code'));
          const colour = getComputedStyle(span).color;
          out[span.className] = {
            colour,
            text: getComputedStyle(code).color,
            ratio: ratio(rgb(colour), rgb(getComputedStyle(pre).backgroundColor)),
          };
        }
        return { tokens: out, scheme: getComputedStyle(document.documentElement).colorScheme };
      });
      assert.ok(found.scheme.includes(mode.system === 'dark' || mode.toggle ? 'dark' : 'light'), found.scheme);
      const classes = Object.keys(found.tokens);
      assert.ok(classes.length >= 6, `token classes shown: ${classes.join(' ')}`);
      for (const [cls, t] of Object.entries(found.tokens)) {
        assert.notEqual(t.colour, t.text, `${cls} has the text colour`);
        assert.ok(t.ratio >= 4.5, `${cls} ${t.colour}: ${t.ratio.toFixed(2)}:1`);
      }
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const result = await /** @type {any} */ (window).axe.run(document.querySelector('main'), { resultTypes: ['violations'] });
        return result.violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.slice(0, 3).map((/** @type {any} */ n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  });
}

test('the copy button copies the exact code, by keyboard, says "Copied", and is absent without scripts', async () => {
  const post = site.bundle.posts.find((p) => /```python/.test(p.body ?? ''));
  assert.ok(post);
  const url = new URL(`${site.bundle.site.base_path}posts/${post.slug}/`, server.url).href;
  const { page, pageErrors, close } = await openPage(browser);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.goto(url);
    const python = page.locator('pre[data-lang="python"]');
    const button = python.locator('xpath=preceding-sibling::*[1]');
    assert.equal(await button.evaluate((b) => b.tagName + '.' + b.className), 'BUTTON.code-copy');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('quire-status')?.textContent?.startsWith('Copied'));
    assert.equal(await button.textContent(), 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const fence = /```python[^\n]*\n([\s\S]*?)```/.exec(post.body ?? '');
    assert.ok(fence);
    assert.equal(copied, fence[1], 'the code exactly: no line numbers, no label');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
  const noScript = await openPage(browser, { javaScriptEnabled: false });
  try {
    await noScript.page.goto(url);
    assert.ok(await noScript.page.locator('main pre').count() > 3);
    assert.equal(await noScript.page.locator('.code-copy').count(), 0);
  } finally {
    await noScript.close();
  }
});

test('a code block shows at least 40 columns on a 375 px phone, and the page does not scroll sideways', async () => {
  const post = site.bundle.posts.find((p) => /```python/.test(p.body ?? ''));
  assert.ok(post);
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 375, height: 800 } });
  try {
    await page.goto(new URL(`${site.bundle.site.base_path}posts/${post.slug}/`, server.url).href);
    const measured = await page.evaluate(() => {
      const pre = /** @type {HTMLElement} */ (document.querySelector('.post-body > pre'));
      const probe = document.createElement('span');
      probe.textContent = '0'.repeat(100);
      /** @type {HTMLElement} */ (pre.querySelector('code')).append(probe);
      const glyph = probe.getBoundingClientRect().width / 100;
      probe.remove();
      const style = getComputedStyle(pre);
      const inner = pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { columns: inner / glyph, pageWidth: document.documentElement.scrollWidth };
    });
    assert.ok(measured.columns >= 40, `${measured.columns.toFixed(1)} columns at 375 px`);
    assert.ok(measured.pageWidth <= 375, `the page is ${measured.pageWidth} px wide`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});
