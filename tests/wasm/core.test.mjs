// The WASM core through its public JS facade (web/quire.js), in node.
// Run: node --test tests/wasm/   (after scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { QuireError, Bundle, getCore, loadBundle, fetchBundle, renderMarkdown } from '../../web/quire.js';
import { startServer } from '../../scripts/serve.mjs';

const moduleUrl = new URL('../../build/wasm/quire-core.js', import.meta.url);
const wasmUrl = new URL('../../build/wasm/quire-core.wasm', import.meta.url);

// Counts instantiations, to show that one module serves every caller.
let instantiations = 0;
const realInstantiate = WebAssembly.instantiate;

before(async () => {
  // Node 20 cannot fetch with emcc 3.1.6's glue: hand it the bytes.
  const wasmBinary = await readFile(wasmUrl);
  WebAssembly.instantiate = /** @type {typeof WebAssembly.instantiate} */ (function (...args) {
    // Only ours: node's own fetch instantiates a WASM module of its own.
    const source = /** @type {any} */ (args[0]);
    if (source?.byteLength === wasmBinary.byteLength) instantiations += 1;
    return realInstantiate.apply(this, /** @type {any} */ (args));
  });
  await getCore({ moduleUrl, wasmBinary });
});

after(() => {
  WebAssembly.instantiate = realInstantiate;
});

/** A bundle as `quire build` writes it: newest post first. */
function sampleBundle() {
  return {
    format: 'quire-bundle',
    version: 1,
    site: {
      title: 'Test Blog', description: 'A blog for tests.', author: 'Tess Ter', url: 'https://test.example',
      base_path: '/', language: 'en', posts_per_page: 2, date_format: '%B %-d, %Y', unsafe_html: false,
    },
    posts: [
      {
        slug: 'wasm-notes', title: 'Notes on WebAssembly', date: '2024-03-20T10:00:00Z', tags: ['wasm', 'toolchain'],
        summary: 'What we learned shipping a **WASM** core.',
        body: 'What we learned shipping a WASM core.[^size]\n\n## Size matters\n\nSmall is good.\n\n' +
          '[^size]: Measured with gzip.\n',
      },
      {
        slug: 'spring-cleaning', title: 'Spring cleaning', date: '2024-03-02T09:00:00+01:00', tags: ['life'],
        summary: 'Tidying the garden.', body: 'Tidying the garden and the **shed**.\n',
      },
      {
        slug: 'tables-and-lists', title: 'Tables & lists', date: '2024-02-14T12:00:00Z', tags: ['markdown', 'wasm'],
        summary: 'GFM tables.', body: '| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] to do\n',
      },
      {
        slug: 'hello-world', title: 'Hello, <world>', date: '2024-01-05T08:00:00Z', tags: ['life', 'wasm'],
        summary: 'The first post.', body: 'Hello there, zebrafish.\n',
      },
      {
        slug: 'older-still', title: 'An older post', date: '2023-12-24T18:00:00Z', tags: ['wasm'],
        summary: 'From last year.', body: 'Christmas eve.\n',
      },
    ],
  };
}

/** @param {unknown} value */
const bytesOf = (value) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

/** @type {Bundle} */
let bundle;

test('a bundle loads from bytes and reports its posts', async () => {
  bundle = await loadBundle(bytesOf(sampleBundle()));
  assert.ok(bundle instanceof Bundle);
  assert.equal(bundle.posts, 5);
  assert.equal(typeof bundle.handle, 'number');
});

test('an ArrayBuffer loads as well as a Uint8Array', async () => {
  const b = await loadBundle(bytesOf(sampleBundle()).buffer);
  assert.equal(b.posts, 5);
  b.release();
});

test('the home page lists the newest posts, paginated', () => {
  const v = bundle.render('/');
  assert.equal(v.status, 200);
  assert.equal(v.title, 'Test Blog');
  assert.equal(v.path, '/');
  assert.equal(v.description, 'A blog for tests.');
  assert.match(v.html, /<header class="site-header">/);
  assert.match(v.html, /<main id="main"/);
  assert.match(v.html, /Latest posts/);
  assert.match(v.html, /href="\/posts\/wasm-notes\/">Notes on WebAssembly</);
  assert.match(v.html, /Spring cleaning/);
  assert.doesNotMatch(v.html, /Tables &amp; lists/);
  assert.match(v.html, /href="\/page\/2\/"/);
  assert.match(v.html, /<time datetime="2024-03-20T10:00:00Z">March 20, 2024<\/time>/);
  assert.match(v.html, /<strong>WASM<\/strong>/, 'summaries are rendered markdown');
});

test('home page 2 shows the next posts and escapes titles', () => {
  const v = bundle.render('/page/2/');
  assert.equal(v.status, 200);
  assert.equal(v.title, 'Page 2 — Test Blog');
  assert.match(v.html, /Posts, page 2/);
  assert.match(v.html, /Tables &amp; lists/);
  assert.match(v.html, /Hello, &lt;world&gt;/);
  assert.doesNotMatch(v.html, /<world>/);
  assert.doesNotMatch(v.html, /Notes on WebAssembly<\/a><\/h2>/);
  assert.equal(bundle.render('/page/4/').status, 404, 'a page past the end is not found');
});

test('a post renders its title, meta, tags, body and footnotes', () => {
  const v = bundle.render('/posts/wasm-notes/');
  assert.equal(v.status, 200);
  assert.equal(v.title, 'Notes on WebAssembly — Test Blog');
  assert.equal(v.path, '/posts/wasm-notes/');
  assert.match(v.html, /<article class="post" data-slug="wasm-notes">/);
  assert.match(v.html, /<h1>Notes on WebAssembly<\/h1>/);
  assert.match(v.html, /href="\/tags\/wasm\/"/);
  assert.match(v.html, /<h2 id="size-matters">Size matters<a class="heading-anchor" href="#size-matters" aria-hidden="true" tabindex="-1">#<\/a><\/h2>/);
  assert.match(v.html, /class="footnotes"/);
  assert.match(v.html, /Measured with gzip/);
  assert.match(v.html, /class="post-nav"/);
  // Without a trailing slash too, and as <main> only.
  const main = bundle.render('/posts/wasm-notes', 'main');
  assert.equal(main.status, 200);
  assert.doesNotMatch(main.html, /site-header/);
  assert.match(main.html, /^<article class="post"/);
});

test('the tags index lists every tag with its count', () => {
  const v = bundle.render('/tags/');
  assert.equal(v.status, 200);
  assert.match(v.html, /href="\/tags\/wasm\/">wasm<\/a> <span class="count">\(4\)<\/span>/);
  assert.match(v.html, /href="\/tags\/life\/">life<\/a> <span class="count">\(2\)<\/span>/);
  assert.match(v.html, />markdown<\/a>/);
  assert.match(v.html, />toolchain<\/a>/);
});

test('a tag page lists its posts, paginated', () => {
  const p1 = bundle.render('/tags/wasm/');
  assert.equal(p1.status, 200);
  assert.match(p1.title, /Posts tagged “wasm”/);
  assert.match(p1.html, /4 posts/);
  assert.match(p1.html, /Notes on WebAssembly/);
  assert.match(p1.html, /Tables &amp; lists/);
  assert.doesNotMatch(p1.html, /Spring cleaning/);
  const p2 = bundle.render('/tags/wasm/page/2/');
  assert.equal(p2.status, 200);
  assert.match(p2.html, /Hello, &lt;world&gt;/);
  assert.match(p2.html, /An older post/);
  assert.doesNotMatch(p2.html, /Notes on WebAssembly/);
  assert.equal(bundle.render('/tags/nope/').status, 404);
});

test('the archive lists months with counts; a month lists its posts', () => {
  const a = bundle.render('/archive/');
  assert.equal(a.status, 200);
  assert.match(a.html, /href="\/archive\/2024\/03\/">March<\/a> <span class="count">\(2<span class="sr-only"> posts<\/span>\)<\/span>/);
  assert.match(a.html, /href="\/archive\/2023\/12\/">December<\/a>/);
  assert.match(a.html, /<h2 id="year-2023">2023<\/h2>/);
  const m = bundle.render('/archive/2024/03/');
  assert.equal(m.status, 200);
  assert.equal(m.title, 'March 2024 — Test Blog');
  assert.match(m.html, /2 posts/);
  assert.match(m.html, /Notes on WebAssembly/);
  assert.match(m.html, /Spring cleaning/);
  assert.doesNotMatch(m.html, /Tables &amp; lists/);
  assert.equal(bundle.render('/archive/2022/01/').status, 404);
});

test('search finds posts by every term, in titles, tags and bodies', () => {
  const v = bundle.render('/search/?q=zebrafish');
  assert.equal(v.status, 200);
  assert.equal(v.path, '/search/');
  assert.match(v.html, /1 post matches “zebrafish”/);
  assert.match(v.html, /Hello, &lt;world&gt;/);
  assert.match(v.html, /value="zebrafish"/);
  const two = bundle.render('/search/?q=WASM+tables');
  assert.match(two.html, /1 post matches “WASM tables”/);
  assert.match(two.html, /Tables &amp; lists/);
  const none = bundle.render('/search/?q=%3Cscript%3E');
  assert.match(none.html, /0 posts match “&lt;script&gt;”/);
  const empty = bundle.render('/search/');
  assert.equal(empty.status, 200);
  assert.match(empty.html, /class="search-form"/);
});


/**
 * Every page of a search's results as one string: pages are rendered until
 * one is out of range (a 404), so the count a page holds is not assumed.
 * @param {import('../../web/quire.js').Bundle} b
 * @param {string} q
 */
function searchPages(b, q) {
  let html = '';
  for (let n = 1; n <= 100; n += 1) {
    const view = b.render(`/search/?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ''}`);
    if (view.status !== 200) return html;
    html += view.html;
  }
  throw new Error(`${q}: still a page of results at page 100`);
}

test('the WASM search scan finds a term wherever it falls, in either case, and nothing past the end', async () => {
  // Search looks for a term's first letter 16 bytes at a time with SIMD
  // (only in the WASM build): put the term at every offset of a summary,
  // with and without a near miss before it, cut short at the end.
  const posts = [];
  for (let at = 0; at < 40; at += 1) {
    const filler = 'x'.repeat(at);
    posts.push({ slug: `hit-${at}`, title: 'T', date: '2024-01-02', summary: `${filler}NeedLE${'y'.repeat(at % 5)}` });
    posts.push({ slug: `near-${at}`, title: 'T', date: '2024-01-01', summary: `${filler}needlnEEDLe` });
    posts.push({ slug: `cut-${at}`, title: 'T', date: '2023-01-01', summary: `${filler}needl` });
  }
  const b = await loadBundle(bytesOf({ format: 'quire-bundle', version: 1, site: { title: 'S' }, posts }));
  try {
    const first = b.render('/search/?q=needle').html;
    assert.match(first, /80 posts match “needle” · 1–10 shown/);
    const html = searchPages(b, 'needle');
    for (let at = 0; at < 40; at += 1) {
      assert.ok(html.includes(`/posts/hit-${at}/`), `a match at ${at}`);
      assert.ok(html.includes(`/posts/near-${at}/`), `a match after a near miss at ${at}`);
      assert.ok(!html.includes(`/posts/cut-${at}/`), `no match cut short at ${at}`);
    }
    const near = b.render('/search/?q=nEEDLe');
    assert.match(near.html, /80 posts match/);
    assert.match(b.render('/search/?q=needl').html, /120 posts match/);
    assert.match(b.render('/search/?q=needlz').html, /0 posts match/);
  } finally {
    b.release();
  }
});

test('the WASM search scan finds a term with letters beyond ASCII wherever it falls, and nothing past the end', async () => {
  // A term whose first letter is not ASCII is looked for at every lead
  // byte of a multi-byte character, 16 bytes at a time (WASM only); one
  // whose first letter is ASCII at that letter, folding what follows.
  const posts = [];
  for (let at = 0; at < 40; at += 1) {
    const filler = 'é'.repeat(at >> 1) + 'x'.repeat(at & 1);  // every byte offset, lead bytes before it
    posts.push({ slug: `hit-${at}`, title: 'T', date: '2024-01-02', summary: `${filler}ÜBERsee Äpfel` });
    posts.push({ slug: `near-${at}`, title: 'T', date: '2024-01-01', summary: `${filler}übeüBER äpfeL` });
    posts.push({ slug: `cut-${at}`, title: 'T', date: '2023-01-01', summary: `${filler}übe äpf` });
  }
  const b = await loadBundle(bytesOf({ format: 'quire-bundle', version: 1, site: { title: 'S' }, posts }));
  try {
    for (const q of ['über', 'ÄPFEL']) {
      const first = b.render(`/search/?q=${encodeURIComponent(q)}`).html;
      assert.match(first, /80 posts match .* · 1–10 shown/, q);
      const html = searchPages(b, q);
      for (let at = 0; at < 40; at += 1) {
        assert.ok(html.includes(`/posts/hit-${at}/`), `${q}: a match at ${at}`);
        assert.ok(html.includes(`/posts/near-${at}/`), `${q}: a match after a near miss at ${at}`);
        assert.ok(!html.includes(`/posts/cut-${at}/`), `${q}: no match cut short at ${at}`);
      }
    }
    assert.match(b.render(`/search/?q=${encodeURIComponent('bersee')}`).html, /40 posts match/);  // ASCII after 'Ü'
    assert.match(b.render(`/search/?q=${encodeURIComponent('übex')}`).html, /0 posts match/);
  } finally {
    b.release();
  }
});

test('an unknown path renders the 404 view with status 404', () => {
  for (const p of ['/nope/', '/posts/missing/', '/posts/', '/archive/2024/13/']) {
    const v = bundle.render(p);
    assert.equal(v.status, 404, p);
    assert.equal(v.title, 'Page not found — Test Blog');
    assert.match(v.html, /<h1 class="page-title">Page not found<\/h1>/);
  }
});

test("the site's hard_breaks makes a paragraph's line breaks <br> in the browser's render too", async () => {
  const poem = { ...sampleBundle() };
  poem.posts = [{ slug: 'poem', title: 'Poem', date: '2024-01-01T00:00:00Z', tags: [], summary: 'one\ntwo', body: 'one\ntwo\n\n    code\n    lines\n' }];
  const off = await loadBundle(bytesOf(poem));
  assert.match(off.render('/posts/poem/', 'main').html, /<p>one\ntwo<\/p>/);
  off.release();
  const on = await loadBundle(bytesOf({ ...poem, site: { ...poem.site, hard_breaks: true } }));
  const html = on.render('/posts/poem/', 'main').html;
  assert.match(html, /<p>one<br>\ntwo<\/p>/);
  assert.match(html, /<code>code\nlines\n<\/code>/);
  assert.match(on.render('/', 'main').html, /<p>one<br>\ntwo<\/p>/);  // the summary
  on.release();
});

test('renderMarkdown renders footnotes', async () => {
  const html = await renderMarkdown('A claim.[^1] Another.[^note]\n\n[^1]: Source one.\n[^note]: Source two.\n');
  assert.match(html, /<sup class="footnote-ref">/);
  assert.match(html, /<section class="footnotes"/);
  assert.match(html, /<a [^>]*class="footnote-backref"/);
  assert.match(html, /Source one\./);
  assert.ok(html.indexOf('Source one') < html.indexOf('Source two'), 'numbered in order of reference');
});

test('renderMarkdown renders GFM tables and task lists', async () => {
  const html = await renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n');
  assert.match(html, /<table tabindex="0">/);
  assert.match(html, /<th[^>]*>a<\/th>/);
  assert.match(html, /<td[^>]*>2<\/td>/);
  assert.match(html, /<li class="task-list-item">/);
  assert.match(html, /<input [^>]*class="task-list-item-checkbox"[^>]*checked/);
});

test('renderMarkdown gives headings ids, de-duplicated and prefixed', async () => {
  const html = await renderMarkdown('## Hello *World*\n\n## Hello World\n');
  assert.match(html, /<h2 id="hello-world">Hello <em>World<\/em><a class="heading-anchor" href="#hello-world" aria-hidden="true" tabindex="-1">#<\/a><\/h2>/);
  assert.match(html, /<h2 id="hello-world-1">/);
  const prefixed = await renderMarkdown('## Hello\n\nx[^a]\n\n[^a]: y\n', { idPrefix: 'w1-' });
  assert.match(prefixed, /id="w1-hello"/);
  const ids = [...prefixed.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length >= 2 && ids.every((id) => id.startsWith('w1-')), ids.join(' '));
});

test('renderMarkdown neutralises javascript: links and raw HTML', async () => {
  const html = await renderMarkdown('[x](javascript:alert(1)) [y](&#106;avascript:alert(2)) ' +
    '![a"b](JaVaScRiPt:alert(3)) [ok](https://example.com/)\n\n<script>alert(4)</script>\n');
  assert.doesNotMatch(html, /javascript:/i);
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /x/);
  assert.match(html, /<a href="https:\/\/example.com\/">ok<\/a>/);
  const unsafe = await renderMarkdown('<div class="raw">hi</div>\n', { unsafeHtml: true });
  assert.match(unsafe, /<div class="raw">hi<\/div>/);
  // Without unsafeHtml only the canonical raw HTML of src/core/sanitize.hpp passes.
  const safe = await renderMarkdown('<div class="raw" onclick="alert(5)">hi</div>\n');
  assert.doesNotMatch(safe, /<div|onclick/);
  assert.equal(await renderMarkdown('<div class="raw">hi</div>\n'), '<div class="raw">hi</div>\n');
});

/**
 * @param {unknown} bytes
 * @param {string} code
 * @param {RegExp} message
 */
async function rejectsWith(bytes, code, message) {
  await assert.rejects(loadBundle(bytesOf(bytes)), (error) => {
    assert.ok(error instanceof QuireError, `a QuireError, not ${typeof error}: ${error}`);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'QuireError');
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

test('malformed bundles reject with a QuireError naming the problem', async () => {
  await rejectsWith('{"format": "quire-bundle", ', 'parse', /not valid JSON \(syntax error at byte \d+/);
  await rejectsWith('', 'parse', /not valid JSON/);
  await rejectsWith([1, 2], 'format', /expected a JSON object, got array/);
  await rejectsWith({ format: 'something-else', version: 1, site: {}, posts: [] }, 'format',
    /format: expected "quire-bundle"/);
  await rejectsWith({ ...sampleBundle(), version: 4 }, 'version', /bundle version 4 is newer/);
  const badDate = sampleBundle();
  /** @type {any} */ (badDate.posts[1]).date = 20240302;
  await rejectsWith(badDate, 'schema', /^posts\[1\]\.date: expected string, got number$/);
  await rejectsWith({ format: 'quire-bundle', version: 1, site: {}, posts: [{ title: 3 }] }, 'schema',
    /^posts\[0\]\./);
  await rejectsWith({ format: 'quire-bundle', version: 1, site: { posts_per_page: 'ten' }, posts: [] }, 'schema',
    /site\.posts_per_page: expected integer/);
});

test('the WASM string scan stops at a control byte, a stray quote or non-ASCII wherever it falls', async () => {
  // The loader scans strings 32 and 16 bytes at a time with SIMD (only in
  // the WASM build): put each byte that ends a run at every offset of a
  // long string, and at every alignment of that string.
  const encoder = new TextEncoder();
  for (const pad of [0, 1, 7, 15]) {
    const head = encoder.encode(`{"format":"quire-bundle","version":1,"site":{},"posts":[{"slug":"a","title":"A",${' '.repeat(pad)}"date":"2024-01-01","summary":"`);
    const tail = encoder.encode('"}]}');
    for (let at = 0; at < 70; at += 1) {
      /** @param {number[]} inner */
      const bytes = (inner) => {
        const words = [...'x'.repeat(at)].map((c) => c.charCodeAt(0));
        const rest = [...'y'.repeat(69 - at)].map((c) => c.charCodeAt(0));
        return new Uint8Array([...head, ...words, ...inner, ...rest, ...tail]);
      };
      const offset = head.length + at;
      /** @param {Uint8Array} input @param {string} what */
      const refused = (input, what) => assert.rejects(loadBundle(input), (error) => {
        assert.ok(error instanceof QuireError);
        assert.equal(error.code, 'parse');
        assert.ok(error.message.includes(what), `${error.message} (wanted: ${what})`);
        return true;
      });
      await refused(bytes([0x01]), `at byte ${offset}: control character in a string`);
      await refused(bytes([0x80]), `at byte ${offset}: ill-formed UTF-8 byte`);
      await refused(bytes([0x22, 0x22]), `at byte ${offset + 1}: expected ',' or '}'`);
      for (const inner of [[0xC3, 0xA9], [0x5C, 0x2F]]) {  // é, \/
        const b = await loadBundle(bytes(inner));
        const text = `${'x'.repeat(at)}${inner[0] === 0xC3 ? 'é' : '/'}${'y'.repeat(69 - at)}`;
        assert.ok(b.render('/').html.includes(text), `summary read whole (at ${at})`);
        b.release();
      }
    }
  }
});

test('the module keeps working after rejected bundles (no abort)', async () => {
  const again = await loadBundle(bytesOf(sampleBundle()));
  assert.equal(again.render('/posts/hello-world/').status, 200);
  assert.equal(bundle.render('/').status, 200, 'earlier bundles are untouched');
  again.release();
});

test('a released bundle refuses to render', async () => {
  const b = await loadBundle(bytesOf(sampleBundle()));
  b.release();
  assert.throws(() => b.render('/'), (error) => error instanceof QuireError && error.code === 'released');
  b.release();  // twice is harmless
});

test('a large bundle loads (memory grows; no stale views)', async () => {
  const big = sampleBundle();
  const filler = 'All work and no play makes a long post. '.repeat(2000);
  for (let i = 0; i < 300; i += 1) {
    big.posts.push({
      slug: `filler-${i}`, title: `Filler ${i}`, date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
      tags: ['filler'], summary: 'Filler.', body: filler,
    });
  }
  const b = await loadBundle(bytesOf(big));
  assert.equal(b.posts, 305);
  assert.match(b.render('/tags/filler/').html, /300 posts/);
  b.release();
  const small = await loadBundle(bytesOf(sampleBundle()));
  assert.equal(small.posts, 5);
  small.release();
});

test('fetchBundle returns bytes, and HTTP errors become QuireError "fetch"', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'quire-fetch-'));
  await writeFile(path.join(dir, 'bundle.json'), JSON.stringify(sampleBundle()));
  const server = await startServer({ root: dir, quiet: true });
  try {
    const bytes = await fetchBundle(new URL('bundle.json', server.url));
    assert.ok(bytes instanceof Uint8Array);
    assert.equal((await loadBundle(bytes)).posts, 5);
    const missing = new URL('missing.json', server.url).href;
    await assert.rejects(fetchBundle(missing), (error) => {
      assert.ok(error instanceof QuireError);
      assert.equal(error.code, 'fetch');
      assert.equal(error.message, `Could not load the blog (HTTP 404 for ${missing})`);
      return true;
    });
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('one module instance serves every caller', async () => {
  const a = getCore();
  const b = getCore({ moduleUrl: 'elsewhere/quire-core.js' });
  assert.equal(a, b, 'the same promise, whatever the options');
  assert.equal(await a, await getCore());
  assert.equal((await a).bundleVersion(), 3);  // the newest it reads (src/core/bundle.hpp)
  assert.equal(instantiations, 1);
});
