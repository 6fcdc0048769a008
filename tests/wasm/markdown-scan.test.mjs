// The markdown renderer's byte scans in WebAssembly (src/core/markdown.cpp,
// find_any): 16 bytes at a time with SIMD, and the last partial block of a
// text loaded whole with the bytes past its end masked off. A character to
// escape, a footnote reference or a code span at every offset of a text
// (so at every place of the last block), with what follows the text in
// memory holding characters the scan looks for; and the markdown path of
// renderMarkdownWith through the module's plain exports, with and without
// an id prefix, across memory growth.
// Run: node --test tests/wasm/markdown-scan.test.mjs   (after scripts/build.sh)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { getCore, renderMarkdown, renderMarkdownWith } from '../../web/quire.js';

/** @type {import('../../web/quire.js').QuireCore} */
let core;

before(async () => {
  // Node 20 cannot fetch with emcc 3.1.6's glue: hand it the bytes.
  const wasmBinary = await readFile(new URL('../../build/wasm/quire-core.wasm', import.meta.url));
  core = await getCore({ moduleUrl: new URL('../../build/wasm/quire-core.js', import.meta.url), wasmBinary });
});

test('a character to escape is found at every offset of a text, the last byte included', async () => {
  for (let n = 0; n < 40; n += 1) {
    const a = `x${'a'.repeat(n)}`;  // a letter first: '>' alone would open a quote
    for (const [ch, entity] of [['<', '&lt;'], ['&', '&amp;'], ['>', '&gt;'], ['"', '&quot;']]) {
      assert.equal(await renderMarkdown(`${a}${ch}`), `<p>${a}${entity}</p>\n`, `${JSON.stringify(ch)} after ${n} bytes`);
      // What follows the text in memory (an emphasis holding all four) is not the text's.
      assert.equal(await renderMarkdown(`${a} *<&>"*`), `<p>${a} <em>&lt;&amp;&gt;&quot;</em></p>\n`, `emphasis after ${n} bytes`);
      assert.equal(await renderMarkdown(`\`${a}${ch}\``), `<p><code>${a}${entity}</code></p>\n`, `code, ${JSON.stringify(ch)} after ${n} bytes`);
    }
  }
});

test('a footnote reference and its definition are found at every offset', async () => {
  for (let n = 0; n < 40; n += 1) {
    const a = 'a'.repeat(n);
    const html = await renderMarkdown(`${a}[^1] b\n\n[^1]: ${a}note.\n`);
    assert.ok(html.startsWith(`<p>${a}<sup class="footnote-ref"><a href="#fn-1" id="fnref-1"`), `reference after ${n} bytes: ${html}`);
    assert.ok(html.includes(`<li id="fn-1">\n<p>${a}note.&nbsp;<a href="#fnref-1"`), `note after ${n} bytes: ${html}`);
    // In code it stays literal text.
    assert.equal(await renderMarkdown(`\`${a}[^1]\`\n\n[^1]: x\n`), `<p><code>${a}[^1]</code></p>\n`, `in code after ${n} bytes`);
  }
});

test('renderMarkdownWith renders through the plain exports as through Embind, with and without an id prefix', async () => {
  assert.equal(typeof core._quire_render_input, 'function');
  const doc = '## Title\n\nText[^1] with <b>tags</b> & "quotes".\n\n[^1]: A note.\n';
  const plain = renderMarkdownWith(core, doc);
  const { written } = new TextEncoder().encodeInto(doc, core.inputBuffer(doc.length * 3));
  assert.equal(plain, new TextDecoder().decode(core.renderMarkdownInput(written ?? 0, false, '')));
  assert.match(plain, /^<h2 id="title">Title<a class="heading-anchor" href="#title"/);
  assert.match(renderMarkdownWith(core, doc, { idPrefix: 'w-' }), /^<h2 id="w-title">/);
  assert.match(renderMarkdownWith(core, '<div class="raw">hi</div>\n', { unsafeHtml: true }), /^<div class="raw">hi<\/div>/);
  // A document big enough to grow the module's memory (fresh views after it).
  const big = `${'word '.repeat(200000)}\n\nend é\n`;
  const html = renderMarkdownWith(core, big);
  assert.ok(html.startsWith('<p>word word') && html.endsWith('<p>end é</p>\n'));
  assert.equal(renderMarkdownWith(core, doc), plain);
});
