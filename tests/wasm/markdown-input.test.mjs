// renderMarkdown() reuses one input buffer in the module's memory from call
// to call (wasm/bindings.cpp). md4c 0.4.8 reads one byte past the end of
// its input ("1": the list-mark check; "[a](b": the link-destination
// check), so whatever an earlier, longer call left there must never reach
// it: the core hands md4c a NUL-terminated copy (src/core/markdown.cpp).
// Run: node --test tests/wasm/markdown-input.test.mjs   (after scripts/build.sh)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { getCore, renderMarkdown } from '../../web/quire.js';

before(async () => {
  // Node 20 cannot fetch with emcc 3.1.6's glue: hand it the bytes.
  const wasmBinary = await readFile(new URL('../../build/wasm/quire-core.wasm', import.meta.url));
  await getCore({ moduleUrl: new URL('../../build/wasm/quire-core.js', import.meta.url), wasmBinary });
});

test('an unclosed link after a closed one renders (it trapped: memory access out of bounds)', async () => {
  assert.equal(await renderMarkdown('[a](b)'), '<p><a href="b">a</a></p>\n');
  assert.equal(await renderMarkdown('[a](b'), '<p>[a](b</p>\n');
  // And again, in the other order and repeated: no call depends on the last.
  for (let i = 0; i < 3; i += 1) {
    assert.equal(await renderMarkdown('[a](b'), '<p>[a](b</p>\n');
    assert.equal(await renderMarkdown('[a](b)'), '<p><a href="b">a</a></p>\n');
  }
});

test('"1" renders the same after "x." as alone (it became an empty list item)', async () => {
  const alone = await renderMarkdown('1');
  assert.equal(alone, '<p>1</p>\n');
  assert.equal(await renderMarkdown('x.'), '<p>x.</p>\n');
  assert.equal(await renderMarkdown('1'), alone);
  assert.equal(await renderMarkdown('1)'), '<ol>\n<li></li>\n</ol>\n');  // the list mark itself still is one
  assert.equal(await renderMarkdown('2'), '<p>2</p>\n');
});

test('every prefix of a document renders the same whatever the buffer holds after it', async () => {
  const doc = '1. [a](b) *c* <x> `d`\n\n> 2) [e]: f\n';
  for (let n = doc.length; n >= 0; n -= 1) {
    const prefix = doc.slice(0, n);
    // A NUL right after the prefix (what md4c would stop at), then the rest
    // of the document there: the same HTML both times.
    await renderMarkdown(`${prefix}\0`);
    const terminated = await renderMarkdown(prefix);
    await renderMarkdown(doc);
    assert.equal(await renderMarkdown(prefix), terminated, `prefix of ${n} bytes`);
  }
});
