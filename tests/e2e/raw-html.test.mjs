// Raw HTML as blogs moved in from other engines carry it, in headless
// Chromium: in-page links into it (an id on a heading, kramdown's
// <sup id="fnref:1">, an old <a name>), in the static page and when the app
// renders the post, and the import's callouts (<div class="callout ...">,
// src/build/import/tags.cpp) styled in both themes with no axe violation.
// Screenshots of the callouts go to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { appReady, axeViolations, contentDir, launchBrowser, openPage, readBundle, rendered, repoRoot, screenshotDir, serve }
  from './helpers.mjs';


const callouts = ['note', 'tip', 'warning', 'danger'].map((kind) => [
  `<div class="callout callout-${kind}">`,
  '',
  `**${kind[0].toUpperCase()}${kind.slice(1)}**`,
  '',
  `A ${kind} callout with [a link](/posts/anchors/) and \`code\`.`,
  '',
  '</div>',
  '',
].join('\n')).join('\n');

const files = {
  'site.yaml': 'title: Moved in\nurl: "https://blog.example"\n',
  'posts/2024-01-02-anchors.md': [
    '---', 'title: Anchors', 'date: 2024-01-02', '---', '',
    'Jump to [the later section](#later), to [the old anchor](#note1), or to the note.' +
      '<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup>',
    '',
    ...Array.from({ length: 40 }, (_, i) => `Filler paragraph ${i + 1}, so that the targets are below the fold.\n`),
    // On lines of their own: md4c 0.4.8 starts an HTML block at <h1> but not
    // at <h2>..<h6> followed by text on the line.
    '<h3 id="later">', 'Later', '</h3>',
    '',
    'Back [up](#fnref:1).',
    '',
    '<p style="text-align:center">Centred, as the old engine showed it.</p>',
    '',
    ...Array.from({ length: 40 }, (_, i) => `More filler ${i + 1}.\n`),
    '<a name="note1"></a>The old anchor.',
    '',
    '<ol><li id="fn:1">The note.</li></ol>',
    '',
  ].join('\n'),
  'posts/2024-01-01-callouts.md': ['---', 'title: Callouts', 'date: 2024-01-01', '---', '', 'Before.', '',
    callouts, 'After.', ''].join('\n'),
};

/** @type {Awaited<ReturnType<typeof contentDir>>} */
let content;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  content = await contentDir(files);
  const run = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content.dir, '-o', content.out],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const bundle = await readBundle(content.out);
  server = await serve(content.out, bundle.site.base_path);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await content?.remove();
});

/**
 * Clicks the link to `hash` and says whether its target is then in view.
 * @param {import('playwright-core').Page} page @param {string} hash
 */
async function jump(page, hash) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator(`.post-body a[href="${hash}"]`).first().click();
  await page.waitForFunction((h) => location.hash === h, hash);
  return page.evaluate((id) => {
    const target = document.getElementById(id) ?? document.querySelector(`a[name="${CSS.escape(id)}"]`);
    if (!target) return 'no target';
    const box = target.getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight ? 'in view' : `at ${box.top}`;
  }, hash.slice(1));
}

test('in-page links reach ids and names in raw HTML, in the static page and when the app renders it', async () => {
  const { page, pageErrors, close } = await openPage(browser);
  try {
    const postUrl = new URL('posts/anchors/', server.url).href;
    for (const how of ['static page', 'rendered by the app']) {
      if (how === 'static page') {
        await page.goto(postUrl);
        assert.equal(await appReady(page), true);
      } else {
        await page.goto(new URL('posts/callouts/', server.url).href);
        assert.equal(await appReady(page), true);
        await rendered(page, () => page.evaluate((href) => {
          const a = document.createElement('a');
          a.href = href;
          document.body.append(a);
          a.click();
          a.remove();
        }, postUrl));
      }
      const body = page.locator('.post-body');
      assert.equal(await body.locator('h3#later').count(), 1, how);
      assert.equal(await body.locator('sup[id="fnref:1"]').count(), 1, how);
      assert.equal(await body.locator('li[id="fn:1"]').count(), 1, how);
      assert.equal(await body.locator('a[name="note1"]').count(), 1, how);
      // align="center" is text-align: -webkit-center in Chromium (blocks inside centred too).
      assert.match(await body.locator('p[align="center"]').evaluate((p) => getComputedStyle(p).textAlign), /center/, how);
      for (const hash of ['#later', '#fn:1', '#note1', '#fnref:1']) assert.equal(await jump(page, hash), 'in view', `${how}: ${hash}`);
    }
    // Arriving from another page at a fragment the app resolves: an <a name> too.
    await page.goto(new URL('posts/callouts/', server.url).href);
    assert.equal(await appReady(page), true);
    await rendered(page, () => page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      document.body.append(a);
      a.click();
      a.remove();
    }, new URL('posts/anchors/#note1', server.url).href));
    const top = await page.locator('a[name="note1"]').evaluate((a) => a.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 720, `the <a name> is at ${top}`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('callouts are styled in both themes, and axe finds no violations on them', async () => {
  await mkdir(screenshotDir, { recursive: true });
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const { page, close } = await openPage(browser, { colorScheme: scheme, viewport: { width: 800, height: 900 } });
    try {
      await page.goto(new URL('posts/callouts/', server.url).href);
      assert.equal(await appReady(page), true);
      const looks = await page.locator('.post-body .callout').evaluateAll((divs) => divs.map((d) => {
        const s = getComputedStyle(d);
        return { border: s.borderLeftColor, width: s.borderLeftWidth, background: s.backgroundColor };
      }));
      assert.equal(looks.length, 4);
      for (const look of looks) {
        assert.equal(look.width, '4px');
        assert.notEqual(look.background, 'rgba(0, 0, 0, 0)', 'a tinted background');
      }
      assert.equal(new Set(looks.map((l) => l.border)).size, 4, 'one hue a kind');
      await page.locator('.post-body').screenshot({ path: path.join(screenshotDir, `callouts-${scheme}.png`) });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], scheme);
    } finally {
      await close();
    }
  }
});
