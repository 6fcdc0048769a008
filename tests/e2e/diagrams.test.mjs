// ```mermaid diagrams (web/diagrams.js, src/build/site_writer.cpp), in
// headless Chromium: a post's diagrams are drawn as SVG on the static page
// and when the app renders it, also under a style-src policy without
// 'unsafe-inline' (Mermaid's styles applied through CSSOM); a block Mermaid
// cannot read stays its source with the error as its title; a page without
// one fetches neither diagrams.js nor Mermaid, and a site without one ships
// no Mermaid. A screenshot goes to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { appReady, axeViolations, contentDir, launchBrowser, openPage, rendered, repoRoot, screenshotDir } from './helpers.mjs';

const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const plain = ['---', 'title: Plain', 'date: 2024-01-01', '---', '', 'No diagram here, though mermaid is a word.', ''].join('\n');
const files = {
  'site.yaml': 'title: Flows\n',
  'posts/2024-01-02-flow.md': [
    '---', 'title: A flow', 'date: 2024-01-02', '---', '',
    'How a request goes:', '',
    '```mermaid', 'graph TD', '  A[Browser] -->|GET| B(CDN)', '  B --> C{Cached?}', '  C -->|yes| D[Page]', '  C -->|no| E[Origin]', '```', '',
    '```mermaid', 'sequenceDiagram', '  Alice->>Bob: Hello', '  Bob-->>Alice: Hi', '```', '',
    'A broken one:', '', '```mermaid', 'graph TD', '  A -->', '  ]]] nonsense', '```', '',
    '```js', 'const notADiagram = 1;', '```', '',
  ].join('\n'),
  'posts/2024-01-01-plain.md': plain,
  // Mermaid's own documentation has authors write raw HTML (a Jekyll post's)
  'posts/2023-12-01-raw.md': ['---', 'title: Raw', 'date: 2023-12-01', '---', '', 'Before.', '',
    '<div class="mermaid">', 'graph LR', '  A[Start] --> B{Is it?}', '</div>', '', 'After.', ''].join('\n'),
};

/** @type {Awaited<ReturnType<typeof contentDir>>} */
let content;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let strict;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  content = await contentDir(files);
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content.dir, '-o', content.out],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  server = await startServer({ root: content.out, port: 0, quiet: true });
  strict = await startServer({ root: content.out, port: 0, quiet: true, headers: { 'Content-Security-Policy': policy } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await strict?.close();
  await content?.remove();
});

/** @param {import('playwright-core').Page} page */
async function drawnState(page) {
  await page.waitForFunction(() => document.querySelectorAll('.post-body pre:not([data-diagram]) > code.language-mermaid').length === 0
    && document.querySelector('.post-body pre[data-diagram="error"]') !== null);
  return page.evaluate(() => ({
    drawn: [...document.querySelectorAll('.post-body figure.diagram')].map((f) => ({
      svg: f.querySelector(':scope > svg') !== null,
      width: f.querySelector(':scope > svg')?.getBoundingClientRect().width ?? 0,
      source: f.querySelector('details pre code.language-mermaid')?.textContent?.split('\n')[0],
      // Mermaid's stylesheet applies (through CSSOM): its nodes are filled, not black.
      fill: (() => {
        const shape = f.querySelector('svg .node rect, svg rect.actor');
        return shape ? getComputedStyle(shape).fill : '';
      })(),
    })),
    broken: [...document.querySelectorAll('.post-body pre[data-diagram="error"]')].map((p) => ({
      title: /** @type {HTMLElement} */ (p).title, text: p.textContent?.split('\n')[0] })),
    js: document.querySelectorAll('.post-body pre > code.language-js').length,
  }));
}

test('a post\'s diagrams are drawn on the static page and when the app renders it, with and without a strict CSP', async () => {
  for (const [name, site] of [['no policy', () => server], ['strict policy', () => strict]]) {
    const { page, pageErrors, consoleErrors, close } = await openPage(browser, { viewport: { width: 800, height: 900 } });
    try {
      /** @type {string[]} */
      const fetched = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      for (const how of ['static page', 'rendered by the app']) {
        if (how === 'static page') {
          await page.goto(new URL('posts/flow/', site().url).href);
        } else {
          fetched.length = 0;
          await page.goto(new URL('posts/plain/', site().url).href);
          assert.equal(await appReady(page), true);
          await page.waitForTimeout(200);
          assert.deepEqual(fetched.filter((f) => /diagrams\.js|mermaid/.test(f)), [],
            `${name}: a page without a diagram fetches nothing for them`);
          await rendered(page, () => page.locator('a[href$="/posts/flow/"]').first().click());
        }
        const state = await drawnState(page);
        const at = `${name}, ${how}`;
        assert.equal(state.drawn.length, 2, at);
        assert.deepEqual(state.drawn.map((d) => [d.svg, d.source]), [[true, 'graph TD'], [true, 'sequenceDiagram']], at);
        for (const d of state.drawn) {
          assert.ok(d.width > 100, `${at}: drawn ${d.width}px wide`);
          assert.ok(d.fill && d.fill !== 'rgb(0, 0, 0)' && d.fill !== 'none', `${at}: styled (${d.fill})`);
        }
        assert.equal(state.broken.length, 1, at);
        assert.equal(state.broken[0].text, 'graph TD', `${at}: the broken one stays source`);
        assert.match(state.broken[0].title, /error/i, at);
        assert.equal(state.js, 1, `${at}: other code blocks are untouched`);
      }
      assert.deepEqual(pageErrors, [], name);
      // Under the policy Mermaid's own measuring (in the page, before its
      // result is moved in through CSSOM) logs refused inline styles.
      if (name === 'no policy') assert.deepEqual(consoleErrors, [], name);
    } finally {
      await close();
    }
  }
});

test('a raw <div class="mermaid"> is drawn too, its source (with its entities) kept below', async () => {
  const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 800, height: 900 } });
  try {
    await page.goto(new URL('posts/raw/', server.url).href);
    await page.waitForFunction(() => document.querySelector('.post-body figure.diagram > svg') !== null);
    assert.equal((await page.locator('.post-body figure.diagram details div.mermaid').textContent())?.trim(),
      'graph LR\n  A[Start] --> B{Is it?}');
    assert.equal(await page.locator('.post-body div.mermaid').count(), 1);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('the diagrams look right and axe finds no violations on them, in both themes', async () => {
  await mkdir(screenshotDir, { recursive: true });
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const { page, close } = await openPage(browser, { colorScheme: scheme, viewport: { width: 800, height: 900 } });
    try {
      await page.goto(new URL('posts/flow/', server.url).href);
      await drawnState(page);
      await page.locator('.post-body').screenshot({ path: path.join(screenshotDir, `diagrams-${scheme}.png`) });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], scheme);
    } finally {
      await close();
    }
  }
});

test('a diagram is drawn again in the page\'s theme when the reader switches it', async () => {
  const { page, pageErrors, close } = await openPage(browser, { colorScheme: 'light', viewport: { width: 800, height: 900 } });
  try {
    await page.goto(new URL('posts/flow/', server.url).href);
    await drawnState(page);
    const fill = () => page.evaluate(() => getComputedStyle(
      /** @type {Element} */ (document.querySelector('.post-body figure.diagram svg .node rect'))).fill);
    const light = await fill();
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });  // web/theme.js's toggle
    await page.waitForFunction((before) => getComputedStyle(
      /** @type {Element} */ (document.querySelector('.post-body figure.diagram svg .node rect'))).fill !== before, light);
    const dark = await fill();
    assert.notEqual(dark, light);
    // The light drawing's stylesheet went with it: one sheet per drawing.
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 2);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('the widget draws a post\'s diagrams in its shadow root, styled there', async () => {
  await writeFile(path.join(content.out, 'host.html'), '<!doctype html><html lang="en"><head><title>Host</title>' +
    '<link rel="icon" href="/favicon.svg"><script type="module" src="/quire-widget.js"></script></head><body>' +
    '<quire-blog src="/bundle.json" view="post" slug="flow"></quire-blog></body></html>');
  const { page, pageErrors, close } = await openPage(browser);
  try {
    await page.goto(new URL('host.html', strict.url).href);
    await page.waitForFunction(() => document.querySelector('quire-blog')?.shadowRoot?.querySelectorAll('figure.diagram > svg').length === 2);
    const shown = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('quire-blog')?.shadowRoot);
      const rect = root.querySelector('figure.diagram svg .node rect');
      return { fill: rect ? getComputedStyle(rect).fill : '', sheets: root.adoptedStyleSheets.length,
        broken: root.querySelectorAll('pre[data-diagram="error"]').length };
    });
    assert.ok(shown.fill && shown.fill !== 'rgb(0, 0, 0)', `styled in the shadow root (${shown.fill})`);
    assert.equal(shown.broken, 1);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a site without a diagram ships no Mermaid', async () => {
  const bare = await contentDir({ 'site.yaml': 'title: Bare\n', 'posts/2024-01-01-plain.md': plain });
  try {
    const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', bare.dir, '-o', bare.out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(existsSync(path.join(bare.out, 'mermaid')), false);
    assert.equal(existsSync(path.join(content.out, 'mermaid', 'mermaid.esm.min.mjs')), true);
  } finally {
    await bare.remove();
  }
});
