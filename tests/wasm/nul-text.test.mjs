// A NUL in front matter text (a YAML escape: title: "a\0b") reaches the
// reader the same way on both paths: the static page `quire build` writes
// and the page the WASM core renders in the browser from bundle.json. It
// was a raw NUL on the static page and U+FFFD in the app; the build now
// replaces it by U+FFFD, with a warning (src/build/content.cpp, load_yaml).
// Run: node --test tests/wasm/nul-text.test.mjs   (after scripts/build.sh)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { getCore, loadBundle } from '../../web/quire.js';
import { contentDir, repoRoot } from '../e2e/helpers.mjs';

before(async () => {
  const wasmBinary = await readFile(new URL('../../build/wasm/quire-core.wasm', import.meta.url));
  await getCore({ moduleUrl: new URL('../../build/wasm/quire-core.js', import.meta.url), wasmBinary });
});

/** The inside of a page's <main> element. */
function mainOf(/** @type {string} */ page) {
  const open = page.indexOf('>', page.indexOf('<main')) + 1;
  return page.slice(open, page.indexOf('</main>', open));
}

test('a NUL written as a YAML escape is U+FFFD on the static page and in the app alike', async () => {
  const site = await contentDir({
    'site.yaml': 'title: "Site\\0"\nurl: https://example.com\n',
    'posts/2022-01-01-a.md': '---\ntitle: "a\\0b"\ndate: 2022-01-01\ntags: ["x\\0y"]\nsummary: "s\\0"\n---\nBody.\n',
  });
  try {
    const cli = path.join(repoRoot, 'build/native/quire');
    const run = spawnSync(cli, ['build', site.dir, '-o', site.out], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const bundle = await loadBundle(await readFile(path.join(site.out, 'bundle.json')));
    for (const route of ['/posts/a/', '/', '/tags/x-y/', '/archive/2022/01/']) {
      const page = await readFile(path.join(site.out, route, 'index.html'), 'utf8');
      assert.ok(!page.includes('\0'), `no NUL on the static page ${route}`);
      assert.equal(bundle.render(route, 'main').html.trim(), mainOf(page).trim(), route);
    }
    assert.ok(bundle.render('/posts/a/', 'main').html.includes('a\uFFFDb'));
    assert.match(run.stderr, /2022-01-01-a\.md:2: title: a NUL \(\\0\) or an invalid character written as a YAML escape replaced by U\+FFFD/);
    bundle.release();
  } finally {
    await site.remove();
  }
});
