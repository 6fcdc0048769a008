// `quire import` on the fixture blogs of each engine (tests/fixtures/),
// then `quire build` on what it wrote: every post present with its title,
// date and tags, the report listing what it could not convert at
// file:line, and the source folder left as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { readBundle, repoRoot } from './helpers.mjs';

const cli = path.join(repoRoot, 'build/native/quire');
const fixtures = path.join(repoRoot, 'tests/fixtures');

/** @param {string[]} args */
const quire = (args) => spawnSync(cli, args, { encoding: 'utf8' });

/** Every file of a folder with a hash of its bytes. @param {string} dir */
async function snapshot(dir) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = {};
  for (const f of files) {
    const p = path.join(f.parentPath ?? f.path, f.name);
    out[path.relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
  }
  return out;
}

/**
 * What each fixture must give: its posts (slug, title, date prefix, tags,
 * categories; `bundle` for page bundles) and the constructs the report must list as
 * not converted, as "file:line: start of the construct".
 */
const cases = {
  jekyll: {
    posts: [
      { slug: 'liquid-tour', title: 'A tour of the Liquid tags', date: '2016-10-06T11:10:38-07:00', tags: ['liquid', 'kramdown'], categories: ['notes', 'tools'] },
      { slug: 'pi-day', title: 'Pi Day', date: '2019-03-14', tags: ['math', 'fun'] },
      { slug: 'on-the-road', title: 'On the road', date: '2018-07-01T08:30:00+02:00', tags: [], categories: ['travel'] },
      { slug: 'unfinished-thought', title: 'An unfinished thought', date: '', tags: ['ideas'] },
    ],
    notConverted: [
      '_posts/2016-10-06-liquid-tour.markdown:10: kramdown attribute list "{: .lead}" removed',
      '_posts/2016-10-06-liquid-tour.markdown:35: {% include newsletter.html %}',
      '_posts/2016-10-06-liquid-tour.markdown:37: {{ page.title }}',
    ],
    leftInText: ['2016-10-06-liquid-tour.md'],
  },
  hugo: {
    posts: [
      { slug: 'first-light', title: 'First light', date: '2021-03-02T07:15:00+01:00', tags: ['lamps', 'soldering'], categories: ['builds'] },
      { slug: 'second-wind', title: 'Second wind', date: '2021-04-10', tags: ['fans'], categories: ['builds', 'repairs'] },
      { slug: 'mountain-trip', title: 'A trip to the mountains', date: '2021-08-20T18:00:00+02:00', tags: ['travel'], bundle: true },
    ],
    notConverted: [
      'content/posts/second-wind.md:14: {{< tweet user="bo" id="1234" >}}',
      'content/posts/second-wind.md:16: {{% notice tip %}}',
    ],
    leftInText: ['second-wind.md'],
  },
  zola: {
    posts: [
      { slug: 'spring-notes', title: 'Spring notes', date: '2021-05-01T09:30:00-04:00', tags: ['garden', 'spring'], categories: ['journal'] },
      { slug: 'summer', title: 'Summer', date: '2021-07-15', tags: ['heat'] },
      { slug: 'autumn', title: 'Autumn leaves', date: '2021-10-03T16:45:00', tags: ['leaves'], bundle: true },
    ],
    notConverted: [
      'content/blog/summer.md:9: {{ youtube(id="dQw4w9WgXcQ") }}',
      'content/blog/summer.md:11: {% note(kind="warning") %}',
    ],
    leftInText: ['summer.md'],
  },
  eleventy: {
    posts: [
      { slug: 'first-evening', title: 'First evening', date: '2022-01-10', tags: ['evenings'] },
      { slug: 'second-evening', title: 'Second evening', date: '2022-02-02', tags: ['evenings', 'reading'] },
      { slug: 'third-evening', title: 'Third evening', date: '2022-03-03T21:00:00Z', tags: ['quiet'] },
    ],
    notConverted: [
      'src/posts/2022-02-02-second-evening.md:7: {{ metadata.title }}',
      'src/posts/third-evening.md:5: permalink: "/{{ page.fileSlug }}/" is computed by the old engine',
    ],
    leftInText: ['2022-02-02-second-evening.md'],
  },
};

/**
 * A post's tags are its own, in order; its categories are kept, as tags
 * (merged, the build's default) or as their own list: nothing lost, nothing
 * added.
 */
function assertTaxonomies(post, want) {
  const categories = want.categories ?? [];
  assert.deepEqual(post.tags.slice(0, want.tags.length), want.tags, `${want.slug}: tags`);
  const kept = [...(post.categories ?? []), ...(post.params?.categories ?? []), ...post.tags];
  for (const c of categories) assert.ok(kept.includes(c), `${want.slug}: category ${c} kept (${JSON.stringify(post)})`);
  for (const t of post.tags) assert.ok(want.tags.includes(t) || categories.includes(t), `${want.slug}: no tag ${t} added`);
}

/**
 * The same moment when the source gave an offset (the build may show it in
 * the site's time zone), else the same local date and time.
 */
function assertDate(post, want) {
  if (/T.*([+-]\d\d:\d\d|Z)$/.test(want.date))
    assert.equal(Date.parse(post.date), Date.parse(want.date), `${want.slug}: date ${post.date} is ${want.date}`);
  else assert.ok(post.date.startsWith(want.date), `${want.slug}: date ${post.date} is ${want.date}`);
}

/** Imports and builds one fixture. @param {string} engine */
async function importAndBuild(engine) {
  const src = path.join(fixtures, engine);
  const parent = await mkdtemp(path.join(tmpdir(), `quire-import-${engine}-`));
  const content = path.join(parent, 'content'), out = path.join(parent, 'dist');
  const before = await snapshot(src);
  const imported = quire(['import', engine, src, content]);
  const after = await snapshot(src);
  const built = quire(['build', content, '-o', out, '--drafts']);
  return { src, content, out, before, after, imported, built, remove: () => rm(parent, { recursive: true, force: true }) };
}

for (const [engine, expected] of Object.entries(cases)) {
  test(`${engine}: import then build gives every post with its title, date and tags; the report lists what was not converted`, async () => {
    const r = await importAndBuild(engine);
    try {
      assert.equal(r.imported.status, 0, r.imported.stderr);
      assert.deepEqual(r.after, r.before, 'the source folder is left as it was');
      assert.match(r.imported.stdout, new RegExp(`^quire: imported ${engine} blog `));
      assert.match(r.imported.stdout, new RegExp(`\\nposts: ${expected.posts.length}\\b`));
      for (const line of expected.notConverted)
        assert.ok(r.imported.stdout.includes(`  ${path.join(r.src, line)}`), `report lists ${line}\n${r.imported.stdout}`);
      const notConverted = Number(/\nnot converted: (\d+)/.exec(r.imported.stdout)?.[1]);
      assert.ok(notConverted >= expected.notConverted.length);

      assert.equal(r.built.status, 0, r.built.stderr);
      const bundle = await readBundle(r.out);
      for (const want of expected.posts.filter((p) => !p.bundle)) {
        const post = bundle.posts.find((p) => p.slug === want.slug);
        assert.ok(post, `post ${want.slug} is in the bundle (${bundle.posts.map((p) => p.slug)})`);
        assert.equal(post.title, want.title);
        assertDate(post, want);
        assertTaxonomies(post, want);
      }
      // The constructs left in a post's text are warned about by the build.
      for (const file of expected.leftInText)
        assert.match(r.built.stderr, new RegExp(`${file}:\\d+: template syntax left in the text`));
      // Every template construct the import did convert is gone (code,
      // where the fixtures show such constructs on purpose, is left as it is).
      for (const post of bundle.posts)
        assert.doesNotMatch((post.body ?? '').replace(/^```[^]*?^```/gm, ''), /\{% (highlight|raw|post_url|link|include figure)|\{\{< (highlight|figure|ref|relref|youtube|gist) /);
    } finally {
      await r.remove();
    }
  });
}

test('page bundles (Hugo, Zola) are imported as folders with their files, and built as posts', async () => {
  for (const engine of ['hugo', 'zola']) {
    const r = await importAndBuild(engine);
    try {
      assert.equal(r.imported.status, 0, r.imported.stderr);
      assert.match(r.imported.stdout, /\(1 page bundle with 1 file\)/);
      assert.equal(r.built.status, 0, r.built.stderr);
      const bundle = await readBundle(r.out);
      for (const want of cases[engine].posts.filter((p) => p.bundle)) {
        const post = bundle.posts.find((p) => p.slug === want.slug);
        assert.ok(post, `${engine}: bundle ${want.slug} is in the bundle (${bundle.posts.map((p) => p.slug)})`);
        assert.equal(post.title, want.title);
        assertTaxonomies(post, want);
      }
    } finally {
      await r.remove();
    }
  }
});

test('import refuses a content folder that is not empty, and one inside the blog (exit 2, nothing written)', async () => {
  const src = path.join(fixtures, 'jekyll');
  const r = await importAndBuild('jekyll');
  try {
    const again = quire(['import', 'jekyll', src, r.content]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /not empty; import writes into a new or empty content folder \(--force/);
    assert.equal(quire(['import', 'jekyll', src, r.content, '--force']).status, 0);
    const inside = quire(['import', 'jekyll', src, path.join(src, 'content')]);
    assert.equal(inside.status, 2);
    assert.match(inside.stderr, /never writes into the blog it reads/);
    assert.deepEqual(await snapshot(src), r.before);
    const unknown = quire(['import', 'wordpress', src]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown engine "wordpress"/);
  } finally {
    await r.remove();
  }
});
