// `quire render` (native) and the browser's renderer (WASM) are one renderer:
// the same markdown gives byte-identical HTML.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { getCore, loadBundle, renderMarkdown } from '../../web/quire.js';

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

// A broken scan can loop for ever: these fail after a generous while instead.
const hangGuard = { timeout: 120_000 };

test('line ends and NUL bytes at every offset render the same natively and in WASM', hangGuard, async () => {
  // The WASM build finds line ends 16 bytes at a time (md4c's strcspn, and
  // the footnote pre-pass's scans): lines of every length up to past two
  // blocks, each break kind, a NUL at each place, a document ending with a
  // break and one without. One document per case keeps spawns few.
  const breaks = ['\n', '\r\n', '\r'];
  for (const end of ['\n', '']) {
    let doc = '';
    for (let length = 0; length < 40; length += 1) {
      const text = 'x'.repeat(length);
      const nul = length ? `${text.slice(0, length >> 1)}\u0000${text.slice(length >> 1)}` : '\u0000';
      doc += `${text}${breaks[length % 3]}${nul}${breaks[(length + 1) % 3]}\n`;
      if (length % 7 === 0) doc += `[^n${length}]: note ${text}${breaks[length % 3]}`;
    }
    doc += `see [^n0] and [^n7]${end}`;
    const browser = await renderMarkdown(doc);
    assert.ok(browser.includes('footnotes'), 'the notes are found');
    assert.equal(nativeRender(doc), browser);
  }
});

test('footnotes around fences, code and HTML lines render the same natively and in WASM', hangGuard, async () => {
  // The footnote pre-pass jumps between lines that may hold a definition
  // and looks back for fences, blank lines and lines with '`' or '<', with
  // SIMD scans in WASM only: every line break kind, lines of every length
  // across the 16-byte steps, definitions inside and after fences (``` and
  // ~~~), right after code or HTML lines, and in quotes.
  for (const br of ['\n', '\r\n', '\r']) {
    let doc = `x[^a] y[^b] z[^c]${br}${br}`;
    for (let length = 0; length < 40; length += 1) {
      const pad = 'p'.repeat(length);
      const fence = length % 2 ? '```' : '~~~';
      doc += `${fence}${br}[^a]: in code ${pad}${br}${fence}${br}${br}`;
      doc += `${pad} \`tick\`${br}[^b]: after code ${pad}${br}${br}`;
      doc += `<span>${pad}</span>${br}[^c]: after html ${pad}${br}${br}`;
      doc += `> ${pad}${br}> [^q${length}]: quoted ${pad}${br}${br}`;
      doc += `${' '.repeat(length % 4)}[^a]: note ${pad}${br}    more ${pad}${br}${br}`;
    }
    const browser = await renderMarkdown(doc);
    assert.ok(browser.includes('<section class="footnotes"'), 'the notes are found');
    assert.equal(nativeRender(doc), browser, JSON.stringify(br));
  }
});

test('highlighted code: every sample post\'s pre-rendered <main> and WASM view (and widget) are byte-identical', async () => {
  // `quire build` highlights code blocks (tree-sitter, native only) and puts
  // the token runs in the bundle; the WASM core replays them.
  const out = await mkdtemp(join(tmpdir(), 'quire-parity-'));
  try {
    const run = spawnSync(quire, ['build', `${root}content`, '-o', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const bytes = await readFile(join(out, 'bundle.json'));
    const posts = JSON.parse(bytes.toString('utf8')).posts;
    const bundle = await loadBundle(bytes);
    const languages = new Set();
    let spans = 0;
    for (const { slug } of posts) {
      const page = await readFile(join(out, 'posts', slug, 'index.html'), 'utf8');
      const main = /<main id="main"[^>]*>\n([\s\S]*)<\/main>/.exec(page);
      assert.ok(main, slug);
      assert.equal(bundle.render(`/posts/${slug}/`, 'main').html, main[1], slug);
      spans += (main[1].match(/<span class="tok-/g) || []).length;
      for (const [, lang, code] of main[1].matchAll(/<pre tabindex="0" data-lang="([^"]+)"><code[^>]*>([\s\S]*?)<\/code>/g))
        if (code.includes('<span class="tok-')) languages.add(lang);
      // The widget replays the same runs: the same code markup.
      const widget = bundle.renderWidget({ view: 'post', slug }).html;
      const codeOf = (html) => [...html.matchAll(/<pre[^>]*>[\s\S]*?<\/pre>/g)].map((m) => m[0]);
      assert.deepEqual(codeOf(widget), codeOf(main[1]), `widget ${slug}`);
    }
    // Views beyond posts: the archive index (every title), a month, home.
    for (const view of ['/', '/archive/', '/archive/2026/04/']) {
      const page = await readFile(join(out, view, 'index.html'), 'utf8');
      const main = /<main id="main"[^>]*>\n([\s\S]*)<\/main>/.exec(page);
      assert.ok(main, view);
      assert.equal(bundle.render(view, 'main').html, main[1], view);
    }
    assert.ok(spans > 200, `${spans} token spans`);
    assert.ok(languages.size >= 5, [...languages].join(' '));
    bundle.release?.();
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
