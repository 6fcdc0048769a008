// `quire render` (native) and the browser's renderer (WASM) are one renderer:
// the same markdown gives byte-identical HTML.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { getCore, renderMarkdown } from '../../web/quire.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const quire = `${root}build/native/quire`;
const moduleUrl = new URL('../../build/wasm/quire-core.js', import.meta.url);
const wasmUrl = new URL('../../build/wasm/quire-core.wasm', import.meta.url);

before(async () => {
  await getCore({ moduleUrl, wasmBinary: await readFile(wasmUrl) });
});

/** @param {string} markdown @param {string[]} [args] */
function nativeRender(markdown, args = []) {
  const run = spawnSync(quire, ['render', ...args], { input: markdown, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** The body of a post file: what follows the front matter. */
function body(text) {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

test('every sample post renders the same natively and in WASM', async () => {
  const dir = `${root}content/posts/`;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
  assert.ok(files.length >= 10);
  for (const file of files) {
    const markdown = body(await readFile(dir + file, 'utf8'));
    const browser = await renderMarkdown(markdown);
    assert.ok(browser.length > 100, file);
    assert.equal(nativeRender(markdown), browser, file);
  }
});

test('the CommonMark spec renders the same natively and in WASM, safe and unsafe', async () => {
  const spec = await readFile(`${root}build/third_party/md4c-release-0.4.8/test/spec.txt`, 'utf8');
  assert.equal(nativeRender(spec), await renderMarkdown(spec));
  assert.equal(nativeRender(spec, ['--unsafe-html']), await renderMarkdown(spec, { unsafeHtml: true }));
});

test('hostile bytes render the same natively and in WASM', async () => {
  const nasty = '\uFEFFa\u0000b\r\nc\rd [x](java&#x09;script:alert(1)) <script>x</script> [^n]\n\n[^n]: note\n';
  assert.equal(nativeRender(nasty), await renderMarkdown(nasty));
});
