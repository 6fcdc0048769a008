// Math in posts (src/core/math.hpp, web/math.js), in headless Chromium under
// a strict Content-Security-Policy: a post with `math: true` shows its TeX
// as MathML once loaded, on the static page and when the app renders it;
// a formula Temml cannot read stays TeX; a post without math shows its
// dollars as text and fetches no typesetter. A screenshot of the math post
// goes to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { appReady, axeViolations, contentDir, launchBrowser, openPage, rendered, repoRoot, screenshotDir } from './helpers.mjs';


const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const files = {
  'site.yaml': 'title: Sums\nurl: "https://blog.example"\n',
  'posts/2024-01-03-basel.md': [
    '---', 'title: The Basel problem', 'date: 2024-01-03', 'math: true', '---', '',
    'Euler showed that $\\sum_{n=1}^\\infty \\frac{1}{n^2} = \\frac{\\pi^2}{6}$, where $a_1*b_2*c$ is no emphasis.',
    '',
    '$$',
    '\\begin{aligned}',
    'f(x) &= x^2 \\\\',
    '',
    '- g(x) &= \\sqrt{x}',
    '\\end{aligned}',
    '$$',
    '',
    'A broken one: $\\frac{1}{$ stays as written.',
    '',
  ].join('\n'),
  'posts/2024-01-02-prices.md': ['---', 'title: Prices', 'date: 2024-01-02', '---', '',
    'It costs $5 or $10, and *that* is all.', ''].join('\n'),
};

/** @type {Awaited<ReturnType<typeof contentDir>>} */
let content;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  content = await contentDir(files);
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content.dir, '-o', content.out],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  server = await startServer({ root: content.out, port: 0, quiet: true,
    headers: { 'Content-Security-Policy': policy } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await content?.remove();
});

/**
 * A page that records what it fetched and every CSP violation.
 * @param {import('playwright-core').Page} page
 */
async function watch(page) {
  /** @type {string[]} */
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    /** @type {any} */ (window).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      /** @type {any} */ (window).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return fetched;
}

/** @param {import('playwright-core').Page} page */
async function typesetState(page) {
  await page.waitForFunction(() => document.querySelectorAll('.post-body span.math:not([data-typeset])').length === 0
    && document.querySelector('.post-body span.math') !== null);
  return page.locator('.post-body span.math').evaluateAll((spans) => spans.map((s) => ({
    display: s.classList.contains('display'),
    state: /** @type {HTMLElement} */ (s).dataset.typeset,
    math: s.querySelector('math') ? s.querySelector('math')?.getAttribute('display') ?? 'inline' : null,
    tex: s.querySelector('annotation')?.textContent ?? s.textContent,
  })));
}

test('a post with math shows MathML, on the static page and when the app renders it, under a strict CSP', async () => {
  const { page, pageErrors, consoleErrors, close } = await openPage(browser, { viewport: { width: 800, height: 900 } });
  try {
    await watch(page);
    const postUrl = new URL('posts/basel/', server.url).href;
    for (const how of ['static page', 'rendered by the app']) {
      if (how === 'static page') {
        await page.goto(postUrl);
      } else {
        await page.goto(new URL('posts/prices/', server.url).href);
        assert.equal(await appReady(page), true);
        await rendered(page, () => page.locator(`a[href$="/posts/basel/"]`).first().click());
      }
      const spans = await typesetState(page);
      assert.equal(spans.length, 4, how);
      assert.deepEqual(spans.map((s) => [s.display, s.state, s.math]), [
        [false, '', 'inline'], [false, '', 'inline'], [true, '', 'block'], [false, 'error', null]], how);
      assert.equal(spans[0].tex.trim(), '\\sum_{n=1}^\\infty \\frac{1}{n^2} = \\frac{\\pi^2}{6}', how);
      assert.equal(spans[1].tex.trim(), 'a_1*b_2*c', how);
      assert.match(spans[2].tex, /f\(x\) &= x\^2 \\\\ - g\(x\) &= \\sqrt\{x\}/, how);
      assert.equal(spans[3].tex, '\\frac{1}{', `${how}: the broken formula stays TeX`);
      assert.ok(await page.locator('.post-body span.math[data-typeset="error"]').getAttribute('title'), how);
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__violations), [], how);
      // Temml's stylesheet applies (the user agent's own is font-family: math).
      await page.waitForFunction(() => /Cambria Math/.test(getComputedStyle(
        /** @type {Element} */ (document.querySelector('.post-body math'))).fontFamily));
    }
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('the typeset post looks right and axe finds no violations on it, in both themes', async () => {
  await mkdir(screenshotDir, { recursive: true });
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    // axe is injected as an inline script: this page alone does without the policy.
    const { page, close } = await openPage(browser, { colorScheme: scheme, viewport: { width: 800, height: 900 },
      bypassCSP: true });
    try {
      await page.goto(new URL('posts/basel/', server.url).href);
      await typesetState(page);
      await page.locator('.post-body').screenshot({ path: path.join(screenshotDir, `math-${scheme}.png`) });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], scheme);
    } finally {
      await close();
    }
  }
});

test('the widget typesets a post\'s math in its shadow root, under the same policy', async () => {
  // A host page of the blog's own origin: no inline script or style.
  await writeFile(path.join(content.out, 'host.html'), '<!doctype html><html lang="en"><head><title>Host</title>' +
    '<link rel="icon" href="/favicon.svg"><script type="module" src="/quire-widget.js"></script></head><body>' +
    '<quire-blog src="/bundle.json" view="post" slug="basel"></quire-blog></body></html>');
  const { page, pageErrors, consoleErrors, close } = await openPage(browser);
  try {
    await watch(page);
    await page.goto(new URL('host.html', server.url).href);
    await page.waitForFunction(() => {
      const root = document.querySelector('quire-blog')?.shadowRoot;
      return root?.querySelector('span.math') && !root.querySelector('span.math:not([data-typeset])');
    });
    const shown = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('quire-blog')?.shadowRoot);
      return { typeset: root.querySelectorAll('span.math[data-typeset=""] math').length,
        styled: root.querySelector('link[data-temml]') !== null };
    });
    assert.deepEqual(shown, { typeset: 3, styled: true });
    await page.waitForFunction(() => /Cambria Math/.test(getComputedStyle(/** @type {Element} */ (
      document.querySelector('quire-blog')?.shadowRoot?.querySelector('math'))).fontFamily));
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__violations), []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a post without math keeps its dollars as text and fetches no typesetter', async () => {
  const { page, pageErrors, close } = await openPage(browser);
  try {
    const fetched = await watch(page);
    await page.goto(new URL('posts/prices/', server.url).href);
    assert.equal(await appReady(page), true);
    assert.equal(await page.locator('.post-body p').first().innerText(), 'It costs $5 or $10, and that is all.');
    assert.equal(await page.locator('.post-body em').innerText(), 'that');
    assert.equal(await page.locator('span.math').count(), 0);
    assert.deepEqual(fetched.filter((p) => /math\.js|temml/i.test(p)), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});
