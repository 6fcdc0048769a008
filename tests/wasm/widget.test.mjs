// Bundle.renderWidget (web/quire.js) against the built WASM module, in node:
// the binding of src/core/widget.hpp and its errors as QuireErrors.
// Run: node --test tests/wasm/   (after scripts/build.sh)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { QuireError, getCore, loadBundle } from '../../web/quire.js';

before(async () => {
  const moduleUrl = new URL('../../build/wasm/quire-core.js', import.meta.url);
  const wasmBinary = await readFile(new URL('../../build/wasm/quire-core.wasm', import.meta.url));
  await getCore({ moduleUrl, wasmBinary });
});

const bundleText = JSON.stringify({
  format: 'quire-bundle',
  version: 1,
  site: { title: 'Widget test', url: 'https://blog.example', base_path: '/', posts_per_page: 2 },
  posts: [
    { slug: 'b', title: 'Bee', date: '2024-02-01', tags: ['x'], summary: 'Bee *summary*.',
      body: '## Part\n\nText[^1] and [a link](/posts/a/) ![i](/images/i.png).\n\n[^1]: Note.' },
    { slug: 'a', title: 'Ay', date: '2024-01-01', tags: ['x'], summary: 'Ay.', body: 'Ay.' },
  ],
});

test('renderWidget returns the core\'s markup for each view', async () => {
  const bundle = await loadBundle(bundleText);
  const latest = bundle.renderWidget({ limit: 1 });
  assert.equal(latest.title, 'Widget test');
  assert.match(latest.html, /href="https:\/\/blog\.example\/posts\/b\/" data-slug="b">Bee<\/a>/);
  assert.doesNotMatch(latest.html, />Ay</);

  const post = bundle.renderWidget({ view: 'post', slug: 'b', idPrefix: 'w7-', back: true });
  assert.equal(post.title, 'Bee');
  assert.match(post.html, /id="w7-part"/);
  assert.match(post.html, /href="#w7-fn-1"/);
  assert.match(post.html, /href="https:\/\/blog\.example\/posts\/a\/"/);
  assert.match(post.html, /data-quire-action="back"/);

  // Images load from the bundle's folder; links keep the site's url.
  const served = bundle.renderWidget({ view: 'post', slug: 'b', bundleBase: 'http://localhost:9/dist/' });
  assert.match(served.html, /src="http:\/\/localhost:9\/dist\/images\/i\.png"/);
  assert.match(served.html, /href="https:\/\/blog\.example\/posts\/a\/"/);

  assert.match(bundle.renderWidget({ view: 'tag', tag: 'x' }).html, /Posts tagged “x”/);
  assert.match(bundle.renderWidget({ view: 'archive' }).html, /February 2024/);
  assert.match(bundle.renderWidget({ view: 'month', month: '2024-01' }).html, />Ay</);
  assert.match(bundle.renderWidget({ linkBase: 'http://localhost:1234/' }).html,
    /href="http:\/\/localhost:1234\/posts\/b\/"/);
  bundle.release();
});

test('renderWidget shows a category, and a post\'s categories, when the blog keeps them apart', async () => {
  const bundle = await loadBundle(JSON.stringify({
    format: 'quire-bundle',
    version: 1,
    site: { title: 'Widget test', url: 'https://blog.example', base_path: '/', categories: true },
    posts: [
      { slug: 'b', title: 'Bee', date: '2024-02-01', tags: ['x'], categories: ['Field Notes'], summary: 'Bee.', body: 'Bee.' },
      { slug: 'a', title: 'Ay', date: '2024-01-01', tags: [], categories: ['field notes', 'Other'], summary: 'Ay.', body: 'Ay.' },
    ],
  }));
  const list = bundle.renderWidget({ view: 'category', category: 'field-notes' });
  assert.match(list.html, /Posts in category “Field Notes”/);
  assert.match(list.html, />Bee</);
  assert.match(list.html, />Ay</);
  assert.match(list.html, /href="https:\/\/blog\.example\/categories\/field-notes\/"/);
  assert.match(bundle.renderWidget({ view: 'post', slug: 'a' }).html,
    /<p class="categories" part="categories">in <a [^>]*href="https:\/\/blog\.example\/categories\/field-notes\/">field notes<\/a> and <a [^>]*href="https:\/\/blog\.example\/categories\/other\/">Other<\/a><\/p>/,
    'categories read as a line, not as tag pills');
  assert.throws(() => bundle.renderWidget({ view: 'category', category: 'x' }),
    (error) => error instanceof QuireError && error.code === 'not-found' && /^category: no posts in category "x"/.test(error.message));
  bundle.release();
});

test('renderWidget throws QuireErrors that name the attribute', async () => {
  const bundle = await loadBundle(bundleText);
  /** @param {object} options @param {string} code @param {RegExp} message */
  const refuses = (options, code, message) => assert.throws(() => bundle.renderWidget(options),
    (error) => error instanceof QuireError && error.code === code && message.test(error.message));
  refuses({ view: 'list' }, 'request', /^view: expected latest, post, tag, category, archive or month, got "list"$/);
  refuses({ view: 'month', month: '2024-1' }, 'request', /^month: expected YYYY-MM/);
  refuses({ limit: 'many' }, 'request', /^limit: /);
  refuses({ linkBase: 'javascript:alert(1)' }, 'request', /^link-base: /);
  refuses({ view: 'post', slug: 'zz' }, 'not-found', /^slug: no post "zz"/);
  refuses({ view: 'tag', tag: 'zz' }, 'not-found', /^tag: no posts tagged "zz"/);
  bundle.release();
  refuses({}, 'released', /released/);
});
